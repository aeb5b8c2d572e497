// The arithmetic of Python's `int`, over limb arrays (GMP's mpn layer).
//
// An integer is sign and magnitude.  A magnitude is a span of mp_limb_t,
// least significant limb first, and normalized: its top limb is non-zero, so
// zero is the empty span.  Negative zero does not exist: a zero result always
// has neg == false.
//
// Nothing here knows where the limbs live.  The int object (written later)
// asks a *_size function how many limbs a result may need, allocates a heap
// object with room for that many, and passes its limb buffer as `out`.  The
// operation writes the result there and returns its normalized length, which
// is at most the size it asked for; the object then shrinks its length field.
// Outputs must not overlap inputs unless a function says otherwise.
//
// Nothing here allocates on the GC heap or throws.  Failures that Python
// reports as exceptions come back as a Status; status_error() gives the
// exception type and CPython 3.11's message.  Temporary scratch comes from a
// small inline buffer or a std::vector; GMP's own temporaries use its default
// allocator (mpn never keeps memory across calls).
//
// Semantics are CPython 3.11's: floor division and modulo, arithmetic right
// shift, bitwise operations on the infinite two's-complement form, correctly
// rounded int -> float and int / int, hash modulo 2**61 - 1.
#pragma once

#include <gmp.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace tern::objects::bigint {

using Limb = mp_limb_t;
using Mag = std::span<const Limb>;  // a normalized magnitude (input)
using Out = std::span<Limb>;        // room for a result (output)

inline constexpr int kLimbBits = GMP_NUMB_BITS;

// A result written into `out`: out[0, len) is the normalized magnitude.
struct Int {
  size_t len = 0;
  bool neg = false;
};

enum class Status : uint8_t {
  kOk,
  kDivisionByZero,        // ZeroDivisionError: integer division or modulo by zero   (//, divmod)
  kModuloByZero,          // ZeroDivisionError: integer modulo by zero               (%)
  kTrueDivisionByZero,    // ZeroDivisionError: division by zero                     (/)
  kPowModulusZero,        // ValueError: pow() 3rd argument cannot be 0
  kNotInvertible,         // ValueError: base is not invertible for the given modulus
  kFloatOverflow,         // OverflowError: int too large to convert to float
  kTrueDivisionOverflow,  // OverflowError: integer division result too large for a float
  kFloatInfinity,         // OverflowError: cannot convert float infinity to integer
  kFloatNaN,              // ValueError: cannot convert float NaN to integer
  kBytesOverflow,         // OverflowError: int too big to convert
  kBytesNegative,         // OverflowError: can't convert negative int to unsigned
  kInvalidDigit,          // a character that is not a digit of the base (the parser words the ValueError)
};

struct StatusError {
  const char* type;     // "ZeroDivisionError", "ValueError", ...; nullptr for kOk
  const char* message;  // CPython 3.11's text
};
StatusError status_error(Status s);

// A result that can fail.  On failure `value` is unspecified.
struct Result {
  Status status = Status::kOk;
  Int value;
  bool ok() const { return status == Status::kOk; }
};

// ---- Small values --------------------------------------------------------

// Length of `limbs` without its high zero limbs.
size_t normalized_length(Mag limbs);

// |v| into out (1 limb), sign from v.
Int from_int64(Out out, int64_t v);
Int from_uint64(Out out, uint64_t v);
// Whether (mag, neg) fits; if so stores it in *v.
bool to_int64(Mag a, bool neg, int64_t* v);

// ---- Comparison and bit queries -------------------------------------------

int compare_magnitude(Mag a, Mag b);                // -1, 0, 1
int compare(Mag a, bool a_neg, Mag b, bool b_neg);  // -1, 0, 1
uint64_t bit_length(Mag a);                         // int.bit_length(): of |a|
uint64_t bit_count(Mag a);                          // int.bit_count(): popcount of |a|

// ---- Add, subtract, multiply ----------------------------------------------

size_t add_size(Mag a, Mag b);  // also for sub
Int add(Out out, Mag a, bool a_neg, Mag b, bool b_neg);
Int sub(Out out, Mag a, bool a_neg, Mag b, bool b_neg);
// a + d for a small d (used by ~x, x + 1 ...); size add_size(a, {1 limb}).
Int add_small(Out out, Mag a, bool a_neg, int64_t d);

size_t mul_size(Mag a, Mag b);
Int mul(Out out, Mag a, bool a_neg, Mag b, bool b_neg);

// ---- Division (floor semantics) -----------------------------------------

size_t floordiv_size(Mag a, Mag b);  // quotient room
size_t mod_size(Mag a, Mag b);       // remainder room
// a // b.  Status kDivisionByZero.
Result floordiv(Out q, Mag a, bool a_neg, Mag b, bool b_neg);
// a % b, sign of b.  Status kModuloByZero.
Result mod(Out r, Mag a, bool a_neg, Mag b, bool b_neg);

