// Bound methods and instancemethod (CPython's Objects/classobject.c).
//
// method: the runtime's bound method (runtime/objects/method.h).  Its proxy
// is laid out as PyMethodObject with im_func and im_self filled once with
// references the proxy owns (a bound method never changes), so that
// PyMethod_GET_FUNCTION/GET_SELF, which Cython uses to unpack bound methods
// before calls, read them directly.
//
// instancemethod: the runtime has no such type, so it is a C-defined type,
// PyInstanceMethod_Type, exported by libtern and readied on first use; its
// instances live in C memory like an extension's objects.
#include <cstddef>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/method.h"
#include "structmember.h"

namespace tern::cpyext {

void refreshMethod(PyObject* o, Value v) {
  auto* m = reinterpret_cast<PyMethodObject*>(o);
  if (m->im_func != nullptr) return;
  PyObject* func = toNew(methodFunc(v));
  PyObject* self = toNew(methodSelf(v));
  keepAlive(o, func);
  keepAlive(o, self);
  m->im_func = func;
  m->im_self = self;
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {
PyTypeObject PyInstanceMethod_Type = {};
}

namespace {

PyInstanceMethodObject* asInstanceMethod(PyObject* o) { return reinterpret_cast<PyInstanceMethodObject*>(o); }

void instanceMethodDealloc(PyObject* o) {
  Py_CLEAR(asInstanceMethod(o)->func);
  Py_TYPE(o)->tp_free(o);
}

int instanceMethodTraverse(PyObject* o, visitproc visit, void* arg) {
  Py_VISIT(asInstanceMethod(o)->func);
  return 0;
}

int instanceMethodClear(PyObject* o) {
  Py_CLEAR(asInstanceMethod(o)->func);
  return 0;
}

PyObject* instanceMethodCall(PyObject* o, PyObject* args, PyObject* kwargs) {
  return PyObject_Call(asInstanceMethod(o)->func, args, kwargs);
}

// Looked up on an instance it binds to it, on the class it is the function.
PyObject* instanceMethodGet(PyObject* o, PyObject* obj, PyObject*) {
  PyObject* func = asInstanceMethod(o)->func;
  if (obj == nullptr) return Py_NewRef(func);
  return PyMethod_New(func, obj);
}

PyObject* instanceMethodRepr(PyObject* o) {
  PyObject* func = asInstanceMethod(o)->func;
  PyObject* name = PyObject_GetAttrString(func, "__name__");
  if (name == nullptr) {
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return nullptr;
    PyErr_Clear();
  }
  PyObject* r = name != nullptr && PyUnicode_Check(name)
                    ? PyUnicode_FromFormat("<instancemethod %U at %p>", name, static_cast<void*>(o))
                    : PyUnicode_FromFormat("<instancemethod ? at %p>", static_cast<void*>(o));
  Py_XDECREF(name);
  return r;
}

// The instancemethod's own attributes first (__func__, __doc__ of the
// type), then the function's (__name__, __qualname__, __doc__...), as
// CPython's instancemethod_getattro delegates.
PyObject* instanceMethodGetAttr(PyObject* o, PyObject* name) {
  PyObject* r = PyObject_GenericGetAttr(o, name);
  if (r != nullptr || !PyErr_ExceptionMatches(PyExc_AttributeError)) return r;
  PyErr_Clear();
  return PyObject_GetAttr(asInstanceMethod(o)->func, name);
}

PyObject* instanceMethodNew(PyTypeObject*, PyObject* args, PyObject* kwargs) {
  PyObject* func;
  if (kwargs != nullptr && PyDict_Size(kwargs) != 0) {
    PyErr_SetString(PyExc_TypeError, "instancemethod() takes no keyword arguments");
    return nullptr;
  }
  if (!PyArg_UnpackTuple(args, "instancemethod", 1, 1, &func)) return nullptr;
  if (!PyCallable_Check(func)) {
    PyErr_SetString(PyExc_TypeError, "first argument must be callable");
    return nullptr;
  }
  return PyInstanceMethod_New(func);
}

PyMemberDef instanceMethodMembers[] = {
    {.name = "__func__",
     .type = T_OBJECT,
     .offset = offsetof(PyInstanceMethodObject, func),
     .flags = READONLY,
     .doc = "the function (or other callable) implementing a method"},
    {},
};

bool readyInstanceMethodType() {
  PyTypeObject& t = PyInstanceMethod_Type;
  if (t.tp_flags & Py_TPFLAGS_READY) return true;
  t.tp_name = "instancemethod";
  t.tp_basicsize = sizeof(PyInstanceMethodObject);
  t.tp_dealloc = instanceMethodDealloc;
  t.tp_repr = instanceMethodRepr;
  t.tp_call = instanceMethodCall;
  t.tp_getattro = instanceMethodGetAttr;
  t.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
  t.tp_doc = "instancemethod(function)\n\nBind a function to a class.";
  t.tp_traverse = instanceMethodTraverse;
  t.tp_clear = instanceMethodClear;
  t.tp_members = instanceMethodMembers;
  t.tp_descr_get = instanceMethodGet;
  t.tp_new = instanceMethodNew;
  return PyType_Ready(&t) == 0;
}

bool isCMethod(PyObject* o) { return o != nullptr && PyMethod_Check(o); }

}  // namespace

namespace tern::cpyext {
void initializeInstanceMethodType() { readyInstanceMethodType(); }
}  // namespace tern::cpyext

extern "C" {

PyObject* PyMethod_New(PyObject* func, PyObject* self) {
  if (func == nullptr || self == nullptr) return badInternalCall("PyMethod_New");
  return returnNew(newMethod(fromC(func), fromC(self)));
}

PyObject* PyMethod_Function(PyObject* m) {
  if (!isCMethod(m)) return badInternalCall("PyMethod_Function");
  return PyMethod_GET_FUNCTION(m);
}

PyObject* PyMethod_Self(PyObject* m) {
  if (!isCMethod(m)) return badInternalCall("PyMethod_Self");
  return PyMethod_GET_SELF(m);
}

PyObject* PyInstanceMethod_New(PyObject* func) {
  if (func == nullptr) return badInternalCall("PyInstanceMethod_New");
  if (!readyInstanceMethodType()) return nullptr;
  auto* m = PyObject_GC_New(PyInstanceMethodObject, &PyInstanceMethod_Type);
  if (m == nullptr) return nullptr;
  m->func = Py_NewRef(func);
  return reinterpret_cast<PyObject*>(m);
}

PyObject* PyInstanceMethod_Function(PyObject* im) {
  if (im == nullptr || !PyInstanceMethod_Check(im)) return badInternalCall("PyInstanceMethod_Function");
  return PyInstanceMethod_GET_FUNCTION(im);
}

}  // extern "C"
