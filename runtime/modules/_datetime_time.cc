// datetime.time: a time of day, naive or aware (with a tzinfo), and the
// time-of-day checks and pickle encoding datetime shares.
#include <cstddef>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_datetime.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::datetime {

bool checkTimeArgs(int64_t hour, int64_t minute, int64_t second, int64_t microsecond, int64_t fold) {
  const char* error = nullptr;
  if (hour < 0 || hour > 23) {
    error = "hour must be in 0..23";
  } else if (minute < 0 || minute > 59) {
    error = "minute must be in 0..59";
  } else if (second < 0 || second > 59) {
    error = "second must be in 0..59";
  } else if (microsecond < 0 || microsecond > 999999) {
    error = "microsecond must be in 0..999999";
  } else if (fold != 0 && fold != 1) {
    error = "fold must be either 0 or 1";
  }
  if (error == nullptr) return true;
  raise(exc::ValueError, error);
  return false;
}

Value newTime(const TimeFields& t, Value tzinfo, Type* type) {
  if (!checkTimeArgs(t.hour, t.minute, t.second, t.microsecond, t.fold) || !checkTzinfoArg(tzinfo)) return Value();
  auto* o = static_cast<TimeObj*>(newObject(type, type->basic_size));
  o->t = t;
  o->tzinfo.set(tzinfo);
  return Value(o);
}

// The time fields of pickle state bytes (h|fold<<7, m, s, us in 3 bytes).
void timeFromBytes(const unsigned char* p, TimeFields* t) {
  t->hour = p[0] & 0x7f;
  t->fold = p[0] >> 7;
  t->minute = p[1];
  t->second = p[2];
  t->microsecond = (p[3] << 16) | (p[4] << 8) | p[5];
}

void timeToBytes(const TimeFields& t, unsigned char* p) {
  p[0] = static_cast<unsigned char>(t.hour);
  p[1] = static_cast<unsigned char>(t.minute);
  p[2] = static_cast<unsigned char>(t.second);
  p[3] = static_cast<unsigned char>(t.microsecond >> 16);
  p[4] = static_cast<unsigned char>((t.microsecond >> 8) & 0xff);
  p[5] = static_cast<unsigned char>(t.microsecond & 0xff);
}

// The hour, minute, second, microsecond and fold arguments (null: omitted,
// keeping what `t` holds).
bool timeArgs(const Value* a, Value fold, TimeFields* t) {
  int64_t* fields[] = {&t->hour, &t->minute, &t->second, &t->microsecond};
  for (int i = 0; i < 4; ++i) {
    if (!a[i].isNull() && !argInt(a[i], fields[i])) return false;
  }
  return fold.isNull() || argInt(fold, &t->fold);
}

namespace {

TimeObj* asT(Value v) { return asTime(v); }

Value timeSubclass(const TimeFields& t, Value tzinfo, Type* cls) {
  if (cls == g_time_type) return newTime(t, tzinfo, cls);
  Value args[] = {newInt(t.hour), newInt(t.minute), newInt(t.second), newInt(t.microsecond), tzinfo};
  if (t.fold == 0) return call(typeValue(cls), args, 5);
  Value all[] = {args[0], args[1], args[2], args[3], args[4], newInt(1)};
  return call(typeValue(cls), all, 5, newTupleOf({internStr("fold")}));
}

// ===========================================================================
// Construction

const MethodDef kTimeNewDef = {.name = "time",
                               .signature =
                                   "(hour=<unrepresentable>, minute=<unrepresentable>, second=<unrepresentable>, "
                                   "microsecond=<unrepresentable>, tzinfo=None, *, fold=<unrepresentable>)",
                               .flags = method_flags::kLegacyArity};

Value time_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  std::string state;
  if (nargs >= 1 && nargs <= 2 && (kwnames.isNull() || tupleLength(kwnames) == 0) &&
      pickleStateBytes(args[0], 6, &state) && (static_cast<unsigned char>(state[0]) & 0x7f) < 24) {
    Value tzinfo = nargs == 2 ? args[1] : None();
    if (!isNone(tzinfo) && !isTzinfo(tzinfo)) return raise(exc::TypeError, "bad tzinfo state arg");
    // Only the hour is checked, as CPython: a pickle is trusted.
    auto* o = static_cast<TimeObj*>(newObject(type, type->basic_size));
    timeFromBytes(reinterpret_cast<const unsigned char*>(state.data()), &o->t);
    o->tzinfo.set(tzinfo);
    return Value(o);
  }
  Value a[6];
  if (!bindUnnamed(&kTimeNewDef, args, nargs, kwnames, a)) return Value();
  TimeFields t = {};
  if (!timeArgs(a, a[5], &t)) return Value();
  return newTime(t, a[4], type);
}

