// The young generation: chunks of bump-allocated memory.
//
// The nursery reserves 2 x Config::nursery_bytes of address space, cut into
// kChunkBytes chunks (isYoung() is one range check over the reservation).  Between
// collections the mutator allocates from a list of free segments: whole fresh
// chunks, the free tail of chunks that received survivors, and the gaps between
// objects that were pinned in place.  The segments handed out add up to
// nursery_bytes; when they are used up, it is time for a minor collection.
//
// Invariants:
//   - objects never straddle a chunk boundary;
//   - the object-start bitmap has exactly one bit set per object in an in-use
//     chunk (set at allocation or survivor copy; cleared when its chunk is freed or
//     recycled); it resolves interior pointers from the stack;
//   - memory in free segments and free chunks holds no object: it is poisoned
//     (Config::poison, and AddressSanitizer when built with it) and zeroed when
//     allocated.
//
// A collection: beginCollection() turns every in-use chunk into from-space;
// survivors younger than the tenure age are copied into fresh to-space chunks
// (allocateSurvivor); finishCollection() frees from-space chunks, except those
// holding pinned objects, which stay in use with their gaps reused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "runtime/gc/bump.h"
#include "runtime/gc/object.h"

namespace tern::gc {

inline constexpr size_t kChunkBytes = size_t{256} << 10;

class Nursery {
 public:
  void init(size_t nursery_bytes, bool huge_pages);
  size_t capacityBytes() const { return budget_; }

  // Null when the segments are used up.  The inline path in heap.h does the
  // same bump when the current segment has room.
  Object* tryAllocate(size_t bytes) {
    if (bytes > segment_limit_ - g_bump.top && !nextSegment(bytes)) return nullptr;
    return g_bump.bump(bytes);
  }
  // Gives the inline path back the whole current segment after
  // Heap::every_allocation_slow held its limit at its top.
  void reopenCursor() { g_bump.limit = segment_limit_; }
  // Bytes handed out since the last collection.
  size_t allocatedBytes() const { return passed_bytes_ + (g_bump.top - segment_start_); }

  // The object a (possibly interior) address points into, or null.
  Object* objectContaining(uintptr_t address) const;
  bool isObjectStart(uintptr_t address) const;

  void beginCollection();
  // During a collection: is this young object a survivor copied in this cycle?
  bool isInToSpace(const Object* object) const {
    return chunks_[chunkOf(reinterpret_cast<uintptr_t>(object))] == ChunkState::kToSpace;
  }
  // Room in to-space for a survivor, or null when to-space is exhausted.
  Object* allocateSurvivor(size_t bytes);
  // `pinned` lists the objects that stayed in place; every other object in
  // from-space has been evacuated or is dead.
  void finishCollection(const std::vector<Object*>& pinned, bool poison);

  // Calls f(Object*) for every object in an in-use chunk, dead or alive.
  template <class F>
  void forEachObject(F&& f, bool from_space = false) const {
    ChunkState wanted = from_space ? ChunkState::kFromSpace : ChunkState::kInUse;
    for (size_t c = 0; c < chunks_.size(); ++c) {
      if (chunks_[c] != wanted) continue;
      size_t first = c * kWordsPerChunk / 64, last = (c + 1) * kWordsPerChunk / 64;
      for (size_t w = first; w < last; ++w) {
        for (uint64_t bits = starts_[w]; bits != 0; bits &= bits - 1) {
          size_t word = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
          f(reinterpret_cast<Object*>(base_ + word * kWordBytes));
        }
      }
    }
  }

 private:
  enum class ChunkState : uint8_t { kFree, kInUse, kFromSpace, kToSpace };
  static constexpr size_t kWordsPerChunk = kChunkBytes / kWordBytes;

  bool nextSegment(size_t bytes);
  void noteStart(uintptr_t a) { g_bump.noteStart(a); }
  void resetCursor();
  void clearStarts(size_t chunk);
  // Prefaults a chunk the first time it is allocated into (prefault.h): it
  // is filled before allocation moves on.
  void mapChunk(size_t chunk);
  size_t chunkOf(uintptr_t a) const { return (a - base_) / kChunkBytes; }
  uintptr_t chunkStart(size_t chunk) const { return base_ + chunk * kChunkBytes; }
  void releaseRange(uintptr_t lo, uintptr_t hi, bool poison);
  size_t takeFreeChunk();

  uintptr_t base_ = 0;
  size_t budget_ = 0;
  std::vector<ChunkState> chunks_;
  std::vector<bool> mapped_;  // per chunk: prefaulted (chunks are never returned to the OS)
  std::vector<uint64_t> starts_;
  std::vector<std::pair<uintptr_t, uintptr_t>> segments_;
  size_t next_segment_ = 0;
  uintptr_t segment_start_ = 0;  // of the segment g_bump is in
  uintptr_t segment_limit_ = 0;  // its end less kSegmentSlack: g_bump.limit unless allocateSlow lowered that
  size_t passed_bytes_ = 0;      // used in the segments before it since the last collection
  uintptr_t survivor_top_ = 0, survivor_limit_ = 0;
};

}  // namespace tern::gc
