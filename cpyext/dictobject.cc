// dict across the boundary: plain proxies laid out as PyDictObject, whose
// ma_used (PyDict_GET_SIZE) is brought up to date whenever C obtains a
// reference and after every change made through this API; and the PyDict_*
// API over the runtime dict.  Items handed out borrowed (PyDict_GetItem,
// PyDict_Next) stay valid while the dict holds them, as in CPython.
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

bool isCDict(PyObject* o) { return o != nullptr && PyDict_Check(o); }

void syncUsed(PyObject* d, Value dict) { reinterpret_cast<PyDictObject*>(d)->ma_used = dictSize(dict); }

// dict[key] without raising for a missing key; null and no error when absent.
Value lookup(PyObject* d, Value key) { return dictGet(fromC(d), key); }

}  // namespace

namespace tern::cpyext {

// Every proxy'd dict's change (runtime/objects/dict.h's watcher): ma_used for
// PyDict_GET_SIZE and a new ma_version_tag, which Cython compares to cache
// module globals.
uint64_t g_dict_version = 0;

void dictChanged(DictObj* d) {
  gc::ExternalLink* link = gc::findExternal(d);
  if (link == nullptr) return;
  ProxyPrefix* prefix = prefixOfLink(link);
  if (prefix->kind == ProxyKind::kStatic) return;
  auto* o = reinterpret_cast<PyDictObject*>(objectOf(prefix));
  o->ma_used = d->used;
  o->ma_version_tag = ++g_dict_version;
  if (prefix->marks & proxy_marks::kTypeDict) foreignTypeDictChanged(reinterpret_cast<PyObject*>(o));
}

}  // namespace tern::cpyext

