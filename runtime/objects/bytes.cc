// bytes: allocation, the buffer view shared with bytearray, bytes(x), repr,
// and the type's slots and table.  The methods shared with bytearray live in
// bytes_methods.cc, `%` formatting in str_format.cc.
//
// Invariants (bytes.h): the data is NUL-terminated and never changes once
// visible; the empty bytes and the 256 one-byte objects are shared (old,
// rooted in RootVectors).

#include "runtime/objects/bytes.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes_methods.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/no_memory.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern {

using namespace bytesimpl;  // NOLINT

// ---------------------------------------------------------------------------
// Allocation

namespace {

size_t bytesSize(Type* type, int64_t n) {
  size_t extra = type->basic_size > sizeof(BytesObj) ? type->basic_size - sizeof(BytesObj) : 0;
  return sizeof(BytesObj) + static_cast<size_t>(n) + 1 + extra;
}

// Null with OverflowError past kMaxBytesLength, with MemoryError when the
// heap has no room.
BytesObj* allocBytesOfType(Type* type, int64_t n) {
  if (n > kMaxBytesLength) {
    raise(exc::OverflowError, "byte string is too large");
    return nullptr;
  }
  auto* b = static_cast<BytesObj*>(tryNewObject(type, bytesSize(type, n)));
  if (b == nullptr) return nullptr;
  b->length = n;
  b->hash = -1;
  return b;
}

gc::RootVector& byteCache() {
  static gc::RootVector* cache = new gc::RootVector();
  return *cache;
}

}  // namespace

BytesObj* allocBytes(int64_t n) { return allocBytesOfType(types::bytes_type, n); }

Value emptyBytes() {
  gc::RootVector& cache = byteCache();
  if (cache.empty()) cache.resize(257);
  Value v = cache[256];
  if (v.isNull()) {
    auto* b = static_cast<BytesObj*>(newObjectOld(types::bytes_type, bytesSize(types::bytes_type, 0)));
    b->length = 0;
    b->hash = -1;
    v = Value(b);
    cache.set(256, v);
  }
  return v;
}

static Value oneByte(unsigned char c) {
  gc::RootVector& cache = byteCache();
  if (cache.empty()) cache.resize(257);
  Value v = cache[c];
  if (v.isNull()) {
    auto* b = static_cast<BytesObj*>(newObjectOld(types::bytes_type, bytesSize(types::bytes_type, 1)));
    b->length = 1;
    b->hash = -1;
    b->data()[0] = static_cast<char>(c);
    v = Value(b);
    cache.set(c, v);
  }
  return v;
}

Value newBytes(const void* data, int64_t n) {
  if (n == 0) return emptyBytes();
  if (n == 1) return oneByte(*static_cast<const unsigned char*>(data));
  BytesObj* b = allocBytes(n);
  if (b == nullptr) return Value();
  std::memcpy(b->data(), data, static_cast<size_t>(n));
  return Value(b);
}

int64_t bytesHash(Value v) {
  BytesObj* b = asBytes(v);
  if (b->hash == -1) b->hash = objects::hash_bytes(b->data(), static_cast<size_t>(b->length));
  return b->hash;
}

bool bytesLikeView(Value v, std::string_view* out) {
  if (v.isSmallInt()) return false;
  if (isBytes(v)) {
    if (out != nullptr) *out = asBytes(v)->view();
    return true;
  }
  if (isByteArray(v)) {
    if (out != nullptr) *out = byteArrayView(v);
    return true;
  }
  // Other exporters (memoryview, ...) when C-contiguous.
  std::string_view view;
  if (!bufferContiguousView(v, &view)) return false;
  if (out != nullptr) *out = view;
  return true;
}

bool bytesLikeCopy(Value v, std::string* out) { return bufferArg(v, out); }

std::string bytesReprText(std::string_view data) { return reprBody(data); }

// ---------------------------------------------------------------------------
// bytes(x)

