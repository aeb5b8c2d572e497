// memoryview across the boundary (CPython's Objects/memoryobject.c surface).
//
// Proxies: a memoryview's proxy is laid out as PyMemoryViewObject, followed
// by room for the shape, strides and format its `view` points to, so that
// PyMemoryView_GET_BUFFER reads a filled Py_buffer: len, itemsize, readonly,
// ndim, format, shape, strides, and buf where the exporter's memory holds
// still (a bytes proxy's copy, a bytearray's old-space storage while the view
// keeps its export, raw C memory); buf is NULL for other exporters, whose
// memory moves (C code must take a buffer with PyObject_GetBuffer there).
//
// Raw C memory (PyMemoryView_FromMemory, PyMemoryView_FromBuffer): the view
// is made over an instance of a private C-defined type, RawMemory, whose
// BufferProcs describe the memory; then it is detached from it, as CPython's
// views of raw memory have no exporter (`obj` is None): its exporter becomes
// None and its procs kDetachedProcs, whose data() is a fixed base address the
// view's offset is counted from.  The memory must outlive the view, as in
// CPython.
#include <cstdio>
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/memoryview.h"
#include "runtime/objects/str.h"

namespace tern::cpyext {

namespace {

constexpr int kInlineDims = 8;  // views with more dimensions show no shape to C
constexpr size_t kFormatBytes = 32;

// The proxy: CPython's struct (its one-word ob_array replaced), then the
// shape/strides/suboffsets words and the format.
struct MemoryViewProxy {
  PyMemoryViewObject mv;
  Py_ssize_t more_array[3 * kInlineDims - 1];
  char format[kFormatBytes];
};

// --- RawMemory: C memory as a buffer exporter --------------------------------

struct RawMemory {
  PyObject_HEAD char* mem;
  Py_ssize_t len;
  Py_ssize_t itemsize;
  int readonly;
  int ndim;
  char format[kFormatBytes];
  Py_ssize_t shape[kInlineDims];
  Py_ssize_t strides[kInlineDims];
};

PyTypeObject RawMemory_Type = {};
Type* g_raw_memory_type = nullptr;  // its runtime type, for the procs registry

RawMemory* rawOf(Value obj) {
  PyObject* o = toNew(obj);  // the wrapper is linked: found, not made
  Py_DECREF(o);
  return reinterpret_cast<RawMemory*>(o);
}

bool rawGet(Value obj, Buffer* view, int flags) {
  RawMemory* r = rawOf(obj);
  if ((flags & PyBUF_WRITABLE) && r->readonly) {
    raise(exc::BufferError, "Object is not writable.");
    return false;
  }
  view->len = r->len;
  view->readonly = r->readonly != 0;
  view->itemsize = r->itemsize;
  view->format = r->format;
  view->ndim = r->ndim;
  for (int d = 0; d < r->ndim; ++d) {
    view->shape[d] = r->shape[d];
    view->strides[d] = r->strides[d];
  }
  view->offset = 0;
  return true;
}

char* rawData(Value obj) { return rawOf(obj)->mem; }

const BufferProcs kRawMemoryProcs = {.get = rawGet, .data = rawData};

void rawDealloc(PyObject* o) { Py_TYPE(o)->tp_free(o); }

bool readyRawMemoryType() {
  if (RawMemory_Type.tp_flags & Py_TPFLAGS_READY) return true;
  RawMemory_Type.tp_name = "cpyext.raw_memory";
  RawMemory_Type.tp_basicsize = sizeof(RawMemory);
  RawMemory_Type.tp_dealloc = rawDealloc;
  RawMemory_Type.tp_flags = Py_TPFLAGS_DEFAULT;
  RawMemory_Type.tp_doc = "C memory a memoryview made by PyMemoryView_FromMemory views.";
  if (PyType_Ready(&RawMemory_Type) < 0) return false;
  g_raw_memory_type = runtimeTypeOfC(&RawMemory_Type);
  registerBufferProcs(&g_raw_memory_type, &kRawMemoryProcs);
  return true;
}

// The address detached views count their offset from.
char g_detached_base[1];
char* detachedData(Value) { return g_detached_base; }
const BufferProcs kDetachedProcs = {.data = detachedData};

bool isDetached(MemoryViewObj* m) { return m->procs == &kDetachedProcs; }

// A memoryview of the memory `r` describes, detached from `r` (which then
// dies).
PyObject* viewOfRaw(RawMemory* r) {
  PyObject* o = reinterpret_cast<PyObject*>(r);
  Value exporter = fromC(o);  // makes the wrapper
  Py_DECREF(o);
  Value view = newMemoryView(exporter);
  if (view.isNull()) return nullptr;
  MemoryViewObj* m = asMemoryView(view);
  m->offset += reinterpret_cast<intptr_t>(r->mem) - reinterpret_cast<intptr_t>(g_detached_base);
  m->procs = &kDetachedProcs;
  m->exporter.set(None());
  return toNew(view);
}

RawMemory* newRaw(char* mem, Py_ssize_t len, bool readonly) {
  if (!readyRawMemoryType()) return nullptr;
  RawMemory* r = PyObject_New(RawMemory, &RawMemory_Type);
  if (r == nullptr) return nullptr;
  r->mem = mem;
  r->len = len;
  r->itemsize = 1;
  r->readonly = readonly ? 1 : 0;
  r->ndim = 1;
  std::strcpy(r->format, "B");
  r->shape[0] = len;
  r->strides[0] = 1;
  return r;
}

// Where the exporter's memory stays put for C, or null.
char* stableData(PyObject* proxy, Value exporter) {
  if (isBytes(exporter) && inArena(proxy) && prefixOf(proxy)->kind == ProxyKind::kBytes) {
    return PyBytes_AS_STRING(proxy);
  }
  if (isByteArray(exporter) && inArena(proxy) && prefixOf(proxy)->kind == ProxyKind::kPlain) {
    refreshByteArray(proxy, exporter);  // storage in the old space: stable
    return PyByteArray_AS_STRING(proxy);
  }
  return stableBufferData(exporter);  // held in place by the view's export
}

}  // namespace

size_t memoryViewProxyBytes() { return sizeof(MemoryViewProxy); }

void refreshMemoryView(PyObject* o, Value v) {
  auto* p = reinterpret_cast<MemoryViewProxy*>(o);
  PyMemoryViewObject* mv = &p->mv;
  MemoryViewObj* m = asMemoryView(v);
  Py_buffer* view = &mv->view;
  mv->hash = -1;
  mv->exports = m->exports;
  bool released = (m->flags & memoryview_flags::kReleased) != 0;
  mv->flags = (released ? _Py_MEMORYVIEW_RELEASED : 0) |
              ((m->flags & memoryview_flags::kCContiguous) ? _Py_MEMORYVIEW_C : 0) |
              ((m->flags & memoryview_flags::kFContiguous) ? _Py_MEMORYVIEW_FORTRAN : 0);
  Value exporter = m->exporter.get();
  bool raw = isDetached(m);
  if (view->obj == nullptr && !raw) {
    // The exporter never changes: its proxy is held once, for good.
    PyObject* e = toNew(exporter);
    keepAlive(o, e);
    view->obj = e;
  }
  view->len = m->nbytes;
  view->itemsize = m->itemsize;
  view->readonly = (m->flags & memoryview_flags::kReadonly) ? 1 : 0;
  view->ndim = static_cast<int>(m->ndim);
  std::string format = strToUtf8(m->format.get());
  std::snprintf(p->format, sizeof p->format, "%s", format.c_str());
  view->format = p->format;
  if (m->ndim <= kInlineDims) {
    Py_ssize_t* words = mv->ob_array;
    for (int64_t d = 0; d < m->ndim; ++d) {
      words[d] = m->shape()[d];
      words[m->ndim + d] = m->strides()[d];
    }
    view->shape = words;
    view->strides = words + m->ndim;
  } else {
    view->shape = view->strides = nullptr;
  }
  view->suboffsets = nullptr;
  view->internal = nullptr;
  char* data = nullptr;
  if (raw) {
    data = g_detached_base;
  } else if (!released) {
    data = stableData(view->obj, exporter);
  }
  view->buf = data == nullptr ? nullptr : data + m->offset;
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyMemoryView_FromObject(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyMemoryView_FromObject");
  return returnNew(newMemoryView(fromC(o)));
}

PyObject* PyMemoryView_FromMemory(char* mem, Py_ssize_t size, int flags) {
  if (mem == nullptr || size < 0 || (flags != PyBUF_READ && flags != PyBUF_WRITE)) {
    return badInternalCall("PyMemoryView_FromMemory");
  }
  RawMemory* r = newRaw(mem, size, flags == PyBUF_READ);
  return r == nullptr ? nullptr : viewOfRaw(r);
}

PyObject* PyMemoryView_FromBuffer(const Py_buffer* info) {
  if (info == nullptr || info->buf == nullptr) {
    raise(exc::ValueError, "PyMemoryView_FromBuffer(): info->buf must not be NULL");
    return nullptr;
  }
  if (info->ndim > kInlineDims) {
    raisef(exc::NotImplementedError, "PyMemoryView_FromBuffer: %d dimensions (Tern supports %d)", info->ndim,
           kInlineDims);
    return nullptr;
  }
  RawMemory* r = newRaw(static_cast<char*>(info->buf), info->len, info->readonly != 0);
  if (r == nullptr) return nullptr;
  r->itemsize = info->itemsize > 0 ? info->itemsize : 1;
  if (info->format != nullptr) std::snprintf(r->format, sizeof r->format, "%s", info->format);
  if (info->ndim != 1 || info->shape != nullptr) {
    r->ndim = info->ndim;
    Py_ssize_t stride = r->itemsize;
    for (int d = info->ndim - 1; d >= 0; --d) {
      r->shape[d] = info->shape != nullptr ? info->shape[d] : info->len / r->itemsize;
      r->strides[d] = info->strides != nullptr ? info->strides[d] : stride;
      stride *= r->shape[d];
    }
  } else {
    r->shape[0] = info->len / r->itemsize;
    r->strides[0] = r->itemsize;
  }
  return viewOfRaw(r);
}

PyObject* PyMemoryView_GetContiguous(PyObject* base, int buffertype, char order) {
  if (base == nullptr || (buffertype != PyBUF_READ && buffertype != PyBUF_WRITE) ||
      (order != 'C' && order != 'F' && order != 'A')) {
    return badInternalCall("PyMemoryView_GetContiguous");
  }
  PyObject* mv = PyMemoryView_FromObject(base);
  if (mv == nullptr) return nullptr;
  Py_buffer* view = PyMemoryView_GET_BUFFER(mv);
  if (buffertype == PyBUF_WRITE && view->readonly) {
    Py_DECREF(mv);
    raise(exc::BufferError, "underlying buffer is not writable");
    return nullptr;
  }
  if (PyBuffer_IsContiguous(view, order)) return mv;
  if (buffertype == PyBUF_WRITE) {
    Py_DECREF(mv);
    raise(exc::BufferError, "writable contiguous buffer requested for a non-contiguous object.");
    return nullptr;
  }
  // A contiguous copy: tobytes(order) viewed anew.
  PyObject* bytes = PyObject_CallMethod(mv, "tobytes", "s", order == 'F' ? "F" : "C");
  Py_DECREF(mv);
  if (bytes == nullptr) return nullptr;
  PyObject* copy = PyMemoryView_FromObject(bytes);
  Py_DECREF(bytes);
  return copy;
}

}  // extern "C"
