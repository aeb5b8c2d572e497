// cpyext: _PyUnicodeWriter, CPython's private builder of a str piecewise
// (cpython/unicodeobject.h), used by Debian's _multibytecodec and CJK codecs,
// Cython and others.
//
// The struct is C's: its fields are public and callers write them inline
// (the _PyUnicodeWriter_Prepare macro reads maxchar/size/pos; the CJK codecs
// store with PyUnicode_WRITE(writer->kind, writer->data, writer->pos, c) and
// bump pos).  So the layout is CPython 3.11's, and the invariants are its:
//
//   - buffer NULL: nothing allocated yet; kind 0 (below every real kind, so
//     _PyUnicodeWriter_PrepareKind always calls us), size 0, maxchar 0.
//   - buffer a fresh str C may write (a PyUnicode_New proxy, kFilling, only
//     the writer holds it): data/kind/size are its text, its kind and its
//     length (the capacity); maxchar is the largest code point its kind
//     holds; the text before pos is the result so far.
//   - readonly: buffer is somebody's str, taken as is (the first write of a
//     whole str or ASCII string into an empty writer that does not
//     overallocate, which spares a copy when it is also the last); size is 0
//     and kind 0 so that the next write of anything copies it first.
//
// min_length and min_char are C's hints for the first allocation; with
// overallocate set, growth reserves a quarter more than asked.  A finished
// writer hands out a str of exactly pos characters; the runtime narrows its
// kind when it crosses over (strOfFilled).
#include <cstring>

#include "Python.h"

namespace {

constexpr Py_ssize_t kMaxSize = PY_SSIZE_T_MAX / 4 - 1;  // PyUnicode_New's limit for UCS4 text

Py_UCS4 maxCharOfKind(int kind) {
  switch (kind) {
    case PyUnicode_1BYTE_KIND:
      return 0xff;
    case PyUnicode_2BYTE_KIND:
      return 0xffff;
    default:
      return 0x10ffff;
  }
}

// The fields that follow from the buffer (CPython's writer keeps the same).
void syncWithBuffer(_PyUnicodeWriter* w) {
  w->maxchar = PyUnicode_MAX_CHAR_VALUE(w->buffer);
  w->data = PyUnicode_DATA(w->buffer);
  if (w->readonly) {
    w->kind = PyUnicode_WCHAR_KIND;
    w->size = 0;
  } else {
    w->kind = static_cast<enum PyUnicode_Kind>(PyUnicode_KIND(w->buffer));
    w->size = PyUnicode_GET_LENGTH(w->buffer);
  }
}

// Copies n code points of `from` (any kind) to position `at` of the buffer.
void copyInto(_PyUnicodeWriter* w, Py_ssize_t at, int from_kind, const void* from, Py_ssize_t n) {
  if (from_kind == w->kind) {
    std::memcpy(static_cast<char*>(w->data) + at * w->kind, from, static_cast<size_t>(n) * from_kind);
    return;
  }
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyUnicode_WRITE(w->kind, w->data, at + i, PyUnicode_READ(from_kind, from, i));
  }
}

bool checkStr(PyObject* str, const char* function) {
  if (str == nullptr || !PyUnicode_Check(str)) {
    PyErr_Format(PyExc_SystemError, "%s: bad argument to internal function", function);
    return false;
  }
  return true;
}

}  // namespace

extern "C" {

void _PyUnicodeWriter_Init(_PyUnicodeWriter* writer) {
  std::memset(writer, 0, sizeof *writer);
  writer->kind = PyUnicode_WCHAR_KIND;
  writer->min_char = 127;  // an ASCII buffer at the least
}

int _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter* writer, Py_ssize_t length, Py_UCS4 maxchar) {
  if (length < 0 || maxchar > 0x10ffff) {
    PyErr_SetString(PyExc_SystemError, "_PyUnicodeWriter_PrepareInternal: bad argument to internal function");
    return -1;
  }
  if (length > kMaxSize - writer->pos) {
    PyErr_NoMemory();
    return -1;
  }
  Py_ssize_t needed = writer->pos + length;
  if (maxchar < writer->min_char) maxchar = writer->min_char;
  if (writer->buffer != nullptr && !writer->readonly && needed <= writer->size && maxchar <= writer->maxchar) {
    return 0;
  }
  Py_ssize_t capacity = needed;
  if (writer->buffer == nullptr) {
    if (writer->overallocate && capacity <= kMaxSize - capacity / 4) capacity += capacity / 4;
    if (capacity < writer->min_length) capacity = writer->min_length;
  } else {
    if (capacity < writer->size) capacity = writer->size;  // only widening
    if (needed > writer->size && writer->overallocate && capacity <= kMaxSize - capacity / 4) {
      capacity += capacity / 4;
    }
    Py_UCS4 had = PyUnicode_MAX_CHAR_VALUE(writer->buffer);
    if (maxchar < had) maxchar = had;
  }
  PyObject* fresh = PyUnicode_New(capacity, maxchar);
  if (fresh == nullptr) return -1;
  PyObject* old = writer->buffer;
  writer->buffer = fresh;
  writer->readonly = 0;
  syncWithBuffer(writer);
  if (old != nullptr) {
    copyInto(writer, 0, PyUnicode_KIND(old), PyUnicode_DATA(old), writer->pos);
    Py_DECREF(old);
  }
  return 0;
}

