// Generators, coroutines and async generators.
//
// A GenObj owns its frame: the frame's words (Frame header, localsplus,
// operand stack; frame.h) live in `frame`, an ArrayObj of the same number of
// slots, traced like any heap array (tagged words read as small ints).
// RETURN_GENERATOR copies the frame there from the value stack once; from
// then on the frame runs IN PLACE in the array (frame_flags::kInPlace):
// resuming links it into the thread's frame chain, suspending unlinks it.
// genSend resumes it by running the interpreter on it (a nested runFrame);
// FOR_ITER, SEND and a call of gen.send() resume it inline, in the loop that
// executes them, and its YIELD_VALUE, return or exception goes back to that
// instruction (eval.cc).  A finished generator drops `frame` (null).
//
// Running in place needs two things from the collector, because the
// interpreter holds raw pointers into the frame and stores into it without
// the write barrier:
//   - the array must not move while the frame runs.  An old array never
//     moves; a young one is pinned by the stack scan, since resume() keeps a
//     pointer into it live across the interpreter call, and runFrame keeps
//     those it resumed inline in a small array on its C stack (past that
//     many, it resumes through genSend).
//   - the generational invariant (gc/barrier.h) must hold when a collection
//     starts.  A young array needs nothing; an old one is listed when it
//     starts running, and the collection prologue (gc::setCollectionPrologue)
//     re-applies the barrier to every word of each listed array, keeping on
//     the list those still running.
//
// Invariants: state is kCreated until the first resumption, kRunning exactly
// while its frame runs (kInPlace set), kSuspended while it is stopped at a
// yield, kClosed once `frame` is null.  A suspended frame's operand slots
// above its depth are null.
//
// Exception state (sys.exc_info() inside a generator), as CPython 3.11's
// chain of per-generator exc_info entries: `exc_state` is the exception the
// generator's own frame is handling (set by its PUSH_EXC_INFO, kept across
// yields), or null; while it runs, `exc_outer` is what its resumer was
// handling, and the thread's handled_exception is exc_state if set, else
// exc_outer (genPushExcInfo / genPopExcept keep that true).
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

enum class GenState : int64_t { kCreated = 0, kSuspended = 1, kRunning = 2, kClosed = 3 };

struct GenObj : Obj {
  gc::HeapValue code;       // CodeObj
  gc::HeapValue name;       // __name__
  gc::HeapValue qualname;   // __qualname__
  gc::HeapValue frame;      // ArrayObj of the suspended frame's words, or null when finished
  gc::HeapValue exc_state;  // the exception the generator's frame handles, or null
  gc::HeapValue exc_outer;  // while running: the resumer's handled exception, or null
  gc::HeapValue frame_obj;  // the frame object (gi_frame) once asked for, or null
  gc::HeapValue origin;     // cr_origin (always None) / async gen finalizer, or null
  gc::HeapValue weakrefs;   // reserved
  int64_t state;            // GenState
  int64_t running_async;    // async generators: an asend/athrow is in progress
  int64_t hooks_inited;     // async generators: firstiter called
  int64_t closed_flag;      // async generators: aclose() done (ag_closed semantics)
};

inline GenObj* asGen(Value v) { return static_cast<GenObj*>(v.asObject()); }
inline bool isGenerator(Value v) { return !v.isSmallInt() && typeOf(v) == types::generator_type; }
inline bool isCoroutine(Value v) { return !v.isSmallInt() && typeOf(v) == types::coroutine_type; }
inline bool isAsyncGenerator(Value v) { return !v.isSmallInt() && typeOf(v) == types::async_generator_type; }

// The generator (of the type the code's flags call for) owning a copy of the
// running frame `frame_words` (its first `nwords` words); null on error.
Value newGeneratorFromFrame(const Value* frame_words, size_t nwords, Value code, Value name, Value qualname);

// gen.send(value): the value yielded (*returned = false), the value returned
// (*returned = true, no StopIteration raised), or null with an exception.
Value genSend(Value gen, Value value, bool* returned);
// gen.throw(exc): as genSend, `exc` an exception instance.
Value genThrow(Value gen, Value exc, bool* returned);
// The receiver a suspended generator is delegating to (gi_yieldfrom /
// cr_await), or null.
Value genYieldFrom(Value gen);

// PUSH_EXC_INFO / POP_EXCEPT / CHECK_EG_MATCH in a generator's frame: set the
// generator's own exception state to `exc` (null or None: none) and the
// thread's handled exception accordingly.
void genSetExcState(Value gen, Value exc);
// The generator's own exception state as PUSH_EXC_INFO saves it (None when
// it handles none).
Value genExcState(Value gen);

// The wrapper ASYNC_GEN_WRAP makes around values an async generator yields.
Value newAsyncGenWrappedValue(Value v);

}  // namespace tern
