// bytearray: storage management (a _rawbytes block that is replaced when it
// grows), the mutating methods, slice assignment, in-place operators, and
// the type's slots and table.  The non-mutating methods are bytes_methods.cc's,
// shared with bytes.
//
// Invariants (bytearray.h): 0 <= length <= capacity; the storage is null iff
// the capacity is 0; bytes past `length` are zero.  Every mutation takes its
// inputs as copies first (a bytearray assigned into itself, `b[1:2] = b`,
// sees its old contents), then resizes, then re-reads the data pointer.

#include "runtime/objects/bytearray.h"

#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/bytes_methods.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/no_memory.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern {

using namespace bytesimpl;  // NOLINT

Value byteArrayIter(Value self);  // bytes.cc

namespace {

char g_empty_data[8] = {0};

int64_t capacityOf(Value ba) {
  Value s = asByteArray(ba)->storage.get();
  return s.isNull() ? 0 : rawBytesSize(s);
}

bool hasProxy(Value ba) { return ba.asObject()->hasFlag(gc::header::kHasExternal); }

// The proxy's fields follow a change of length or storage.
void changed(Value ba) {
  if (hasProxy(ba) && g_bytearray_changed_hook != nullptr) g_bytearray_changed_hook(ba);
}

// Replaces the storage by one of exactly `capacity` bytes holding the
// current contents; false with MemoryError (the bytearray unchanged) when the
// heap has no room.  C sees the storage of a bytearray with a proxy, so that
// one never moves.
bool reallocate(Value ba, int64_t capacity) {
  if (!checkFitsHeap(static_cast<size_t>(capacity))) return false;
  Value storage;
  if (hasProxy(ba)) {
    size_t rounded = (static_cast<size_t>(capacity) + 7) & ~size_t{7};
    Obj* block = newObjectOld(types::rawbytes_type, sizeof(RawBytesObj) + rounded);
    static_cast<RawBytesObj*>(block)->size = capacity;
    storage = Value(block);
  } else {
    storage = newRawBytes(static_cast<size_t>(capacity));
    if (storage.isNull()) return false;
  }
  int64_t len = asByteArray(ba)->length;
  int64_t keep = len < capacity ? len : capacity;
  if (keep > 0) std::memcpy(rawBytesData(storage), byteArrayData(ba), static_cast<size_t>(keep));
  asByteArray(ba)->storage.set(storage);
  return true;
}

// May collect (bufferExports reclaims the exports of dead memoryviews).
bool checkResizable(Value ba) {
  if (bufferExports(ba) != 0) {
    raise(exc::BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}

}  // namespace

char* byteArrayData(Value v) {
  Value s = asByteArray(v)->storage.get();
  return s.isNull() ? g_empty_data : rawBytesData(s);
}

bool byteArrayResize(Value ba, int64_t n) {
  int64_t old = asByteArray(ba)->length;
  if (n == old) return true;
  if (!checkResizable(ba)) return false;
  if (n < 0) {
    raiseNoMemory();
    return false;
  }
  if (!checkFitsHeap(static_cast<size_t>(n))) return false;
  int64_t cap = capacityOf(ba);
  if (n + 1 > cap) {
    // Over-allocate proportionally so that appends are amortised O(1).
    int64_t want = n + 1;
    int64_t grown = old + (old >> 3) + (old < 9 ? 3 : 6);
    if (n > old && grown > want) want = grown;
    if (!reallocate(ba, want)) return false;
  }
  char* d = byteArrayData(ba);
  if (n > old) {
    std::memset(d + old, 0, static_cast<size_t>(n - old));
  } else {
    std::memset(d + n, 0, static_cast<size_t>(old - n));
  }
  asByteArray(ba)->length = n;
  changed(ba);
  return true;
}

Value newByteArray(const void* data, int64_t n) {
  auto* ba = static_cast<ByteArrayObj*>(newObject(types::bytearray_type, sizeof(ByteArrayObj)));
  Value v(ba);
  if (n > 0) {
    if (!reallocate(v, n + 1)) return Value();
    std::memcpy(byteArrayData(v), data, static_cast<size_t>(n));
    asByteArray(v)->length = n;
  }
  return v;
}

namespace {

// Sets the contents to `data` (a copy, not heap memory).
bool assignAll(Value ba, std::string_view data) {
  if (!byteArrayResize(ba, static_cast<int64_t>(data.size()))) return false;
  if (!data.empty()) std::memcpy(byteArrayData(ba), data.data(), data.size());
  return true;
}

// Replaces [lo, hi) by `data`.
bool replaceRange(Value ba, int64_t lo, int64_t hi, std::string_view data) {
  int64_t len = asByteArray(ba)->length;
  auto m = static_cast<int64_t>(data.size());
  int64_t growth = m - (hi - lo);
  if (growth != 0 && !checkResizable(ba)) return false;
  std::string tail(byteArrayData(ba) + hi, static_cast<size_t>(len - hi));
  if (!byteArrayResize(ba, len + growth)) return false;
  char* d = byteArrayData(ba);
  if (m > 0) std::memcpy(d + lo, data.data(), data.size());
  if (!tail.empty()) std::memcpy(d + lo + m, tail.data(), tail.size());
  return true;
}

// An int argument in range(256) (append, insert, item assignment).
bool byteValue(Value v, int* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  int64_t x;
  if (!intToInt64(i, &x) || x < 0 || x > 255) {
    clearError();
    raise(exc::ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

// The bytes of an iterable of ints (extend, slice assignment, __init__).
bool intsFromIterable(Value it_src, std::string* out) {
  Value it = getIter(it_src);
  if (it.isNull()) return false;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return !errorPending();
    int b;
    if (!byteValue(item, &b)) return false;
    out->push_back(static_cast<char>(b));
  }
}

// The contents for __init__ / bytearray(x) from one source object: `out`, or
// `*zeros` zero bytes for an int (not built here: the count is the caller's
// to allocate, and may be MemoryError).
bool contentsFrom(Value x, std::string* out, int64_t* zeros) {
  std::string_view view;
  if (bytesLikeView(x, &view)) {
    out->assign(view);
    return true;
  }
  if (isStr(x)) {
    raise(exc::TypeError, "string argument without an encoding");
    return false;
  }
  if (typeOf(x)->slots.nb_index != nullptr) {
    Value i = index(x);
    if (i.isNull()) return false;
    int64_t n;
    if (!intToInt64(i, &n)) {
      clearError();
      raise(exc::OverflowError, "cannot fit 'int' into an index-sized integer");
      return false;
    }
    if (n < 0) {
      raise(exc::ValueError, "negative count");
      return false;
    }
    *zeros = n;
    return true;
  }
  Type* t = typeOf(x);
  if (t->slots.tp_iter == nullptr && t->slots.mp_subscript == nullptr) {
    raisef(exc::TypeError, "cannot convert '%s' object to bytearray", typeNameOf(x).c_str());
    return false;
  }
  return intsFromIterable(x, out);
}

// ---------------------------------------------------------------------------
// Slots

Value bytearray_repr(Value self) {
  std::string text = typeNameOf(self) + "(" + reprBody(byteArrayView(self), true) + ")";
  return newStr(text);
}

// str(bytearray): its repr, with a BytesWarning under -b.
Value bytearray_str(Value self) { return warnStr("bytearray") ? bytearray_repr(self) : Value(); }

int64_t bytearray_hash(Value self) {
  raisef(exc::TypeError, "unhashable type: '%s'", typeNameOf(self).c_str());
  return -1;
}

Value bytearray_richcompare(Value a, Value b, int op) {
  std::string_view x, y;
  if (!bytesLikeView(a, &x) || !bytesLikeView(b, &y)) {
    return warnComparison(a, b, op, "bytearray", false) ? NotImplemented() : Value();
  }
  int c = x.compare(y);
  return Bool(orderingSatisfies(c, op));
}

int64_t bytearray_len(Value self) { return asByteArray(self)->length; }

bool normIndex(Value self, Value key, int64_t* out) {
  return itemIndex(key, asByteArray(self)->length, "bytearray index out of range", out);
}

Value bytearray_subscript(Value self, Value key) {
  if (isItemIndex(key)) {
    int64_t i;
    if (!normIndex(self, key, &i)) return Value();
    return newInt(static_cast<unsigned char>(byteArrayData(self)[i]));
  }
  if (isSlice(key)) {
    int64_t start, stop, step, n;
    if (!sliceIndices(key, asByteArray(self)->length, &start, &stop, &step, &n)) return Value();
    std::string out;
    const char* d = byteArrayData(self);
    for (int64_t k = 0, cur = start; k < n; ++k, cur += step) out.push_back(d[cur]);
    return newByteArray(out.data(), static_cast<int64_t>(out.size()));
  }
  return raisef(exc::TypeError, "bytearray indices must be integers or slices, not %s", typeNameOf(key).c_str());
}

int bytearray_ass_subscript(Value self, Value key, Value value) {
  if (isItemIndex(key)) {
    int64_t i;
    if (value.isNull()) {
      if (!normIndex(self, key, &i)) return -1;
      return replaceRange(self, i, i + 1, {}) ? 0 : -1;
    }
    int b;
    if (!byteValue(value, &b)) return -1;
    if (!normIndex(self, key, &i)) return -1;
    byteArrayData(self)[i] = static_cast<char>(b);
    return 0;
  }
  if (!isSlice(key)) {
    raisef(exc::TypeError, "bytearray indices must be integers or slices, not %s", typeNameOf(key).c_str());
    return -1;
  }
  std::string data;
  if (!value.isNull()) {
    std::string_view view;
    if (bytesLikeView(value, &view)) {
      data.assign(view);
    } else if (isStr(value) || typeOf(value)->slots.tp_iter == nullptr) {
      raise(exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    } else if (!intsFromIterable(value, &data)) {
      return -1;
    }
  }
  int64_t start, stop, step, n;
  if (!sliceIndices(key, asByteArray(self)->length, &start, &stop, &step, &n)) return -1;
  if (step == 1) {
    if (stop < start) stop = start;
    return replaceRange(self, start, stop, data) ? 0 : -1;
  }
  if (value.isNull()) {
    if (n <= 0) return 0;
    std::string kept;
    std::string_view cur = byteArrayView(self);
    std::string drop(cur.size(), 0);
    for (int64_t k = 0, i = start; k < n; ++k, i += step) drop[static_cast<size_t>(i)] = 1;
    for (size_t i = 0; i < cur.size(); ++i)
      if (!drop[i]) kept.push_back(cur[i]);
    return assignAll(self, kept) ? 0 : -1;
  }
  if (static_cast<int64_t>(data.size()) != n) {
    raisef(exc::ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", data.size(),
           static_cast<long long>(n));
    return -1;
  }
  char* d = byteArrayData(self);
  for (int64_t k = 0, i = start; k < n; ++k, i += step) d[i] = data[static_cast<size_t>(k)];
  return 0;
}

Value bytearray_add(Value a, Value b) {
  std::string_view x, y;
  if (!isByteArray(a) || !bytesLikeView(a, &x)) return NotImplemented();  // sq_concat: left operand only
  Value first;
  if (bytesConcatRightFirst(a, b, &first)) return first;
  if (!bytesLikeView(b, &y)) {
    return raisef(exc::TypeError, "can't concat %s to %s", typeNameOf(b).c_str(), typeNameOf(a).c_str());
  }
  bytesLikeView(a, &x);
  std::string out(x);
  out.append(y);
  return newByteArray(out.data(), static_cast<int64_t>(out.size()));
}

Value bytearray_inplace_add(Value a, Value b) {
  std::string_view y;
  if (!bytesLikeView(b, &y)) {
    return raisef(exc::TypeError, "can't concat %s to %s", typeNameOf(b).c_str(), typeNameOf(a).c_str());
  }
  std::string data(y);
  int64_t len = asByteArray(a)->length;
  if (!replaceRange(a, len, len, data)) return Value();
  return a;
}

bool repeatArgs(Value a, Value b, Value* seq, int64_t* count, Value* ni_result) {
  *seq = isByteArray(a) ? a : b;
  Value other = isByteArray(a) ? b : a;
  bool ni;
  if (!strimpl::repeatCount(other, count, &ni)) {
    *ni_result = ni ? NotImplemented() : Value();
    return false;
  }
  return true;
}

// The length of `count` copies of `data`; false with MemoryError when no
// bytearray can be that long.
bool repeatedLength(std::string_view data, int64_t count, int64_t* out) {
  auto len = static_cast<int64_t>(data.size());
  if (count > 0 && len > INT64_MAX / count) {
    raiseNoMemory();
    return false;
  }
  *out = count <= 0 ? 0 : len * count;
  return checkFitsHeap(static_cast<size_t>(*out));
}

// Writes `n` bytes of copies of `data` to `d` (n a multiple of its length).
void fillRepeated(char* d, std::string_view data, int64_t n) {
  for (int64_t at = 0; at < n; at += static_cast<int64_t>(data.size())) std::memcpy(d + at, data.data(), data.size());
}

Value bytearray_multiply(Value a, Value b) {
  Value seq, r;
  int64_t count, n;
  if (!repeatArgs(a, b, &seq, &count, &r)) return r;
  std::string data(byteArrayView(seq));
  if (!repeatedLength(data, count, &n)) return Value();
  Value out = newByteArray(nullptr, 0);
  if (out.isNull()) return Value();
  if (n == 0) return out;
  if (!reallocate(out, n + 1)) return Value();  // exactly, as CPython's new bytearray
  fillRepeated(byteArrayData(out), data, n);
  asByteArray(out)->length = n;
  return out;
}

Value bytearray_inplace_multiply(Value a, Value b) {
  Value seq, r;
  int64_t count, n;
  if (!repeatArgs(a, b, &seq, &count, &r)) return r;
  std::string data(byteArrayView(a));
  if (!repeatedLength(data, count, &n) || !byteArrayResize(a, n)) return Value();
  fillRepeated(byteArrayData(a), data, n);
  return a;
}

Value bytearray_remainder(Value a, Value b) {
  if (!isByteArray(a)) return NotImplemented();
  return bytesPercentFormat(a, b, true);
}

Value bytearray_new(Type* type, const Value*, size_t, Value) {
  auto* ba = static_cast<ByteArrayObj*>(newObject(type, type->basic_size));
  return Value(ba);
}

const MethodDef kByteArrayInitSignature = {.name = "bytearray",
                                           .signature = "(source=<unrepresentable>, encoding=<unrepresentable>, "
                                                        "errors=<unrepresentable>)"};

int bytearray_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bindArguments(&kByteArrayInitSignature, Value(), args, nargs, kwnames, a)) return -1;
  Value x = a[0], encoding = a[1], errors = a[2];
  if (!encoding.isNull() && !isStr(encoding)) {
    raisef(exc::TypeError, "bytearray() argument 'encoding' must be str, not %s", typeNameOf(encoding).c_str());
    return -1;
  }
  if (!errors.isNull() && !isStr(errors)) {
    raisef(exc::TypeError, "bytearray() argument 'errors' must be str, not %s", typeNameOf(errors).c_str());
    return -1;
  }
  std::string data;
  int64_t zeros = 0;
  if (x.isNull()) {
    if (!encoding.isNull()) {
      raise(exc::TypeError, "encoding without a string argument");
      return -1;
    }
    if (!errors.isNull()) {
      raise(exc::TypeError, "errors without a string argument");
      return -1;
    }
  } else if (!encoding.isNull()) {
    if (!isStr(x)) {
      raise(exc::TypeError, "encoding without a string argument");
      return -1;
    }
    Value encoded = strimpl::encodeStr(x, encoding, errors);
    if (encoded.isNull()) return -1;
    data.assign(asBytes(encoded)->view());
  } else if (!errors.isNull()) {
    raise(exc::TypeError, isStr(x) ? "string argument without an encoding" : "errors without a string argument");
    return -1;
  } else if (!contentsFrom(x, &data, &zeros)) {
    return -1;
  }
  if (!checkResizable(self)) return -1;
  // A fresh storage of exactly the size CPython allocates (len + 1), zeroed.
  int64_t n = zeros != 0 ? zeros : static_cast<int64_t>(data.size());
  asByteArray(self)->length = 0;
  asByteArray(self)->storage.set(Value());
  if (n != 0) {
    if (!checkFitsHeap(static_cast<size_t>(n)) || !reallocate(self, n + 1)) {
      changed(self);
      return -1;
    }
    std::memcpy(byteArrayData(self), data.data(), data.size());
    asByteArray(self)->length = n;
  }
  changed(self);
  return 0;
}

// ---------------------------------------------------------------------------
// Mutating methods

Value bytearray_append(Value* args) {
  int b;
  if (!byteValue(args[1], &b)) return Value();
  Value self = args[0];
  int64_t len = asByteArray(self)->length;
  if (!byteArrayResize(self, len + 1)) return Value();
  byteArrayData(self)[len] = static_cast<char>(b);
  return None();
}

Value bytearray_extend(Value* args) {
  Value self = args[0], src = args[1];
  std::string data;
  std::string_view view;
  if (bytesLikeView(src, &view)) {
    data.assign(view);
  } else {
    Type* t = typeOf(src);
    if (t->slots.tp_iter == nullptr && t->slots.mp_subscript == nullptr) {
      return raisef(exc::TypeError, "can't extend bytearray with %s", typeNameOf(src).c_str());
    }
    // CPython sizes its buffer by the length hint first: MemoryError before
    // any item is read when no bytearray can be that long.
    int64_t hint = lengthHint(src, 64);
    if (hint < 0 || !checkFitsHeap(static_cast<size_t>(hint))) return Value();
    if (!intsFromIterable(src, &data)) return Value();
  }
  int64_t len = asByteArray(self)->length;
  if (!replaceRange(self, len, len, data)) return Value();
  return None();
}

Value bytearray_insert(Value* args) {
  Value self = args[0];
  int64_t i;
  if (!argSsizeT(args[1], &i)) return Value();
  int b;
  if (!byteValue(args[2], &b)) return Value();
  int64_t len = asByteArray(self)->length;
  if (i < 0) {
    i += len;
    if (i < 0) i = 0;
  }
  if (i > len) i = len;
  char c = static_cast<char>(b);
  if (!replaceRange(self, i, i, std::string_view(&c, 1))) return Value();
  return None();
}

Value bytearray_pop(Value* args) {
  Value self = args[0];
  int64_t i;
  if (!argSsizeT(args[1], &i)) return Value();
  int64_t len = asByteArray(self)->length;
  if (len == 0) return raise(exc::IndexError, "pop from empty bytearray");
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise(exc::IndexError, "pop index out of range");
  int v = static_cast<unsigned char>(byteArrayData(self)[i]);
  if (!replaceRange(self, i, i + 1, {})) return Value();
  return newInt(v);
}

Value bytearray_remove(Value* args) {
  Value self = args[0];
  int b;
  if (!byteValue(args[1], &b)) return Value();
  std::string_view d = byteArrayView(self);
  size_t at = d.find(static_cast<char>(b));
  if (at == std::string_view::npos) return raise(exc::ValueError, "value not found in bytearray");
  if (!replaceRange(self, static_cast<int64_t>(at), static_cast<int64_t>(at) + 1, {})) return Value();
  return None();
}

Value bytearray_clear(Value* args) {
  if (!byteArrayResize(args[0], 0)) return Value();
  return None();
}

Value bytearray_copy(Value* args) {
  std::string data(byteArrayView(args[0]));
  return newByteArray(data.data(), static_cast<int64_t>(data.size()));
}

Value bytearray_reverse(Value* args) {
  char* d = byteArrayData(args[0]);
  int64_t n = asByteArray(args[0])->length;
  for (int64_t i = 0, j = n - 1; i < j; ++i, --j) std::swap(d[i], d[j]);
  return None();
}

Value bytearray___alloc__(Value* args) { return newInt(capacityOf(args[0])); }

Value bytearray___sizeof__(Value* args) { return newInt(56 + capacityOf(args[0])); }

// CPython's _common_reduce: (type, (bytes,), state) from protocol 3 on,
// (type, (latin-1 str, 'latin-1'), state) before, (type, (), state) when empty.
Value bytearrayReduce(Value self, int64_t proto) {
  Value state = callMethod(self, internStr("__getstate__"), nullptr, 0);
  if (state.isNull()) return Value();
  int64_t n = byteArrayLength(self);
  Value data;
  if (n == 0) {
    data = newTuple(0);
  } else if (proto < 3) {
    Value text = newStrFromUnits(1, byteArrayData(self), n);
    data = text.isNull() ? text : newTupleOf({text, newStr("latin-1")});
  } else {
    Value b = newBytes(byteArrayData(self), n);
    data = b.isNull() ? b : newTupleOf({b});
  }
  if (data.isNull()) return data;
  return newTupleOf({typeValue(typeOf(self)), data, state});
}

Value bytearray___reduce__(Value* args) { return bytearrayReduce(args[0], 2); }

Value bytearray___reduce_ex__(Value* args) {
  int64_t proto;
  if (!argIndex(args[1], &proto)) return Value();
  return bytearrayReduce(args[0], proto);
}

// ---------------------------------------------------------------------------
// Tables

const MethodDef kByteArrayMethods[] = {
    {.name = "__alloc__", .signature = "($self, /)", .fn = bytearray___alloc__},
    {.name = "__reduce__", .signature = "($self, /)", .fn = bytearray___reduce__},
    {.name = "__reduce_ex__", .signature = "($self, proto=0, /)", .fn = bytearray___reduce_ex__},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = bytearray___sizeof__},
    {.name = "append", .signature = "($self, item, /)", .fn = bytearray_append},
    {.name = "capitalize", .signature = "($self, /)", .fn = bytes_capitalize},
    {.name = "center", .signature = "($self, width, fillchar=<unrepresentable>, /)", .fn = bytes_center},
    {.name = "clear", .signature = "($self, /)", .fn = bytearray_clear},
    {.name = "copy", .signature = "($self, /)", .fn = bytearray_copy},
    {.name = "count", .signature = "($self, sub, start=None, end=None, /)", .fn = bytes_count, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "decode", .signature = "($self, /, encoding='utf-8', errors='strict')", .fn = bytes_decode},
    {.name = "endswith", .signature = "($self, suffix, start=None, end=None, /)", .fn = bytes_endswith, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "expandtabs", .signature = "($self, /, tabsize=8)", .fn = bytes_expandtabs},
    {.name = "extend", .signature = "($self, iterable_of_ints, /)", .fn = bytearray_extend},
    {.name = "find", .signature = "($self, sub, start=None, end=None, /)", .fn = bytes_find, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "fromhex", .signature = "($type, string, /)", .fn = bytes_fromhex, .flags = method_flags::kClassMethod},
    {.name = "hex", .signature = "($self, /, sep=<unrepresentable>, bytes_per_sep=1)", .fn = bytes_hex,
     .doc = "Create a string of two hexadecimal digits per byte, optionally separated every\n"
            "bytes_per_sep bytes (counted from the right; from the left when negative).\n\n"
            ">>> bytearray(b'\\x01\\xab\\xff').hex(':')\n'01:ab:ff'\n"
            ">>> bytearray(b'\\x01\\xab\\xff').hex('-', 2)\n'01-abff'"},
    {.name = "index", .signature = "($self, sub, start=None, end=None, /)", .fn = bytes_index, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "insert", .signature = "($self, index, item, /)", .fn = bytearray_insert},
    {.name = "isalnum", .signature = "($self, /)", .fn = bytes_isalnum},
    {.name = "isalpha", .signature = "($self, /)", .fn = bytes_isalpha},
    {.name = "isascii", .signature = "($self, /)", .fn = bytes_isascii},
    {.name = "isdigit", .signature = "($self, /)", .fn = bytes_isdigit},
    {.name = "islower", .signature = "($self, /)", .fn = bytes_islower},
    {.name = "isspace", .signature = "($self, /)", .fn = bytes_isspace},
    {.name = "istitle", .signature = "($self, /)", .fn = bytes_istitle},
    {.name = "isupper", .signature = "($self, /)", .fn = bytes_isupper},
    {.name = "join", .signature = "($self, iterable_of_bytes, /)", .fn = bytes_join},
    {.name = "ljust", .signature = "($self, width, fillchar=<unrepresentable>, /)", .fn = bytes_ljust},
    {.name = "lower", .signature = "($self, /)", .fn = bytes_lower},
    {.name = "lstrip", .signature = "($self, bytes=None, /)", .fn = bytes_lstrip},
    {.name = "maketrans", .signature = "(frm, to, /)", .fn = bytes_maketrans, .flags = method_flags::kStaticMethod},
    {.name = "partition", .signature = "($self, sep, /)", .fn = bytes_partition},
    {.name = "pop", .signature = "($self, index=-1, /)", .fn = bytearray_pop},
    {.name = "remove", .signature = "($self, value, /)", .fn = bytearray_remove},
    {.name = "removeprefix", .signature = "($self, prefix, /)", .fn = bytes_removeprefix},
    {.name = "removesuffix", .signature = "($self, suffix, /)", .fn = bytes_removesuffix},
    {.name = "replace", .signature = "($self, old, new, count=-1, /)", .fn = bytes_replace},
    {.name = "reverse", .signature = "($self, /)", .fn = bytearray_reverse},
    {.name = "rfind", .signature = "($self, sub, start=None, end=None, /)", .fn = bytes_rfind, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "rindex", .signature = "($self, sub, start=None, end=None, /)", .fn = bytes_rindex, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "rjust", .signature = "($self, width, fillchar=<unrepresentable>, /)", .fn = bytes_rjust},
    {.name = "rpartition", .signature = "($self, sep, /)", .fn = bytes_rpartition},
    {.name = "rsplit", .signature = "($self, /, sep=None, maxsplit=-1)", .fn = bytes_rsplit},
    {.name = "rstrip", .signature = "($self, bytes=None, /)", .fn = bytes_rstrip},
    {.name = "split", .signature = "($self, /, sep=None, maxsplit=-1)", .fn = bytes_split},
    {.name = "splitlines", .signature = "($self, /, keepends=False)", .fn = bytes_splitlines},
    {.name = "startswith", .signature = "($self, prefix, start=None, end=None, /)", .fn = bytes_startswith, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "strip", .signature = "($self, bytes=None, /)", .fn = bytes_strip},
    {.name = "swapcase", .signature = "($self, /)", .fn = bytes_swapcase},
    {.name = "title", .signature = "($self, /)", .fn = bytes_title},
    {.name = "translate", .signature = "($self, table, /, delete=<unrepresentable>)", .fn = bytes_translate},
    {.name = "upper", .signature = "($self, /)", .fn = bytes_upper},
    {.name = "zfill", .signature = "($self, width, /)", .fn = bytes_zfill},
};

const uint32_t kByteArrayFields[] = {offsetof(ByteArrayObj, ob_type), offsetof(ByteArrayObj, storage)};
const gc::Layout kByteArrayLayout = {.name = "bytearray", .fields = kByteArrayFields};

const TypeSpec kByteArraySpec = {
    .name = "bytearray",
    .type = &types::bytearray_type,
    .layout = &kByteArrayLayout,
    .basic_size = sizeof(ByteArrayObj),
    .flags = type_flags::kBaseType,
    .slots =
        {
            .tp_repr = bytearray_repr,
            .tp_str = bytearray_str,
            .tp_hash = bytearray_hash,
            .tp_richcompare = bytearray_richcompare,
            .tp_iter = byteArrayIter,
            .tp_init = bytearray_init,
            .tp_new = bytearray_new,
            .nb_add = bytearray_add,
            .nb_multiply = bytearray_multiply,
            .nb_remainder = bytearray_remainder,
            .nb_inplace_add = bytearray_inplace_add,
            .nb_inplace_multiply = bytearray_inplace_multiply,
            .mp_length = bytearray_len,
            .mp_subscript = bytearray_subscript,
            .mp_ass_subscript = bytearray_ass_subscript,
            .sq_contains = bytesContains,
        },
    .methods = kByteArrayMethods,
    .doc = "bytearray(iterable_of_ints) -> bytearray\n"
           "bytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
           "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
           "bytearray() -> empty bytes array\n\n"
           "Construct a mutable bytearray object from:\n"
           "  - an iterable yielding integers in range(256)\n"
           "  - a text string encoded using the specified encoding\n"
           "  - a bytes or a buffer object\n"
           "  - any object implementing the buffer API.\n"
           "  - an integer",
};
TERN_REGISTER_TYPE(kByteArraySpec);

}  // namespace

}  // namespace tern
