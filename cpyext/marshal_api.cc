// marshal from C (CPython's Python/marshal.c C API), over the marshal module:
// to and from bytes, and to and from a FILE*.  The format is CPython's for
// data; code objects are Tern's own (its marshal writes Tern's bytecode).
//
// The FILE* readers raise EOFError "EOF read where not expected" (OSError
// on a read error) when the file ends early.  PyMarshal_ReadObjectFromFile
// leaves the file just after the object, as CPython does: it reads ahead
// and seeks back, so the file must be seekable (else OSError).
// PyMarshal_WriteObjectToFile writes nothing for an object marshal cannot
// write, and leaves the ValueError set (CPython writes a marker byte).
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>

#include "Python.h"
#include "marshal.h"

namespace {

PyObject* marshalCall(const char* function, const char* format, ...) {
  PyObject* marshal = PyImport_ImportModule("marshal");
  if (marshal == nullptr) return nullptr;
  PyObject* fn = PyObject_GetAttrString(marshal, function);
  Py_DECREF(marshal);
  if (fn == nullptr) return nullptr;
  va_list ap;
  va_start(ap, format);
  PyObject* args = Py_VaBuildValue(format, ap);
  va_end(ap);
  PyObject* r = args == nullptr ? nullptr : PyObject_CallObject(fn, args);
  Py_XDECREF(args);
  Py_DECREF(fn);
  return r;
}

// Reads exactly n bytes, else EOFError (OSError on a read error).
bool readExactly(FILE* fp, unsigned char* out, size_t n) {
  if (fread(out, 1, n, fp) == n) return true;
  if (ferror(fp)) {
    PyErr_SetFromErrno(PyExc_OSError);
  } else {
    PyErr_SetString(PyExc_EOFError, "EOF read where not expected");
  }
  return false;
}

// The rest of the file.
bool readRest(FILE* fp, std::string* out) {
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, fp)) > 0) out->append(buf, n);
  if (!ferror(fp)) return true;
  PyErr_SetFromErrno(PyExc_OSError);
  return false;
}

}  // namespace

extern "C" {

PyObject* PyMarshal_WriteObjectToString(PyObject* x, int version) { return marshalCall("dumps", "(Oi)", x, version); }

PyObject* PyMarshal_ReadObjectFromString(const char* data, Py_ssize_t len) {
  PyObject* bytes = PyBytes_FromStringAndSize(data, len);
  return bytes == nullptr ? nullptr : marshalCall("loads", "(N)", bytes);
}

// The low 32 bits of x, little-endian (version is not used, as in CPython).
void PyMarshal_WriteLongToFile(long x, FILE* fp, int /*version*/) {
  auto u = static_cast<unsigned long>(x);
  unsigned char bytes[4] = {static_cast<unsigned char>(u), static_cast<unsigned char>(u >> 8),
                            static_cast<unsigned char>(u >> 16), static_cast<unsigned char>(u >> 24)};
  fwrite(bytes, 1, sizeof bytes, fp);
}

void PyMarshal_WriteObjectToFile(PyObject* x, FILE* fp, int version) {
  PyObject* data = PyMarshal_WriteObjectToString(x, version);
  if (data == nullptr) return;
  fwrite(PyBytes_AS_STRING(data), 1, static_cast<size_t>(PyBytes_GET_SIZE(data)), fp);
  Py_DECREF(data);
}

long PyMarshal_ReadLongFromFile(FILE* fp) {
  unsigned char b[4];
  if (!readExactly(fp, b, sizeof b)) return -1;
  uint32_t u = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<uint32_t>(b[3]) << 24);
  return static_cast<int32_t>(u);
}

int PyMarshal_ReadShortFromFile(FILE* fp) {
  unsigned char b[2];
  if (!readExactly(fp, b, sizeof b)) return -1;
  return static_cast<int16_t>(b[0] | (b[1] << 8));
}

PyObject* PyMarshal_ReadLastObjectFromFile(FILE* fp) {
  std::string rest;
  if (!readRest(fp, &rest)) return nullptr;
  return PyMarshal_ReadObjectFromString(rest.data(), static_cast<Py_ssize_t>(rest.size()));
}

PyObject* PyMarshal_ReadObjectFromFile(FILE* fp) {
  long start = ftell(fp);
  if (start < 0) {
    PyErr_SetFromErrno(PyExc_OSError);
    return nullptr;
  }
  std::string rest;
  if (!readRest(fp, &rest)) return nullptr;
  PyObject* bytes = PyBytes_FromStringAndSize(rest.data(), static_cast<Py_ssize_t>(rest.size()));
  PyObject* io = bytes == nullptr ? nullptr : PyImport_ImportModule("io");
  PyObject* stream = io == nullptr ? nullptr : PyObject_CallMethod(io, "BytesIO", "(O)", bytes);
  Py_XDECREF(bytes);
  Py_XDECREF(io);
  PyObject* x = stream == nullptr ? nullptr : marshalCall("load", "(O)", stream);
  PyObject* used = x == nullptr ? nullptr : PyObject_CallMethod(stream, "tell", nullptr);
  Py_XDECREF(stream);
  long n = used == nullptr ? -1 : PyLong_AsLong(used);
  Py_XDECREF(used);
  if (x == nullptr || n < 0 || fseek(fp, start + n, SEEK_SET) != 0) {
    if (!PyErr_Occurred()) PyErr_SetFromErrno(PyExc_OSError);
    Py_XDECREF(x);
    fseek(fp, start, SEEK_SET);
    return nullptr;
  }
  return x;
}

}  // extern "C"
