// Memory outside the heap that heap objects own: the bodies of C objects,
// numpy's array data (reported through PyTraceMalloc_Track), zlib's and
// expat's states.  Collections are triggered by the heap's own allocation, so
// a loop that makes and drops objects owning much C memory and little heap
// memory (`np.ones(10**6)` in a loop: 8 MB of C memory, a few hundred bytes
// of heap) would otherwise run no collection for a long time while its dead
// objects hold gigabytes.  The owners report what they allocate and free
// here, and a collection runs, at the interpreter's next safe point, once
// enough external memory was allocated since the last one: the policy of
// .NET's GC.AddMemoryPressure and V8's external memory accounting.
//
// Policy: due when the external memory grew since the last collection by
// max(kMinBudgetBytes, half of what was live then).  The collection is a
// minor one, or a full one when the external memory is more than twice what
// it was after the last full collection (and at least kMajorMinBytes): what
// older objects own is only freed by a full collection.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tern::gc {

inline constexpr int64_t kMinBudgetBytes = int64_t{16} << 20;
inline constexpr int64_t kMajorMinBytes = int64_t{64} << 20;

// Thread-safe, without the GIL too: never collects, never allocates.  When a
// collection becomes due, calls the function set by setExternalPressureHook
// (once until the collection has run).
void noteExternalAlloc(size_t bytes);
void noteExternalFree(size_t bytes);

// malloc, realloc and free for C libraries that take an allocator (zlib's
// zalloc/zfree, expat's memory-handling suite): they report what they hand
// out, keeping each block's size in a 16-byte header (so the alignment of
// malloc's blocks is kept).  Null from externalMalloc/Realloc when malloc
// fails; externalFree(nullptr) does nothing.
void* externalMalloc(size_t bytes);
void* externalRealloc(void* block, size_t bytes);
void externalFree(void* block);

// The external memory live now (what was reported allocated and not freed).
int64_t externalBytes();

// Called from any thread when a collection becomes due; it must only ask for
// one (the interpreter's eval breaker: runtime/modules/gc.cc).
void setExternalPressureHook(void (*hook)());

// At a safe point (the GIL held): runs the collection external memory made
// due, if any (never a full one unless `allow_full`).  Returns whether one ran.
bool collectForExternalPressure(bool allow_full);

// Every collection calls this when it ends: the budget starts again from what
// is live now.
void noteCollectionForExternalMemory(bool full);

}  // namespace tern::gc
