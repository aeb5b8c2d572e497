// The array module: array.array, typed arrays of machine values (every
// typecode of CPython 3.11: b B u h H i I l L q Q f d), with the buffer
// protocol (memoryview over an array), every method, slicing with extended
// slice assignment and deletion, comparisons, concatenation and repetition,
// iteration (array.arrayiterator) and pickling through __reduce_ex__ and
// array._array_reconstructor (machine format codes included, so arrays
// pickled on other platforms load).  Conversions and messages are CPython's
// (each typecode's setitem goes through the same integer converters).
//
// Layout: ArrayObj holds the length and the capacity in items and a
// `_rawbytes` storage (rawbytes.h) of capacity * itemsize bytes, null when
// the capacity is 0.  The storage moves like any young object: re-derive
// arrayData() after anything that may allocate.  Growth follows CPython's
// array_resize, so __sizeof__ agrees.  `exports` counts buffer exports
// (memoryview); while one is live the array may not change size
// ("cannot resize an array that is exporting buffers").  An item is
// converted to its machine form before the storage is touched, since the
// conversion may run Python code (__index__, __float__) that mutates the
// array.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

// CPython's machine format codes (arraymodule.c's enum machine_format_code).
enum MachineFormat : int {
  kUnknownFormat = -1,
  kUInt8 = 0,
  kSInt8 = 1,
  kUInt16LE = 2,
  kUInt16BE = 3,
  kSInt16LE = 4,
  kSInt16BE = 5,
  kUInt32LE = 6,
  kUInt32BE = 7,
  kSInt32LE = 8,
  kSInt32BE = 9,
  kUInt64LE = 10,
  kUInt64BE = 11,
  kSInt64LE = 12,
  kSInt64BE = 13,
  kFloatLE = 14,
  kFloatBE = 15,
  kDoubleLE = 16,
  kDoubleBE = 17,
  kUtf16LE = 18,
  kUtf16BE = 19,
  kUtf32LE = 20,
  kUtf32BE = 21,
};

enum class Kind : uint8_t { kSigned, kUnsigned, kFloat, kUnicode };

struct Descr {
  char code;
  int size;
  Kind kind;
  int mformat;  // on this (little-endian, LP64) machine
};

const Descr kDescrs[] = {
    {'b', 1, Kind::kSigned, kSInt8},      {'B', 1, Kind::kUnsigned, kUInt8},    {'u', 4, Kind::kUnicode, kUtf32LE},
    {'h', 2, Kind::kSigned, kSInt16LE},   {'H', 2, Kind::kUnsigned, kUInt16LE}, {'i', 4, Kind::kSigned, kSInt32LE},
    {'I', 4, Kind::kUnsigned, kUInt32LE}, {'l', 8, Kind::kSigned, kSInt64LE},   {'L', 8, Kind::kUnsigned, kUInt64LE},
    {'q', 8, Kind::kSigned, kSInt64LE},   {'Q', 8, Kind::kUnsigned, kUInt64LE}, {'f', 4, Kind::kFloat, kFloatLE},
    {'d', 8, Kind::kFloat, kDoubleLE},
};

const Descr* findDescr(int code) {
  for (const Descr& d : kDescrs)
    if (d.code == code) return &d;
  return nullptr;
}

Type* g_array_type = nullptr;
Type* g_arrayiter_type = nullptr;

struct ArrayObj : Obj {
  gc::HeapValue storage;  // RawBytesObj of allocated * itemsize bytes, or null
  int64_t length;         // items
  int64_t allocated;      // items
  int64_t exports;
  const Descr* descr;  // static data
};

ArrayObj* asArray(Value v) { return static_cast<ArrayObj*>(v.asObject()); }
bool isArray(Value v) { return !v.isSmallInt() && isInstance(v, g_array_type); }
int64_t arrayLength(Value a) { return asArray(a)->length; }
const Descr& descrOf(Value a) { return *asArray(a)->descr; }
char* arrayData(Value a) {
  Value s = asArray(a)->storage.get();
  return s.isNull() ? nullptr : rawBytesData(s);
}
std::string_view arrayBytes(Value a) {
  char* d = arrayData(a);
  if (d == nullptr) return {};
  return {d, static_cast<size_t>(asArray(a)->length * asArray(a)->descr->size)};
}

constexpr int64_t kMaxBytes = INT64_MAX / 4;

// Replaces the storage by one of `capacity` items holding the first `keep` items.
bool reallocate(Value a, int64_t capacity) {
  int64_t size = asArray(a)->descr->size;
  if (capacity > kMaxBytes / size) {
    raiseNoMemory();
    return false;
  }
  if (capacity == 0) {
    asArray(a)->storage.set(Value());
    asArray(a)->allocated = 0;
    return true;
  }
  Value storage = newRawBytes(static_cast<size_t>(capacity * size));
  if (storage.isNull()) return false;
  int64_t keep = asArray(a)->length < capacity ? asArray(a)->length : capacity;
  char* old = arrayData(a);
  if (keep > 0) std::memcpy(rawBytesData(storage), old, static_cast<size_t>(keep * size));
  asArray(a)->storage.set(storage);
  asArray(a)->allocated = capacity;
  return true;
}

bool checkNotExported(Value a) {
  if (asArray(a)->exports > 0 && bufferExports(a) != 0) {
    raise(exc::BufferError, "cannot resize an array that is exporting buffers");
    return false;
  }
  return true;
}

// CPython's array_resize (its over-allocation, so __sizeof__ matches).
// May collect.
bool arrayResize(Value a, int64_t newsize) {
  ArrayObj* o = asArray(a);
  if (newsize != o->length && !checkNotExported(a)) return false;
  o = asArray(a);
  if (o->allocated >= newsize && o->length < newsize + 16 && !o->storage.get().isNull()) {
    o->length = newsize;
    return true;
  }
  if (newsize == 0) {
    o->storage.set(Value());
    o->allocated = 0;
    o->length = 0;
    return true;
  }
  int64_t want = (newsize >> 4) + (o->length < 8 ? 3 : 7) + newsize;
  if (!reallocate(a, want)) return false;
  asArray(a)->length = newsize;
  return true;
}

// A new array of `type` with `n` zeroed items (allocated exactly).
Value newArrayObject(Type* type, const Descr* descr, int64_t n) {
  if (n < 0) return raiseSystemError("newarrayobject", "negative size");
  if (n > kMaxBytes / descr->size) return raiseNoMemory();
  ArrayObj* o = static_cast<ArrayObj*>(newObject(type, type->basic_size));
  o->descr = descr;
  Value a(o);
  if (n > 0) {
    if (!reallocate(a, n)) return Value();
    asArray(a)->length = n;
  }
  return a;
}

