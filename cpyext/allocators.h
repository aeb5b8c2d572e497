// tracemalloc's domain 0 for C memory (allocators.cc; docs/differences.md,
// "tracemalloc"): while tracemalloc traces, every PyMem_Raw*, PyMem_* and
// PyObject_Malloc block — and so every object of a C-defined type, which
// tp_alloc makes from one — gets a trace with the size C asked for and the
// Python traceback of the allocation, as CPython's allocator hooks give it;
// freeing the block forgets it.  Proxies of runtime objects are not traced:
// their objects are, on the heap.
#pragma once

#include <cstddef>

#include "runtime/modules/_tracemalloc.h"

namespace tern::cpyext {

// Traces the PyObject_Malloc block at p as `bytes` long (a new block, or one
// PyObject_Realloc kept), replacing the trace it had.  Call only while
// tracemalloc::tracing(); the caller holds the GIL (the arena's rule).
void traceObjectMemory(void* p, size_t bytes);

}  // namespace tern::cpyext