struct DivMod {
  Status status = Status::kOk;
  Int quotient, remainder;
  bool ok() const { return status == Status::kOk; }
};
// divmod(a, b).  Status kDivisionByZero.
DivMod divmod(Out q, Out r, Mag a, bool a_neg, Mag b, bool b_neg);

// a / b correctly rounded (CPython's long_true_divide).  Status
// kTrueDivisionByZero, kTrueDivisionOverflow.
Status true_divide(Mag a, bool a_neg, Mag b, bool b_neg, double* result);

// ---- Powers ---------------------------------------------------------------

// Room for a ** e (e >= 0), an upper bound (the result may be shorter); 0
// when the result could not be addressed (the caller raises MemoryError).
size_t pow_size(Mag a, uint64_t e);
Int pow(Out out, Mag a, bool a_neg, uint64_t e);

size_t powmod_size(Mag m);
// pow(a, e, m), any signs (e < 0 inverts a first, as in Python 3.8+).
// Status kPowModulusZero, kNotInvertible.
Result powmod(Out out, Mag a, bool a_neg, Mag e, bool e_neg, Mag m, bool m_neg);

// ---- Shifts and bitwise operations ------------------------------------------

// a << n (n >= 0; the caller checks n is not negative and not absurd).
size_t lshift_size(Mag a, uint64_t n);
Int lshift(Out out, Mag a, bool a_neg, uint64_t n);
// a >> n, rounding towards minus infinity.
size_t rshift_size(Mag a, uint64_t n);
Int rshift(Out out, Mag a, bool a_neg, uint64_t n);

// &, |, ^ on two's complement, ~a = -(a + 1).
size_t bitwise_size(Mag a, Mag b);
Int bit_and(Out out, Mag a, bool a_neg, Mag b, bool b_neg);
Int bit_or(Out out, Mag a, bool a_neg, Mag b, bool b_neg);
Int bit_xor(Out out, Mag a, bool a_neg, Mag b, bool b_neg);
size_t invert_size(Mag a);
Int invert(Out out, Mag a, bool a_neg);

// ---- Strings ---------------------------------------------------------------

// Characters for a in `base` (2..36), sign included; an upper bound.
size_t to_string_size(Mag a, int base);
// Writes digits (lowercase letters, '-' first if negative, no prefix) into
// out and returns how many.  "0" for zero.
size_t to_string(char* out, Mag a, bool a_neg, int base);
std::string to_string(Mag a, bool a_neg, int base = 10);

// Room for a value of `ndigits` digits in `base`.
size_t from_digits_size(size_t ndigits, int base);
// Digits only (0-9, a-z, A-Z; no sign, underscores, spaces or prefix): the
// tokenizer/int() parser strips those.  Status kInvalidDigit for a character
// that is not a digit of `base`.
Result from_digits(Out out, std::string_view digits, int base);

// The int/str conversion length limit (sys.set_int_max_str_digits), which
// applies only to bases that are not powers of two.  0 means no limit.
inline constexpr size_t kDefaultMaxStrDigits = 4300;
inline constexpr size_t kMaxStrDigitsThreshold = 640;  // sys.int_info.str_digits_check_threshold
inline bool base_has_digit_limit(int base) { return (base & (base - 1)) != 0; }
// str -> int: the ValueError message when `ndigits` (underscores not
// counted) exceeds `limit`, else the empty string.
std::string str_to_int_limit_error(size_t ndigits, int base, size_t limit);
// int -> str: whether |a| has more than `limit` decimal digits (exact), and
// the ValueError message to raise then.
bool int_to_str_exceeds_limit(Mag a, int base, size_t limit);
std::string int_to_str_limit_error(size_t limit);

// ---- Floats ---------------------------------------------------------------

// float(a), correctly rounded (round-half-even).  Status kFloatOverflow.
Status to_double(Mag a, bool a_neg, double* result);
// int(d), truncating.  Status kFloatInfinity, kFloatNaN.
size_t from_double_size(double d);
Result from_double(Out out, double d);

// ---- Hash -----------------------------------------------------------------

inline constexpr int kHashBits = 61;
inline constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;
// hash(a) as CPython 3.11 on 64-bit: a mod (2**61 - 1) with a's sign, -1 -> -2.
int64_t hash(Mag a, bool a_neg);

// ---- Bytes ----------------------------------------------------------------

// int.to_bytes(length, byteorder, signed=...) into out[0, length).
// Status kBytesOverflow, kBytesNegative.
Status to_bytes(uint8_t* out, size_t length, Mag a, bool a_neg, bool little_endian, bool is_signed);
size_t from_bytes_size(size_t length);
// int.from_bytes(bytes, byteorder, signed=...).
Int from_bytes(Out out, std::span<const uint8_t> bytes, bool little_endian, bool is_signed);

}  // namespace tern::objects::bigint
