// Modules made by C: PyModule_Create (single-phase), PyModule_FromDefAndSpec
// and PyModule_ExecDef (multi-phase, PEP 489), and the module API.
//
// A module's C side (md_def, md_state) lives in its proxy, laid out as
// CPython's PyModuleObject; the proxy lives as long as the module.  The
// state's lifetime follows CPython's:
//   - multi-phase: PyModule_ExecDef allocates it (zeroed; a marker even for
//     m_size 0, so the exec slots run once and importlib.reload is a no-op);
//     single-phase: PyModule_Create, when m_size > 0;
//   - while the module lives, the collector follows the def's m_traverse
//     (proxy.cc, traverseCMemory), so that state -> type -> module cycles
//     are collected (a C heap type keeps its module through ht_module);
//   - when the module is found unreachable, its finalizer (moduleDied) runs
//     m_clear and m_free and frees the state.
#include <cstring>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pystate.h"
#include "runtime/gc/heap.h"
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

// Adds `functions` to `m` (a module, or whatever a Py_mod_create slot
// returned), each a builtin function bound to m with `name` as __module__.
int addFunctions(PyObject* m, Value name, PyMethodDef* functions) {
  Value target = fromC(m);
  for (PyMethodDef* f = functions; f != nullptr && f->ml_name != nullptr; ++f) {
    if (f->ml_flags & (METH_CLASS | METH_STATIC)) {
      PyErr_SetString(PyExc_ValueError, "module functions cannot set METH_CLASS or METH_STATIC");
      return -1;
    }
    Value fn = newBuiltinFunction(methodDefFor(f, nullptr), target, name);
    if (fn.isNull() || setAttr(target, internStr(f->ml_name), fn) < 0) return -1;
  }
  return 0;
}

// Whether the module's def still owns its state: m_free and m_traverse are
// called only then, as CPython calls them (state allocated, or none asked).
bool stateLive(CModule* cm) {
  return cm->md_def != nullptr && (cm->md_def->m_size <= 0 || cm->md_state != nullptr);
}

// The module finalizer (module.h): a module marked by watchDeath was found
// unreachable.  As CPython treats a module in cyclic garbage: m_clear (its
// module_clear), then m_free (its module_dealloc), then the state goes.  The
// module itself dies at a later collection.
void moduleDied(Value module) {
  PyObject* m = toNew(module);
  CModule* cm = asCModule(m);
  Value pending = takeError();  // the hooks run with no exception set
  if (stateLive(cm)) {
    CCallScope scope;
    if (cm->md_def->m_clear != nullptr) cm->md_def->m_clear(m);
    if (errorPending()) PyErr_WriteUnraisable(m);
    if (cm->md_def->m_free != nullptr) cm->md_def->m_free(m);
  }
  if (errorPending()) PyErr_WriteUnraisable(m);
  if (!pending.isNull()) restoreError(pending);
  if (cm->md_state != nullptr) {
    PyMem_Free(cm->md_state);
    cm->md_state = nullptr;
  }
  Py_DECREF(m);
}

// From now on the module's death runs its m_free and frees its state
// (moduleDied).  A module of a Python subclass of ModuleType (which a
// Py_mod_create slot may return) has its class's layout, without the
// module finalizer: its state lives as long as the process.
void watchDeath(PyObject* m) {
  setModuleFinalizer(moduleDied);
  Value v = fromC(m);
  if (gc::layoutOf(v.asObject()).finalize != nullptr) gc::setFinalizable(v.asObject());
}

// PyModule_Create's module: state, functions and doc from the def.
int attachDef(PyObject* m, PyModuleDef* def) {
  CModule* cm = asCModule(m);
  cm->md_def = def;
  if (def->m_size > 0 && cm->md_state == nullptr) {
    cm->md_state = PyMem_Calloc(1, def->m_size);
    if (cm->md_state == nullptr) return PyErr_NoMemory(), -1;
  }
  if (def->m_methods != nullptr) {
    Value name = getAttr(fromC(m), internStr("__name__"));
    if (name.isNull() || addFunctions(m, name, def->m_methods) < 0) return -1;
  }
  if (def->m_doc != nullptr && PyModule_SetDocString(m, def->m_doc) < 0) return -1;
  if (def->m_free != nullptr || def->m_size > 0) watchDeath(m);
  return 0;
}

}  // namespace

int traverseModuleState(PyObject* m, visitproc visit, void* arg) {
  // Exact modules only: they are the ones whose death frees the state.
  if (Py_TYPE(m) != &PyModule_Type) return 0;
  CModule* cm = asCModule(m);
  if (!stateLive(cm) || cm->md_def->m_traverse == nullptr) return 0;
  return cm->md_def->m_traverse(m, visit, arg);
}

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
  if (def->m_slots != nullptr) {
    PyErr_Format(PyExc_SystemError, "module %s: PyModule_Create is incompatible with m_slots", def->m_name);
    return nullptr;
  }
  PyObject* m = PyModule_New(def->m_name);
  if (m == nullptr) return nullptr;
  if (attachDef(m, def) < 0) {
    Py_DECREF(m);
    return nullptr;
  }
  return m;
}