namespace {

// Appends the ints of an iterable (each in range(256)) to out.
bool bytesFromIterable(Value x, std::string* out) {
  Value it = getIter(x);
  if (it.isNull()) return false;
  // CPython sizes its buffer by the length hint first: a hint no bytes can
  // have is an error before any item is read.
  int64_t hint = lengthHint(x, 64);
  if (hint < 0) return false;
  if (hint > kMaxBytesLength) {
    raise(exc::OverflowError, "byte string is too large");
    return false;
  }
  if (!checkFitsHeap(static_cast<size_t>(hint))) return false;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return !errorPending();
    Value i = index(item);
    if (i.isNull()) return false;
    int64_t v;
    if (!intToInt64(i, &v) || v < 0 || v > 255) {
      clearError();
      raise(exc::ValueError, "bytes must be in range(0, 256)");
      return false;
    }
    out->push_back(static_cast<char>(v));
  }
}

}  // namespace

Value bytesFromObject(Value x) {
  bool found = false;
  Value r = callSpecial(x, names::__bytes__, nullptr, 0, &found);
  if (found) {
    if (r.isNull()) return Value();
    if (!isBytes(r)) return raisef(exc::TypeError, "__bytes__ returned non-bytes (type %s)", typeNameOf(r).c_str());
    return r;
  }
  if (errorPending()) return Value();
  if (isExactBytes(x)) return x;
  std::string_view view;
  if (bytesLikeView(x, &view)) {
    std::string copy(view);
    return newBytes(copy);
  }
  if (isStr(x)) return raise(exc::TypeError, "string argument without an encoding");
  if (typeOf(x)->slots.nb_index != nullptr) {
    Value i = index(x);
    if (i.isNull()) {
      if (!errorMatches(exc::TypeError)) return Value();
      clearError();
    } else {
      int64_t n;
      if (!intToInt64(i, &n)) {
        clearError();
        return raise(exc::OverflowError, "cannot fit 'int' into an index-sized integer");
      }
      if (n < 0) return raise(exc::ValueError, "negative count");
      BytesObj* b = allocBytes(n);
      return b == nullptr ? Value() : Value(b);
    }
  }
  Type* t = typeOf(x);
  if (t->slots.tp_iter == nullptr && t->slots.mp_subscript == nullptr) {
    return raisef(exc::TypeError, "cannot convert '%s' object to bytes", typeNameOf(x).c_str());
  }
  std::string data;
  if (!bytesFromIterable(x, &data)) return Value();
  return newBytes(data);
}

namespace {

// ---------------------------------------------------------------------------
// Slots

Value bytes_repr(Value self) { return newStr(reprBody(asBytes(self)->view())); }

// str(b): its repr, with a BytesWarning under -b (CPython's bytes_str).
Value bytes_str(Value self) { return warnStr("bytes") ? bytes_repr(self) : Value(); }

int64_t bytes_hash(Value self) { return bytesHash(self); }

Value bytes_richcompare(Value a, Value b, int op) {
  if (!isBytes(a) || !isBytes(b)) return warnComparison(a, b, op, "bytes", true) ? NotImplemented() : Value();
  std::string_view x = asBytes(a)->view(), y = asBytes(b)->view();
  if (op == kEq || op == kNe) {
    bool eq = x == y;
    return Bool(op == kEq ? eq : !eq);
  }
  int c = x.compare(y);
  return Bool(orderingSatisfies(c, op));
}

int64_t bytes_len(Value self) { return asBytes(self)->length; }

Value bytes_subscript(Value self, Value key) {
  int64_t len = asBytes(self)->length;
  if (isItemIndex(key)) {
    int64_t i;
    if (!itemIndex(key, len, "index out of range", &i)) return Value();
    return newInt(static_cast<unsigned char>(asBytes(self)->data()[i]));
  }
  if (isSlice(key)) {
    int64_t start, stop, step, slicelength;
    if (!sliceIndices(key, len, &start, &stop, &step, &slicelength)) return Value();
    if (step == 1 && start == 0 && slicelength == len && isExactBytes(self)) return self;
    std::string out;
    out.reserve(static_cast<size_t>(slicelength > 0 ? slicelength : 0));
    const char* d = asBytes(self)->data();
    for (int64_t k = 0, cur = start; k < slicelength; ++k, cur += step) out.push_back(d[cur]);
    return newBytes(out);
  }
  return raisef(exc::TypeError, "byte indices must be integers or slices, not %s", typeNameOf(key).c_str());
}

}  // namespace

