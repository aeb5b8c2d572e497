// cpyext: the int API (CPython's Objects/longobject.c surface) and int proxies.
//
// An int proxy is a PyLongObject in CPython 3.11's form: ob_size is the
// signed count of 30-bit digits (0 for zero), ob_digit the digits, least
// significant first.  The runtime keeps 64-bit GMP limbs (bigint.h), so a
// proxy is materialised once by re-cutting the limbs into digits
// (limbsToDigits).
//
// C may also build an int from digits itself: _PyLong_New(n) gives a kLong
// proxy of PyLong_Type with room for n digits and no runtime object yet
// (kFilling).  C writes ob_digit and sets ob_size to the signed count it
// used (at most n, as CPython requires; `_decimal` trims leading zero
// digits so).  The first time the proxy crosses into the runtime (fromC, or
// takeNew handing it over), longOfFilled makes the int from the digits as
// they are then (digitsToLimbs) and realiseFilled links the proxy to it:
// from then on it is an ordinary int proxy, which C must not write any more
// (an int is immutable once shared, in CPython too).  A value that comes out
// a tagged int makes it a kTaggedInt proxy, owned by its count.
//
// Tagged small ints have no heap object, so their proxies are owned by their
// counts (ProxyKind::kTaggedInt, freed by the last Py_DECREF).  -5..256,
// which CPython caches and C code compares by pointer, are CPython's static
// objects in _PyRuntime (pyruntime.h), where the modules built with CPython
// read them (_PyLong_GetZero, _PyLong_GetOne).  Other values go through a
// direct-mapped cache of recent proxies, which also holds one reference to
// each: C code passing the same int back and forth (a loop counter, an
// argument returned) finds the proxy it had, and a slot whose proxy only the
// cache holds is rewritten in place for the next value, so a call taking or
// returning a fresh int allocates nothing.
//
// Errors follow CPython 3.11 exactly: which functions call __index__
// (PyLong_AsLong, AsLongLong, the *Mask ones, _PyLong_AsInt) and which
// demand an int ("an integer is required"), and each function's
// OverflowError text.
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include "Python.h"
#include "cpyext/longobject_digits.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/int.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::cpyext {

namespace bigint = objects::bigint;
using numbers::IntRef;
using numbers::Scratch;

// ===========================================================================
// Proxies

namespace {

size_t longProxyBytes(size_t ndigits) {
  size_t bytes = offsetof(PyLongObject, ob_digit) + sizeof(digit) * (ndigits == 0 ? 1 : ndigits);
  return (bytes + 7) & ~size_t{7};
}

// Every tagged int fits in three 30-bit digits, so a kTaggedInt proxy can be
// rewritten in place for any other tagged value.
constexpr size_t kTaggedDigits = 3;
static_assert(30 * kTaggedDigits >= 63);  // |tagged| < 2**62

// Writes tagged n into kTaggedInt proxy p (its digits, sign and link).
inline void setTaggedValue(PyObject* p, int64_t n) {
  uint64_t mag = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  auto* lp = reinterpret_cast<PyLongObject*>(p);
  Py_ssize_t nd;
  if (mag <= PyLong_MASK) {  // the usual one digit (zero: none)
    lp->ob_digit[0] = static_cast<digit>(mag);
    nd = mag != 0;
  } else {
    for (nd = 0; mag != 0; mag >>= PyLong_SHIFT) lp->ob_digit[nd++] = static_cast<digit>(mag & PyLong_MASK);
  }
  Py_SET_SIZE(lp, n < 0 ? -nd : nd);
  prefixOf(p)->link.target = Value::fromSmallInt(n);  // linkProxy of a tagged int: no table entry
}

// A kTaggedInt proxy of its own for n (a tagged value), not cached.
PyObject* newTaggedProxy(int64_t n) {
  PyObject* p = allocProxy(ProxyKind::kTaggedInt, longProxyBytes(kTaggedDigits), &PyLong_Type);
  setTaggedValue(p, n);
  return p;
}

// A new reference to tagged n's proxy (n outside -5..256) from its recent
// slot, which gets one of n when it is empty or holds another value's that
// C still holds (freed by C's last Py_DECREF then).
[[gnu::noinline]] PyObject* filledIntProxy(int64_t n) {
  PyObject*& slot = int_proxies::g_recent[int_proxies::recentSlotOf(n)];
  if (slot == nullptr) {
    slot = newTaggedProxy(n);  // the cache's own reference
  } else if (slot->ob_refcnt == 1) {
    setTaggedValue(slot, n);  // only the cache holds it: reuse it
  } else {
    Py_DECREF(slot);
    slot = newTaggedProxy(n);
  }
  Py_INCREF(slot);
  return slot;
}

}  // namespace

