// C memory extensions report through PyTraceMalloc_Track / Untrack (numpy
// does for every array's data), passed on to the collector's external-memory
// accounting (runtime/gc/external_memory.h) whether or not tracemalloc is
// tracing, so that collections keep pace with it.  Blocks below
// kMinTrackedBytes are left out: their owners' wrappers on the heap pace
// collections well enough, and a loop over small arrays pays nothing.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tern::cpyext {

inline constexpr size_t kMinTrackedBytes = size_t{64} << 10;

// Thread-safe, without the GIL too.  Tracking a block again replaces it.
void trackExternalBlock(unsigned int domain, uintptr_t ptr, size_t size);
void untrackExternalBlock(unsigned int domain, uintptr_t ptr);

}  // namespace tern::cpyext
