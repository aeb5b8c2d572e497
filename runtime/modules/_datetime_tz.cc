// datetime.tzinfo (the abstract base of time zones), datetime.timezone (a
// fixed offset from UTC, with an optional name) and the checked calls the
// other types make to a tzinfo's utcoffset/dst/tzname.
#include <cstddef>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_datetime.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::datetime {

namespace {

gc::GlobalRoot g_utc;

// ===========================================================================
// Checked tzinfo calls

// An offset returned by utcoffset()/dst(): None or a timedelta strictly
// within a day.
Value checkOffset(Value offset, const char* method) {
  if (offset.isNull() || isNone(offset)) return offset;
  if (!isDelta(offset)) {
    return raisef(exc::TypeError, "tzinfo.%s() must return None or timedelta, not '%s'", method,
                  typeNameOf(offset).c_str());
  }
  __int128 us = deltaMicroseconds(offset);
  if (us <= -kUsPerDay || us >= kUsPerDay) {
    return raise(exc::ValueError,
                 "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).");
  }
  return offset;
}

Value callTzinfoMethod(Value tzinfo, const char* method, Value arg) {
  if (isNone(tzinfo)) return None();
  return checkOffset(callMethod(tzinfo, internStr(method), &arg, 1), method);
}

}  // namespace

Value callUtcOffset(Value tzinfo, Value arg) { return callTzinfoMethod(tzinfo, "utcoffset", arg); }

Value callDst(Value tzinfo, Value arg) { return callTzinfoMethod(tzinfo, "dst", arg); }

Value callTzname(Value tzinfo, Value arg) {
  if (isNone(tzinfo)) return None();
  Value name = callMethod(tzinfo, internStr("tzname"), &arg, 1);
  if (name.isNull() || isNone(name) || isStr(name)) return name;
  return raisef(exc::TypeError, "tzinfo.tzname() must return None or a string, not '%s'", typeNameOf(name).c_str());
}

bool checkTzinfoArg(Value tzinfo) {
  if (isNone(tzinfo) || isTzinfo(tzinfo)) return true;
  raisef(exc::TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
         typeNameOf(tzinfo).c_str());
  return false;
}

Value utcTimezone() { return g_utc.get(); }

Value newTimezone(Value offset, Value name) {
  auto* tz = static_cast<TimezoneObj*>(newObject(g_timezone_type, sizeof(TimezoneObj)));
  tz->offset.set(offset);
  tz->name.set(name);
  return Value(tz);
}

namespace {

// ===========================================================================
// tzinfo

Value notImplemented(const char* method) {
  return raisef(exc::NotImplementedError, "a tzinfo subclass must implement %s()", method);
}

Value tzinfo_tzname(Value* /*args*/) { return notImplemented("tzname"); }
Value tzinfo_utcoffset(Value* /*args*/) { return notImplemented("utcoffset"); }
Value tzinfo_dst(Value* /*args*/) { return notImplemented("dst"); }

Value tzinfo_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  return Value(newObject(type, type->basic_size));
}

