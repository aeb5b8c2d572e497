// The heap verifier: checks, between collections, the invariants every other
// file of runtime/gc/ relies on.
//   - Every object in the nursery and the old space has a valid header: a
//     registered layout, no forwarding bit, a size that fits its space.
//   - Every strong and weak slot of every object, and every root, holds 0, a small
//     int, or the start of an object in the heap.  A reference into freed
//     (poisoned) nursery memory is a stale pointer.
//   - Every old strong slot that refers to a young object lies in a dirty card,
//     and every old weak slot that does is on the young-weak-slot list: a store
//     that bypassed the barrier is reported.
//   - The collector's lists hold objects of the right generation and state;
//     every external link names its object, which carries kHasExternal.
// It walks every object, dead ones included: nothing an object refers to is
// freed before the object itself, so garbage must be well-formed too.
#include <cinttypes>
#include <cstdio>
#include <string>
#include <unordered_set>

#include "runtime/gc/heap_internal.h"

namespace tern::gc {

namespace {

std::string describe(const Object* object) {
  char buf[160];
  const char* name = isRegisteredLayout(object->layoutId()) ? layoutOf(object).name : "?";
  std::snprintf(buf, sizeof buf, "%s object %p (%s)", isYoung(object) ? "young" : "old",
                static_cast<const void*>(object), name ? name : "?");
  return buf;
}

class Verifier final : public RootVisitor {
 public:
  explicit Verifier(Heap& h) : h_(h), young_weak_slots_(h.young_weak_slots.begin(), h.young_weak_slots.end()) {}

  void checkObject(Object* object, size_t room) {
    if (object->isForwarded() || !isRegisteredLayout(object->layoutId()) || object->sizeBytes() < kMinObjectBytes ||
        object->sizeBytes() > room) {
      problem("%s: bad header %#" PRIx64 " (stale, poisoned or overwritten)", describe(object).c_str(),
              object->header_word);
      return;
    }
    if (object->layoutId() == h_.shadow_layout) return;
    forEachStrongSlot(object, [&](Value* slot) { checkSlot(object, slot, /*weak=*/false); });
    forEachWeakSlot(object, [&](Value* slot) { checkSlot(object, slot, /*weak=*/true); });
  }

  void visitRoot(Value* slot) override {
    if (!isValidReference(*slot))
      problem("root slot %p refers to %#" PRIxPTR ", not a heap object", slot, slot->bits());
  }

  void checkLists() {
    for (Object* o : h_.young_finalizable)
      expect(isYoung(o) && o->hasFlag(header::kFinalizable), o, "young finalizable");
    for (Object* o : h_.old_finalizable) expect(isOld(o) && o->hasFlag(header::kFinalizable), o, "old finalizable");
    for (Object* o : h_.young_weak_holders) expect(isYoung(o), o, "young weak holder");
    for (Object* o : h_.old_weak_holders) expect(isOld(o), o, "old weak holder");
    for (auto [object, shadow] : h_.shadows) {
      expect(isYoung(object) && object->hasFlag(header::kHasShadow), object, "object with an identity shadow");
      if (!h_.old.isObjectStart(reinterpret_cast<uintptr_t>(shadow)) || shadow->layoutId() != h_.shadow_layout) {
        problem("identity shadow %p of %s is not a reserved old cell", static_cast<void*>(shadow),
                describe(object).c_str());
      }
    }
    auto checkLink = [&](Object* object, ExternalLink* link, bool young) {
      expect(object->hasFlag(header::kHasExternal) && link->target == Value(object), object, "linked object");
      if (!isValidReference(Value(object))) problem("external link %p names no object", static_cast<void*>(link));
      if (isYoung(object) != young) problem("external link %p is in the wrong generation's table", static_cast<void*>(link));
    };
    h_.young_externals.forEach([&](Object* o, ExternalLink* l) { checkLink(o, l, true); });
    h_.old_externals.forEach([&](Object* o, ExternalLink* l) { checkLink(o, l, false); });
    checkTraces();
  }

