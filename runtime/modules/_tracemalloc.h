// tracemalloc from start-up (`-X tracemalloc[=NFRAME]`, PYTHONTRACEMALLOC)
// and the traces of memory outside the heap: C extensions' blocks, which
// cpyext reports (docs/differences.md, "tracemalloc"), as CPython's allocator
// hooks and PyTraceMalloc_Track/Untrack report them (_tracemalloc.cc).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/gc/object.h"

namespace tern {

// Starts tracing when the configuration asks for it, before any Python code
// runs: PYTHONTRACEMALLOC=N, then `-X tracemalloc` (N = 1) or
// `-X tracemalloc=N`, which wins; N = 0 does not trace.  Returns an empty
// string, or for a bad value the lines CPython's fatal error prints after
// "Fatal Python error: " ("config_init_tracemalloc: ..." for one that is not
// a number >= 0, "init_interp_main: can't initialize tracemalloc" for one
// above 65535, each with the runtime state line).
std::string startTracemallocFromConfig();

namespace tracemalloc {

namespace detail {
[[gnu::visibility("hidden")]] extern std::atomic<bool> g_tracing;
}  // namespace detail

// Whether tracemalloc traces: one relaxed load, for cpyext's allocators
// (which any thread may call).
inline bool tracing() { return detail::g_tracing.load(std::memory_order_relaxed); }

// Domain 0: what CPython's allocator hooks trace (PyMem_Raw*, PyMem_*,
// PyObject_Malloc and the objects made from them).
inline constexpr unsigned kDefaultDomain = 0;

// PyTraceMalloc_Track: traces `size` bytes at `address` in `domain`, with the
// traceback of the Python code the calling thread runs, replacing the trace
// the address had there.  The caller holds the GIL.  0; -2 when not tracing.
int track(unsigned domain, uintptr_t address, size_t size);
// PyTraceMalloc_Untrack: forgets the trace of `address` in `domain`, if any.
// Any thread may call it: without the GIL (holds_gil false) the address is
// queued, and forgotten before the next trace is added or traces are read.
// 0; -2 when not tracing.
int untrack(unsigned domain, uintptr_t address, bool holds_gil);

// For get_object_traceback(): the address of the C memory an object of a
// C-defined type lives in (its trace is the object's), or 0 for any other
// object.  Installed by cpyext; null until then.
extern uintptr_t (*g_c_memory_of)(gc::Object* object);

}  // namespace tracemalloc

}  // namespace tern
