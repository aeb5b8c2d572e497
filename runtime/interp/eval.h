// The bytecode interpreter's entry points (eval.cc).
//
// Python-to-Python calls made by CALL do not recurse in C++: the loop pushes
// the callee's frame and continues with it (as CPython 3.11).  Everything
// else that runs Python code from C++ (a native calling back, a slot
// wrapper, a generator's resumption) enters the loop anew through one of the
// functions below; each such entry counts one level of the recursion depth
// and checks the remaining C stack, so deep native recursion ends in
// RecursionError, never in a crash.
#pragma once

#include <cstddef>

#include "runtime/interp/frame.h"
#include "runtime/objects/object.h"

namespace tern {

// tp_call of `function`: binds the arguments and runs the function.
Value callFunction(Value func, const Value* args, size_t nargs, Value kwnames);
// Runs a code object with the given globals (a dict) and locals (any
// mapping, or null for globals): exec()/eval() of code, module bodies.
Value evalCode(Value code, Value globals, Value locals);
// Runs the body of a class statement: the code of `func` with `ns` as its
// locals mapping and func's closure; returns what the body returns (the
// __class__ cell or None).
Value runClassBody(Value func, Value ns);

// Py_EnterRecursiveCall / Py_LeaveRecursiveCall for native code that
// recurses (repr of nested containers, comparisons): false with
// RecursionError "maximum recursion depth exceeded<where>" pending.
bool enterRecursiveCall(const char* where);
void leaveRecursiveCall();

}  // namespace tern

namespace tern::interp {

// Runs `frame` — already pushed by pushFrame with its arguments bound —
// until it returns, and pops it.  If `throw_exc` is set the frame resumes by
// raising it at its current instruction (generator.throw).  The frame is
// made the entry frame of this loop invocation.
Value runFrame(ThreadState* ts, Frame* frame, Value throw_exc);

}  // namespace tern::interp