Value newArrayFromBytes(Type* type, const Descr* descr, std::string_view bytes) {
  int64_t n = static_cast<int64_t>(bytes.size()) / descr->size;
  Value a = newArrayObject(type, descr, n);
  if (a.isNull() || n == 0) return a;
  std::memcpy(arrayData(a), bytes.data(), static_cast<size_t>(n * descr->size));
  return a;
}

// --- items -------------------------------------------------------------------

// One item in its machine form.
union Raw {
  int8_t i8;
  uint8_t u8;
  int16_t i16;
  uint16_t u16;
  int32_t i32;
  uint32_t u32;
  int64_t i64;
  uint64_t u64;
  float f;
  double d;
  unsigned char bytes[8];
};

Value rawToValue(const Descr& d, const char* p) {
  Raw r;
  std::memcpy(r.bytes, p, static_cast<size_t>(d.size));
  switch (d.code) {
    case 'b':
      return newInt(r.i8);
    case 'B':
      return newInt(r.u8);
    case 'h':
      return newInt(r.i16);
    case 'H':
      return newInt(r.u16);
    case 'i':
      return newInt(r.i32);
    case 'I':
      return newInt(r.u32);
    case 'l':
    case 'q':
      return newInt(r.i64);
    case 'L':
    case 'Q':
      return newIntUnsigned(r.u64);
    case 'f':
      return newFloat(r.f);
    case 'd':
      return newFloat(r.d);
    case 'u':
      if (r.i32 < 0 || r.i32 > 0x10ffff) return raise(exc::ValueError, "chr() arg not in range(0x110000)");
      return strFromCodePoint(static_cast<char32_t>(r.i32));
    default:
      return raiseSystemError("array", "bad typecode");
  }
}

Value arrayItem(Value a, int64_t i) { return rawToValue(descrOf(a), arrayData(a) + i * descrOf(a).size); }

// The value of an int (after __index__) as sign and 64-bit magnitude; false
// when the magnitude needs more than 64 bits.
bool intParts(Value i, bool* neg, uint64_t* mag) {
  numbers::IntRef ref(i);
  *neg = ref.neg;
  if (ref.mag.size() > 1) return false;
  *mag = ref.mag.empty() ? 0 : static_cast<uint64_t>(ref.mag[0]);
  return true;
}

bool rangeCheck(int64_t x, int64_t lo, int64_t hi, const char* what) {
  if (x < lo) {
    raisef(exc::OverflowError, "%s is less than minimum", what);
    return false;
  }
  if (x > hi) {
    raisef(exc::OverflowError, "%s is greater than maximum", what);
    return false;
  }
  return true;
}

// Converts `v` to the item form of `d` (CPython's per-typecode setitem).
bool convertItem(const Descr& d, Value v, Raw* out) {
  switch (d.code) {
    case 'b': {
      int64_t x;
      if (!argIndex(v, &x) || !rangeCheck(x, INT16_MIN, INT16_MAX, "signed short integer") ||
          !rangeCheck(x, -128, 127, "signed char"))
        return false;
      out->i8 = static_cast<int8_t>(x);
      return true;
    }
    case 'B': {
      int64_t x;
      if (!argIndex(v, &x) || !rangeCheck(x, 0, 255, "unsigned byte integer")) return false;
      out->u8 = static_cast<uint8_t>(x);
      return true;
    }
    case 'h': {
      int64_t x;
      if (!argIndex(v, &x) || !rangeCheck(x, INT16_MIN, INT16_MAX, "signed short integer")) return false;
      out->i16 = static_cast<int16_t>(x);
      return true;
    }
    case 'H': {
      int64_t x;
      if (!argIndex(v, &x) || !rangeCheck(x, INT32_MIN, INT32_MAX, "signed integer") ||
          !rangeCheck(x, 0, UINT16_MAX, "unsigned short"))
        return false;
      out->u16 = static_cast<uint16_t>(x);
      return true;
    }
    case 'i': {
      int64_t x;
      if (!argIndex(v, &x) || !rangeCheck(x, INT32_MIN, INT32_MAX, "signed integer")) return false;
      out->i32 = static_cast<int32_t>(x);
      return true;
    }
    case 'l': {
      int64_t x;
      if (!argIndex(v, &x)) return false;
      out->i64 = x;
      return true;
    }
    case 'I':
    case 'L':
    case 'Q': {
      Value i = index(v);
      if (i.isNull()) return false;
      bool neg;
      uint64_t mag;
      bool fits = intParts(i, &neg, &mag);
      if (neg && (mag != 0 || !fits)) {
        raise(exc::OverflowError, d.code == 'Q' ? "can't convert negative int to unsigned"
                                                : "can't convert negative value to unsigned int");
        return false;
      }
      if (!fits) {
        raise(exc::OverflowError,
              d.code == 'Q' ? "int too big to convert" : "Python int too large to convert to C unsigned long");
        return false;
      }
      if (d.code == 'I') {
        if (mag > UINT32_MAX) {
          raise(exc::OverflowError, "unsigned int is greater than maximum");
          return false;
        }
        out->u32 = static_cast<uint32_t>(mag);
      } else {
        out->u64 = mag;
      }
      return true;
    }
    case 'q': {
      Value i = index(v);
      if (i.isNull()) return false;
      int64_t x;
      if (!intToInt64(i, &x)) {
        clearError();
        raise(exc::OverflowError, "int too big to convert");
        return false;
      }
      out->i64 = x;
      return true;
    }
    case 'f':
    case 'd': {
      double x;
      if (!argDouble(v, &x)) return false;
      if (d.code == 'f') {
        out->f = static_cast<float>(x);
      } else {
        out->d = x;
      }
      return true;
    }
    case 'u': {
      if (!isStr(v) || asStr(v)->length != 1) {
        raise(exc::TypeError, "array item must be unicode character");
        return false;
      }
      out->i32 = static_cast<int32_t>(asStr(v)->at(0));
      return true;
    }
    default:
      raiseSystemError("array", "bad typecode");
      return false;
  }
}

void storeRaw(Value a, int64_t i, const Raw& r) {
  int size = descrOf(a).size;
  std::memcpy(arrayData(a) + i * size, r.bytes, static_cast<size_t>(size));
}

// ins1: inserts v at `where` (clipped as list.insert clips).
bool insertItem(Value a, int64_t where, Value v) {
  Raw r;
  if (!convertItem(descrOf(a), v, &r)) return false;
  int64_t n = arrayLength(a);
  if (!arrayResize(a, n + 1)) return false;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  int size = descrOf(a).size;
  char* d = arrayData(a);
  if (where != n) std::memmove(d + (where + 1) * size, d + where * size, static_cast<size_t>((n - where) * size));
  storeRaw(a, where, r);
  return true;
}

