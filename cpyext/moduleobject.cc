// Modules made by C: PyModule_Create (single-phase), PyModule_FromDefAndSpec
// and PyModule_ExecDef (multi-phase), and the module API.  A module's C-side
// state (md_def, md_state) lives in its proxy, laid out as CPython's
// PyModuleObject; the proxy lives as long as the module.
#include <cstring>
#include <unordered_set>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"

namespace tern::cpyext {

// CPython's PyModuleObject, which C reaches only through functions; the
// proxy of a module has this size (plainProxyBytes).
struct CModule {
  PyObject_HEAD
  PyObject* md_dict;
  PyModuleDef* md_def;
  void* md_state;
  PyObject* md_weaklist;
  PyObject* md_name;
};
static_assert(sizeof(CModule) == 56);

size_t moduleProxyBytes() { return sizeof(CModule); }

namespace {

bool isCModule(PyObject* m) { return m != nullptr && PyModule_Check(m); }
CModule* asCModule(PyObject* m) { return reinterpret_cast<CModule*>(m); }

// Modules whose Py_mod_exec slots ran (exec_dynamic runs them once).
std::unordered_set<PyObject*>& executed() {
  static auto* set = new std::unordered_set<PyObject*>();
  return *set;
}

int attachDef(PyObject* m, PyModuleDef* def) {
  CModule* cm = asCModule(m);
  cm->md_def = def;
  if (def->m_size > 0 && cm->md_state == nullptr) {
    cm->md_state = PyMem_Calloc(1, def->m_size);
    if (cm->md_state == nullptr) return PyErr_NoMemory(), -1;
  }
  if (def->m_methods != nullptr && PyModule_AddFunctions(m, def->m_methods) < 0) return -1;
  if (def->m_doc != nullptr && PyModule_SetDocString(m, def->m_doc) < 0) return -1;
  return 0;
}

}  // namespace

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyTypeObject PyModuleDef_Type = {};

PyObject* PyModuleDef_Init(PyModuleDef* def) {
  if (Py_TYPE(&def->m_base) == nullptr) {
    PyModuleDef_Type.tp_name = "moduledef";
    PyModuleDef_Type.tp_basicsize = sizeof(PyModuleDef);
    PyModuleDef_Type.tp_flags = Py_TPFLAGS_DEFAULT;
    Py_SET_TYPE(&def->m_base, &PyModuleDef_Type);
    Py_SET_REFCNT(&def->m_base, 1);
  }
  return reinterpret_cast<PyObject*>(def);
}

PyObject* PyModule_NewObject(PyObject* name) { return returnNew(newModule(fromC(name))); }

PyObject* PyModule_New(const char* name) {
  Value n = newStr(name);
  return n.isNull() ? nullptr : returnNew(newModule(n));
}

PyObject* PyModule_Create2(PyModuleDef* def, int) {
  PyModuleDef_Init(def);
  PyObject* m = PyModule_New(def->m_name);
  if (m == nullptr) return nullptr;
  if (attachDef(m, def) < 0) {
    Py_DECREF(m);
    return nullptr;
  }
  return m;
}

PyObject* PyModule_FromDefAndSpec2(PyModuleDef* def, PyObject* spec, int) {
  PyModuleDef_Init(def);
  PyObject* name = PyObject_GetAttrString(spec, "name");
  if (name == nullptr) return nullptr;
  PyObject* (*create)(PyObject*, PyModuleDef*) = nullptr;
  for (PyModuleDef_Slot* s = def->m_slots; s != nullptr && s->slot != 0; ++s) {
    if (s->slot == Py_mod_create) {
      if (create != nullptr) {
        PyErr_Format(PyExc_SystemError, "module %U has multiple create slots", name);
        Py_DECREF(name);
        return nullptr;
      }
      create = reinterpret_cast<PyObject* (*)(PyObject*, PyModuleDef*)>(s->value);
    } else if (s->slot != Py_mod_exec && (s->slot < 0 || s->slot > 2)) {
      PyErr_Format(PyExc_SystemError, "module %U uses unknown slot ID %i", name, s->slot);
      Py_DECREF(name);
      return nullptr;
    }
  }
  PyObject* m = create != nullptr ? create(spec, def) : PyModule_NewObject(name);
  if (m == nullptr) {
    if (!PyErr_Occurred()) {
      PyErr_Format(PyExc_SystemError, "creation of module %U failed without setting an exception", name);
    }
    Py_DECREF(name);
    return nullptr;
  }
  Py_DECREF(name);
  if (isCModule(m) && attachDef(m, def) < 0) {
    Py_DECREF(m);
    return nullptr;
  }
  if (!isCModule(m) && (def->m_methods != nullptr || def->m_size > 0)) {
    // CPython also refuses state or functions on a non-module object.
    if (def->m_size > 0) {
      PyErr_Format(PyExc_SystemError, "module %s is not a module object, but requests module state", def->m_name);
      Py_DECREF(m);
      return nullptr;
    }
    if (PyModule_AddFunctions(m, def->m_methods) < 0) {
      Py_DECREF(m);
      return nullptr;
    }
  }
  return m;
}

int PyModule_ExecDef(PyObject* m, PyModuleDef* def) {
  if (!executed().insert(m).second) return 0;
  if (isCModule(m) && def->m_size >= 0 && asCModule(m)->md_state == nullptr && def->m_size > 0) {
    asCModule(m)->md_state = PyMem_Calloc(1, def->m_size);
  }
  for (PyModuleDef_Slot* s = def->m_slots; s != nullptr && s->slot != 0; ++s) {
    if (s->slot != Py_mod_exec) continue;
    auto exec = reinterpret_cast<int (*)(PyObject*)>(s->value);
    int r = exec(m);
    if (r != 0) {
      if (!PyErr_Occurred()) {
        PyErr_Format(PyExc_SystemError, "execution of module %s failed without setting an exception",
                     def->m_name);
      }
      return -1;
    }
    if (PyErr_Occurred()) {
      PyErr_Format(PyExc_SystemError, "execution of module %s raised unreported exception", def->m_name);
      return -1;
    }
  }
  return 0;
}

int PyModule_AddFunctions(PyObject* m, PyMethodDef* functions) {
  Value module = fromC(m);
  Value name = isCModule(m) ? getAttr(module, internStr("__name__")) : Value();
  if (isCModule(m) && name.isNull()) return -1;
  for (PyMethodDef* f = functions; f != nullptr && f->ml_name != nullptr; ++f) {
    if (f->ml_flags & (METH_CLASS | METH_STATIC)) {
      PyErr_SetString(PyExc_ValueError, "module functions cannot set METH_CLASS or METH_STATIC");
      return -1;
    }
    Value fn = newBuiltinFunction(methodDefFor(f, nullptr), module, name);
    if (fn.isNull() || setAttr(module, internStr(f->ml_name), fn) < 0) return -1;
  }
  return 0;
}

int PyModule_SetDocString(PyObject* m, const char* doc) {
  Value d = newStr(doc);
  if (d.isNull()) return -1;
  return setAttr(fromC(m), internStr("__doc__"), d);
}

PyObject* PyModule_GetDict(PyObject* m) {
  if (!isCModule(m)) return badInternalCall("PyModule_GetDict");
  return toBorrowed(m, moduleDict(fromC(m)));
}

PyModuleDef* PyModule_GetDef(PyObject* m) {
  if (!isCModule(m)) return badInternalCall("PyModule_GetDef");
  return asCModule(m)->md_def;
}

void* PyModule_GetState(PyObject* m) {
  if (!isCModule(m)) return badInternalCall("PyModule_GetState");
  return asCModule(m)->md_state;
}

PyObject* PyModule_GetNameObject(PyObject* m) {
  if (!isCModule(m)) return badInternalCall("PyModule_GetNameObject");
  Value n = dictGetStr(moduleDict(fromC(m)), internStr("__name__"));
  if (n.isNull() || !isStr(n)) {
    if (!errorPending()) raise(exc::SystemError, "nameless module");
    return nullptr;
  }
  return toNew(n);
}

const char* PyModule_GetName(PyObject* m) {
  PyObject* n = PyModule_GetNameObject(m);
  if (n == nullptr) return nullptr;
  const char* s = PyUnicode_AsUTF8(n);
  Py_DECREF(n);  // the module keeps its name (and the name its UTF-8)
  return s;
}

PyObject* PyModule_GetFilenameObject(PyObject* m) {
  if (!isCModule(m)) return badInternalCall("PyModule_GetFilenameObject");
  Value f = dictGetStr(moduleDict(fromC(m)), internStr("__file__"));
  if (f.isNull() || !isStr(f)) {
    if (!errorPending()) raise(exc::SystemError, "module filename missing");
    return nullptr;
  }
  return toNew(f);
}

}  // extern "C"
