// Generators, coroutines and async generators.
//
// A GenObj owns a suspended frame: while the generator is not running, the
// frame's words (Frame header, localsplus, operand stack; frame.h) are kept
// in `frame`, an ArrayObj of the same number of slots, so they are traced
// like any heap array (tagged words read as small ints).  Resuming copies
// them onto the thread's value stack, runs the interpreter, and copies them
// back when the frame yields (RETURN_GENERATOR made the first copy).  A
// finished generator drops `frame` (null).
//
// Invariants: state is kCreated until the first resumption, kRunning exactly
// while its frame is on a value stack, kSuspended while `frame` holds it,
// kClosed once `frame` is null.
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
