// The thread state as C sees it (pystate.cc; docs/cpyext.md, "The thread
// state"): what the rest of cpyext needs from it.
#pragma once

#include "Python.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/thread_state.h"

namespace tern::gc {
class MutatorThread;
}

namespace tern::cpyext {

// A thread's C view: the PyThreadState C sees, first, and what cpyext keeps
// beside it (pystate.cc).
struct CState {
  PyThreadState ts;                        // first: what C sees
  interp::ThreadState* runtime = nullptr;  // null until the state is attached to a thread
  gc::MutatorThread* mutator = nullptr;    // set when attaching registered the thread with the heap
  bool owns_runtime = false;               // attaching made `runtime` (deleted on detach)
  bool holds_gil = false;
  bool premade = false;         // made for tstate_current by noteGilTaken, for the runtime thread it runs on
  bool busy = false;            // inside a hook: nested changes are the hook's own
  PyObject* mirror[3] = {};     // what mirrorToC last wrote into curexc_*
  PyObject* written = nullptr;  // what the innermost CCallScope wrote into exc_state

  // C wrote nothing into curexc_* since they were last mirrored (or a hook
  // is running): the runtime's pending exception is current.
  bool curexcAsMirrored() const {
    return busy || (ts.curexc_type == mirror[0] && ts.curexc_value == mirror[1] && ts.curexc_traceback == mirror[2]);
  }
  // exc_info says "no exception handled", as C found it in the usual case.
  bool handlesNothing() const { return ts.exc_info == &ts.exc_state && ts.exc_state.exc_value == nullptr; }
};

// Brackets one call from the runtime into C code (a PyMethodDef function, a
// slot, a module's init): on entry the handled exception (sys.exception()) is
// written to PyThreadState.exc_info, where Cython's generated code reads and
// writes it directly; on exit what C left there becomes the runtime's handled
// exception again.  The pending exception needs no bracketing: errors.cc keeps
// curexc_* coherent at every read and change.  Free when the thread has no C
// thread state yet (C never asked for one), and nearly free in the usual case
// of a call made while no exception is handled: exc_info already says so,
// and is restored only if C changed it.
class CCallScope {
 public:
  CCallScope() : thread_(interp::currentThread()) {
    if (thread_ == nullptr || thread_->c_state == nullptr) return;
    state_ = static_cast<CState*>(thread_->c_state);
    if (thread_->handled_exception.isNull() && state_->handlesNothing() && state_->written == nullptr) {
      // What enter() would write is there already; leave() restores this.
      saved_top_ = &state_->ts.exc_state;
      saved_value_ = saved_written_ = nullptr;
      unchanged_ = true;
      return;
    }
    enter();
  }
  ~CCallScope() {
    if (state_ != nullptr && !(unchanged_ && state_->handlesNothing())) leave();
  }
  CCallScope(const CCallScope&) = delete;
  CCallScope& operator=(const CCallScope&) = delete;

  // Whether an exception is pending after C returned (errorPending(), with
  // the thread already at hand).  C may have made its thread state during
  // the call, so c_state is read again.
  bool errorPending() const {
    auto* c = static_cast<CState*>(thread_->c_state);
    return c == nullptr || c->curexcAsMirrored() ? !thread_->pending_exception.isNull() : tern::errorPending();
  }

 private:
  void enter();
  void leave();

  interp::ThreadState* thread_;  // the calling thread's runtime state
  CState* state_ = nullptr;      // the thread's C state, or null
  bool unchanged_ = false;       // the constructor found exc_info as enter() would write it
  // Set on entry, read by leave() only when state_ is set.
  _PyErr_StackItem* saved_top_;  // exc_info before the call
  PyObject* saved_value_;        // exc_state.exc_value before the call (owned)
  PyObject* saved_written_;      // the enclosing scope's written value
};

// The calling thread's PyThreadState, made on first use for a thread the
// runtime runs; null on a thread the runtime does not know.
PyThreadState* currentThreadState();

// A state C code passes back after reading it from _PyRuntime's
// tstate_current: the calling thread's premade state is bound to its runtime
// thread first (as currentThreadState binds it), so that what is stored in it
// (its dict) is kept and released with the thread.  Others as they are.
PyThreadState* boundState(PyThreadState* tstate);

// Starts keeping _PyRuntime.gilstate.tstate_current the GIL holder's state
// (the GIL's hook) and stores the caller's: once, when cpyext starts.
void trackGilHolder();

}  // namespace tern::cpyext