namespace int_proxies {

PyObject* g_recent[1u << kRecentBits];

// taggedIntProxy missed (n is not a small int of _PyRuntime).  The usual
// case, a fresh int whose recent slot's proxy only the cache holds, rewrites
// that proxy in place for n.
PyObject* slow(int64_t n) {
  PyObject* p = g_recent[recentSlotOf(n)];
  if (p != nullptr && p->ob_refcnt == 1) [[likely]] {
    setTaggedValue(p, n);
    p->ob_refcnt = 2;  // the cache's and the new one
    return p;
  }
  return filledIntProxy(n);
}

}  // namespace int_proxies

namespace {

bool fitsTagged(int64_t n) { return n >= Value::kSmallIntMin && n <= Value::kSmallIntMax; }

PyObject* fromInt64(int64_t n) {
  if (fitsTagged(n)) return taggedIntProxy(n);
  return returnNew(newInt(n));
}

PyObject* fromUint64(uint64_t n) {
  if (n <= static_cast<uint64_t>(Value::kSmallIntMax)) return taggedIntProxy(static_cast<int64_t>(n));
  return returnNew(newIntUnsigned(n));
}

}  // namespace

PyObject* newLongProxy(Value v) {
  if (v.isSmallInt()) return taggedIntProxy(v.asSmallInt());
  PyTypeObject* type = typeProxy(typeOf(v));
  size_t nd;
  {
    IntRef r(v);
    nd = digitCountOf(r.mag);
  }
  PyObject* p = allocProxy(ProxyKind::kLong, longProxyBytes(nd), type);
  auto* lp = reinterpret_cast<PyLongObject*>(p);
  IntRef r(v);  // re-read: the limbs may have moved
  limbsToDigits(r.mag, lp->ob_digit, nd);
  Py_SET_SIZE(lp, r.neg ? -static_cast<Py_ssize_t>(nd) : static_cast<Py_ssize_t>(nd));
  linkProxy(p, v);
  return p;
}

// ===========================================================================
// Reading ints

