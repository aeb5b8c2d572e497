// cpyext: PyOS_FSPath (CPython's Modules/posixmodule.c): os.fspath() for C;
// the fork hooks C runs around its own fork() (os.register_at_fork's callbacks).
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

void PyOS_BeforeFork(void) { posix::runBeforeForkCallbacks(); }
void PyOS_AfterFork_Parent(void) { posix::runAfterForkParentCallbacks(); }
void PyOS_AfterFork_Child(void) { posix::runAfterForkChildCallbacks(); }
// Deprecated since 3.7: the child's half.
void PyOS_AfterFork(void) { PyOS_AfterFork_Child(); }

}  // extern "C"
