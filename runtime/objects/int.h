// int (and bool): small ints are tagged Values (value.h); every other int is
// an IntObj holding sign and magnitude in GMP limbs (bigint.h's arithmetic).
//
// Invariants: an int whose value fits the small-int range is ALWAYS a tagged
// Value, never an IntObj — except True/False (IntObj of type bool) and
// instances of int subclasses, which are IntObjs whatever their value.  So
// two exact ints are equal iff both are small and their bits are equal, or
// both are IntObjs with equal magnitudes.  The magnitude is normalised (top
// limb non-zero; zero has no limbs).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/objects/bigint.h"
#include "runtime/objects/object.h"

namespace tern {

struct IntObj : Obj {
  int64_t size;  // number of limbs, negated for negative values; 0 for zero
  // limbs follow, least significant first

  objects::bigint::Limb* limbs() { return reinterpret_cast<objects::bigint::Limb*>(reinterpret_cast<char*>(this) + sizeof(IntObj)); }
  objects::bigint::Mag mag() { return {limbs(), static_cast<size_t>(size < 0 ? -size : size)}; }
  bool negative() const { return size < 0; }
};

inline bool isInt(Value v) { return v.isSmallInt() || hasTypeFlag(v, type_flags::kIntSubclass); }
inline bool isExactInt(Value v) { return v.isSmallInt() || typeOf(v) == types::int_type; }
inline bool isBool(Value v) { return v.asObject() == singletons::True || v.asObject() == singletons::False; }

// An exact int: tagged when it fits (inline), else an IntObj (newIntObj).
Value newIntObj(int64_t n);
inline Value newInt(int64_t n) {
  if (n >= Value::kSmallIntMin && n <= Value::kSmallIntMax) return Value::fromSmallInt(n);
  return newIntObj(n);
}
Value newIntUnsigned(uint64_t n);
// From a bigint result written by the caller into `limbs` (not heap memory).
Value newIntFromMag(bool negative, objects::bigint::Mag mag);
// int(text, base) of Python, with its ValueError; null on error.
Value intFromString(std::string_view text, int base);
// Conversions; false with OverflowError pending when out of range.  The
// argument must be an int (any subclass, bool included).
bool intToInt64(Value v, int64_t* out);
// -1, 0 or 1.
int intSign(Value v);
// The value as a double; null-free: false with OverflowError pending.
bool intToDouble(Value v, double* out);
std::string intToDecimal(Value v);  // no digit limit: for internal use (repr of huge ints must check it)

// operator.index(v): an exact int (calling __index__ when needed), null on error.
Value index(Value v);
// index() clamped to int64 ("cannot fit 'int' into an index-sized integer"
// as IndexError/OverflowError per `overflow_error`); false on error.
bool indexToInt64(Value v, int64_t* out, Type* overflow_error);

// True or False: an IntObj of value 1 or 0 whose type is bool, allocated old.
// The type bootstrap calls it once for each singleton (after bool exists).
Obj* newBoolSingleton(bool value);

// sys.get_int_max_str_digits(): the limit on the digits of int <-> str
// conversions in bases that are not powers of two (0: no limit).  sys sets it.
extern size_t g_int_max_str_digits;

}  // namespace tern
