// The arithmetic of Python's `int` over mpn limb arrays (see bigint.h).
#include "runtime/objects/bigint.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

namespace tern::objects::bigint {

namespace {

static_assert(sizeof(Limb) == 8 && kLimbBits == 64, "Tern assumes 64-bit limbs without nails");

// Temporary limbs: inline when small, else on the C++ heap.
template <typename T = Limb, size_t kInline = 32>
class Scratch {
 public:
  explicit Scratch(size_t n) {
    if (n <= kInline) {
      ptr_ = inline_;
    } else {
      heap_.resize(n);
      ptr_ = heap_.data();
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  T* data() { return ptr_; }
  T& operator[](size_t i) { return ptr_[i]; }

 private:
  T inline_[kInline];
  std::vector<T> heap_;
  T* ptr_;
};

Int make(const Limb* p, size_t len, bool neg) {
  while (len > 0 && p[len - 1] == 0) --len;
  return Int{.len = len, .neg = len > 0 && neg};
}

void copy_limbs(Limb* dst, Mag src) {
  if (!src.empty()) std::memmove(dst, src.data(), src.size() * sizeof(Limb));
}

Result failure(Status s) { return Result{.status = s, .value = {}}; }

// |a| + |b| into out (room max + 1).
size_t add_magnitudes(Limb* out, Mag a, Mag b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (b.empty()) {
    copy_limbs(out, a);
    return a.size();
  }
  out[a.size()] = mpn_add(out, a.data(), a.size(), b.data(), b.size());
  return a.size() + 1;
}

// |a| - |b| into out, given |a| >= |b|.
size_t sub_magnitudes(Limb* out, Mag a, Mag b) {
  if (b.empty()) {
    copy_limbs(out, a);
    return a.size();
  }
  mpn_sub(out, a.data(), a.size(), b.data(), b.size());
  return a.size();
}

// Truncated division of magnitudes: q gets a.size() - b.size() + 1 limbs
// (when a.size() >= b.size(); else 1 zero limb), r gets b.size() limbs,
// neither normalized.  b is non-empty.
void tdiv_magnitudes(Limb* q, Limb* r, Mag a, Mag b) {
  if (a.size() < b.size()) {
    q[0] = 0;
    copy_limbs(r, a);
    std::fill(r + a.size(), r + b.size(), Limb{0});
    return;
  }
  mpn_tdiv_qr(q, r, 0, a.data(), a.size(), b.data(), b.size());
}

size_t quotient_room(Mag a, Mag b) { return a.size() >= b.size() ? a.size() - b.size() + 2 : 2; }

// Floor division of (a, a_neg) by (b, b_neg) into q (quotient_room) and r
// (b.size() limbs).
DivMod divmod_into(Limb* q, Limb* r, Mag a, bool a_neg, Mag b, bool b_neg) {
  tdiv_magnitudes(q, r, a, b);
  size_t qn = a.size() >= b.size() ? a.size() - b.size() + 1 : 1;
  size_t bn = b.size();
  bool r_zero = normalized_length(Mag(r, bn)) == 0;
  if (a_neg != b_neg && !r_zero) {
    // Floor: q = -(|q| + 1), r = b - r (in magnitudes: |b| - |r|, sign of b).
    q[qn] = mpn_add_1(q, q, qn, 1);
    ++qn;
    mpn_sub_n(r, b.data(), r, bn);
  }
  return DivMod{.status = Status::kOk, .quotient = make(q, qn, a_neg != b_neg), .remainder = make(r, bn, b_neg)};
}

double ldexp_checked(double x, int64_t e) {
  if (e > INT_MAX) e = INT_MAX;
  if (e < INT_MIN) e = INT_MIN;
  return std::ldexp(x, static_cast<int>(e));
}

// Top 64 bits of |a| (bit_length(a) = bits > 64) with a sticky low bit set
// when anything below them is non-zero.
uint64_t top_bits_sticky(Mag a, uint64_t bits) {
  uint64_t shift = bits - 64;
  size_t limb = shift / 64;
  unsigned off = shift % 64;
  uint64_t x = a[limb] >> off;
  if (off != 0) x |= a[limb + 1] << (64 - off);
  bool sticky = off != 0 && (a[limb] & ((Limb{1} << off) - 1)) != 0;
  for (size_t i = 0; i < limb && !sticky; ++i) sticky = a[i] != 0;
  return x | (sticky ? 1 : 0);
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

// ===========================================================================
// Status
// ===========================================================================

StatusError status_error(Status s) {
  switch (s) {
    case Status::kOk:
      return {nullptr, ""};
    case Status::kDivisionByZero:
      return {"ZeroDivisionError", "integer division or modulo by zero"};
    case Status::kModuloByZero:
      return {"ZeroDivisionError", "integer modulo by zero"};
    case Status::kTrueDivisionByZero:
      return {"ZeroDivisionError", "division by zero"};
    case Status::kPowModulusZero:
      return {"ValueError", "pow() 3rd argument cannot be 0"};
    case Status::kNotInvertible:
      return {"ValueError", "base is not invertible for the given modulus"};
    case Status::kFloatOverflow:
      return {"OverflowError", "int too large to convert to float"};
    case Status::kTrueDivisionOverflow:
      return {"OverflowError", "integer division result too large for a float"};
    case Status::kFloatInfinity:
      return {"OverflowError", "cannot convert float infinity to integer"};
    case Status::kFloatNaN:
      return {"ValueError", "cannot convert float NaN to integer"};
    case Status::kBytesOverflow:
      return {"OverflowError", "int too big to convert"};
    case Status::kBytesNegative:
      return {"OverflowError", "can't convert negative int to unsigned"};
    case Status::kInvalidDigit:
      return {"ValueError", "invalid literal for int()"};
      return {"MemoryError", ""};
  }
  return {nullptr, ""};
}

// ===========================================================================
// Small values, comparison, bit queries
// ===========================================================================

size_t normalized_length(Mag limbs) {
  size_t n = limbs.size();
  while (n > 0 && limbs[n - 1] == 0) --n;
  return n;
}

Int from_uint64(Out out, uint64_t v) {
  out[0] = v;
  return make(out.data(), 1, false);
}

Int from_int64(Out out, int64_t v) {
  uint64_t m = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  out[0] = m;
  return make(out.data(), 1, v < 0);
}

bool to_int64(Mag a, bool neg, int64_t* v) {
  if (a.empty()) {
    *v = 0;
    return true;
  }
  if (a.size() > 1) return false;
  uint64_t m = a[0];
  if (!neg) {
    if (m > static_cast<uint64_t>(INT64_MAX)) return false;
    *v = static_cast<int64_t>(m);
  } else {
    if (m > uint64_t{1} << 63) return false;
    *v = static_cast<int64_t>(uint64_t{0} - m);
  }
  return true;
}

int compare_magnitude(Mag a, Mag b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  if (a.empty()) return 0;
  int c = mpn_cmp(a.data(), b.data(), a.size());
  return (c > 0) - (c < 0);
}

int compare(Mag a, bool a_neg, Mag b, bool b_neg) {
  if (a_neg != b_neg) return a_neg ? -1 : 1;
  int c = compare_magnitude(a, b);
  return a_neg ? -c : c;
}

uint64_t bit_length(Mag a) {
  if (a.empty()) return 0;
  return (a.size() - 1) * 64 + (64 - std::countl_zero(a.back()));
}

uint64_t bit_count(Mag a) { return a.empty() ? 0 : mpn_popcount(a.data(), a.size()); }

// ===========================================================================
// Add, subtract, multiply
// ===========================================================================

size_t add_size(Mag a, Mag b) { return std::max(a.size(), b.size()) + 1; }

Int add(Out out, Mag a, bool a_neg, Mag b, bool b_neg) {
  if (a_neg == b_neg) return make(out.data(), add_magnitudes(out.data(), a, b), a_neg);
  int c = compare_magnitude(a, b);
  if (c == 0) return Int{};
  if (c > 0) return make(out.data(), sub_magnitudes(out.data(), a, b), a_neg);
  return make(out.data(), sub_magnitudes(out.data(), b, a), b_neg);
}

Int sub(Out out, Mag a, bool a_neg, Mag b, bool b_neg) { return add(out, a, a_neg, b, !b_neg && !b.empty()); }

Int add_small(Out out, Mag a, bool a_neg, int64_t d) {
  Limb dl[1];
  Int di = from_int64(Out(dl, 1), d);
  return add(out, a, a_neg, Mag(dl, di.len), di.neg);
}

size_t mul_size(Mag a, Mag b) { return std::max<size_t>(a.size() + b.size(), 1); }

Int mul(Out out, Mag a, bool a_neg, Mag b, bool b_neg) {
  if (a.empty() || b.empty()) return Int{};
  if (a.size() < b.size()) std::swap(a, b);
  if (a.data() == b.data() && a.size() == b.size()) {
    mpn_sqr(out.data(), a.data(), a.size());
  } else {
    mpn_mul(out.data(), a.data(), a.size(), b.data(), b.size());
  }
  return make(out.data(), a.size() + b.size(), a_neg != b_neg);
}

// ===========================================================================
// Division
// ===========================================================================

size_t floordiv_size(Mag a, Mag b) { return quotient_room(a, b); }
size_t mod_size(Mag, Mag b) { return std::max<size_t>(b.size(), 1); }

Result floordiv(Out q, Mag a, bool a_neg, Mag b, bool b_neg) {
  if (b.empty()) return failure(Status::kDivisionByZero);
  Scratch r(b.size());
  return Result{.value = divmod_into(q.data(), r.data(), a, a_neg, b, b_neg).quotient};
}

Result mod(Out r, Mag a, bool a_neg, Mag b, bool b_neg) {
  if (b.empty()) return failure(Status::kModuloByZero);
  Scratch q(quotient_room(a, b));
  return Result{.value = divmod_into(q.data(), r.data(), a, a_neg, b, b_neg).remainder};
}

DivMod divmod(Out q, Out r, Mag a, bool a_neg, Mag b, bool b_neg) {
  if (b.empty()) return DivMod{.status = Status::kDivisionByZero, .quotient = {}, .remainder = {}};
  return divmod_into(q.data(), r.data(), a, a_neg, b, b_neg);
}

// CPython's long_true_divide: scale a so the quotient has DBL_MANT_DIG + 2
// or + 3 bits, divide, round the extra bits half-to-even with the remainder
// as sticky bit, and scale back with ldexp (exact, or a correctly rounded
// subnormal since the rounding already happened at the subnormal position).
Status true_divide(Mag a, bool a_neg, Mag b, bool b_neg, double* result) {
  if (b.empty()) return Status::kTrueDivisionByZero;
  bool negate = a_neg != b_neg;
  if (a.empty()) {
    *result = negate ? -0.0 : 0.0;
    return Status::kOk;
  }
  int64_t a_bits = static_cast<int64_t>(bit_length(a)), b_bits = static_cast<int64_t>(bit_length(b));
  if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
    double r = static_cast<double>(a[0]) / static_cast<double>(b[0]);
    *result = negate ? -r : r;
    return Status::kOk;
  }
  int64_t diff = a_bits - b_bits;
  if (diff > DBL_MAX_EXP) return Status::kTrueDivisionOverflow;
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
    *result = negate ? -0.0 : 0.0;
    return Status::kOk;
  }
  int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  std::vector<Limb> x;
  Int xi;
  if (shift <= 0) {
    x.resize(lshift_size(a, static_cast<uint64_t>(-shift)));
    xi = lshift(Out(x), a, false, static_cast<uint64_t>(-shift));
  } else {
    uint64_t s = static_cast<uint64_t>(shift);
    size_t limbs = s / 64;
    unsigned off = s % 64;
    for (size_t i = 0; i < limbs && !inexact; ++i) inexact = a[i] != 0;
    if (off != 0 && (a[limbs] & ((Limb{1} << off) - 1)) != 0) inexact = true;
    x.resize(rshift_size(a, s));
    xi = rshift(Out(x), a, false, s);
  }
  Mag xm(x.data(), xi.len);
  Scratch q(quotient_room(xm, b)), r(b.size());
  tdiv_magnitudes(q.data(), r.data(), xm, b);
  if (normalized_length(Mag(r.data(), b.size())) != 0) inexact = true;
  size_t qn = normalized_length(Mag(q.data(), xm.size() >= b.size() ? xm.size() - b.size() + 1 : 1));
  assert(qn == 1);
  uint64_t xv = q[0];
  int64_t x_bits = 64 - std::countl_zero(xv);
  int64_t extra_bits = std::max<int64_t>(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  assert(extra_bits == 2 || extra_bits == 3);
  uint64_t mask = uint64_t{1} << (extra_bits - 1);
  uint64_t low = xv | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  xv = low & ~(2 * mask - 1);
  double dx = static_cast<double>(xv);  // exact: at most DBL_MANT_DIG significant bits
  if (shift + x_bits >= DBL_MAX_EXP &&
      (shift + x_bits > DBL_MAX_EXP || dx == std::ldexp(1.0, static_cast<int>(x_bits))))
    return Status::kTrueDivisionOverflow;
  double r2 = ldexp_checked(dx, shift);
  *result = negate ? -r2 : r2;
  return Status::kOk;
}

// ===========================================================================
// Powers
// ===========================================================================

size_t pow_size(Mag a, uint64_t e) {
  uint64_t bits = bit_length(a);
  if (bits <= 1 || e == 0) return 1;
  // Far beyond any memory: 2**60 bits.
  if (e > (uint64_t{1} << 60) / bits) return 0;
  return static_cast<size_t>((bits * e + 63) / 64 + 2);
}

Int pow(Out out, Mag a, bool a_neg, uint64_t e) {
  bool neg = a_neg && (e & 1);
  if (e == 0) {
    out[0] = 1;
    return Int{.len = 1};
  }
  if (a.empty()) return Int{};
  if (a.size() == 1 && a[0] == 1) {
    out[0] = 1;
    return Int{.len = 1, .neg = neg};
  }
  size_t room = out.size();
  std::vector<Limb> other(room);
  Limb* cur = out.data();
  Limb* tmp = other.data();
  copy_limbs(cur, a);
  size_t n = a.size();
  for (int bit = 62 - std::countl_zero(e); bit >= 0; --bit) {
    mpn_sqr(tmp, cur, n);
    n = normalized_length(Mag(tmp, 2 * n));
    std::swap(cur, tmp);
    if ((e >> bit) & 1) {
      mpn_mul(tmp, cur, n, a.data(), a.size());
      n = normalized_length(Mag(tmp, n + a.size()));
      std::swap(cur, tmp);
    }
  }
  if (cur != out.data()) std::memcpy(out.data(), cur, n * sizeof(Limb));
  return make(out.data(), n, neg);
}

size_t powmod_size(Mag m) { return std::max<size_t>(m.size(), 1); }

namespace {

// x mod m for x of any length (m normalized, non-empty), into r (m.size()).
size_t reduce(Limb* r, Mag x, Mag m) {
  size_t xn = normalized_length(x);
  if (xn < m.size()) {
    copy_limbs(r, x.first(xn));
    std::fill(r + xn, r + m.size(), Limb{0});
  } else {
    Scratch q(xn - m.size() + 1);
    mpn_tdiv_qr(q.data(), r, 0, x.data(), xn, m.data(), m.size());
  }
  return normalized_length(Mag(r, m.size()));
}

// The inverse of x (0 <= x < m, m > 1) modulo m into inv (m.size()).
bool invert_mod(Limb* inv, Mag x, Mag m) {
  size_t mn = m.size();
  // gcdext needs its first operand at least as long as its second: use x + m.
  std::vector<Limb> u(mn + 2), v(mn + 1), g(mn + 1), s(mn + 3);
  size_t un = add_magnitudes(u.data(), x, m);
  un = normalized_length(Mag(u.data(), un));
  copy_limbs(v.data(), m);
  mp_size_t sn = 0;
  mp_size_t gn =
      mpn_gcdext(g.data(), s.data(), &sn, u.data(), static_cast<mp_size_t>(un), v.data(), static_cast<mp_size_t>(mn));
  if (gn != 1 || g[0] != 1) return false;
  // (x + m) * s == 1 (mod m), |s| < m.
  size_t an = static_cast<size_t>(sn < 0 ? -sn : sn);
  Mag sm(s.data(), normalized_length(Mag(s.data(), an)));
  if (sn < 0 && !sm.empty()) {
    sub_magnitudes(inv, m, sm);
  } else {
    copy_limbs(inv, sm);
    std::fill(inv + sm.size(), inv + mn, Limb{0});
  }
  return true;
}

}  // namespace

Result powmod(Out out, Mag a, bool a_neg, Mag e, bool e_neg, Mag m, bool m_neg) {
  if (m.empty()) return failure(Status::kPowModulusZero);
  if (m.size() == 1 && m[0] == 1) return Result{};
  size_t mn = m.size();
  // base = a mod |m|, in [0, |m|).
  std::vector<Limb> base(mn);
  size_t bn = reduce(base.data(), a, m);
  if (a_neg && bn != 0) {
    mpn_sub(base.data(), m.data(), mn, base.data(), mn);
    bn = normalized_length(Mag(base.data(), mn));
  }
  if (e_neg) {
    std::vector<Limb> inv(mn);
    if (!invert_mod(inv.data(), Mag(base.data(), bn), m)) return failure(Status::kNotInvertible);
    base = std::move(inv);
    bn = normalized_length(Mag(base.data(), mn));
  }
  // Left-to-right square and multiply.
  std::vector<Limb> acc(mn), prod(2 * mn);
  acc[0] = 1;
  size_t an = 1;
  uint64_t ebits = bit_length(e);
  for (uint64_t i = ebits; i-- > 0;) {
    if (an != 0) {
      mpn_sqr(prod.data(), acc.data(), an);
      an = reduce(acc.data(), Mag(prod.data(), 2 * an), m);
    }
    if ((e[i / 64] >> (i % 64)) & 1) {
      if (an == 0 || bn == 0) {
        an = 0;
      } else {
        if (an >= bn) {
          mpn_mul(prod.data(), acc.data(), an, base.data(), bn);
        } else {
          mpn_mul(prod.data(), base.data(), bn, acc.data(), an);
        }
        an = reduce(acc.data(), Mag(prod.data(), an + bn), m);
      }
    }
  }
  if (m_neg && an != 0) {
    mpn_sub(out.data(), m.data(), mn, acc.data(), mn);
    return Result{.value = make(out.data(), mn, true)};
  }
  copy_limbs(out.data(), Mag(acc.data(), an));
  return Result{.value = make(out.data(), an, false)};
}

// ===========================================================================
// Shifts and bitwise operations
// ===========================================================================

size_t lshift_size(Mag a, uint64_t n) { return a.empty() ? 1 : a.size() + n / 64 + 1; }

Int lshift(Out out, Mag a, bool a_neg, uint64_t n) {
  if (a.empty()) return Int{};
  size_t limbs = n / 64;
  unsigned off = n % 64;
  std::fill(out.data(), out.data() + limbs, Limb{0});
  if (off == 0) {
    copy_limbs(out.data() + limbs, a);
    return make(out.data(), limbs + a.size(), a_neg);
  }
  out[limbs + a.size()] = mpn_lshift(out.data() + limbs, a.data(), a.size(), off);
  return make(out.data(), limbs + a.size() + 1, a_neg);
}

size_t rshift_size(Mag a, uint64_t n) { return n / 64 >= a.size() ? 1 : a.size() - n / 64 + 1; }

Int rshift(Out out, Mag a, bool a_neg, uint64_t n) {
  if (a.empty()) return Int{};
  size_t limbs = n / 64;
  unsigned off = n % 64;
  if (limbs >= a.size()) {
    if (!a_neg) return Int{};
    out[0] = 1;
    return Int{.len = 1, .neg = true};
  }
  size_t rn = a.size() - limbs;
  bool lost = false;
  for (size_t i = 0; i < limbs && !lost; ++i) lost = a[i] != 0;
  if (off == 0) {
    std::memmove(out.data(), a.data() + limbs, rn * sizeof(Limb));
  } else {
    lost |= mpn_rshift(out.data(), a.data() + limbs, rn, off) != 0;
  }
  out[rn] = 0;
  if (a_neg && lost) out[rn] = mpn_add_1(out.data(), out.data(), rn, 1);
  return make(out.data(), rn + 1, a_neg);
}

size_t bitwise_size(Mag a, Mag b) { return std::max(a.size(), b.size()) + 1; }

namespace {

// The low n limbs of (a, neg) in two's complement.
void to_twos_complement(Limb* dst, Mag a, bool neg, size_t n) {
  copy_limbs(dst, a);
  std::fill(dst + a.size(), dst + n, Limb{0});
  if (neg) mpn_neg(dst, dst, n);
}

enum class BitOp { kAnd, kOr, kXor };

Int bitwise(Out out, Mag a, bool a_neg, Mag b, bool b_neg, BitOp op) {
  size_t n = bitwise_size(a, b);
  Scratch tb(n);
  to_twos_complement(out.data(), a, a_neg, n);
  to_twos_complement(tb.data(), b, b_neg, n);
  bool neg = false;
  switch (op) {
    case BitOp::kAnd:
      mpn_and_n(out.data(), out.data(), tb.data(), n);
      neg = a_neg && b_neg;
      break;
    case BitOp::kOr:
      mpn_ior_n(out.data(), out.data(), tb.data(), n);
      neg = a_neg || b_neg;
      break;
    case BitOp::kXor:
      mpn_xor_n(out.data(), out.data(), tb.data(), n);
      neg = a_neg != b_neg;
      break;
  }
  if (neg) mpn_neg(out.data(), out.data(), n);
  return make(out.data(), n, neg);
}

}  // namespace

Int bit_and(Out out, Mag a, bool a_neg, Mag b, bool b_neg) { return bitwise(out, a, a_neg, b, b_neg, BitOp::kAnd); }
Int bit_or(Out out, Mag a, bool a_neg, Mag b, bool b_neg) { return bitwise(out, a, a_neg, b, b_neg, BitOp::kOr); }
Int bit_xor(Out out, Mag a, bool a_neg, Mag b, bool b_neg) { return bitwise(out, a, a_neg, b, b_neg, BitOp::kXor); }

size_t invert_size(Mag a) { return a.size() + 1; }

Int invert(Out out, Mag a, bool a_neg) {
  Int r = add_small(out, a, a_neg, 1);
  r.neg = r.len > 0 && !r.neg;
  return r;
}

// ===========================================================================
// Strings
// ===========================================================================

size_t to_string_size(Mag a, int base) {
  if (a.empty()) return 1;
  double digits = static_cast<double>(bit_length(a)) / std::log2(static_cast<double>(base));
  return static_cast<size_t>(digits) + 3;
}

size_t to_string(char* out, Mag a, bool a_neg, int base) {
  assert(base >= 2 && base <= 36);
  if (a.empty()) {
    out[0] = '0';
    return 1;
  }
  size_t pos = 0;
  if (a_neg) out[pos++] = '-';
  // mpn_get_str clobbers its input and wants room for the largest value of
  // a.size() limbs (plus one): give it its own buffers.
  Scratch src(a.size() + 1);
  copy_limbs(src.data(), a);
  size_t room = static_cast<size_t>(static_cast<double>(a.size()) * 64 / std::log2(static_cast<double>(base))) + 3;
  Scratch<unsigned char, 256> raw(room);
  size_t n = mpn_get_str(raw.data(), base, src.data(), static_cast<mp_size_t>(a.size()));
  size_t start = 0;
  while (start + 1 < n && raw[start] == 0) ++start;
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  for (size_t i = start; i < n; ++i) out[pos++] = kDigits[raw[i]];
  return pos;
}

std::string to_string(Mag a, bool a_neg, int base) {
  std::string s(to_string_size(a, base), '\0');
  s.resize(to_string(s.data(), a, a_neg, base));
  return s;
}

size_t from_digits_size(size_t ndigits, int base) {
  double bits = static_cast<double>(ndigits) * std::log2(static_cast<double>(base));
  return static_cast<size_t>(bits / 64) + 2;
}

Result from_digits(Out out, std::string_view digits, int base) {
  assert(base >= 2 && base <= 36);
  size_t start = 0;
  for (char c : digits)
    if (digit_value(c) >= base) return failure(Status::kInvalidDigit);
  while (start < digits.size() && digits[start] == '0') ++start;
  size_t n = digits.size() - start;
  if (n == 0) return Result{};
  Scratch<unsigned char, 256> raw(n);
  for (size_t i = 0; i < n; ++i) raw[i] = static_cast<unsigned char>(digit_value(digits[start + i]));
  // mpn_set_str wants one limb beyond the largest value of n digits.
  size_t room = from_digits_size(n, base) + 1;
  Scratch tmp(room);
  mp_size_t len = mpn_set_str(tmp.data(), raw.data(), n, base);
  size_t ln = normalized_length(Mag(tmp.data(), static_cast<size_t>(len)));
  copy_limbs(out.data(), Mag(tmp.data(), ln));
  return Result{.value = Int{.len = ln}};
}

std::string str_to_int_limit_error(size_t ndigits, int base, size_t limit) {
  if (limit == 0 || !base_has_digit_limit(base) || ndigits <= limit) return {};
  return "Exceeds the limit (" + std::to_string(limit) + " digits) for integer string conversion: value has " +
         std::to_string(ndigits) + " digits; use sys.set_int_max_str_digits() to increase the limit";
}

bool int_to_str_exceeds_limit(Mag a, int base, size_t limit) {
  if (limit == 0 || !base_has_digit_limit(base) || a.empty()) return false;
  double per_digit = std::log2(static_cast<double>(base));
  uint64_t bits = bit_length(a);
  // |a| has floor((bits - 1) / log2(base)) + 1 or so digits; settle clear
  // cases from the bit length and count the rest.
  double lo = static_cast<double>(bits - 1) / per_digit, hi = static_cast<double>(bits) / per_digit + 1;
  if (hi < static_cast<double>(limit)) return false;
  if (lo > static_cast<double>(limit) + 1) return true;
  return to_string(a, false, base).size() > limit;
}

std::string int_to_str_limit_error(size_t limit) {
  return "Exceeds the limit (" + std::to_string(limit) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
}

// ===========================================================================
// Floats
// ===========================================================================

Status to_double(Mag a, bool a_neg, double* result) {
  if (a.empty()) {
    *result = 0.0;
    return Status::kOk;
  }
  uint64_t bits = bit_length(a);
  double d;
  if (bits <= 64) {
    d = static_cast<double>(a[0]);  // the hardware rounds half-to-even
  } else {
    if (bits > DBL_MAX_EXP) return Status::kFloatOverflow;
    // 64 leading bits with a sticky bit round exactly like the whole value:
    // only 53 are kept, and the sticky bit sits far below the rounding bit.
    d = std::ldexp(static_cast<double>(top_bits_sticky(a, bits)), static_cast<int>(bits - 64));
    if (std::isinf(d)) return Status::kFloatOverflow;
  }
  *result = a_neg ? -d : d;
  return Status::kOk;
}

size_t from_double_size(double d) {
  if (!std::isfinite(d)) return 1;
  int exp = 0;
  std::frexp(d, &exp);
  return exp <= 64 ? 1 : static_cast<size_t>(exp) / 64 + 2;
}

Result from_double(Out out, double d) {
  if (std::isnan(d)) return failure(Status::kFloatNaN);
  if (std::isinf(d)) return failure(Status::kFloatInfinity);
  double t = std::trunc(d);
  bool neg = t < 0;
  double m = std::fabs(t);
  if (m < 18446744073709551616.0) {
    out[0] = static_cast<uint64_t>(m);
    return Result{.value = make(out.data(), 1, neg)};
  }
  int exp = 0;
  double frac = std::frexp(m, &exp);  // m = frac * 2**exp, 0.5 <= frac < 1
  Limb mant = static_cast<Limb>(std::ldexp(frac, DBL_MANT_DIG));
  return Result{.value = lshift(out, Mag(&mant, 1), neg, static_cast<uint64_t>(exp - DBL_MANT_DIG))};
}

// ===========================================================================
// Hash
// ===========================================================================

int64_t hash(Mag a, bool a_neg) {
  if (a.empty()) return 0;
  uint64_t r = mpn_mod_1(a.data(), a.size(), kHashModulus);
  int64_t h = static_cast<int64_t>(r);
  if (a_neg) h = -h;
  return h == -1 ? -2 : h;
}

// ===========================================================================
// Bytes
// ===========================================================================

Status to_bytes(uint8_t* out, size_t length, Mag a, bool a_neg, bool little_endian, bool is_signed) {
  if (a_neg && !is_signed) return Status::kBytesNegative;
  uint64_t bits = bit_length(a);
  uint64_t room = static_cast<uint64_t>(length) * 8;
  if (!a_neg) {
    if (bits > room - (is_signed && room > 0 ? 1 : 0)) return Status::kBytesOverflow;
  } else {
    // -2**(room - 1) is the most negative value that fits.
    if (bits > room || (bits == room && bit_count(a) != 1)) return Status::kBytesOverflow;
  }
  unsigned carry = 1;
  for (size_t i = 0; i < length; ++i) {
    size_t limb = i / 8;
    uint8_t byte = limb < a.size() ? static_cast<uint8_t>(a[limb] >> (8 * (i % 8))) : 0;
    if (a_neg) {
      unsigned v = static_cast<uint8_t>(~byte) + carry;
      byte = static_cast<uint8_t>(v);
      carry = v >> 8;
    }
    out[little_endian ? i : length - 1 - i] = byte;
  }
  return Status::kOk;
}

size_t from_bytes_size(size_t length) { return std::max<size_t>((length + 7) / 8, 1); }

Int from_bytes(Out out, std::span<const uint8_t> bytes, bool little_endian, bool is_signed) {
  size_t length = bytes.size();
  if (length == 0) return Int{};
  size_t n = (length + 7) / 8;
  std::fill(out.data(), out.data() + n, Limb{0});
  for (size_t i = 0; i < length; ++i) {
    uint8_t byte = bytes[little_endian ? i : length - 1 - i];
    out[i / 8] |= static_cast<Limb>(byte) << (8 * (i % 8));
  }
  uint8_t top = bytes[little_endian ? length - 1 : 0];
  bool neg = is_signed && (top & 0x80) != 0;
  if (neg) {
    unsigned used = static_cast<unsigned>(length % 8) * 8;
    if (used != 0) out[n - 1] |= ~Limb{0} << used;  // sign-extend to whole limbs
    mpn_neg(out.data(), out.data(), n);
  }
  return make(out.data(), n, neg);
}

}  // namespace tern::objects::bigint
