#include "runtime/gc/nursery.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/gc/heap.h"
#include "runtime/gc/prefault.h"
#include "runtime/gc/sanitizer.h"

namespace tern::gc {

static_assert(kHugePageBytes % kChunkBytes == 0);

void Nursery::init(size_t nursery_bytes, bool huge_pages) {
  size_t budget_chunks = std::max<size_t>(1, (nursery_bytes + kChunkBytes - 1) / kChunkBytes);
  // Room for a full to-space beside the allocation budget, and a little for
  // chunks kept alive by pinned objects.
  size_t chunk_count = 2 * budget_chunks + 2;
  size_t bytes = chunk_count * kChunkBytes;
  void* p =
      mmap(nullptr, bytes + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    std::perror("tern: cannot reserve the nursery");
    std::abort();
  }
  base_ = (reinterpret_cast<uintptr_t>(p) + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  if (huge_pages) adviseHugePages(reinterpret_cast<void*>(base_), bytes);
  budget_ = budget_chunks * kChunkBytes;
  chunks_.assign(chunk_count, ChunkState::kFree);
  mapped_.assign(chunk_count, false);
  starts_.assign(chunk_count * kWordsPerChunk / 64, 0);
  g_bounds.young_lo = base_;
  g_bounds.young_hi = base_ + bytes;
  asanPoison(reinterpret_cast<void*>(base_), bytes);
  segments_.clear();
  for (size_t i = 0; i < budget_chunks; ++i) {
    size_t c = takeFreeChunk();
    chunks_[c] = ChunkState::kInUse;
    segments_.emplace_back(chunkStart(c), chunkStart(c) + kChunkBytes);
  }
  g_bump.base = base_;
  g_bump.starts = starts_.data();
  resetCursor();
}

void Nursery::resetCursor() {
  next_segment_ = 0;
  passed_bytes_ = 0;
  segment_start_ = segment_limit_ = g_bump.top = g_bump.limit = 0;
}

size_t Nursery::takeFreeChunk() {
  for (size_t c = 0; c < chunks_.size(); ++c) {
    if (chunks_[c] == ChunkState::kFree) return c;
  }
  return SIZE_MAX;
}

bool Nursery::nextSegment(size_t bytes) {
  passed_bytes_ += g_bump.top - segment_start_;
  while (next_segment_ < segments_.size()) {
    auto [lo, hi] = segments_[next_segment_++];
    if (hi - lo >= bytes + kSegmentSlack) {
      mapChunk(chunkOf(lo));
      segment_start_ = g_bump.top = lo;
      segment_limit_ = g_bump.limit = hi - kSegmentSlack;
      return true;
    }
  }
  segment_start_ = segment_limit_ = g_bump.top = g_bump.limit = 0;
  return false;
}

Object* Nursery::objectContaining(uintptr_t address) const {
  if (address - base_ >= chunks_.size() * kChunkBytes) return nullptr;
  size_t chunk = chunkOf(address);
  if (chunks_[chunk] != ChunkState::kInUse && chunks_[chunk] != ChunkState::kFromSpace) return nullptr;
  // The nearest object start at or below the address, within the same chunk.
  size_t word = (address - base_) / kWordBytes;
  size_t first_word = chunk * kWordsPerChunk;
  size_t w = word / 64;
  uint64_t bits = starts_[w] & (~uint64_t{0} >> (63 - word % 64));
  while (bits == 0) {
    if (w * 64 <= first_word) return nullptr;
    bits = starts_[--w];
  }
  size_t start_word = w * 64 + 63 - static_cast<size_t>(__builtin_clzll(bits));
  auto* object = reinterpret_cast<Object*>(base_ + start_word * kWordBytes);
  if (address >= reinterpret_cast<uintptr_t>(object) + object->sizeBytes()) return nullptr;
  return object;
}

bool Nursery::isObjectStart(uintptr_t address) const {
  if (address - base_ >= chunks_.size() * kChunkBytes || address % kWordBytes != 0) return false;
  if (chunks_[chunkOf(address)] != ChunkState::kInUse) return false;
  size_t word = (address - base_) / kWordBytes;
  return (starts_[word / 64] >> (word % 64)) & 1;
}

void Nursery::beginCollection() {
  for (ChunkState& state : chunks_) {
    if (state == ChunkState::kInUse) state = ChunkState::kFromSpace;
  }
  survivor_top_ = survivor_limit_ = 0;
  resetCursor();
}

Object* Nursery::allocateSurvivor(size_t bytes) {
  if (bytes > survivor_limit_ - survivor_top_) {
    size_t c = takeFreeChunk();
    if (c == SIZE_MAX) return nullptr;
    chunks_[c] = ChunkState::kToSpace;
    mapChunk(c);
    survivor_top_ = chunkStart(c);
    survivor_limit_ = survivor_top_ + kChunkBytes;
    asanUnpoison(reinterpret_cast<void*>(survivor_top_), kChunkBytes);
  }
  auto* object = reinterpret_cast<Object*>(survivor_top_);
  survivor_top_ += bytes;
  noteStart(reinterpret_cast<uintptr_t>(object));
  return object;
}

void Nursery::mapChunk(size_t chunk) {
  if (mapped_[chunk]) return;
  mapped_[chunk] = true;
  prefault(reinterpret_cast<void*>(chunkStart(chunk)), kChunkBytes);
}

void Nursery::clearStarts(size_t chunk) { std::memset(&starts_[chunk * kWordsPerChunk / 64], 0, kWordsPerChunk / 8); }

void Nursery::releaseRange(uintptr_t lo, uintptr_t hi, bool poison) {
  if (lo >= hi) return;
  asanUnpoison(reinterpret_cast<void*>(lo), hi - lo);
  if (poison) std::memset(reinterpret_cast<void*>(lo), kPoisonByte, hi - lo);
  asanPoison(reinterpret_cast<void*>(lo), hi - lo);
}

void Nursery::finishCollection(const std::vector<Object*>& pinned, bool poison) {
  // Pinned objects by chunk, in address order.
  std::vector<Object*> sorted(pinned);
  std::sort(sorted.begin(), sorted.end());
  segments_.clear();
  size_t budget_left = budget_;
  auto addSegment = [&](uintptr_t lo, uintptr_t hi) {
    if (hi - lo < kMinObjectBytes * 4 || budget_left == 0) {
      releaseRange(lo, hi, poison);
      return;
    }
    uintptr_t end = lo + std::min(hi - lo, budget_left);
    budget_left -= end - lo;
    releaseRange(lo, hi, poison);
    segments_.emplace_back(lo, end);
  };

  size_t p = 0;
  for (size_t c = 0; c < chunks_.size(); ++c) {
    if (chunks_[c] != ChunkState::kFromSpace) continue;
    uintptr_t lo = chunkStart(c), hi = lo + kChunkBytes;
    clearStarts(c);
    while (p < sorted.size() && reinterpret_cast<uintptr_t>(sorted[p]) < lo) ++p;
    if (p == sorted.size() || reinterpret_cast<uintptr_t>(sorted[p]) >= hi) {
      chunks_[c] = ChunkState::kFree;
      releaseRange(lo, hi, poison);
      continue;
    }
    // The chunk stays in use: its pinned objects keep their place and the gaps
    // between them become segments.
    chunks_[c] = ChunkState::kInUse;
    uintptr_t cursor = lo;
    for (; p < sorted.size() && reinterpret_cast<uintptr_t>(sorted[p]) < hi; ++p) {
      auto start = reinterpret_cast<uintptr_t>(sorted[p]);
      noteStart(start);
      addSegment(cursor, start);
      cursor = start + sorted[p]->sizeBytes();
    }
    addSegment(cursor, hi);
  }
  // Survivors stay; the rest of the last to-space chunk is free.
  for (ChunkState& state : chunks_) {
    if (state == ChunkState::kToSpace) state = ChunkState::kInUse;
  }
  if (survivor_top_ != survivor_limit_) addSegment(survivor_top_, survivor_limit_);
  // Fresh chunks for the rest of the budget.
  while (budget_left > 0) {
    size_t c = takeFreeChunk();
    if (c == SIZE_MAX) break;
    chunks_[c] = ChunkState::kInUse;
    addSegment(chunkStart(c), chunkStart(c) + kChunkBytes);
  }
  resetCursor();
}

}  // namespace tern::gc
