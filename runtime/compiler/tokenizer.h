// Tokenizer for Python 3.11 source.
//
// The token stream is the one Python's `tokenize` module produces for valid
// code (including ENCODING, COMMENT and NL), so tools/compare-tokens can diff
// the two over the standard library.  Errors follow the C tokenizer instead:
// where `tokenize` accepts a malformed literal, mixed tabs and spaces or an
// unterminated string, we report the SyntaxError / TabError CPython 3.11
// raises when compiling the file, with its message and (0-based) location.
// Characters no token starts with (`$`, `?`) stay ERRORTOKENs, left for the
// parser to reject, because CPython reports them from its parser too.
//
// Positions: `line` is 1-based; `col` counts code points from the start of
// the line (as `tokenize` does); `byte_col` counts UTF-8 bytes of the decoded
// source (what the AST's col_offset will need).  The tokenizer works on the
// source decoded to UTF-8, so for latin-1 input byte_col refers to the UTF-8
// form, as CPython's does.
//
// Line endings: "\n" and "\r\n" end a line; a lone "\r" is read as "\n"
// (universal newlines, as CPython reads files).  "\r\n" stays in the token
// text, as `tokenize` shows it; string values must fold it later.
//
// Names: a run of ASCII letters, digits, '_' and non-ASCII characters, then
// checked as CPython checks it (identifier.h): XID_Start or '_' first,
// XID_Continue after, else "invalid character '€' (U+20AC)" or "invalid
// non-printable character U+00A0" at that character.  NAME text is kept as
// written; the parser applies normalize_identifier (NFKC).  Where `tokenize`'s
// `\w` and XID disagree (U+00B7, variation selectors) we follow the compiler.
//
// Encodings: see source_encoding.h (any codec CPython accepts that glibc's
// iconv has; errors as compile(bytes) reports them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tern::compiler {

// Every token type, named as in Python's `token` module.  ERRORTOKEN is a
// character no token starts with (`$`, `?`, a lone `!`, a backtick): not an
// error here, since the parser reports "invalid syntax", as CPython does.
#define TERN_TOKEN_TYPES(X) \
  X(ENDMARKER)              \
  X(NAME)                   \
  X(NUMBER)                 \
  X(STRING)                 \
  X(NEWLINE)                \
  X(INDENT)                 \
  X(DEDENT)                 \
  X(OP)                     \
  X(COMMENT)                \
  X(NL)                     \
  X(ENCODING)               \
  X(ERRORTOKEN)

enum class TokenType : uint8_t {
#define TERN_TOKEN_ENUM(name) name,
  TERN_TOKEN_TYPES(TERN_TOKEN_ENUM)
#undef TERN_TOKEN_ENUM
};

// Every operator: its name in Python's `token` module and its spelling.
// The one list; OpType, the tokenizer's matching and the names come from it.
// clang-format off
#define TERN_OPERATORS(X) \
  X(LPAR, "(") \
  X(RPAR, ")") \
  X(LSQB, "[") \
  X(RSQB, "]") \
  X(COLON, ":") \
  X(COMMA, ",") \
  X(SEMI, ";") \
  X(PLUS, "+") \
  X(MINUS, "-") \
  X(STAR, "*") \
  X(SLASH, "/") \
  X(VBAR, "|") \
  X(AMPER, "&") \
  X(LESS, "<") \
  X(GREATER, ">") \
  X(EQUAL, "=") \
  X(DOT, ".") \
  X(PERCENT, "%") \
  X(LBRACE, "{") \
  X(RBRACE, "}") \
  X(EQEQUAL, "==") \
  X(NOTEQUAL, "!=") \
  X(LESSEQUAL, "<=") \
  X(GREATEREQUAL, ">=") \
  X(TILDE, "~") \
  X(CIRCUMFLEX, "^") \
  X(LEFTSHIFT, "<<") \
  X(RIGHTSHIFT, ">>") \
  X(DOUBLESTAR, "**") \
  X(PLUSEQUAL, "+=") \
  X(MINEQUAL, "-=") \
  X(STAREQUAL, "*=") \
  X(SLASHEQUAL, "/=") \
  X(PERCENTEQUAL, "%=") \
  X(AMPEREQUAL, "&=") \
  X(VBAREQUAL, "|=") \
  X(CIRCUMFLEXEQUAL, "^=") \
  X(LEFTSHIFTEQUAL, "<<=") \
  X(RIGHTSHIFTEQUAL, ">>=") \
  X(DOUBLESTAREQUAL, "**=") \
  X(DOUBLESLASH, "//") \
  X(DOUBLESLASHEQUAL, "//=") \
  X(AT, "@") \
  X(ATEQUAL, "@=") \
  X(RARROW, "->") \
  X(ELLIPSIS, "...") \
  X(COLONEQUAL, ":=")
