// The old buffer API CPython 3.11 still exports (PyObject_AsCharBuffer,
// AsReadBuffer, AsWriteBuffer, CheckReadBuffer: a pointer and a length,
// without a view to release) and pickle.PickleBuffer from C
// (PyPickleBuffer_*, over the runtime's native PickleBuffer,
// runtime/modules/_pickle.cc).
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_pickle.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/memoryview.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

// The old API hands out the pointer after giving the view back, which is
// sound while the storage stays where it is: a bytes proxy's, a
// bytearray's (in the old space once it has a proxy), a C exporter's, or
// storage the runtime keeps in place (an array's, an mmap's).  Other
// exporters give C a copy that lives only as long as the view.
// A memoryview's storage is its exporter's.
bool storageStaysPut(PyObject* obj) {
  if (inArena(obj) && prefixOf(obj)->kind == ProxyKind::kCObject) return true;
  Value v = fromC(obj);
  Value base = isMemoryView(v) ? asMemoryView(v)->exporter.get() : v;
  return isBytes(base) || isByteArray(base) || stableBufferData(base) != nullptr;
}

int nullArgument() {
  PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
  return -1;
}

// Hands out the memory of a view just taken, then releases the view, as the
// old API does: only for an exporter whose storage stays put afterwards.
int handOutReleased(PyObject* obj, Py_buffer* view, void** buffer, Py_ssize_t* buffer_len) {
  bool stays = storageStaysPut(obj);
  *buffer = view->buf;
  *buffer_len = view->len;
  PyBuffer_Release(view);
  if (!stays) {
    PyErr_Format(PyExc_BufferError, "the buffer of a '%.200s' object may move: use PyObject_GetBuffer",
                 Py_TYPE(obj)->tp_name);
    return -1;
  }
  return 0;
}

int asReadBuffer(PyObject* obj, const void** buffer, Py_ssize_t* buffer_len) {
  if (obj == nullptr || buffer == nullptr || buffer_len == nullptr) return nullArgument();
  Py_buffer view;
  if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) != 0) return -1;
  return handOutReleased(obj, &view, const_cast<void**>(buffer), buffer_len);
}

void notPickleBuffer(PyObject* obj) {
  PyErr_Format(PyExc_TypeError, "expected PickleBuffer, %.200s found", Py_TYPE(obj)->tp_name);
}

}  // namespace

extern "C" {

int PyObject_CheckReadBuffer(PyObject* obj) {
  if (!PyObject_CheckBuffer(obj)) return 0;
  Py_buffer view;
  if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) != 0) {
    PyErr_Clear();
    return 0;
  }
  PyBuffer_Release(&view);
  return 1;
}

int PyObject_AsCharBuffer(PyObject* obj, const char** buffer, Py_ssize_t* buffer_len) {
  return asReadBuffer(obj, reinterpret_cast<const void**>(buffer), buffer_len);
}

int PyObject_AsReadBuffer(PyObject* obj, const void** buffer, Py_ssize_t* buffer_len) {
  return asReadBuffer(obj, buffer, buffer_len);
}

int PyObject_AsWriteBuffer(PyObject* obj, void** buffer, Py_ssize_t* buffer_len) {
  if (obj == nullptr || buffer == nullptr || buffer_len == nullptr) return nullArgument();
  Py_buffer view;
  if (!PyObject_CheckBuffer(obj) || PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) != 0) {
    PyErr_SetString(PyExc_TypeError, "expected a writable bytes-like object");
    return -1;
  }
  return handOutReleased(obj, &view, buffer, buffer_len);
}

PyObject* PyPickleBuffer_FromObject(PyObject* base) {
  return PyObject_CallOneArg(reinterpret_cast<PyObject*>(&PyPickleBuffer_Type), base);
}

// The view of the PickleBuffer's memoryview, valid while the PickleBuffer
// holds it (until PyPickleBuffer_Release).
const Py_buffer* PyPickleBuffer_GetBuffer(PyObject* obj) {
  if (!PyPickleBuffer_Check(obj)) {
    notPickleBuffer(obj);
    return nullptr;
  }
  Value view = pickle::pickleBufferView(fromC(obj));
  if (view.isNull()) return nullptr;
  return PyMemoryView_GET_BUFFER(toBorrowed(obj, view));
}

int PyPickleBuffer_Release(PyObject* obj) {
  if (!PyPickleBuffer_Check(obj)) {
    notPickleBuffer(obj);
    return -1;
  }
  PyObject* r = PyObject_CallMethod(obj, "release", nullptr);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

}  // extern "C"
