// The proxy arena: non-moving memory for proxies, for the objects of
// C-defined types and for PyObject_Malloc/PyMem_Malloc blocks, in one reserved
// address range so that "did cpyext allocate this?" is a range check
// (proxy.h's fromC on the hot path).
//
// Every block starts with the 16-byte ProxyPrefix; arenaAllocate returns the
// block's start and the caller puts its PyObject 16 bytes in.  Blocks are
// 16-byte aligned and zeroed.  Small blocks come from 64 KiB chunks of one
// size class each; large ones are runs of whole chunks.  Not thread-safe: the
// caller holds the GIL.
//
// While tracemalloc traces, freeing a block forgets the trace PyObject_Malloc
// may have given it (allocators.h): every way a block goes passes here.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/modules/_tracemalloc.h"

namespace tern::cpyext {

namespace arena_detail {
inline constexpr size_t kGranule = 16;
inline constexpr size_t kMaxSmall = 4096;
inline constexpr size_t kClasses = kMaxSmall / kGranule;  // class c holds blocks of (c + 1) * 16 bytes
inline constexpr unsigned kChunkShift = 16;               // 64 KiB chunks
struct FreeBlock {
  FreeBlock* next;
};
// Each small size class's free blocks, and each chunk's class + 1 (0: a
// large run, or not carved yet), for the inline paths below.  (The globals
// the inline paths read are declared hidden, as their definitions are, so
// that code reads them directly rather than through the GOT.)
[[gnu::visibility("hidden")]] extern FreeBlock* g_free_small[kClasses];
[[gnu::visibility("hidden")]] extern uint32_t* g_chunk_class;
void* allocateSlow(size_t bytes);
// Zeroes n granules: most blocks are a few, which a few inline stores clear
// faster than a call to memset (or a rep stos).
inline void zeroGranules(void* b, size_t n) {
  switch (n) {
    case 1: return (void)__builtin_memset(b, 0, 1 * kGranule);
    case 2: return (void)__builtin_memset(b, 0, 2 * kGranule);
    case 3: return (void)__builtin_memset(b, 0, 3 * kGranule);
    case 4: return (void)__builtin_memset(b, 0, 4 * kGranule);
    case 5: return (void)__builtin_memset(b, 0, 5 * kGranule);
    default: return (void)__builtin_memset(b, 0, n * kGranule);
  }
}
void freeSlow(void* block);
}  // namespace arena_detail

// Forgets the tracemalloc trace of the block's object, if it has one (allocators.cc).
void forgetBlockTrace(void* block);

[[gnu::visibility("hidden")]] extern uintptr_t g_arena_lo, g_arena_hi;
inline bool arenaContains(const void* p) {
  return reinterpret_cast<uintptr_t>(p) - g_arena_lo < g_arena_hi - g_arena_lo;
}

inline void* arenaAllocate(size_t bytes) {
  using namespace arena_detail;
  if (bytes - 1 < kMaxSmall) {  // 1..kMaxSmall
    size_t size_class = (bytes - 1) / kGranule;
    FreeBlock* b = g_free_small[size_class];
    if (b != nullptr) {
      g_free_small[size_class] = b->next;
      zeroGranules(b, size_class + 1);
      return b;
    }
  }
  return allocateSlow(bytes);
}

inline void arenaFree(void* block) {
  using namespace arena_detail;
  if (tracemalloc::tracing()) [[unlikely]] forgetBlockTrace(block);
  uint32_t size_class = g_chunk_class[(reinterpret_cast<uintptr_t>(block) - g_arena_lo) >> kChunkShift];
  if (size_class == 0) return freeSlow(block);
  auto* b = static_cast<FreeBlock*>(block);
  b->next = g_free_small[size_class - 1];
  g_free_small[size_class - 1] = b;
}

// The usable size of a block (at least what was asked for).
size_t arenaBlockSize(const void* block);
// Whether p is where a block (in use or free) starts.
bool arenaIsBlockStart(const void* p);

// Whether a block of `bytes` fits in what is left of the reservation: the
// allocators C calls (PyObject_Malloc, PyMem_Malloc) return NULL instead of
// asking for more, where arenaAllocate aborts (it serves the proxies, which
// cannot fail).
bool arenaHasRoomFor(size_t bytes);

}  // namespace tern::cpyext
