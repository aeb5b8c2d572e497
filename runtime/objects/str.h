// str: immutable Unicode strings in PEP 393 form (docs/architecture.md).
//
// Layout: StrObj header, then `length` code units of `kind` bytes each
// (1: Latin-1, 2: UCS-2, 4: UCS-4) and one zero code unit after them.
// Invariants: the kind is the smallest that holds the largest code point
// (pep393.h's kind_for), so two equal strings have the same kind and equal
// bytes; `ascii` is set iff every code point is < 128; `hash` is -1 until
// first computed (then CPython's SipHash value for the code units, which
// hash.h computes); interned strings are allocated old and never move.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/objects/object.h"
#include "runtime/objects/pep393.h"

namespace tern {

struct StrObj : Obj {
  int64_t length;      // in code points
  int64_t hash;        // -1 until computed
  uint8_t kind;        // 1, 2 or 4
  uint8_t ascii;       // every code point < 128
  uint8_t interned;    // in the intern table (and never moves)
  uint8_t pad[5];
  // code units follow

  void* data() { return reinterpret_cast<char*>(this) + sizeof(StrObj); }
  const void* data() const { return reinterpret_cast<const char*>(this) + sizeof(StrObj); }
  char32_t at(int64_t i) const { return objects::code_unit_at(data(), static_cast<objects::StrKind>(kind), static_cast<size_t>(i)); }
};

inline StrObj* asStr(Value v) { return static_cast<StrObj*>(v.asObject()); }
inline bool isStr(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kStrSubclass); }
inline bool isExactStr(Value v) { return !v.isSmallInt() && typeOf(v) == types::str_type; }

// A new str from (generalized) UTF-8: lone surrogates arrive as their 3-byte
// forms, as the compiler keeps them.  Precondition: `utf8` is well formed.
Value newStr(std::string_view utf8);
// newStr of text known to be ASCII (every byte < 128), without scanning it.
Value newAsciiStr(std::string_view ascii);
// Decodes bytes that may not be valid UTF-8 (a source line quoted in a
// SyntaxError, OS data): bytes.decode('utf-8', 'replace').
Value newStrReplacingInvalid(std::string_view bytes);
// A new str of `n` code units of `kind`, copied from `units` (which must not
// point into the heap: the allocation may move it) and narrowed to the
// smallest kind that fits.
Value newStrFromUnits(int kind, const void* units, int64_t n);
// One code point; the 256 Latin-1 ones are cached.
Value strFromCodePoint(char32_t c);
// An uninitialised str of `n` code units of `kind` for the caller to fill
// before anyone sees it; the caller must respect the kind invariant above.
StrObj* allocStr(int kind, int64_t n, bool ascii);
// allocStr for a length Python code chose ('x' * n, sep.join(...)): null
// with MemoryError when the heap has no room (tryNewObject).
StrObj* tryAllocStr(int kind, int64_t n, bool ascii);

// The interned str equal to `utf8`: allocated old, never moves, equal
// strings are the same object.
Value internStr(std::string_view utf8);
// internStr of text known to be ASCII (every byte < 128).
Value internAscii(std::string_view ascii);
// Interns a str: returns the interned object equal to it (`s` itself if it
// was not interned yet and is old; a copy otherwise).
Value intern(Value s);

std::string strToUtf8(Value s);  // generalized UTF-8 (surrogates as 3-byte forms)
bool strEquals(Value a, Value b);     // both str (subclasses allowed)
bool strEqualsAscii(Value s, std::string_view ascii);
int64_t strHash(Value s);             // never -1
int strCompare(Value a, Value b);     // <0, 0, >0 by code points

// Concatenation (for the interpreter and builtins): a new str.
Value strConcat(Value a, Value b);

// Creates the interned names of names.def (and the cache of one-character
// strings).  The type bootstrap (initializeTypes) calls it once the type
// objects exist; false on failure.
bool initializeNames();

// The empty str (a singleton).
Value emptyStr();
// An exact str holding s[start:stop] (0 <= start <= stop <= len(s)).
Value strSubstring(Value s, int64_t start, int64_t stop);
// The code points of `s` as UCS-4 (a copy: safe across allocations).
std::u32string strToUcs4(Value s);
// A new str from code points (narrowed to the smallest kind).
Value newStrFromUcs4(std::u32string_view text);
// repr(s) of a str (CPython's quoting and escapes); always a str.
Value strRepr(Value s);
// sep.join(iterable) of str.join; null on error.
Value strJoin(Value sep, Value iterable);

// What FORMAT_VALUE does for f-strings: applies the conversion (0: none,
// 1: str, 2: repr, 3: ascii, CPython's FVC_* values; the characters 's',
// 'r', 'a' are accepted too), then format(value, spec); `spec` is a str or
// null for none.  Null on error.
Value formatValue(Value v, int conversion, Value spec);
// format_string % args for str (printf-style formatting); null on error.
Value strPercentFormat(Value format, Value args);

// Well-known interned names: `names::__init__` etc., from names.def.
namespace names {
#define TERN_NAME(id, text) inline Value id;
#include "runtime/objects/names.def"
#undef TERN_NAME
}  // namespace names

}  // namespace tern
