// Stable identity for objects that move.
//
// An old object never moves, so its address is its identity.  A young object
// whose identity is asked for gets its old-space home reserved at once: a cell of
// its size (a "shadow", with a layout of its own and no references) whose
// address is the identity.  When the object is promoted it is copied into that
// very cell, so the identity becomes its address.  Until then Heap::shadows maps
// the young object to its shadow; the minor collector keeps the map current
// (scavenge.cc) and frees the shadows of young objects that die.  Identities are
// thus addresses of distinct live cells: unique among live objects.
#include "runtime/gc/heap_internal.h"

namespace tern::gc {

uintptr_t identity(Object* object) {
  if (!isYoung(object)) return reinterpret_cast<uintptr_t>(object);
  Heap& h = heap();
  if (object->hasFlag(header::kHasShadow)) return reinterpret_cast<uintptr_t>(h.shadows.at(object));
  size_t bytes = object->sizeBytes();
  bool zeroed;  // no matter: the object is copied over it when promoted
  Object* shadow = h.old.allocate(bytes, &zeroed);
  shadow->header_word = header::make(h.shadow_layout, bytes);
  object->setFlag(header::kHasShadow);
  h.shadows.emplace(object, shadow);
  return reinterpret_cast<uintptr_t>(shadow);
}

int64_t identityHash(Object* object) {
  // As CPython's _Py_HashPointer: rotate the low 4 bits (always zero from
  // alignment) to the top, and never -1, which means "error" in the C API.
  uintptr_t y = identity(object);
  y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
  auto x = static_cast<int64_t>(y);
  return x == -1 ? -2 : x;
}

}  // namespace tern::gc
