// The global interpreter lock (DESIGN.md §6, "The GIL").
//
// Invariants:
//  - At most one thread holds the GIL, and only the holder touches the heap or
//    runs Python code.  The main thread holds it from start-up.
//  - Every registered mutator thread (gc::MutatorThread) that does not hold the
//    GIL is parked (roots.h): it saved its callee-saved registers and stack
//    pointer before letting the GIL go, so a collection on the holder scans its
//    stack conservatively from there and pins what it finds.  Parking happens
//    while the GIL is still held and unparking after it is taken again, so
//    park/unpark never race with a collection.
//  - A thread that does not hold the GIL touches no heap object: what a blocking
//    call needs is copied to C memory first (or read from an object its own
//    stack references, which is pinned), and results are turned into objects
//    after the GIL is back.
//
// Switching: a thread waiting for the GIL longer than the switch interval
// (sys.setswitchinterval, 5 ms by default) sets the drop request in the eval
// breaker; the holder sees it at the interpreter's periodic check
// (JUMP_BACKWARD and backward conditional jumps: every loop's back edge; and
// the CALL of a Python function) and
// hands the GIL over, waiting until a waiter has taken it so that it cannot
// take it straight back (CPython's forced switching).
//
// The eval breaker is one word combining "a signal has a Python handler to
// run", "drop the GIL" and "a collection left work for Python code"
// (finalizers, weakref callbacks, gc.callbacks: runtime/modules/gc_module.h),
// so the interpreter's hot path tests all with one relaxed load.  Only the
// main thread runs Python signal handlers; the collector's work runs on
// whichever thread holds the GIL.
//
// At exit (beginFinalization) the main thread keeps the GIL for good: a daemon
// thread that comes back from a blocking call, or ends, waits for it forever
// instead of touching a heap that is being torn down.
#pragma once

#include <atomic>
#include <cerrno>
#include <cstdint>

#include "runtime/gc/roots.h"

namespace tern::interp {

namespace gil_internal {
extern std::atomic<uint32_t> g_eval_breaker;
extern std::atomic<bool> g_threads_started;
}  // namespace gil_internal

inline constexpr uint32_t kBreakSignals = 1;  // a Python signal handler may have to run
inline constexpr uint32_t kBreakGilDrop = 2;  // a thread waits for the GIL
inline constexpr uint32_t kBreakGcWork = 4;   // a collection queued finalizers or reports
inline constexpr uint32_t kBreakPending = 8;  // C queued calls for the main thread (Py_AddPendingCall)
inline constexpr uint32_t kBreakAsyncExc = 16;  // a thread's async_exception was set (thread_state.h)

// The interpreter's periodic test: one relaxed load.
inline bool evalBreakerSet() { return gil_internal::g_eval_breaker.load(std::memory_order_relaxed) != 0; }

// The slow path: hands the GIL over when asked and runs signal handlers on the
// main thread.  False with the exception a handler raised pending.
bool handleEvalBreaker();

// Marks signals as pending for the eval breaker; async-signal-safe (_signal.cc).
inline void requestSignalCheck() {
  gil_internal::g_eval_breaker.fetch_or(kBreakSignals, std::memory_order_release);
}

// Asks for runPendingGcWork() at the next safe point; called by the
// collector's observer (gc_module.h), so it must not allocate.
inline void requestGcWork() { gil_internal::g_eval_breaker.fetch_or(kBreakGcWork, std::memory_order_relaxed); }

// Asks the main thread to run g_pending_calls at its next safe point; any
// thread may ask, with or without the GIL (cpyext's Py_AddPendingCall).
inline void requestPendingCalls() { gil_internal::g_eval_breaker.fetch_or(kBreakPending, std::memory_order_release); }
// Runs the calls C queued; false with the exception one raised pending (the
// rest stay queued).  Null until C first queues one (cpyext/ceval.cc).
extern bool (*g_pending_calls)();

// Makes the thread whose thread_id is `thread_id` raise `exc` (an exception
// class or instance; null withdraws a request) at its next eval-breaker
// check.  Returns how many threads were asked: 0 or 1.  The GIL is held.
int setAsyncException(uint64_t thread_id, Value exc);

// Has a second thread ever been started?  Until then releasing the GIL around
// a blocking call is skipped: nobody could take it.
inline bool threadsStarted() { return gil_internal::g_threads_started.load(std::memory_order_relaxed); }
void noteThreadStarted();

// The raw lock, for threads that are not (yet, or no longer) registered with
// the heap: a new thread takes it before it registers, an ending thread drops
// it after it unregisters.  Every taking ends with g_gil_taken_hook.
void takeGil();
// Called by the thread that just took the GIL, outside the GIL's own mutex:
// cpyext stores the taker's C thread state where C code built with CPython
// reads the holder's (cpyext/pystate.cc).  Null until cpyext starts; must
// not touch the heap (the taker may not be registered yet).
extern void (*g_gil_taken_hook)();
void dropGil();

// For registered threads: park with `registers` and release; take and unpark.
void releaseGil(const gc::SavedRegisters& registers);
void acquireGil();

// Releases the GIL for its lifetime, around a blocking call (CPython's
// Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS).  Inside it: no heap access,
// no Python code, no allocation of heap objects.
class AllowThreads {
 public:
  [[gnu::always_inline]] AllowThreads() {
    if (!threadsStarted()) return;
    gc::SavedRegisters registers;
    gc::saveRegisters(&registers);
    releaseGil(registers);
    released_ = true;
  }
  ~AllowThreads() {
    if (!released_) return;
    int saved_errno = errno;  // the blocking call's
    acquireGil();
    errno = saved_errno;
  }
  AllowThreads(const AllowThreads&) = delete;
  AllowThreads& operator=(const AllowThreads&) = delete;

 private:
  bool released_ = false;
};

// sys.getswitchinterval / sys.setswitchinterval, in seconds.
double switchInterval();
void setSwitchInterval(double seconds);

// Is the calling thread the process's main thread?
bool onMainThread();

// At exit, in CPython's order: join the non-daemon threads
// (threading._shutdown, errors printed), then, after the atexit callbacks,
// keep the GIL on the main thread for good.
void waitForThreadShutdown();
void beginFinalization();

}  // namespace tern::interp