// Replaces items [lo, hi) by `bytes` (whole items of the same kind, not heap memory).
bool replaceItems(Value a, int64_t lo, int64_t hi, std::string_view bytes) {
  int size = descrOf(a).size;
  int64_t n = arrayLength(a);
  int64_t m = static_cast<int64_t>(bytes.size()) / size;
  if (m == hi - lo) {
    if (!bytes.empty()) std::memcpy(arrayData(a) + lo * size, bytes.data(), bytes.size());
    return true;
  }
  std::string tail(arrayBytes(a).substr(static_cast<size_t>(hi * size)));
  if (!arrayResize(a, n - (hi - lo) + m)) return false;
  char* d = arrayData(a);
  if (!bytes.empty()) std::memcpy(d + lo * size, bytes.data(), bytes.size());
  if (!tail.empty()) std::memcpy(d + (lo + m) * size, tail.data(), tail.size());
  return true;
}

bool appendBytes(Value a, std::string_view bytes) {
  int64_t n = arrayLength(a);
  return replaceItems(a, n, n, bytes);
}

// array_iter_extend.
bool extendFromIterable(Value a, Value iterable) {
  Value it = getIter(iterable);
  if (it.isNull()) return false;
  for (;;) {
    Value v = iterNext(it);
    if (v.isNull()) return !errorPending();
    if (!insertItem(a, arrayLength(a), v)) return false;
  }
}

// array_do_extend.
bool doExtend(Value a, Value other) {
  if (!isArray(other)) return extendFromIterable(a, other);
  if (asArray(other)->descr != asArray(a)->descr) {
    raise(exc::TypeError, "can only extend with array of same kind");
    return false;
  }
  std::string bytes(arrayBytes(other));
  return appendBytes(a, bytes);
}

Value badArgument() { return raise(exc::TypeError, "bad argument type for built-in operation"); }

// frombytes: whole items only.
bool fromBytes(Value a, Value buffer) {
  std::string bytes;
  if (!bufferCopyBytes(buffer, &bytes)) return false;
  int size = descrOf(a).size;
  if (bytes.size() % static_cast<size_t>(size) != 0) {
    raise(exc::ValueError, "bytes length not a multiple of item size");
    return false;
  }
  return appendBytes(a, bytes);
}

// The items of a 'u' array as a str (PyUnicode_FromWideChar's check).
Value toUnicode(Value a) {
  std::u32string text;
  int64_t n = arrayLength(a);
  const char* d = arrayData(a);
  for (int64_t i = 0; i < n; ++i) {
    int32_t c;
    std::memcpy(&c, d + i * 4, 4);
    if (static_cast<uint32_t>(c) > 0x10ffff) {
      return raisef(exc::ValueError, "character U+%x is not in range [U+0000; U+10ffff]", static_cast<uint32_t>(c));
    }
    text.push_back(static_cast<char32_t>(c));
  }
  return newStrFromUcs4(text);
}

Value toList(Value a) {
  Value list = newList(arrayLength(a));
  if (list.isNull()) return list;
  for (int64_t i = 0; i < arrayLength(a); ++i) {
    Value v = arrayItem(a, i);
    if (v.isNull() || !listAppend(list, v)) return Value();
  }
  return list;
}

// ===========================================================================
// array(typecode, initializer=None, /)

Value array_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == g_array_type && !kwnames.isNull() && tupleLength(kwnames) > 0) {
    return raise(exc::TypeError, "array.array() takes no keyword arguments");
  }
  if (nargs < 1) return raisef(exc::TypeError, "array() takes at least 1 argument (%zu given)", nargs);
  if (nargs > 2) return raisef(exc::TypeError, "array() takes at most 2 arguments (%zu given)", nargs);
  Value code_arg = args[0];
  if (!isStr(code_arg) || asStr(code_arg)->length != 1) {
    return raisef(exc::TypeError, "array() argument 1 must be a unicode character, not %s",
                  typeNameOf(code_arg).c_str());
  }
  char32_t c = asStr(code_arg)->at(0);
  Value initial = nargs == 2 ? args[1] : Value();
  if (!initial.isNull() && c != 'u') {
    if (isStr(initial)) {
      return raisef(exc::TypeError, "cannot use a str to initialize an array with typecode '%c'", static_cast<int>(c));
    }
    if (isArray(initial) && descrOf(initial).code == 'u') {
      return raisef(exc::TypeError, "cannot use a unicode array to initialize an array with typecode '%c'",
                    static_cast<int>(c));
    }
  }
  Value it;
  if (!initial.isNull() && !isList(initial) && !isByteArray(initial) && !isBytes(initial) && !isTuple(initial) &&
      !(c == 'u' && isStr(initial)) && !(isArray(initial) && static_cast<char32_t>(descrOf(initial).code) == c)) {
    it = getIter(initial);
    if (it.isNull()) return it;
    initial = Value();
  }
  const Descr* descr = c < 128 ? findDescr(static_cast<int>(c)) : nullptr;
  if (descr == nullptr) {
    return raise(exc::ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  int64_t len = 0;
  if (!initial.isNull()) {
    if (isList(initial)) {
      len = listLength(initial);
    } else if (isTuple(initial)) {
      len = tupleLength(initial);
    } else if (isArray(initial)) {
      len = arrayLength(initial);
    }
  }
  Value a = newArrayObject(type, descr, len);
  if (a.isNull()) return a;
  if (len > 0 && !isArray(initial)) {
    for (int64_t i = 0; i < len; ++i) {
      Value v;
      if (isList(initial)) {
        if (i >= listLength(initial)) return raise(exc::IndexError, "list index out of range");
        v = listItem(initial, i);
      } else {
        v = tupleItem(initial, i);
      }
      Raw r;
      if (!convertItem(*descr, v, &r)) return Value();
      if (i < arrayLength(a)) storeRaw(a, i, r);
    }
  } else if (!initial.isNull() && (isByteArray(initial) || isBytes(initial))) {
    if (!fromBytes(a, initial)) return Value();
  } else if (!initial.isNull() && isStr(initial)) {
    std::u32string text = strToUcs4(initial);
    if (!appendBytes(a, std::string_view(reinterpret_cast<const char*>(text.data()), text.size() * 4))) return Value();
  } else if (!initial.isNull() && isArray(initial) && len > 0) {
    std::memcpy(arrayData(a), arrayData(initial), static_cast<size_t>(len * descr->size));
  }
  if (!it.isNull() && !extendFromIterable(a, it)) return Value();
  return a;
}

// ===========================================================================
// Sequence protocol

int64_t array_len(Value self) { return arrayLength(self); }

Value array_subscript(Value self, Value key) {
  if (containers::hasIndex(key)) {
    int64_t i;
    if (!containers::indexValue(key, &i)) return Value();
    if (i < 0) i += arrayLength(self);
    if (i < 0 || i >= arrayLength(self)) return raise(exc::IndexError, "array index out of range");
    return arrayItem(self, i);
  }
  if (isSlice(key)) {
    int64_t start, stop, step, n;
    if (!sliceIndices(key, arrayLength(self), &start, &stop, &step, &n)) return Value();
    const Descr* d = asArray(self)->descr;
    Value out = newArrayObject(g_array_type, d, n);
    if (out.isNull() || n == 0) return out;
    char* src = arrayData(self);
    char* dst = arrayData(out);
    for (int64_t k = 0, i = start; k < n; ++k, i += step) {
      std::memcpy(dst + k * d->size, src + i * d->size, static_cast<size_t>(d->size));
    }
    return out;
  }
  return raise(exc::TypeError, "array indices must be integers");
}

int array_ass_subscript(Value self, Value key, Value value) {
  int64_t start, stop, step, slicelength;
  int64_t n = arrayLength(self);
  if (containers::hasIndex(key)) {
    int64_t i;
    if (!containers::indexValue(key, &i)) return -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raise(exc::IndexError, "array assignment index out of range");
      return -1;
    }
    if (!value.isNull()) {
      Raw r;
      if (!convertItem(descrOf(self), value, &r)) return -1;
      if (i < arrayLength(self)) storeRaw(self, i, r);
      return 0;
    }
    start = i;
    stop = i + 1;
    step = 1;
    slicelength = 1;
  } else if (isSlice(key)) {
    if (!sliceIndices(key, n, &start, &stop, &step, &slicelength)) return -1;
  } else {
    raise(exc::TypeError, "array indices must be integers");
    return -1;
  }
  std::string other;
  int64_t needed = 0;
  if (!value.isNull()) {
    if (!isArray(value)) {
      raisef(exc::TypeError, "can only assign array (not \"%s\") to array slice", typeNameOf(value).c_str());
      return -1;
    }
    if (asArray(value)->descr != asArray(self)->descr) {
      badArgument();
      return -1;
    }
    other.assign(arrayBytes(value));
    needed = arrayLength(value);
  }
  int size = descrOf(self).size;
  if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
  if ((needed == 0 || slicelength != needed) && asArray(self)->exports > 0 && bufferExports(self) != 0) {
    raise(exc::BufferError, "cannot resize an array that is exporting buffers");
    return -1;
  }
  if (step == 1) return replaceItems(self, start, stop, other) ? 0 : -1;
  if (needed == 0) {
    // Delete an extended slice: keep every item not on it.
    std::string kept;
    std::string_view all = arrayBytes(self);
    int64_t lo = step > 0 ? start : start + step * (slicelength - 1);
    int64_t abs_step = step > 0 ? step : -step;
    for (int64_t i = 0; i < n; ++i) {
      bool on_slice = slicelength > 0 && i >= lo && (i - lo) % abs_step == 0 && (i - lo) / abs_step < slicelength;
      if (!on_slice) kept.append(all.substr(static_cast<size_t>(i * size), static_cast<size_t>(size)));
    }
    return replaceItems(self, 0, n, kept) ? 0 : -1;
  }
  if (needed != slicelength) {
    raisef(exc::ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
           static_cast<long long>(needed), static_cast<long long>(slicelength));
    return -1;
  }
  char* d = arrayData(self);
  for (int64_t k = 0, i = start; k < slicelength; ++k, i += step) {
    std::memcpy(d + i * size, other.data() + k * size, static_cast<size_t>(size));
  }
  return 0;
}

