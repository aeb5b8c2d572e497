// The runtime as a whole: start-up, the well-known modules, and running
// source code (the `tern` command, exec/eval/compile).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "runtime/modules/builtins.h"
#include "runtime/objects/object.h"

namespace tern {

// Attaches the calling thread, creates every type, the builtins, sys and
// __main__ modules; sys.argv is argv[script_index:].  The heap must be initialised (gc::initialize).  False
// if something failed (the error has been printed).
bool initializeRuntime(int argc = 0, char** argv = nullptr, int script_index = 0);

// builtinsModule() / builtinsDict(): runtime/modules/builtins.h.
Value sysModule();
Value mainModule();

namespace compiler {
struct SyntaxErrorInfo;
class SymbolTable;
}

// Raises the SyntaxError (IndentationError, TabError) `info` describes; the
// quoted line comes from `source` when `info` has none.  Returns null.
Value raiseSyntaxError(const compiler::SyntaxErrorInfo& info, std::string_view source);

// How compileSource compiles, beyond the mode: compile()'s other arguments.
struct CompileOptions {
  uint32_t flags = 0;  // the CO_FUTURE_* bits in force (given to compile(), inherited from the caller)
  int optimize = 0;    // 0, 1 (-O: no asserts, __debug__ False) or 2 (-OO: no docstrings either)
  // The source is a string given to compile()/exec()/eval(), not the text
  // of the file `filename`: CPython tokenizes it a little differently and
  // its SyntaxErrors quote lines differently (compiler::ParseOptions).
  bool from_string = false;
  // The source is a str's text (UTF-8): coding declarations do not count
  // (compiler::ParseOptions::ignore_cookie).
  bool from_str = false;
  // compile()'s PyCF_DONT_IMPLY_DEDENT and PyCF_ALLOW_INCOMPLETE_INPUT, what
  // codeop asks for (compiler::ParseOptions).
  bool dont_imply_dedent = false;
  bool allow_incomplete = false;
};

// Compiles `source` as a module ('exec'), an expression ('eval') or an
// interactive statement ('single') into a code object; SyntaxError pending
// on error (null).
Value compileSource(std::string_view source, std::string_view filename, std::string_view mode,
                    const CompileOptions& options = {});
// The source text of exec/eval/compile's first argument (CPython's
// _Py_SourceAsString: str, bytes or a bytes-like object, no NUL); `what`
// names what `func` accepts in the TypeError.  False with the exception pending.
bool sourceText(Value source, const char* func, const char* what, std::string* out);

// compile()'s (and symtable()'s) filename as CPython's PyUnicode_FSDecoder
// takes it: str, bytes, an os.PathLike, or (with a DeprecationWarning) any
// other bytes-like object; no NUL.  False with the exception pending.
bool filenameArg(Value filename, std::string* out);

// compileSource's first passes only (symtable.symtable()): the symbol table
// of `source`, with the same errors and warnings; null with the exception
// pending.  Its blocks' `node` pointers dangle (the AST is gone).
std::unique_ptr<compiler::SymbolTable> analyseSource(std::string_view source, std::string_view filename,
                                                     std::string_view mode, const CompileOptions& options);
// Compiles and runs `source` in the dict `globals` (and `locals`, a mapping,
// or null for globals).  Null with the exception pending on error.
Value runSource(std::string_view source, std::string_view filename, Value globals, Value locals = Value());

// Prints the pending exception (or `exc`) with its traceback to stderr the
// way CPython's default excepthook does (traceback.cc).
void printException(Value exc);
// The text printException writes (the chain, "Traceback ..." included).
std::string formatException(Value exc);
// Reports the pending exception (and clears it) as CPython's
// PyErr_WriteUnraisable / _PyErr_WriteUnraisableMsg do: through
// sys.unraisablehook, called with an UnraisableHookArgs (exc_type,
// exc_value, exc_traceback, err_msg, object), or, while the hook is the
// default one (or missing, or None), by printUnraisableDefault.  A failing
// hook is reported in its place ("Exception ignored in sys.unraisablehook").
// runtime/modules/unraisable.cc.
void printUnraisable(Value obj, const char* err_msg = nullptr);
// CPython's default sys.unraisablehook printer, writing to stderr: "err_msg:
// <repr of obj>" (or "Exception ignored in: <repr of obj>" without err_msg,
// "err_msg:" without obj), then exception `e`'s traceback and message (no
// chained exceptions).  Leaves no exception pending (traceback.cc).
void printUnraisableDefault(Value e, Value obj, Value err_msg);
// sys.unraisablehook's default: prints an UnraisableHookArgs (TypeError for
// anything else).
Value defaultUnraisableHook(Value args);

// The program's exit status for an uncaught SystemExit `exc` (printing its
// message when it is not an int or None), as CPython's handle_system_exit.
int systemExitStatus(Value exc);

}  // namespace tern
