// cell across the boundary: plain proxies laid out as PyCellObject whose
// ob_ref (PyCell_GET) is brought up to date whenever C obtains a reference
// and after PyCell_Set, as a borrowed reference the cell keeps valid; and
// the PyCell_* API over the runtime's cells (runtime/interp/function.h).
// PyCell_SET, the macro that writes ob_ref, is not seen by the runtime: C
// code must use PyCell_Set.
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/function.h"

namespace tern::cpyext {

namespace {

// The proxy: CPython's struct, then the tagged int ob_ref stands for (0 when
// it stands for none), so that a tagged int's proxy, which the cell keeps
// alive for good, is made once per value rather than per refresh.  A heap
// object's proxy is found again at no cost.
struct CellProxy {
  PyCellObject cell;
  uintptr_t small_int;
};

}  // namespace

size_t cellProxyBytes() { return sizeof(CellProxy); }

void refreshCell(PyObject* o, Value v) {
  auto* c = reinterpret_cast<CellProxy*>(o);
  Value contents = asCell(v)->contents.get();
  if (contents.isNull()) {
    c->cell.ob_ref = nullptr;
    c->small_int = 0;
  } else if (!contents.isSmallInt()) {
    c->cell.ob_ref = toBorrowed(o, contents);
    c->small_int = 0;
  } else if (c->small_int != contents.bits()) {
    c->cell.ob_ref = toBorrowed(o, contents);
    c->small_int = contents.bits();
  }
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

namespace {

bool isCCell(PyObject* o) { return o != nullptr && PyCell_Check(o); }

}  // namespace

extern "C" {

PyObject* PyCell_New(PyObject* contents) { return returnNew(newCell(fromCOrNull(contents))); }

PyObject* PyCell_Get(PyObject* cell) {
  if (!isCCell(cell)) return badInternalCall("PyCell_Get");
  Value contents = asCell(fromC(cell))->contents.get();
  return contents.isNull() ? nullptr : toNew(contents);
}

int PyCell_Set(PyObject* cell, PyObject* value) {
  if (!isCCell(cell)) return badInternalCall("PyCell_Set"), -1;
  Value c = fromC(cell);
  asCell(c)->contents.set(fromCOrNull(value));
  refreshCell(cell, c);
  return 0;
}

}  // extern "C"
