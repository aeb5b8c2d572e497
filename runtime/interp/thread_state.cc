#include "runtime/interp/thread_state.h"

namespace tern::interp {

namespace {
// Room for the deepest recursion the limit allows with large frames: address
// space only (ValueStack reserves with MAP_NORESERVE).
constexpr size_t kValueStackWords = size_t{16} << 20;

// initial-exec: read on every runtime call (errors, frames), so it avoids
// the __tls_get_addr call of the default model for a shared library.
__attribute__((tls_model("initial-exec"))) thread_local ThreadState* t_current = nullptr;
}  // namespace

CStateHooks c_state_hooks = {};

ThreadState::ThreadState() : stack(kValueStackWords) {}

ThreadState::~ThreadState() {
  if (c_state != nullptr) c_state_hooks.release(this);
  if (t_current == this) t_current = nullptr;
}

void ThreadState::traceRoots(gc::RootVisitor& visitor) {
  visitor.visitRoot(&pending_exception);
  visitor.visitRoot(&handled_exception);
  visitor.visitRoot(&context);
  visitor.visitRoot(&asyncgen_firstiter);
  visitor.visitRoot(&asyncgen_finalizer);
}

ThreadState* currentThread() { return t_current; }

ThreadState* attachThread() {
  // Lives as long as the thread: the interpreter never detaches a thread
  // that ran Python code while the process runs.
  if (t_current == nullptr) t_current = new ThreadState();
  return t_current;
}

}  // namespace tern::interp