Value tzinfo_fromutc(Value* args) {
  Value self = args[0], dt = args[1];
  if (!isDateTime(dt)) return raise(exc::TypeError, "fromutc: argument must be a datetime");
  Value tzinfo = asDateTime(dt)->tzinfo.get();
  if (tzinfo.asObject() != self.asObject()) return raise(exc::ValueError, "fromutc: dt.tzinfo is not self");
  Value off = callUtcOffset(tzinfo, dt);
  if (off.isNull()) return off;
  if (isNone(off)) return raise(exc::ValueError, "fromutc: non-None utcoffset() result required");
  Value dst = callDst(tzinfo, dt);
  if (dst.isNull()) return dst;
  if (isNone(dst)) return raise(exc::ValueError, "fromutc: non-None dst() result required");
  Value delta = binaryOp(off, dst, BinOp::kSubtract);
  if (delta.isNull()) return delta;
  Value result = binaryOp(dt, delta, BinOp::kAdd);
  if (result.isNull()) return result;
  dst = callDst(asDateTime(dt)->tzinfo.get(), result);
  if (dst.isNull()) return dst;
  if (isNone(dst)) return raise(exc::ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert");
  int nonzero = isTrue(dst);
  if (nonzero < 0) return Value();
  return nonzero ? binaryOp(result, dst, BinOp::kAdd) : result;
}

Value tzinfo___reduce__(Value* args) {
  Value self = args[0];
  Value getinitargs = lookupAttr(self, internStr("__getinitargs__"));
  Value initargs;
  if (getinitargs.isNull()) {
    if (errorPending()) return Value();
    initargs = newTuple(0);
  } else {
    initargs = call(getinitargs, nullptr, 0);
    if (initargs.isNull()) return initargs;
  }
  Value state = callMethod(self, internStr("__getstate__"), nullptr, 0);
  if (state.isNull()) return state;
  return newTupleOf({typeValue(typeOf(self)), initargs, state});
}

const MethodDef kTzinfoMethods[] = {
    {.name = "tzname",
     .signature = "($self, dt, /)",
     .fn = tzinfo_tzname,
     .doc = "datetime -> string name of time zone."},
    {.name = "utcoffset",
     .signature = "($self, dt, /)",
     .fn = tzinfo_utcoffset,
     .doc = "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"},
    {.name = "dst",
     .signature = "($self, dt, /)",
     .fn = tzinfo_dst,
     .doc = "datetime -> DST offset as timedelta positive east of UTC."},
    {.name = "fromutc",
     .signature = "($self, dt, /)",
     .fn = tzinfo_fromutc,
     .doc = "datetime in UTC -> datetime in local time."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = tzinfo___reduce__, .doc = "-> (cls, state)"},
};

const uint32_t kTzinfoFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kTzinfoLayout = {.name = "datetime.tzinfo", .fields = kTzinfoFields};

const TypeSpec kTzinfoSpec = {
    .name = "tzinfo",
    .module = "datetime",
    .type = &g_tzinfo_type,
    .layout = &kTzinfoLayout,
    .basic_size = sizeof(Obj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_new = tzinfo_new},
    .methods = kTzinfoMethods,
    .doc = "Abstract base class for time zone info objects.",
};
TERN_REGISTER_TYPE(kTzinfoSpec);

// ===========================================================================
// timezone

TimezoneObj* asTz(Value v) { return asTimezone(v); }

const MethodDef kTimezoneNewDef = {.name = "timezone", .signature = "(offset, name=<unrepresentable>)"};

Value timezone_new(Type* /*type*/, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!bindArguments(&kTimezoneNewDef, Value(), args, nargs, kwnames, a)) return Value();
  Value offset = a[0], name = a[1];
  if (!isDelta(offset)) {
    return raisef(exc::TypeError, "timezone() argument 1 must be datetime.timedelta, not %s",
                  typeNameOf(offset).c_str());
  }
  if (!name.isNull() && !isStr(name)) {
    return raisef(exc::TypeError, "timezone() argument 2 must be str, not %s",
                  isNone(name) ? "None" : typeNameOf(name).c_str());
  }
  __int128 us = deltaMicroseconds(offset);
  if (name.isNull() && us == 0) return utcTimezone();
  if (us <= -kUsPerDay || us >= kUsPerDay) {
    Value r = repr(offset);
    if (r.isNull()) return r;
    return raisef(exc::ValueError,
                  "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s.",
                  strToUtf8(r).c_str());
  }
  return newTimezone(offset, name);
}

// The dt argument of timezone's methods: None or a datetime.
bool checkDtArgument(Value dt, const char* method) {
  if (isNone(dt) || isDateTime(dt)) return true;
  raisef(exc::TypeError, "%s(dt) argument must be a datetime instance or None, not %s", method, typeNameOf(dt).c_str());
  return false;
}

Value timezone_utcoffset(Value* args) {
  if (!checkDtArgument(args[1], "utcoffset")) return Value();
  return asTz(args[0])->offset.get();
}

Value timezone_dst(Value* args) {
  if (!checkDtArgument(args[1], "dst")) return Value();
  return None();
}

Value timezoneName(Value self) {
  TimezoneObj* tz = asTz(self);
  if (!tz->name.get().isNull()) return tz->name.get();
  Value offset = tz->offset.get();
  if (self.asObject() == utcTimezone().asObject() || deltaMicroseconds(offset) == 0) return newStr("UTC");
  std::string out = "UTC";
  appendOffset(&out, offset, ":");
  return newStr(out);
}

