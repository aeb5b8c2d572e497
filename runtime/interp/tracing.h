// sys.settrace / sys.setprofile: the interpreter's tracing hooks.
//
// Tracing costs nothing while no thread has a trace or profile function:
// the interpreter's dispatch table (runFrame's kTargets) is then untouched.
// When one is set, every entry of that table is pointed at the loop's
// `op_TRACE` block (as CPython 3.11 sends every instruction through
// DO_TRACING), which calls traceInstruction() and then jumps to the real
// handler (realTarget).  When the last one is removed the table is restored.
// Threads without a function of their own go straight through op_TRACE.
//
// Events, as CPython 3.11 gives them (Python/ceval.c):
//   'call'      at the first instruction of an activation (also when a
//               generator or coroutine resumes), to the global trace
//               function, whose result becomes frame.f_trace; and to the
//               profile function.  frame_flags::kTraceCalled marks that it
//               was given; a yield clears it.
//   'line'      to f_trace, when the instruction starts another line than the
//               one traced before in the frame, or jumps backwards (not onto
//               a SEND); unless f_trace_lines is False.
//   'opcode'    to f_trace for every instruction when f_trace_opcodes is True.
//   'return'    at RETURN_VALUE / YIELD_VALUE with the value, and with None
//               when an exception leaves the frame (traceUnwind).
//   'exception' to f_trace when an exception is raised in the frame
//               (traceException), with (type, value, traceback).
//   'c_call', 'c_return', 'c_exception'  to the profile function around
//               calls of builtin functions (and method descriptors, bound
//               first); c_return / c_exception are given at the caller's
//               next traced instruction / exception.
// While a trace or profile function runs, its thread is not traced.  A
// function that raises is removed (sys.settrace(None) / setprofile(None))
// and its exception propagates.
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern::interp {

class ThreadState;
struct Frame;

namespace tracing_internal {
extern bool g_active;              // some thread has a trace or profile function
extern void* g_real_targets[256];  // the dispatch table as runFrame made it
}  // namespace tracing_internal

// runFrame, once: its dispatch table (which tracing redirects) and the
// address of its op_TRACE block.
void registerDispatchTable(void** table, void* trace_target);

// The handler of opcode `op` (what the table held before tracing).
inline void* realTarget(uint32_t op) { return tracing_internal::g_real_targets[op]; }

// Is any thread tracing or profiling?  The error path's hooks test it.
inline bool tracingActive() { return tracing_internal::g_active; }

// op_TRACE: the events due before the instruction at frame->instr() runs.
// False with the exception a trace function raised pending.
bool traceInstruction(ThreadState* ts, Frame* frame);
// The interpreter's `error:` path: an exception was raised in `frame`.  A
// trace function that raises replaces the pending exception.
void traceException(ThreadState* ts, Frame* frame);
// An exception leaves `frame` (no handler): its 'return' event, with None.
void traceUnwind(ThreadState* ts, Frame* frame);

// sys.settrace / sys.setprofile for the calling thread (None or null: off),
// and what they set (None when unset).
void setTraceFunction(Value func);
void setProfileFunction(Value func);
Value traceFunction();
Value profileFunction();

// A C trace or profile function (PyEval_SetTrace / PyEval_SetProfile, set
// through cpyext), which replaces the thread's Python one.  Unlike those it
// gets every event of every frame ('line' and 'exception' without f_trace),
// its result is no f_trace, and it stays set when it fails.  `call` gives
// `fn` one event: `what` is CPython's PyTrace_* number, `obj` what the
// function was set with (sys.gettrace()'s result; may be null); false with
// an exception pending when the function failed.
struct CTraceHook {
  bool (*call)(void* fn, Value obj, Value frame_obj, int what, Value arg) = nullptr;
  void* fn = nullptr;  // null: none
};
void setCTraceFunction(CTraceHook hook, Value obj);
void setCProfileFunction(CTraceHook hook, Value obj);

}  // namespace tern::interp
