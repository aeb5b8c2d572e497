// list across the boundary: PyListObject proxies whose ob_item (malloc'd)
// holds owned references to the items' proxies, and the PyList_* API.
//
// Coherence: a list made by PyList_New is C's while C fills it (kFilling);
// it becomes a runtime list when it first crosses over.  A runtime list's
// proxy gets its ob_item brought up to date each time C obtains a reference
// (toNew/toBorrowed call refreshList), and the PyList_* functions change the
// runtime list and then the proxy.  What is not coherent yet (TODO(#6)): a
// list the runtime changes while C keeps using a proxy it obtained before,
// and PyList_SET_ITEM on a list that already crossed over.
#include <cstdlib>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::cpyext {

namespace {

PyListObject* asCList(PyObject* o) { return reinterpret_cast<PyListObject*>(o); }

void setCapacity(PyObject* o, Py_ssize_t n) {
  PyListObject* l = asCList(o);
  if (n <= l->allocated) return;
  auto** items = static_cast<PyObject**>(std::realloc(l->ob_item, n * sizeof(PyObject*)));
  for (Py_ssize_t i = l->allocated; i < n; ++i) items[i] = nullptr;
  l->ob_item = items;
  l->allocated = n;
}

bool isCList(PyObject* o) { return o != nullptr && PyList_Check(o); }

}  // namespace

PyObject* newListProxy(Value v) {
  PyObject* o = allocProxy(ProxyKind::kList, sizeof(PyListObject), typeProxy(typeOf(v)));
  linkProxy(o, v);
  refreshList(o, v);
  return o;
}

void refreshList(PyObject* o, Value v) {
  int64_t n = listLength(v);
  setCapacity(o, n);
  PyListObject* l = asCList(o);
  for (int64_t i = 0; i < n; ++i) {
    Value item = listItem(v, i);
    PyObject* old = l->ob_item[i];
    if (old != nullptr && fromC(old) == item) continue;
    l->ob_item[i] = toNew(item);
    Py_XDECREF(old);
  }
  for (Py_ssize_t i = n; i < Py_SIZE(o); ++i) {
    Py_XDECREF(l->ob_item[i]);
    l->ob_item[i] = nullptr;
  }
  Py_SET_SIZE(reinterpret_cast<PyVarObject*>(o), n);
}

Value realiseList(PyObject* o) {
  ProxyPrefix* prefix = prefixOf(o);
  if (!(prefix->flags & proxy_flags::kFilling)) return prefix->link.target;
  Py_ssize_t n = Py_SIZE(o);
  Value l = newList(n);
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = asCList(o)->ob_item[i];
    if (item == nullptr) asCList(o)->ob_item[i] = item = Py_NewRef(Py_None);
    listAppend(l, fromC(item));
  }
  prefix->flags &= ~proxy_flags::kFilling;
  linkProxy(o, l);
  return l;
}