int array_contains(Value self, Value v) {
  for (int64_t i = 0; i < arrayLength(self); ++i) {
    Value item = arrayItem(self, i);
    if (item.isNull()) return -1;
    int r = richCompareBool(item, v, kEq);
    if (r != 0) return r;
  }
  return 0;
}

Value array_concat(Value a, Value b) {
  if (!isArray(a)) return NotImplemented();
  if (!isArray(b)) {
    return raisef(exc::TypeError, "can only append array (not \"%s\") to array", typeNameOf(b).c_str());
  }
  if (asArray(a)->descr != asArray(b)->descr) return badArgument();
  std::string bytes(arrayBytes(a));
  bytes.append(arrayBytes(b));
  return newArrayFromBytes(g_array_type, asArray(a)->descr, bytes);
}

// The repeat count of `array * count`; false with NotImplemented or an error in *result.
bool repeatCount(Value count, bool array_first, int64_t* n, Value* result) {
  *result = Value();
  if (!containers::hasIndex(count)) {
    if (containers::mayReflect(count, array_first ? names::__rmul__ : names::__mul__)) {
      *result = NotImplemented();
      return false;
    }
    raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", typeNameOf(count).c_str());
    return false;
  }
  Value i = index(count);
  if (i.isNull()) return false;
  if (!intToInt64(i, n)) {
    clearError();
    raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer", typeNameOf(count).c_str());
    return false;
  }
  if (*n < 0) *n = 0;
  return true;
}

Value array_repeat(Value a, Value b) {
  bool first = isArray(a);
  Value arr = first ? a : b, count = first ? b : a;
  int64_t n;
  Value result;
  if (!repeatCount(count, first, &n, &result)) return result;
  std::string_view bytes = arrayBytes(arr);
  if (!bytes.empty() && n > kMaxBytes / static_cast<int64_t>(bytes.size())) return raiseNoMemory();
  std::string out;
  out.reserve(bytes.size() * static_cast<size_t>(n));
  for (int64_t k = 0; k < n; ++k) out.append(bytes);
  return newArrayFromBytes(g_array_type, asArray(arr)->descr, out);
}

Value array_inplace_concat(Value self, Value other) {
  if (!isArray(self)) return NotImplemented();
  if (!isArray(other)) {
    return raisef(exc::TypeError, "can only extend array with array (not \"%s\")", typeNameOf(other).c_str());
  }
  if (!doExtend(self, other)) return Value();
  return self;
}

Value array_inplace_repeat(Value self, Value count) {
  if (!isArray(self)) return NotImplemented();
  int64_t n;
  Value result;
  if (!repeatCount(count, true, &n, &result)) return result;
  std::string bytes(arrayBytes(self));
  if (!bytes.empty() && n > kMaxBytes / static_cast<int64_t>(bytes.size())) return raiseNoMemory();
  std::string out;
  for (int64_t k = 0; k < n; ++k) out.append(bytes);
  if (n == 1) return self;
  if (!replaceItems(self, 0, arrayLength(self), out)) return Value();
  return self;
}

Value array_richcompare(Value v, Value w, int op) {
  if (!isArray(v) || !isArray(w)) return NotImplemented();
  int64_t nv = arrayLength(v), nw = arrayLength(w);
  if (nv != nw && (op == kEq || op == kNe)) return Bool(op == kNe);
  Value vi, wi;
  int k = 1;
  int64_t i = 0;
  for (; i < arrayLength(v) && i < arrayLength(w); ++i) {
    vi = arrayItem(v, i);
    if (vi.isNull()) return vi;
    wi = arrayItem(w, i);
    if (wi.isNull()) return wi;
    k = richCompareBool(vi, wi, kEq);
    if (k != 1) break;
  }
  if (k < 0) return Value();
  if (k) {
    nv = arrayLength(v);
    nw = arrayLength(w);
    return Bool(orderingSatisfies(nv < nw ? -1 : nv > nw ? 1 : 0, op));
  }
  if (op == kEq) return False();
  if (op == kNe) return True();
  return richCompare(vi, wi, op);
}

