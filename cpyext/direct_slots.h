// The slots of the exported static types (PyType_Type, PyBaseObject_Type,
// ...), bound to their own runtime type: C calls a base's slot by name
// (PyType_Type.tp_setattro from a metaclass's own setattro, pybind11) and
// means that type's behaviour, not a dispatch on the instance's type, which
// would come back to the caller.  One instantiation per exported type.
#pragma once

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

// Calls a vectorcall slot with a (tuple, dict-or-null) call's arguments.
Value callSlotWithTupleDict(VectorcallFn fn, Value callable, Value args, Value kwargs);

template <Type** T>
struct DirectSlots {
  static PyObject* getattro(PyObject* o, PyObject* name) {
    GetAttrFn fn = (*T)->slots.tp_getattro != nullptr ? (*T)->slots.tp_getattro : genericGetAttr;
    return returnNew(fn(fromC(o), fromC(name)));
  }
  static int setattro(PyObject* o, PyObject* name, PyObject* value) {
    SetAttrFn fn = (*T)->slots.tp_setattro != nullptr ? (*T)->slots.tp_setattro : genericSetAttr;
    return fn(fromC(o), fromC(name), fromCOrNull(value));
  }
  static PyObject* repr(PyObject* o) { return returnNew((*T)->slots.tp_repr(fromC(o))); }
  static PyObject* str(PyObject* o) { return returnNew((*T)->slots.tp_str(fromC(o))); }
  static Py_hash_t hash(PyObject* o) { return (*T)->slots.tp_hash(fromC(o)); }
  static PyObject* richcompare(PyObject* a, PyObject* b, int op) {
    return returnNew((*T)->slots.tp_richcompare(fromC(a), fromC(b), op));
  }
  // type.__call__(cls, *args, **kwargs) from a metaclass's own tp_call.
  static PyObject* call(PyObject* c, PyObject* args, PyObject* kwargs) {
    return returnNew(callSlotWithTupleDict((*T)->slots.tp_call, fromC(c), fromC(args), fromCOrNull(kwargs)));
  }
};

template <Type** T>
void installDirectSlots(PyTypeObject* out) {
  const Slots& s = (*T)->slots;
  out->tp_getattro = DirectSlots<T>::getattro;
  out->tp_setattro = DirectSlots<T>::setattro;
  if (s.tp_repr != nullptr) out->tp_repr = DirectSlots<T>::repr;
  if (s.tp_str != nullptr) out->tp_str = DirectSlots<T>::str;
  if (s.tp_hash != nullptr) out->tp_hash = DirectSlots<T>::hash;
  if (s.tp_richcompare != nullptr) out->tp_richcompare = DirectSlots<T>::richcompare;
  if (s.tp_call != nullptr) out->tp_call = DirectSlots<T>::call;
}

}  // namespace tern::cpyext
