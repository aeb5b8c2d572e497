// cpyext: the buffer protocol for C (the PyObject_GetBuffer / PyBuffer_*
// part of CPython's Objects/abstract.c).
//
// Exporters come in two kinds:
//   - C types with tp_as_buffer->bf_getbuffer: called as CPython calls them;
//     PyBuffer_Release calls their bf_releasebuffer.
//   - runtime objects (runtime/objects/buffer.h), whose memory moves with
//     the collector.  C must get an address that holds until
//     PyBuffer_Release, so:
//       bytes      -> the proxy's own copy (ob_sval), which never moves;
//       bytearray  -> the runtime storage itself, moved to the old space by
//                     refreshByteArray (it never moves there) and held by a
//                     counted export, so the bytearray cannot be resized;
//       memoryview -> as above when it views a bytes or a bytearray (with
//                     the view's own shape and strides, slices included);
//       others     -> (array, mmap, views of them, ...) a C-contiguous copy
//                     in malloc'd memory; a writable request copies the bytes
//                     back into the exporter on release.
//     The bookkeeping sits in Py_buffer.internal (a RuntimeExport).
//
// The other direction, the runtime consuming a C exporter (memoryview(obj)
// of a C type with bf_getbuffer), is registerCBufferExporter's BufferProcs.
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/memoryview.h"

