// Py_buffer arithmetic and copies (CPython's Objects/abstract.c, the
// PyBuffer_* functions that only read the struct): an item's address,
// contiguous strides, copies between a view and contiguous memory in C or
// Fortran order, PyObject_CopyData, the item size of a struct format.
//
// Order 'F' walks the first index fastest; 'C' and 'A' the last (for 'A' a
// view contiguous either way is copied as it is, as in CPython).
#include <cstring>
#include <vector>

#include "Python.h"

namespace {

// Steps `indices` to the next item of `shape` in C order (last index
// fastest) or Fortran order; wraps to all zeros after the last item.
void nextIndex(std::vector<Py_ssize_t>* indices, const Py_ssize_t* shape, bool fortran) {
  int nd = static_cast<int>(indices->size());
  for (int i = 0; i < nd; ++i) {
    int k = fortran ? i : nd - 1 - i;
    if (++(*indices)[k] < shape[k]) return;
    (*indices)[k] = 0;
  }
}

Py_ssize_t itemCount(const Py_buffer* view) {
  Py_ssize_t n = 1;
  for (int k = 0; k < view->ndim; ++k) n *= view->shape[k];
  return n;
}

// Copies `count` items between the view and contiguous memory at `flat`, in
// the order `order`; `to_flat` says which way.
void copyItems(const Py_buffer* view, char* flat, Py_ssize_t count, char order, bool to_flat) {
  std::vector<Py_ssize_t> indices(static_cast<size_t>(view->ndim), 0);
  for (Py_ssize_t i = 0; i < count; ++i) {
    auto* item = static_cast<char*>(PyBuffer_GetPointer(view, indices.data()));
    if (to_flat) {
      std::memcpy(flat, item, static_cast<size_t>(view->itemsize));
    } else {
      std::memcpy(item, flat, static_cast<size_t>(view->itemsize));
    }
    flat += view->itemsize;
    nextIndex(&indices, view->shape, order == 'F');
  }
}

// A view's shape and strides may be NULL (PyBUF_SIMPLE: one dimension of
// bytes); the element-wise copies need both.
bool hasLayout(const Py_buffer* view) {
  return view->ndim == 0 || (view->shape != nullptr && view->strides != nullptr);
}

}  // namespace

extern "C" {

void* PyBuffer_GetPointer(const Py_buffer* view, const Py_ssize_t* indices) {
  auto* p = static_cast<char*>(view->buf);
  for (int k = 0; k < view->ndim; ++k) {
    p += view->strides[k] * indices[k];
    if (view->suboffsets != nullptr && view->suboffsets[k] >= 0) {
      p = *reinterpret_cast<char**>(p) + view->suboffsets[k];
    }
  }
  return p;
}

void PyBuffer_FillContiguousStrides(int ndims, Py_ssize_t* shape, Py_ssize_t* strides, int itemsize, char order) {
  Py_ssize_t step = itemsize;
  for (int i = 0; i < ndims; ++i) {
    int k = order == 'F' ? i : ndims - 1 - i;
    strides[k] = step;
    step *= shape[k];
  }
}

// struct.calcsize(format).
Py_ssize_t PyBuffer_SizeFromFormat(const char* format) {
  PyObject* st = PyImport_ImportModule("struct");
  if (st == nullptr) return -1;
  PyObject* size = PyObject_CallMethod(st, "calcsize", "s", format);
  Py_DECREF(st);
  if (size == nullptr) return -1;
  Py_ssize_t n = PyLong_AsSsize_t(size);
  Py_DECREF(size);
  return n;
}

int PyBuffer_ToContiguous(void* buf, const Py_buffer* src, Py_ssize_t len, char order) {
  if (len != src->len) {
    PyErr_SetString(PyExc_ValueError, "PyBuffer_ToContiguous: len != view->len");
    return -1;
  }
  if (PyBuffer_IsContiguous(src, order)) {
    std::memcpy(buf, src->buf, static_cast<size_t>(len));
    return 0;
  }
  if (!hasLayout(src)) {
    PyErr_SetString(PyExc_BufferError, "PyBuffer_ToContiguous: the view has no shape and strides");
    return -1;
  }
  copyItems(src, static_cast<char*>(buf), itemCount(src), order, true);
  return 0;
}

// Copies at most view->len bytes; whole items only.
int PyBuffer_FromContiguous(const Py_buffer* view, const void* buf, Py_ssize_t len, char order) {
  if (len > view->len) len = view->len;
  if (PyBuffer_IsContiguous(view, order)) {
    std::memcpy(view->buf, buf, static_cast<size_t>(len));
    return 0;
  }
  if (!hasLayout(view)) {
    PyErr_SetString(PyExc_BufferError, "PyBuffer_FromContiguous: the view has no shape and strides");
    return -1;
  }
  copyItems(view, static_cast<char*>(const_cast<void*>(buf)), len / view->itemsize, order, false);
  return 0;
}

// Copies src's items into dest's at the same indices (dest at least as long).
int PyObject_CopyData(PyObject* dest, PyObject* src) {
  if (!PyObject_CheckBuffer(dest) || !PyObject_CheckBuffer(src)) {
    PyErr_SetString(PyExc_TypeError, "both destination and source must be bytes-like objects");
    return -1;
  }
  Py_buffer to, from;
  if (PyObject_GetBuffer(dest, &to, PyBUF_FULL) < 0) return -1;
  if (PyObject_GetBuffer(src, &from, PyBUF_FULL_RO) < 0) {
    PyBuffer_Release(&to);
    return -1;
  }
  int r = 0;
  if (to.len < from.len) {
    PyErr_SetString(PyExc_BufferError, "destination is too small to receive data from source");
    r = -1;
  } else if ((PyBuffer_IsContiguous(&to, 'C') && PyBuffer_IsContiguous(&from, 'C')) ||
             (PyBuffer_IsContiguous(&to, 'F') && PyBuffer_IsContiguous(&from, 'F'))) {
    std::memcpy(to.buf, from.buf, static_cast<size_t>(from.len));
  } else {
    std::vector<Py_ssize_t> indices(static_cast<size_t>(from.ndim), 0);
    for (Py_ssize_t i = itemCount(&from); i > 0; --i) {
      std::memcpy(PyBuffer_GetPointer(&to, indices.data()), PyBuffer_GetPointer(&from, indices.data()),
                  static_cast<size_t>(from.itemsize));
      nextIndex(&indices, from.shape, false);
    }
  }
  PyBuffer_Release(&from);
  PyBuffer_Release(&to);
  return r;
}

}  // extern "C"
