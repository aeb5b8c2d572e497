// Token streams and error messages of tern::compiler::tokenize, checked
// against what CPython 3.11 (`tokenize` module / compile()) produces.
#include "runtime/compiler/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tern::compiler {
namespace {

// One token as "TYPE text line,col-line,col" (exact operator names; the
// text without quoting; ENCODING omitted).
std::vector<std::string> dump(std::string_view source) {
  TokenizeResult r = tokenize(source);
  EXPECT_TRUE(r.ok()) << (r.error ? r.error->message : "");
  std::vector<std::string> out;
  for (const Token& t : r.tokens) {
    if (t.type == TokenType::ENCODING) continue;
    std::string text;
    for (char c : t.text) {
      if (c == '\n') {
        text += "\\n";
      } else if (c == '\r') {
        text += "\\r";
      } else if (c == '\t') {
        text += "\\t";
      } else {
        text.push_back(c);
      }
    }
    out.push_back(std::string(exact_type_name(t)) + " " + text + " " + std::to_string(t.start.line) + "," +
                  std::to_string(t.start.col) + "-" + std::to_string(t.end.line) + "," + std::to_string(t.end.col));
  }
  return out;
}

// Just the texts of the tokens (ENCODING excluded).
std::vector<std::string> texts(std::string_view source) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(source).tokens) {
    if (t.type != TokenType::ENCODING) out.push_back(t.text);
  }
  return out;
}

TokenizeError error_of(std::string_view source) {
  TokenizeResult r = tokenize(source);
  EXPECT_FALSE(r.ok()) << "expected an error for: " << source;
  return r.error.value_or(TokenizeError{});
}

using V = std::vector<std::string>;

// ---------------------------------------------------------------------------
// Token streams
// ---------------------------------------------------------------------------

TEST(Tokenizer, SimpleStatement) {
  EXPECT_EQ(dump("import os\n"), (V{
                                     "NAME import 1,0-1,6",
                                     "NAME os 1,7-1,9",
                                     "NEWLINE \\n 1,9-1,10",
                                     "ENDMARKER  2,0-2,0",
                                 }));
}

TEST(Tokenizer, EncodingTokenComesFirst) {
  TokenizeResult r = tokenize("x\n");
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r.tokens.empty());
  EXPECT_EQ(r.tokens[0].type, TokenType::ENCODING);
  EXPECT_EQ(r.tokens[0].text, "utf-8");
  EXPECT_EQ(r.encoding, "utf-8");
}

TEST(Tokenizer, IndentDedentAndBlankLines) {
  EXPECT_EQ(dump("if x:\n\n    # c\n    pass\nelse:\n\tpass\n"),
            (V{
                "NAME if 1,0-1,2",     "NAME x 1,3-1,4",      "COLON : 1,4-1,5",    "NEWLINE \\n 1,5-1,6",
                "NL \\n 2,0-2,1",      "COMMENT # c 3,4-3,7", "NL \\n 3,7-3,8",     "INDENT      4,0-4,4",
                "NAME pass 4,4-4,8",   "NEWLINE \\n 4,8-4,9", "DEDENT  5,0-5,0",    "NAME else 5,0-5,4",
                "COLON : 5,4-5,5",     "NEWLINE \\n 5,5-5,6", "INDENT \\t 6,0-6,1", "NAME pass 6,1-6,5",
                "NEWLINE \\n 6,5-6,6", "DEDENT  7,0-7,0",     "ENDMARKER  7,0-7,0",
            }));
}

TEST(Tokenizer, NoTrailingNewline) {
  // tokenize adds an empty NEWLINE one column past the end of the last line.
  EXPECT_EQ(dump("x = 1"), (V{
                               "NAME x 1,0-1,1",
                               "EQUAL = 1,2-1,3",
                               "NUMBER 1 1,4-1,5",
                               "NEWLINE  1,5-1,6",
                               "ENDMARKER  2,0-2,0",
                           }));
  // ... but not after a comment-only last line.
  EXPECT_EQ(dump("# c"), (V{"COMMENT # c 1,0-1,3", "NL  1,3-1,3", "ENDMARKER  2,0-2,0"}));
}

