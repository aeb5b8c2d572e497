// hash: table tests against python3.11 (hash_cases.inc, from
// gen_hash_cases.py) under several PYTHONHASHSEED values, and the parsing of
// PYTHONHASHSEED itself.
#include "runtime/objects/hash.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace tern::objects {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

#include "hash_cases.inc"

TEST(HashBytes, MatchesCPythonUnderEachSeed) {
  for (size_t s = 0; s < std::size(kSeeds); ++s) {
    set_hash_seed(kSeeds[s]);
    EXPECT_FALSE(hash_randomization());
    for (const BytesCase& c : kBytesCases) {
      EXPECT_EQ(hash_bytes(c.data, c.len), c.hash[s]) << c.what << " seed " << kSeeds[s];
    }
  }
}

TEST(HashBytes, EmptyIsZero) {
  set_hash_seed(12345);
  EXPECT_EQ(hash_bytes("", 0), 0);
  EXPECT_EQ(hash_bytes(nullptr, 0), 0);
}

TEST(HashDouble, MatchesCPython) {
  for (const FloatCase& c : kFloatCases) EXPECT_EQ(hash_double(c.v, 7), c.hash) << c.v;
}

TEST(HashDouble, NaNHashesByIdentity) {
  EXPECT_EQ(hash_double(kNaN, 12345), 12345);
  EXPECT_EQ(hash_double(-kNaN, -99), -99);
}

TEST(HashDouble, IntegralValuesHashLikeInts) {
  // hash(n) == n for small ints, except -1 -> -2.
  for (int64_t n = -1000; n <= 1000; ++n) {
    EXPECT_EQ(hash_double(static_cast<double>(n), 0), n == -1 ? -2 : n) << n;
  }
  EXPECT_EQ(hash_double(std::ldexp(1.0, 61), 0), 1);  // 2**61 == 1 modulo 2**61 - 1
}

TEST(HashComplex, MatchesCPython) {
  for (const ComplexCase& c : kComplexCases) {
    EXPECT_EQ(hash_complex(c.re, c.im, 7), c.hash) << c.re << " " << c.im;
  }
}

TEST(HashComplex, NaNPartsUseIdentity) {
  EXPECT_EQ(hash_complex(kNaN, 0.0, 5), 5);
  EXPECT_EQ(hash_complex(0.0, kNaN, 5), static_cast<int64_t>(kHashImag * 5));
}

TEST(HashTuple, MatchesCPython) {
  for (const TupleCase& c : kTupleCases) EXPECT_EQ(hash_tuple(c.items, c.n), c.hash) << "n=" << c.n;
}

TEST(HashSecret, ParsesPythonHashSeedLikeCPython) {
  const char* msg = "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]";
  for (const char* bad : {"abc", "12x", "4294967296", "-1", "99999999999999999999999", "1.5", "random2"}) {
    auto err = init_hash_secret(bad);
    ASSERT_TRUE(err.has_value()) << bad;
    EXPECT_EQ(*err, msg);
  }
  // A fixed seed gives the same secret as set_hash_seed.
  set_hash_seed(12345);
  int64_t h = hash_bytes("spam", 4);
  set_hash_seed(0);
  EXPECT_FALSE(init_hash_secret("12345").has_value());
  EXPECT_FALSE(hash_randomization());
  EXPECT_EQ(hash_bytes("spam", 4), h);
  // Random secrets.
  for (const char* random : {static_cast<const char*>(nullptr), "", "random"}) {
    EXPECT_FALSE(init_hash_secret(random).has_value());
    EXPECT_TRUE(hash_randomization());
  }
  int64_t a = hash_bytes("spam", 4);
  EXPECT_FALSE(init_hash_secret("random").has_value());
  EXPECT_NE(hash_bytes("spam", 4), a);  // 2**-64 chance of a false failure
  EXPECT_FALSE(init_hash_secret("0").has_value());
  EXPECT_FALSE(hash_randomization());
}

}  // namespace
}  // namespace tern::objects
