// The value stack: one per thread, a contiguous array of Values that holds every
// interpreter frame's locals, cells and operand stack (DESIGN.md §5), except
// generators' frames, which run in place in their heap arrays (generator.h).
//
// It is a precise root: the collector visits every word in [base, top) and
// rewrites those that refer to objects it moves.  The invariant that makes this
// safe is that every word below `top` is a valid Value (null, a small int, or a
// reference to a live object):
//   - push() zeroes the words it hands out, so a new frame never exposes what an
//     earlier frame left behind;
//   - callers store only Values into the words they were given, and only below
//     `top` (popped words are dead: the collector neither reads nor updates them).
// Words that a frame has popped from its operand stack but that are still below
// `top` keep their referents alive until overwritten or until the frame is
// popped; that costs memory for a short while, never correctness.
//
// The array is reserved once (address space, not memory: MAP_NORESERVE) and
// never moves, so pointers into it stay valid while their frame is on it.
#pragma once

#include <cstddef>

#include "runtime/gc/roots.h"
#include "runtime/gc/value.h"

namespace tern::interp {

class ValueStack final : public gc::RootBase {
 public:
  // Reserves room for `capacity` Values.
  explicit ValueStack(size_t capacity);
  ~ValueStack() override;

  Value* base() const { return base_; }
  Value* top() const { return top_; }
  size_t capacity() const { return capacity_; }
  size_t used() const { return static_cast<size_t>(top_ - base_); }

  // `n` zeroed words at the top, or null when the stack has no room for them
  // (the caller raises RecursionError or MemoryError).
  Value* push(size_t n) {
    if (n > static_cast<size_t>(limit_ - top_)) return nullptr;
    Value* words = top_;
    __builtin_memset(static_cast<void*>(words), 0, n * sizeof(Value));
    top_ += n;
    return words;
  }
  // Drops everything from `words` up; `words` is what a push() returned.
  void popTo(Value* words) { top_ = words; }

  void traceRoots(gc::RootVisitor& visitor) override;

 private:
  Value* base_ = nullptr;
  Value* top_ = nullptr;
  Value* limit_ = nullptr;
  size_t capacity_ = 0;
};

}  // namespace tern::interp
