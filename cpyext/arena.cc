// The proxy arena (arena.h).
//
// Layout: one reserved range (kReserveBytes, or less where the address space
// is limited, as under ulimit -v or valgrind), carved into 64 KiB chunks from
// the bottom.  g_chunk_info[i] says what chunk i holds: a size class (small
// blocks of one size), the first chunk of a large run (with its length), or a
// continuation of one.  Freed small blocks go on their class's free list;
// freed large runs on a list per run length and their pages back to the OS.
#include "cpyext/arena.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

namespace tern::cpyext {

uintptr_t g_arena_lo = 0, g_arena_hi = 0;

namespace {

constexpr size_t kReserveBytes = size_t{64} << 30;
constexpr size_t kMinReserveBytes = size_t{256} << 20;
constexpr size_t kChunkBytes = size_t{64} << 10;
constexpr size_t kGranule = 16;
constexpr size_t kMaxSmall = 4096;
constexpr size_t kClasses = kMaxSmall / kGranule;  // class c holds blocks of (c + 1) * 16 bytes

struct ChunkInfo {
  uint32_t size_class = 0;  // 0: not a small chunk; else class + 1
  uint32_t run_chunks = 0;  // first chunk of a large run: its length in chunks
};

struct FreeBlock {
  FreeBlock* next;
};

struct Arena {
  char* base = nullptr;
  size_t reserved_bytes = 0;
  size_t used_chunks = 0;
  std::vector<ChunkInfo> chunks;
  FreeBlock* free_small[kClasses] = {};
  std::map<size_t, std::vector<char*>> free_runs;  // run length in chunks -> runs

  void reserve() {
    void* p = MAP_FAILED;
    for (reserved_bytes = kReserveBytes; reserved_bytes >= kMinReserveBytes; reserved_bytes /= 2) {
      p = mmap(nullptr, reserved_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (p != MAP_FAILED) break;
    }
    if (p == MAP_FAILED) {
      std::fprintf(stderr, "tern: cannot reserve the cpyext arena\n");
      std::abort();
    }
    base = static_cast<char*>(p);
    g_arena_lo = reinterpret_cast<uintptr_t>(base);
    g_arena_hi = g_arena_lo + reserved_bytes;
    chunks.resize(reserved_bytes / kChunkBytes);
  }

  char* newChunks(size_t n) {
    if (base == nullptr) reserve();
    auto it = free_runs.lower_bound(n);
    if (it != free_runs.end() && it->first == n && !it->second.empty()) {
      char* run = it->second.back();
      it->second.pop_back();
      return run;
    }
    if ((used_chunks + n) * kChunkBytes > reserved_bytes) {
      std::fprintf(stderr, "tern: the cpyext arena is exhausted\n");
      std::abort();
    }
    char* run = base + used_chunks * kChunkBytes;
    used_chunks += n;
    return run;
  }

  size_t chunkIndex(const void* p) const { return (static_cast<const char*>(p) - base) / kChunkBytes; }

  void* allocateSmall(size_t size_class) {
    FreeBlock*& list = free_small[size_class];
    if (list == nullptr) {
      char* chunk = newChunks(1);
      chunks[chunkIndex(chunk)] = {.size_class = static_cast<uint32_t>(size_class + 1), .run_chunks = 0};
      size_t block = (size_class + 1) * kGranule;
      for (size_t off = (kChunkBytes / block - 1) * block;; off -= block) {
        auto* b = reinterpret_cast<FreeBlock*>(chunk + off);
        b->next = list;
        list = b;
        if (off == 0) break;
      }
    }
    FreeBlock* b = list;
    list = b->next;
    std::memset(b, 0, (size_class + 1) * kGranule);
    return b;
  }

  void* allocateLarge(size_t bytes) {
    size_t n = (bytes + kChunkBytes - 1) / kChunkBytes;
    char* run = newChunks(n);
    size_t first = chunkIndex(run);
    chunks[first] = {.size_class = 0, .run_chunks = static_cast<uint32_t>(n)};
    // Fresh runs are zero; reused ones were given back with MADV_DONTNEED.
    return run;
  }

  void free(void* block) {
    ChunkInfo& info = chunks[chunkIndex(block)];
    if (info.size_class != 0) {
      auto* b = static_cast<FreeBlock*>(block);
      b->next = free_small[info.size_class - 1];
      free_small[info.size_class - 1] = b;
      return;
    }
    size_t n = info.run_chunks;
    madvise(block, n * kChunkBytes, MADV_DONTNEED);
    free_runs[n].push_back(static_cast<char*>(block));
  }

  size_t blockSize(const void* block) const {
    const ChunkInfo& info = chunks[chunkIndex(block)];
    return info.size_class != 0 ? info.size_class * kGranule : info.run_chunks * kChunkBytes;
  }
};

Arena& arena() {
  static Arena* a = new Arena();
  return *a;
}

}  // namespace

void* arenaAllocate(size_t bytes) {
  if (bytes == 0) bytes = kGranule;
  if (bytes <= kMaxSmall) return arena().allocateSmall((bytes - 1) / kGranule);
  return arena().allocateLarge(bytes);
}

void arenaFree(void* block) { arena().free(block); }

size_t arenaBlockSize(const void* block) { return arena().blockSize(block); }

}  // namespace tern::cpyext
