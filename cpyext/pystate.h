// The thread state as C sees it (pystate.cc; docs/cpyext.md, "The thread
// state"): what the rest of cpyext needs from it.
#pragma once

#include "Python.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/thread_state.h"

namespace tern::cpyext {

// Brackets one call from the runtime into C code (a PyMethodDef function, a
// slot, a module's init): on entry the handled exception (sys.exception()) is
// written to PyThreadState.exc_info, where Cython's generated code reads and
// writes it directly; on exit what C left there becomes the runtime's handled
// exception again.  The pending exception needs no bracketing: errors.cc keeps
// curexc_* coherent at every read and change.  Free when the thread has no C
// thread state yet (C never asked for one).
class CCallScope {
 public:
  CCallScope() : thread_(interp::currentThread()) {
    if (thread_ != nullptr && thread_->c_state != nullptr) enter();
  }
  ~CCallScope() {
    if (state_ != nullptr) leave();
  }
  CCallScope(const CCallScope&) = delete;
  CCallScope& operator=(const CCallScope&) = delete;

  // Whether an exception is pending after C returned (errorPending(), with
  // the thread already at hand).
  bool errorPending() const {
    return thread_->c_state != nullptr ? tern::errorPending() : !thread_->pending_exception.isNull();
  }

 private:
  void enter();
  void leave();

  interp::ThreadState* thread_;  // the calling thread's runtime state
  void* state_ = nullptr;        // the thread's C state, or null
  // Set by enter(), read by leave() only when state_ is set.
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