extern "C" {

PyObject* PyDict_New(void) { return returnNew(newDict()); }

Py_ssize_t PyDict_Size(PyObject* d) {
  if (!isCDict(d)) return badInternalCall("PyDict_Size"), -1;
  return dictSize(fromC(d));
}

int PyDict_SetItem(PyObject* d, PyObject* key, PyObject* value) {
  if (!isCDict(d) || key == nullptr || value == nullptr) return badInternalCall("PyDict_SetItem"), -1;
  Value dict = fromC(d);
  int r = dictSet(dict, fromC(key), fromC(value));
  syncUsed(d, dict);
  return r;
}

int PyDict_SetItemString(PyObject* d, const char* key, PyObject* value) {
  if (!isCDict(d) || value == nullptr) return badInternalCall("PyDict_SetItemString"), -1;
  Value k = internStr(key);
  if (k.isNull()) return -1;
  Value dict = fromC(d);
  int r = dictSet(dict, k, fromC(value));
  syncUsed(d, dict);
  return r;
}

PyObject* PyDict_GetItemWithError(PyObject* d, PyObject* key) {
  if (!isCDict(d)) return badInternalCall("PyDict_GetItemWithError");
  Value v = lookup(d, fromC(key));
  return v.isNull() ? nullptr : toBorrowed(d, v);
}

PyObject* PyDict_GetItem(PyObject* d, PyObject* key) {
  if (!isCDict(d)) return nullptr;
  // Errors are swallowed, and an exception already pending survives.
  Value pending = takeError();
  Value v = lookup(d, fromC(key));
  clearError();
  if (!pending.isNull()) restoreError(pending);
  return v.isNull() ? nullptr : toBorrowed(d, v);
}

PyObject* PyDict_GetItemString(PyObject* d, const char* key) {
  Value k = newStr(key);
  if (k.isNull()) {
    clearError();
    return nullptr;
  }
  PyObject* pk = toNew(k);
  PyObject* r = PyDict_GetItem(d, pk);
  Py_DECREF(pk);
  return r;
}

PyObject* _PyDict_GetItemStringWithError(PyObject* d, const char* key) {
  Value k = newStr(key);
  if (k.isNull()) return nullptr;
  Value v = lookup(d, k);
  return v.isNull() ? nullptr : toBorrowed(d, v);
}

int PyDict_DelItem(PyObject* d, PyObject* key) {
  if (!isCDict(d)) return badInternalCall("PyDict_DelItem"), -1;
  Value dict = fromC(d);
  int r = dictDel(dict, fromC(key));
  syncUsed(d, dict);
  if (r == 0) raiseKeyError(fromC(key));
  return r > 0 ? 0 : -1;
}

int PyDict_DelItemString(PyObject* d, const char* key) {
  PyObject* k = PyUnicode_FromString(key);
  if (k == nullptr) return -1;
  int r = PyDict_DelItem(d, k);
  Py_DECREF(k);
  return r;
}

int PyDict_Contains(PyObject* d, PyObject* key) {
  if (!isCDict(d)) return badInternalCall("PyDict_Contains"), -1;
  return dictContains(fromC(d), fromC(key));
}

void PyDict_Clear(PyObject* d) {
  if (!isCDict(d)) return;
  Value dict = fromC(d);
  dictClear(dict);
  syncUsed(d, dict);
}

int PyDict_Next(PyObject* d, Py_ssize_t* pos, PyObject** key, PyObject** value) {
  if (!isCDict(d)) return 0;
  int64_t p = *pos;
  Value k, v;
  if (!dictNext(fromC(d), &p, &k, &v)) return 0;
  *pos = p;
  if (key != nullptr) *key = toBorrowed(d, k);
  if (value != nullptr) *value = toBorrowed(d, v);
  return 1;
}

PyObject* PyDict_Keys(PyObject* d) {
  if (!isCDict(d)) return badInternalCall("PyDict_Keys");
  return returnNew(dictKeysList(fromC(d)));
}

PyObject* PyDict_Values(PyObject* d) {
  if (!isCDict(d)) return badInternalCall("PyDict_Values");
  return returnNew(listFromIterable(callMethod(fromC(d), internStr("values"), nullptr, 0)));
}

PyObject* PyDict_Items(PyObject* d) {
  if (!isCDict(d)) return badInternalCall("PyDict_Items");
  Value items = callMethod(fromC(d), internStr("items"), nullptr, 0);
  return items.isNull() ? nullptr : returnNew(listFromIterable(items));
}

PyObject* PyDict_Copy(PyObject* d) {
  if (!isCDict(d)) return badInternalCall("PyDict_Copy");
  return returnNew(dictCopy(fromC(d)));
}

int PyDict_Update(PyObject* d, PyObject* other) {
  if (!isCDict(d)) return badInternalCall("PyDict_Update"), -1;
  Value dict = fromC(d);
  int r = dictUpdate(dict, fromC(other));
  syncUsed(d, dict);
  return r;
}

int PyDict_Merge(PyObject* d, PyObject* other, int override) {
  if (!isCDict(d)) return badInternalCall("PyDict_Merge"), -1;
  Value dict = fromC(d);
  if (override != 0) {
    int r = dictMerge(dict, fromC(other), true);
    syncUsed(d, dict);
    return r;
  }
  // Keys already present keep their values (the runtime's merge would raise).
  Value src = fromC(other);
  Value keys = getIter(callMethod(src, internStr("keys"), nullptr, 0));
  if (keys.isNull()) return -1;
  while (true) {
    Value k = iterNext(keys);
    if (k.isNull()) break;
    int has = dictContains(dict, k);
    if (has < 0) return -1;
    if (has) continue;
    Value v = getItem(src, k);
    if (v.isNull() || dictSet(dict, k, v) < 0) return -1;
  }
  syncUsed(d, dict);
  return errorPending() ? -1 : 0;
}

PyObject* PyDict_SetDefault(PyObject* d, PyObject* key, PyObject* deflt) {
  if (!isCDict(d)) return badInternalCall("PyDict_SetDefault");
  Value dict = fromC(d);
  Value v = dictGet(dict, fromC(key));
  if (v.isNull()) {
    if (errorPending() || dictSet(dict, fromC(key), fromC(deflt)) < 0) return nullptr;
    syncUsed(d, dict);
    v = fromC(deflt);
  }
  return toBorrowed(d, v);
}

PyObject* PyDictProxy_New(PyObject* mapping) {
  PyObject* builtins = PyImport_ImportModule("types");
  if (builtins == nullptr) return nullptr;
  PyObject* proxy_type = PyObject_GetAttrString(builtins, "MappingProxyType");
  Py_DECREF(builtins);
  if (proxy_type == nullptr) return nullptr;
  PyObject* r = PyObject_CallOneArg(proxy_type, mapping);
  Py_DECREF(proxy_type);
  return r;
}

// --- the known-hash entry points (the hash is recomputed: Tern's dict
// caches its keys' hashes itself) and the rest CPython's dictobject.c exports.

PyObject* _PyDict_GetItem_KnownHash(PyObject* d, PyObject* key, Py_hash_t) {
  if (!isCDict(d)) return badInternalCall("_PyDict_GetItem_KnownHash");
  Value v = lookup(d, fromC(key));
  return v.isNull() ? nullptr : toBorrowed(d, v);
}

PyObject* _PyDict_GetItemWithError(PyObject* d, PyObject* key) {
  if (!isCDict(d)) return badInternalCall("_PyDict_GetItemWithError");
  Value v = lookup(d, fromC(key));
  return v.isNull() ? nullptr : toBorrowed(d, v);
}

int _PyDict_SetItem_KnownHash(PyObject* d, PyObject* key, PyObject* value, Py_hash_t) {
  if (!isCDict(d) || key == nullptr || value == nullptr) return badInternalCall("_PyDict_SetItem_KnownHash"), -1;
  Value dict = fromC(d);
  int r = dictSet(dict, fromC(key), fromC(value));
  syncUsed(d, dict);
  return r;
}

int _PyDict_DelItem_KnownHash(PyObject* d, PyObject* key, Py_hash_t) {
  if (!isCDict(d)) return badInternalCall("_PyDict_DelItem_KnownHash"), -1;
  return PyDict_DelItem(d, key);
}

int _PyDict_Contains_KnownHash(PyObject* d, PyObject* key, Py_hash_t) {
  if (!isCDict(d)) return badInternalCall("_PyDict_Contains_KnownHash"), -1;
  return dictContains(fromC(d), fromC(key));
}

PyObject* _PyDict_NewPresized(Py_ssize_t) { return returnNew(newDict()); }

int PyDict_MergeFromSeq2(PyObject* d, PyObject* seq2, int override) {
  if (!isCDict(d) || seq2 == nullptr) return badInternalCall("PyDict_MergeFromSeq2"), -1;
  Value dict = fromC(d);
  Value it = getIter(fromC(seq2));
  if (it.isNull()) return -1;
  int r = 0;
  for (Py_ssize_t i = 0;; ++i) {
    Value item = iterNext(it);
    if (item.isNull()) {
      if (errorPending()) r = -1;
      break;
    }
    // Each element must be a sequence of exactly two: key and value.
    PyObject* pitem = toNew(item);
    PyObject* fast = PySequence_Fast(pitem, "");
    Py_DECREF(pitem);
    if (fast == nullptr) {
      if (PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Format(PyExc_TypeError, "cannot convert dictionary update sequence element #%zd to a sequence", i);
      }
      r = -1;
      break;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    if (n != 2) {
      Py_DECREF(fast);
      PyErr_Format(PyExc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
      r = -1;
      break;
    }
    Value k = fromC(PySequence_Fast_GET_ITEM(fast, 0));
    Value v = fromC(PySequence_Fast_GET_ITEM(fast, 1));
    Py_DECREF(fast);
    int present = override ? 0 : dictContains(dict, k);
    if (present < 0 || (present == 0 && dictSet(dict, k, v) < 0)) {
      r = -1;
      break;
    }
  }
  syncUsed(d, dict);
  return r;
}

}  // extern "C"
