// The memory allocators of the three domains (PyMem_GetAllocator,
// PyMem_SetAllocator; CPython's Objects/obmalloc.c) and the raw domain's
// functions, which go through the allocator set for it.
//
// PYMEM_DOMAIN_RAW is the C library's malloc until an embedder or an
// extension replaces it (a hook calling the allocator it replaced, or an
// allocator of its own).  PYMEM_DOMAIN_MEM and PYMEM_DOMAIN_OBJ are Tern's
// proxy arena (objimpl.cc): any of their blocks may become an object, which
// the arena's address range identifies, so they cannot be replaced:
// setting another allocator for them is a fatal error (setting back the one
// PyMem_GetAllocator gave is accepted).
#include <cstdlib>

#include "Python.h"

namespace {

void* rawMalloc(void*, size_t n) { return std::malloc(n == 0 ? 1 : n); }
void* rawCalloc(void*, size_t n, size_t size) { return std::calloc(n == 0 ? 1 : n, size == 0 ? 1 : size); }
void* rawRealloc(void*, void* p, size_t n) { return std::realloc(p, n == 0 ? 1 : n); }
void rawFree(void*, void* p) { std::free(p); }

void* arenaMalloc(void*, size_t n) { return PyObject_Malloc(n); }
void* arenaCalloc(void*, size_t n, size_t size) { return PyObject_Calloc(n, size); }
void* arenaRealloc(void*, void* p, size_t n) { return PyObject_Realloc(p, n); }
void arenaFree(void*, void* p) { PyObject_Free(p); }

PyMemAllocatorEx g_raw = {nullptr, rawMalloc, rawCalloc, rawRealloc, rawFree};
const PyMemAllocatorEx kArena = {nullptr, arenaMalloc, arenaCalloc, arenaRealloc, arenaFree};

bool isArena(const PyMemAllocatorEx* a) {
  return a->malloc == kArena.malloc && a->calloc == kArena.calloc && a->realloc == kArena.realloc &&
         a->free == kArena.free;
}

}  // namespace

extern "C" {

void* PyMem_RawMalloc(size_t n) { return g_raw.malloc(g_raw.ctx, n); }
void* PyMem_RawCalloc(size_t n, size_t size) { return g_raw.calloc(g_raw.ctx, n, size); }
void* PyMem_RawRealloc(void* p, size_t n) { return g_raw.realloc(g_raw.ctx, p, n); }
void PyMem_RawFree(void* p) { g_raw.free(g_raw.ctx, p); }

void PyMem_GetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx* allocator) {
  *allocator = domain == PYMEM_DOMAIN_RAW ? g_raw : kArena;
}

void PyMem_SetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx* allocator) {
  if (domain == PYMEM_DOMAIN_RAW) {
    g_raw = *allocator;
  } else if (!isArena(allocator)) {
    Py_FatalError(
        "PyMem_SetAllocator: Tern's PYMEM_DOMAIN_MEM and PYMEM_DOMAIN_OBJ blocks come from its proxy "
        "arena and cannot be replaced (only PYMEM_DOMAIN_RAW can)");
  }
}

}  // extern "C"
