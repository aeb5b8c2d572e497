/* Every C-API symbol real cp311 extensions import (cp311_symbols.inc,
 * generated from shared/abi/cp311-symbols-used.txt) must be declared by the
 * compat headers.  Taking each address is a compile-time check; this file
 * is only compiled, because libtern.so does not define all of them yet. */
/* Some of the symbols are deprecated; declaring them is still required. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wunused-variable"

#include "Python.h"
#include "datetime.h"
#include "frameobject.h"
#include "structmember.h"

#define TERN_ABI_FUNCTION(name) (const void *)&name,
#define TERN_ABI_DATA(name) (const void *)&name,

const void *const tern_cp311_symbols[] = {
#include "cp311_symbols.inc"
};
