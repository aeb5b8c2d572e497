// The nursery's bump cursor: the state the inline allocation path (heap.h)
// reads and advances, owned by the Nursery (nursery.cc), which moves it from
// segment to segment.
//
// Invariants outside a collection: [top, limit + kSegmentSlack) lies inside
// one free segment of an in-use chunk (or top == limit == 0); every object below
// top in that segment has its bit in `starts`.  While stress collections run
// or allocations are traced (alloc_trace.h), limit == top after every
// allocation, so that each one takes the slow path, which counts or records it.
#pragma once

#include <cstdint>

#include "runtime/gc/object.h"

namespace tern::gc {

// Bigger objects are allocated in the old space.
inline constexpr size_t kMaxYoungObjectBytes = size_t{8} << 10;

// Small objects are cleared by a few fixed-size stores of kInlineZeroBytes
// from their start instead of a memset call (heap.h).  The limit stays
// kSegmentSlack below the segment's end, so those stores never leave the
// segment; what they clear past the object is free nursery memory.
inline constexpr size_t kInlineZeroBytes = 64;
inline constexpr size_t kSegmentSlack = kInlineZeroBytes - kMinObjectBytes;

struct BumpCursor {
  uintptr_t top = 0, limit = 0;
  uintptr_t base = 0;          // start of the nursery reservation
  uint64_t* starts = nullptr;  // object-start bitmap, one bit per word from base
  // Allocations left before the next stress collection (counted by the slow
  // path); never reaches 0 when stress is off.
  uint64_t stress_countdown = UINT64_MAX;

  Object* bump(size_t bytes) {
    auto* object = reinterpret_cast<Object*>(top);
    top += bytes;
    noteStart(reinterpret_cast<uintptr_t>(object));
    return object;
  }
  void noteStart(uintptr_t a) {
    size_t word = (a - base) / kWordBytes;
    starts[word / 64] |= uint64_t{1} << (word % 64);
  }
};

inline BumpCursor g_bump;

}  // namespace tern::gc
