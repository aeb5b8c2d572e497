// int, bool, float and complex through their slots and the C++ API: the
// small-int invariant of int.h at the boundaries, arithmetic and errors with
// CPython 3.11's messages, exact int/float comparison, numeric hashes, repr
// and the digit limit, parsing, formatting, rounding and hex conversions.
// Expected values were printed by python3.11.  The binary runs plain and
// under TERN_GC_STRESS with the heap verifier (big ints move while alive).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {
namespace {

// repr(v), or "!Type: message" for a null result with an exception pending.
std::string show(Value v) {
  if (v.isNull()) {
    Value e = takeError();
    if (e.isNull()) return "!<no exception>";
    Value s = str(e);
    std::string msg = s.isNull() ? "?" : strToUtf8(s);
    clearError();
    return "!" + typeNameOf(e) + ": " + msg;
  }
  Value r = repr(v);
  if (r.isNull()) return show(r);
  return strToUtf8(r);
}

Value I(int64_t n) { return newInt(n); }
Value Big(const char* decimal) { return intFromString(decimal, 10); }
Value F(double d) { return newFloat(d); }
Value S(const char* s) { return newStr(s); }
Value op(Value a, BinOp o, Value b) { return binaryOp(a, b, o); }
Value callType(Type* t, std::initializer_list<Value> args) {
  Value a[4];
  size_t n = 0;
  for (Value v : args) a[n++] = v;
  return call(typeValue(t), a, n);
}
Value method(Value self, const char* name, std::initializer_list<Value> args) {
  Value a[4];
  size_t n = 0;
  for (Value v : args) a[n++] = v;
  return callMethod(self, internStr(name), a, n);
}

constexpr int64_t kMax = Value::kSmallIntMax;
constexpr int64_t kMin = Value::kSmallIntMin;

TEST(Int, SmallIntInvariantAtBoundaries) {
  EXPECT_TRUE(I(kMax).isSmallInt());
  EXPECT_TRUE(I(kMin).isSmallInt());
  Value up = op(I(kMax), BinOp::kAdd, I(1));
  EXPECT_FALSE(up.isSmallInt());
  EXPECT_EQ(show(up), "4611686018427387904");
  Value back = op(up, BinOp::kSubtract, I(1));
  EXPECT_TRUE(back.isSmallInt());
  Value down = op(I(kMin), BinOp::kSubtract, I(1));
  EXPECT_EQ(show(down), "-4611686018427387905");
  EXPECT_TRUE(op(down, BinOp::kAdd, I(1)).isSmallInt());
  // -kMin does not fit, abs likewise; big products shrink back to tagged.
  EXPECT_FALSE(negative(I(kMin)).isSmallInt());
  EXPECT_EQ(show(absolute(I(kMin))), "4611686018427387904");
  Value p = Big("340282366920938463463374607431768211456");  // 2**128
  Value q = op(p, BinOp::kFloorDivide, Big("340282366920938463463374607431768211455"));
  EXPECT_TRUE(q.isSmallInt());
  EXPECT_EQ(q.asSmallInt(), 1);
  EXPECT_TRUE(Big("4611686018427387903").isSmallInt());
  EXPECT_FALSE(Big("4611686018427387904").isSmallInt());
  EXPECT_TRUE(newIntUnsigned(static_cast<uint64_t>(kMax)).isSmallInt());
  EXPECT_EQ(show(newIntUnsigned(UINT64_MAX)), "18446744073709551615");
}

TEST(Int, Arithmetic) {
  EXPECT_EQ(show(op(Big("123456789012345678901234567890"), BinOp::kMultiply, Big("98765432109876543210"))),
            "12193263113702179522496570642237463801111263526900");
  EXPECT_EQ(show(op(I(-7), BinOp::kFloorDivide, I(2))), "-4");
  EXPECT_EQ(show(op(I(-7), BinOp::kRemainder, I(2))), "1");
  EXPECT_EQ(show(op(I(7), BinOp::kRemainder, I(-2))), "-1");
  EXPECT_EQ(show(divmod(Big("1000000000000000000000000000000"), I(-7))),
            "(-142857142857142857142857142858, -6)");
  EXPECT_EQ(show(op(I(1), BinOp::kTrueDivide, I(0))), "!ZeroDivisionError: division by zero");
  EXPECT_EQ(show(op(I(1), BinOp::kFloorDivide, I(0))), "!ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(show(op(I(1), BinOp::kRemainder, I(0))), "!ZeroDivisionError: integer modulo by zero");
  EXPECT_EQ(show(op(I(1), BinOp::kTrueDivide, I(3))), "0.3333333333333333");
  EXPECT_EQ(show(op(Big("100000000000000000000000000000"), BinOp::kTrueDivide, I(3))), "3.3333333333333333e+28");
}

TEST(Int, Powers) {
  EXPECT_EQ(show(op(I(2), BinOp::kPower, I(100))), "1267650600228229401496703205376");
  EXPECT_EQ(show(op(I(-3), BinOp::kPower, I(41))), "-36472996377170786403");
  EXPECT_EQ(show(op(I(2), BinOp::kPower, I(-2))), "0.25");
  EXPECT_EQ(show(op(I(0), BinOp::kPower, I(-1))), "!ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(show(power(I(3), I(200), I(1000000007))), "136318165");
}

TEST(Int, Shifts) {
  EXPECT_EQ(show(op(I(1), BinOp::kLshift, I(100))), "1267650600228229401496703205376");
  EXPECT_EQ(show(op(I(-1), BinOp::kLshift, I(70))), "-1180591620717411303424");
  EXPECT_EQ(show(op(I(-5), BinOp::kRshift, I(1))), "-3");
  EXPECT_EQ(show(op(I(1), BinOp::kLshift, I(-1))), "!ValueError: negative shift count");
  Value big = op(I(1), BinOp::kLshift, I(100));
  EXPECT_EQ(show(op(negative(big), BinOp::kRshift, I(200))), "-1");
  EXPECT_EQ(show(op(big, BinOp::kRshift, I(99))), "2");
}

TEST(Int, Bitwise) {
  Value a = Big("100000000000000000000"), b = Big("10000000000000000000");
  EXPECT_EQ(show(op(a, BinOp::kAnd, negative(b))), "99223408323035398144");
  EXPECT_EQ(show(op(negative(a), BinOp::kOr, I(12345))), "-99999999999999987655");
  EXPECT_EQ(show(op(negative(a), BinOp::kXor, negative(b))), "108446816646069747712");
  EXPECT_EQ(show(invert(a)), "-100000000000000000001");
  EXPECT_EQ(show(invert(I(-1))), "0");
}

TEST(Int, CompareWithFloatExactly) {
  Value two53p1 = Big("9007199254740993");
  EXPECT_EQ(richCompareBool(two53p1, F(9007199254740992.0), kEq), 0);
  EXPECT_EQ(richCompareBool(two53p1, F(9007199254740992.0), kGt), 1);
  EXPECT_EQ(richCompareBool(F(9007199254740992.0), two53p1, kLt), 1);
  Value huge = op(I(10), BinOp::kPower, I(400));
  EXPECT_EQ(richCompareBool(huge, F(1e308), kGt), 1);
  EXPECT_EQ(richCompareBool(negative(huge), F(-INFINITY), kGt), 1);
  EXPECT_EQ(richCompareBool(I(3), F(3.5), kLt), 1);
  EXPECT_EQ(richCompareBool(I(4), F(3.5), kGt), 1);
  EXPECT_EQ(richCompareBool(I(-4), F(-3.5), kLt), 1);
  EXPECT_EQ(richCompareBool(I(1), F(NAN), kEq), 0);
  EXPECT_EQ(richCompareBool(I(1), F(NAN), kNe), 1);
  EXPECT_EQ(richCompareBool(Big("9223372036854775808"), F(9223372036854775808.0), kEq), 1);
}

TEST(Int, Hash) {
  EXPECT_EQ(hash(Big("2305843009213693951")), 0);
  EXPECT_EQ(hash(Big("2305843009213693952")), 1);
  EXPECT_EQ(hash(I(-1)), -2);
  EXPECT_EQ(hash(negative(op(I(2), BinOp::kPower, I(70)))), -512);
  EXPECT_EQ(hash(callType(types::int_type, {F(1e100)})), hash(F(1e100)));
  EXPECT_EQ(hash(F(1e100)), 1822893315824342674);
  EXPECT_EQ(hash(F(-1.0)), -2);
  EXPECT_EQ(hash(F(0.5)), 1152921504606846976);
  EXPECT_EQ(hash(True()), 1);
  EXPECT_EQ(hash(newComplex(1, 2)), 2000007);
}

TEST(Int, ReprDigitLimit) {
  Value big = op(I(10), BinOp::kPower, I(4300));
  EXPECT_EQ(show(big).substr(0, 6),
            "!Value");
  Value ok = op(I(10), BinOp::kPower, I(4299));
  EXPECT_EQ(show(ok).size(), 4300u);
  size_t saved = g_int_max_str_digits;
  g_int_max_str_digits = 0;
  EXPECT_EQ(show(big).size(), 4301u);
  g_int_max_str_digits = saved;
}

TEST(Int, FromString) {
  EXPECT_EQ(show(callType(types::int_type, {S("  -1_000  ")})), "-1000");
  EXPECT_EQ(show(callType(types::int_type, {S("0x_1F"), I(0)})), "31");
  EXPECT_EQ(show(callType(types::int_type, {S("0o17"), I(0)})), "15");
  EXPECT_EQ(show(callType(types::int_type, {S("0b101"), I(2)})), "5");
  EXPECT_EQ(show(callType(types::int_type, {S("z"), I(36)})), "35");
  EXPECT_EQ(show(callType(types::int_type, {S("000"), I(0)})), "0");
  EXPECT_EQ(show(callType(types::int_type, {S("010"), I(0)})),
            "!ValueError: invalid literal for int() with base 0: '010'");
  EXPECT_EQ(show(callType(types::int_type, {S("1__0")})), "!ValueError: invalid literal for int() with base 10: '1__0'");
  EXPECT_EQ(show(callType(types::int_type, {S("_1")})), "!ValueError: invalid literal for int() with base 10: '_1'");
  EXPECT_EQ(show(callType(types::int_type, {S("1_")})), "!ValueError: invalid literal for int() with base 10: '1_'");
  EXPECT_EQ(show(callType(types::int_type, {S("")})), "!ValueError: invalid literal for int() with base 10: ''");
  EXPECT_EQ(show(callType(types::int_type, {S("12"), I(1)})), "!ValueError: int() base must be >= 2 and <= 36, or 0");
  EXPECT_EQ(show(callType(types::int_type, {S("\u0661\u0662\u0663")})), "123");
  EXPECT_EQ(show(callType(types::int_type, {F(-3.99)})), "-3");
  EXPECT_EQ(show(callType(types::int_type, {F(1e20)})), "100000000000000000000");
  EXPECT_EQ(show(callType(types::int_type, {F(INFINITY)})), "!OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(show(callType(types::int_type, {F(NAN)})), "!ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(show(callType(types::int_type, {newBytes(" 42 ")})), "42");
  EXPECT_EQ(show(callType(types::int_type, {I(12), I(10)})),
            "!TypeError: int() can't convert non-string with explicit base");
  std::string nines(5000, '9');
  EXPECT_EQ(show(callType(types::int_type, {S(nines.c_str())})),
            "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use "
            "sys.set_int_max_str_digits() to increase the limit");
  EXPECT_EQ(show(callType(types::int_type, {})), "0");
}

TEST(Int, Methods) {
  EXPECT_EQ(show(method(op(I(10), BinOp::kPower, I(5000)), "bit_length", {})), "16610");
  EXPECT_EQ(show(method(I(-255), "bit_length", {})), "8");
  EXPECT_EQ(show(method(I(-255), "bit_count", {})), "8");
  EXPECT_EQ(show(method(I(1024), "to_bytes", {I(2), S("little")})), "b'\\x00\\x04'");
  EXPECT_EQ(show(method(I(256), "to_bytes", {I(1), S("big")})), "!OverflowError: int too big to convert");
  EXPECT_EQ(show(method(I(-1), "to_bytes", {I(1), S("big")})), "!OverflowError: can't convert negative int to unsigned");
  EXPECT_EQ(show(method(typeValue(types::int_type), "from_bytes", {newBytes(std::string_view("\x00\x01", 2)), S("little")})), "256");
  EXPECT_EQ(show(method(I(1235), "__round__", {I(-1)})), "1240");
  EXPECT_EQ(show(method(I(1245), "__round__", {I(-1)})), "1240");
  EXPECT_EQ(show(method(I(-1250), "__round__", {I(-2)})), "-1200");
  EXPECT_EQ(show(method(I(25), "__round__", {I(-1)})), "20");
  EXPECT_EQ(show(method(I(1), "__sizeof__", {})), "28");
  EXPECT_EQ(show(method(op(I(10), BinOp::kPower, I(30)), "__sizeof__", {})), "40");
  EXPECT_EQ(show(method(op(I(10), BinOp::kPower, I(20)), "as_integer_ratio", {})), "(100000000000000000000, 1)");
}

TEST(Int, Format) {
  EXPECT_EQ(show(format(I(1234567), S(","))), "'1,234,567'");
  EXPECT_EQ(show(format(I(1234567), S("_x"))), "'12_d687'");
  EXPECT_EQ(show(format(I(255), S("#010b"))), "'0b11111111'");
  EXPECT_EQ(show(format(I(-255), S("X"))), "'-FF'");
  EXPECT_EQ(show(format(I(65), S("c"))), "'A'");
  EXPECT_EQ(show(format(op(I(10), BinOp::kPower, I(30)), S("e"))), "'1.000000e+30'");
  EXPECT_EQ(show(format(I(5), S(".2%"))), "'500.00%'");
  EXPECT_EQ(show(format(I(-5), S("+08d"))), "'-0000005'");
  EXPECT_EQ(show(format(I(5), S("q"))), "!ValueError: Unknown format code 'q' for object of type 'int'");
  EXPECT_EQ(show(format(True(), S("d"))), "'1'");
  EXPECT_EQ(show(format(True(), S(""))), "'True'");
}

TEST(Bool, Basics) {
  EXPECT_EQ(show(True()), "True");
  EXPECT_EQ(show(op(True(), BinOp::kAdd, True())), "2");
  EXPECT_EQ(show(op(True(), BinOp::kAnd, False())), "False");
  EXPECT_EQ(show(op(True(), BinOp::kOr, I(5))), "5");
  EXPECT_EQ(show(invert(True())), "-2");
  EXPECT_EQ(show(callType(types::bool_type, {op(I(10), BinOp::kPower, I(30))})), "True");
  EXPECT_EQ(show(callType(types::bool_type, {I(0)})), "False");
  EXPECT_EQ(richCompareBool(True(), I(1), kEq), 1);
}

TEST(Float, Arithmetic) {
  EXPECT_EQ(show(op(F(1.5), BinOp::kAdd, I(2))), "3.5");
  EXPECT_EQ(show(op(I(2), BinOp::kAdd, F(1.5))), "3.5");
  EXPECT_EQ(show(op(F(-7.5), BinOp::kFloorDivide, I(2))), "-4.0");
  EXPECT_EQ(show(op(F(-7.5), BinOp::kRemainder, I(2))), "0.5");
  EXPECT_EQ(show(op(F(7.5), BinOp::kRemainder, I(-2))), "-0.5");
  EXPECT_EQ(show(divmod(F(-7.5), I(2))), "(-4.0, 0.5)");
  EXPECT_EQ(show(op(F(1.0), BinOp::kTrueDivide, I(0))), "!ZeroDivisionError: float division by zero");
  EXPECT_EQ(show(op(F(1.0), BinOp::kFloorDivide, F(0.0))), "!ZeroDivisionError: float floor division by zero");
  EXPECT_EQ(show(op(F(1.0), BinOp::kRemainder, F(0.0))), "!ZeroDivisionError: float modulo");
  EXPECT_EQ(show(divmod(F(1.0), I(0))), "!ZeroDivisionError: float divmod()");
  EXPECT_EQ(show(op(F(0.0), BinOp::kPower, I(-1))), "!ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(show(op(F(-8.0), BinOp::kPower, F(1.0 / 3))), "(1.0000000000000002+1.7320508075688772j)");
  EXPECT_EQ(show(op(F(2.0), BinOp::kPower, I(10000))), "!OverflowError: (34, 'Numerical result out of range')");
  EXPECT_EQ(show(op(F(-2.0), BinOp::kPower, I(3))), "-8.0");
  EXPECT_EQ(show(op(F(INFINITY), BinOp::kPower, I(-3))), "0.0");
  EXPECT_EQ(show(op(F(1e308), BinOp::kMultiply, I(10))), "inf");
  EXPECT_EQ(show(op(F(0.1), BinOp::kAdd, F(0.2))), "0.30000000000000004");
  EXPECT_EQ(show(op(F(1.0), BinOp::kAdd, op(I(10), BinOp::kPower, I(400)))),
            "!OverflowError: int too large to convert to float");
}

TEST(Float, Round) {
  EXPECT_EQ(show(method(F(2.675), "__round__", {I(2)})), "2.67");
  EXPECT_EQ(show(method(F(0.125), "__round__", {I(2)})), "0.12");
  EXPECT_EQ(show(method(F(0.375), "__round__", {I(2)})), "0.38");
  EXPECT_EQ(show(method(F(-0.4), "__round__", {})), "0");
  EXPECT_EQ(show(method(F(2.5), "__round__", {})), "2");
  EXPECT_EQ(show(method(F(3.5), "__round__", {})), "4");
  EXPECT_EQ(show(method(F(-2.5), "__round__", {})), "-2");
  EXPECT_EQ(show(method(F(123.456), "__round__", {I(-1)})), "120.0");
  EXPECT_EQ(show(method(F(-0.4), "__round__", {I(0)})), "-0.0");
  EXPECT_EQ(show(method(F(1.7e308), "__round__", {I(-308)})), "!OverflowError: rounded value too large to represent");
  EXPECT_EQ(show(method(F(5e-324), "__round__", {I(400)})), "5e-324");
  EXPECT_EQ(show(method(F(1e300), "__round__", {I(-299)})), "1e+300");
  EXPECT_EQ(show(method(F(INFINITY), "__round__", {I(2)})), "inf");
  EXPECT_EQ(show(method(F(INFINITY), "__round__", {})), "!OverflowError: cannot convert float infinity to integer");
}

TEST(Float, RatioHexFromhex) {
  EXPECT_EQ(show(method(F(1.5), "as_integer_ratio", {})), "(3, 2)");
  EXPECT_EQ(show(method(F(-0.1), "as_integer_ratio", {})), "(-3602879701896397, 36028797018963968)");
  EXPECT_EQ(show(method(F(1.5), "hex", {})), "'0x1.8000000000000p+0'");
  EXPECT_EQ(show(method(F(5e-324), "hex", {})), "'0x0.0000000000001p-1022'");
  EXPECT_EQ(show(method(F(-0.0), "hex", {})), "'-0x0.0p+0'");
  EXPECT_EQ(show(method(F(0.1), "hex", {})), "'0x1.999999999999ap-4'");
  Value ft = typeValue(types::float_type);
  EXPECT_EQ(show(method(ft, "fromhex", {S("0x1.999999999999ap-4")})), "0.1");
  EXPECT_EQ(show(method(ft, "fromhex", {S("-0X1P-1074")})), "-5e-324");
  EXPECT_EQ(show(method(ft, "fromhex", {S("0x1p-1075")})), "0.0");
  EXPECT_EQ(show(method(ft, "fromhex", {S("0x3p-1076")})), "5e-324");
  EXPECT_EQ(show(method(ft, "fromhex", {S("0x1.fffffffffffff8p1023")})),
            "!OverflowError: hexadecimal value too large to represent as a float");
  EXPECT_EQ(show(method(ft, "fromhex", {S(" 0x.8p1 ")})), "1.0");
  EXPECT_EQ(show(method(ft, "fromhex", {S("-Infinity")})), "-inf");
  EXPECT_EQ(show(method(ft, "fromhex", {S("0x")})), "!ValueError: invalid hexadecimal floating-point string");
}

TEST(Float, FromString) {
  EXPECT_EQ(show(callType(types::float_type, {S("  -1_0.5e1_0 ")})), "-105000000000.0");
  EXPECT_EQ(show(callType(types::float_type, {S("-iNF")})), "-inf");
  EXPECT_EQ(show(callType(types::float_type, {S("1e400")})), "inf");
  EXPECT_EQ(show(callType(types::float_type, {S("x1")})), "!ValueError: could not convert string to float: 'x1'");
  EXPECT_EQ(show(callType(types::float_type, {S("")})), "!ValueError: could not convert string to float: ''");
  EXPECT_EQ(show(callType(types::float_type, {S("nan(1)")})),
            "!ValueError: could not convert string to float: 'nan(1)'");
  EXPECT_EQ(show(callType(types::float_type, {newBytes("2.5")})), "2.5");
  EXPECT_EQ(show(callType(types::float_type, {S("\u0663.5")})), "3.5");
  EXPECT_EQ(show(callType(types::float_type, {})), "0.0");
  EXPECT_EQ(show(format(F(1234.5678), S(",.2f"))), "'1,234.57'");
  EXPECT_EQ(show(format(F(-0.0001), S("z.1f"))), "'0.0'");
}

TEST(Complex, ReprAndParse) {
  EXPECT_EQ(show(newComplex(1, 2)), "(1+2j)");
  EXPECT_EQ(show(newComplex(0.0, -0.0)), "-0j");
  EXPECT_EQ(show(newComplex(-0.0, 0.0)), "(-0+0j)");
  EXPECT_EQ(show(newComplex(1, NAN)), "(1+nanj)");
  EXPECT_EQ(show(newComplex(1e16, 1e-5)), "(1e+16+1e-05j)");
  Type* ct = types::complex_type;
  EXPECT_EQ(show(callType(ct, {S("  ( -1.5-2.5j )  ")})), "(-1.5-2.5j)");
  EXPECT_EQ(show(callType(ct, {S("j")})), "1j");
  EXPECT_EQ(show(callType(ct, {S("-J")})), "-1j");
  EXPECT_EQ(show(callType(ct, {S("1e+2j")})), "100j");
  EXPECT_EQ(show(callType(ct, {S("1_0j")})), "10j");
  EXPECT_EQ(show(callType(ct, {S("1+")})), "!ValueError: complex() arg is a malformed string");
  EXPECT_EQ(show(callType(ct, {S("1+2j"), I(1)})), "!TypeError: complex() can't take second arg if first is a string");
  EXPECT_EQ(show(callType(ct, {I(1), S("1")})), "!TypeError: complex() second arg can't be a string");
  EXPECT_EQ(show(callType(ct, {newComplex(1, 2), newComplex(0, 3)})), "(-2+2j)");
}

TEST(Complex, Arithmetic) {
  EXPECT_EQ(show(op(newComplex(1, 2), BinOp::kTrueDivide, newComplex(3, -4))), "(-0.2+0.4j)");
  EXPECT_EQ(show(op(newComplex(1, 2), BinOp::kTrueDivide, I(0))), "!ZeroDivisionError: complex division by zero");
  EXPECT_EQ(show(op(newComplex(1, 1), BinOp::kPower, I(2))), "2j");
  EXPECT_EQ(show(op(newComplex(1, 1), BinOp::kPower, I(-2))), "-0.5j");
  EXPECT_EQ(show(op(newComplex(0, 0), BinOp::kPower, I(-1))), "!ZeroDivisionError: 0.0 to a negative or complex power");
  EXPECT_EQ(show(op(I(2), BinOp::kPower, newComplex(1, 1))), "(1.5384778027279442+1.2779225526272695j)");
  EXPECT_EQ(show(op(newComplex(1e200, 1e200), BinOp::kPower, I(2))), "(nan+nanj)");
  EXPECT_EQ(show(op(newComplex(1e200, 1e200), BinOp::kPower, F(2.5))), "!OverflowError: complex exponentiation");
  EXPECT_EQ(show(absolute(newComplex(3, 4))), "5.0");
  EXPECT_EQ(show(absolute(newComplex(1e308, 1e308))), "1.4142135623730951e+308");
  EXPECT_EQ(richCompareBool(newComplex(1, 0), I(1), kEq), 1);
  EXPECT_EQ(show(richCompare(newComplex(1, 0), newComplex(1, 0), kLt)),
            "!TypeError: '<' not supported between instances of 'complex' and 'complex'");
}

TEST(Complex, Format) {
  EXPECT_EQ(show(format(newComplex(1, 2), S(""))), "'(1+2j)'");
  EXPECT_EQ(show(format(newComplex(1, 2), S(".2f"))), "'1.00+2.00j'");
  EXPECT_EQ(show(format(newComplex(1, 2), S(">12"))), "'      (1+2j)'");
  EXPECT_EQ(show(format(newComplex(0, 2), S("+"))), "'+2j'");
  EXPECT_EQ(show(format(newComplex(1, 2), S("010"))),
            "!ValueError: Zero padding is not allowed in complex format specifier");
  EXPECT_EQ(show(format(newComplex(1234.5, 2), S(","))), "'(1,234.5+2j)'");
}

// Big ints survive collections and keep their values (run under stress).
TEST(Int, ValuesSurviveCollections) {
  Value acc = I(1);
  for (int i = 0; i < 300; ++i) acc = op(acc, BinOp::kMultiply, I(3));
  for (int i = 0; i < 300; ++i) acc = op(acc, BinOp::kFloorDivide, I(3));
  EXPECT_TRUE(acc.isSmallInt());
  EXPECT_EQ(acc.asSmallInt(), 1);
}

}  // namespace
}  // namespace tern
