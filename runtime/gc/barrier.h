// Barriered reference slots: the only way to store a reference into a heap object.
//
// The generational invariant: every slot in the old space that refers to a young
// object lies in a dirty card (old_space.h).  The minor collector rescans dirty
// cards as roots, so a young object referenced only from the old space survives.
// Stores restore the invariant on the spot: HeapValue::set marks the slot's card
// when the slot is old and the value young.  The collector itself restores it
// after a collection for old slots that still refer to young (pinned or aged)
// objects.
//
// WeakHeapValue is the weak counterpart: the collector does not keep its referent
// alive and clears it to null when the referent dies.  Its barrier records the
// slot (not the card) when an old slot comes to refer to a young object, so the
// minor collector can update or clear it.
//
// Slots have no raw store: writing around them (memcpy into an object) is a bug
// the heap verifier reports.
//
// When marking becomes incremental, the snapshot (pre-write) barrier goes into the
// same two `set` functions: there is no other store path to find.
#pragma once

#include <cstdint>

#include "runtime/gc/object.h"
#include "runtime/gc/value.h"

namespace tern::gc {

// The bounds of the young and old spaces, fixed at heap initialisation, read by
// the inline fast paths.
struct Bounds {
  uintptr_t young_lo = 0, young_hi = 0;
  uintptr_t old_lo = 0, old_hi = 0;
  uint8_t* cards = nullptr;  // one byte per kCardBytes of the old space
};
inline Bounds g_bounds;
inline constexpr unsigned kCardShift = 9;
inline constexpr uintptr_t kCardBytes = uintptr_t{1} << kCardShift;

inline bool isYoungAddress(uintptr_t a) { return a - g_bounds.young_lo < g_bounds.young_hi - g_bounds.young_lo; }
inline bool isOldAddress(uintptr_t a) { return a - g_bounds.old_lo < g_bounds.old_hi - g_bounds.old_lo; }
inline bool isYoung(const void* p) { return isYoungAddress(reinterpret_cast<uintptr_t>(p)); }
inline bool isOld(const void* p) { return isOldAddress(reinterpret_cast<uintptr_t>(p)); }
inline bool isYoungReference(Value v) { return (v.bits() & Value::kSmallIntTag) == 0 && isYoungAddress(v.bits()); }

// Out of line: records a newly dirty card.
void noteDirtyCard(uintptr_t card_index);
// Out of line: records an old weak slot that now refers to a young object.
void noteYoungWeakSlot(Value* slot);

inline void markCard(const void* slot) {
  uintptr_t index = (reinterpret_cast<uintptr_t>(slot) - g_bounds.old_lo) >> kCardShift;
  if (g_bounds.cards[index] == 0) noteDirtyCard(index);
}

inline void writeBarrier(const void* slot, Value v) {
  if (isYoungReference(v) && isOld(slot)) markCard(slot);
}

class HeapValue {
 public:
  HeapValue() = default;
  HeapValue(const HeapValue&) = delete;
  HeapValue& operator=(const HeapValue&) = delete;

  Value get() const { return value_; }
  operator Value() const { return value_; }  // NOLINT: reads are free
  void set(Value v) {
    value_ = v;
    writeBarrier(this, v);
  }
  HeapValue& operator=(Value v) {
    set(v);
    return *this;
  }

 private:
  Value value_;
};

class WeakHeapValue {
 public:
  WeakHeapValue() = default;
  WeakHeapValue(const WeakHeapValue&) = delete;
  WeakHeapValue& operator=(const WeakHeapValue&) = delete;

  Value get() const { return value_; }
  void set(Value v) {
    value_ = v;
    if (isYoungReference(v) && isOld(this)) noteYoungWeakSlot(&value_);
  }
  WeakHeapValue& operator=(Value v) {
    set(v);
    return *this;
  }

 private:
  Value value_;
};

static_assert(sizeof(HeapValue) == sizeof(Value) && sizeof(WeakHeapValue) == sizeof(Value));

// Moves `n` slots from `src` to `dst`, as memmove (the ranges may overlap):
// list.insert, pop and slice assignment shift their items with it, and a list
// growing copies its items into the new array.  The invariant carries over by
// cards, not by values: for an old source, each dirty card dirties the cards
// its slots moved to (the next minor collection cleans those left with no
// young reference); from a young source each value is checked.  A young
// destination needs no barrier.
void moveSlots(HeapValue* dst, HeapValue* src, size_t n);

// Stores `n` values from memory outside the heap (a frame on the value stack)
// into the slots at `dst`, as n barriered stores would, in one copy.
void storeSlots(HeapValue* dst, const Value* src, size_t n);

}  // namespace tern::gc
