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

TEST(Tokenizer, InvalidUtf8OutsideNamesIsNotAnError) {
  // As compile(bytes): a UTF-8 source is not validated up front.  Comments
  // may hold anything; string bodies are checked by decode_string_body.
  EXPECT_EQ(texts("x = 1 # \xFF\n"), (V{"x", "=", "1", "# \xFF", "\n", ""}));
  EXPECT_EQ(texts("s = '\xE9\xFF'\n"), (V{"s", "=", "'\xE9\xFF'", "\n", ""}));
  EXPECT_EQ(texts("\xEF\xBB\xBFs = b'\x80'\n"), (V{"s", "=", "b'\x80'", "\n", ""}));
  EXPECT_TRUE(tokenize("# coding: utf-8\n# \xFF\n").ok());
  // Columns count an invalid sequence as one character, as errors='replace'
  // does: e9 80 is one, each of c3 and ff is one.
  TokenizeError e = error_of("s = '\xE9\x80\xC3\xFF' + 'abc\n");
  EXPECT_EQ(e.message, "unterminated string literal (detected at line 1)");
  EXPECT_EQ(e.col, 12);
}

TEST(TokenizerErrors, InvalidUtf8InNames) {
  // CPython's offset is the byte offset of the end of the name (col + 1);
  // the position in the message counts bytes from the start of the name.
  const ErrorCase cases[] = {
      {"x\xFF = 1\n", ErrorKind::SyntaxError,
       "(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte", 1, 1},
      {"\xFF\n", ErrorKind::SyntaxError,
       "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", 1, 0},
      {"\xC3\xA9\xC3\xA9\xFF = 1\n", ErrorKind::SyntaxError,
       "(unicode error) 'utf-8' codec can't decode byte 0xff in position 4: invalid start byte", 1, 4},
      {"x = 1; \xE9\x80"
       "A = 2\n",
       ErrorKind::SyntaxError,
       "(unicode error) 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte", 1, 9},
      {"if 1:\n    \xE9\x80 = 1\n", ErrorKind::SyntaxError,
       "(unicode error) 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data", 2, 5},
      {"\xC3 = 1\n", ErrorKind::SyntaxError,
       "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data", 1, 0},
      // Decoding comes before the XID check.
      {"\xE2\x82\xAC\xFF = 1\n", ErrorKind::SyntaxError,
       "(unicode error) 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte", 1, 3},
      // With a utf-8 cookie the source is not validated either.
      {"# coding: utf-8\nx\xFF = 1\n", ErrorKind::SyntaxError,
       "(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte", 2, 1},
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

// ---------------------------------------------------------------------------
// Non-ASCII names (PEP 3131) and source encodings (PEP 263)
// ---------------------------------------------------------------------------

TEST(Tokenizer, NonAsciiNamesThatAreIdentifiers) {
  // XID_Start then XID_Continue; 'ﬁ' and 'µ' are valid before NFKC too.
  EXPECT_EQ(texts("\xC3\xA4 = \xEF\xAC\x81 + \xC2\xB5\n"),
            (V{"\xC3\xA4", "=", "\xEF\xAC\x81", "+", "\xC2\xB5", "\n", ""}));
  // U+00B7 MIDDLE DOT may continue a name (tokenize splits it off; CPython's
  // compiler does not, and neither do we).
  EXPECT_EQ(texts("a\xC2\xB7 = 1\n"), (V{"a\xC2\xB7", "=", "1", "\n", ""}));
  // U+0870 is new in Unicode 14.0, CPython 3.11's version.
  EXPECT_EQ(texts("\xE0\xA1\xB0\n"), (V{"\xE0\xA1\xB0", "\n", ""}));
}

TEST(Tokenizer, NonAsciiCharacterAfterANumber) {
  // CPython's "invalid decimal literal" check takes any non-ASCII byte for
  // a name character (is_potential_identifier_char), valid UTF-8 or not.
  EXPECT_EQ(error_of("1\xC3\xA9\n").message, "invalid decimal literal");
  EXPECT_EQ(error_of("x = 1\xFF\n").col, 4);
  TokenizeError hex = error_of("0x1\xC3\xA9\n");
  EXPECT_EQ(hex.message, "invalid hexadecimal literal");
  EXPECT_EQ(hex.col, 2);
  EXPECT_EQ(error_of("1j\xC3\xA9\n").message, "invalid imaginary literal");
  // `1if`, `1in`, `1is` pass on their first two letters alone.
  EXPECT_EQ(texts("1iffy\n"), (V{"1", "iffy", "\n", ""}));
}

TEST(TokenizerErrors, InvalidCharactersInNames) {
  const ErrorCase cases[] = {
      {"\xE2\x82\xAC = 1\n", ErrorKind::SyntaxError, "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 0},
      {"x = a\xE2\x82\xAC"
       "bc + 1\n",
       ErrorKind::SyntaxError, "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 5},
      {"x = \xC3\xA9\xE2\x82\xAC\n", ErrorKind::SyntaxError, "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 5},
      {"x = \xC2\xA0\n", ErrorKind::SyntaxError, "invalid non-printable character U+00A0", 1, 4},
      {"ab\xE2\x80\x8B = 1\n", ErrorKind::SyntaxError, "invalid non-printable character U+200B", 1, 2},
      {"x\xC2\xB2 = 1\n", ErrorKind::SyntaxError, "invalid character '\xC2\xB2' (U+00B2)", 1, 1},
      {"\xC2\xB7"
       "a = 1\n",
       ErrorKind::SyntaxError, "invalid character '\xC2\xB7' (U+00B7)", 1, 0},
      {"x = \xF0\x9F\x90\x8D\n", ErrorKind::SyntaxError, "invalid character '\xF0\x9F\x90\x8D' (U+1F40D)", 1, 4},
      {"x\n\xE3\x80\x80\n", ErrorKind::SyntaxError, "invalid non-printable character U+3000", 2, 0},
      {"1\xE2\x82\xAC\n", ErrorKind::SyntaxError, "invalid decimal literal", 1, 0},
      // U+1E030 is Unicode 15.0: unassigned, so non-printable, for 3.11.
      {"\xF0\x9E\x80\xB0 = 1\n", ErrorKind::SyntaxError, "invalid non-printable character U+1E030", 1, 0},
      {"x = 1or\xC3\xA9\n", ErrorKind::SyntaxError, "invalid decimal literal", 1, 4},
      {"x = 1iz\n", ErrorKind::SyntaxError, "invalid decimal literal", 1, 4},
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

TEST(Tokenizer, SingleAndMultiByteEncodings) {
  TokenizeResult koi = tokenize("# -*- coding: koi8-r -*-\n\xC1\xC2\xD7 = '\xFF'\n");
  ASSERT_TRUE(koi.ok()) << koi.error->message;
  EXPECT_EQ(koi.encoding, "koi8-r");
  EXPECT_EQ(koi.tokens[3].text, "\xD0\xB0\xD0\xB1\xD0\xB2");  // абв
  EXPECT_EQ(koi.tokens[3].end.col, 3);
  EXPECT_EQ(koi.tokens[5].text, "'\xD0\xAA'");  // Ъ

  TokenizeResult cp1252 = tokenize("# coding: windows-1252\ns = '\x80'\n");
  ASSERT_TRUE(cp1252.ok());
  EXPECT_EQ(cp1252.tokens[5].text, "'\xE2\x82\xAC'");

  TokenizeResult sjis = tokenize("# coding: Shift_JIS\ns = '\x82\xA0'\n");
  ASSERT_TRUE(sjis.ok());
  EXPECT_EQ(sjis.tokens[5].text, "'\xE3\x81\x82'");  // あ

  // Python's name normalisation: punctuation runs fold to '_', '.' kept.
  EXPECT_TRUE(tokenize("# coding: iso.8859.15\n").ok());
  EXPECT_TRUE(tokenize("# coding: -_cp1252--\n").ok());
  EXPECT_TRUE(tokenize("# coding: euc-jp\n").ok());
  EXPECT_TRUE(tokenize("# coding: gbk\n").ok());
}

TEST(TokenizerErrors, EncodingProblems) {
  struct {
    const char* source;
    const char* message;
  } cases[] = {
      {"# -*- coding: uft-8 -*-\n", "unknown encoding: uft-8"},
      {"# coding: Latin-9\n", "unknown encoding: Latin-9"},
      {"# coding: latin.1\n", "unknown encoding: latin.1"},  // a dot is read as "_" only in aliases
      {"\xEF\xBB\xBF#coding: utf8\n", "encoding problem: utf8 with BOM"},
      {"\xEF\xBB\xBF# coding: latin-1-unix\n", "encoding problem: iso-8859-1 with BOM"},
      {"# coding: ROT13\n", "'ROT13' is not a text encoding; use codecs.decode() to handle arbitrary codecs"},
      {"# coding: cp1252\nx=\"\x81\"\n",
       "'charmap' codec can't decode byte 0x81 in position 20: character maps to <undefined>"},
      {"# coding: ascii\nx=1\ny=\"\xFF\xFE\"\n",
       "'ascii' codec can't decode byte 0xff in position 23: ordinal not in range(128)"},
      {"# coding: shift_jis\nx=1\ny=\"\x82\xA0\x82\"\n",
       "'shift_jis' codec can't decode byte 0x82 in position 29: illegal multibyte sequence"},
      // Positions count "\r\n" as one byte: CPython decodes after reading
      // line endings as '\n'.
      {"# coding: ascii\r\nx = \"\xFF\"\n",
       "'ascii' codec can't decode byte 0xff in position 21: ordinal not in range(128)"},
      // Aliases of UTF-8 other than "utf-8" itself decode the whole buffer
      // (with a '\n' added at the end), comments too.
      {"# coding: utf8\nx = \"\xFF\"\n", "'utf-8' codec can't decode byte 0xff in position 20: invalid start byte"},
      {"# coding: cp65001\r\nx = 1 #\xE9\x80",
       "'utf-8' codec can't decode bytes in position 25-26: invalid continuation byte"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.source);
    TokenizeError e = error_of(c.source);
    EXPECT_EQ(e.message, c.message);
    EXPECT_EQ(e.line, 0);  // CPython: lineno 0, offset -1
    EXPECT_EQ(e.col, -1);
  }
}

TEST(TokenizerErrors, TokensBeforeTheErrorAreKept) {
  TokenizeResult r = tokenize("a b 1x\n");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.tokens.size(), 3u);  // ENCODING, a, b
  EXPECT_EQ(r.tokens[2].text, "b");
}

}  // namespace
}  // namespace tern::compiler