Value array_repr(Value self) {
  std::string name = typeOf(self)->hasFlag(type_flags::kHeapType) ? typeName(typeOf(self)) : "array";
  char code = descrOf(self).code;
  if (arrayLength(self) == 0) return newStr(name + "('" + code + "')");
  Value inner = code == 'u' ? toUnicode(self) : toList(self);
  if (inner.isNull()) return inner;
  Value r = repr(inner);
  if (r.isNull()) return r;
  return newStr(name + "('" + code + "', " + strToUtf8(r) + ")");
}

// ===========================================================================
// The buffer protocol

bool array_getbuffer(Value obj, Buffer* view, int /*flags*/) {
  const Descr& d = descrOf(obj);
  view->len = arrayLength(obj) * d.size;
  view->itemsize = d.size;
  // 'u' items are UCS-4 (wchar_t is 4 bytes): CPython exports them as format 'w'.
  view->format = d.code == 'u' ? std::string("w") : std::string(1, d.code);
  view->shape[0] = arrayLength(obj);
  view->strides[0] = d.size;
  view->readonly = false;
  view->counted = true;
  asArray(obj)->exports += 1;
  return true;
}
void array_releasebuffer(Value obj) { asArray(obj)->exports -= 1; }
int64_t array_exports(Value obj) { return asArray(obj)->exports; }
char* array_data(Value obj) {
  char* d = arrayData(obj);
  static char empty[8];
  return d == nullptr ? empty : d;
}

// The storage moved to the old space, where it stays put: an export forbids
// resizing, so the block is the array's until the export goes.
char* array_stable_data(Value obj) {
  Value storage = asArray(obj)->storage.get();
  if (!storage.isNull()) asArray(obj)->storage.set(rawBytesOld(storage));
  return array_data(obj);
}

const BufferProcs kArrayBufferProcs = {.get = array_getbuffer,
                                       .release = array_releasebuffer,
                                       .exports = array_exports,
                                       .data = array_data,
                                       .stable_data = array_stable_data};
TERN_REGISTER_BUFFER(g_array_type, kArrayBufferProcs);

// ===========================================================================
// Methods

Value array_append(Value* args) { return insertItem(args[0], arrayLength(args[0]), args[1]) ? None() : Value(); }

// The storage moves to the old space first, where it stays put: the address
// is valid until the array is resized, as in CPython.
Value array_buffer_info(Value* args) {
  Value self = args[0];
  array_stable_data(self);
  Value addr = newIntUnsigned(reinterpret_cast<uintptr_t>(arrayData(self)));
  if (addr.isNull()) return addr;
  Value len = newInt(arrayLength(self));
  if (len.isNull()) return len;
  return newTupleOf({addr, len});
}

Value array_byteswap(Value* args) {
  Value self = args[0];
  int size = descrOf(self).size;
  char* d = arrayData(self);
  for (int64_t i = 0; i < arrayLength(self); ++i) {
    char* p = d + i * size;
    for (int a = 0, b = size - 1; a < b; ++a, --b) std::swap(p[a], p[b]);
  }
  return None();
}

Value array_count(Value* args) {
  Value self = args[0];
  int64_t count = 0;
  for (int64_t i = 0; i < arrayLength(self); ++i) {
    Value item = arrayItem(self, i);
    if (item.isNull()) return item;
    int r = richCompareBool(item, args[1], kEq);
    if (r < 0) return Value();
    count += r;
  }
  return newInt(count);
}

Value array_extend(Value* args) { return doExtend(args[0], args[1]) ? None() : Value(); }

Value array_frombytes(Value* args) { return fromBytes(args[0], args[1]) ? None() : Value(); }

Value array_fromfile(Value* args) {
  Value self = args[0], f = args[1];
  int64_t n;
  if (!argSsize(args[2], &n)) return Value();
  if (n < 0) return raise(exc::ValueError, "negative count");
  int size = descrOf(self).size;
  if (n > INT64_MAX / size) return raiseNoMemory();
  int64_t nbytes = n * size;
  Value count = newInt(nbytes);
  if (count.isNull()) return count;
  Value b = callMethod(f, internStr("read"), &count, 1);
  if (b.isNull()) return b;
  if (!isBytes(b)) return raise(exc::TypeError, "read() didn't return bytes");
  bool not_enough = bytesLength(b) != nbytes;
  if (!fromBytes(self, b)) return Value();
  if (not_enough) return raise(exc::EOFError, "read() didn't return enough bytes");
  return None();
}

Value array_fromlist(Value* args) {
  Value self = args[0], list = args[1];
  if (!isList(list)) return raise(exc::TypeError, "arg must be list");
  int64_t n = listLength(list);
  if (n <= 0) return None();
  int64_t old = arrayLength(self);
  std::string bytes;
  for (int64_t i = 0; i < n && i < listLength(list); ++i) {
    Raw r;
    if (!convertItem(descrOf(self), listItem(list, i), &r)) return Value();
    bytes.append(reinterpret_cast<const char*>(r.bytes), static_cast<size_t>(descrOf(self).size));
  }
  if (!replaceItems(self, old, old, bytes)) return Value();
  return None();
}

Value array_fromunicode(Value* args) {
  Value self = args[0], s = args[1];
  if (!isStr(s)) return raisef(exc::TypeError, "fromunicode() argument must be str, not %s", typeNameOf(s).c_str());
  if (descrOf(self).code != 'u') {
    return raise(exc::ValueError, "fromunicode() may only be called on unicode type arrays");
  }
  std::u32string text = strToUcs4(s);
  if (!appendBytes(self, std::string_view(reinterpret_cast<const char*>(text.data()), text.size() * 4))) return Value();
  return None();
}

Value array_index(Value* args) {
  Value self = args[0];
  int64_t start = 0, stop = INT64_MAX;
  if (!sliceIndexNotNone(args[2], &start) || !sliceIndexNotNone(args[3], &stop)) return Value();
  int64_t n = arrayLength(self);
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) stop += n;
  for (int64_t i = start; i < stop && i < arrayLength(self); ++i) {
    Value item = arrayItem(self, i);
    if (item.isNull()) return item;
    int r = richCompareBool(item, args[1], kEq);
    if (r < 0) return Value();
    if (r > 0) return newInt(i);
  }
  return raise(exc::ValueError, "array.index(x): x not in array");
}

Value array_insert(Value* args) {
  int64_t i;
  if (!argSsize(args[1], &i)) return Value();
  return insertItem(args[0], i, args[2]) ? None() : Value();
}

