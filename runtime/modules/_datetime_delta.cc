// datetime.timedelta: a duration of days, seconds and microseconds, kept
// normalised (see _datetime.h).  Arithmetic with ints, floats and other
// timedeltas works on the total microseconds: exactly in 128 bits where the
// operands allow, with Python ints where an int operand may be any size, and
// floats through their exact integer ratio with the quotient rounded half to
// even, as CPython's divide_nearest.
#include <cmath>
#include <cstddef>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_datetime.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::datetime {

namespace {

Value pyInt(int64_t n) { return newInt(n); }

// ===========================================================================
// Normalisation

// Floor division and modulo of 128-bit values (Python's signs).
__int128 floorDiv(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// round(a / b) with ties to even, for Python ints (b non-zero).
Value divideNearest(Value a, Value b) {
  Value qr = divmod(a, b);
  if (qr.isNull()) return qr;
  Value q = tupleItem(qr, 0), r = tupleItem(qr, 1);
  Value twice = binaryOp(r, pyInt(2), BinOp::kMultiply);
  if (twice.isNull()) return twice;
  int b_positive = intSign(b) > 0;
  int greater = richCompareBool(twice, b, b_positive ? kGt : kLt);
  if (greater < 0) return Value();
  int half = richCompareBool(twice, b, kEq);
  if (half < 0) return Value();
  if (!greater && half) {
    Value odd = binaryOp(q, pyInt(1), BinOp::kAnd);
    if (odd.isNull()) return odd;
    greater = intSign(odd) != 0;
  }
  return greater ? binaryOp(q, pyInt(1), BinOp::kAdd) : q;
}

}  // namespace

Value newDelta(int64_t days, int64_t seconds, int64_t microseconds, bool normalize, Type* type) {
  if (normalize) {
    __int128 total = (static_cast<__int128>(days) * kSecondsPerDay + seconds) * kUsPerSecond + microseconds;
    __int128 s = floorDiv(total, kUsPerSecond);
    microseconds = static_cast<int64_t>(total - s * kUsPerSecond);
    __int128 d = floorDiv(s, kSecondsPerDay);
    seconds = static_cast<int64_t>(s - d * kSecondsPerDay);
    if (d > kMaxDeltaDays || d < -kMaxDeltaDays) {
      return raisef(exc::OverflowError, "days=%lld; must have magnitude <= 999999999", static_cast<long long>(d));
    }
    days = static_cast<int64_t>(d);
  }
  if (days > kMaxDeltaDays || days < -kMaxDeltaDays) {
    return raisef(exc::OverflowError, "days=%lld; must have magnitude <= 999999999", static_cast<long long>(days));
  }
  auto* d = static_cast<DeltaObj*>(newObject(type, type->basic_size));
  d->days = days;
  d->seconds = seconds;
  d->microseconds = microseconds;
  return Value(d);
}

Value deltaFromMicroseconds128(__int128 us, Type* type) {
  __int128 days = floorDiv(us, kUsPerDay);
  if (days > INT32_MAX || days < INT32_MIN)
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  int64_t rest = static_cast<int64_t>(us - days * kUsPerDay);
  return newDelta(static_cast<int64_t>(days), rest / kUsPerSecond, rest % kUsPerSecond, false, type);
}

Value microsecondsToDelta(Value us, Type* type) {
  int64_t small;
  if (intToInt64(us, &small)) return deltaFromMicroseconds128(small, type);
  clearError();
  Value qr = divmod(us, pyInt(kUsPerDay));
  if (qr.isNull()) return qr;
  int64_t days, rest;
  if (!intToInt64(tupleItem(qr, 0), &days) || days > INT32_MAX || days < INT32_MIN) {
    clearError();
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  }
  if (!intToInt64(tupleItem(qr, 1), &rest)) return Value();
  return newDelta(days, rest / kUsPerSecond, rest % kUsPerSecond, false, type);
}

Value deltaToMicroseconds(Value delta) {
  __int128 us = deltaMicroseconds(delta);
  // |us| < 2^67: split in two 64-bit halves for the Python int.
  int64_t high = static_cast<int64_t>(us / (static_cast<__int128>(1) << 32));
  int64_t low = static_cast<int64_t>(us - static_cast<__int128>(high) * (static_cast<__int128>(1) << 32));
  Value h = binaryOp(pyInt(high), pyInt(int64_t{1} << 32), BinOp::kMultiply);
  if (h.isNull()) return h;
  return binaryOp(h, pyInt(low), BinOp::kAdd);
}

namespace {

// ===========================================================================
// Construction

// sofar + num * factor, CPython's accum(): an int exactly; a float's integral
// part exactly and its fraction of `factor` added to *leftover.
Value accumulate(const char* tag, Value sofar, Value num, int64_t factor, double* leftover) {
  if (isInt(num)) {
    Value prod = binaryOp(num, pyInt(factor), BinOp::kMultiply);
    if (prod.isNull()) return prod;
    return binaryOp(sofar, prod, BinOp::kAdd);
  }
  if (isFloat(num)) {
    double intpart;
    double fracpart = std::modf(floatValue(num), &intpart);
    Value x = callMethod(newFloat(intpart), internStr("__int__"), nullptr, 0);
    if (x.isNull()) return x;
    Value prod = binaryOp(x, pyInt(factor), BinOp::kMultiply);
    if (prod.isNull()) return prod;
    Value sum = binaryOp(sofar, prod, BinOp::kAdd);
    if (sum.isNull() || fracpart == 0.0) return sum;
    double scaled = static_cast<double>(factor) * fracpart;
    fracpart = std::modf(scaled, &intpart);
    *leftover += fracpart;
    return binaryOp(sum, pyInt(static_cast<int64_t>(intpart)), BinOp::kAdd);
  }
  return raisef(exc::TypeError, "unsupported type for timedelta %s component: %s", tag, typeNameOf(num).c_str());
}

const MethodDef kDeltaNewDef = {
    .name = "__new__",
    .signature =
        "(days=<unrepresentable>, seconds=<unrepresentable>, microseconds=<unrepresentable>, "
        "milliseconds=<unrepresentable>, minutes=<unrepresentable>, hours=<unrepresentable>, "
        "weeks=<unrepresentable>)"};

Value delta_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[7];
  if (!bindArguments(&kDeltaNewDef, Value(), args, nargs, kwnames, a)) return Value();
  // Accumulated in CPython's order, so float rounding matches.
  struct Part {
    int index;
    const char* tag;
    int64_t factor;
  };
  static constexpr Part kParts[] = {
      {2, "microseconds", 1},
      {3, "milliseconds", 1000},
      {1, "seconds", kUsPerSecond},
      {4, "minutes", 60 * kUsPerSecond},
      {5, "hours", 3600 * kUsPerSecond},
      {0, "days", kUsPerDay},
      {6, "weeks", 7 * kUsPerDay},
  };
  Value sum = pyInt(0);
  double leftover = 0.0;
  for (const Part& p : kParts) {
    if (a[p.index].isNull()) continue;
    sum = accumulate(p.tag, sum, a[p.index], p.factor, &leftover);
    if (sum.isNull()) return sum;
  }
  if (leftover != 0.0) {
    double whole = std::round(leftover);
    if (std::fabs(whole - leftover) == 0.5) {
      // A tie: round to even, judged on the whole sum.
      Value odd = binaryOp(sum, pyInt(1), BinOp::kAnd);
      if (odd.isNull()) return odd;
      double is_odd = intSign(odd) != 0 ? 1.0 : 0.0;
      whole = 2.0 * std::round((leftover + is_odd) * 0.5) - is_odd;
    }
    sum = binaryOp(sum, pyInt(static_cast<int64_t>(whole)), BinOp::kAdd);
    if (sum.isNull()) return sum;
  }
  return microsecondsToDelta(sum, type);
}

// ===========================================================================
// Arithmetic

Value delta_add(Value a, Value b) {
  if (!isDelta(a) || !isDelta(b)) return NotImplemented();
  return deltaFromMicroseconds128(deltaMicroseconds(a) + deltaMicroseconds(b), g_delta_type);
}

Value delta_subtract(Value a, Value b) {
  if (!isDelta(a) || !isDelta(b)) return NotImplemented();
  return deltaFromMicroseconds128(deltaMicroseconds(a) - deltaMicroseconds(b), g_delta_type);
}

Value delta_negative(Value a) { return deltaFromMicroseconds128(-deltaMicroseconds(a), g_delta_type); }

Value delta_positive(Value a) { return deltaFromMicroseconds128(deltaMicroseconds(a), g_delta_type); }

Value delta_absolute(Value a) { return asDelta(a)->days < 0 ? delta_negative(a) : delta_positive(a); }

int delta_bool(Value a) {
  DeltaObj* d = asDelta(a);
  return d->days != 0 || d->seconds != 0 || d->microseconds != 0;
}

// delta * (num / den) (op 0) or delta * (den / num) (op 1) for a float's
// exact ratio, CPython's multiply_truedivide_timedelta_float.
Value scaleByFloat(Value delta, Value f, bool divide) {
  Value ratio = callMethod(f, internStr("as_integer_ratio"), nullptr, 0);
  if (ratio.isNull()) return ratio;
  if (!isTuple(ratio)) {
    return raisef(exc::TypeError, "unexpected return type from as_integer_ratio(): expected tuple, got '%s'",
                  typeNameOf(ratio).c_str());
  }
  if (tupleLength(ratio) != 2) return raise(exc::ValueError, "as_integer_ratio() must return a 2-tuple");
  Value us = deltaToMicroseconds(delta);
  if (us.isNull()) return us;
  Value mul = tupleItem(ratio, divide ? 1 : 0), by = tupleItem(ratio, divide ? 0 : 1);
  Value temp = binaryOp(us, mul, BinOp::kMultiply);
  if (temp.isNull()) return temp;
  if (intSign(by) == 0) return raise(exc::ZeroDivisionError, "integer division or modulo by zero");
  Value result = divideNearest(temp, by);
  if (result.isNull()) return result;
  return microsecondsToDelta(result, g_delta_type);
}

Value scaleByInt(Value delta, Value n) {
  Value us = deltaToMicroseconds(delta);
  if (us.isNull()) return us;
  Value prod = binaryOp(us, n, BinOp::kMultiply);
  if (prod.isNull()) return prod;
  return microsecondsToDelta(prod, g_delta_type);
}

Value delta_multiply(Value a, Value b) {
  if (isDelta(a)) {
    if (isInt(b)) return scaleByInt(a, b);
    if (isFloat(b)) return scaleByFloat(a, b, false);
  } else if (isDelta(b)) {
    if (isInt(a)) return scaleByInt(b, a);
    if (isFloat(a)) return scaleByFloat(b, a, false);
  }
  return NotImplemented();
}

// `op` of two timedeltas' microsecond counts, as Python ints.
Value microsecondsOp(Value a, Value b, BinOp op) {
  Value x = deltaToMicroseconds(a);
  if (x.isNull()) return x;
  Value y = deltaToMicroseconds(b);
  if (y.isNull()) return y;
  return binaryOp(x, y, op);
}

Value delta_true_divide(Value a, Value b) {
  if (!isDelta(a)) return NotImplemented();
  if (isDelta(b)) return microsecondsOp(a, b, BinOp::kTrueDivide);
  if (isFloat(b)) return scaleByFloat(a, b, true);
  if (isInt(b)) {
    if (intSign(b) == 0) return raise(exc::ZeroDivisionError, "integer division or modulo by zero");
    Value us = deltaToMicroseconds(a);
    if (us.isNull()) return us;
    Value q = divideNearest(us, b);
    if (q.isNull()) return q;
    return microsecondsToDelta(q, g_delta_type);
  }
  return NotImplemented();
}

Value delta_floor_divide(Value a, Value b) {
  if (!isDelta(a)) return NotImplemented();
  if (isDelta(b)) return microsecondsOp(a, b, BinOp::kFloorDivide);
  if (isInt(b)) {
    Value us = deltaToMicroseconds(a);
    if (us.isNull()) return us;
    Value q = binaryOp(us, b, BinOp::kFloorDivide);
    if (q.isNull()) return q;
    return microsecondsToDelta(q, g_delta_type);
  }
  return NotImplemented();
}

Value delta_remainder(Value a, Value b) {
  if (!isDelta(a) || !isDelta(b)) return NotImplemented();
  __int128 y = deltaMicroseconds(b);
  if (y == 0) return raise(exc::ZeroDivisionError, "integer modulo by zero");
  __int128 x = deltaMicroseconds(a);
  return deltaFromMicroseconds128(x - floorDiv(x, y) * y, g_delta_type);
}

Value delta_divmod(Value a, Value b) {
  if (!isDelta(a) || !isDelta(b)) return NotImplemented();
  __int128 y = deltaMicroseconds(b);
  if (y == 0) return raise(exc::ZeroDivisionError, "integer division or modulo by zero");
  __int128 x = deltaMicroseconds(a);
  __int128 q = floorDiv(x, y);
  // |q| <= |x| < 2^67 only when |y| = 1; build it through Python ints.
  Value qv = microsecondsOp(a, b, BinOp::kFloorDivide);
  if (qv.isNull()) return qv;
  Value rem = deltaFromMicroseconds128(x - q * y, g_delta_type);
  if (rem.isNull()) return rem;
  return newTupleOf({qv, rem});
}

// ===========================================================================
// Comparison, hash, repr

Value delta_richcompare(Value a, Value b, int op) {
  if (!isDelta(b)) return NotImplemented();
  __int128 x = deltaMicroseconds(a), y = deltaMicroseconds(b);
  return compareResult(x < y ? -1 : x > y ? 1 : 0, op);
}

int64_t delta_hash(Value a) {
  DeltaObj* d = asDelta(a);
  Value state = newTupleOf({pyInt(d->days), pyInt(d->seconds), pyInt(d->microseconds)});
  return hash(state);
}

Value delta_repr(Value self) {
  DeltaObj* d = asDelta(self);
  std::string out = reprName(self) + "(";
  std::string sep;
  if (d->days != 0) {
    out += "days=" + std::to_string(d->days);
    sep = ", ";
  }
  if (d->seconds != 0) {
    out += sep + "seconds=" + std::to_string(d->seconds);
    sep = ", ";
  }
  if (d->microseconds != 0) out += sep + "microseconds=" + std::to_string(d->microseconds);
  if (d->days == 0 && d->seconds == 0 && d->microseconds == 0) out += "0";
  return newStr(out + ")");
}

Value delta_str(Value self) {
  DeltaObj* d = asDelta(self);
  char buf[64];
  std::string out;
  if (d->days != 0) {
    snprintf(buf, sizeof buf, "%lld day%s, ", static_cast<long long>(d->days),
             d->days == 1 || d->days == -1 ? "" : "s");
    out += buf;
  }
  snprintf(buf, sizeof buf, "%d:%02d:%02d", static_cast<int>(d->seconds / 3600), static_cast<int>(d->seconds / 60 % 60),
           static_cast<int>(d->seconds % 60));
  out += buf;
  if (d->microseconds != 0) {
    snprintf(buf, sizeof buf, ".%06d", static_cast<int>(d->microseconds));
    out += buf;
  }
  return newStr(out);
}

// ===========================================================================
// Methods and members

Value timedelta_total_seconds(Value* args) {
  Value us = deltaToMicroseconds(args[0]);
  if (us.isNull()) return us;
  return binaryOp(us, pyInt(kUsPerSecond), BinOp::kTrueDivide);
}

Value timedelta___reduce__(Value* args) {
  DeltaObj* d = asDelta(args[0]);
  Value state = newTupleOf({pyInt(d->days), pyInt(d->seconds), pyInt(d->microseconds)});
  return newTupleOf({typeValue(typeOf(args[0])), state});
}

const MethodDef kDeltaMethods[] = {
    {.name = "total_seconds",
     .signature = "($self, /)",
     .fn = timedelta_total_seconds,
     .doc = "Total seconds in the duration."},
    {.name = "__reduce__",
     .signature = "($self, /)",
     .fn = timedelta___reduce__,
     .doc = "__reduce__() -> (cls, state)"},
};

const MemberDef kDeltaMembers[] = {
    {.name = "days",
     .kind = MemberKind::kInt64,
     .offset = offsetof(DeltaObj, days),
     .readonly = true,
     .doc = "Number of days."},
    {.name = "seconds",
     .kind = MemberKind::kInt64,
     .offset = offsetof(DeltaObj, seconds),
     .readonly = true,
     .doc = "Number of seconds (>= 0 and less than 1 day)."},
    {.name = "microseconds",
     .kind = MemberKind::kInt64,
     .offset = offsetof(DeltaObj, microseconds),
     .readonly = true,
     .doc = "Number of microseconds (>= 0 and less than 1 second)."},
};

const uint32_t kDeltaFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kDeltaLayout = {.name = "datetime.timedelta", .fields = kDeltaFields};

const TypeSpec kDeltaSpec = {
    .name = "timedelta",
    .module = "datetime",
    .type = &g_delta_type,
    .layout = &kDeltaLayout,
    .basic_size = sizeof(DeltaObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = delta_repr,
              .tp_str = delta_str,
              .tp_hash = delta_hash,
              .tp_richcompare = delta_richcompare,
              .tp_new = delta_new,
              .nb_add = delta_add,
              .nb_subtract = delta_subtract,
              .nb_multiply = delta_multiply,
              .nb_remainder = delta_remainder,
              .nb_divmod = delta_divmod,
              .nb_floor_divide = delta_floor_divide,
              .nb_true_divide = delta_true_divide,
              .nb_negative = delta_negative,
              .nb_positive = delta_positive,
              .nb_absolute = delta_absolute,
              .nb_bool = delta_bool},
    .methods = kDeltaMethods,
    .members = kDeltaMembers,
    .doc =
        "Difference between two datetime values.\n\n"
        "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\n"
        "All arguments are optional and default to 0.\nArguments may be integers or floats, and may be "
        "positive or negative.",
};
TERN_REGISTER_TYPE(kDeltaSpec);

}  // namespace

}  // namespace tern::datetime
