// The exported type objects whose runtime types are not among types::*
// (builtin_exports.def): types of native modules (_contextvars, pickle), of
// the pure-Python collections.OrderedDict, and the str_iterator of non-ASCII
// strs.  initializeResolvedExports() finds each runtime type when cpyext
// starts and registers the symbol as its proxy, so `Py_TYPE(o) == &X_Type`
// holds for C as in CPython.  CPython types Tern has no counterpart for
// (builtin_method, odict_iterator) get a runtime type of that name which
// nothing instantiates: an extension naming one loads, and its checks are
// false.  PyStdPrinter_Type is a static C type (stdprinter.cc).
#include <string_view>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_pickle.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"

extern "C" {

PyTypeObject PyUnicodeIter_Type = {};
PyTypeObject PyContext_Type = {};
PyTypeObject PyContextVar_Type = {};
PyTypeObject PyContextToken_Type = {};
PyTypeObject PyPickleBuffer_Type = {};
PyTypeObject PyODict_Type = {};
PyTypeObject PyODictKeys_Type = {};
PyTypeObject PyODictValues_Type = {};
PyTypeObject PyODictItems_Type = {};
PyTypeObject PyODictIter_Type = {};
PyTypeObject PyCMethod_Type = {};

}  // extern "C"

namespace tern::cpyext {

bool initializeStdPrinter();  // stdprinter.cc

namespace {

// A runtime type nothing instantiates, named as CPython's: what C sees for
// a CPython type Tern has no objects of.
Type* typeWithoutInstances(const char* name, Type** base) {
  auto* spec = new TypeSpec();
  spec->name = name;
  spec->type = new Type*(nullptr);
  spec->base = base;
  return readyBuiltinType(spec);
}

// `module.name`, a type; null (nothing pending) when the module does not
// import or lacks it.  Read on the runtime's side: C must not have seen the
// type yet (its symbol becomes its one proxy).
Type* typeFromModule(const char* module, const char* name) {
  PyObject* m = PyImport_ImportModule(module);
  Value t = m == nullptr ? Value() : getAttr(fromC(m), internStr(name));
  Py_XDECREF(m);
  clearError();
  return !t.isNull() && hasTypeFlag(t, type_flags::kTypeSubclass) ? static_cast<Type*>(t.asObject()) : nullptr;
}

void exportType(PyTypeObject* symbol, Type* type, Py_ssize_t basicsize) {
  registerStatic(reinterpret_cast<PyObject*>(symbol), typeValue(type));
  fillTypeObject(symbol, type, basicsize, 0);
  // The symbol is a PyTypeObject, without the PyHeapTypeObject fields a
  // heap type flag would promise (OrderedDict is a class made in Python).
  symbol->tp_flags &= ~Py_TPFLAGS_HEAPTYPE;
  symbol->tp_flags |= Py_TPFLAGS_READY;
}

// A module's type, or one of that name without instances when the module
// cannot give it (it failed to import while cpyext started).
void exportModuleType(PyTypeObject* symbol, const char* module, const char* name, const char* fallback_name,
                      Type** fallback_base, Py_ssize_t basicsize) {
  Type* t = typeFromModule(module, name);
  exportType(symbol, t != nullptr ? t : typeWithoutInstances(fallback_name, fallback_base), basicsize);
}

}  // namespace

// The sizes are CPython 3.11's tp_basicsize on x86-64.
void initializeResolvedExports() {
  exportType(&PyUnicodeIter_Type, typeOf(getIter(newStr("\xc3\xa9"))), 32);
  exportModuleType(&PyContext_Type, "_contextvars", "Context", "Context", nullptr, 48);
  exportModuleType(&PyContextVar_Type, "_contextvars", "ContextVar", "ContextVar", nullptr, 64);
  exportModuleType(&PyContextToken_Type, "_contextvars", "Token", "Token", nullptr, 48);
  exportType(&PyPickleBuffer_Type, pickle::g_pickle_buffer_type, 104);
  exportModuleType(&PyODict_Type, "collections", "OrderedDict", "OrderedDict", &types::dict_type, 112);
  exportModuleType(&PyODictKeys_Type, "collections", "_OrderedDictKeysView", "odict_keys", &types::dict_keys_type, 24);
  exportModuleType(&PyODictValues_Type, "collections", "_OrderedDictValuesView", "odict_values",
                   &types::dict_values_type, 24);
  exportModuleType(&PyODictItems_Type, "collections", "_OrderedDictItemsView", "odict_items", &types::dict_items_type,
                   24);
  // OrderedDict's iterators are generators here (its __iter__ is Python).
  exportType(&PyODictIter_Type, typeWithoutInstances("odict_iterator", nullptr), 64);
  // A METH_METHOD function is a plain builtin_function_or_method here.
  exportType(&PyCMethod_Type, typeWithoutInstances("builtin_method", &types::builtin_function_type), 64);
  if (!initializeStdPrinter()) Py_FatalError("cpyext: cannot ready PyStdPrinter_Type");
}

}  // namespace tern::cpyext