namespace tern::cpyext {

int runtimeGetBuffer(PyObject* obj, Py_buffer* view, int flags);
void runtimeReleaseBuffer(PyObject* obj, Py_buffer* view);

namespace {

constexpr uint64_t kExportMagic = 0x7465726e62756621ull;  // "ternbuf!"

struct RuntimeExport {
  uint64_t magic;
  PyObject* base;  // a reference to the proxy whose memory buf points into, or null
  bool counted;    // holds an export of the runtime object
  bool writeback;  // copy `copy` back into the exporter on release
  char* copy;      // malloc'd data for copied views, else null
  Py_ssize_t shape[kMaxBufferDims];
  Py_ssize_t strides[kMaxBufferDims];
  char format[32];
};

// The tp_as_buffer of runtime exporters' types as C sees them: C tests the
// slots (numpy's frombuffer keeps a memoryview when bf_releasebuffer is set,
// and the pointer alone otherwise).  bytes has no bf_releasebuffer, as in
// CPython: its proxy's copy lives as long as the bytes.
PyBufferProcs g_runtime_buffer_procs = {.bf_getbuffer = runtimeGetBuffer,
                                        .bf_releasebuffer = runtimeReleaseBuffer};
PyBufferProcs g_runtime_bytes_buffer_procs = {.bf_getbuffer = runtimeGetBuffer, .bf_releasebuffer = nullptr};

bool isCExporter(PyObject* obj) {
  PyBufferProcs* pb = Py_TYPE(obj)->tp_as_buffer;
  return pb != nullptr && pb->bf_getbuffer != nullptr && pb->bf_getbuffer != runtimeGetBuffer;
}

void fillShapeAndFormat(Py_buffer* view, RuntimeExport* ex, const Buffer& b, int flags, bool contiguous_copy) {
  view->itemsize = b.itemsize;
  view->ndim = b.ndim;
  std::snprintf(ex->format, sizeof ex->format, "%s", b.format.c_str());
  view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? ex->format : nullptr;
  Py_ssize_t stride = b.itemsize;
  for (int i = b.ndim - 1; i >= 0; --i) {
    ex->shape[i] = b.shape[i];
    ex->strides[i] = contiguous_copy ? stride : b.strides[i];
    stride *= b.shape[i];
  }
  view->shape = (flags & PyBUF_ND) == PyBUF_ND ? ex->shape : nullptr;
  view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? ex->strides : nullptr;
  view->suboffsets = nullptr;
}

// ---------------------------------------------------------------------------
// C exporters seen from the runtime (memoryview(obj), bytes(obj), b"".join
// of an object whose C type has bf_getbuffer): runtime BufferProcs that take
// a Py_buffer from the C type and describe it.  C memory does not move, so
// the runtime may re-derive the address from the Py_buffer each time.  The
// live Py_buffers of each object are kept (most recent last) until the
// runtime gives its export back.

std::unordered_map<PyObject*, std::vector<Py_buffer*>>& cExports() {
  static auto* table = new std::unordered_map<PyObject*, std::vector<Py_buffer*>>();
  return *table;
}

// The C object behind a runtime wrapper, without touching its refcount
// (a new reference that we dropped could deallocate it).
PyObject* cObjectOf(Value obj) {
  if (!obj.isObject()) return nullptr;
  gc::ExternalLink* link = gc::findExternal(obj.asObject());
  if (link == nullptr) return nullptr;
  auto* prefix = reinterpret_cast<ProxyPrefix*>(reinterpret_cast<char*>(link) - offsetof(ProxyPrefix, link));
  return objectOf(prefix);
}

bool cExporterGet(Value obj, Buffer* view, int flags) {
  PyObject* o = cObjectOf(obj);
  if (o == nullptr || !isCExporter(o)) {
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", typeNameOf(obj).c_str());
    return false;
  }
  auto* pb = new Py_buffer();
  if (Py_TYPE(o)->tp_as_buffer->bf_getbuffer(o, pb, flags) < 0) {
    delete pb;
    return false;
  }
  if (pb->ndim > kMaxBufferDims) {
    PyBuffer_Release(pb);
    delete pb;
    raise(exc::ValueError, "memoryview: number of dimensions must not exceed 64");
    return false;
  }
  view->len = pb->len;
  // As the exporter says, 0 included (_ctypes's empty structures), as
  // CPython's memoryview keeps it.
  view->itemsize = pb->itemsize >= 0 ? pb->itemsize : 1;
  view->readonly = pb->readonly != 0;
  view->format = pb->format != nullptr ? pb->format : "B";
  view->ndim = pb->ndim;
  if (pb->ndim == 1 && pb->shape == nullptr) {
    view->shape[0] = view->itemsize != 0 ? pb->len / view->itemsize : 0;
  } else {
    for (int i = 0; i < pb->ndim; ++i) view->shape[i] = pb->shape != nullptr ? pb->shape[i] : 0;
  }
  int64_t stride = view->itemsize;
  for (int i = pb->ndim - 1; i >= 0; --i) {
    view->strides[i] = pb->strides != nullptr ? pb->strides[i] : stride;
    stride *= view->shape[i];
  }
  view->offset = 0;
  view->counted = true;
  cExports()[o].push_back(pb);
  return true;
}

void cExporterRelease(Value obj) {
  PyObject* o = cObjectOf(obj);
  auto it = cExports().find(o);
  if (it == cExports().end() || it->second.empty()) return;
  Py_buffer* pb = it->second.back();
  it->second.pop_back();
  if (it->second.empty()) cExports().erase(it);
  PyBuffer_Release(pb);
  delete pb;
}

int64_t cExporterExports(Value obj) {
  auto it = cExports().find(cObjectOf(obj));
  return it == cExports().end() ? 0 : static_cast<int64_t>(it->second.size());
}

char* cExporterData(Value obj) {
  auto it = cExports().find(cObjectOf(obj));
  if (it == cExports().end() || it->second.empty()) return nullptr;
  return static_cast<char*>(it->second.back()->buf);
}

const BufferProcs kCExporterProcs = {.get = cExporterGet,
                                     .release = cExporterRelease,
                                     .exports = cExporterExports,
                                     .data = cExporterData,
                                     .stable_data = cExporterData,  // C memory
                                     .prompt_release = true};

}  // namespace

char* stableBufferData(Value exporter) {
  const BufferProcs* procs = exporter.isSmallInt() ? nullptr : bufferProcsOf(typeOf(exporter));
  return procs != nullptr && procs->stable_data != nullptr ? procs->stable_data(exporter) : nullptr;
}

// Each registration's type slot, so that a C heap type's death can void it
// (its address may be a new type's later).
std::unordered_map<Type*, Type**>& cExporterSlots() {
  static auto* slots = new std::unordered_map<Type*, Type**>();
  return *slots;
}

void registerCBufferExporter(Type* type) {
  Type** slot = new Type*(type);
  cExporterSlots()[type] = slot;
  registerBufferProcs(slot, &kCExporterProcs);
}

void forgetCBufferExporter(Type* type) {
  auto it = cExporterSlots().find(type);
  if (it == cExporterSlots().end()) return;
  *it->second = nullptr;  // matches no type any more
  cExporterSlots().erase(it);
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

int PyObject_CheckBuffer(PyObject* obj) {
  if (obj == nullptr) return 0;
  if (isCExporter(obj)) return 1;
  return hasBuffer(fromC(obj)) ? 1 : 0;
}

int PyBuffer_FillInfo(Py_buffer* view, PyObject* obj, void* buf, Py_ssize_t len, int readonly, int flags) {
  if (view == nullptr) {
    raise(exc::BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
    return -1;
  }
  if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly == 1) {
    raise(exc::BufferError, "Object is not writable.");
    return -1;
  }
  view->obj = obj;
  Py_XINCREF(obj);
  view->buf = buf;
  view->len = len;
  view->readonly = readonly;
  view->itemsize = 1;
  view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? const_cast<char*>("B") : nullptr;
  view->ndim = 1;
  view->shape = (flags & PyBUF_ND) == PyBUF_ND ? &view->len : nullptr;
  view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &view->itemsize : nullptr;
  view->suboffsets = nullptr;
  view->internal = nullptr;
  return 0;
}

int PyObject_GetBuffer(PyObject* obj, Py_buffer* view, int flags) {
  if (obj == nullptr || view == nullptr) return badInternalCall("PyObject_GetBuffer"), -1;
  if (isCExporter(obj)) return Py_TYPE(obj)->tp_as_buffer->bf_getbuffer(obj, view, flags);
  return runtimeGetBuffer(obj, view, flags);
}

void PyBuffer_Release(Py_buffer* view) {
  if (view == nullptr) return;
  PyObject* obj = view->obj;
  if (obj == nullptr) return;
  if (isCExporter(obj)) {
    PyBufferProcs* pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb->bf_releasebuffer != nullptr) pb->bf_releasebuffer(obj, view);
  } else {
    runtimeReleaseBuffer(obj, view);
  }
  view->obj = nullptr;
  Py_DECREF(obj);
}

}  // extern "C"