TEST(Tokenizer, ImplicitJoiningInBrackets) {
  EXPECT_EQ(dump("f(a,\n  b)\n"), (V{
                                      "NAME f 1,0-1,1",
                                      "LPAR ( 1,1-1,2",
                                      "NAME a 1,2-1,3",
                                      "COMMA , 1,3-1,4",
                                      "NL \\n 1,4-1,5",
                                      "NAME b 2,2-2,3",
                                      "RPAR ) 2,3-2,4",
                                      "NEWLINE \\n 2,4-2,5",
                                      "ENDMARKER  3,0-3,0",
                                  }));
}

TEST(Tokenizer, BackslashContinuation) {
  EXPECT_EQ(dump("x = 1 + \\\n    2\n"), (V{
                                             "NAME x 1,0-1,1",
                                             "EQUAL = 1,2-1,3",
                                             "NUMBER 1 1,4-1,5",
                                             "PLUS + 1,6-1,7",
                                             "NUMBER 2 2,4-2,5",
                                             "NEWLINE \\n 2,5-2,6",
                                             "ENDMARKER  3,0-3,0",
                                         }));
}

TEST(Tokenizer, CrLfLineEndings) {
  EXPECT_EQ(dump("x\r\n\r\n"),
            (V{"NAME x 1,0-1,1", "NEWLINE \\r\\n 1,1-1,3", "NL \\r\\n 2,0-2,2", "ENDMARKER  3,0-3,0"}));
}

