// Warnings with an explicit location, and resource warnings, from C
// (CPython's Python/_warnings.c): calls of the warnings module's
// warn_explicit() and warn(), which Tern's warnings machinery is (errors.cc
// has PyErr_WarnEx and PyErr_WarnFormat).
//
// The category defaults to RuntimeWarning, as in CPython; a NULL module
// lets warn_explicit derive it from the file name; a NULL registry is None
// (another non-dict is a TypeError, as in CPython).  -1 when the warning
// became an error (or could not be issued).
#include <cstdarg>

#include "Python.h"

namespace {

PyObject* warningsFunction(const char* name) {
  PyObject* module = PyImport_ImportModule("warnings");
  if (module == nullptr) return nullptr;
  PyObject* fn = PyObject_GetAttrString(module, name);
  Py_DECREF(module);
  return fn;
}

int callWarnExplicit(PyObject* category, PyObject* message, PyObject* filename, int lineno, PyObject* module,
                     PyObject* registry) {
  if (registry != nullptr && registry != Py_None && !PyDict_Check(registry)) {
    PyErr_SetString(PyExc_TypeError, "'registry' must be a dict or None");
    return -1;
  }
  PyObject* fn = warningsFunction("warn_explicit");
  if (fn == nullptr) return -1;
  PyObject* r =
      PyObject_CallFunction(fn, "OOOiOO", message, category == nullptr ? PyExc_RuntimeWarning : category, filename,
                            lineno, module == nullptr ? Py_None : module, registry == nullptr ? Py_None : registry);
  Py_DECREF(fn);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

// PyErr_WarnExplicit's C strings: the message UTF-8, the file name in the
// file system's encoding, the module (optional) UTF-8.  Takes `message`.
int warnExplicitStrings(PyObject* category, PyObject* message, const char* filename, int lineno, const char* module,
                        PyObject* registry) {
  if (message == nullptr) return -1;
  PyObject* file = PyUnicode_DecodeFSDefault(filename);
  PyObject* mod = module == nullptr ? nullptr : PyUnicode_FromString(module);
  int r = file == nullptr || (module != nullptr && mod == nullptr)
              ? -1
              : callWarnExplicit(category, message, file, lineno, mod, registry);
  Py_DECREF(message);
  Py_XDECREF(file);
  Py_XDECREF(mod);
  return r;
}

}  // namespace

extern "C" {

int PyErr_WarnExplicitObject(PyObject* category, PyObject* message, PyObject* filename, int lineno, PyObject* module,
                             PyObject* registry) {
  if (message == nullptr || filename == nullptr) {
    PyErr_BadInternalCall();
    return -1;
  }
  return callWarnExplicit(category, message, filename, lineno, module, registry);
}

int PyErr_WarnExplicit(PyObject* category, const char* text, const char* filename, int lineno, const char* module,
                       PyObject* registry) {
  return warnExplicitStrings(category, PyUnicode_FromString(text), filename, lineno, module, registry);
}

int PyErr_WarnExplicitFormat(PyObject* category, const char* filename, int lineno, const char* module,
                             PyObject* registry, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  PyObject* message = PyUnicode_FromFormatV(format, ap);
  va_end(ap);
  return warnExplicitStrings(category, message, filename, lineno, module, registry);
}

// warnings.warn(message, ResourceWarning, stacklevel, source): `source` is
// the object the warning is about (tracemalloc shows where it was made).
int PyErr_ResourceWarning(PyObject* source, Py_ssize_t stacklevel, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  PyObject* message = PyUnicode_FromFormatV(format, ap);
  va_end(ap);
  if (message == nullptr) return -1;
  PyObject* fn = warningsFunction("warn");
  PyObject* r = fn == nullptr ? nullptr
                              : PyObject_CallFunction(fn, "OOnO", message, PyExc_ResourceWarning, stacklevel,
                                                      source == nullptr ? Py_None : source);
  Py_DECREF(message);
  Py_XDECREF(fn);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

}  // extern "C"
