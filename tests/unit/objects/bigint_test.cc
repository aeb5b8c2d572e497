// bigint: table tests against python3.11 (bigint_cases.inc, from
// gen_bigint_cases.py) and a randomized self-consistency test.
#include "runtime/objects/bigint.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace tern::objects::bigint {
namespace {

#include "bigint_cases.inc"

// A generated table's rows as strings.
template <size_t kRows, size_t kCols>
std::vector<std::vector<std::string>> rows(const char* const (&table)[kRows][kCols]) {
  std::vector<std::vector<std::string>> v;
  for (const auto& r : table) v.emplace_back(std::begin(r), std::end(r));
  return v;
}

// An owned int for the tests.
struct Big {
  std::vector<Limb> limbs;
  bool neg = false;
  Mag mag() const { return Mag(limbs); }
};

Big take(std::vector<Limb> buf, Int r) {
  EXPECT_LE(r.len, buf.size());
  if (r.len > 0) {
    EXPECT_NE(buf[r.len - 1], 0u) << "not normalized";
  } else {
    EXPECT_FALSE(r.neg) << "negative zero";
  }
  buf.resize(r.len);
  return Big{.limbs = std::move(buf), .neg = r.neg};
}

Big parse(std::string_view s, int base = 10) {
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.remove_prefix(1);
  std::vector<Limb> buf(from_digits_size(s.size(), base));
  Result r = from_digits(Out(buf), s, base);
  EXPECT_TRUE(r.ok()) << s;
  r.value.neg = neg && r.value.len > 0;
  return take(std::move(buf), r.value);
}

std::string str(const Big& b, int base = 10) { return to_string(b.mag(), b.neg, base); }

double parse_double(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

std::string hex_double(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  // Python's float.hex: [-]0x1.<13 hex digits>p<exp>, 0x0.<13 hex digits>p-1022 for subnormals, 0x0.0p+0 for zero.
  if (d == 0) return std::signbit(d) ? "-0x0.0p+0" : "0x0.0p+0";
  int exp;
  double m = std::frexp(std::fabs(d), &exp);                 // [0.5, 1)
  uint64_t bits = static_cast<uint64_t>(std::ldexp(m, 53));  // 53 bits, top bit set
  --exp;
  if (exp < -1022) {  // subnormal: 0x0.<frac>p-1022
    uint64_t frac = static_cast<uint64_t>(std::ldexp(std::fabs(d), 1074));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%013llx", static_cast<unsigned long long>(frac));
    std::string f = buf;
    return std::string(d < 0 ? "-" : "") + "0x0." + f + "p-1022";
  }
  uint64_t frac = bits & ((uint64_t{1} << 52) - 1);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%013llx", static_cast<unsigned long long>(frac));
  std::string f = buf;
  return std::string(d < 0 ? "-" : "") + "0x1." + f + "p" + (exp >= 0 ? "+" : "") + std::to_string(exp);
}

const char* error_type(Status s) { return status_error(s).type; }

// ---- Python tables ---------------------------------------------------------

TEST(BigintTable, BinaryOperations) {
  for (const auto& row : rows(kBinaryCases)) {
    SCOPED_TRACE(row[0] + " , " + row[1]);
    Big a = parse(row[0]), b = parse(row[1]);
    std::vector<Limb> buf(add_size(a.mag(), b.mag()));
    EXPECT_EQ(str(take(buf, add(Out(buf), a.mag(), a.neg, b.mag(), b.neg))), row[2]);
    EXPECT_EQ(str(take(buf, sub(Out(buf), a.mag(), a.neg, b.mag(), b.neg))), row[3]);
    buf.assign(mul_size(a.mag(), b.mag()), 0);
    EXPECT_EQ(str(take(buf, mul(Out(buf), a.mag(), a.neg, b.mag(), b.neg))), row[4]);

    std::vector<Limb> q(floordiv_size(a.mag(), b.mag())), r(mod_size(a.mag(), b.mag()));
    Result fr = floordiv(Out(q), a.mag(), a.neg, b.mag(), b.neg);
    EXPECT_EQ(fr.ok() ? str(take(q, fr.value)) : error_type(fr.status), row[5]);
    Result mr = mod(Out(r), a.mag(), a.neg, b.mag(), b.neg);
    EXPECT_EQ(mr.ok() ? str(take(r, mr.value)) : error_type(mr.status), row[6]);
    DivMod dm = divmod(Out(q), Out(r), a.mag(), a.neg, b.mag(), b.neg);
    if (dm.ok()) {
      EXPECT_EQ(str(take(q, dm.quotient)), row[5]);
      EXPECT_EQ(str(take(r, dm.remainder)), row[6]);
    } else {
      EXPECT_EQ(dm.status, Status::kDivisionByZero);
      EXPECT_EQ(mr.status, Status::kModuloByZero);
    }

    buf.assign(bitwise_size(a.mag(), b.mag()), 0);
    EXPECT_EQ(str(take(buf, bit_and(Out(buf), a.mag(), a.neg, b.mag(), b.neg))), row[7]);
    EXPECT_EQ(str(take(buf, bit_or(Out(buf), a.mag(), a.neg, b.mag(), b.neg))), row[8]);
    EXPECT_EQ(str(take(buf, bit_xor(Out(buf), a.mag(), a.neg, b.mag(), b.neg))), row[9]);
    EXPECT_EQ(std::to_string(compare(a.mag(), a.neg, b.mag(), b.neg)), row[10]);

    double d = 0;
    Status s = true_divide(a.mag(), a.neg, b.mag(), b.neg, &d);
    EXPECT_EQ(s == Status::kOk ? hex_double(d) : error_type(s), row[11]);
  }
}

TEST(BigintTable, UnaryOperations) {
  for (const auto& row : rows(kUnaryCases)) {
    SCOPED_TRACE(row[0]);
    Big a = parse(row[0]);
    EXPECT_EQ(std::to_string(bit_length(a.mag())), row[1]);
    EXPECT_EQ(std::to_string(bit_count(a.mag())), row[2]);
    std::vector<Limb> buf(invert_size(a.mag()));
    EXPECT_EQ(str(take(buf, invert(Out(buf), a.mag(), a.neg))), row[3]);
    EXPECT_EQ(std::to_string(hash(a.mag(), a.neg)), row[4]);
    double d = 0;
    Status s = to_double(a.mag(), a.neg, &d);
    EXPECT_EQ(s == Status::kOk ? hex_double(d) : error_type(s), row[5]);
    EXPECT_EQ(str(a, 2), row[6]);
    EXPECT_EQ(str(a, 7), row[7]);
    EXPECT_EQ(str(a, 16), row[8]);
    EXPECT_EQ(str(a, 36), row[9]);
    EXPECT_EQ(str(a, 10), row[10]);
    // Parsing back from every base.
    EXPECT_EQ(str(parse(row[6], 2)), row[0]);
    EXPECT_EQ(str(parse(row[7], 7)), row[0]);
    EXPECT_EQ(str(parse(row[8], 16)), row[0]);
    EXPECT_EQ(str(parse(row[9], 36)), row[0]);
  }
}

TEST(BigintTable, Shifts) {
  for (const auto& row : rows(kShiftCases)) {
    SCOPED_TRACE(row[0] + " shift " + row[1]);
    Big a = parse(row[0]);
    uint64_t n = std::stoull(row[1]);
    std::vector<Limb> buf(lshift_size(a.mag(), n));
    EXPECT_EQ(str(take(buf, lshift(Out(buf), a.mag(), a.neg, n))), row[2]);
    buf.assign(rshift_size(a.mag(), n), 0);
    EXPECT_EQ(str(take(buf, rshift(Out(buf), a.mag(), a.neg, n))), row[3]);
  }
}

TEST(BigintTable, Pow) {
  for (const auto& row : rows(kPowCases)) {
    SCOPED_TRACE(row[0] + " ** " + row[1]);
    Big a = parse(row[0]);
    uint64_t e = std::stoull(row[1]);
    size_t n = pow_size(a.mag(), e);
    ASSERT_GT(n, 0u);
    std::vector<Limb> buf(n);
    EXPECT_EQ(str(take(buf, pow(Out(buf), a.mag(), a.neg, e))), row[2]);
  }
  Limb two = 2;
  EXPECT_EQ(pow_size(Mag(&two, 1), uint64_t{1} << 62), 0u) << "absurd sizes are reported, not wrapped";
}

TEST(BigintTable, PowMod) {
  for (const auto& row : rows(kPowModCases)) {
    SCOPED_TRACE("pow(" + row[0] + ", " + row[1] + ", " + row[2] + ")");
    Big a = parse(row[0]), e = parse(row[1]), m = parse(row[2]);
    std::vector<Limb> buf(powmod_size(m.mag()));
    Result r = powmod(Out(buf), a.mag(), a.neg, e.mag(), e.neg, m.mag(), m.neg);
    EXPECT_EQ(r.ok() ? str(take(buf, r.value)) : error_type(r.status), row[3]);
  }
}

std::vector<uint8_t> unhex(const std::string& h) {
  std::vector<uint8_t> v;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    v.push_back(static_cast<uint8_t>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return v;
}

TEST(BigintTable, ToBytes) {
  for (const auto& row : rows(kToBytesCases)) {
    SCOPED_TRACE(row[0] + " len " + row[1] + " little " + row[2] + " signed " + row[3]);
    Big a = parse(row[0]);
    size_t length = std::stoull(row[1]);
    std::vector<uint8_t> bytes(length + 1, 0xAA);
    Status s = to_bytes(bytes.data(), length, a.mag(), a.neg, row[2] == "1", row[3] == "1");
    if (s != Status::kOk) {
      EXPECT_EQ(error_type(s), row[4]);
      continue;
    }
    bytes.pop_back();
    EXPECT_EQ(bytes, unhex(row[4]));
  }
}

TEST(BigintTable, FromBytes) {
  for (const auto& row : rows(kFromBytesCases)) {
    SCOPED_TRACE(row[0] + " little " + row[1] + " signed " + row[2]);
    std::vector<uint8_t> bytes = unhex(row[0]);
    std::vector<Limb> buf(from_bytes_size(bytes.size()));
    EXPECT_EQ(str(take(buf, from_bytes(Out(buf), bytes, row[1] == "1", row[2] == "1"))), row[3]);
  }
}

TEST(BigintTable, FromDouble) {
  for (const auto& row : rows(kFromDoubleCases)) {
    SCOPED_TRACE(row[0]);
    double d = row[0] == "inf" ? HUGE_VAL : row[0] == "-inf" ? -HUGE_VAL : row[0] == "nan" ? NAN : parse_double(row[0]);
    std::vector<Limb> buf(from_double_size(d));
    Result r = from_double(Out(buf), d);
    EXPECT_EQ(r.ok() ? str(take(buf, r.value)) : error_type(r.status), row[1]);
  }
}

TEST(BigintTable, ToFloat) {
  for (const auto& row : rows(kToFloatCases)) {
    SCOPED_TRACE(row[0]);
    Big a = parse(row[0]);
    double d = 0;
    Status s = to_double(a.mag(), a.neg, &d);
    EXPECT_EQ(s == Status::kOk ? hex_double(d) : error_type(s), row[1]);
  }
}

TEST(BigintTable, TrueDivide) {
  for (const auto& row : rows(kTrueDivCases)) {
    SCOPED_TRACE(row[0] + " / " + row[1]);
    Big a = parse(row[0]), b = parse(row[1]);
    double d = 0;
    Status s = true_divide(a.mag(), a.neg, b.mag(), b.neg, &d);
    EXPECT_EQ(s == Status::kOk ? hex_double(d) : error_type(s), row[2]);
  }
}

// ---- Hand-picked cases -------------------------------------------------------

TEST(Bigint, Messages) {
  EXPECT_STREQ(status_error(Status::kDivisionByZero).message, "integer division or modulo by zero");
  EXPECT_STREQ(status_error(Status::kModuloByZero).message, "integer modulo by zero");
  EXPECT_STREQ(status_error(Status::kNotInvertible).type, "ValueError");
  EXPECT_EQ(str_to_int_limit_error(4301, 10, kDefaultMaxStrDigits),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use "
            "sys.set_int_max_str_digits() to increase the limit");
  EXPECT_EQ(str_to_int_limit_error(4300, 10, kDefaultMaxStrDigits), "");
  EXPECT_EQ(str_to_int_limit_error(100000, 16, kDefaultMaxStrDigits), "") << "powers of two are not limited";
  EXPECT_EQ(str_to_int_limit_error(100000, 10, 0), "") << "0 is no limit";
  EXPECT_EQ(int_to_str_limit_error(4300),
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to "
            "increase the limit");
}

TEST(Bigint, IntToStrLimitIsExact) {
  // 10**4299 has 4300 digits (allowed), 10**4300 has 4301.
  for (int k : {4298, 4299, 4300, 4301, 5000}) {
    Limb ten = 10;
    std::vector<Limb> buf(pow_size(Mag(&ten, 1), k));
    Big p = take(buf, pow(Out(buf), Mag(&ten, 1), false, k));
    EXPECT_EQ(int_to_str_exceeds_limit(p.mag(), 10, 4300), k + 1 > 4300) << k;
    std::vector<Limb> m(add_size(p.mag(), {}));
    Big pm1 = take(m, add_small(Out(m), p.mag(), false, -1));  // 10**k - 1 has k digits
    EXPECT_EQ(int_to_str_exceeds_limit(pm1.mag(), 10, 4300), k > 4300) << k;
    EXPECT_FALSE(int_to_str_exceeds_limit(p.mag(), 16, 4300));
  }
}

TEST(Bigint, SmallValues) {
  Limb l[1];
  int64_t v = 0;
  for (int64_t x : {int64_t{0}, int64_t{1}, int64_t{-1}, INT64_MAX, INT64_MIN}) {
    Int r = from_int64(Out(l, 1), x);
    ASSERT_TRUE(to_int64(Mag(l, r.len), r.neg, &v));
    EXPECT_EQ(v, x);
  }
  Limb big = uint64_t{1} << 63;
  EXPECT_FALSE(to_int64(Mag(&big, 1), false, &v));
  EXPECT_TRUE(to_int64(Mag(&big, 1), true, &v));
  EXPECT_EQ(v, INT64_MIN);
  EXPECT_EQ(str(parse("000")), "0");
  EXPECT_EQ(str(parse("-0")), "0");
  std::vector<Limb> buf(4);
  EXPECT_EQ(from_digits(Out(buf), "12a", 10).status, Status::kInvalidDigit);
  EXPECT_EQ(from_digits(Out(buf), "1_0", 10).status, Status::kInvalidDigit);
  EXPECT_EQ(str(parse("zZ", 36)), "1295");
  EXPECT_EQ(hash({}, false), 0);
  Limb one = 1;
  EXPECT_EQ(hash(Mag(&one, 1), true), -2);
}

// ---- Randomized self-consistency ------------------------------------------

class Random {
 public:
  explicit Random(uint64_t seed) : gen_(seed) {}
  Big next() {
    static const int kSizes[] = {0, 1, 2, 63, 64, 65, 127, 128, 129, 200, 500, 1500, 5000};
    int bits = kSizes[gen_() % std::size(kSizes)];
    Big b;
    b.limbs.resize((bits + 63) / 64);
    // Runs of ones and zeros find carry and borrow bugs that uniform bits miss.
    for (auto& l : b.limbs)
      l = (gen_() & (gen_() % 4 == 0 ? 0xFFFF000000000000ull : ~0ull)) | (gen_() % 3 == 0 ? ~0ull : 0);
    if (bits % 64 && !b.limbs.empty()) b.limbs.back() &= (Limb{1} << (bits % 64)) - 1;
    b.limbs.resize(normalized_length(b.mag()));
    b.neg = !b.limbs.empty() && gen_() % 2;
    return b;
  }
  uint64_t below(uint64_t n) { return gen_() % n; }

 private:
  std::mt19937_64 gen_;
};

Big big_add(const Big& a, const Big& b) {
  std::vector<Limb> buf(add_size(a.mag(), b.mag()));
  return take(buf, add(Out(buf), a.mag(), a.neg, b.mag(), b.neg));
}
Big big_mul(const Big& a, const Big& b) {
  std::vector<Limb> buf(mul_size(a.mag(), b.mag()));
  return take(buf, mul(Out(buf), a.mag(), a.neg, b.mag(), b.neg));
}
Big neg(Big a) {
  a.neg = !a.limbs.empty() && !a.neg;
  return a;
}
bool same(const Big& a, const Big& b) { return compare(a.mag(), a.neg, b.mag(), b.neg) == 0 && a.neg == b.neg; }

TEST(BigintRandom, Identities) {
  Random rng(12345);
  for (int i = 0; i < 20000; ++i) {
    Big a = rng.next(), b = rng.next();
    SCOPED_TRACE(str(a, 16) + " , " + str(b, 16));
    // (a + b) - b == a; a - b == a + (-b)
    Big s = big_add(a, b);
    ASSERT_TRUE(same(big_add(s, neg(b)), a));
    // divmod: a == q * b + r, r has b's sign and |r| < |b|.
    if (!b.limbs.empty()) {
      std::vector<Limb> q(floordiv_size(a.mag(), b.mag())), r(mod_size(a.mag(), b.mag()));
      DivMod dm = divmod(Out(q), Out(r), a.mag(), a.neg, b.mag(), b.neg);
      Big qb = take(q, dm.quotient), rb = take(r, dm.remainder);
      ASSERT_TRUE(same(big_add(big_mul(qb, b), rb), a));
      ASSERT_LT(compare_magnitude(rb.mag(), b.mag()), 0);
      if (!rb.limbs.empty()) {
        ASSERT_EQ(rb.neg, b.neg);
      }
    }
    // Strings round-trip in every base.
    int base = 2 + static_cast<int>(rng.below(35));
    std::string text = str(a, base);
    ASSERT_TRUE(same(parse(text, base), a)) << base;
    // x ^ y == (x | y) - (x & y); ~a == -a - 1
    std::vector<Limb> o(bitwise_size(a.mag(), b.mag())), n(bitwise_size(a.mag(), b.mag())),
        x(bitwise_size(a.mag(), b.mag()));
    Big ob = take(o, bit_or(Out(o), a.mag(), a.neg, b.mag(), b.neg));
    Big ab = take(n, bit_and(Out(n), a.mag(), a.neg, b.mag(), b.neg));
    Big xb = take(x, bit_xor(Out(x), a.mag(), a.neg, b.mag(), b.neg));
    ASSERT_TRUE(same(big_add(ob, neg(ab)), xb));
    // a >> k == a // 2**k; (a << k) >> k == a
    uint64_t k = rng.below(300);
    std::vector<Limb> l(lshift_size(a.mag(), k)), rs(rshift_size(a.mag(), k));
    Big lb = take(l, lshift(Out(l), a.mag(), a.neg, k));
    std::vector<Limb> back(rshift_size(lb.mag(), k));
    ASSERT_TRUE(same(take(back, rshift(Out(back), lb.mag(), lb.neg, k)), a));
    Limb one = 1;
    std::vector<Limb> p2(lshift_size(Mag(&one, 1), k));
    Big pow2 = take(p2, lshift(Out(p2), Mag(&one, 1), false, k));
    std::vector<Limb> fq(floordiv_size(a.mag(), pow2.mag()));
    Big fd = take(fq, floordiv(Out(fq), a.mag(), a.neg, pow2.mag(), false).value);
    ASSERT_TRUE(same(take(rs, rshift(Out(rs), a.mag(), a.neg, k)), fd));
    // Bytes round-trip, signed, at the minimal length.
    size_t len = bit_length(a.mag()) / 8 + 1;
    std::vector<uint8_t> bytes(len);
    ASSERT_EQ(to_bytes(bytes.data(), len, a.mag(), a.neg, i % 2, true), Status::kOk);
    std::vector<Limb> fb(from_bytes_size(len));
    ASSERT_TRUE(same(take(fb, from_bytes(Out(fb), bytes, i % 2, true)), a));
  }
}

TEST(BigintRandom, PowModAgreesWithPow) {
  Random rng(777);
  for (int i = 0; i < 2000; ++i) {
    Big a = rng.next(), m = rng.next();
    if (m.limbs.empty()) continue;
    uint64_t e = rng.below(40);
    std::vector<Limb> p(pow_size(a.mag(), e));
    Big pa = take(p, pow(Out(p), a.mag(), a.neg, e));
    std::vector<Limb> r(mod_size(pa.mag(), m.mag()));
    Big expected = take(r, mod(Out(r), pa.mag(), pa.neg, m.mag(), m.neg).value);
    Limb el = e;
    std::vector<Limb> out(powmod_size(m.mag()));
    Result got = powmod(Out(out), a.mag(), a.neg, Mag(&el, e ? 1 : 0), false, m.mag(), m.neg);
    ASSERT_TRUE(got.ok());
    ASSERT_TRUE(same(take(out, got.value), expected)) << i;
  }
}

}  // namespace
}  // namespace tern::objects::bigint