namespace tern::cpyext {

// A runtime object's buffer for C (see the header comment).
int runtimeGetBuffer(PyObject* obj, Py_buffer* view, int flags) {
  Value v = fromC(obj);
  if (v.isNull()) return -1;
  if (isBytes(v) && inArena(obj) && prefixOf(obj)->kind == ProxyKind::kBytes) {
    return PyBuffer_FillInfo(view, obj, PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), 1, flags);
  }
  Buffer b;
  if (!getBuffer(v, &b, flags)) return -1;
  auto* ex = static_cast<RuntimeExport*>(std::calloc(1, sizeof(RuntimeExport)));
  if (ex == nullptr) {
    releaseBuffer(&b);
    raiseNoMemory();
    return -1;
  }
  ex->magic = kExportMagic;
  ex->counted = b.counted;
  // The object whose storage the view's offset is measured in.
  Value base = isMemoryView(v) ? asMemoryView(v)->exporter.get() : v;
  char* stable = nullptr;
  if (isBytes(base) || isByteArray(base)) {
    PyObject* bp = toNew(base);
    ProxyKind kind = inArena(bp) ? prefixOf(bp)->kind : ProxyKind::kStatic;
    if (kind == ProxyKind::kBytes) {
      stable = PyBytes_AS_STRING(bp);
    } else if (kind == ProxyKind::kPlain && isByteArray(base)) {
      refreshByteArray(bp, base);  // storage now in the old space: stable
      stable = reinterpret_cast<PyByteArrayObject*>(bp)->ob_bytes;
    }
    if (stable != nullptr || bytesLength(base) == 0) {
      ex->base = bp;
    } else {
      Py_DECREF(bp);
    }
  } else if (char* data = stableBufferData(base)) {
    // Storage that stays put while the view holds its export (an array's
    // moved to the old space, an mmap, a C exporter's memory).
    ex->base = toNew(base);
    stable = data;
  }
  if (ex->base != nullptr) {
    view->buf = stable == nullptr ? PyBytes_AS_STRING(ex->base) : stable + b.offset;
    fillShapeAndFormat(view, ex, b, flags, false);
  } else {
    std::string bytes;
    bufferCopyTo(b, 'C', &bytes);
    ex->copy = static_cast<char*>(std::malloc(bytes.size() + 1));
    if (ex->copy == nullptr) {
      releaseBuffer(&b);
      std::free(ex);
      raiseNoMemory();
      return -1;
    }
    std::memcpy(ex->copy, bytes.data(), bytes.size());
    ex->writeback = !b.readonly && (flags & PyBUF_WRITABLE) != 0;
    view->buf = ex->copy;
    fillShapeAndFormat(view, ex, b, flags, true);
  }
  view->obj = obj;
  Py_INCREF(obj);
  view->len = b.len;
  view->readonly = b.readonly ? 1 : 0;
  view->internal = ex;
  // The export (if counted) is given back in PyBuffer_Release; the Buffer
  // itself holds no reference worth keeping (its Value would go stale).
  b.counted = false;
  releaseBuffer(&b);
  return 0;
}