Value array_pop(Value* args) {
  Value self = args[0];
  int64_t i;
  if (!argSsize(args[1], &i)) return Value();
  int64_t n = arrayLength(self);
  if (n == 0) return raise(exc::IndexError, "pop from empty array");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(exc::IndexError, "pop index out of range");
  Value v = arrayItem(self, i);
  if (v.isNull()) return v;
  if (!replaceItems(self, i, i + 1, {})) return Value();
  return v;
}

Value array_remove(Value* args) {
  Value self = args[0];
  for (int64_t i = 0; i < arrayLength(self); ++i) {
    Value item = arrayItem(self, i);
    if (item.isNull()) return item;
    int r = richCompareBool(item, args[1], kEq);
    if (r < 0) return Value();
    if (r > 0) {
      if (i >= arrayLength(self)) break;
      if (!replaceItems(self, i, i + 1, {})) return Value();
      return None();
    }
  }
  return raise(exc::ValueError, "array.remove(x): x not in array");
}

Value array_reverse(Value* args) {
  Value self = args[0];
  int size = descrOf(self).size;
  char* d = arrayData(self);
  for (int64_t a = 0, b = arrayLength(self) - 1; a < b; ++a, --b) {
    char tmp[8];
    std::memcpy(tmp, d + a * size, static_cast<size_t>(size));
    std::memcpy(d + a * size, d + b * size, static_cast<size_t>(size));
    std::memcpy(d + b * size, tmp, static_cast<size_t>(size));
  }
  return None();
}

Value array_tobytes(Value* args) { return newBytes(std::string(arrayBytes(args[0]))); }

Value array_tofile(Value* args) {
  Value self = args[0], f = args[1];
  constexpr int64_t kBlockSize = 64 * 1024;
  int64_t nbytes = arrayLength(self) * descrOf(self).size;
  if (nbytes == 0) return None();
  int64_t blocks = (nbytes + kBlockSize - 1) / kBlockSize;
  for (int64_t i = 0; i < blocks; ++i) {
    int64_t lo = i * kBlockSize;
    int64_t size = nbytes - lo < kBlockSize ? nbytes - lo : kBlockSize;
    std::string_view all = arrayBytes(self);
    if (lo >= static_cast<int64_t>(all.size())) break;
    Value b = newBytes(std::string(all.substr(static_cast<size_t>(lo), static_cast<size_t>(size))));
    if (b.isNull()) return b;
    Value r = callMethod(f, internStr("write"), &b, 1);
    if (r.isNull()) return r;
  }
  return None();
}

Value array_tolist(Value* args) { return toList(args[0]); }

Value array_tounicode(Value* args) {
  if (descrOf(args[0]).code != 'u') {
    return raise(exc::ValueError, "tounicode() may only be called on unicode type arrays");
  }
  return toUnicode(args[0]);
}

Value array_copy(Value* args) {
  return newArrayFromBytes(g_array_type, asArray(args[0])->descr, std::string(arrayBytes(args[0])));
}

Value array_sizeof(Value* args) { return newInt(64 + asArray(args[0])->allocated * descrOf(args[0]).size); }

gc::GlobalRoot g_reconstructor;  // array._array_reconstructor

Value array_reduce_ex(Value* args) {
  Value self = args[0], value = args[1];
  if (!isInt(value)) return raise(exc::TypeError, "__reduce_ex__ argument should be an integer");
  int64_t protocol;
  if (!intToInt64(value, &protocol)) {
    clearError();
    return raise(exc::OverflowError, "Python int too large to convert to C long");
  }
  Value dict = lookupAttr(self, names::__dict__);
  if (dict.isNull()) {
    if (errorPending()) return Value();
    dict = None();
  }
  const Descr& d = descrOf(self);
  Value code = newStr(std::string(1, d.code));
  if (code.isNull()) return code;
  if (protocol < 3) {
    Value list = toList(self);
    if (list.isNull()) return list;
    Value inner = newTupleOf({code, list});
    if (inner.isNull()) return inner;
    return newTupleOf({typeValue(typeOf(self)), inner, dict});
  }
  Value bytes = newBytes(std::string(arrayBytes(self)));
  if (bytes.isNull()) return bytes;
  Value mformat = newInt(d.mformat);
  Value inner = newTupleOf({typeValue(typeOf(self)), code, mformat, bytes});
  if (inner.isNull()) return inner;
  return newTupleOf({g_reconstructor.get(), inner, dict});
}

// ===========================================================================
// array._array_reconstructor(arraytype, typecode, mformat_code, items, /)

struct MachineFormatInfo {
  int size;
  bool is_signed;
  bool big_endian;
};
const MachineFormatInfo kMachineFormats[] = {
    {1, false, false}, {1, true, false}, {2, false, false}, {2, false, true}, {2, true, false},  {2, true, true},
    {4, false, false}, {4, false, true}, {4, true, false},  {4, true, true},  {8, false, false}, {8, false, true},
    {8, true, false},  {8, true, true},  {4, false, false}, {4, false, true}, {8, false, false}, {8, false, true},
    {4, false, false}, {4, false, true}, {8, false, false}, {8, false, true},
};

// make_array: arraytype(typecode, items) through array_new (no __init__).
Value makeArray(Type* type, char code, Value items) {
  Value code_str = newStr(std::string(1, code));
  if (code_str.isNull()) return code_str;
  Value args[2] = {code_str, items};
  return array_new(type, args, 2, Value());
}