TEST(Tokenizer, Operators) {
  V names;
  for (const Token& t : tokenize("a **= b // c -> d := e ... @ f != g <<= h >>= i ~j\n").tokens) {
    if (t.type == TokenType::OP) names.push_back(exact_type_name(t));
  }
  EXPECT_EQ(names, (V{"DOUBLESTAREQUAL", "DOUBLESLASH", "RARROW", "COLONEQUAL", "ELLIPSIS", "AT", "NOTEQUAL",
                      "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "TILDE"}));
}

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(texts("1_000 0x_fF 0o17 0b1_0 3.14 .5 5. 1e10 1E-5 1_0.0_1e+1_0 2j 1.5J .5e3j 0 00 0_0\n"),
            (V{"1_000", "0x_fF", "0o17", "0b1_0", "3.14", ".5", "5.", "1e10", "1E-5", "1_0.0_1e+1_0", "2j", "1.5J",
               ".5e3j", "0", "00", "0_0", "\n", ""}));
  // A number may run straight into one of a few keywords.
  EXPECT_EQ(texts("1if x else 2\n"), (V{"1", "if", "x", "else", "2", "\n", ""}));
  // Attribute access on an int needs a space; `1.` is a float.
  EXPECT_EQ(texts("1 .real\n"), (V{"1", ".", "real", "\n", ""}));
}

TEST(Tokenizer, StringPrefixes) {
  EXPECT_EQ(texts("r'a' b\"b\" u'c' f'{x}' rb'd' Br'e' fR\"f\" RF'g' ur\n"),
            (V{"r'a'", "b\"b\"", "u'c'", "f'{x}'", "rb'd'", "Br'e'", "fR\"f\"", "RF'g'", "ur", "\n", ""}));
  // `ur` is no prefix: a NAME followed by a string.
  EXPECT_EQ(texts("ur'x'\n"), (V{"ur", "'x'", "\n", ""}));
}

TEST(Tokenizer, FStringIsOneToken) {
  EXPECT_EQ(dump("f'{a[\"k\"]!r:>{w}}'\n"),
            (V{"STRING f'{a[\"k\"]!r:>{w}}' 1,0-1,18", "NEWLINE \\n 1,18-1,19", "ENDMARKER  2,0-2,0"}));
}

TEST(Tokenizer, Escapes) { EXPECT_EQ(texts("'a\\'b' \"\\\\\"\n"), (V{"'a\\'b'", "\"\\\\\"", "\n", ""})); }

TEST(Tokenizer, TripleQuotedSpansLines) {
  EXPECT_EQ(dump("x = '''a\nb ' '' \\'''\nc''' + 1\n"), (V{
                                                            "NAME x 1,0-1,1",
                                                            "EQUAL = 1,2-1,3",
                                                            "STRING '''a\\nb ' '' \\'''\\nc''' 1,4-3,4",
                                                            "PLUS + 3,5-3,6",
                                                            "NUMBER 1 3,7-3,8",
                                                            "NEWLINE \\n 3,8-3,9",
                                                            "ENDMARKER  4,0-4,0",
                                                        }));
}

TEST(Tokenizer, SingleQuotedStringWithBackslashNewline) {
  EXPECT_EQ(dump("'a\\\nb'\n"), (V{"STRING 'a\\\\nb' 1,0-2,2", "NEWLINE \\n 2,2-2,3", "ENDMARKER  3,0-3,0"}));
}

TEST(Tokenizer, NonAsciiColumnsCountCodePoints) {
  TokenizeResult r = tokenize("é = 'ü' # ∑\n");
  ASSERT_TRUE(r.ok());
  // ENCODING, NAME, EQUAL, STRING, COMMENT, NEWLINE, ENDMARKER
  ASSERT_EQ(r.tokens.size(), 7u);
  EXPECT_EQ(r.tokens[1].text, "é");
  EXPECT_EQ(r.tokens[1].end.col, 1);
  EXPECT_EQ(r.tokens[1].end.byte_col, 2);
  EXPECT_EQ(r.tokens[3].start.col, 4);
  EXPECT_EQ(r.tokens[3].start.byte_col, 5);
  EXPECT_EQ(r.tokens[4].start.col, 8);
  EXPECT_EQ(r.tokens[4].start.byte_col, 10);
  EXPECT_EQ(r.tokens[4].end.col, 11);
  EXPECT_EQ(r.tokens[4].end.byte_col, 15);
}

TEST(Tokenizer, TabsIndentToMultiplesOfEight) {
  // A tab then spaces, and eight spaces then a tab at the same depth.
  EXPECT_TRUE(tokenize("if x:\n\ty\n\tz\n").ok());
  EXPECT_TRUE(tokenize("if x:\n  \ty\n  \tz\n").ok());
}

TEST(Tokenizer, FormFeedResetsIndentation) {
  EXPECT_EQ(texts("if x:\n    \f  y\n"), (V{"if", "x", ":", "\n", "    \f  ", "y", "\n", "", ""}));
}

TEST(Tokenizer, BomAndCookies) {
  TokenizeResult bom = tokenize("\xEF\xBB\xBFx\n");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom.encoding, "utf-8");
  EXPECT_EQ(bom.tokens[1].text, "x");
  EXPECT_EQ(bom.tokens[1].start.col, 0);

  TokenizeResult latin = tokenize("# -*- coding: latin-1 -*-\ns = '\xE9'\n");
  ASSERT_TRUE(latin.ok());
  EXPECT_EQ(latin.encoding, "iso-8859-1");
  EXPECT_EQ(latin.tokens[5].text, "'\xC3\xA9'");  // decoded to UTF-8

  TokenizeResult second = tokenize("#!/usr/bin/env python\n# vim: set fileencoding=ascii :\nx\n");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.encoding, "ascii");

  // A cookie on line 2 counts only if line 1 is blank or a comment.
  EXPECT_EQ(tokenize("x = 1\n# coding: koi8-r\n").encoding, "utf-8");
}

// ---------------------------------------------------------------------------
// Errors, worded and placed as CPython 3.11's compile() reports them
// (CPython's offset is 1-based; our col is 0-based).
// ---------------------------------------------------------------------------

struct ErrorCase {
  const char* source;
  ErrorKind kind;
  const char* message;
  int line;
  int col;
};

