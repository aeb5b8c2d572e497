// File objects from C (CPython's Objects/fileobject.c): any object with
// write()/readline() methods is a file here, as in CPython.
//
// PyFile_GetLine(f, n) is f.readline() (n <= 0) or f.readline(n), which must
// give str or bytes; with n < 0 the trailing newline is dropped and an empty
// result is EOFError.  PyFile_WriteObject writes str(v) (Py_PRINT_RAW) or
// repr(v).  PyFile_FromFd is io.open(fd, ...); its name is ignored, as
// CPython ignores it.  PyFile_OpenCode(Object) is io.open_code(path), which
// PyFile_SetOpenCodeHook replaces (embedder_hooks.cc).
#include <cerrno>
#include <cstdio>

#include "Python.h"

namespace {

// `line` without its last character when that is a newline (a new
// reference; `line` is given up).  EOFError for an empty line.
PyObject* stripNewline(PyObject* line) {
  bool is_bytes = PyBytes_Check(line);
  Py_ssize_t n = is_bytes ? PyBytes_GET_SIZE(line) : PyUnicode_GET_LENGTH(line);
  if (n == 0) {
    Py_DECREF(line);
    PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
    return nullptr;
  }
  bool newline = is_bytes ? PyBytes_AS_STRING(line)[n - 1] == '\n'
                          : PyUnicode_READ_CHAR(line, n - 1) == static_cast<Py_UCS4>('\n');
  if (!newline) return line;
  PyObject* stripped =
      is_bytes ? PyBytes_FromStringAndSize(PyBytes_AS_STRING(line), n - 1) : PyUnicode_Substring(line, 0, n - 1);
  Py_DECREF(line);
  return stripped;
}

}  // namespace

extern "C" {

PyObject* PyFile_GetLine(PyObject* f, int n) {
  if (f == nullptr) {
    PyErr_BadInternalCall();
    return nullptr;
  }
  PyObject* line = n <= 0 ? PyObject_CallMethod(f, "readline", nullptr) : PyObject_CallMethod(f, "readline", "i", n);
  if (line == nullptr) return nullptr;
  if (!PyBytes_Check(line) && !PyUnicode_Check(line)) {
    Py_DECREF(line);
    PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
    return nullptr;
  }
  return n < 0 ? stripNewline(line) : line;
}

int PyFile_WriteObject(PyObject* v, PyObject* f, int flags) {
  if (f == nullptr) {
    PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
    return -1;
  }
  PyObject* write = PyObject_GetAttrString(f, "write");
  if (write == nullptr) return -1;
  PyObject* text = (flags & Py_PRINT_RAW) != 0 ? PyObject_Str(v) : PyObject_Repr(v);
  PyObject* r = text == nullptr ? nullptr : PyObject_CallOneArg(write, text);
  Py_DECREF(write);
  Py_XDECREF(text);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

// Writes the UTF-8 text `s`; does nothing but fail while an exception is
// pending (CPython's contract: callers chain writes and check once).
int PyFile_WriteString(const char* s, PyObject* f) {
  if (PyErr_Occurred()) return -1;
  if (f == nullptr) {
    PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
    return -1;
  }
  PyObject* text = PyUnicode_FromString(s);
  if (text == nullptr) return -1;
  int r = PyFile_WriteObject(text, f, Py_PRINT_RAW);
  Py_DECREF(text);
  return r;
}

PyObject* PyFile_FromFd(int fd, const char* /*name*/, const char* mode, int buffering, const char* encoding,
                        const char* errors, const char* newline, int closefd) {
  PyObject* io = PyImport_ImportModule("io");
  if (io == nullptr) return nullptr;
  PyObject* f = PyObject_CallMethod(io, "open", "isizzzO", fd, mode, buffering, encoding, errors, newline,
                                    closefd ? Py_True : Py_False);
  Py_DECREF(io);
  return f;
}

PyObject* PyFile_OpenCodeObject(PyObject* path) {
  if (path == nullptr || !PyUnicode_Check(path)) {
    PyErr_Format(PyExc_TypeError, "'path' must be 'str', not '%.200s'",
                 path == nullptr ? "NULL" : Py_TYPE(path)->tp_name);
    return nullptr;
  }
  PyObject* io = PyImport_ImportModule("io");
  if (io == nullptr) return nullptr;
  PyObject* f = PyObject_CallMethod(io, "open_code", "O", path);
  Py_DECREF(io);
  return f;
}

PyObject* PyFile_OpenCode(const char* utf8path) {
  PyObject* path = PyUnicode_FromString(utf8path);
  if (path == nullptr) return nullptr;
  PyObject* f = PyFile_OpenCodeObject(path);
  Py_DECREF(path);
  return f;
}

// fgets with universal newlines: at most n - 1 characters, "\r\n" and "\r"
// read as "\n", ending after one; NULL when nothing was read.  `fobj` must
// be NULL (CPython's rule: ENXIO otherwise).
char* Py_UniversalNewlineFgets(char* buf, int n, FILE* stream, PyObject* fobj) {
  if (fobj != nullptr) {
    errno = ENXIO;
    return nullptr;
  }
  char* p = buf;
  flockfile(stream);
  for (int c; n > 1 && (c = getc_unlocked(stream)) != EOF; --n) {
    if (c == '\r') {
      int next = getc_unlocked(stream);
      if (next != '\n' && next != EOF) ungetc(next, stream);
      c = '\n';
    }
    *p++ = static_cast<char>(c);
    if (c == '\n') break;
  }
  funlockfile(stream);
  *p = '\0';
  return p == buf ? nullptr : buf;
}

}  // extern "C"