Value timezone_tzname(Value* args) {
  if (!checkDtArgument(args[1], "tzname")) return Value();
  return timezoneName(args[0]);
}

Value timezone_fromutc(Value* args) {
  Value self = args[0], dt = args[1];
  if (!isDateTime(dt)) return raise(exc::TypeError, "fromutc: argument must be a datetime");
  if (asDateTime(dt)->tzinfo.get().asObject() != self.asObject()) {
    return raise(exc::ValueError, "fromutc: dt.tzinfo is not self");
  }
  return binaryOp(dt, asTz(self)->offset.get(), BinOp::kAdd);
}

Value timezone___getinitargs__(Value* args) {
  TimezoneObj* tz = asTz(args[0]);
  if (tz->name.get().isNull()) return newTupleOf({tz->offset.get()});
  return newTupleOf({tz->offset.get(), tz->name.get()});
}

Value timezone_repr(Value self) {
  std::string type_name = reprName(self);
  if (self.asObject() == utcTimezone().asObject()) return newStr(type_name + ".utc");
  TimezoneObj* tz = asTz(self);
  Value offset = repr(tz->offset.get());
  if (offset.isNull()) return offset;
  std::string out = type_name + "(" + strToUtf8(offset);
  if (!tz->name.get().isNull()) {
    Value name = repr(tz->name.get());
    if (name.isNull()) return name;
    out += ", " + strToUtf8(name);
  }
  return newStr(out + ")");
}

Value timezone_str(Value self) { return timezoneName(self); }

Value timezone_richcompare(Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || !isTimezone(b)) return NotImplemented();
  return richCompare(asTz(a)->offset.get(), asTz(b)->offset.get(), op);
}

int64_t timezone_hash(Value self) { return hash(asTz(self)->offset.get()); }

const MethodDef kTimezoneMethods[] = {
    {.name = "tzname",
     .signature = "($self, dt, /)",
     .fn = timezone_tzname,
     .doc = "If name is specified when timezone is created, returns the name.  Otherwise returns offset as "
            "'UTC(+|-)HH:MM'."},
    {.name = "utcoffset", .signature = "($self, dt, /)", .fn = timezone_utcoffset, .doc = "Return fixed offset."},
    {.name = "dst", .signature = "($self, dt, /)", .fn = timezone_dst, .doc = "Return None."},
    {.name = "fromutc",
     .signature = "($self, dt, /)",
     .fn = timezone_fromutc,
     .doc = "datetime in UTC -> datetime in local time."},
    {.name = "__getinitargs__", .signature = "($self, /)", .fn = timezone___getinitargs__, .doc = "pickle support"},
};

const uint32_t kTimezoneFields[] = {offsetof(Obj, ob_type), offsetof(TimezoneObj, offset), offsetof(TimezoneObj, name)};
const gc::Layout kTimezoneLayout = {.name = "datetime.timezone", .fields = kTimezoneFields};

const TypeSpec kTimezoneSpec = {
    .name = "timezone",
    .module = "datetime",
    .type = &g_timezone_type,
    .base = &g_tzinfo_type,
    .layout = &kTimezoneLayout,
    .basic_size = sizeof(TimezoneObj),
    .slots = {.tp_repr = timezone_repr,
              .tp_str = timezone_str,
              .tp_hash = timezone_hash,
              .tp_richcompare = timezone_richcompare,
              .tp_new = timezone_new},
    .methods = kTimezoneMethods,
    .doc = "Fixed offset from UTC implementation of tzinfo.",
};
TERN_REGISTER_TYPE(kTimezoneSpec);

}  // namespace

// The singletons and class attributes; false with the error pending.
bool initTimezones() {
  if (g_utc.get().isNull()) {
    Value zero = newDelta(0, 0, 0, false, g_delta_type);
    if (zero.isNull()) return false;
    Value utc = newTimezone(zero, Value());
    if (utc.isNull()) return false;
    g_utc.set(utc);
  }
  return true;
}

}  // namespace tern::datetime
