// set and frozenset across the boundary: plain proxies laid out as
// PySetObject whose `used` (PySet_GET_SIZE) is brought up to date whenever C
// obtains a reference and after every change made through this API (as
// dictobject.cc keeps ma_used); and the PySet_* API over the runtime set.
// The hash table fields stay an empty table: C reads sets through the API.
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/set.h"

namespace tern::cpyext {

void refreshSet(PyObject* o, Value v) {
  auto* s = reinterpret_cast<PySetObject*>(o);
  if (s->table == nullptr) {
    s->table = s->smalltable;
    s->mask = PySet_MINSIZE - 1;
    s->hash = -1;
  }
  s->used = setSize(v);
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

namespace {

bool isCAnySet(PyObject* o) { return o != nullptr && PyAnySet_Check(o); }
bool isCSet(PyObject* o) { return o != nullptr && PySet_Check(o); }

}  // namespace

extern "C" {

PyObject* PySet_New(PyObject* iterable) { return returnNew(newSet(fromCOrNull(iterable))); }

PyObject* PyFrozenSet_New(PyObject* iterable) { return returnNew(newFrozenSet(fromCOrNull(iterable))); }

Py_ssize_t PySet_Size(PyObject* anyset) {
  if (!isCAnySet(anyset)) return badInternalCall("PySet_Size"), -1;
  return setSize(fromC(anyset));
}

int PySet_Contains(PyObject* anyset, PyObject* key) {
  if (!isCAnySet(anyset)) return badInternalCall("PySet_Contains"), -1;
  return setContains(fromC(anyset), fromC(key));
}

int PySet_Add(PyObject* anyset, PyObject* key) {
  // A frozenset may be filled while C alone holds it (a new one).
  if (!isCSet(anyset) && (anyset == nullptr || !PyFrozenSet_Check(anyset) || Py_REFCNT(anyset) != 1)) {
    return badInternalCall("PySet_Add"), -1;
  }
  Value set = fromC(anyset);
  int r = setAdd(set, fromC(key));
  refreshSet(anyset, set);
  return r;
}

int PySet_Discard(PyObject* set, PyObject* key) {
  if (!isCSet(set)) return badInternalCall("PySet_Discard"), -1;
  Value s = fromC(set);
  int r = setDiscard(s, fromC(key));
  refreshSet(set, s);
  return r;
}

PyObject* PySet_Pop(PyObject* set) {
  if (!isCSet(set)) return badInternalCall("PySet_Pop");
  Value s = fromC(set);
  Value key = setPop(s);
  refreshSet(set, s);
  return returnNew(key);
}

int PySet_Clear(PyObject* set) {
  if (!isCSet(set)) return badInternalCall("PySet_Clear"), -1;
  Value s = fromC(set);
  setClear(s);
  refreshSet(set, s);
  return 0;
}

int _PySet_NextEntry(PyObject* set, Py_ssize_t* pos, PyObject** key, Py_hash_t* hash) {
  if (!isCAnySet(set)) return badInternalCall("_PySet_NextEntry"), -1;
  int64_t p = *pos;
  Value k;
  int64_t h = 0;
  if (!setNext(fromC(set), &p, &k, &h)) return 0;
  *pos = p;
  *key = toBorrowed(set, k);
  *hash = h;
  return 1;
}

int _PySet_Update(PyObject* set, PyObject* iterable) {
  if (!isCSet(set)) return badInternalCall("_PySet_Update"), -1;
  Value s = fromC(set);
  int r = setUpdate(s, fromC(iterable));
  refreshSet(set, s);
  return r;
}

}  // extern "C"
