// Results whose size Python code chose (bytes(n), b * n, s.ljust(n)) end in
// MemoryError when they cannot be made, never in a crash.  The heap object
// itself comes from the fallible allocation (tryNewObject, gc::tryAllocate);
// these guard the C++ buffers some methods build the result in first:
//   - fitsHeap(bytes): no heap object is bigger than the old space's
//     reservation (gc::Config::old_reserve_bytes), so a bigger request is
//     MemoryError before any buffer is sized for it;
//   - withNoMemoryGuard(f): runs f, which sizes C++ containers by such a
//     size; std::bad_alloc and std::length_error become MemoryError.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <stdexcept>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"

namespace tern {

// Could a heap object of `bytes` bytes exist at all?
inline bool fitsHeap(size_t bytes) { return bytes <= gc::config().old_reserve_bytes; }

// fitsHeap, raising MemoryError when not.
inline bool checkFitsHeap(size_t bytes) {
  if (fitsHeap(bytes)) return true;
  raiseNoMemory();
  return false;
}

// checkFitsHeap for a width of formatting (format(x, "20"), "%*d"): negative
// is none.
inline bool checkWidthFitsHeap(int64_t width) { return width < 0 || checkFitsHeap(static_cast<size_t>(width)); }

// Runs `build`; false with MemoryError when it ran out of memory.
template <class F>
bool withNoMemoryGuard(F&& build) {
  try {
    build();
    return true;
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
  raiseNoMemory();
  return false;
}

}  // namespace tern
