// Parser for Python 3.11: source bytes -> the AST of Python's `ast` module.
//
// parse_module() is what `ast.parse(source, filename)` and compiling a file
// do: it decodes the source (coding declaration, BOM), tokenizes it and
// builds the tree in an arena owned by the result.  On bad input it returns
// the SyntaxError (or IndentationError / TabError) CPython 3.11 raises for
// the same input, with the same message and location.  Never throws, never
// crashes, always terminates.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/tokenizer.h"

namespace tern::compiler {

// Where CPython takes the line a SyntaxError quotes.
enum class QuotedLine : uint8_t {
  // The symbol table's and code generator's errors: read back from the file
  // `filename`; none when it cannot be read.
  kFromCompiler,
  // The parser's: from the file `filename` for 'exec' input when it can be
  // read, else from the tokenizer's buffer (ParseOptions::string_input).
  kFromParser,
  // The tokenizer's own errors: its buffer, the line without its newline.
  kFromTokenizer,
};

// A SyntaxError's attributes, as Python exposes them: lineno and offset are
// 1-based, offset counts code points of `text` (CPython's SyntaxError.offset);
// end_lineno / end_offset are 0 where CPython leaves them unset.
struct SyntaxErrorInfo {
  ErrorKind kind = ErrorKind::SyntaxError;
  std::string message;
  std::string filename;
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;  // the offending source line, when there is one
  // CPython's symbol table raises SyntaxError(msg) and then sets the
  // location as attributes (PyErr_SyntaxLocationObject): args is just
  // (msg,), and a negative end_offset stays None.
  bool location_in_attributes = false;
  QuotedLine quoted = QuotedLine::kFromCompiler;
};

// A warning CPython's compiler issues through the warnings module as it reads
// the source, at the line of the construct: its tokenizer's SyntaxWarning
// "invalid decimal literal" (a number run into a keyword: `1if x else y`), its
// parser's DeprecationWarning "invalid escape sequence '\d'" (one per string
// token), its code generator's SyntaxWarnings ("assertion is always true",
// '"is" with a literal', "perhaps you missed a comma?").
enum class WarningCategory : uint8_t { DeprecationWarning, SyntaxWarning };
struct CompileWarning {
  WarningCategory category = WarningCategory::DeprecationWarning;
  std::string message;
  int lineno = 0;
  // The SyntaxError CPython raises instead when a filter turns the warning
  // into an error: the same message, at the construct.
  SyntaxErrorInfo as_error;
};

struct ParseResult {
  std::unique_ptr<ast::Arena> arena;  // owns every node of `module`
  ast::Module* module = nullptr;      // null iff error is set
  std::optional<SyntaxErrorInfo> error;
  std::vector<CompileWarning> warnings;  // in the order CPython issues them, before `error`
  bool ok() const { return module != nullptr; }
};

// compile()'s modes: the start rule of the grammar the source must match.
enum class ParseMode : uint8_t {
  kExec,    // file: statements ENDMARKER
  kEval,    // eval: expressions NEWLINE* ENDMARKER
  kSingle,  // interactive: statement_newline, and nothing after it but blanks and comments
};

struct ParseOptions {
  ParseMode mode = ParseMode::kExec;
  // The source is a string given to compile()/exec()/eval(), not a file's
  // text.  CPython reads such a string with its string tokenizer: an 'exec'
  // source gets a final newline if it lacks one, and a SyntaxError quotes
  // the line from the tokenizer's buffer (with its newline only while the
  // tokenizer has not read past that line), where for a file it reads the
  // line back from the file, as written.
  bool string_input = false;
  // The source is a str's UTF-8 (compile() of a str, CPython's
  // PyCF_IGNORE_COOKIE): a coding declaration or BOM in it means nothing, and
  // SyntaxError offsets count characters.
  bool ignore_cookie = false;
  // sys.get_int_max_str_digits() (0: no limit): a decimal integer literal
  // with more digits is a SyntaxError, as in CPython.
  size_t int_max_str_digits = 0;
  // PyCF_DONT_IMPLY_DEDENT: 'single' input whose last line has no newline
  // leaves its open blocks open (CPython's parser adds the newline there
  // but not the DEDENTs), so `if x:\n  pass` needs another line.
  bool dont_imply_dedent = false;
  // PyCF_ALLOW_INCOMPLETE_INPUT: a parse that fails once the tokenizer has
  // read to the end of the input (or hit its end inside a string, a bracket
  // or after a backslash) raises SyntaxError "incomplete input" instead,
  // what codeop and the interactive console take as "read another line".
  bool allow_incomplete = false;
};

// What compile(source, filename, mode) parses.  For ParseMode::kEval the
// module holds one Expr statement, the expression; for kSingle, the
// statements of the one interactive statement.
ParseResult parse(std::string_view source, std::string_view filename, const ParseOptions& options);

// A file's source: parse(source, filename, {}).
ParseResult parse_module(std::string_view source, std::string_view filename);

// "SyntaxError: msg (file.py, line N)", as str() shows it in CPython: the
// file's base name only.
std::string format_syntax_error(const SyntaxErrorInfo& error);

// The report CPython prints for an uncaught SyntaxError (PyErr_Display):
//   File "f.py", line 3
//     x = = 1
//         ^
// SyntaxError: invalid syntax
// The caret line counts `offset` in bytes of the line, as CPython does.
std::string format_syntax_error_report(const SyntaxErrorInfo& error);

// Line `line` (1-based) of `source`, with its newline; empty past the end.
std::string_view source_line(std::string_view source, int line);

// A source line as a SyntaxError quotes it: "\r\n" read as "\n", as CPython
// reads source.
std::string quoted_line(std::string_view line);

// Line `lineno` of the file `filename`, newline included, as CPython reads a
// SyntaxError's line back from the file (universal newlines); nullopt when
// the file cannot be read or has fewer lines.
std::optional<std::string> read_file_line(const std::string& filename, int lineno);

}  // namespace tern::compiler
