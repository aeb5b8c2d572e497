#include "runtime/interp/thread_state.h"

namespace tern::interp {

namespace {
// Room for the deepest recursion the limit allows with large frames: address
// space only (ValueStack reserves with MAP_NORESERVE).
constexpr size_t kValueStackWords = size_t{16} << 20;
}  // namespace

constinit __attribute__((tls_model("initial-exec"))) thread_local ThreadState* thread_detail::t_current = nullptr;
using thread_detail::t_current;

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

ThreadState* attachThread() {
  // Lives as long as the thread: the interpreter never detaches a thread
  // that ran Python code while the process runs.
  if (t_current == nullptr) t_current = new ThreadState();
  return t_current;
}

}  // namespace tern::interp
