// The GIL: a mutex-protected flag with two condition variables, in the shape
// of CPython's "new GIL" (gil.h states the invariants).
#include "runtime/interp/gil.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "runtime/interp/errors.h"
#include "runtime/interp/eval_internal.h"
#include "runtime/interp/runtime.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/gc_module.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/str.h"

namespace tern::interp {

namespace gil_internal {
std::atomic<uint32_t> g_eval_breaker{0};
std::atomic<bool> g_threads_started{false};
}  // namespace gil_internal

using gil_internal::g_eval_breaker;

bool (*g_pending_calls)() = nullptr;
void (*g_gil_taken_hook)() = nullptr;

namespace {

struct Gil {
  std::mutex mutex;
  std::condition_variable released;  // the GIL became free
  std::condition_variable switched;  // a waiter took it (forced switching)
  std::condition_variable never;     // daemon threads after finalization wait here for good
  bool locked = true;                // the main thread holds it from start-up
  uint64_t switches = 0;             // times taken
  int waiters = 0;                   // threads waiting in takeGil (not counting the parked-for-good)
  bool finalizing = false;
};

// Never destroyed: daemon threads may still wait on it while the process
// exits.  A forked child gets a fresh one (forkChild).
Gil*& gilSlot() {
  static Gil* g = new Gil();
  return g;
}
Gil& gil() { return *gilSlot(); }

// fork() runs on the GIL holder.  No other thread may be inside the GIL's
// mutex at that moment; in the child the other threads are gone, so their
// waiting (and any drop request) is forgotten.  The threads' records stay
// with the heap, parked: their stacks are still mapped in the child.
void forkPrepare() { gil().mutex.lock(); }
void forkParent() { gil().mutex.unlock(); }
void forkChild() {
  bool finalizing = gil().finalizing;
  gilSlot() = new Gil();
  gil().finalizing = finalizing;
  g_eval_breaker.fetch_and(~kBreakGilDrop, std::memory_order_relaxed);
}

[[maybe_unused]] const int g_atfork_registered = ::pthread_atfork(forkPrepare, forkParent, forkChild);

std::atomic<int64_t> g_interval_us{5000};

}  // namespace

bool onMainThread() { return ::syscall(SYS_gettid) == ::getpid(); }

void noteThreadStarted() { gil_internal::g_threads_started.store(true, std::memory_order_relaxed); }

void takeGil() {
  Gil& g = gil();
  bool main = onMainThread();
  std::unique_lock lock(g.mutex);
  if (g.locked || (g.finalizing && !main)) {
    ++g.waiters;
    for (;;) {
      if (g.finalizing && !main) {
        --g.waiters;
        g.switched.notify_all();  // a forced drop waiting for this thread stops waiting
        for (;;) g.never.wait(lock);
      }
      if (!g.locked) break;
      uint64_t seen = g.switches;
      auto interval = std::chrono::microseconds(std::clamp<int64_t>(g_interval_us.load(std::memory_order_relaxed), 1, int64_t{1} << 40));
      if (g.released.wait_for(lock, interval) == std::cv_status::timeout && g.locked && g.switches == seen) {
        // The holder ran a whole interval while we waited: ask it to let go.
        g_eval_breaker.fetch_or(kBreakGilDrop, std::memory_order_relaxed);
      }
    }
    --g.waiters;
  }
  g.locked = true;
  ++g.switches;
  // The new holder gets a whole interval; waiters ask again when it is over.
  g_eval_breaker.fetch_and(~kBreakGilDrop, std::memory_order_relaxed);
  g.switched.notify_all();
  lock.unlock();
  if (g_gil_taken_hook != nullptr) g_gil_taken_hook();
}

namespace {

// Lets the GIL go; `forced` (a drop request) waits until a waiter has taken it.
void dropGilImpl(bool forced) {
  Gil& g = gil();
  std::unique_lock lock(g.mutex);
  g.locked = false;
  uint64_t mine = g.switches;
  g.released.notify_one();
  if (forced) {
    while (g.switches == mine && g.waiters > 0) g.switched.wait(lock);
  }
}

// Hands the GIL to a waiting thread and takes it back.  Out of line: the
// registers saved here hold the interpreter's callee-saved registers, and the
// interpreter's caller-saved ones were spilled to its frame for the call.
[[gnu::noinline]] void yieldGil() {
  gc::SavedRegisters registers;
  gc::saveRegisters(&registers);
  gc::parkCurrentThread(registers);
  dropGilImpl(true);
  takeGil();
  gc::unparkCurrentThread();
}

}  // namespace

void dropGil() { dropGilImpl(false); }

void releaseGil(const gc::SavedRegisters& registers) {
  gc::parkCurrentThread(registers);
  dropGilImpl(false);
}

void acquireGil() {
  takeGil();
  gc::unparkCurrentThread();
}

bool handleEvalBreaker() {
  uint32_t bits = g_eval_breaker.load(std::memory_order_acquire);
  if ((bits & kBreakGcWork) != 0) {
    // Cleared first: a collection while the work runs asks again.
    g_eval_breaker.fetch_and(~kBreakGcWork, std::memory_order_relaxed);
    if (!runPendingGcWork()) return false;
  }
  if ((bits & kBreakSignals) != 0) {
    if (onMainThread()) {
      // Cleared before the handlers look at what tripped: a signal arriving
      // meanwhile sets it again.
      g_eval_breaker.fetch_and(~kBreakSignals, std::memory_order_acq_rel);
      if (!runSignalHandlers()) {
        if (signalsTripped()) requestSignalCheck();
        return false;
      }
    } else {
      // Only the main thread runs handlers: give it the chance to run.
      bits |= kBreakGilDrop;
    }
  }
  // After the signal handlers, as CPython.
  if ((bits & kBreakPending) != 0) {
    if (onMainThread()) {
      g_eval_breaker.fetch_and(~kBreakPending, std::memory_order_acq_rel);
      if (g_pending_calls != nullptr && !g_pending_calls()) return false;
    } else {
      bits |= kBreakGilDrop;  // as for signals: let the main thread run them
    }
  }
  // As CPython: one thread taking its exception clears the request for all;
  // a thread without one leaves it for the thread it is meant for.
  if ((bits & kBreakAsyncExc) != 0) {
    ThreadState* self = currentThread();
    if (!self->async_exception.isNull()) {
      Value exc = self->async_exception;
      self->async_exception = Value();
      g_eval_breaker.fetch_and(~kBreakAsyncExc, std::memory_order_acq_rel);
      return doRaise(exc, Value());
    }
  }
  if ((bits & kBreakGilDrop) != 0) {
    bool waiting;
    {
      Gil& g = gil();
      std::lock_guard lock(g.mutex);
      waiting = g.waiters > 0;
      if (!waiting) g_eval_breaker.fetch_and(~kBreakGilDrop, std::memory_order_relaxed);
    }
    if (waiting) yieldGil();
  }
  return true;
}

int setAsyncException(uint64_t thread_id, Value exc) {
  for (ThreadState* t = firstThread(); t != nullptr; t = t->next_thread.load(std::memory_order_acquire)) {
    if (t->thread_id != thread_id) continue;
    t->async_exception = exc;
    if (!exc.isNull()) g_eval_breaker.fetch_or(kBreakAsyncExc, std::memory_order_release);
    return 1;
  }
  return 0;
}

// Kept in microseconds, as CPython keeps it (so the values read back match).
double switchInterval() { return 1e-6 * static_cast<double>(g_interval_us.load(std::memory_order_relaxed)); }

void setSwitchInterval(double seconds) {
  double us = 1e6 * seconds;
  g_interval_us.store(us >= 9.2e18 ? INT64_MAX : static_cast<int64_t>(us), std::memory_order_relaxed);
}

void waitForThreadShutdown() {
  Value modules = lookupAttr(sysModule(), internStr("modules"));
  if (modules.isNull() || !isDict(modules)) {
    clearError();
    return;
  }
  Value threading = dictGet(modules, internStr("threading"));
  if (threading.isNull()) {
    clearError();
    return;
  }
  Value shutdown = lookupAttr(threading, internStr("_shutdown"));
  if (shutdown.isNull()) {
    if (errorPending()) printUnraisable(threading);
    return;
  }
  if (call0(shutdown).isNull()) printUnraisable(threading);
}

void beginFinalization() {
  Gil& g = gil();
  std::lock_guard lock(g.mutex);
  g.finalizing = true;
}

}  // namespace tern::interp
