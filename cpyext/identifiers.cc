// cpyext: the _Py_Identifier forms of the attribute and dict API
// (_PyObject_GetAttrId, _PyDict_SetItemId, ...), which CPython's own modules
// use with names declared by _Py_IDENTIFIER.  Each is the str-keyed
// function applied to the identifier's interned str (_PyUnicode_FromId,
// unicodeobject.cc), with that function's results and errors.
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/objects/type.h"

using namespace tern;
using namespace tern::cpyext;

extern "C" {

// A special method as the interpreter finds it: on the type (not the
// instance), bound by its descriptor; null without an exception when absent.
PyObject* _PyObject_LookupSpecialId(PyObject* self, _Py_Identifier* attrid) {
  PyObject* name = _PyUnicode_FromId(attrid);  // borrowed
  if (name == nullptr) return nullptr;
  Value obj = fromC(self);
  Type* t = typeOf(obj);
  Value found = typeLookup(t, fromC(name));
  if (found.isNull()) return nullptr;
  DescrGetFn get = typeOf(found)->slots.tp_descr_get;
  return returnNew(get == nullptr ? found : get(found, obj, typeValue(t)));
}

PyObject* _PyObject_GetAttrId(PyObject* o, _Py_Identifier* name) {
  PyObject* key = _PyUnicode_FromId(name);
  return key == nullptr ? nullptr : PyObject_GetAttr(o, key);
}

int _PyObject_SetAttrId(PyObject* o, _Py_Identifier* name, PyObject* value) {
  PyObject* key = _PyUnicode_FromId(name);
  return key == nullptr ? -1 : PyObject_SetAttr(o, key, value);
}

int _PyObject_LookupAttrId(PyObject* o, _Py_Identifier* name, PyObject** result) {
  PyObject* key = _PyUnicode_FromId(name);
  if (key == nullptr) {
    *result = nullptr;
    return -1;
  }
  return _PyObject_LookupAttr(o, key, result);
}

PyObject* _PyDict_GetItemIdWithError(PyObject* dp, _Py_Identifier* key) {
  PyObject* k = _PyUnicode_FromId(key);
  return k == nullptr ? nullptr : PyDict_GetItemWithError(dp, k);
}

// Without an error: a failure to make the key is swallowed, as for
// PyDict_GetItem.
Py_EXPORTED_SYMBOL PyObject* _PyDict_GetItemId(PyObject* dp, _Py_Identifier* key) {
  PyObject* k = _PyUnicode_FromId(key);
  if (k == nullptr) {
    PyErr_Clear();
    return nullptr;
  }
  return PyDict_GetItem(dp, k);
}

int _PyDict_SetItemId(PyObject* dp, _Py_Identifier* key, PyObject* item) {
  PyObject* k = _PyUnicode_FromId(key);
  return k == nullptr ? -1 : PyDict_SetItem(dp, k, item);
}

int _PyDict_DelItemId(PyObject* dp, _Py_Identifier* key) {
  PyObject* k = _PyUnicode_FromId(key);
  return k == nullptr ? -1 : PyDict_DelItem(dp, k);
}

int _PyDict_ContainsId(PyObject* dp, _Py_Identifier* key) {
  PyObject* k = _PyUnicode_FromId(key);
  return k == nullptr ? -1 : PyDict_Contains(dp, k);
}

}  // extern "C"
