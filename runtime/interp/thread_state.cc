#include "runtime/interp/thread_state.h"

#include <pthread.h>

#include <mutex>
#include <new>

namespace tern::interp {

namespace {
// Room for the deepest recursion the limit allows with large frames: address
// space only (ValueStack reserves with MAP_NORESERVE).
constexpr size_t kValueStackWords = size_t{16} << 20;

// The registry (thread_state.h): writers hold g_registry_lock.
std::mutex g_registry_lock;
std::atomic<ThreadState*> g_first_thread{nullptr};

void linkThread(ThreadState* ts) {
  std::lock_guard<std::mutex> hold(g_registry_lock);
  ts->next_thread.store(g_first_thread.load(std::memory_order_relaxed), std::memory_order_relaxed);
  g_first_thread.store(ts, std::memory_order_release);
}

void unlinkThread(ThreadState* ts) {
  std::lock_guard<std::mutex> hold(g_registry_lock);
  std::atomic<ThreadState*>* link = &g_first_thread;
  while (link->load(std::memory_order_relaxed) != nullptr) {
    ThreadState* t = link->load(std::memory_order_relaxed);
    if (t == ts) {
      link->store(ts->next_thread.load(std::memory_order_relaxed), std::memory_order_release);
      return;
    }
    link = &t->next_thread;
  }
}

// A forked child runs the forking thread only: the others' states leave the
// registry (they stay allocated, as their stacks stay mapped).
void forgetOtherThreads() {
  new (&g_registry_lock) std::mutex();
  ThreadState* self = thread_detail::t_current;
  if (self != nullptr) self->next_thread.store(nullptr, std::memory_order_relaxed);
  g_first_thread.store(self, std::memory_order_release);
}
[[maybe_unused]] const int g_atfork_registered = ::pthread_atfork(nullptr, nullptr, forgetOtherThreads);
}  // namespace

constinit __attribute__((tls_model("initial-exec"))) thread_local ThreadState* thread_detail::t_current = nullptr;
using thread_detail::t_current;

CStateHooks c_state_hooks = {};

ThreadState::ThreadState() : stack(kValueStackWords) {}

ThreadState::~ThreadState() {
  unlinkThread(this);
  if (c_state != nullptr) c_state_hooks.release(this);
  if (t_current == this) t_current = nullptr;
}

void ThreadState::traceRoots(gc::RootVisitor& visitor) {
  visitor.visitRoot(&pending_exception);
  visitor.visitRoot(&handled_exception);
  visitor.visitRoot(&context);
  visitor.visitRoot(&asyncgen_firstiter);
  visitor.visitRoot(&asyncgen_finalizer);
  visitor.visitRoot(&async_exception);
}

ThreadState* attachThread() {
  // Lives as long as the thread: the interpreter never detaches a thread
  // that ran Python code while the process runs.
  if (t_current == nullptr) {
    t_current = new ThreadState();
    t_current->thread_id = static_cast<uint64_t>(pthread_self());
    linkThread(t_current);
  }
  return t_current;
}

ThreadState* firstThread() { return g_first_thread.load(std::memory_order_acquire); }

}  // namespace tern::interp