Value time_fromisoformat(Value* args) {
  Value s = args[1];
  if (!isStr(s)) return raise(exc::TypeError, "fromisoformat: argument must be str");
  std::u32string text = strToUcs4(s);
  std::string ascii;
  bool ok = true;
  for (char32_t c : text) {
    if (c > 0x7f) ok = false;
    ascii.push_back(static_cast<char>(c));
  }
  std::string_view view = ascii;
  if (!view.empty() && view[0] == 'T') view.remove_prefix(1);
  TimeFields t = {};
  bool has_tz = false;
  int64_t tz_us = 0;
  if (!ok || !parseIsoTime(view, &t, &has_tz, &tz_us)) {
    Value r = repr(s);
    if (r.isNull()) return r;
    return raisef(exc::ValueError, "Invalid isoformat string: %s", strToUtf8(r).c_str());
  }
  Value tzinfo = has_tz ? timezoneForOffset(tz_us) : None();
  if (tzinfo.isNull()) return tzinfo;
  return timeSubclass(t, tzinfo, static_cast<Type*>(args[0].asObject()));
}

// ===========================================================================
// Offsets, comparison, hash

Value timeUtcOffset(Value self) { return callUtcOffset(asT(self)->tzinfo.get(), None()); }

int compareFields(const TimeFields& a, const TimeFields& b) {
  int64_t x = ((a.hour * 60 + a.minute) * 60 + a.second) * kUsPerSecond + a.microsecond;
  int64_t y = ((b.hour * 60 + b.minute) * 60 + b.second) * kUsPerSecond + b.microsecond;
  return x < y ? -1 : x > y ? 1 : 0;
}

Value time_richcompare(Value a, Value b, int op) {
  if (!isTime(b)) return NotImplemented();
  TimeObj* x = asT(a);
  TimeObj* y = asT(b);
  if (x->tzinfo.get().asObject() == y->tzinfo.get().asObject()) return compareResult(compareFields(x->t, y->t), op);
  Value off1 = timeUtcOffset(a);
  if (off1.isNull()) return off1;
  Value off2 = timeUtcOffset(b);
  if (off2.isNull()) return off2;
  x = asT(a);
  y = asT(b);
  bool same = off1.asObject() == off2.asObject() ||
              (isDelta(off1) && isDelta(off2) && deltaMicroseconds(off1) == deltaMicroseconds(off2));
  if (same) return compareResult(compareFields(x->t, y->t), op);
  if (!isNone(off1) && !isNone(off2)) {
    // CPython orders aware times by whole seconds less the offset's days and
    // seconds, then by microseconds: the offset's microseconds take no part.
    int64_t s1 = x->t.hour * 3600 + x->t.minute * 60 + x->t.second - asDelta(off1)->days * kSecondsPerDay -
                 asDelta(off1)->seconds;
    int64_t s2 = y->t.hour * 3600 + y->t.minute * 60 + y->t.second - asDelta(off2)->days * kSecondsPerDay -
                 asDelta(off2)->seconds;
    int64_t diff = s1 - s2;
    if (diff == 0) diff = x->t.microsecond - y->t.microsecond;
    return compareResult(diff < 0 ? -1 : diff > 0 ? 1 : 0, op);
  }
  if (op == kEq) return False();
  if (op == kNe) return True();
  return raise(exc::TypeError, "can't compare offset-naive and offset-aware times");
}

