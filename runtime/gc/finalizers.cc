// Finalizers and weak-slot callbacks: queued by the collector, run after it.
//
// A collection never runs user code.  It queues unreachable finalizable objects
// (resurrected, so everything they reference is intact) on pending_finalize, and
// holders whose weak slots it cleared on pending_weak_cleared; both queues are
// roots.  runFinalizers() empties them.  An object's finalizable flag is cleared
// when it is queued, so it is finalized at most once even if the finalizer
// resurrects it for good; header::kFinalized is set when its finalizer starts.
#include <cstdio>
#include <cstdlib>

#include "runtime/gc/heap_internal.h"

namespace tern::gc {

void setFinalizable(Object* object) {
  Heap& h = heap();
  if (layoutOf(object).finalize == nullptr) {
    std::fprintf(stderr, "tern: internal error: setFinalizable on a %s, whose layout has no finalizer\n",
                 layoutOf(object).name);
    std::abort();
  }
  if (object->hasFlag(header::kFinalizable)) return;
  object->setFlag(header::kFinalizable);
  (isYoung(object) ? h.young_finalizable : h.old_finalizable).push_back(object);
}

void queueWeakCleared(Object* holder) {
  if (layoutOf(holder).weak_cleared != nullptr) heap().pending_weak_cleared.push_back(holder);
}

void setSaveUnreachable(bool (*filter)(Object* object)) { heap().save_filter = filter; }

void takeSavedUnreachable(RootVector* out) {
  Heap& h = heap();
  for (size_t i = 0; i < h.saved_unreachable.size(); ++i) out->push_back(h.saved_unreachable[i]);
  h.saved_unreachable.clear();
}

bool runningFinalizers() { return heap().running_finalizers; }

size_t pendingFinalizers() {
  Heap& h = heap();
  return h.pending_finalize.size() + h.pending_weak_cleared.size();
}

size_t runFinalizers() {
  Heap& h = heap();
  if (h.running_finalizers) return 0;  // a finalizer asked; the outer loop finishes the queue
  h.running_finalizers = true;
  size_t ran = 0;
  for (;;) {
    // The object is held on this stack while its callback runs.
    if (!h.pending_weak_cleared.empty()) {
      Object* holder = h.pending_weak_cleared.back().asObject();
      h.pending_weak_cleared.pop_back();
      layoutOf(holder).weak_cleared(holder);
    } else if (!h.pending_finalize.empty()) {
      Object* object = h.pending_finalize.back().asObject();
      h.pending_finalize.pop_back();
      object->setFlag(header::kFinalized);
      layoutOf(object).finalize(object);
    } else {
      break;
    }
    ++ran;
  }
  h.running_finalizers = false;
  return ran;
}

}  // namespace tern::gc
