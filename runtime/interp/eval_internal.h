// Private to the interpreter (eval.cc and its helpers in eval_helpers.cc,
// generator.cc, traceback.cc, runtime.cc, gil.cc): the slow paths of opcodes, kept
// out of the loop so that it stays small.  Every function follows the error
// convention (null / false with the exception pending).
#pragma once

#include <cstdint>

#include "runtime/interp/frame.h"
#include "runtime/objects/object.h"

namespace tern::interp {

// --- names ---
Value raiseNameError(Value name);                 // "name 'x' is not defined"
Value raiseUnboundLocal(CodeObj* code, int64_t index);  // UnboundLocalError or the free-variable NameError

// --- raise ---
// RAISE_VARARGS 1/2: makes the instance (a class is called), sets the cause
// and raises; always returns false.
bool doRaise(Value exc, Value cause);

// --- exceptions in handlers ---
// CHECK_EXC_MATCH's validation: TypeError for classes that are not
// exceptions; then whether `exc` matches.  -1 on error.
int checkExceptMatch(Value exc, Value type, bool star);
// CHECK_EG_MATCH: *match / *rest (None when absent); false on error.
bool exceptionGroupMatch(Value exc, Value type, Value* match, Value* rest);
// PREP_RERAISE_STAR: prepReraiseStar (runtime/objects/exceptions.h).

// --- unpacking ---
// Pushes the items of `seq` at `out` (which has room for them), last item
// first (out[0] is the deepest), as UNPACK_SEQUENCE (after = -1) and
// UNPACK_EX (before, after) want them.
bool unpackIterable(Value seq, int before, int after, Value* out);

// --- containers in calls and displays ---
bool listExtendForStar(Value list, Value iterable);   // LIST_EXTEND's TypeError
bool dictUpdateForDisplay(Value dict, Value other);    // DICT_UPDATE
bool dictMergeForCall(Value func, Value dict, Value other);  // DICT_MERGE
Value formatValue(Value v, uint32_t flags, Value spec);
// "f()" / "print()" / "'int' object" as CPython's _PyObject_FunctionStr.
std::string functionDescription(Value func);
// CALL_FUNCTION_EX's argument normalisation: a tuple and a dict (or null).
bool normaliseStarArgs(Value func, Value* args, Value* kwargs);

// --- attributes ---
// LOAD_METHOD: *meth and *self (self null: *meth is the attribute itself).
bool loadMethod(Value obj, Value name, Value* meth, Value* self);

// --- with ---
bool beforeWith(Value mgr, bool async, Value* exit, Value* enter_result);

// --- match ---
Value matchKeys(Value subject, Value keys);
Value matchClass(Value subject, Value cls, int64_t nargs, Value kwnames);

// --- imports ---
Value importNameOp(Frame* frame, Value name, Value fromlist, Value level);
Value importFrom(Value module, Value name);
bool importStar(Frame* frame, Value module);

// --- async ---
Value getAwaitableIter(Value v, int where, CodeObj* code);  // GET_AWAITABLE
Value getYieldFromIter(Value v, CodeObj* code);            // GET_YIELD_FROM_ITER
Value getAIter(Value v);                                    // GET_AITER
Value getANext(Value aiter);                                // GET_ANEXT

// --- generators (generator.cc) ---
// RETURN_GENERATOR: the generator owning a copy of `frame`, stopped at its
// current instruction with its current stack depth.
Value generatorFromFrame(Frame* frame);
// YIELD_VALUE: stops the frame, running in place in its generator's array
// (depth already saved), and marks the generator suspended.
void suspendGeneratorFrame(ThreadState* ts, Frame* frame);
// SEND / FOR_ITER: the frame of `gen` (a generator or coroutine, not an async
// generator) started in place, linked above ts->frame with `value` pushed, for
// the calling interpreter loop to run; null when it must be resumed through
// genSend (not suspended or just created with None sent, at the recursion
// limit, or young while !allow_young).  Raises nothing.
Frame* resumeGeneratorInline(ThreadState* ts, Value gen, Value value, bool allow_young);
// CALL: whether `callable` is generator.send or coroutine.send (the method
// descriptor) and applies to `self`, so the call may resume `self` inline.
bool isSendMethodOf(Value callable, Value self);
// The frame of a generator resumed inline finished and was popped: it
// returned (`ok`) or raised the pending exception (a StopIteration becomes
// RuntimeError, PEP 479).
void finishGeneratorInline(ThreadState* ts, Value gen, bool ok);

// --- tracebacks (traceback.cc) ---
// Prepends a traceback entry for `frame` at its current instruction to the
// pending exception.
void addTraceback(Frame* frame);

// --- class bodies, exec (runtime.cc) ---
Value builtinBuildClass(const Value* args, size_t nargs, Value kwnames);

}  // namespace tern::interp