int64_t time_hash(Value self) {
  TimeFields t = asT(self)->t;
  t.fold = 0;
  Value self0 = self;
  if (asT(self)->t.fold != 0) {
    self0 = newTime(t, asT(self)->tzinfo.get(), typeOf(self));
    if (self0.isNull()) return -1;
  }
  Value offset = timeUtcOffset(self0);
  if (offset.isNull()) return -1;
  if (isNone(offset)) {
    unsigned char data[6];
    timeToBytes(t, data);
    Value b = newBytes(data, 6);
    if (b.isNull()) return -1;
    return bytesHash(b);
  }
  __int128 us = ((t.hour * 60 + t.minute) * 60 + t.second) * static_cast<__int128>(kUsPerSecond) + t.microsecond;
  Value local = deltaFromMicroseconds128(us - deltaMicroseconds(offset), g_delta_type);
  if (local.isNull()) return -1;
  return hash(local);
}

// ===========================================================================
// Text

Value time_repr(Value self) {
  TimeObj* o = asT(self);
  char buf[96];
  const TimeFields& t = o->t;
  if (t.microsecond != 0) {
    snprintf(buf, sizeof buf, "(%d, %d, %d, %d", static_cast<int>(t.hour), static_cast<int>(t.minute),
             static_cast<int>(t.second), static_cast<int>(t.microsecond));
  } else if (t.second != 0) {
    snprintf(buf, sizeof buf, "(%d, %d, %d", static_cast<int>(t.hour), static_cast<int>(t.minute),
             static_cast<int>(t.second));
  } else {
    snprintf(buf, sizeof buf, "(%d, %d", static_cast<int>(t.hour), static_cast<int>(t.minute));
  }
  std::string out = reprName(self) + buf;
  bool fold = t.fold != 0;
  Value tzinfo = o->tzinfo.get();
  if (!isNone(tzinfo)) {
    Value r = repr(tzinfo);
    if (r.isNull()) return r;
    out += ", tzinfo=" + strToUtf8(r);
  }
  if (fold) out += ", fold=1";
  return newStr(out + ")");
}

Value time_str(Value self) { return callMethod(self, internStr("isoformat"), nullptr, 0); }

Value time_isoformat(Value* args) {
  Value self = args[0], timespec = args[1];
  if (!isStr(timespec)) {
    return raisef(exc::TypeError, "isoformat() argument 1 must be str, not %s", typeNameOf(timespec).c_str());
  }
  std::string out;
  if (!appendIsoTime(&out, asT(self)->t, strToUtf8(timespec))) return Value();
  Value offset = timeUtcOffset(self);
  if (offset.isNull()) return offset;
  if (!isNone(offset)) appendOffset(&out, offset, ":");
  return newStr(out);
}

Value time_strftime(Value* args) {
  Value self = args[0], format = args[1];
  if (!isStr(format))
    return raisef(exc::TypeError, "strftime() argument 1 must be str, not %s", typeNameOf(format).c_str());
  const TimeFields& t = asT(self)->t;
  Value tuple = newTupleOf({newInt(1900), newInt(1), newInt(1), newInt(t.hour), newInt(t.minute), newInt(t.second),
                            newInt(0), newInt(1), newInt(-1)});
  if (tuple.isNull()) return tuple;
  return wrapStrftime(self, format, tuple, None());
}

Value time___format__(Value* args) {
  Value self = args[0], format = args[1];
  if (!isStr(format))
    return raisef(exc::TypeError, "__format__() argument 1 must be str, not %s", typeNameOf(format).c_str());
  if (strToUcs4(format).empty()) return str(self);
  return callMethod(self, internStr("strftime"), &format, 1);
}

// ===========================================================================
// Methods

Value time_utcoffset(Value* args) { return timeUtcOffset(args[0]); }
Value time_dst(Value* args) { return callDst(asT(args[0])->tzinfo.get(), None()); }
Value time_tzname(Value* args) { return callTzname(asT(args[0])->tzinfo.get(), None()); }

Value time_replace(Value* args) {
  Value self = args[0];
  TimeFields t = asT(self)->t;
  if (!timeArgs(args + 1, args[6], &t)) return Value();
  Value tzinfo = args[5].isNull() ? asT(self)->tzinfo.get() : args[5];
  return newTime(t, tzinfo, typeOf(self));
}

Value time___reduce_ex__(Value* args) {
  Value self = args[0];
  int64_t proto;
  if (!argInt(args[1], &proto)) return Value();
  unsigned char data[6];
  timeToBytes(asT(self)->t, data);
  if (proto > 3 && asT(self)->t.fold != 0) data[0] |= 0x80;
  Value b = newBytes(data, 6);
  if (b.isNull()) return b;
  Value tzinfo = asT(self)->tzinfo.get();
  Value state = isNone(tzinfo) ? newTupleOf({b}) : newTupleOf({b, tzinfo});
  if (state.isNull()) return state;
  return newTupleOf({typeValue(typeOf(self)), state});
}

