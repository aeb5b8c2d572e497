// Heap walks for the gc module (gc.get_objects, get_referrers, the counts that
// gc.collect() returns and get_count() reports).
//
// Both spaces are walked as they are: the nursery's object-start bitmap names
// every object allocated since the last collection (dead ones included until
// the next collection clears their bits) and every survivor; the old space's
// allocation bitmaps name every cell in use.  Identity shadows (identity.cc)
// are cells of the collector's own, not objects, and are left out.  Nothing
// here allocates on the heap, so no object moves during a walk.
#include "runtime/gc/heap_internal.h"

namespace tern::gc {

size_t objectCount() {
  size_t young, old;
  objectCounts(&young, &old);
  return young + old;
}

void objectCounts(size_t* young, size_t* old) {
  Heap& h = heap();
  size_t n = 0;
  h.nursery.forEachObject([&](Object*) { ++n; });
  *young = n;
  *old = h.old.objectCount() - h.shadows.size();
}

void forEachObject(void (*fn)(Object* object, void* data), void* data) {
  Heap& h = heap();
  h.nursery.forEachObject([&](Object* object) { fn(object, data); });
  h.old.forEachObject([&](Object* object) {
    if (object->layoutId() != h.shadow_layout) fn(object, data);
  });
}

}  // namespace tern::gc
