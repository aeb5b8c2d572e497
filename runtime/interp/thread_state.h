// The per-thread interpreter state: the pending exception, the exception
// being handled (sys.exc_info()), the value stack frames live on, the
// current frame and recursion depth.
//
// Every field holding a heap reference is traced: ThreadState is a root
// (RootBase), so a Value stored here stays valid across collections.  One
// ThreadState per OS thread that runs Python code; `currentThread()` is a
// thread-local pointer set when the thread enters the runtime.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/gc/roots.h"
#include "runtime/gc/value.h"
#include "runtime/interp/value_stack.h"

namespace tern::interp {

struct Frame;  // frame.h: an interpreter frame on the value stack

class ThreadState final : public gc::RootBase {
 public:
  ThreadState();
  ~ThreadState() override;

  // The exception raised and not yet handled (errors.h), or null.
  Value pending_exception;
  // The exception being handled by an `except` or `finally` block of the
  // innermost frame that handles one (sys.exception()), or null.  The
  // interpreter saves and restores it around handlers (PUSH_EXC_INFO /
  // POP_EXCEPT) and generators swap it in and out when resumed.
  Value handled_exception;
  // The current contextvars.Context, or null until _contextvars first needs one.
  Value context;
  // sys.set_asyncgen_hooks(): called with an async generator when it is first
  // iterated, and when it is collected unfinished; null when unset.
  Value asyncgen_firstiter;
  Value asyncgen_finalizer;
  // An exception another thread asked this one to raise (CPython's
  // PyThreadState_SetAsyncExc): raised at this thread's next eval-breaker
  // check (gil.cc, kBreakAsyncExc), or null.
  Value async_exception;

  ValueStack stack;
  Frame* frame = nullptr;       // the innermost running frame, or null
  int recursion_depth = 0;      // Python-level calls in progress
  int recursion_limit = 1000;   // sys.getrecursionlimit()
  bool recursion_headroom = false;  // raising RecursionError: allow a few more frames

  // cpyext's PyThreadState for this thread (cpyext/pystate.cc), or null until
  // C code first asks for one.  While it is set, errors.cc keeps the C view of
  // the pending exception (its curexc_* fields) coherent through c_state_hooks.
  void* c_state = nullptr;

  // The registry of live thread states, newest first (faulthandler walks it
  // from signal handlers): linked through `next_thread` from firstThread().
  std::atomic<ThreadState*> next_thread{nullptr};
  uint64_t thread_id = 0;  // the owning thread's pthread_t

  void traceRoots(gc::RootVisitor& visitor) override;
};

// The newest live thread state, or null.  Linking (attachThread) and
// unlinking (the destructor) take a lock; a reader takes none and follows
// next_thread with acquire loads, so it is async-signal-safe.  A reader may
// still reach a state whose thread is ending, as CPython's faulthandler may.
ThreadState* firstThread();

// Installed by cpyext (docs/cpyext.md, "The thread state"); called only for a
// thread whose c_state is set.
struct CStateHooks {
  void (*adopt_from_c)(ThreadState*);  // before the pending exception is read: C may have written curexc_*
  void (*mirror_to_c)(ThreadState*);   // after it changed: rewrite curexc_*
  void (*release)(ThreadState*);       // the ThreadState is being destroyed
};
extern CStateHooks c_state_hooks;

// initial-exec: read on every runtime call (errors, frames, C calls), so it
// avoids the __tls_get_addr call of the default model for a shared library;
// constinit: no dynamic initialisation, so no TLS wrapper call either.
namespace thread_detail {
extern constinit __attribute__((tls_model("initial-exec"))) thread_local ThreadState* t_current;
}
inline ThreadState* currentThread() { return thread_detail::t_current; }
// Creates the calling thread's state (once); the runtime calls it at start-up
// and for every thread that enters Python.
ThreadState* attachThread();

}  // namespace tern::interp