Value time___reduce__(Value* args) {
  Value a[] = {args[0], newInt(2)};
  return time___reduce_ex__(a);
}

Value time_tzinfo(Value self) { return asT(self)->tzinfo.get(); }

const MethodDef kTimeMethods[] = {
    {.name = "isoformat",
     .signature = "($self, /, timespec='auto')",
     .fn = time_isoformat,
     .flags = method_flags::kLegacyArity,
     .doc = "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n\nThe optional argument timespec "
            "specifies the number of additional terms\nof the time to include. Valid options are 'auto', 'hours', "
            "'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n"},
    {.name = "strftime",
     .signature = "($self, /, format)",
     .fn = time_strftime,
     .flags = method_flags::kLegacyArity,
     .doc = "format -> strftime() style string."},
    {.name = "__format__",
     .signature = "($self, format, /)",
     .fn = time___format__,
     .doc = "Formats self with strftime."},
    {.name = "utcoffset",
     .signature = "($self, /)",
     .fn = time_utcoffset,
     .doc = "Return self.tzinfo.utcoffset(self)."},
    {.name = "tzname", .signature = "($self, /)", .fn = time_tzname, .doc = "Return self.tzinfo.tzname(self)."},
    {.name = "dst", .signature = "($self, /)", .fn = time_dst, .doc = "Return self.tzinfo.dst(self)."},
    {.name = "replace",
     .signature = "($self, /, hour=<unrepresentable>, minute=<unrepresentable>, second=<unrepresentable>, "
                  "microsecond=<unrepresentable>, tzinfo=<unrepresentable>, *, fold=<unrepresentable>)",
     .fn = time_replace,
     .flags = method_flags::kLegacyArity,
     .doc = "Return time with new specified fields."},
    {.name = "fromisoformat",
     .signature = "($type, time_string, /)",
     .fn = time_fromisoformat,
     .flags = method_flags::kClassMethod,
     .doc = "string -> time from a string in ISO 8601 format"},
    {.name = "__reduce_ex__",
     .signature = "($self, proto, /)",
     .fn = time___reduce_ex__,
     .doc = "__reduce_ex__(proto) -> (cls, state)"},
    {.name = "__reduce__", .signature = "($self, /)", .fn = time___reduce__, .doc = "__reduce__() -> (cls, state)"},
};

const GetSetDef kTimeGetSets[] = {
    {.name = "tzinfo", .get = time_tzinfo},
};

#define TERN_TIME_MEMBER(field)                                                                               \
  MemberDef {                                                                                                 \
    .name = #field, .kind = MemberKind::kInt64, .offset = offsetof(TimeObj, t) + offsetof(TimeFields, field), \
    .readonly = true                                                                                          \
  }
const MemberDef kTimeMembers[] = {
    TERN_TIME_MEMBER(hour),        TERN_TIME_MEMBER(minute), TERN_TIME_MEMBER(second),
    TERN_TIME_MEMBER(microsecond), TERN_TIME_MEMBER(fold),
};
#undef TERN_TIME_MEMBER

const uint32_t kTimeFields[] = {offsetof(Obj, ob_type), offsetof(TimeObj, tzinfo)};
const gc::Layout kTimeLayout = {.name = "datetime.time", .fields = kTimeFields};

const TypeSpec kTimeSpec = {
    .name = "time",
    .module = "datetime",
    .type = &g_time_type,
    .layout = &kTimeLayout,
    .basic_size = sizeof(TimeObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = time_repr,
              .tp_str = time_str,
              .tp_hash = time_hash,
              .tp_richcompare = time_richcompare,
              .tp_new = time_new},
    .methods = kTimeMethods,
    .getsets = kTimeGetSets,
    .members = kTimeMembers,
    .doc =
        "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll arguments are "
        "optional. tzinfo may be None, or an instance of\na tzinfo subclass. The remaining arguments may be ints.\n",
};
TERN_REGISTER_TYPE(kTimeSpec);

}  // namespace

}  // namespace tern::datetime