int _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter* writer, enum PyUnicode_Kind kind) {
  switch (kind) {
    case PyUnicode_1BYTE_KIND:
    case PyUnicode_2BYTE_KIND:
    case PyUnicode_4BYTE_KIND:
      return _PyUnicodeWriter_PrepareInternal(writer, 0, maxCharOfKind(kind));
    default:
      PyErr_SetString(PyExc_SystemError, "_PyUnicodeWriter_PrepareKindInternal: bad argument to internal function");
      return -1;
  }
}

int _PyUnicodeWriter_WriteChar(_PyUnicodeWriter* writer, Py_UCS4 ch) {
  if (ch > 0x10ffff) {
    PyErr_SetString(PyExc_SystemError, "_PyUnicodeWriter_WriteChar: character not in range(0x110000)");
    return -1;
  }
  if (_PyUnicodeWriter_Prepare(writer, 1, ch) < 0) return -1;
  PyUnicode_WRITE(writer->kind, writer->data, writer->pos, ch);
  writer->pos++;
  return 0;
}

int _PyUnicodeWriter_WriteStr(_PyUnicodeWriter* writer, PyObject* str) {
  if (!checkStr(str, "_PyUnicodeWriter_WriteStr")) return -1;
  Py_ssize_t n = PyUnicode_GET_LENGTH(str);
  if (n == 0) return 0;
  Py_UCS4 maxchar = PyUnicode_MAX_CHAR_VALUE(str);
  if (writer->buffer == nullptr && !writer->overallocate && maxchar >= writer->min_char) {
    // Taken as it is; copied if anything follows.
    Py_INCREF(str);
    writer->buffer = str;
    writer->readonly = 1;
    syncWithBuffer(writer);
    writer->pos = n;
    return 0;
  }
  if (_PyUnicodeWriter_Prepare(writer, n, maxchar) < 0) return -1;
  copyInto(writer, writer->pos, PyUnicode_KIND(str), PyUnicode_DATA(str), n);
  writer->pos += n;
  return 0;
}

int _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter* writer, PyObject* str, Py_ssize_t start, Py_ssize_t end) {
  if (!checkStr(str, "_PyUnicodeWriter_WriteSubstring")) return -1;
  Py_ssize_t len = PyUnicode_GET_LENGTH(str);
  if (start < 0 || end > len || start > end) {
    PyErr_SetString(PyExc_SystemError, "_PyUnicodeWriter_WriteSubstring: bad argument to internal function");
    return -1;
  }
  if (start == end) return 0;
  if (start == 0 && end == len) return _PyUnicodeWriter_WriteStr(writer, str);
  int kind = PyUnicode_KIND(str);
  const char* from = static_cast<const char*>(PyUnicode_DATA(str)) + start * kind;
  Py_UCS4 maxchar = 0;
  for (Py_ssize_t i = 0; i < end - start; ++i) {
    Py_UCS4 c = PyUnicode_READ(kind, from, i);
    if (c > maxchar) maxchar = c;
  }
  if (_PyUnicodeWriter_Prepare(writer, end - start, maxchar) < 0) return -1;
  copyInto(writer, writer->pos, kind, from, end - start);
  writer->pos += end - start;
  return 0;
}

int _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter* writer, const char* ascii, Py_ssize_t len) {
  if (ascii == nullptr) {
    PyErr_SetString(PyExc_SystemError, "_PyUnicodeWriter_WriteASCIIString: bad argument to internal function");
    return -1;
  }
  if (len < 0) len = static_cast<Py_ssize_t>(std::strlen(ascii));
  if (len == 0) return 0;
  if (writer->buffer == nullptr && !writer->overallocate) {
    PyObject* str = PyUnicode_DecodeASCII(ascii, len, nullptr);
    if (str == nullptr) return -1;
    int r = _PyUnicodeWriter_WriteStr(writer, str);
    Py_DECREF(str);
    return r;
  }
  if (_PyUnicodeWriter_Prepare(writer, len, 127) < 0) return -1;
  copyInto(writer, writer->pos, PyUnicode_1BYTE_KIND, ascii, len);
  writer->pos += len;
  return 0;
}

int _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter* writer, const char* str, Py_ssize_t len) {
  if (str == nullptr || len < 0) {
    PyErr_SetString(PyExc_SystemError, "_PyUnicodeWriter_WriteLatin1String: bad argument to internal function");
    return -1;
  }
  if (len == 0) return 0;
  Py_UCS4 maxchar = 0;
  for (Py_ssize_t i = 0; i < len; ++i) {
    Py_UCS4 c = static_cast<unsigned char>(str[i]);
    if (c > maxchar) maxchar = c;
  }
  if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0) return -1;
  copyInto(writer, writer->pos, PyUnicode_1BYTE_KIND, str, len);
  writer->pos += len;
  return 0;
}

PyObject* _PyUnicodeWriter_Finish(_PyUnicodeWriter* writer) {
  PyObject* str = writer->buffer;
  writer->buffer = nullptr;
  if (writer->pos == 0) {
    Py_XDECREF(str);
    return PyUnicode_FromStringAndSize("", 0);  // the shared empty str
  }
  if (writer->readonly) return str;  // the str written whole, pos == its length
  if (PyUnicode_GET_LENGTH(str) != writer->pos && PyUnicode_Resize(&str, writer->pos) < 0) {
    Py_DECREF(str);
    return nullptr;
  }
  return str;
}

void _PyUnicodeWriter_Dealloc(_PyUnicodeWriter* writer) { Py_CLEAR(writer->buffer); }

}  // extern "C"