  // Allocation traces (alloc_trace.cc): each names a live object of its
  // table's generation, with that object's size; they add up to the current sum.
  void checkTraces() {
    size_t sum = 0;
    auto checkTrace = [&](Object* object, const AllocationTrace& trace, bool young) {
      sum += trace.bytes;
      if (!isValidReference(Value(object))) {
        problem("allocation trace of %p names no live object (not re-keyed or not dropped)",
                static_cast<void*>(object));
        return;
      }
      if (isYoung(object) != young) {
        problem("allocation trace of %s is in the wrong generation's table", describe(object).c_str());
      }
      if (trace.origin == nullptr || trace.bytes != object->sizeBytes()) {
        problem("allocation trace of %s has no origin or a size (%zu) not the object's", describe(object).c_str(),
                trace.bytes);
      }
    };
    h_.young_traces.forEach([&](Object* o, const AllocationTrace& t) { checkTrace(o, t, true); });
    h_.old_traces.forEach([&](Object* o, const AllocationTrace& t) { checkTrace(o, t, false); });
    if (h_.spare_traces.size() != 0) problem("the spare trace table holds %zu traces", h_.spare_traces.size());
    if (sum != h_.traced.current) {
      problem("allocation traces add up to %zu bytes, the current sum says %zu", sum, h_.traced.current);
    }
  }

  std::vector<std::string> take() { return std::move(problems_); }

 private:
  bool isValidReference(Value v) const {
    if (!v.isObject()) return true;
    uintptr_t a = v.bits();
    if (isYoungAddress(a)) return h_.nursery.isObjectStart(a);
    if (isOldAddress(a)) return h_.old.isObjectStart(a) && v.asObject()->layoutId() != h_.shadow_layout;
    return false;
  }

  void checkSlot(Object* holder, Value* slot, bool weak) {
    Value v = *slot;
    size_t offset = reinterpret_cast<char*>(slot) - holder->bytes();
    if (!isValidReference(v)) {
      problem("%s slot +%zu of %s refers to %#" PRIxPTR ": not a live heap object (stale pointer?)",
              weak ? "weak" : "strong", offset, describe(holder).c_str(), v.bits());
      return;
    }
    if (!isYoungReference(v) || !v.isObject() || !isOld(slot)) return;
    if (!weak && g_bounds.cards[(reinterpret_cast<uintptr_t>(slot) - g_bounds.old_lo) >> kCardShift] == 0) {
      problem(
          "strong slot +%zu of %s refers to young %p but its card is clean: old-to-young reference not "
          "remembered (missing write barrier)",
          offset, describe(holder).c_str(), static_cast<void*>(v.asObject()));
    }
    if (weak && young_weak_slots_.count(slot) == 0) {
      problem("weak slot +%zu of %s refers to young %p but is not remembered (missing weak barrier)", offset,
              describe(holder).c_str(), static_cast<void*>(v.asObject()));
    }
  }

  void expect(bool ok, Object* object, const char* list) {
    if (!ok) problem("%p on the %s list is not one", static_cast<void*>(object), list);
  }

  template <class... Args>
  void problem(const char* format, Args... args) {
    char buf[512];
    std::snprintf(buf, sizeof buf, format, args...);
    problems_.emplace_back(buf);
  }

  Heap& h_;
  std::unordered_set<Value*> young_weak_slots_;
  std::vector<std::string> problems_;
};

}  // namespace

std::vector<std::string> verifyHeap() {
  Heap& h = heap();
  Verifier verifier(h);
  h.nursery.forEachObject([&](Object* object) {
    auto a = reinterpret_cast<uintptr_t>(object);
    verifier.checkObject(object, kChunkBytes - (a & (kChunkBytes - 1)));
  });
  h.old.forEachObject([&](Object* object) { verifier.checkObject(object, h.old.footprint(object)); });
  traceRegisteredRoots(verifier);
  verifier.checkLists();
  return verifier.take();
}

}  // namespace tern::gc
