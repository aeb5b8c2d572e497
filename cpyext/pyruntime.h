// CPython's runtime state `_PyRuntime` as the extensions built with CPython
// read it (pyruntime.cc; docs/cpyext.md, "CPython's private API").
//
// Debian's lib-dynload modules are compiled with Py_BUILD_CORE_MODULE, so
// CPython's internal inline functions read `_PyRuntime` as data at fixed
// offsets (CPython 3.11's pycore_runtime.h layout, x86-64):
//   - 576: gilstate.tstate_current, the PyThreadState* of the GIL holder
//     (_PyThreadState_GET());
//   - 680: global_objects.singletons.small_ints, the ints -5..256 as
//     PyLongObjects of 32 bytes each (_PyLong_GetZero(), _PyLong_GetOne(),
//     _PyLong_SMALL_INTS).
// Tern exports a zeroed block of CPython's size whose only live fields are
// those two.  Everything else stays zero: no module Tern loads reads it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "Python.h"

namespace tern::cpyext {

inline constexpr int64_t kSmallIntFirst = -5;  // _PY_NSMALLNEGINTS
inline constexpr int64_t kSmallIntLast = 256;  // _PY_NSMALLPOSINTS - 1
inline constexpr size_t kSmallIntCount = kSmallIntLast - kSmallIntFirst + 1;

struct PyRuntimeImage {
  char before_gilstate[576];
  PyThreadState* tstate_current;
  char before_small_ints[680 - 584];
  PyLongObject small_ints[kSmallIntCount];
  char rest[166688 - 680 - kSmallIntCount * 32];
};
static_assert(sizeof(PyLongObject) == 32);
static_assert(offsetof(PyRuntimeImage, tstate_current) == 576);
static_assert(offsetof(PyRuntimeImage, small_ints) == 680);
static_assert(sizeof(PyRuntimeImage) == 166688);

}  // namespace tern::cpyext

extern "C" {
PyAPI_DATA(tern::cpyext::PyRuntimeImage) _PyRuntime;
}

namespace tern::cpyext {

// The static PyLongObject of n, which must lie in -5..256: the proxy of
// tagged n for good.
inline PyObject* smallIntObject(int64_t n) {
  return reinterpret_cast<PyObject*>(&_PyRuntime.small_ints[n - kSmallIntFirst]);
}
// Whether o is one of those objects, and which value it holds.
inline bool isSmallIntObject(const PyObject* o, int64_t* n) {
  auto offset = reinterpret_cast<uintptr_t>(o) - reinterpret_cast<uintptr_t>(&_PyRuntime.small_ints[0]);
  if (offset >= sizeof(_PyRuntime.small_ints) || offset % sizeof(PyLongObject) != 0) return false;
  *n = static_cast<int64_t>(offset / sizeof(PyLongObject)) + kSmallIntFirst;
  return true;
}

// What CPython's own modules need set up once cpyext starts (from
// initializeCpyext): tstate_current kept up to date from now on
// (trackGilHolder), and the tp_methods they look up on the exported types
// (installBuiltinTypeMethods, pyruntime_typemethods.cc).
void initializePyRuntime();
void installBuiltinTypeMethods();

// Stores `tstate` as the GIL holder's thread state: called on the holder
// whenever the GIL or its thread state changes hands (pystate.cc).
inline void setCurrentThreadState(PyThreadState* tstate) { _PyRuntime.tstate_current = tstate; }

}  // namespace tern::cpyext