TEST(TokenizerErrors, MatchCPython) {
  const ErrorCase cases[] = {
      {"x = \"abc\n", ErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 4},
      {"x = 'a\\\nb\n", ErrorKind::SyntaxError, "unterminated string literal (detected at line 2)", 1, 4},
      {"x = \"\"\"abc\n\n", ErrorKind::SyntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1,
       4},
      {"x = (1,\n 2", ErrorKind::SyntaxError, "'(' was never closed", 1, 4},
      {"x = 1)\n", ErrorKind::SyntaxError, "unmatched ')'", 1, 5},
      {"x = (1,\n2]\n", ErrorKind::SyntaxError,
       "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1},
      {"x = [1}\n", ErrorKind::SyntaxError, "closing parenthesis '}' does not match opening parenthesis '['", 1, 6},
      {"if 1:\n        x\n\ty\n", ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 3, 0},
      {"if 1:\n\tx\n        y\n", ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 3, 0},
      {"if 1:\n  x\n y\n", ErrorKind::IndentationError, "unindent does not match any outer indentation level", 3, 2},
      {"if 1:\n    x\n  yy = 1\n", ErrorKind::IndentationError, "unindent does not match any outer indentation level",
       3, 8},
      {"x = \x01\n", ErrorKind::SyntaxError, "invalid non-printable character U+0001", 1, 4},
      {"x = 1 + \\\n", ErrorKind::SyntaxError, "unexpected EOF while parsing", 1, 9},
      {"x = \"a\" \\ b\n", ErrorKind::SyntaxError, "unexpected character after line continuation character", 1, 9},
      {"x = 0o78\n", ErrorKind::SyntaxError, "invalid digit '8' in octal literal", 1, 7},
      {"x = 0b12\n", ErrorKind::SyntaxError, "invalid digit '2' in binary literal", 1, 7},
      {"x = 1_\n", ErrorKind::SyntaxError, "invalid decimal literal", 1, 5},
      {"x = 1abc\n", ErrorKind::SyntaxError, "invalid decimal literal", 1, 4},
      {"x = 1e\n", ErrorKind::SyntaxError, "invalid decimal literal", 1, 4},
      {"x = 1.__class__\n", ErrorKind::SyntaxError, "invalid decimal literal", 1, 5},
      {"x = 1jx\n", ErrorKind::SyntaxError, "invalid imaginary literal", 1, 5},
      {"x = 0x\n", ErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 5},
      {"x = 0777\n", ErrorKind::SyntaxError,
       "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 4},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.source);
    TokenizeError e = error_of(c.source);
    EXPECT_EQ(e.kind, c.kind);
    EXPECT_EQ(e.message, c.message);
    EXPECT_EQ(e.line, c.line);
    EXPECT_EQ(e.col, c.col);
  }
}

TEST(Tokenizer, UnknownCharactersAreErrorTokens) {
  // As `tokenize` shows them: the blank before one is an ERRORTOKEN too.
  EXPECT_EQ(dump("x = $?\n"), (V{"NAME x 1,0-1,1", "EQUAL = 1,2-1,3", "ERRORTOKEN   1,3-1,4", "ERRORTOKEN $ 1,4-1,5",
                                 "ERRORTOKEN ? 1,5-1,6", "NEWLINE \\n 1,6-1,7", "ENDMARKER  2,0-2,0"}));
}

TEST(Tokenizer, LoneCarriageReturnEndsALine) {
  EXPECT_EQ(dump("x\ry\r"), (V{"NAME x 1,0-1,1", "NEWLINE \\n 1,1-1,2", "NAME y 2,0-2,1", "NEWLINE \\n 2,1-2,2",
                               "ENDMARKER  3,0-3,0"}));
}

TEST(TokenizerErrors, NullBytes) {
  EXPECT_EQ(error_of(std::string_view("a\0b\n", 4)).message, "source code cannot contain null bytes");
}

TEST(TokenizerErrors, InvalidUtf8WithoutCookie) {
  TokenizeError e = error_of("x = 1\ns = '\xE9'\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(e.message.find("Non-UTF-8 code starting with '\\xe9' on line 2"), std::string::npos) << e.message;
}

TEST(TokenizerErrors, UnsupportedEncodingIsNamed) {
  TokenizeError e = error_of("# -*- coding: koi8-r -*-\nx = 1\n");
  EXPECT_EQ(e.line, 1);
  EXPECT_NE(e.message.find("'koi8-r'"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("not supported"), std::string::npos) << e.message;
}

TEST(TokenizerErrors, TokensBeforeTheErrorAreKept) {
  TokenizeResult r = tokenize("a b 1x\n");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.tokens.size(), 3u);  // ENCODING, a, b
  EXPECT_EQ(r.tokens[2].text, "b");
}

}  // namespace
}  // namespace tern::compiler
