// PyStdPrinter_Type and PyFile_NewStdPrinter (CPython's Objects/fileobject.c):
// the minimal file object CPython writes to before io exists, writing a str
// to fd 1 or 2 as UTF-8 (backslashreplace), unbuffered.  A static C type
// like an extension's, readied when cpyext starts.
// clang-format off
#include "Python.h"  // first: it sets feature macros the C headers read
// clang-format on
#include <unistd.h>

extern "C" Py_ssize_t _Py_write(int fd, const void* buf, size_t count);  // fileutils.cc

namespace {

struct StdPrinter {
  PyObject_HEAD int fd;
};

int fdOf(PyObject* self) { return reinterpret_cast<StdPrinter*>(self)->fd; }

// write(str) -> the number of bytes written.
PyObject* stdprinterWrite(PyObject* self, PyObject* args) {
  PyObject* text;
  if (!PyArg_ParseTuple(args, "U", &text)) return nullptr;
  PyObject* bytes = PyUnicode_AsEncodedString(text, "utf-8", "backslashreplace");
  if (bytes == nullptr) return nullptr;
  Py_ssize_t n = _Py_write(fdOf(self), PyBytes_AS_STRING(bytes), static_cast<size_t>(PyBytes_GET_SIZE(bytes)));
  Py_DECREF(bytes);
  return n < 0 ? nullptr : PyLong_FromSsize_t(n);
}

PyObject* stdprinterFileno(PyObject* self, PyObject*) { return PyLong_FromLong(fdOf(self)); }

PyObject* stdprinterIsatty(PyObject* self, PyObject*) {
  int tty;
  Py_BEGIN_ALLOW_THREADS tty = isatty(fdOf(self));
  Py_END_ALLOW_THREADS return PyBool_FromLong(tty);
}

PyObject* stdprinterNoop(PyObject*, PyObject*) { Py_RETURN_NONE; }

PyObject* stdprinterClosed(PyObject*, void*) { Py_RETURN_FALSE; }
PyObject* stdprinterMode(PyObject*, void*) { return PyUnicode_FromString("w"); }
PyObject* stdprinterEncoding(PyObject*, void*) { Py_RETURN_NONE; }

PyObject* stdprinterRepr(PyObject* self) {
  return PyUnicode_FromFormat("<stdprinter(fd=%d) object at %p>", fdOf(self), self);
}

PyMethodDef kMethods[] = {
    {"close", stdprinterNoop, METH_NOARGS, nullptr},    {"flush", stdprinterNoop, METH_NOARGS, nullptr},
    {"fileno", stdprinterFileno, METH_NOARGS, nullptr}, {"isatty", stdprinterIsatty, METH_NOARGS, nullptr},
    {"write", stdprinterWrite, METH_VARARGS, nullptr},  {nullptr, nullptr, 0, nullptr},
};

PyGetSetDef kGetSets[] = {
    {"closed", stdprinterClosed, nullptr, "True if the file is closed", nullptr},
    {"encoding", stdprinterEncoding, nullptr, "Encoding of the file", nullptr},
    {"mode", stdprinterMode, nullptr, "String giving the file mode", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

extern "C" {

PyTypeObject PyStdPrinter_Type = {};  // filled by initializeStdPrinter

// A printer to fd 1 or 2; NULL without an exception for another fd, as
// CPython's (which may run before exceptions can be raised).
PyObject* PyFile_NewStdPrinter(int fd) {
  if (fd != 1 && fd != 2) return nullptr;
  auto* p = PyObject_New(StdPrinter, &PyStdPrinter_Type);
  if (p != nullptr) p->fd = fd;
  return reinterpret_cast<PyObject*>(p);
}

}  // extern "C"

namespace tern::cpyext {

bool initializeStdPrinter() {
  PyTypeObject* t = &PyStdPrinter_Type;
  Py_SET_TYPE(t, &PyType_Type);
  Py_SET_REFCNT(t, 1);
  t->tp_name = "stderrprinter";
  t->tp_basicsize = sizeof(StdPrinter);
  t->tp_dealloc = reinterpret_cast<destructor>(PyObject_Free);
  t->tp_repr = stdprinterRepr;
  t->tp_getattro = PyObject_GenericGetAttr;
  t->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION;
  t->tp_methods = kMethods;
  t->tp_getset = kGetSets;
  return PyType_Ready(t) == 0;
}

}  // namespace tern::cpyext