void releaseListContents(PyObject* o) {
  PyListObject* l = asCList(o);
  for (Py_ssize_t i = 0; i < Py_SIZE(o); ++i) Py_XDECREF(l->ob_item[i]);
  std::free(l->ob_item);
  l->ob_item = nullptr;
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

namespace {

// The runtime list behind a C list (realised if C was filling it); null
// with SystemError naming `function` if o is not a list.
Value runtimeList(PyObject* o, const char* function) {
  if (!isCList(o)) return badInternalCall(function), Value();
  return fromC(o);
}

}  // namespace

extern "C" {

PyObject* PyList_New(Py_ssize_t n) {
  if (n < 0) return badInternalCall("PyList_New");
  PyObject* o = allocProxy(ProxyKind::kList, sizeof(PyListObject), &PyList_Type);
  prefixOf(o)->flags |= proxy_flags::kFilling;
  setCapacity(o, n);
  Py_SET_SIZE(reinterpret_cast<PyVarObject*>(o), n);
  return o;
}

Py_ssize_t PyList_Size(PyObject* o) {
  if (!isCList(o)) return badInternalCall("PyList_Size"), -1;
  return Py_SIZE(o);
}

PyObject* PyList_GetItem(PyObject* o, Py_ssize_t i) {
  if (!isCList(o)) return badInternalCall("PyList_GetItem");
  if (i < 0 || i >= Py_SIZE(o)) {
    raise(exc::IndexError, "list index out of range");
    return nullptr;
  }
  return asCList(o)->ob_item[i];
}

int PyList_SetItem(PyObject* o, Py_ssize_t i, PyObject* item) {
  if (!isCList(o)) {
    Py_XDECREF(item);
    badInternalCall("PyList_SetItem");
    return -1;
  }
  if (i < 0 || i >= Py_SIZE(o)) {
    Py_XDECREF(item);
    raise(exc::IndexError, "list assignment index out of range");
    return -1;
  }
  if (!(prefixOf(o)->flags & proxy_flags::kFilling)) listSetItem(fromC(o), i, fromC(item));
  PyObject* old = asCList(o)->ob_item[i];
  asCList(o)->ob_item[i] = item;
  Py_XDECREF(old);
  return 0;
}

int PyList_Append(PyObject* o, PyObject* item) {
  if (item == nullptr) return badInternalCall("PyList_Append"), -1;
  Value l = runtimeList(o, "PyList_Append");
  if (l.isNull()) return -1;
  if (!listAppend(l, fromC(item))) return -1;
  refreshList(o, l);
  return 0;
}

int PyList_Insert(PyObject* o, Py_ssize_t where, PyObject* item) {
  if (item == nullptr) return badInternalCall("PyList_Insert"), -1;
  Value l = runtimeList(o, "PyList_Insert");
  if (l.isNull()) return -1;
  Value args[2] = {newInt(where), fromC(item)};
  if (callMethod(l, internStr("insert"), args, 2).isNull()) return -1;
  refreshList(o, l);
  return 0;
}

PyObject* PyList_GetSlice(PyObject* o, Py_ssize_t lo, Py_ssize_t hi) {
  Value l = runtimeList(o, "PyList_GetSlice");
  if (l.isNull()) return nullptr;
  return returnNew(getItem(l, newSlice(newInt(lo), newInt(hi), None())));
}

int PyList_SetSlice(PyObject* o, Py_ssize_t lo, Py_ssize_t hi, PyObject* items) {
  Value l = runtimeList(o, "PyList_SetSlice");
  if (l.isNull()) return -1;
  Value slice = newSlice(newInt(lo), newInt(hi), None());
  int r = items == nullptr ? delItem(l, slice) : setItem(l, slice, fromC(items));
  if (r == 0) refreshList(o, l);
  return r;
}

int PyList_Sort(PyObject* o) {
  Value l = runtimeList(o, "PyList_Sort");
  if (l.isNull() || callMethod(l, internStr("sort"), nullptr, 0).isNull()) return -1;
  refreshList(o, l);
  return 0;
}

int PyList_Reverse(PyObject* o) {
  Value l = runtimeList(o, "PyList_Reverse");
  if (l.isNull() || callMethod(l, internStr("reverse"), nullptr, 0).isNull()) return -1;
  refreshList(o, l);
  return 0;
}

PyObject* PyList_AsTuple(PyObject* o) {
  Value l = runtimeList(o, "PyList_AsTuple");
  if (l.isNull()) return nullptr;
  return returnNew(listAsTuple(l));
}

// list.extend(iterable) returning None, as CPython's private helper does.
PyObject* _PyList_Extend(PyListObject* o, PyObject* iterable) {
  PyObject* self = reinterpret_cast<PyObject*>(o);
  Value l = runtimeList(self, "_PyList_Extend");
  if (l.isNull() || !listExtend(l, fromC(iterable))) return nullptr;
  refreshList(self, l);
  Py_RETURN_NONE;
}

}  // extern "C"
