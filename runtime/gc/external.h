// External links: C memory that stands for a heap object.
//
// cpyext hands C code proxies in non-moving memory (DESIGN.md §6).  The word
// in front of each proxy is its link: the Value of the heap object it stands
// for.  The collector owns the link's contents:
//   - while the link's owner says it is strong (a proxy whose emulated
//     ob_refcnt is above zero), the link is a root;
//   - when the object moves, the link is rewritten;
//   - when a weak link's object dies, the link is dropped and the owner's
//     release() runs, inside the collector: it may free C memory but must not
//     allocate on the heap, run Python code or read the (dead) object.
// Invariants, checked by the heap verifier: an object has at most one link,
// it carries header::kHasExternal exactly while it has one, and its link's
// target is the object's current address.
#pragma once

#include "runtime/gc/layout.h"
#include "runtime/gc/object.h"

namespace tern::gc {

struct ExternalLink {
  Value target;
};

struct ExternalHooks {
  bool (*is_strong)(const ExternalLink* link) = nullptr;
  void (*release)(ExternalLink* link) = nullptr;
  // Around a full collection (optional): begin_full runs before any root is
  // traced, end_full after the sweep.  They let the owner decide strength
  // with a view of all links (cpyext discounts references that links' own C
  // memory holds, so that cycles through C objects can be collected).  They
  // run inside the collector under the same rules as release().
  void (*begin_full)() = nullptr;
  void (*end_full)() = nullptr;
  // At a full collection (optional): when the collector traces a linked
  // object, trace(link, visitor) reports the reference slots the link's C
  // memory holds beyond the object's own (a module's C state, a C heap
  // type's module), so that what begin_full discounted lives exactly as long
  // as the object.  Same rules as release().
  void (*trace)(ExternalLink* link, SlotVisitor& visitor) = nullptr;
};

// Installs the owner's hooks once, before the first link is added.
void setExternalHooks(const ExternalHooks* hooks);

// The object's link, or null.  The flag test makes the usual miss cheap.
ExternalLink* findExternalSlow(Object* object);
inline ExternalLink* findExternal(Object* object) {
  return object->hasFlag(header::kHasExternal) ? findExternalSlow(object) : nullptr;
}

// Links `object` to `link` (which must outlive the link) and sets
// link->target.  Precondition: the object has no link yet.
void addExternal(Object* object, ExternalLink* link);
// Unlinks the object without calling release(): its owner is freeing the link.
void removeExternal(Object* object);

size_t externalCount();
// Calls fn(link, data) for every link (for begin_full).
void forEachExternal(void (*fn)(ExternalLink* link, void* data), void* data);

}  // namespace tern::gc