// CPython concatenates bytes and bytearray through sq_concat, which
// PyNumber_Add reaches only after both operands' nb_add declined: a class on
// the right with __add__/__radd__ has the first word, and concatenation still
// follows when it returns NotImplemented.  True with *out set (null on error)
// when the right operand's nb_add gave a result.
bool bytesConcatRightFirst(Value a, Value b, Value* out) {
  Type* tb = typeOf(b);
  if (!tb->hasFlag(type_flags::kHeapType) || tb->slots.nb_add == nullptr) return false;
  if (isSubtype(tb, typeOf(a))) return false;  // binaryOp tried it already, before a's
  Value r = tb->slots.nb_add(a, b);
  if (!r.isNull() && r == NotImplemented()) return false;
  *out = r;
  return true;
}

namespace {

// CPython's sq_concat: only a bytes on the left concatenates (any buffer on
// the right); `memoryview + bytes` and `mmap + bytes` are TypeErrors.
Value bytes_add(Value a, Value b) {
  std::string_view x, y;
  if (!isBytes(a) || !bytesLikeView(a, &x)) return NotImplemented();
  Value first;
  if (bytesConcatRightFirst(a, b, &first)) return first;
  if (!bytesLikeView(b, &y)) {
    return raisef(exc::TypeError, "can't concat %s to %s", typeNameOf(b).c_str(), typeNameOf(a).c_str());
  }
  bytesLikeView(a, &x);
  if (y.empty() && isExactBytes(a)) return a;
  if (x.empty() && isExactBytes(b) && isBytes(a)) return b;
  int64_t n = static_cast<int64_t>(x.size() + y.size());
  BytesObj* r = allocBytes(n);
  if (r == nullptr) return Value();
  bytesLikeView(a, &x);
  bytesLikeView(b, &y);
  std::memcpy(r->data(), x.data(), x.size());
  std::memcpy(r->data() + x.size(), y.data(), y.size());
  return Value(r);
}

Value bytes_multiply(Value a, Value b) {
  Value s = isBytes(a) ? a : b;
  Value other = isBytes(a) ? b : a;
  if (!isBytes(s)) return NotImplemented();
  int64_t count;
  bool ni;
  if (!strimpl::repeatCount(other, &count, &ni)) return ni ? NotImplemented() : Value();
  int64_t len = asBytes(s)->length;
  if (count < 0) count = 0;
  // As CPython: the operand itself when the result would equal it (an exact
  // bytes), else a new object -- an empty result of a non-empty operand too.
  if ((count == 1 || len == 0) && isExactBytes(s)) return s;
  if (count > 0 && len > INT64_MAX / count) return raise(exc::OverflowError, "repeated bytes are too long");
  if (len * count > kMaxBytesLength) return raiseNoMemory();
  BytesObj* r = allocBytes(len * count);
  if (r == nullptr) return Value();
  const char* d = asBytes(s)->data();
  for (int64_t k = 0; k < count; ++k) std::memcpy(r->data() + k * len, d, static_cast<size_t>(len));
  return Value(r);
}

Value bytes_remainder(Value a, Value b) {
  if (!isBytes(a)) return NotImplemented();
  return bytesPercentFormat(a, b, false);
}

// --- the iterator (shared with bytearray: both read through bytesLikeView) ---

struct BytesIterObj : Obj {
  gc::HeapValue seq;  // null once exhausted
  int64_t index;
};

const uint32_t kBytesIterFields[] = {offsetof(BytesIterObj, ob_type), offsetof(BytesIterObj, seq)};
const gc::Layout kBytesIterLayout = {.name = "bytes_iterator", .fields = kBytesIterFields};
const gc::Layout kByteArrayIterLayout = {.name = "bytearray_iterator", .fields = kBytesIterFields};

Value bytes_iter(Value self) {
  auto* it = static_cast<BytesIterObj*>(newObject(types::bytes_iterator_type, sizeof(BytesIterObj)));
  it->seq.set(self);
  it->index = 0;
  return Value(it);
}

Value bytesiter_iter(Value self) { return self; }

Value bytesiter_next(Value self) {
  auto* it = static_cast<BytesIterObj*>(self.asObject());
  Value s = it->seq.get();
  if (s.isNull()) return Value();
  std::string_view v;
  bytesLikeView(s, &v);
  if (it->index >= static_cast<int64_t>(v.size())) {
    it->seq.set(Value());
    return Value();
  }
  return newInt(static_cast<unsigned char>(v[it->index++]));
}

Value bytesiter___length_hint__(Value* args) {
  auto* it = static_cast<BytesIterObj*>(args[0].asObject());
  Value s = it->seq.get();
  if (s.isNull()) return newInt(0);
  std::string_view v;
  bytesLikeView(s, &v);
  int64_t left = static_cast<int64_t>(v.size()) - it->index;
  return newInt(left < 0 ? 0 : left);
}

// Exhausted, both reduce to iter(()).
Value bytesiter___reduce__(Value* args) {
  auto* it = static_cast<BytesIterObj*>(args[0].asObject());
  return containers::reduceIndexIterator("iter", it->seq.get(), it->index, newTuple(0));
}

// The index is clamped to [0, len]; an exhausted iterator ignores it.
Value bytesiter___setstate__(Value* args) {
  int64_t index;
  if (!containers::stateToIndex(args[1], &index)) return Value();
  auto* it = static_cast<BytesIterObj*>(args[0].asObject());
  Value s = it->seq.get();
  if (s.isNull()) return None();
  std::string_view v;
  bytesLikeView(s, &v);
  it->index = std::clamp<int64_t>(index, 0, static_cast<int64_t>(v.size()));
  return None();
}

// --- __new__ ---

const MethodDef kBytesNewSignature = {.name = "bytes",
                                      .signature = "(source=<unrepresentable>, encoding=<unrepresentable>, "
                                                   "errors=<unrepresentable>)"};

Value bytes_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bindArguments(&kBytesNewSignature, Value(), args, nargs, kwnames, a)) return Value();
  Value x = a[0], encoding = a[1], errors = a[2];
  if (!encoding.isNull() && !isStr(encoding)) {
    return raisef(exc::TypeError, "bytes() argument 'encoding' must be str, not %s", typeNameOf(encoding).c_str());
  }
  if (!errors.isNull() && !isStr(errors)) {
    return raisef(exc::TypeError, "bytes() argument 'errors' must be str, not %s", typeNameOf(errors).c_str());
  }
  Value result;
  if (x.isNull()) {
    if (!encoding.isNull()) return raise(exc::TypeError, "encoding without a string argument");
    if (!errors.isNull()) return raise(exc::TypeError, "errors without a string argument");
    result = emptyBytes();
  } else if (!encoding.isNull()) {
    if (!isStr(x)) return raise(exc::TypeError, "encoding without a string argument");
    result = strimpl::encodeStr(x, encoding, errors);
  } else if (!errors.isNull()) {
    return raise(exc::TypeError, isStr(x) ? "string argument without an encoding" : "errors without a string argument");
  } else {
    result = bytesFromObject(x);
  }
  if (result.isNull() || type == types::bytes_type) return result;
  int64_t n = asBytes(result)->length;
  BytesObj* r = allocBytesOfType(type, n);
  if (r == nullptr) return Value();
  std::memcpy(r->data(), asBytes(result)->data(), static_cast<size_t>(n));
  return Value(r);
}

