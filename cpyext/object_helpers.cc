// Small functions of CPython 3.11's object API that extensions call and the
// families' own files do not hold: C function objects' fields
// (PyCFunction_GetFlags/GetSelf/Call), single members read and written by
// their PyMemberDef (PyMember_GetOne/SetOne), struct sequence items,
// PyExceptionClass_Name, PyModule_GetFilename, _PyDict_Pop,
// _PyObject_GetMethod and the GC and weak-reference queries of objimpl.h.
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/instance_attrs.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"
#include "structmember.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

// The runtime's accessors of a PyMemberDef (descrobject.cc's), learnt once
// from a table of one member; a GetSetDef naming them is made per call, as
// C may pass a PyMemberDef that is not in any table (on its stack).
const GetSetDef& memberAccessors() {
  static PyMemberDef table[] = {{"member", T_INT, 0, 0, nullptr}, {}};
  static const GetSetDef accessors = getSetDefsFor(nullptr, table).front();
  return accessors;
}

GetSetDef memberDef(PyMemberDef* m) {
  GetSetDef def = memberAccessors();
  def.name = m->name;
  def.doc = m->doc;
  def.data = m;
  return def;
}

bool isCFunction(PyObject* op) { return op != nullptr && PyCFunction_Check(op); }

// The type looks attributes up generically: _PyObject_GetMethod may then
// skip binding a method.
bool genericGetAttrOf(Type* t) { return t->slots.tp_getattro == nullptr || t->slots.tp_getattro == genericGetAttr; }

// 1 when the instance's own attributes (its dict, or its inline words in
// shape mode) hold `name`, 0 when not, -1 with an error.
int instanceHas(Value obj, Type* t, Value name) {
  if (t->dict_offset == 0) return 0;
  Value dict = instanceDictSlot(obj, t->dict_offset)->get();
  if (dict.isNull()) return 0;
  if (isShape(dict)) return inlineGet(obj, t, asShape(dict), name).isNull() ? 0 : 1;
  return dictContains(dict, name);
}

PyObject* g_no_weakrefs = nullptr;  // what PyObject_GET_WEAKREFS_LISTPTR gives for a runtime object

}  // namespace

