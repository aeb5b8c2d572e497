// _PyNamespace_New: a types.SimpleNamespace made from C.  CPython keeps the
// function in its internal headers, yet extensions built for it call it
// (Debian's _testmultiphase makes its non-module "module" with it); the
// compat headers declare it in internal/pycore_namespace.h.
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/str.h"

using namespace tern;
using namespace tern::cpyext;

extern "C" {

// A new namespace whose attributes are the items of `kwds` (a mapping; NULL
// for none), as SimpleNamespace(**kwds) would have them but without checking
// that the keys are str: CPython merges the mapping into the __dict__ as is.
PyAPI_FUNC(PyObject*) _PyNamespace_New(PyObject* kwds) {
  Value ns = call0(typeValue(types::namespace_type));
  if (ns.isNull()) return nullptr;
  if (kwds != nullptr) {
    Value dict = getAttr(ns, internStr("__dict__"));
    if (dict.isNull() || dictUpdate(dict, fromC(kwds)) < 0) return nullptr;
  }
  return toNew(ns);
}

}  // extern "C"
