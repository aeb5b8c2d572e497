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
#pragma once

#include <cstddef>
#include <cstdint>

namespace tern::cpyext {

void* arenaAllocate(size_t bytes);
void arenaFree(void* block);
// The usable size of a block (at least what was asked for).
size_t arenaBlockSize(const void* block);

extern uintptr_t g_arena_lo, g_arena_hi;
inline bool arenaContains(const void* p) {
  return reinterpret_cast<uintptr_t>(p) - g_arena_lo < g_arena_hi - g_arena_lo;
}

}  // namespace tern::cpyext
