// Layouts: how the collector finds the references inside an object.
//
// A layout is declared once per kind of heap object and registered at start-up;
// the object's header carries its id.  References are found from data, not code:
//   - `fields`: offsets of strong reference slots (each a HeapValue);
//   - `trailing_refs_from`: if non-zero, every word from that offset to the end of
//     the object is a strong reference slot (tuples, list storage, dict tables);
//   - `weak_fields`: offsets of weak slots (each a WeakHeapValue); an object whose
//     layout has any is a "weak holder" and is tracked from allocation on;
//   - `trace`: for layouts whose references cannot be described by offsets (the
//     cpyext wrappers that follow tp_traverse); it reports every strong slot.
// Slots hold Values; the collector rewrites them when their referents move.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>

#include "runtime/gc/object.h"

namespace tern::gc {

class SlotVisitor {
 public:
  virtual void visit(Value* slot) = 0;

 protected:
  ~SlotVisitor() = default;
};

struct Layout {
  const char* name = nullptr;
  std::span<const uint32_t> fields = {};
  uint32_t trailing_refs_from = 0;
  std::span<const uint32_t> weak_fields = {};
  void (*trace)(Object*, SlotVisitor&) = nullptr;
  // Runs after a collection found the object unreachable (see setFinalizable);
  // the object and everything it references are alive while it runs.
  void (*finalize)(Object*) = nullptr;
  // Runs after a collection cleared one or more of the object's weak slots.
  void (*weak_cleared)(Object*) = nullptr;
};

// Registers a layout whose storage outlives the heap; returns its id (never 0).
LayoutId registerLayout(const Layout* layout);
bool isRegisteredLayout(LayoutId id);

// Indexed by layout id; entry 0 stays null so that a zeroed header is invalid.
inline const Layout* g_layouts[size_t{1} << 16];
inline const Layout& layoutOf(LayoutId id) { return *g_layouts[id]; }

inline const Layout& layoutOf(const Object* object) { return layoutOf(object->layoutId()); }

// Calls f(Value*) for every strong slot of `object` whose address lies in [lo, hi).
// Used with the whole object as range by the tracers and with one card's range
// when the minor collector rescans a dirty card.
template <class F>
void forEachStrongSlotIn(Object* object, uintptr_t lo, uintptr_t hi, F&& f) {
  const Layout& layout = layoutOf(object);
  char* base = object->bytes();
  auto in_range = [&](const void* p) {
    auto a = reinterpret_cast<uintptr_t>(p);
    return a >= lo && a < hi;
  };
  for (uint32_t offset : layout.fields) {
    Value* slot = reinterpret_cast<Value*>(base + offset);
    if (in_range(slot)) f(slot);
  }
  if (layout.trailing_refs_from != 0) {
    uintptr_t first = reinterpret_cast<uintptr_t>(base) + layout.trailing_refs_from;
    uintptr_t end = reinterpret_cast<uintptr_t>(base) + object->sizeBytes();
    if (first < lo) first = lo;  // lo is word-aligned: 0 or a card boundary
    if (end > hi) end = hi;
    for (uintptr_t a = first; a < end; a += kWordBytes) f(reinterpret_cast<Value*>(a));
  }
  if (layout.trace != nullptr) {
    struct Filter final : SlotVisitor {
      F& f;
      uintptr_t lo, hi;
      Filter(F& f, uintptr_t lo, uintptr_t hi) : f(f), lo(lo), hi(hi) {}
      void visit(Value* slot) override {
        auto a = reinterpret_cast<uintptr_t>(slot);
        if (a >= lo && a < hi) f(slot);
      }
    } filter(f, lo, hi);
    layout.trace(object, filter);
  }
}

template <class F>
void forEachStrongSlot(Object* object, F&& f) {
  forEachStrongSlotIn(object, 0, UINTPTR_MAX, f);
}

template <class F>
void forEachWeakSlot(Object* object, F&& f) {
  for (uint32_t offset : layoutOf(object).weak_fields) f(reinterpret_cast<Value*>(object->bytes() + offset));
}

}  // namespace tern::gc
