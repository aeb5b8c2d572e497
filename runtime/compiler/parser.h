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

#include "runtime/compiler/ast.h"
#include "runtime/compiler/tokenizer.h"

namespace tern::compiler {

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
};

struct ParseResult {
  std::unique_ptr<ast::Arena> arena;  // owns every node of `module`
  ast::Module* module = nullptr;      // null iff error is set
  std::optional<SyntaxErrorInfo> error;
  bool ok() const { return module != nullptr; }
};

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

}  // namespace tern::compiler
