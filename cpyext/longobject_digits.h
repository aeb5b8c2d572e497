// Re-cutting an int's magnitude between the runtime's 64-bit GMP limbs
// (bigint.h) and CPython's 30-bit digits (PyLongObject.ob_digit), which C
// code reads directly.  No heap objects: unit-testable on its own.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/objects/bigint.h"

namespace tern::cpyext {

inline constexpr unsigned kDigitBits = 30;  // PyLong_SHIFT
inline constexpr uint32_t kDigitMask = (uint32_t{1} << kDigitBits) - 1;

// How many 30-bit digits |mag| needs (0 for zero).
size_t digitCountOf(objects::bigint::Mag mag);
// Writes the `ndigits` low digits of mag to out.
void limbsToDigits(objects::bigint::Mag mag, uint32_t* out, size_t ndigits);
// Writes the magnitude of `digits` into out[0, nlimbs) (room for
// ceil(ndigits * 30 / 64) limbs) and returns its normalized length.
size_t digitsToLimbs(const uint32_t* digits, size_t ndigits, objects::bigint::Limb* out, size_t nlimbs);

}  // namespace tern::cpyext