namespace {

// The value of o when it stands for a tagged int: the usual case, read
// without the checks of the general path.
inline bool taggedValueOf(PyObject* o, int64_t* out) {
  if (!inArena(o)) return isSmallIntObject(o, out);
  ProxyPrefix* prefix = prefixOf(o);
  if (prefix->flags != 0 || !prefix->link.target.isSmallInt()) return false;
  *out = prefix->link.target.asSmallInt();
  return true;
}

// The int behind o, calling __index__ when o is not an int (PyLong_AsLong's
// rule); null with TypeError pending.
Value intViaIndex(PyObject* o) {
  Value v = fromC(o);
  if (isInt(v)) return v;
  return index(v);
}

// The int behind o, which must be one ("an integer is required").
Value intRequired(PyObject* o) {
  Value v = fromC(o);
  if (isInt(v)) return v;
  raise(exc::TypeError, "an integer is required");
  return Value();
}

// v as int64; false (nothing raised) when it does not fit.
bool asInt64(Value v, int64_t* out) {
  if (v.isSmallInt()) {
    *out = v.asSmallInt();
    return true;
  }
  IntRef r(v);
  return bigint::to_int64(r.mag, r.neg, out);
}

// v's magnitude as uint64 and its sign; false when |v| does not fit.
bool asMagnitude64(Value v, uint64_t* mag, bool* neg) {
  IntRef r(v);
  *neg = r.neg;
  if (r.mag.size() > 1) return false;
  *mag = r.mag.empty() ? 0 : r.mag[0];
  return true;
}

// v modulo 2**64 (two's complement), for the *Mask functions.
uint64_t maskedUint64(Value v) {
  IntRef r(v);
  uint64_t low = r.mag.empty() ? 0 : r.mag[0];
  return r.neg ? 0 - low : low;
}

long signedOrRaise(Value v, const char* message) {
  int64_t n;
  if (asInt64(v, &n)) return n;
  raise(exc::OverflowError, message);
  return -1;
}

// PyLong_AsLongAndOverflow's core: *overflow is -1/+1 and -1 returned when
// v does not fit int64.
long long withOverflow(PyObject* o, int* overflow, const char* function) {
  if (overflow != nullptr) *overflow = 0;
  if (o == nullptr || overflow == nullptr) {
    badInternalCall(function);
    return -1;
  }
  Value v = intViaIndex(o);
  if (v.isNull()) return -1;
  int64_t n;
  if (asInt64(v, &n)) return n;
  *overflow = intSign(v) < 0 ? -1 : 1;
  return -1;
}

}  // namespace

