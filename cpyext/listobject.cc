// list across the boundary: PyListObject proxies whose ob_item (malloc'd)
// holds owned references to the items' proxies, and the PyList_* API.
//
// Coherence: a list made by PyList_New is C's while C fills it (kFilling);
// it becomes a runtime list when it first crosses over.  From the moment a
// list has a proxy, the proxy's ob_item/ob_size ARE the list: the runtime
// list keeps its items in this "C storage" (runtime/objects/list.h) and
// reads and writes them through the hooks below.  So PyList_SET_ITEM,
// PyList_GET_ITEM, Py_SET_SIZE (Cython's fast append and pop) and the
// runtime's own mutations (append, sort, slice assignment from Python) all
// act on one array, with nothing to bring up to date at any point.  The
// runtime's operations other than len/get/set/append/truncate run on heap
// storage for their duration (list.cc's HeapListStorage) and end by making
// ob_item match again (assignFromRuntime).
#include <cstdio>
#include <cstdlib>

#include "Python.h"
#include "cpyext/arena.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/gc/external.h"
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

PyListObject* asCList(void* o) { return static_cast<PyListObject*>(o); }

// Room for n items in ob_item; new slots are NULL.
void setCapacity(PyObject* o, Py_ssize_t n) {
  PyListObject* l = asCList(o);
  if (n <= l->allocated) return;
  auto** items = static_cast<PyObject**>(std::realloc(l->ob_item, n * sizeof(PyObject*)));
  if (items == nullptr) {
    std::fprintf(stderr, "tern: cpyext: out of memory growing a list's ob_item\n");
    std::abort();
  }
  for (Py_ssize_t i = l->allocated; i < n; ++i) items[i] = nullptr;
  l->ob_item = items;
  l->allocated = n;
}

bool isCList(PyObject* o) { return o != nullptr && PyList_Check(o); }

// ---------------------------------------------------------------------------
// C storage: the hooks runtime/objects/list.h reaches a list's items through.
// `c` is the list's proxy.  Slots at index >= ob_size are not owned (Cython's
// fast pop hands the last reference over by shrinking ob_size alone).

int64_t storageLength(void* c) { return Py_SIZE(static_cast<PyObject*>(c)); }

Value storageItem(void* c, int64_t i) {
  PyObject* item = asCList(c)->ob_item[i];
  return item == nullptr ? None() : fromC(item);
}

void storageSetItem(void* c, int64_t i, Value v) {
  PyObject* fresh = toNew(v);
  PyObject* old = asCList(c)->ob_item[i];
  asCList(c)->ob_item[i] = fresh;
  Py_XDECREF(old);
}

bool storageAppend(void* c, Value v) {
  auto* o = static_cast<PyObject*>(c);
  Py_ssize_t n = Py_SIZE(o);
  if (n >= asCList(c)->allocated) setCapacity(o, n + (n >> 3) + (n < 9 ? 3 : 6) + 1);  // CPython's growth
  asCList(c)->ob_item[n] = toNew(v);
  Py_SET_SIZE(reinterpret_cast<PyVarObject*>(o), n + 1);
  return true;
}

void storageTruncate(void* c, int64_t n) {
  auto* o = static_cast<PyObject*>(c);
  PyListObject* l = asCList(c);
  Py_ssize_t size = Py_SIZE(o);
  Py_SET_SIZE(reinterpret_cast<PyVarObject*>(o), n);
  // Cleared before the references go: a deallocator may look at the list.
  for (Py_ssize_t i = n; i < size; ++i) {
    PyObject* old = l->ob_item[i];
    l->ob_item[i] = nullptr;
    Py_XDECREF(old);
  }
}

// Makes ob_item hold the items of `v` (on heap storage), keeping the proxies
// of items that did not change.
void assignFromRuntime(void* c, Value v) {
  auto* o = static_cast<PyObject*>(c);
  int64_t n = listLength(v);
  setCapacity(o, n);
  PyListObject* l = asCList(c);
  Py_ssize_t size = Py_SIZE(o);
  for (int64_t i = 0; i < n; ++i) {
    Value item = listItem(v, i);
    PyObject* old = i < size ? l->ob_item[i] : nullptr;
    if (old != nullptr && fromC(old) == item) continue;
    l->ob_item[i] = toNew(item);
    Py_XDECREF(old);
  }
  if (n < size) {
    storageTruncate(c, n);
  } else {
    Py_SET_SIZE(reinterpret_cast<PyVarObject*>(o), n);
  }
}

