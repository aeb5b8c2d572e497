// The two iterators the C API makes (CPython's Objects/iterobject.c): over a
// sequence's __getitem__, and over a callable until a sentinel.
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/objects/abstract.h"

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PySeqIter_New(PyObject* seq) {
  if (seq == nullptr || !PySequence_Check(seq)) return badInternalCall("PySeqIter_New");
  return returnNew(newSeqIterator(fromC(seq)));
}

PyObject* PyCallIter_New(PyObject* callable, PyObject* sentinel) {
  if (callable == nullptr || sentinel == nullptr) return badInternalCall("PyCallIter_New");
  return returnNew(newCallableIterator(fromC(callable), fromC(sentinel)));
}

}  // extern "C"
