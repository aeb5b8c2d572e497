// The builtins module (builtins.cc) and the builtin functions whose work
// belongs to the interpreter (they read the current frame or compile code);
// those are implemented in runtime/interp and listed in builtins.cc's table.
#pragma once

#include "runtime/objects/object.h"

namespace tern {

// The builtins module, created at start-up (a root); its dict is every
// frame's default __builtins__.
Value builtinsModule();
Value builtinsDict();

// Implemented by the interpreter (runtime/interp), each with the signature
// builtins.cc declares for it in its MethodDef:
Value builtin___build_class__(Value* args);  // "(func, name, /, *bases, **kwds)"
Value builtin___import__(Value* args);       // "(name, globals=None, locals=None, fromlist=(), level=0)"
Value builtin_exec(Value* args);             // "(source, globals=None, locals=None, /, *, closure=None)"
Value builtin_eval(Value* args);             // "(source, globals=None, locals=None, /)"
Value builtin_compile(Value* args);  // "(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)"
Value builtin_globals(Value* args);  // "()"
Value builtin_locals(Value* args);   // "()"
// len(), also called by the interpreter's CALL without the argument binder
// when a site calls it with one positional argument (CPython 3.11's
// CALL_NO_KW_LEN): args[1] is the object.
Value builtin_len(Value* args);  // "($module, obj, /)"
// The current frame's locals mapping (what locals() returns), for vars()
// and dir() without arguments; null with an exception on error.
Value currentLocals();

// input() and the interactive prompt on a terminal: when sys.stdin and
// sys.stdout are the process's standard input and output, both terminals,
// and a line editor is installed, the line is read through it (CPython's
// PyOS_Readline: GNU readline once the `readline` module is imported).
// g_terminal_reader is cpyext's PyOS_Readline: false if no editor is
// installed; else true with *line the line read without its newline, or null
// with the exception pending (EOFError at the end of input).
extern bool (*g_terminal_reader)(const char* prompt, Value* line);
// False if the line is not for the terminal reader to read; otherwise true,
// with *line as above.
bool readTerminalLine(Value in, Value out, Value prompt, Value* line);

}  // namespace tern