Value longOfFilled(PyObject* o) {
  auto* lp = reinterpret_cast<PyLongObject*>(o);
  Py_ssize_t size = Py_SIZE(lp);
  size_t nd = static_cast<size_t>(size < 0 ? -size : size);
  size_t room = (nd * kDigitBits + 63) / 64;
  Scratch s(room);
  if (!s.ok()) return raiseNoMemory();
  size_t n = digitsToLimbs(lp->ob_digit, nd, s.data(), room);
  return newIntFromMag(size < 0 && n > 0, bigint::Mag(s.data(), n));
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

// ===========================================================================
// C integers -> int

extern "C" {

PyObject* PyLong_FromLong(long n) { return fromInt64(n); }
PyObject* PyLong_FromLongLong(long long n) { return fromInt64(n); }
PyObject* PyLong_FromSsize_t(Py_ssize_t n) { return fromInt64(n); }
PyObject* PyLong_FromUnsignedLong(unsigned long n) { return fromUint64(n); }
PyObject* PyLong_FromUnsignedLongLong(unsigned long long n) { return fromUint64(n); }
PyObject* PyLong_FromSize_t(size_t n) { return fromUint64(n); }
PyObject* PyLong_FromVoidPtr(void* p) { return fromUint64(reinterpret_cast<uintptr_t>(p)); }

PyObject* PyLong_FromDouble(double d) {
  if (d >= -4e18 && d <= 4e18) return fromInt64(static_cast<int64_t>(d));  // truncation, in range
  Scratch s(bigint::from_double_size(d));
  if (!s.ok()) return returnNew(raiseNoMemory());
  bigint::Result r = bigint::from_double(s.out(), d);
  if (!r.ok()) {
    bigint::StatusError e = bigint::status_error(r.status);
    raise(r.status == bigint::Status::kFloatNaN ? exc::ValueError : exc::OverflowError, e.message);
    return nullptr;
  }
  return returnNew(newIntFromMag(r.value.neg, s.mag(r.value)));
}

PyObject* PyLong_FromString(const char* str, char** pend, int base) {
  if (str == nullptr) return badInternalCall("PyLong_FromString");
  if ((base != 0 && base < 2) || base > 36) {
    raise(exc::ValueError, "int() arg 2 must be >= 2 and <= 36");
    return nullptr;
  }
  size_t n = std::strlen(str);
  // CPython parses ASCII only; anything else is an invalid literal.
  bool ascii = true;
  for (size_t i = 0; i < n; ++i) ascii &= static_cast<unsigned char>(str[i]) < 0x80;
  Value result;
  if (ascii) {
    result = intFromString(std::string_view(str, n), base);
  } else {
    Value text = newStrReplacingInvalid(std::string_view(str, n > 200 ? 200 : n));
    if (text.isNull()) return nullptr;
    Value r = repr(text);
    if (r.isNull()) return nullptr;
    raisef(exc::ValueError, "invalid literal for int() with base %d: %s", base, strToUtf8(r).c_str());
  }
  if (pend != nullptr) *pend = const_cast<char*>(str) + (result.isNull() ? 0 : n);
  return returnNew(result);
}

PyObject* PyLong_FromUnicodeObject(PyObject* u, int base) {
  if (u == nullptr) return badInternalCall("PyLong_FromUnicodeObject");
  Value text = fromC(u);
  if (text.isNull()) return nullptr;
  if (!isStr(text)) return badInternalCall("PyLong_FromUnicodeObject");
  Value args[2] = {text, newInt(base)};
  return returnNew(call(typeValue(types::int_type), args, 2));
}

PyObject* _PyLong_FromByteArray(const unsigned char* bytes, size_t n, int little_endian, int is_signed) {
  if (n == 0) return fromInt64(0);
  if (bytes == nullptr) return badInternalCall("_PyLong_FromByteArray");
  Scratch s(bigint::from_bytes_size(n));
  if (!s.ok()) return returnNew(raiseNoMemory());
  bigint::Int r = bigint::from_bytes(s.out(), std::span<const uint8_t>(bytes, n), little_endian != 0, is_signed != 0);
  return returnNew(newIntFromMag(r.neg, s.mag(r)));
}

PyLongObject* _PyLong_New(Py_ssize_t ndigits) {
  // CPython's limit: the size in bytes must fit a Py_ssize_t.
  constexpr Py_ssize_t kMaxDigits = (PY_SSIZE_T_MAX - offsetof(PyLongObject, ob_digit)) / sizeof(digit);
  if (ndigits < 0) return static_cast<PyLongObject*>(badInternalCall("_PyLong_New"));
  if (ndigits > kMaxDigits) {
    raise(exc::OverflowError, "too many digits in integer");
    return nullptr;
  }
  PyObject* p = allocProxy(ProxyKind::kLong, longProxyBytes(static_cast<size_t>(ndigits)), &PyLong_Type);
  prefixOf(p)->flags = proxy_flags::kFilling;
  Py_SET_SIZE(p, ndigits);
  return reinterpret_cast<PyLongObject*>(p);
}

PyObject* _PyLong_Copy(PyLongObject* src) {
  if (src == nullptr) return badInternalCall("_PyLong_Copy");
  Value v = fromC(reinterpret_cast<PyObject*>(src));
  if (!isInt(v)) return badInternalCall("_PyLong_Copy");
  if (isExactInt(v)) return toNew(v);
  IntRef r(v);
  std::vector<bigint::Limb> limbs(r.mag.begin(), r.mag.end());
  bool neg = r.neg;
  return returnNew(newIntFromMag(neg, bigint::Mag(limbs.data(), limbs.size())));
}

// ===========================================================================
// int -> C integers

long PyLong_AsLong(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyLong_AsLong"), -1;
  if (int64_t n; taggedValueOf(o, &n)) return n;
  Value v = intViaIndex(o);
  if (v.isNull()) return -1;
  return signedOrRaise(v, "Python int too large to convert to C long");
}

int _PyLong_AsInt(PyObject* o) {
  if (o == nullptr) return badInternalCall("_PyLong_AsInt"), -1;
  if (int64_t n; taggedValueOf(o, &n) && n >= INT_MIN && n <= INT_MAX) return static_cast<int>(n);
  Value v = intViaIndex(o);
  if (v.isNull()) return -1;
  int64_t n;
  if (!asInt64(v, &n) || n < INT_MIN || n > INT_MAX) {
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return -1;
  }
  return static_cast<int>(n);
}

long PyLong_AsLongAndOverflow(PyObject* o, int* overflow) {
  return static_cast<long>(withOverflow(o, overflow, "PyLong_AsLongAndOverflow"));
}

long long PyLong_AsLongLongAndOverflow(PyObject* o, int* overflow) {
  return withOverflow(o, overflow, "PyLong_AsLongLongAndOverflow");
}

long long PyLong_AsLongLong(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyLong_AsLongLong"), -1;
  if (int64_t n; taggedValueOf(o, &n)) return n;
  Value v = intViaIndex(o);
  if (v.isNull()) return -1;
  return signedOrRaise(v, "int too big to convert");
}

Py_ssize_t PyLong_AsSsize_t(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyLong_AsSsize_t"), -1;
  if (int64_t n; taggedValueOf(o, &n)) return n;
  Value v = intRequired(o);
  if (v.isNull()) return -1;
  return signedOrRaise(v, "Python int too large to convert to C ssize_t");
}

namespace {
uint64_t unsignedOrRaise(PyObject* o, const char* function, const char* negative, const char* too_large) {
  if (o == nullptr) return badInternalCall(function), static_cast<uint64_t>(-1);
  Value v = intRequired(o);
  if (v.isNull()) return static_cast<uint64_t>(-1);
  uint64_t mag;
  bool neg;
  bool fits = asMagnitude64(v, &mag, &neg);
  if (neg) {
    raise(exc::OverflowError, negative);
    return static_cast<uint64_t>(-1);
  }
  if (!fits) {
    raise(exc::OverflowError, too_large);
    return static_cast<uint64_t>(-1);
  }
  return mag;
}
}  // namespace

unsigned long PyLong_AsUnsignedLong(PyObject* o) {
  return unsignedOrRaise(o, "PyLong_AsUnsignedLong", "can't convert negative value to unsigned int",
                         "Python int too large to convert to C unsigned long");
}

size_t PyLong_AsSize_t(PyObject* o) {
  return unsignedOrRaise(o, "PyLong_AsSize_t", "can't convert negative value to size_t",
                         "Python int too large to convert to C size_t");
}

unsigned long long PyLong_AsUnsignedLongLong(PyObject* o) {
  return unsignedOrRaise(o, "PyLong_AsUnsignedLongLong", "can't convert negative int to unsigned",
                         "int too big to convert");
}

unsigned long PyLong_AsUnsignedLongMask(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyLong_AsUnsignedLongMask"), static_cast<unsigned long>(-1);
  Value v = intViaIndex(o);
  if (v.isNull()) return static_cast<unsigned long>(-1);
  return maskedUint64(v);
}

unsigned long long PyLong_AsUnsignedLongLongMask(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyLong_AsUnsignedLongLongMask"), static_cast<unsigned long long>(-1);
  Value v = intViaIndex(o);
  if (v.isNull()) return static_cast<unsigned long long>(-1);
  return maskedUint64(v);
}

double PyLong_AsDouble(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyLong_AsDouble"), -1.0;
  Value v = intRequired(o);
  if (v.isNull()) return -1.0;
  if (v.isSmallInt()) return static_cast<double>(v.asSmallInt());
  double d;
  if (!intToDouble(v, &d)) return -1.0;
  return d;
}

void* PyLong_AsVoidPtr(PyObject* o) {
  // CPython: a negative int goes through PyLong_AsLong, others through
  // PyLong_AsUnsignedLong (hence their two overflow messages).
  if (o == nullptr) return badInternalCall("PyLong_AsVoidPtr");
  Value v = intRequired(o);
  if (v.isNull()) return nullptr;
  if (intSign(v) < 0) {
    long n = PyLong_AsLong(o);
    if (n == -1 && errorPending()) return nullptr;
    return reinterpret_cast<void*>(n);
  }
  unsigned long n = PyLong_AsUnsignedLong(o);
  if (n == static_cast<unsigned long>(-1) && errorPending()) return nullptr;
  return reinterpret_cast<void*>(n);
}

int _PyLong_AsByteArray(PyLongObject* lo, unsigned char* bytes, size_t n, int little_endian, int is_signed) {
  if (lo == nullptr || (bytes == nullptr && n != 0)) return badInternalCall("_PyLong_AsByteArray"), -1;
  Value v = fromC(reinterpret_cast<PyObject*>(lo));
  if (!isInt(v)) return badInternalCall("_PyLong_AsByteArray"), -1;
  IntRef r(v);
  bigint::Status s = bigint::to_bytes(bytes, n, r.mag, r.neg, little_endian != 0, is_signed != 0);
  if (s != bigint::Status::kOk) {
    raise(exc::OverflowError, bigint::status_error(s).message);
    return -1;
  }
  return 0;
}

int _PyLong_Sign(PyObject* o) {
  if (o == nullptr) return 0;
  Value v = fromC(o);
  if (!isInt(v)) return 0;
  return intSign(v);
}

size_t _PyLong_NumBits(PyObject* o) {
  if (o == nullptr) return badInternalCall("_PyLong_NumBits"), static_cast<size_t>(-1);
  Value v = fromC(o);
  if (!isInt(v)) return badInternalCall("_PyLong_NumBits"), static_cast<size_t>(-1);
  IntRef r(v);
  return static_cast<size_t>(bigint::bit_length(r.mag));
}

PyObject* PyLong_GetInfo(void) {
  Value sys = importModule(internStr("sys"));
  if (sys.isNull()) return nullptr;
  return returnNew(getAttr(sys, internStr("int_info")));
}

// ===========================================================================
// Helpers for Argument Clinic code and the rest of the _PyLong_* surface

namespace {

// module.attr(args...) for the few helpers that are plain Python-level
// operations (bin/oct/hex, math.gcd).
PyObject* callModuleFunction(const char* module, const char* name, std::initializer_list<Value> args) {
  Value m = importModule(internStr(module));
  if (m.isNull()) return nullptr;
  Value f = getAttr(m, internStr(name));
  if (f.isNull()) return nullptr;
  return returnNew(call(f, args.begin(), args.size()));
}

// The unsigned converters: a negative int is a ValueError, not an
// OverflowError, in clinic code.
bool notNegative(PyObject* obj) {
  Value v = fromC(obj);
  if (!v.isNull() && isInt(v) && intSign(v) < 0) {
    raise(exc::ValueError, "value must be positive");
    return false;
  }
  return true;
}

}  // namespace

PyObject* _PyLong_Format(PyObject* obj, int base) {
  if (obj == nullptr) return badInternalCall("_PyLong_Format");
  Value v = fromC(obj);
  if (!isInt(v)) return badInternalCall("_PyLong_Format");
  switch (base) {
    case 2:
      return callModuleFunction("builtins", "bin", {v});
    case 8:
      return callModuleFunction("builtins", "oct", {v});
    case 16:
      return callModuleFunction("builtins", "hex", {v});
    case 10:
      return returnNew(str(index(v)));
    default:
      return badInternalCall("_PyLong_Format");
  }
}

PyObject* _PyLong_GCD(PyObject* a, PyObject* b) {
  if (a == nullptr || b == nullptr) return badInternalCall("_PyLong_GCD");
  return callModuleFunction("math", "gcd", {fromC(a), fromC(b)});
}

PyObject* _PyLong_Lshift(PyObject* a, size_t shiftby) {
  if (a == nullptr) return badInternalCall("_PyLong_Lshift");
  return returnNew(binaryOp(fromC(a), newIntUnsigned(shiftby), BinOp::kLshift));
}

PyObject* _PyLong_Rshift(PyObject* a, size_t shiftby) {
  if (a == nullptr) return badInternalCall("_PyLong_Rshift");
  return returnNew(binaryOp(fromC(a), newIntUnsigned(shiftby), BinOp::kRshift));
}

PyObject* _PyLong_FromBytes(const char* s, Py_ssize_t len, int base) {
  if (s == nullptr || len < 0) return badInternalCall("_PyLong_FromBytes");
  Value text = newStrReplacingInvalid(std::string_view(s, static_cast<size_t>(len)));
  if (text.isNull()) return nullptr;
  Value args[2] = {text, newInt(base)};
  return returnNew(call(typeValue(types::int_type), args, 2));
}

int _PyLong_UnsignedShort_Converter(PyObject* obj, void* ptr) {
  if (!notNegative(obj)) return 0;
  unsigned long v = PyLong_AsUnsignedLong(obj);
  if (v == static_cast<unsigned long>(-1) && errorPending()) return 0;
  if (v > USHRT_MAX) {
    raise(exc::OverflowError, "Python int too large for C unsigned short");
    return 0;
  }
  *static_cast<unsigned short*>(ptr) = static_cast<unsigned short>(v);
  return 1;
}

int _PyLong_UnsignedInt_Converter(PyObject* obj, void* ptr) {
  if (!notNegative(obj)) return 0;
  unsigned long v = PyLong_AsUnsignedLong(obj);
  if (v == static_cast<unsigned long>(-1) && errorPending()) return 0;
  if (v > UINT_MAX) {
    raise(exc::OverflowError, "Python int too large for C unsigned int");
    return 0;
  }
  *static_cast<unsigned int*>(ptr) = static_cast<unsigned int>(v);
  return 1;
}

int _PyLong_UnsignedLong_Converter(PyObject* obj, void* ptr) {
  if (!notNegative(obj)) return 0;
  unsigned long v = PyLong_AsUnsignedLong(obj);
  if (v == static_cast<unsigned long>(-1) && errorPending()) return 0;
  *static_cast<unsigned long*>(ptr) = v;
  return 1;
}

int _PyLong_UnsignedLongLong_Converter(PyObject* obj, void* ptr) {
  if (!notNegative(obj)) return 0;
  unsigned long long v = PyLong_AsUnsignedLongLong(obj);
  if (v == static_cast<unsigned long long>(-1) && errorPending()) return 0;
  *static_cast<unsigned long long*>(ptr) = v;
  return 1;
}

int _PyLong_Size_t_Converter(PyObject* obj, void* ptr) {
  if (!notNegative(obj)) return 0;
  size_t v = PyLong_AsSize_t(obj);
  if (v == static_cast<size_t>(-1) && errorPending()) return 0;
  *static_cast<size_t*>(ptr) = v;
  return 1;
}

// divmod(a, b) with the quotient rounded half to even instead of floored
// (what round() and timedelta use).
PyObject* _PyLong_DivmodNear(PyObject* a, PyObject* b) {
  if (a == nullptr || b == nullptr) return badInternalCall("_PyLong_DivmodNear");
  Value x = fromC(a);
  Value y = fromC(b);
  if (!isInt(x) || !isInt(y)) {
    raise(exc::TypeError, "non-integer arguments in division");
    return nullptr;
  }
  Value qr = divmod(x, y);
  if (qr.isNull()) return nullptr;
  Value q = tupleItem(qr, 0);
  Value r = tupleItem(qr, 1);
  Value twice = binaryOp(r, newInt(1), BinOp::kLshift);
  if (twice.isNull()) return nullptr;
  bool negative_divisor = intSign(y) < 0;
  int beyond = richCompareBool(twice, y, negative_divisor ? kLt : kGt);
  int tie = richCompareBool(twice, y, kEq);
  Value odd = binaryOp(q, newInt(1), BinOp::kAnd);
  if (beyond < 0 || tie < 0 || odd.isNull()) return nullptr;
  if (beyond == 1 || (tie == 1 && odd == newInt(1))) {
    q = binaryOp(q, newInt(1), BinOp::kAdd);
    if (q.isNull()) return nullptr;
    r = binaryOp(r, y, BinOp::kSubtract);
    if (r.isNull()) return nullptr;
  }
  return returnNew(newTupleOf({q, r}));
}

}  // extern "C"
