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
//
// tracemalloc (allocators.h): the raw functions trace what the allocator set
// for the domain gives, when the calling thread holds the GIL (CPython's hook
// takes the GIL for a thread without it; Tern records no trace for such a
// thread, whose frees are queued: tracemalloc::untrack); the arena's blocks
// are traced by PyObject_Malloc and forgotten by arenaFree.
// clang-format off
#include "Python.h"  // first: it sets feature macros the C++ headers read
// clang-format on
#include <cstdint>
#include <cstdlib>

#include "cpyext/allocators.h"
#include "cpyext/arena.h"
#include "cpyext/proxy.h"
#include "runtime/gc/external.h"

namespace tern::cpyext {

void traceObjectMemory(void* p, size_t bytes) {
  tracemalloc::track(tracemalloc::kDefaultDomain, reinterpret_cast<uintptr_t>(p), bytes);
}

void forgetBlockTrace(void* block) {
  tracemalloc::untrack(tracemalloc::kDefaultDomain, reinterpret_cast<uintptr_t>(objectOf(static_cast<ProxyPrefix*>(block))),
                       true);
}

namespace {

// get_object_traceback's way from a runtime object to its C memory: the
// C object a wrapper stands for (its link's proxy of kind kCObject).
uintptr_t cMemoryOf(gc::Object* object) {
  gc::ExternalLink* link = gc::findExternal(object);
  if (link == nullptr) return 0;
  ProxyPrefix* prefix = prefixOfLink(link);
  return prefix->kind == ProxyKind::kCObject ? reinterpret_cast<uintptr_t>(objectOf(prefix)) : 0;
}

[[maybe_unused]] const bool g_c_memory_hook_installed = (tracemalloc::g_c_memory_of = cMemoryOf, true);

}  // namespace

}  // namespace tern::cpyext

namespace {

using namespace tern;

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

// A raw block `now` of n bytes, which replaced `before` (realloc; null for a
// new block): as CPython's raw hooks trace it.  A failed realloc (now null)
// leaves the old block and its trace.
void traceRaw(void* before, void* now, size_t n) {
  if (now == nullptr) return;
  bool holds_gil = PyGILState_Check() != 0;
  if (before != nullptr && before != now) {
    tracemalloc::untrack(tracemalloc::kDefaultDomain, reinterpret_cast<uintptr_t>(before), holds_gil);
  }
  if (holds_gil) tracemalloc::track(tracemalloc::kDefaultDomain, reinterpret_cast<uintptr_t>(now), n);
}

bool isArena(const PyMemAllocatorEx* a) {
  return a->malloc == kArena.malloc && a->calloc == kArena.calloc && a->realloc == kArena.realloc &&
         a->free == kArena.free;
}

}  // namespace

extern "C" {

void* PyMem_RawMalloc(size_t n) {
  void* p = g_raw.malloc(g_raw.ctx, n);
  if (tracemalloc::tracing()) [[unlikely]] traceRaw(nullptr, p, n);
  return p;
}
void* PyMem_RawCalloc(size_t n, size_t size) {
  void* p = g_raw.calloc(g_raw.ctx, n, size);
  if (tracemalloc::tracing()) [[unlikely]] traceRaw(nullptr, p, n * size);
  return p;
}
void* PyMem_RawRealloc(void* p, size_t n) {
  void* q = g_raw.realloc(g_raw.ctx, p, n);
  if (tracemalloc::tracing()) [[unlikely]] traceRaw(p, q, n);
  return q;
}
void PyMem_RawFree(void* p) {
  if (p != nullptr && tracemalloc::tracing()) [[unlikely]] {
    tracemalloc::untrack(tracemalloc::kDefaultDomain, reinterpret_cast<uintptr_t>(p), PyGILState_Check() != 0);
  }
  g_raw.free(g_raw.ctx, p);
}

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
