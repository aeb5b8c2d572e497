// Private to bytes.cc / bytearray.cc / bytes_methods.cc: the methods bytes
// and bytearray share (CPython's bytes_methods.c).  Each works for either
// type of `self` (args[0]) and returns an object of self's kind (bytes for
// bytes, bytearray for bytearray) where it returns a byte string.
#pragma once

#include <string>
#include <string_view>

#include "runtime/objects/object.h"

namespace tern {

namespace bytesimpl {

// A bytes-like argument, copied: TypeError "a bytes-like object is required,
// not 'str'".
bool bufferArg(Value v, std::string* out);
// find/count/index's `sub`: an int in range(256) or a bytes-like object.
bool subArg(Value v, std::string* out);
// A new object of self's kind holding `data` (not heap memory).
Value makeLike(Value self, std::string_view data);
// The contents of self (bytes or bytearray), copied.
std::string selfCopy(Value self);
// repr of bytes data with CPython's quoting: b'...'.  bytearray's repr
// escapes a single quote even inside double quotes.
std::string reprBody(std::string_view data, bool always_escape_single = false);
// Under -b (sys.flags.bytes_warning): the BytesWarning of == and != between
// a `type_name` object and a str (or an int, `with_int`), always false and
// likely a mistake, and that of str() on one.  False with the warning
// raised as an error.
bool warnComparison(Value a, Value b, int op, const char* type_name, bool with_int);
bool warnStr(const char* type_name);

}  // namespace bytesimpl

#define TERN_BYTES_METHOD(name) Value bytes_##name(Value* args);
TERN_BYTES_METHOD(capitalize)
TERN_BYTES_METHOD(center)
TERN_BYTES_METHOD(count)
TERN_BYTES_METHOD(decode)
TERN_BYTES_METHOD(endswith)
TERN_BYTES_METHOD(expandtabs)
TERN_BYTES_METHOD(find)
TERN_BYTES_METHOD(fromhex)
TERN_BYTES_METHOD(hex)
TERN_BYTES_METHOD(index)
TERN_BYTES_METHOD(isalnum)
TERN_BYTES_METHOD(isalpha)
TERN_BYTES_METHOD(isascii)
TERN_BYTES_METHOD(isdigit)
TERN_BYTES_METHOD(islower)
TERN_BYTES_METHOD(isspace)
TERN_BYTES_METHOD(istitle)
TERN_BYTES_METHOD(isupper)
TERN_BYTES_METHOD(join)
TERN_BYTES_METHOD(ljust)
TERN_BYTES_METHOD(lower)
TERN_BYTES_METHOD(lstrip)
TERN_BYTES_METHOD(maketrans)
TERN_BYTES_METHOD(partition)
TERN_BYTES_METHOD(removeprefix)
TERN_BYTES_METHOD(removesuffix)
TERN_BYTES_METHOD(replace)
TERN_BYTES_METHOD(rfind)
TERN_BYTES_METHOD(rindex)
TERN_BYTES_METHOD(rjust)
TERN_BYTES_METHOD(rpartition)
TERN_BYTES_METHOD(rsplit)
TERN_BYTES_METHOD(rstrip)
TERN_BYTES_METHOD(split)
TERN_BYTES_METHOD(splitlines)
TERN_BYTES_METHOD(startswith)
TERN_BYTES_METHOD(strip)
TERN_BYTES_METHOD(swapcase)
TERN_BYTES_METHOD(title)
TERN_BYTES_METHOD(translate)
TERN_BYTES_METHOD(upper)
TERN_BYTES_METHOD(zfill)
#undef TERN_BYTES_METHOD

// `sub in self` for bytes and bytearray (sq_contains).
int bytesContains(Value self, Value item);

}  // namespace tern
