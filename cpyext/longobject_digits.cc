// Re-cutting magnitudes between 64-bit limbs and 30-bit digits
// (longobject_digits.h).
#include "cpyext/longobject_digits.h"

#include <cstring>

namespace tern::cpyext {

namespace bigint = objects::bigint;

size_t digitCountOf(bigint::Mag mag) {
  uint64_t bits = bigint::bit_length(mag);
  return static_cast<size_t>((bits + kDigitBits - 1) / kDigitBits);
}

void limbsToDigits(bigint::Mag mag, uint32_t* out, size_t ndigits) {
  for (size_t i = 0; i < ndigits; ++i) {
    uint64_t bit = static_cast<uint64_t>(i) * kDigitBits;
    size_t limb = bit / 64;
    unsigned shift = bit % 64;
    uint64_t x = limb < mag.size() ? mag[limb] >> shift : 0;
    if (shift > 64 - kDigitBits && limb + 1 < mag.size()) x |= mag[limb + 1] << (64 - shift);
    out[i] = static_cast<uint32_t>(x & kDigitMask);
  }
}

size_t digitsToLimbs(const uint32_t* digits, size_t ndigits, bigint::Limb* out, size_t nlimbs) {
  std::memset(out, 0, nlimbs * sizeof(bigint::Limb));
  for (size_t i = 0; i < ndigits; ++i) {
    uint64_t bit = static_cast<uint64_t>(i) * kDigitBits;
    size_t limb = bit / 64;
    unsigned shift = bit % 64;
    uint64_t d = digits[i] & kDigitMask;
    if (limb < nlimbs) out[limb] |= d << shift;
    if (shift > 64 - kDigitBits && limb + 1 < nlimbs) out[limb + 1] |= d >> (64 - shift);
  }
  return bigint::normalized_length(bigint::Mag(out, nlimbs));
}

}  // namespace tern::cpyext
