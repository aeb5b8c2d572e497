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
// The proxy of a weak reference has CPython's PyWeakReference layout, whose
// wr_object the PyWeakref_GET_OBJECT macro reads (_ctypes's array-type cache
// keeps its types in weak proxies): the referent's proxy, or None once it
// died, brought up to date each time C obtains the weak reference (proxy.cc
// needsRefresh).  The macro then tests the referent's reference count, which
// under Tern counts C's references only: a live referent C holds none of
// reads as None there (types keep a count through their own tp_mro, so they
// read right); PyWeakref_GetObject always works.  A weak reference C kept
// without obtaining it again reads None, never freed memory, once its
// referent's proxy went (forgetWeakProxies).
#include <algorithm>
#include <unordered_map>
#include <vector>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/weakref.h"

using namespace tern;
using namespace tern::cpyext;

namespace tern::cpyext {

namespace {

// Referent proxy (kWeakTarget) -> the weak references' proxies (kWeakReader)
// whose wr_object it is.
std::unordered_map<PyObject*, std::vector<PyObject*>>& readers() {
  static auto* table = new std::unordered_map<PyObject*, std::vector<PyObject*>>();
  return *table;
}

PyObject*& wrObject(PyObject* ref) { return reinterpret_cast<PyWeakReference*>(ref)->wr_object; }

void stopReading(PyObject* ref) {
  PyObject* target = wrObject(ref);
  auto it = readers().find(target);
  if (it == readers().end()) return;
  std::erase(it->second, ref);
  if (!it->second.empty()) return;
  readers().erase(it);
  prefixOf(target)->marks &= ~proxy_marks::kWeakTarget;
}

}  // namespace

bool isWeakrefType(Type* type) {
  return isSubtype(type, types::weakref_type) || type == types::weakproxy_type ||
         type == types::weakcallableproxy_type;
}

void refreshWeakref(PyObject* o, Value v) {
  Value referent = weakrefObject(v);
  PyObject* target = isNone(referent) ? Py_None : toBorrowed(o, referent);
  if (wrObject(o) == target) return;
  if (prefixOf(o)->marks & proxy_marks::kWeakReader) stopReading(o);
  prefixOf(o)->marks &= ~proxy_marks::kWeakReader;
  wrObject(o) = target;
  if (!inArena(target)) return;  // None, a static object: never freed
  readers()[target].push_back(o);
  prefixOf(target)->marks |= proxy_marks::kWeakTarget;
  prefixOf(o)->marks |= proxy_marks::kWeakReader;
}

void forgetWeakProxies(PyObject* o) {
  ProxyPrefix* prefix = prefixOf(o);
  if (prefix->marks & proxy_marks::kWeakReader) stopReading(o);
  if (prefix->marks & proxy_marks::kWeakTarget) {
    auto it = readers().find(o);
    if (it != readers().end()) {
      for (PyObject* ref : it->second) {
        wrObject(ref) = Py_None;
        prefixOf(ref)->marks &= ~proxy_marks::kWeakReader;
      }
      readers().erase(it);
    }
  }
  prefix->marks &= ~(proxy_marks::kWeakTarget | proxy_marks::kWeakReader);
}

}  // namespace tern::cpyext

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