// The collector's view of the items: each proxy's link word (rewritten when
// the item moves), as a C object's tp_traverse is followed (objimpl.cc).
void storageTrace(void* c, gc::SlotVisitor& visitor) {
  auto* o = static_cast<PyObject*>(c);
  for (Py_ssize_t i = 0; i < Py_SIZE(o); ++i) {
    PyObject* item = asCList(c)->ob_item[i];
    if (item == nullptr) continue;
    if (arenaContains(item)) {
      visitor.visit(&prefixOf(item)->link.target);
    } else if (Value* slot = staticLinkSlot(item)) {
      visitor.visit(slot);
    }
  }
}

// The list's proxy, if the list may move onto it now.
PyObject* storageProxyOf(Value v) {
  gc::ExternalLink* link = gc::findExternal(v.asObject());
  if (link == nullptr) return nullptr;
  ProxyPrefix* prefix = prefixOfLink(link);
  return prefix->kind == ProxyKind::kList ? objectOf(prefix) : nullptr;
}

void storageHeapReleased(Value v) {
  if (asList(v)->c_storage != nullptr) return;
  PyObject* o = storageProxyOf(v);
  if (o == nullptr) return;
  assignFromRuntime(o, v);
  listUseCStorage(v, o);
}

const ListCStorageHooks kStorageHooks = {
    .length = storageLength,
    .item = storageItem,
    .set_item = storageSetItem,
    .append = storageAppend,
    .truncate = storageTruncate,
    .assign = assignFromRuntime,
    .trace = storageTrace,
    .heap_released = storageHeapReleased,
};

void installStorageHooks() {
  if (g_list_c_hooks == nullptr) setListCStorageHooks(&kStorageHooks);
}

}  // namespace

PyObject* newListProxy(Value v) {
  installStorageHooks();
  PyObject* o = allocProxy(ProxyKind::kList, sizeof(PyListObject), typeProxy(typeOf(v)));
  linkProxy(o, v);
  assignFromRuntime(o, v);
  // An operation in progress on the list's heap storage moves it when it ends.
  if (listMayUseCStorage(v)) listUseCStorage(v, o);
  return o;
}

Value realiseList(PyObject* o) {
  ProxyPrefix* prefix = prefixOf(o);
  if (!(prefix->flags & proxy_flags::kFilling)) return prefix->link.target;
  installStorageHooks();
  for (Py_ssize_t i = 0; i < Py_SIZE(o); ++i) {
    if (asCList(o)->ob_item[i] == nullptr) asCList(o)->ob_item[i] = Py_NewRef(Py_None);
  }
  Value l = newList(0);
  prefix->flags &= ~proxy_flags::kFilling;
  linkProxy(o, l);
  listUseCStorage(l, o);  // a new list: no operation can be working on it
  return l;
}

bool leaveListProxy(PyObject* o) {
  Value v = prefixOf(o)->link.target;
  if (asList(v)->c_storage != o) return false;  // on heap storage for an operation
  return listLeaveCStorage(v);
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
  // ob_item is the list's storage, also once it crossed over; but while a
  // runtime operation has the items on heap storage, that is the list.
  if (!(prefixOf(o)->flags & proxy_flags::kFilling)) {
    Value l = fromC(o);
    if (asList(l)->c_storage != o && i < listLength(l)) listSetItem(l, i, fromC(item));
  }
  PyObject* old = asCList(o)->ob_item[i];
  asCList(o)->ob_item[i] = item;
  Py_XDECREF(old);
  return 0;
}

int PyList_Append(PyObject* o, PyObject* item) {
  if (item == nullptr) return badInternalCall("PyList_Append"), -1;
  Value l = runtimeList(o, "PyList_Append");
  if (l.isNull()) return -1;
  return listAppend(l, fromC(item)) ? 0 : -1;
}

int PyList_Insert(PyObject* o, Py_ssize_t where, PyObject* item) {
  if (item == nullptr) return badInternalCall("PyList_Insert"), -1;
  Value l = runtimeList(o, "PyList_Insert");
  if (l.isNull()) return -1;
  Value args[2] = {newInt(where), fromC(item)};
  return callMethod(l, internStr("insert"), args, 2).isNull() ? -1 : 0;
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
  return items == nullptr ? delItem(l, slice) : setItem(l, slice, fromC(items));
}

int PyList_Sort(PyObject* o) {
  Value l = runtimeList(o, "PyList_Sort");
  return l.isNull() || callMethod(l, internStr("sort"), nullptr, 0).isNull() ? -1 : 0;
}

int PyList_Reverse(PyObject* o) {
  Value l = runtimeList(o, "PyList_Reverse");
  return l.isNull() || callMethod(l, internStr("reverse"), nullptr, 0).isNull() ? -1 : 0;
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
  Py_RETURN_NONE;
}

}  // extern "C"
