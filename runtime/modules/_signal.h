// The runtime's side of the _signal module: how Python-level signal
// handlers get to run.
//
// A signal arriving for a signal with a Python handler only marks it
// "tripped" (an async-signal-safe store) and writes the signal number to the
// wakeup fd if one is set (set_wakeup_fd, as asyncio uses).  The handlers
// themselves run later, on the main thread, between bytecodes or when a
// blocking call is interrupted (PEP 475): whoever can run Python code tests
// signalsTripped() (one relaxed load) and then calls runSignalHandlers().
// The C handler also sets the interpreter's eval breaker (interp/gil.h),
// which is what the bytecode loop tests.
#pragma once

#include <atomic>

namespace tern {

namespace signal_internal {
extern std::atomic<bool> g_any_tripped;
}  // namespace signal_internal

// Has some signal with a Python handler arrived since the handlers last ran?
inline bool signalsTripped() { return signal_internal::g_any_tripped.load(std::memory_order_relaxed); }

// Runs the Python handlers of the tripped signals (on the main thread only;
// elsewhere nothing happens).  False with the exception a handler raised
// pending (KeyboardInterrupt from default_int_handler, ...).
bool runSignalHandlers();

// CPython's start-up step for SIGINT: unless SIGINT is ignored (or has a
// handler from outside), signal.default_int_handler becomes its handler, so
// that Ctrl-C raises KeyboardInterrupt in the main thread.  False with the
// error pending if _signal cannot be set up.
bool installStartupSigintHandler();

// Marks `signum` as arrived without sending it, as if its C handler had run
// (_thread.interrupt_main: CPython's PyErr_SetInterruptEx).
void simulateSignal(int signum);

// What blocking calls do on EINTR (PEP 475): run the handlers; true means
// "retry the call", false means a handler raised.
inline bool retryAfterSignal() { return !signalsTripped() || runSignalHandlers(); }

}  // namespace tern
