// Private to the str implementation: the methods of `str` that
// str_methods.cc implements and str.cc's method table lists.  Each takes the
// bound arguments of its signature (native.h), self first.
#pragma once

#include "runtime/objects/object.h"

namespace tern {

#define TERN_STR_METHOD(name) Value str_##name(Value* args);
TERN_STR_METHOD(capitalize)
TERN_STR_METHOD(casefold)
TERN_STR_METHOD(center)
TERN_STR_METHOD(count)
TERN_STR_METHOD(endswith)
TERN_STR_METHOD(expandtabs)
TERN_STR_METHOD(find)
TERN_STR_METHOD(index)
TERN_STR_METHOD(isalnum)
TERN_STR_METHOD(isalpha)
TERN_STR_METHOD(isascii)
TERN_STR_METHOD(isdecimal)
TERN_STR_METHOD(isdigit)
TERN_STR_METHOD(isidentifier)
TERN_STR_METHOD(islower)
TERN_STR_METHOD(isnumeric)
TERN_STR_METHOD(isprintable)
TERN_STR_METHOD(isspace)
TERN_STR_METHOD(istitle)
TERN_STR_METHOD(isupper)
TERN_STR_METHOD(ljust)
TERN_STR_METHOD(lower)
TERN_STR_METHOD(lstrip)
TERN_STR_METHOD(maketrans)
TERN_STR_METHOD(partition)
TERN_STR_METHOD(removeprefix)
TERN_STR_METHOD(removesuffix)
TERN_STR_METHOD(replace)
TERN_STR_METHOD(rfind)
TERN_STR_METHOD(rindex)
TERN_STR_METHOD(rjust)
TERN_STR_METHOD(rpartition)
TERN_STR_METHOD(rsplit)
TERN_STR_METHOD(rstrip)
TERN_STR_METHOD(split)
TERN_STR_METHOD(splitlines)
TERN_STR_METHOD(startswith)
TERN_STR_METHOD(strip)
TERN_STR_METHOD(swapcase)
TERN_STR_METHOD(title)
TERN_STR_METHOD(translate)
TERN_STR_METHOD(upper)
TERN_STR_METHOD(zfill)
#undef TERN_STR_METHOD

}  // namespace tern