// clang-format on

// The exact type of an OP token.
enum class OpType : uint8_t {
  NONE,  // not an OP token
#define TERN_OP_ENUM(name, spelling) name,
  TERN_OPERATORS(TERN_OP_ENUM)
#undef TERN_OP_ENUM
};

struct Position {
  int line = 0;
  int col = 0;       // code points
  int byte_col = 0;  // UTF-8 bytes
};

struct Token {
  TokenType type = TokenType::ENDMARKER;
  OpType op = OpType::NONE;
  std::string text;  // UTF-8
  Position start;
  Position end;
};

enum class ErrorKind : uint8_t { SyntaxError, IndentationError, TabError };

struct TokenizeError {
  ErrorKind kind = ErrorKind::SyntaxError;
  std::string message;  // worded as CPython 3.11 words it
  int line = 0;
  int col = 0;  // code points, 0-based; line 0 and col -1: no position (CPython: lineno 0, offset -1)
  // SyntaxError.end_offset CPython gives (its end_lineno is `line`): 1-based
  // as the offset, or 0 / -1 where CPython knows no end.
  int end_offset = 0;
  // Most errors CPython's tokenizer raises itself, quoting the line without
  // its newline.  Indentation, tab, line-continuation, end-of-file and
  // undecodable-source errors it only signals; its parser raises them and
  // quotes the line as it quotes its own errors (parser.h, ParseOptions).
  bool raised_by_parser = false;
  // Found at the end of the input (CPython's E_EOF, E_EOFS, E_EOLS): a
  // string, bracket or backslash continuation still open there.
  bool at_end = false;
};

// A number run into one of the keywords that may follow it in valid code
// (`1if x else y`, `0x1for`): CPython 3.11's tokenizer accepts it with a
// SyntaxWarning "invalid decimal literal" (hexadecimal, octal, binary,
// imaginary) and, when a filter makes that an error, raises the SyntaxError
// at the number's last character.
struct TokenizeWarning {
  std::string message;
  int line = 0;
  int col = 0;  // code points, 0-based
};

struct TokenizeResult {
  std::vector<Token> tokens;  // when error is set: the tokens before it
  std::string encoding;       // as tokenize's ENCODING token names it
  std::string text;           // the decoded source (UTF-8), for the line an error quotes
  bool declared = false;      // a BOM or a coding declaration named the encoding
  std::optional<TokenizeError> error;
  std::vector<TokenizeWarning> warnings;  // in source order, before `error`
  bool ok() const { return !error.has_value(); }
};

// Tokenizes a whole source file given as raw bytes.  Never throws.
// `ignore_cookie`: see decode_source (source_encoding.h).
TokenizeResult tokenize(std::string_view source, bool ignore_cookie = false);

// Names as in Python's `token.tok_name`.
const char* token_type_name(TokenType type);
const char* op_type_name(OpType op);
// "OP" for operators unless exact; then the operator's own name.
const char* exact_type_name(const Token& token);
const char* error_kind_name(ErrorKind kind);

}  // namespace tern::compiler
