// Weak references from C: PyWeakref_* over the runtime's weakref objects
// (runtime/objects/weakref.h).
//
// PyObject_ClearWeakRefs, which the tp_dealloc of a C type with
// tp_weaklistoffset calls, has nothing to do: a weak reference refers to the
// object's runtime wrapper, and the wrapper's finalizer clears them all (and
// runs their callbacks) before it calls tp_dealloc (objimpl.cc,
// clearWeakrefsTo); an object without a wrapper cannot have been weakly
// referenced.
//
// Not supported: the PyWeakref_GET_OBJECT macro, which reads wr_object and
// tests its reference count (a referent C holds no reference to has a count
// of zero under Tern while it lives); PyWeakref_GetObject works.
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/weakref.h"

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyWeakref_NewRef(PyObject* ob, PyObject* callback) {
  return returnNew(newWeakref(fromC(ob), fromCOrNull(callback)));
}

PyObject* PyWeakref_NewProxy(PyObject* ob, PyObject* callback) {
  return returnNew(newWeakProxy(fromC(ob), fromCOrNull(callback)));
}

PyObject* PyWeakref_GetObject(PyObject* ref) {
  if (ref == nullptr || !isWeakref(fromC(ref))) return badInternalCall("PyWeakref_GetObject");
  Value referent = weakrefObject(fromC(ref));
  if (isNone(referent)) return Py_None;
  // C reaches objects it keeps weakly through here before using their
  // fields (_ssl its socket): bring the fields up to date.
  PyObject* o = toBorrowed(ref, referent);
  refreshProxy(o, referent);
  return o;
}

void PyObject_ClearWeakRefs(PyObject*) {}

}  // extern "C"
