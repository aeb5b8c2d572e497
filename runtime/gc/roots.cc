#include "runtime/gc/roots.h"

#include <mutex>

namespace tern::gc {

namespace {
// Constant-initialised, so root containers with static storage may register
// before main in any order.
constinit std::mutex g_roots_mutex;
constinit RootBase* g_roots = nullptr;
}  // namespace

RootBase::RootBase() {
  std::lock_guard lock(g_roots_mutex);
  next_ = g_roots;
  if (next_ != nullptr) next_->prev_ = this;
  g_roots = this;
}

RootBase::~RootBase() {
  std::lock_guard lock(g_roots_mutex);
  if (prev_ != nullptr) {
    prev_->next_ = next_;
  } else {
    g_roots = next_;
  }
  if (next_ != nullptr) next_->prev_ = prev_;
}

void traceRegisteredRoots(RootVisitor& visitor) {
  std::lock_guard lock(g_roots_mutex);
  for (RootBase* root = g_roots; root != nullptr; root = root->next_) root->traceRoots(visitor);
}

}  // namespace tern::gc