// Multi-phase initialisation, step one (PEP 489): checks the def's slots,
// makes the module (Py_mod_create, or a new module named spec.name), and
// adds the def's functions and doc.  The state comes in PyModule_ExecDef.
PyObject* PyModule_FromDefAndSpec2(PyModuleDef* def, PyObject* spec, int) {
  PyModuleDef_Init(def);
  PyObject* name_obj = PyObject_GetAttrString(spec, "name");
  if (name_obj == nullptr) return nullptr;
  const char* name = PyUnicode_AsUTF8(name_obj);
  PyObject* m = nullptr;
  PyObject* (*create)(PyObject*, PyModuleDef*) = nullptr;
  bool has_exec = false;
  if (name == nullptr) goto error;
  if (def->m_size < 0) {
    PyErr_Format(PyExc_SystemError, "module %s: m_size may not be negative for multi-phase initialization", name);
    goto error;
  }
  for (PyModuleDef_Slot* s = def->m_slots; s != nullptr && s->slot != 0; ++s) {
    if (s->slot == Py_mod_create) {
      if (create != nullptr) {
        PyErr_Format(PyExc_SystemError, "module %s has multiple create slots", name);
        goto error;
      }
      create = reinterpret_cast<PyObject* (*)(PyObject*, PyModuleDef*)>(s->value);
    } else if (s->slot == Py_mod_exec) {
      has_exec = true;
    } else if (s->slot < 0 || s->slot > _Py_mod_LAST_SLOT) {
      PyErr_Format(PyExc_SystemError, "module %s uses unknown slot ID %i", name, s->slot);
      goto error;
    }
  }
  if (create != nullptr) {
    m = create(spec, def);
    if (m == nullptr) {
      if (!PyErr_Occurred()) {
        PyErr_Format(PyExc_SystemError, "creation of module %s failed without setting an exception", name);
      }
      goto error;
    }
    if (PyErr_Occurred()) {
      PyErr_Clear();  // dropped, as CPython 3.11 drops it
      PyErr_Format(PyExc_SystemError, "creation of module %s raised unreported exception", name);
      goto error;
    }
  } else {
    m = PyModule_NewObject(name_obj);
    if (m == nullptr) goto error;
  }
  if (isCModule(m)) {
    asCModule(m)->md_state = nullptr;
    asCModule(m)->md_def = def;
  } else {
    // Module state and exec slots need a module object.
    if (def->m_size > 0 || def->m_traverse != nullptr || def->m_clear != nullptr || def->m_free != nullptr) {
      PyErr_Format(PyExc_SystemError, "module %s is not a module object, but requests module state", name);
      goto error;
    }
    if (has_exec) {
      PyErr_Format(PyExc_SystemError,
                   "module %s specifies execution slots, but did not create a ModuleType instance", name);
      goto error;
    }
  }
  if (def->m_methods != nullptr && addFunctions(m, fromC(name_obj), def->m_methods) < 0) goto error;
  if (def->m_doc != nullptr && PyModule_SetDocString(m, def->m_doc) < 0) goto error;
  if (isCModule(m) && def->m_free != nullptr) watchDeath(m);
  Py_DECREF(name_obj);
  return m;
error:
  Py_DECREF(name_obj);
  Py_XDECREF(m);
  return nullptr;
}

// Multi-phase initialisation, step two: allocates the state (zeroed; a
// marker even when m_size is 0, so that exec_dynamic, and so
// importlib.reload, runs the slots once) and runs the Py_mod_exec slots in
// order.
int PyModule_ExecDef(PyObject* m, PyModuleDef* def) {
  const char* name = PyModule_GetName(m);
  if (name == nullptr) return -1;
  CModule* cm = asCModule(m);
  if (def->m_size >= 0 && cm->md_state == nullptr) {
    cm->md_state = PyMem_Calloc(1, static_cast<size_t>(def->m_size));
    if (cm->md_state == nullptr) return PyErr_NoMemory(), -1;
    watchDeath(m);
  }
  for (PyModuleDef_Slot* s = def->m_slots; s != nullptr && s->slot != 0; ++s) {
    if (s->slot == Py_mod_create) continue;  // PyModule_FromDefAndSpec2's
    if (s->slot != Py_mod_exec) {
      PyErr_Format(PyExc_SystemError, "module %s initialized with unknown slot %i", name, s->slot);
      return -1;
    }
    int r = reinterpret_cast<int (*)(PyObject*)>(s->value)(m);
    if (r != 0) {
      if (!PyErr_Occurred()) {
        PyErr_Format(PyExc_SystemError, "execution of module %s failed without setting an exception", name);
      }
      return -1;
    }
    if (PyErr_Occurred()) {
      PyErr_Clear();  // dropped, as CPython 3.11 drops it
      PyErr_Format(PyExc_SystemError, "execution of module %s raised unreported exception", name);
      return -1;
    }
  }
  return 0;
}

int PyModule_AddFunctions(PyObject* m, PyMethodDef* functions) {
  Value name = getAttr(fromC(m), internStr("__name__"));
  if (name.isNull()) return -1;
  return addFunctions(m, name, functions);
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
  if (!isCModule(m)) {
    PyErr_BadArgument();  // TypeError, as CPython's
    return nullptr;
  }
  Value f = dictGetStr(moduleDict(fromC(m)), internStr("__file__"));
  if (f.isNull() || !isStr(f)) {
    if (!errorPending()) raise(exc::SystemError, "module filename missing");
    return nullptr;
  }
  return toNew(f);
}

}  // extern "C"
