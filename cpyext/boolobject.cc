// cpyext: the bool API.  True and False are the exported _Py_TrueStruct and
// _Py_FalseStruct, which the proxy core registers for the runtime's
// singletons.
#include "Python.h"

extern "C" {

PyObject* PyBool_FromLong(long v) {
  PyObject* r = v ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

}  // extern "C"