// What a runtime export holds (PyBuffer_Release, or bf_releasebuffer called
// by C directly; neither drops view->obj here).
void runtimeReleaseBuffer(PyObject* obj, Py_buffer* view) {
  auto* ex = static_cast<RuntimeExport*>(view->internal);
  if (ex != nullptr && ex->magic == kExportMagic) {
    Value v = fromC(obj);
    if (ex->writeback) {
      Buffer b;
      if (getBuffer(v, &b, PyBUF_WRITABLE)) {
        // Scatter the contiguous copy back item by item in C order.
        if (b.isCContiguous()) {
          std::memcpy(b.data(), ex->copy, static_cast<size_t>(b.len));
        }
        releaseBuffer(&b);
      } else {
        clearError();
      }
    }
    if (ex->counted) {
      const BufferProcs* procs = bufferProcsOf(typeOf(v));
      if (procs != nullptr && procs->release != nullptr) procs->release(v);
    }
    std::free(ex->copy);
    Py_XDECREF(ex->base);
    ex->magic = 0;
    std::free(ex);
    view->internal = nullptr;
  }
}

PyBufferProcs* runtimeBufferProcsFor(Type* type) {
  if (bufferProcsOf(type) == nullptr) return nullptr;
  return isSubtype(type, types::bytes_type) ? &g_runtime_bytes_buffer_procs : &g_runtime_buffer_procs;
}

}  // namespace tern::cpyext

extern "C" {

int PyBuffer_IsContiguous(const Py_buffer* view, char order) {
  if (view->suboffsets != nullptr) return 0;
  if (view->strides == nullptr || view->len == 0) return 1;
  auto c_contiguous = [view] {
    Py_ssize_t sd = view->itemsize;
    for (int i = view->ndim - 1; i >= 0; --i) {
      Py_ssize_t dim = view->shape[i];
      if (dim > 1 && view->strides[i] != sd) return false;
      sd *= dim;
    }
    return true;
  };
  auto f_contiguous = [view] {
    Py_ssize_t sd = view->itemsize;
    for (int i = 0; i < view->ndim; ++i) {
      Py_ssize_t dim = view->shape[i];
      if (dim > 1 && view->strides[i] != sd) return false;
      sd *= dim;
    }
    return true;
  };
  if (order == 'C') return c_contiguous() ? 1 : 0;
  if (order == 'F') return f_contiguous() ? 1 : 0;
  if (order == 'A') return c_contiguous() || f_contiguous() ? 1 : 0;
  return 0;
}

}  // extern "C"