// --- methods of bytes only ---

Value bytes___bytes__(Value* args) {
  if (isExactBytes(args[0])) return args[0];
  std::string copy(asBytes(args[0])->view());
  return newBytes(copy);
}

Value bytes___getnewargs__(Value* args) {
  std::string copy(asBytes(args[0])->view());
  Value b = newBytes(copy);
  if (b.isNull()) return Value();
  return newTupleOf({b});
}

Value bytes___sizeof__(Value* args) { return newInt(33 + asBytes(args[0])->length); }

// ---------------------------------------------------------------------------
// Tables

const MethodDef kBytesMethods[] = {
    {.name = "__bytes__", .signature = "($self, /)", .fn = bytes___bytes__},
    {.name = "__getnewargs__", .signature = "($self, /)", .fn = bytes___getnewargs__},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = bytes___sizeof__},
    {.name = "capitalize", .signature = "($self, /)", .fn = bytes_capitalize},
    {.name = "center", .signature = "($self, width, fillchar=<unrepresentable>, /)", .fn = bytes_center},
    {.name = "count", .signature = "($self, sub, start=None, end=None, /)", .fn = bytes_count, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "decode", .signature = "($self, /, encoding='utf-8', errors='strict')", .fn = bytes_decode},
    {.name = "endswith", .signature = "($self, suffix, start=None, end=None, /)", .fn = bytes_endswith, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "expandtabs", .signature = "($self, /, tabsize=8)", .fn = bytes_expandtabs},
    {.name = "find", .signature = "($self, sub, start=None, end=None, /)", .fn = bytes_find, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "fromhex", .signature = "($type, string, /)", .fn = bytes_fromhex, .flags = method_flags::kClassMethod},
    {.name = "hex", .signature = "($self, /, sep=<unrepresentable>, bytes_per_sep=1)", .fn = bytes_hex,
     .doc = "Create a string of two hexadecimal digits per byte, optionally separated every\n"
            "bytes_per_sep bytes (counted from the right; from the left when negative).\n\n"
            ">>> bytes(b'\\x01\\xab\\xff').hex(':')\n'01:ab:ff'\n"
            ">>> bytes(b'\\x01\\xab\\xff').hex('-', 2)\n'01-abff'"},
    {.name = "index", .signature = "($self, sub, start=None, end=None, /)", .fn = bytes_index, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
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
    {.name = "removeprefix", .signature = "($self, prefix, /)", .fn = bytes_removeprefix},
    {.name = "removesuffix", .signature = "($self, suffix, /)", .fn = bytes_removesuffix},
    {.name = "replace", .signature = "($self, old, new, count=-1, /)", .fn = bytes_replace},
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

const uint32_t kBytesFields[] = {offsetof(BytesObj, ob_type)};
const gc::Layout kBytesLayout = {.name = "bytes", .fields = kBytesFields};

const TypeSpec kBytesSpec = {
    .name = "bytes",
    .type = &types::bytes_type,
    .layout = &kBytesLayout,
    .basic_size = sizeof(BytesObj),
    .item_size = 1,
    .flags = type_flags::kBaseType | type_flags::kBytesSubclass,
    .slots =
        {
            .tp_repr = bytes_repr,
            .tp_str = bytes_str,
            .tp_hash = bytes_hash,
            .tp_richcompare = bytes_richcompare,
            .tp_iter = bytes_iter,
            .tp_new = bytes_new,
            .nb_add = bytes_add,
            .nb_multiply = bytes_multiply,
            .nb_remainder = bytes_remainder,
            .mp_length = bytes_len,
            .mp_subscript = bytes_subscript,
            .sq_contains = bytesContains,
        },
    .methods = kBytesMethods,
    .doc = "bytes(iterable_of_ints) -> bytes\n"
           "bytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object\n\n"
           "Construct an immutable array of bytes from:\n"
           "  - an iterable yielding integers in range(256)\n"
           "  - a text string encoded using the specified encoding\n"
           "  - any object implementing the buffer API.\n"
           "  - an integer",
};
TERN_REGISTER_TYPE(kBytesSpec);

const MethodDef kBytesIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = bytesiter___length_hint__},
    {.name = "__reduce__", .signature = "($self, /)", .fn = bytesiter___reduce__,
     .doc = "Return state information for pickling."},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = bytesiter___setstate__,
     .doc = "Set state information for unpickling."},
};

const TypeSpec kBytesIterSpec = {
    .name = "bytes_iterator",
    .type = &types::bytes_iterator_type,
    .layout = &kBytesIterLayout,
    .basic_size = sizeof(BytesIterObj),
    .slots = {.tp_iter = bytesiter_iter, .tp_iternext = bytesiter_next},
    .methods = kBytesIterMethods,
};
TERN_REGISTER_TYPE(kBytesIterSpec);

const TypeSpec kByteArrayIterSpec = {
    .name = "bytearray_iterator",
    .type = &types::bytearray_iterator_type,
    .layout = &kByteArrayIterLayout,
    .basic_size = sizeof(BytesIterObj),
    .slots = {.tp_iter = bytesiter_iter, .tp_iternext = bytesiter_next},
    .methods = kBytesIterMethods,
};
TERN_REGISTER_TYPE(kByteArrayIterSpec);

}  // namespace

// bytearray's tp_iter (bytearray.cc): the same iterator object, of the
// bytearray_iterator type.
Value byteArrayIter(Value self) {
  auto* it = static_cast<BytesIterObj*>(newObject(types::bytearray_iterator_type, sizeof(BytesIterObj)));
  it->seq.set(self);
  it->index = 0;
  return Value(it);
}

}  // namespace tern
