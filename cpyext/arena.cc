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

namespace arena_detail {
FreeBlock* g_free_small[kClasses];
uint32_t* g_chunk_class = nullptr;
}  // namespace arena_detail

using namespace arena_detail;

namespace {

constexpr size_t kReserveBytes = size_t{64} << 30;
constexpr size_t kMinReserveBytes = size_t{256} << 20;
constexpr size_t kChunkBytes = size_t{1} << kChunkShift;

// What each chunk holds: g_chunk_class (inline in arena.h) says which small
// size class + 1 (0: not a small chunk); run_chunks, for the first chunk of
// a large run, its length in chunks.
struct Arena {
  char* base = nullptr;
  size_t reserved_bytes = 0;
  size_t used_chunks = 0;
  // One entry per chunk of the reserved range, in zero pages mapped
  // untouched: a vector's resize would write them all (8 MiB for the usual
  // reservation) when cpyext starts.
  uint32_t* chunk_class = nullptr;
  uint32_t* run_chunks = nullptr;
  FreeBlock** free_small = g_free_small;
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
    chunk_class = zeroTable(reserved_bytes / kChunkBytes);
    run_chunks = zeroTable(reserved_bytes / kChunkBytes);
    g_chunk_class = chunk_class;
  }

  static uint32_t* zeroTable(size_t n) {
    void* p = mmap(nullptr, n * sizeof(uint32_t), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
      std::fprintf(stderr, "tern: cannot map the cpyext arena's chunk table\n");
      std::abort();
    }
    return static_cast<uint32_t*>(p);
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

  bool hasRoomFor(size_t bytes) {
    if (base == nullptr) reserve();
    size_t n = bytes / kChunkBytes + 1;  // chunks a block of this size needs, at most
    return n <= reserved_bytes / kChunkBytes - used_chunks;
  }

  size_t chunkIndex(const void* p) const { return (static_cast<const char*>(p) - base) / kChunkBytes; }

  void* allocateSmall(size_t size_class) {
    FreeBlock*& list = free_small[size_class];
    if (list == nullptr) {
      char* chunk = newChunks(1);
      chunk_class[chunkIndex(chunk)] = static_cast<uint32_t>(size_class + 1);
      run_chunks[chunkIndex(chunk)] = 0;
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
    chunk_class[first] = 0;
    run_chunks[first] = static_cast<uint32_t>(n);
    // Fresh runs are zero; reused ones were given back with MADV_DONTNEED.
    return run;
  }

  void freeLarge(void* block) {
    size_t n = run_chunks[chunkIndex(block)];
    madvise(block, n * kChunkBytes, MADV_DONTNEED);
    free_runs[n].push_back(static_cast<char*>(block));
  }

  // Blocks start at multiples of their size in a small chunk, and at the
  // first chunk of a large run.
  bool isBlockStart(const void* p) const {
    if (base == nullptr || static_cast<const char*>(p) >= base + used_chunks * kChunkBytes) return false;
    size_t i = chunkIndex(p);
    size_t offset = static_cast<size_t>(static_cast<const char*>(p) - base) % kChunkBytes;
    if (chunk_class[i] != 0) return offset % (chunk_class[i] * kGranule) == 0;
    return run_chunks[i] != 0 && offset == 0;
  }

  size_t blockSize(const void* block) const {
    size_t i = chunkIndex(block);
    return chunk_class[i] != 0 ? chunk_class[i] * kGranule : run_chunks[i] * kChunkBytes;
  }
};

Arena& arena() {
  static Arena* a = new Arena();
  return *a;
}

}  // namespace

void* arena_detail::allocateSlow(size_t bytes) {
  if (bytes == 0) bytes = kGranule;
  if (bytes <= kMaxSmall) return arena().allocateSmall((bytes - 1) / kGranule);
  return arena().allocateLarge(bytes);
}

void arena_detail::freeSlow(void* block) { arena().freeLarge(block); }

size_t arenaBlockSize(const void* block) { return arena().blockSize(block); }

bool arenaIsBlockStart(const void* p) { return arenaContains(p) && arena().isBlockStart(p); }

bool arenaHasRoomFor(size_t bytes) { return arena().hasRoomFor(bytes); }

}  // namespace tern::cpyext
