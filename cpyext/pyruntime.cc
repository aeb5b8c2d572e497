// `_PyRuntime` (pyruntime.h): the small ints and the GIL holder's thread
// state where the modules built with CPython read them.
//
// Invariants:
//  - small_ints[i] is a PyLongObject of PyLong_Type holding -5 + i, outside
//    the proxy arena, from the start (constant-initialised: no C code can see
//    it unfilled).  It is the proxy of that tagged int for good: every
//    conversion of the value to C gives this object (taggedIntProxy), so `is`
//    holds across round trips as in CPython, and fromC() knows it by its
//    address (isSmallIntObject).  Its count never reaches zero (it starts at
//    2**30; a static object is never freed anyway).
//  - tstate_current is the PyThreadState of the thread holding the GIL
//    whenever C code can run (pystate.cc keeps it: trackGilHolder).
#include "cpyext/pyruntime.h"

#include "cpyext/pystate.h"

namespace tern::cpyext {

namespace {

constexpr PyRuntimeImage initialImage() {
  PyRuntimeImage image{};
  for (int64_t n = kSmallIntFirst; n <= kSmallIntLast; ++n) {
    PyLongObject& o = image.small_ints[n - kSmallIntFirst];
    o.ob_base.ob_base.ob_refcnt = Py_ssize_t{1} << 30;
    o.ob_base.ob_base.ob_type = &PyLong_Type;
    o.ob_base.ob_size = n < 0 ? -1 : n > 0 ? 1 : 0;
    o.ob_digit[0] = static_cast<digit>(n < 0 ? -n : n);
  }
  return image;
}

}  // namespace

}  // namespace tern::cpyext

extern "C" {

constinit tern::cpyext::PyRuntimeImage _PyRuntime = tern::cpyext::initialImage();

}  // extern "C"

namespace tern::cpyext {

void initializePyRuntime() {
  trackGilHolder();
  installBuiltinTypeMethods();
}

}  // namespace tern::cpyext
