// What C code's reference counts say about a runtime object, for
// sys.getrefcount (docs/differences.md, "sys.getrefcount").
#pragma once

#include <cstdint>

#include "runtime/gc/value.h"

namespace tern::cpyext {

// The ob_refcnt of the object's proxy: the references C code holds; 0 when
// C never saw the object (it has no proxy) or for a tagged small int.
int64_t proxyRefcount(Value v);

}  // namespace tern::cpyext
