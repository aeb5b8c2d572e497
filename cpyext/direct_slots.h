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
// The same for an __init__ slot.
int callInitWithTupleDict(InitFn fn, Value self, Value args, Value kwargs);

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
  // dict.__init__(self, *args, **kwargs) from a C subtype's own tp_init
  // (_ctypes's StgDict calls PyDict_Type.tp_init so).
  static int init(PyObject* o, PyObject* args, PyObject* kwargs) {
    return callInitWithTupleDict((*T)->slots.tp_init, fromC(o), fromC(args), fromCOrNull(kwargs));
  }
  // The number slots: _decimal keeps PyFloat_Type's nb_absolute and
  // PyLong_Type's nb_multiply & co. and calls them on values that may be
  // instances of subclasses overriding __abs__ or __mul__, which CPython's
  // float_abs and long_mul ignore.
  template <UnaryFn Slots::*slot>
  static PyObject* unary(PyObject* o) {
    return returnNew(((*T)->slots.*slot)(fromC(o)));
  }
  template <BinaryFn Slots::*slot>
  static PyObject* binary(PyObject* a, PyObject* b) {
    return returnNew(((*T)->slots.*slot)(fromC(a), fromC(b)));
  }
  static PyObject* power(PyObject* a, PyObject* b, PyObject* c) {
    return returnNew((*T)->slots.nb_power(fromC(a), fromC(b), fromC(c)));
  }
  static int boolean(PyObject* o) { return (*T)->slots.nb_bool(fromC(o)); }
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
  if (s.tp_init != nullptr) out->tp_init = DirectSlots<T>::init;
  PyNumberMethods* nb = out->tp_as_number;
  using D = DirectSlots<T>;
#define TERN_DIRECT_UNARY(slot) \
  if (s.slot != nullptr) nb->slot = D::template unary<&Slots::slot>
#define TERN_DIRECT_BINARY(slot) \
  if (s.slot != nullptr) nb->slot = D::template binary<&Slots::slot>
  TERN_DIRECT_UNARY(nb_negative);
  TERN_DIRECT_UNARY(nb_positive);
  TERN_DIRECT_UNARY(nb_absolute);
  TERN_DIRECT_UNARY(nb_invert);
  TERN_DIRECT_UNARY(nb_int);
  TERN_DIRECT_UNARY(nb_float);
  TERN_DIRECT_UNARY(nb_index);
  TERN_DIRECT_BINARY(nb_add);
  TERN_DIRECT_BINARY(nb_subtract);
  TERN_DIRECT_BINARY(nb_multiply);
  TERN_DIRECT_BINARY(nb_remainder);
  TERN_DIRECT_BINARY(nb_divmod);
  TERN_DIRECT_BINARY(nb_lshift);
  TERN_DIRECT_BINARY(nb_rshift);
  TERN_DIRECT_BINARY(nb_and);
  TERN_DIRECT_BINARY(nb_xor);
  TERN_DIRECT_BINARY(nb_or);
  TERN_DIRECT_BINARY(nb_floor_divide);
  TERN_DIRECT_BINARY(nb_true_divide);
  TERN_DIRECT_BINARY(nb_matrix_multiply);
#undef TERN_DIRECT_UNARY
#undef TERN_DIRECT_BINARY
  if (s.nb_power != nullptr) nb->nb_power = D::power;
  if (s.nb_bool != nullptr) nb->nb_bool = D::boolean;
}

}  // namespace tern::cpyext
