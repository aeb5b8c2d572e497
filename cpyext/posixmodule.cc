// cpyext: PyOS_FSPath (CPython's Modules/posixmodule.c): os.fspath() for C.
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/modules/posix_internal.h"

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyOS_FSPath(PyObject* path) {
  if (path == nullptr) return badInternalCall("PyOS_FSPath");
  return returnNew(posix::fspath(fromC(path)));
}

}  // extern "C"