Value array__array_reconstructor(Value* args) {
  Value arraytype = args[1], typecode_arg = args[2], mformat_arg = args[3], items = args[4];
  if (arraytype.isSmallInt() || !hasTypeFlag(arraytype, type_flags::kTypeSubclass)) {
    return raisef(exc::TypeError, "first argument must be a type object, not %s", typeNameOf(arraytype).c_str());
  }
  Type* type = static_cast<Type*>(arraytype.asObject());
  if (!isSubtype(type, g_array_type)) {
    return raisef(exc::TypeError, "%s is not a subtype of array.array", typeName(type).c_str());
  }
  if (!isStr(typecode_arg) || asStr(typecode_arg)->length != 1) {
    return raisef(exc::TypeError, "_array_reconstructor() argument 2 must be a unicode character, not %s",
                  typeNameOf(typecode_arg).c_str());
  }
  char32_t c = asStr(typecode_arg)->at(0);
  const Descr* descr = c < 128 ? findDescr(static_cast<int>(c)) : nullptr;
  if (descr == nullptr) return raise(exc::ValueError, "second argument must be a valid type code");
  int mformat;
  if (!argCInt(mformat_arg, &mformat)) return Value();
  if (mformat < kUInt8 || mformat > kUtf32BE) {
    return raise(exc::ValueError, "third argument must be a valid machine format code.");
  }
  if (!isBytes(items))
    return raisef(exc::TypeError, "fourth argument should be bytes, not %s", typeNameOf(items).c_str());
  if (mformat == descr->mformat) return makeArray(type, descr->code, items);
  std::string raw(asBytes(items)->view());
  const MachineFormatInfo& mf = kMachineFormats[mformat];
  // (The UTF-16/32 entries count 4 and 8 bytes, as CPython's table does.)
  if (raw.size() % static_cast<size_t>(mf.size) != 0) {
    return raise(exc::ValueError, "string length not a multiple of item size");
  }
  char code = descr->code;
  Value converted;
  if (mformat == kFloatLE || mformat == kFloatBE || mformat == kDoubleLE || mformat == kDoubleBE) {
    bool big = mf.big_endian;
    int64_t count = static_cast<int64_t>(raw.size()) / mf.size;
    converted = newList(count);
    if (converted.isNull()) return converted;
    for (int64_t i = 0; i < count; ++i) {
      unsigned char b[8];
      for (int k = 0; k < mf.size; ++k)
        b[k] = static_cast<unsigned char>(raw[i * mf.size + (big ? mf.size - 1 - k : k)]);
      double x;
      if (mf.size == 4) {
        float f;
        std::memcpy(&f, b, 4);
        x = f;
      } else {
        std::memcpy(&x, b, 8);
      }
      Value v = newFloat(x);
      if (v.isNull() || !listAppend(converted, v)) return Value();
    }
  } else if (mformat >= kUtf16LE) {
    const char* encoding = mformat == kUtf16LE   ? "utf-16-le"
                           : mformat == kUtf16BE ? "utf-16-be"
                           : mformat == kUtf32LE ? "utf-32-le"
                                                 : "utf-32-be";
    Value decode_args[1] = {newStr(encoding)};
    if (decode_args[0].isNull()) return Value();
    converted = callMethod(items, internStr("decode"), decode_args, 1);
    if (converted.isNull()) return converted;
  } else {
    code = 0;
    for (const Descr& d : kDescrs) {
      if ((d.kind == Kind::kSigned || d.kind == Kind::kUnsigned) && d.size == mf.size &&
          (d.kind == Kind::kSigned) == mf.is_signed)
        code = d.code;
    }
    if (code == 0) return raise(exc::RuntimeError, "Found no suitable type code for the given machine format code");
    int64_t count = static_cast<int64_t>(raw.size()) / mf.size;
    converted = newList(count);
    if (converted.isNull()) return converted;
    for (int64_t i = 0; i < count; ++i) {
      uint64_t u = 0;
      for (int k = 0; k < mf.size; ++k) {
        auto byte = static_cast<unsigned char>(raw[i * mf.size + (mf.big_endian ? k : mf.size - 1 - k)]);
        u = (u << 8) | byte;
      }
      Value v;
      if (mf.is_signed) {
        int shift = 64 - 8 * mf.size;
        int64_t s = static_cast<int64_t>(u << shift) >> shift;
        v = newInt(s);
      } else {
        v = newIntUnsigned(u);
      }
      if (v.isNull() || !listAppend(converted, v)) return Value();
    }
  }
  return makeArray(type, code, converted);
}

// ===========================================================================
// array.arrayiterator

struct ArrayIterObj : Obj {
  gc::HeapValue array;  // null once exhausted
  int64_t index;
};
ArrayIterObj* asArrayIter(Value v) { return static_cast<ArrayIterObj*>(v.asObject()); }

Value array_iter(Value self) {
  auto* it = static_cast<ArrayIterObj*>(newObject(g_arrayiter_type, sizeof(ArrayIterObj)));
  it->array.set(self);
  return Value(it);
}

Value arrayiter_next(Value self) {
  Value a = asArrayIter(self)->array.get();
  if (a.isNull()) return Value();
  int64_t i = asArrayIter(self)->index;
  if (i < arrayLength(a)) {
    asArrayIter(self)->index = i + 1;
    return arrayItem(a, i);
  }
  asArrayIter(self)->array.set(Value());
  return Value();
}

Value arrayiter_reduce(Value* args) {
  Value self = args[0];
  Value iter_fn = dictGetStr(builtinsDict(), internStr("iter"));
  if (iter_fn.isNull()) return raise(exc::RuntimeError, "lost builtins.iter");
  Value a = asArrayIter(self)->array.get();
  if (a.isNull()) {
    Value empty = newTuple(0);
    if (empty.isNull()) return empty;
    Value inner = newTupleOf({empty});
    if (inner.isNull()) return inner;
    return newTupleOf({iter_fn, inner});
  }
  Value inner = newTupleOf({a});
  if (inner.isNull()) return inner;
  Value index_value = newInt(asArrayIter(self)->index);
  return newTupleOf({iter_fn, inner, index_value});
}

Value arrayiter_setstate(Value* args) {
  Value self = args[0];
  int64_t index;
  if (!argSsize(args[1], &index)) return Value();
  Value a = asArrayIter(self)->array.get();
  if (!a.isNull()) {
    if (index < 0) {
      index = 0;
    } else if (index > arrayLength(a)) {
      index = arrayLength(a);
    }
    asArrayIter(self)->index = index;
  }
  return None();
}

// ===========================================================================
// Tables

Value array_get_typecode(Value self) { return newStr(std::string(1, descrOf(self).code)); }
Value array_get_itemsize(Value self) { return newInt(descrOf(self).size); }

const uint32_t kArrayFields[] = {offsetof(Obj, ob_type), offsetof(ArrayObj, storage)};
const gc::Layout kArrayLayout = {.name = "array.array", .fields = kArrayFields};

