// Import helpers beyond import.cc's (CPython's Python/import.c): running a
// code object as a module, the importer for a path entry, reloading a
// module, and the bytecode cache's magic number and tag, which are Tern's
// own (importlib._bootstrap_external._RAW_MAGIC_NUMBER, sys.implementation's
// cache_tag "tern-311"): .pyc files are Tern's, not CPython's.
#include "Python.h"

namespace {

PyObject* bootstrapExternal() { return PyImport_ImportModule("importlib._bootstrap_external"); }

// del sys.modules[name], if there, keeping the pending exception.
void removeModule(PyObject* name) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyObject* modules = PyImport_GetModuleDict();
  if (PyDict_DelItem(modules, name) < 0) PyErr_Clear();
  PyErr_Restore(type, value, tb);
}

// The dict of module `name` (made and put in sys.modules when missing, as
// for a reload the module there is reused), with __builtins__ set; a new
// reference.
PyObject* moduleDictForExec(PyObject* name) {
  PyObject* module = PyImport_AddModuleObject(name);  // borrowed
  if (module == nullptr) return nullptr;
  PyObject* dict = PyModule_GetDict(module);
  if (PyDict_GetItemString(dict, "__builtins__") == nullptr &&
      PyDict_SetItemString(dict, "__builtins__", PyEval_GetBuiltins()) < 0) {
    removeModule(name);
    return nullptr;
  }
  return Py_NewRef(dict);
}

// sys.<name>, which must exist (RuntimeError "lost sys.<name>" otherwise).
PyObject* sysAttribute(const char* name) {
  PyObject* v = PySys_GetObject(name);
  if (v == nullptr && !PyErr_Occurred()) PyErr_Format(PyExc_RuntimeError, "lost sys.%s", name);
  return v;
}

}  // namespace

