// Prints, for every symbol of cp311_symbols.inc (what real extensions
// import) and cp311_api.inc (everything both header sets declare), the C++
// type of its address as the compiler sees it (typeid names are mangled
// types: return and parameter types, struct tags, const-ness).  Built twice,
// against the compat headers and against CPython 3.11's own, the two outputs
// must be identical: the declarations then have CPython's exact signatures.
#define PY_SSIZE_T_CLEAN
/* Some of the symbols are deprecated; declaring them is still required. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wunused-variable"

#include "Python.h"
#include "datetime.h"
#include "frameobject.h"
#include "marshal.h"
#include "structmember.h"

#include <cstdio>
#include <typeinfo>

#define TERN_ABI_PRINT(sym)                                                   \
    std::printf("%s %s\n", #sym, typeid(decltype(&sym)).name());
#define TERN_ABI_FUNCTION(sym) TERN_ABI_PRINT(sym)
#define TERN_ABI_DATA(sym) TERN_ABI_PRINT(sym)

int main() {
#include "cp311_symbols.inc"
#include "cp311_api.inc"
    return 0;
}
