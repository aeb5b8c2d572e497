// The objects libtern.so exports as data: the builtin types (builtin_exports.def;
// the other exported types are in resolved_exports.cc), the singletons
// (Py_None, Py_True, ...), the PyExc_* exception pointers and Py_hexdigits.
// They are filled and registered as the proxies of their runtime objects once,
// by initializeCpyext(), before the first extension loads.
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/direct_slots.h"
#include "cpyext/proxy_internal.h"
#include "runtime/gc/roots.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/object.h"
#include "runtime/objects/type.h"

extern "C" {

#define CPYEXT_TYPE(symbol, runtime_type, basicsize, itemsize) PyAPI_DATA(PyTypeObject) symbol;
#include "cpyext/builtin_exports.def"
#undef CPYEXT_TYPE

#define CPYEXT_TYPE(symbol, runtime_type, basicsize, itemsize) PyTypeObject symbol = {};
#include "cpyext/builtin_exports.def"
#undef CPYEXT_TYPE

PyObject _Py_NoneStruct = {};
PyObject _Py_NotImplementedStruct = {};
PyObject _Py_EllipsisObject = {};
struct _longobject _Py_TrueStruct = {};
struct _longobject _Py_FalseStruct = {};

#define TERN_EXCEPTION(name, base, layout, doc) PyAPI_DATA(PyObject*) PyExc_##name;
#include "runtime/objects/exceptions.def"
#undef TERN_EXCEPTION

#define TERN_EXCEPTION(name, base, layout, doc) PyObject* PyExc_##name = nullptr;
#include "runtime/objects/exceptions.def"
#undef TERN_EXCEPTION
PyAPI_DATA(PyObject*) PyExc_EnvironmentError;
PyAPI_DATA(PyObject*) PyExc_IOError;
PyObject* PyExc_EnvironmentError = nullptr;
PyObject* PyExc_IOError = nullptr;

const char* Py_hexdigits = "0123456789abcdef";

}  // extern "C"

namespace tern::cpyext {

void setExceptionTypeSizes();      // exceptions.cc
void initializeResolvedExports();  // resolved_exports.cc

namespace {

// Immortal in effect: C code that drops more references than it took to a
// static object must not bring its count to zero.
constexpr Py_ssize_t kStaticRefcnt = Py_ssize_t{1} << 40;

void initSingleton(PyObject* o, Obj* object, PyTypeObject* type) {
  o->ob_refcnt = kStaticRefcnt;
  o->ob_type = type;
  registerStatic(o, Value(object));
}

}  // namespace

void initializeBuiltinExports() {
  // Registered first, all of them: filling one type refers to others
  // (tp_base, tp_mro).
#define CPYEXT_TYPE(symbol, runtime_type, basicsize, itemsize) \
  registerStatic(reinterpret_cast<PyObject*>(&symbol), typeValue(types::runtime_type));
#include "cpyext/builtin_exports.def"
#undef CPYEXT_TYPE
  initSingleton(&_Py_NoneStruct, singletons::None, &_PyNone_Type);
  initSingleton(&_Py_NotImplementedStruct, singletons::NotImplemented, &_PyNotImplemented_Type);
  initSingleton(&_Py_EllipsisObject, singletons::Ellipsis, &PyEllipsis_Type);
  initSingleton(reinterpret_cast<PyObject*>(&_Py_TrueStruct), singletons::True, &PyBool_Type);
  initSingleton(reinterpret_cast<PyObject*>(&_Py_FalseStruct), singletons::False, &PyBool_Type);
  Py_SET_SIZE(reinterpret_cast<PyVarObject*>(&_Py_TrueStruct), 1);
  _Py_TrueStruct.ob_digit[0] = 1;

#define CPYEXT_TYPE(symbol, runtime_type, basicsize, itemsize) \
  fillTypeObject(&symbol, types::runtime_type, basicsize, itemsize); \
  installDirectSlots<&types::runtime_type>(&symbol);
#include "cpyext/builtin_exports.def"
#undef CPYEXT_TYPE

#define TERN_EXCEPTION(name, base, layout, doc) \
  PyExc_##name = reinterpret_cast<PyObject*>(typeProxy(exc::name));
#include "runtime/objects/exceptions.def"
#undef TERN_EXCEPTION
  PyExc_EnvironmentError = PyExc_OSError;
  PyExc_IOError = PyExc_OSError;
  setExceptionTypeSizes();
  initializeResolvedExports();
}

namespace {

// The vectorcall form of a (tuple, dict-or-null) call's arguments: the
// values in `values` (a root vector: the call may collect), the keyword
// names returned (null without keywords).
Value vectorcallArguments(Value args, Value kwargs, gc::RootVector& values) {
  int64_t n = tupleLength(args);
  int64_t nkw = kwargs.isNull() ? 0 : dictSize(kwargs);
  values.resize(static_cast<size_t>(n + nkw));
  for (int64_t i = 0; i < n; ++i) values.set(static_cast<size_t>(i), tupleItem(args, i));
  Value kwnames;
  if (nkw != 0) {
    kwnames = newTuple(nkw);
    int64_t pos = 0, i = 0;
    Value k, v;
    while (dictNext(kwargs, &pos, &k, &v)) {
      tupleInit(kwnames, i, k);
      values.set(static_cast<size_t>(n + i), v);
      ++i;
    }
  }
  return kwnames;
}

}  // namespace

Value callSlotWithTupleDict(VectorcallFn fn, Value callable, Value args, Value kwargs) {
  gc::RootVector values;
  Value kwnames = vectorcallArguments(args, kwargs, values);
  return fn(callable, values.data(), static_cast<size_t>(tupleLength(args)), kwnames);
}

int callInitWithTupleDict(InitFn fn, Value self, Value args, Value kwargs) {
  gc::RootVector values;
  Value kwnames = vectorcallArguments(args, kwargs, values);
  return fn(self, values.data(), static_cast<size_t>(tupleLength(args)), kwnames);
}

}  // namespace tern::cpyext