const MethodDef kArrayMethods[] = {
    {.name = "append",
     .signature = "($self, v, /)",
     .fn = array_append,
     .doc = "Append new value v to the end of the array."},
    {.name = "buffer_info",
     .signature = "($self, /)",
     .fn = array_buffer_info,
     .doc = "Return a tuple (address, length) giving the current memory address and the length in items of the "
            "buffer used to hold array's contents.\n\nThe length should be multiplied by the itemsize attribute to "
            "calculate\nthe buffer length in bytes."},
    {.name = "byteswap",
     .signature = "($self, /)",
     .fn = array_byteswap,
     .doc = "Byteswap all items of the array.\n\nIf the items in the array are not 1, 2, 4, or 8 bytes in size, "
            "RuntimeError is\nraised."},
    {.name = "__copy__", .signature = "($self, /)", .fn = array_copy, .doc = "Return a copy of the array."},
    {.name = "count",
     .signature = "($self, v, /)",
     .fn = array_count,
     .doc = "Return number of occurrences of v in the array."},
    {.name = "__deepcopy__", .signature = "($self, unused, /)", .fn = array_copy, .doc = "Return a copy of the array."},
    {.name = "extend",
     .signature = "($self, bb, /)",
     .fn = array_extend,
     .doc = "Append items to the end of the array."},
    {.name = "frombytes",
     .signature = "($self, buffer, /)",
     .fn = array_frombytes,
     .doc = "Appends items from the string, interpreting it as an array of machine values, as if it had been read "
            "from a file using the fromfile() method."},
    {.name = "fromfile",
     .signature = "($self, f, n, /)",
     .fn = array_fromfile,
     .doc = "Read n objects from the file object f and append them to the end of the array."},
    {.name = "fromlist",
     .signature = "($self, list, /)",
     .fn = array_fromlist,
     .doc = "Append items to array from list."},
    {.name = "fromunicode",
     .signature = "($self, ustr, /)",
     .fn = array_fromunicode,
     .doc = "Extends this array with data from the unicode string ustr.\n\nThe array must be a unicode type array; "
            "otherwise a ValueError is raised.\nUse array.frombytes(ustr.encode(...)) to append Unicode data to an "
            "array of\nsome other type."},
    {.name = "index",
     .signature = "($self, v, start=0, stop=9223372036854775807, /)",
     .fn = array_index,
     .doc = "Return index of first occurrence of v in the array.\n\nRaise ValueError if the value is not present."},
    {.name = "insert",
     .signature = "($self, i, v, /)",
     .fn = array_insert,
     .doc = "Insert a new item v into the array before position i."},
    {.name = "pop",
     .signature = "($self, i=-1, /)",
     .fn = array_pop,
     .doc = "Return the i-th element and delete it from the array.\n\ni defaults to -1."},
    {.name = "__reduce_ex__",
     .signature = "($self, value, /)",
     .fn = array_reduce_ex,
     .doc = "Return state information for pickling."},
    {.name = "remove",
     .signature = "($self, v, /)",
     .fn = array_remove,
     .doc = "Remove the first occurrence of v in the array."},
    {.name = "reverse",
     .signature = "($self, /)",
     .fn = array_reverse,
     .doc = "Reverse the order of the items in the array."},
    {.name = "tofile",
     .signature = "($self, f, /)",
     .fn = array_tofile,
     .doc = "Write all items (as machine values) to the file object f."},
    {.name = "tolist",
     .signature = "($self, /)",
     .fn = array_tolist,
     .doc = "Convert array to an ordinary list with the same items."},
    {.name = "tobytes",
     .signature = "($self, /)",
     .fn = array_tobytes,
     .doc = "Convert the array to an array of machine values and return the bytes representation."},
    {.name = "tounicode",
     .signature = "($self, /)",
     .fn = array_tounicode,
     .doc = "Extends this array with data from the unicode string ustr.\n\nConvert the array to a unicode string.  "
            "The array must be a unicode type array;\notherwise a ValueError is raised.  Use "
            "array.tobytes().decode() to obtain a\nunicode string from an array of some other type."},
    {.name = "__sizeof__",
     .signature = "($self, /)",
     .fn = array_sizeof,
     .doc = "Size of the array in memory, in bytes."},
};

const GetSetDef kArrayGetSets[] = {
    {.name = "typecode", .get = array_get_typecode, .doc = "the typecode character used to create the array"},
    {.name = "itemsize", .get = array_get_itemsize, .doc = "the size, in bytes, of one array item"},
};

const TypeSpec kArraySpec = {
    .name = "array",
    .module = "array",
    .type = &g_array_type,
    .layout = &kArrayLayout,
    .basic_size = sizeof(ArrayObj),
    .flags = type_flags::kBaseType | type_flags::kSequence,
    .slots =
        {
            .tp_repr = array_repr,
            .tp_hash = hashNotImplemented,
            .tp_richcompare = array_richcompare,
            .tp_iter = array_iter,
            .tp_new = array_new,
            .nb_add = array_concat,
            .nb_multiply = array_repeat,
            .nb_inplace_add = array_inplace_concat,
            .nb_inplace_multiply = array_inplace_repeat,
            .mp_length = array_len,
            .mp_subscript = array_subscript,
            .mp_ass_subscript = array_ass_subscript,
            .sq_contains = array_contains,
        },
    .methods = kArrayMethods,
    .getsets = kArrayGetSets,
    .doc =
        "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, "
        "and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over "
        "elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, "
        "except\nthe type of objects stored in them is constrained. The type is specified\nat object creation "
        "time by using a type code, which is a single character.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kArraySpec);

const uint32_t kArrayIterFields[] = {offsetof(Obj, ob_type), offsetof(ArrayIterObj, array)};
const gc::Layout kArrayIterLayout = {.name = "array.arrayiterator", .fields = kArrayIterFields};

const MethodDef kArrayIterMethods[] = {
    {.name = "__reduce__",
     .signature = "($self, /)",
     .fn = arrayiter_reduce,
     .doc = "Return state information for pickling."},
    {.name = "__setstate__",
     .signature = "($self, state, /)",
     .fn = arrayiter_setstate,
     .doc = "Set state information for unpickling."},
};

const TypeSpec kArrayIterSpec = {
    .name = "arrayiterator",
    .module = "array",
    .type = &g_arrayiter_type,
    .layout = &kArrayIterLayout,
    .basic_size = sizeof(ArrayIterObj),
    .slots = {.tp_iter = containers::selfIter, .tp_iternext = arrayiter_next},
    .methods = kArrayIterMethods,
};
TERN_REGISTER_TYPE(kArrayIterSpec);

const MethodDef kArrayFunctions[] = {
    {.name = "_array_reconstructor",
     .signature = "($module, arraytype, typecode, mformat_code, items, /)",
     .fn = array__array_reconstructor,
     .doc = "Internal. Used for pickling support."},
};

bool arrayInit(Value module) {
  Value d = moduleDict(module);
  // array has sq_concat in CPython, not nb_add: no __radd__ (so `[] + array()` is list's TypeError).
  Value type_dict = g_array_type->dict.get();
  int removed = dictDel(type_dict, names::__radd__);
  if (removed < 0) return false;
  if (removed > 0) typeModified(g_array_type);
  Value reconstructor = dictGetStr(d, internStr("_array_reconstructor"));
  if (reconstructor.isNull()) return false;
  g_reconstructor.set(reconstructor);
  Value codes = newStr("bBuhHiIlLqQfd");
  return !codes.isNull() && dictSet(d, internStr("typecodes"), codes) == 0 &&
         dictSet(d, internStr("array"), typeValue(g_array_type)) == 0 &&
         dictSet(d, internStr("ArrayType"), typeValue(g_array_type)) == 0;
}

const NativeModuleDef kArrayModule = {
    .name = "array",
    .methods = kArrayFunctions,
    .init = arrayInit,
    .doc =
        "This module defines an object type which can efficiently represent\nan array of basic values: "
        "characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much like "
        "lists,\nexcept that the type of objects stored in them is constrained.\n",
};
TERN_REGISTER_MODULE(kArrayModule);

}  // namespace

}  // namespace tern