extern "C" {

// Runs `co` in the dict of module `name` after importlib's _fix_up_module
// (__spec__, __loader__, __file__: pathname, else co_filename; __cached__),
// and returns sys.modules[name]; on failure the module leaves sys.modules.
PyObject* PyImport_ExecCodeModuleObject(PyObject* name, PyObject* co, PyObject* pathname, PyObject* cpathname) {
  if (name == nullptr || co == nullptr || !PyCode_Check(co)) {
    PyErr_BadInternalCall();
    return nullptr;
  }
  PyObject* dict = moduleDictForExec(name);
  if (dict == nullptr) return nullptr;
  PyObject* path = pathname != nullptr ? Py_NewRef(pathname) : PyObject_GetAttrString(co, "co_filename");
  PyObject* external = path == nullptr ? nullptr : bootstrapExternal();
  PyObject* fixed = external == nullptr ? nullptr
                                        : PyObject_CallMethod(external, "_fix_up_module", "OOOO", dict, name, path,
                                                              cpathname == nullptr ? Py_None : cpathname);
  Py_XDECREF(path);
  Py_XDECREF(external);
  PyObject* result = fixed == nullptr ? nullptr : PyEval_EvalCode(co, dict, dict);
  Py_XDECREF(fixed);
  Py_DECREF(dict);
  if (result == nullptr) {
    removeModule(name);
    return nullptr;
  }
  Py_DECREF(result);
  PyObject* module = PyImport_GetModule(name);
  if (module == nullptr && !PyErr_Occurred()) {
    PyErr_Format(PyExc_ImportError, "Loaded module %R not found in sys.modules", name);
  }
  return module;
}

// With C strings (paths in the file system's encoding); without a pathname
// but with a cpathname, the source file importlib derives from the latter.
PyObject* PyImport_ExecCodeModuleWithPathnames(const char* name, PyObject* co, const char* pathname,
                                               const char* cpathname) {
  PyObject* name_obj = PyUnicode_FromString(name);
  if (name_obj == nullptr) return nullptr;
  PyObject* cpath = cpathname == nullptr ? nullptr : PyUnicode_DecodeFSDefault(cpathname);
  PyObject* path = nullptr;
  if (pathname != nullptr) {
    path = PyUnicode_DecodeFSDefault(pathname);
  } else if (cpath != nullptr) {
    PyObject* external = bootstrapExternal();
    path = external == nullptr ? nullptr : PyObject_CallMethod(external, "_get_sourcefile", "O", cpath);
    Py_XDECREF(external);
    if (path == nullptr) PyErr_Clear();
  }
  PyObject* module = nullptr;
  if (!PyErr_Occurred()) {  // the names decoded
    module = PyImport_ExecCodeModuleObject(name_obj, co, path, cpath);
  }
  Py_DECREF(name_obj);
  Py_XDECREF(cpath);
  Py_XDECREF(path);
  return module;
}

PyObject* PyImport_ExecCodeModule(const char* name, PyObject* co) {
  return PyImport_ExecCodeModuleWithPathnames(name, co, nullptr, nullptr);
}

PyObject* PyImport_ExecCodeModuleEx(const char* name, PyObject* co, const char* pathname) {
  return PyImport_ExecCodeModuleWithPathnames(name, co, pathname, nullptr);
}

// sys.path_importer_cache[path], else the first of sys.path_hooks that takes
// `path` (ImportError: not this one), cached; None when none does (cached
// as None while the hooks run, so that a hook importing meets no loop).
PyObject* PyImport_GetImporter(PyObject* path) {
  PyObject* cache = sysAttribute("path_importer_cache");
  PyObject* hooks = cache == nullptr ? nullptr : sysAttribute("path_hooks");
  if (hooks == nullptr) return nullptr;
  PyObject* importer = PyDict_GetItemWithError(cache, path);
  if (importer != nullptr || PyErr_Occurred()) return Py_XNewRef(importer);
  if (PyDict_SetItem(cache, path, Py_None) < 0) return nullptr;
  Py_ssize_t n = PyList_Size(hooks);
  if (n < 0) return nullptr;
  for (Py_ssize_t i = 0; i < n; ++i) {
    importer = PyObject_CallOneArg(PyList_GET_ITEM(hooks, i), path);
    if (importer != nullptr) break;
    if (!PyErr_ExceptionMatches(PyExc_ImportError)) return nullptr;
    PyErr_Clear();
  }
  if (importer == nullptr) return Py_NewRef(Py_None);
  if (PyDict_SetItem(cache, path, importer) < 0) {
    Py_DECREF(importer);
    return nullptr;
  }
  return importer;
}

// importlib.reload(m).
PyObject* PyImport_ReloadModule(PyObject* m) {
  PyObject* importlib = PyImport_ImportModule("importlib");
  if (importlib == nullptr) return nullptr;
  PyObject* r = PyObject_CallMethod(importlib, "reload", "O", m);
  Py_DECREF(importlib);
  return r;
}

long PyImport_GetMagicNumber(void) {
  PyObject* external = PyImport_ImportModule("importlib._bootstrap_external");
  if (external == nullptr) return -1;
  PyObject* magic = PyObject_GetAttrString(external, "_RAW_MAGIC_NUMBER");
  Py_DECREF(external);
  if (magic == nullptr) return -1;
  long n = PyLong_AsLong(magic);
  Py_DECREF(magic);
  return n;
}

// The tag as UTF-8, kept by sys.implementation; NULL (with an exception
// when something failed) if there is none.
const char* PyImport_GetMagicTag(void) {
  PyObject* implementation = PySys_GetObject("implementation");
  if (implementation == nullptr) return nullptr;
  PyObject* tag = PyObject_GetAttrString(implementation, "cache_tag");
  if (tag == nullptr) return nullptr;
  const char* utf8 = tag == Py_None ? nullptr : PyUnicode_AsUTF8(tag);
  Py_DECREF(tag);  // sys.implementation holds it
  return utf8;
}

// Tern has no frozen modules (docs/differences.md, -X frozen_modules): every
// name is "not frozen", CPython's 0; a name that is not a str is an error.
int PyImport_ImportFrozenModuleObject(PyObject* name) {
  if (name == nullptr || !PyUnicode_Check(name)) {
    PyErr_BadInternalCall();
    return -1;
  }
  return 0;
}

int PyImport_ImportFrozenModule(const char* name) {
  PyObject* str = PyUnicode_FromString(name);
  if (str == nullptr) return -1;
  int r = PyImport_ImportFrozenModuleObject(str);
  Py_DECREF(str);
  return r;
}

// The main() of a program made by Tools/freeze: its __main__ is a frozen
// module, which Tern cannot have.
int Py_FrozenMain(int, char**) {
  Py_Initialize();
  Py_FatalError("the __main__ module is not frozen");
}

}  // extern "C"
