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
//       others     -> (memoryview, array, mmap, ...) a C-contiguous copy in
//                     malloc'd memory; a writable request copies the bytes
//                     back into the exporter on release.
//     The bookkeeping sits in Py_buffer.internal (a RuntimeExport).
#include <cstdlib>
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"

namespace tern::cpyext {
namespace {

constexpr uint64_t kExportMagic = 0x7465726e62756621ull;  // "ternbuf!"

struct RuntimeExport {
  uint64_t magic;
  bool counted;      // holds an export of the runtime object
  bool writeback;    // copy `copy` back into the exporter on release
  char* copy;        // malloc'd data for copied views, else null
  Py_ssize_t shape[kMaxBufferDims];
  Py_ssize_t strides[kMaxBufferDims];
  char format[32];
};

bool isCExporter(PyObject* obj) {
  PyBufferProcs* pb = Py_TYPE(obj)->tp_as_buffer;
  return pb != nullptr && pb->bf_getbuffer != nullptr;
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

}  // namespace
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
  bool shared = isByteArray(v) && inArena(obj) && prefixOf(obj)->kind == ProxyKind::kPlain;
  if (shared) {
    refreshByteArray(obj, v);  // storage now in the old space: stable
    view->buf = PyByteArray_AS_STRING(obj);
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

void PyBuffer_Release(Py_buffer* view) {
  if (view == nullptr) return;
  PyObject* obj = view->obj;
  if (obj == nullptr) return;
  auto* ex = static_cast<RuntimeExport*>(view->internal);
  if (isCExporter(obj)) {
    PyBufferProcs* pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb->bf_releasebuffer != nullptr) pb->bf_releasebuffer(obj, view);
  } else if (ex != nullptr && ex->magic == kExportMagic) {
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
    ex->magic = 0;
    std::free(ex);
    view->internal = nullptr;
  }
  view->obj = nullptr;
  Py_DECREF(obj);
}

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