extern "C" {

int PyCFunction_GetFlags(PyObject* op) {
  if (!isCFunction(op)) {
    badInternalCall("PyCFunction_GetFlags");
    return -1;
  }
  return reinterpret_cast<PyCFunctionObject*>(op)->m_ml->ml_flags;
}

// Borrowed: the bound object (the module of a module function), NULL for a
// METH_STATIC function or none.
PyObject* PyCFunction_GetSelf(PyObject* op) {
  if (!isCFunction(op)) return badInternalCall("PyCFunction_GetSelf");
  if (PyCFunction_GET_FLAGS(op) & METH_STATIC) return nullptr;
  Value self = static_cast<BuiltinFunctionObj*>(fromC(op).asObject())->self.get();
  return self.isNull() ? nullptr : toBorrowed(op, self);
}

PyObject* PyCFunction_Call(PyObject* callable, PyObject* args, PyObject* kwargs) {
  return PyObject_Call(callable, args, kwargs);
}

PyObject* PyMember_GetOne(const char* obj_addr, PyMemberDef* m) {
  if (m->type == T_OBJECT_EX && *reinterpret_cast<PyObject* const*>(obj_addr + m->offset) == nullptr) {
    // CPython names the type by tp_name here.
    auto* obj = reinterpret_cast<PyObject*>(const_cast<char*>(obj_addr));
    return PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'", Py_TYPE(obj)->tp_name, m->name);
  }
  GetSetDef def = memberDef(m);
  return returnNew(def.raw_get(&def, fromC(reinterpret_cast<PyObject*>(const_cast<char*>(obj_addr)))));
}

int PyMember_SetOne(char* obj_addr, PyMemberDef* m, PyObject* v) {
  GetSetDef def = memberDef(m);
  return def.raw_set(&def, fromC(reinterpret_cast<PyObject*>(obj_addr)), fromCOrNull(v));
}

// The PyStructSequence_GET_ITEM/SET_ITEM macros as functions (a struct
// sequence is a tuple): a borrowed item; SetItem steals `v`, for a sequence
// C is filling.
PyObject* PyStructSequence_GetItem(PyObject* p, Py_ssize_t i) { return PyTuple_GET_ITEM(p, i); }
void PyStructSequence_SetItem(PyObject* p, Py_ssize_t i, PyObject* v) { PyTuple_SET_ITEM(p, i, v); }

const char* PyExceptionClass_Name(PyObject* ob) { return reinterpret_cast<PyTypeObject*>(ob)->tp_name; }

// __file__ as UTF-8, kept valid by the module's dict.
const char* PyModule_GetFilename(PyObject* m) {
  PyObject* file = PyModule_GetFilenameObject(m);
  if (file == nullptr) return nullptr;
  const char* utf8 = PyUnicode_AsUTF8(file);
  Py_DECREF(file);
  return utf8;
}

// dict.pop(key[, deflt]) of the dict itself, never a subclass's override:
// KeyError(key) when the key is missing and there is no default.
PyObject* _PyDict_Pop(PyObject* dict, PyObject* key, PyObject* deflt) {
  PyObject* value = PyDict_GetItemWithError(dict, key);
  if (value == nullptr) {
    if (PyErr_Occurred()) return nullptr;
    if (deflt != nullptr) return Py_NewRef(deflt);
    PyObject* args = PyTuple_Pack(1, key);
    if (args != nullptr) PyErr_SetObject(PyExc_KeyError, args);
    Py_XDECREF(args);
    return nullptr;
  }
  Py_INCREF(value);
  if (PyDict_DelItem(dict, key) < 0) {
    Py_DECREF(value);
    return nullptr;
  }
  return value;
}

// 1 with *method the unbound function when obj.name is a method the type
// defines (a descriptor binding like a function) that nothing shadows: the
// caller passes obj as its first argument.  Otherwise 0 with *method the
// attribute (NULL with the error pending).
int _PyObject_GetMethod(PyObject* obj, PyObject* name, PyObject** method) {
  Value o = fromC(obj);
  Type* t = typeOf(o);
  Value n = fromC(name);
  if (genericGetAttrOf(t) && isStr(n)) {
    Value descr = typeLookup(t, n);
    if (!descr.isNull() && typeOf(descr)->hasFlag(type_flags::kMethodDescriptor)) {
      int shadowed = instanceHas(o, t, n);
      if (shadowed < 0) {
        *method = nullptr;
        return 0;
      }
      if (shadowed == 0) {
        *method = toNew(descr);
        return 1;
      }
    }
  }
  *method = PyObject_GetAttr(obj, name);
  return 0;
}

int PyObject_IS_GC(PyObject* obj) {
  PyTypeObject* t = Py_TYPE(obj);
  return PyType_IS_GC(t) && (t->tp_is_gc == nullptr || t->tp_is_gc(obj));
}

// Weakly referenceable instances: the runtime type says, for C types too
// (their tp_weaklistoffset made them so).
int PyType_SUPPORTS_WEAKREFS(PyTypeObject* type) { return runtimeTypeOfC(type)->weaklist_offset != 0 ? 1 : 0; }

// A C object's own weak-reference list field; the runtime keeps the weak
// references of its objects in the weakref objects, so for them a word that
// stays NULL ("no list to clear").
PyObject** PyObject_GET_WEAKREFS_LISTPTR(PyObject* op) {
  Py_ssize_t offset = Py_TYPE(op)->tp_weaklistoffset;
  if (offset > 0 && inArena(op) && prefixOf(op)->kind == ProxyKind::kCObject) {
    return reinterpret_cast<PyObject**>(reinterpret_cast<char*>(op) + offset);
  }
  g_no_weakrefs = nullptr;
  return &g_no_weakrefs;
}

}  // extern "C"
