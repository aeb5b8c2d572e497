// types.GenericAlias from C (CPython's Objects/genericaliasobject.c): what
// __class_getitem__ of a C type returns for list[int]-style subscripts.
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/objects/genericalias.h"

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* Py_GenericAlias(PyObject* origin, PyObject* args) {
  if (origin == nullptr || args == nullptr) return badInternalCall("Py_GenericAlias");
  return returnNew(newGenericAlias(fromC(origin), fromC(args)));
}

}  // extern "C"
