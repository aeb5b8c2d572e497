// str: allocation (PEP 393), the intern table and names.def, hashing,
// comparison, concatenation, and the type's slots and table.  The methods
// live in str_methods.cc, formatting in str_format.cc, codecs in
// codecs_basic.cc.
//
// Invariants (str.h): the kind is the narrowest that holds the largest code
// point, `ascii` iff every code point < 128, hash -1 until computed, interned
// strings old.  Every function that creates a str goes through allocStr /
// allocStrOfType and fills the units before the str escapes; the empty str
// and the 256 one-character Latin-1 strings are shared (old, rooted).
//
// The intern table holds its strs in a RootVector, indexed by their hash
// (interned strs are old, and old objects never move).

#include "runtime/objects/str.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/compiler/identifier.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/str_methods.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/unicode_props.h"

namespace tern {

using namespace strimpl;  // NOLINT: this file implements them

// ---------------------------------------------------------------------------
// Code units

namespace strimpl {

void copyUnits(void* dst, int dkind, const void* src, int skind, int64_t n) {
  if (n <= 0) return;
  if (dkind == skind) {
    std::memcpy(dst, src, static_cast<size_t>(n) * dkind);
    return;
  }
  withUnits(src, skind, [&](auto* s) {
    switch (dkind) {
      case 1: {
        auto* d = static_cast<uint8_t*>(dst);
        for (int64_t i = 0; i < n; ++i) d[i] = static_cast<uint8_t>(s[i]);
        break;
      }
      case 2: {
        auto* d = static_cast<uint16_t*>(dst);
        for (int64_t i = 0; i < n; ++i) d[i] = static_cast<uint16_t>(s[i]);
        break;
      }
      default: {
        auto* d = static_cast<uint32_t*>(dst);
        for (int64_t i = 0; i < n; ++i) d[i] = static_cast<uint32_t>(s[i]);
        break;
      }
    }
  });
}

char32_t maxChar(const void* data, int kind, int64_t n) {
  return withUnits(data, kind, [&](auto* u) {
    char32_t m = 0;
    for (int64_t i = 0; i < n; ++i)
      if (u[i] > m) m = u[i];
    return m;
  });
}

void StrBuilder::appendStr(Value s, int64_t start, int64_t stop) {
  StrObj* o = asStr(s);
  if (stop <= start) return;
  text_.reserve(text_.size() + static_cast<size_t>(stop - start));
  withUnits(o->data(), o->kind, [&](auto* u) {
    for (int64_t i = start; i < stop; ++i) push(u[i]);
  });
}

void StrBuilder::appendUtf8(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size()) push(compiler::decode_utf8(utf8, i));
}

Value StrBuilder::finish() {
  int64_t n = static_cast<int64_t>(text_.size());
  if (n == 0) return emptyStr();
  if (n == 1 && max_ < 256) return strFromCodePoint(max_);
  int kind = static_cast<int>(objects::kind_for(max_));
  StrObj* s = tryAllocStr(kind, n, max_ < 128);  // the text may be as long as Python code chose
  if (s == nullptr) return Value();
  copyUnits(s->data(), kind, text_.data(), 4, n);
  return Value(s);
}

bool requireStr(Value v, const char* what) {
  if (isStr(v)) return true;
  raisef(exc::TypeError, "%s must be str, not %s", what, typeNameOf(v).c_str());
  return false;
}

}  // namespace strimpl

// ---------------------------------------------------------------------------
// Allocation

namespace {

// Bytes of a str instance of `type` with n code units of `kind` (plus the
// terminating zero unit).  The code units sit right after StrObj; a
// subclass's own fields (its __dict__) come after them, at an offset from the
// end of the object (CPython's negative dict offset), so basic_size - the
// size of StrObj is what they need.
size_t strBytes(Type* type, int kind, int64_t n) {
  size_t extra = type->basic_size > sizeof(StrObj) ? type->basic_size - sizeof(StrObj) : 0;
  return sizeof(StrObj) + static_cast<size_t>(n + 1) * kind + extra;
}

void initStrHeader(StrObj* s, int kind, int64_t n, bool ascii) {
  s->length = n;
  s->hash = -1;
  s->kind = static_cast<uint8_t>(kind);
  s->ascii = ascii ? 1 : 0;
  s->interned = 0;
}

gc::RootVector& latin1Cache() {
  static gc::RootVector* cache = new gc::RootVector();
  return *cache;
}

gc::GlobalRoot& emptyRoot() {
  static gc::GlobalRoot* root = new gc::GlobalRoot();
  return *root;
}

// Every interned str is old, and the old space never moves an object, so the
// table holds the strs themselves: `values` roots them (they are immortal) and
// `slots` indexes them by hash — open addressing, linear probing, a power of
// two at most half full; a slot holds index + 1 into `values`, 0 when empty.
// A lookup neither allocates nor builds a key: it hashes the code units as
// strHash would and compares them with the candidate's.
struct InternTable {
  gc::RootVector values;
  std::vector<uint32_t> slots = std::vector<uint32_t>(1024, 0);
};

InternTable& internTable() {
  static InternTable* table = new InternTable();
  return *table;
}

// The interned str with these code units, or null.
Value findInterned(int kind, const void* units, int64_t n, int64_t hash) {
  InternTable& table = internTable();
  size_t mask = table.slots.size() - 1;
  size_t bytes = static_cast<size_t>(n) * kind;
  for (size_t i = static_cast<uint64_t>(hash) & mask; table.slots[i] != 0; i = (i + 1) & mask) {
    Value v = table.values[table.slots[i] - 1];
    const StrObj* o = asStr(v);
    if (o->hash == hash && o->kind == kind && o->length == n && std::memcmp(o->data(), units, bytes) == 0) return v;
  }
  return Value();
}

void placeInSlots(InternTable& table, int64_t hash, uint32_t index_plus_one) {
  size_t mask = table.slots.size() - 1;
  size_t i = static_cast<uint64_t>(hash) & mask;
  while (table.slots[i] != 0) i = (i + 1) & mask;
  table.slots[i] = index_plus_one;
}

// Adds `s` (old, exact str, its hash computed) to the table; it is not there yet.
void addInterned(Value s) {
  InternTable& table = internTable();
  if (2 * (table.values.size() + 1) > table.slots.size()) {
    table.slots.assign(table.slots.size() * 2, 0);
    for (size_t i = 0; i < table.values.size(); ++i) {
      placeInSlots(table, asStr(table.values[i])->hash, static_cast<uint32_t>(i + 1));
    }
  }
  asStr(s)->interned = 1;
  table.values.push_back(s);
  placeInSlots(table, asStr(s)->hash, static_cast<uint32_t>(table.values.size()));
}

// A new old-space str holding these code units (of the narrowest kind that
// holds them), interned.
Value newInterned(int kind, const void* units, int64_t n, int64_t hash, bool ascii) {
  auto* s = static_cast<StrObj*>(newObjectOld(types::str_type, strBytes(types::str_type, kind, n)));
  initStrHeader(s, kind, n, ascii);
  std::memcpy(s->data(), units, static_cast<size_t>(n) * kind);
  std::memset(static_cast<char*>(s->data()) + n * kind, 0, kind);
  s->hash = hash;  // dictGetStr relies on interned strs having their hash
  addInterned(Value(s));
  return Value(s);
}

// `ascii`: kind 1 and every unit < 128.
Value internUnits(int kind, const void* units, int64_t n, bool ascii) {
  int64_t hash = objects::hash_bytes(units, static_cast<size_t>(n) * kind);
  Value found = findInterned(kind, units, n, hash);
  return found.isNull() ? newInterned(kind, units, n, hash, ascii) : found;
}

}  // namespace

StrObj* allocStr(int kind, int64_t n, bool ascii) {
  auto* s = static_cast<StrObj*>(newObject(types::str_type, strBytes(types::str_type, kind, n)));
  initStrHeader(s, kind, n, ascii);
  return s;
}

StrObj* tryAllocStr(int kind, int64_t n, bool ascii) {
  auto* s = static_cast<StrObj*>(tryNewObject(types::str_type, strBytes(types::str_type, kind, n)));
  if (s == nullptr) return nullptr;
  initStrHeader(s, kind, n, ascii);
  return s;
}

// An instance of `type` (str or a subclass) with n uninitialised units.
static StrObj* allocStrOfType(Type* type, int kind, int64_t n, bool ascii) {
  auto* s = static_cast<StrObj*>(newObject(type, strBytes(type, kind, n)));
  initStrHeader(s, kind, n, ascii);
  return s;
}

Value emptyStr() {
  Value e = emptyRoot().get();
  if (e.isNull()) {
    e = internStr("");
    emptyRoot().set(e);
  }
  return e;
}

Value strFromCodePoint(char32_t c) {
  if (c < 256) {
    gc::RootVector& cache = latin1Cache();
    if (cache.empty()) cache.resize(256);
    Value v = cache[c];
    if (v.isNull()) {
      auto* s = static_cast<StrObj*>(newObjectOld(types::str_type, strBytes(types::str_type, 1, 1)));
      initStrHeader(s, 1, 1, c < 128);
      static_cast<uint8_t*>(s->data())[0] = static_cast<uint8_t>(c);
      v = Value(s);
      cache.set(c, v);
    }
    return v;
  }
  int kind = c < 0x10000 ? 2 : 4;
  StrObj* s = allocStr(kind, 1, false);
  if (kind == 2)
    static_cast<uint16_t*>(s->data())[0] = static_cast<uint16_t>(c);
  else
    static_cast<uint32_t*>(s->data())[0] = static_cast<uint32_t>(c);
  return Value(s);
}

Value newStr(std::string_view utf8) {
  objects::Utf8Scan scan = objects::scan_utf8(utf8);
  if (scan.length == 0) return emptyStr();
  if (scan.length == 1 && scan.max_char < 256) return strFromCodePoint(scan.max_char);
  objects::StrKind kind = objects::kind_for(scan.max_char);
  StrObj* s = allocStr(static_cast<int>(kind), static_cast<int64_t>(scan.length), scan.max_char < 128);
  objects::transcode_utf8(utf8, kind, s->data());
  return Value(s);
}

Value newAsciiStr(std::string_view ascii) {
  auto n = static_cast<int64_t>(ascii.size());
  if (n <= 1) return n == 0 ? emptyStr() : strFromCodePoint(static_cast<unsigned char>(ascii[0]));
  StrObj* s = allocStr(1, n, true);
  std::memcpy(s->data(), ascii.data(), ascii.size());
  return Value(s);
}

Value newStrReplacingInvalid(std::string_view bytes) {
  return strimpl::decodeBytes(bytes, Value(), internStr("replace"));
}

Value newStrFromUnits(int kind, const void* units, int64_t n) {
  if (n == 0) return emptyStr();
  char32_t m = strimpl::maxChar(units, kind, n);
  if (n == 1 && m < 256) return strFromCodePoint(m);
  int k = static_cast<int>(objects::kind_for(m));
  StrObj* s = allocStr(k, n, m < 128);
  strimpl::copyUnits(s->data(), k, units, kind, n);
  return Value(s);
}

Value newStrFromUcs4(std::u32string_view text) {
  return newStrFromUnits(4, text.data(), static_cast<int64_t>(text.size()));
}

std::u32string strToUcs4(Value s) {
  StrObj* o = asStr(s);
  std::u32string out(static_cast<size_t>(o->length), U'\0');
  strimpl::copyUnits(out.data(), 4, o->data(), o->kind, o->length);
  return out;
}

Value strSubstring(Value s, int64_t start, int64_t stop) {
  StrObj* o = asStr(s);
  if (start == 0 && stop == o->length && isExactStr(s)) return s;
  int64_t n = stop - start;
  if (n <= 0) return emptyStr();
  int kind = o->kind;
  if (n == 1) return strFromCodePoint(o->at(start));
  char32_t m = o->ascii ? 0 : strimpl::maxChar(static_cast<char*>(o->data()) + start * kind, kind, n);
  int k = static_cast<int>(objects::kind_for(m));
  bool ascii = o->ascii || m < 128;
  StrObj* r = allocStr(k, n, ascii);
  o = asStr(s);  // may have moved
  strimpl::copyUnits(r->data(), k, static_cast<char*>(o->data()) + start * kind, kind, n);
  return Value(r);
}

// ---------------------------------------------------------------------------
// Interning and names

Value internStr(std::string_view utf8) {
  objects::Utf8Scan scan = objects::scan_utf8(utf8);
  auto n = static_cast<int64_t>(scan.length);
  if (scan.max_char < 128) return internUnits(1, utf8.data(), n, true);
  objects::StrKind kind = objects::kind_for(scan.max_char);
  std::vector<char32_t> units(scan.length);  // room for the units of any kind
  objects::transcode_utf8(utf8, kind, units.data());
  return internUnits(static_cast<int>(kind), units.data(), n, false);
}

Value internAscii(std::string_view ascii) {
  return internUnits(1, ascii.data(), static_cast<int64_t>(ascii.size()), true);
}

Value intern(Value s) {
  StrObj* o = asStr(s);
  if (o->interned) return s;
  int64_t hash = strHash(s);
  Value found = findInterned(o->kind, o->data(), o->length, hash);
  if (!found.isNull()) return found;
  if (isExactStr(s) && gc::isOld(s.asObject())) {
    addInterned(s);
    return s;
  }
  // Copied out: allocating the interned str may collect and move `s`.
  std::string units(static_cast<const char*>(o->data()), static_cast<size_t>(o->length) * o->kind);
  return newInterned(o->kind, units.data(), o->length, hash, o->ascii);
}

bool initializeNames() {
  emptyStr();
#define TERN_NAME(id, text) names::id = internStr(text);
#include "runtime/objects/names.def"
#undef TERN_NAME
  for (char32_t c = 0; c < 256; ++c) strFromCodePoint(c);
  return true;
}

// ---------------------------------------------------------------------------
// Conversions, hashing, comparison, concatenation

std::string strToUtf8(Value s) {
  StrObj* o = asStr(s);
  std::string out;
  if (o->ascii) {
    out.assign(static_cast<const char*>(o->data()), static_cast<size_t>(o->length));
    return out;
  }
  objects::append_utf8(out, o->data(), static_cast<objects::StrKind>(o->kind), static_cast<size_t>(o->length));
  return out;
}

int64_t strHash(Value s) {
  StrObj* o = asStr(s);
  if (o->hash != -1) return o->hash;
  int64_t h = objects::hash_bytes(o->data(), static_cast<size_t>(o->length) * o->kind);
  o->hash = h;
  return h;
}

bool strEquals(Value a, Value b) {
  if (a == b) return true;
  StrObj* x = asStr(a);
  StrObj* y = asStr(b);
  if (x->length != y->length || x->kind != y->kind) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return std::memcmp(x->data(), y->data(), static_cast<size_t>(x->length) * x->kind) == 0;
}

bool strEqualsAscii(Value s, std::string_view ascii) {
  StrObj* o = asStr(s);
  if (o->kind != 1 || o->length != static_cast<int64_t>(ascii.size())) return false;
  return std::memcmp(o->data(), ascii.data(), ascii.size()) == 0;
}

int strCompare(Value a, Value b) {
  if (a == b) return 0;
  StrObj* x = asStr(a);
  StrObj* y = asStr(b);
  int64_t n = x->length < y->length ? x->length : y->length;
  if (x->kind == 1 && y->kind == 1) {
    int c = std::memcmp(x->data(), y->data(), static_cast<size_t>(n));
    if (c != 0) return c;
  } else {
    for (int64_t i = 0; i < n; ++i) {
      char32_t p = x->at(i), q = y->at(i);
      if (p != q) return p < q ? -1 : 1;
    }
  }
  return x->length < y->length ? -1 : x->length > y->length ? 1 : 0;
}

Value strConcat(Value a, Value b) {
  int64_t na = asStr(a)->length, nb = asStr(b)->length;
  if (na == 0 && isExactStr(b)) return b;
  if (nb == 0 && isExactStr(a)) return a;
  if (na > INT64_MAX / 4 - nb) return raiseNoMemory();
  int ka = asStr(a)->kind, kb = asStr(b)->kind;
  int k = ka > kb ? ka : kb;
  bool ascii = asStr(a)->ascii && asStr(b)->ascii;
  StrObj* r = allocStr(k, na + nb, ascii);
  StrObj* x = asStr(a);
  StrObj* y = asStr(b);
  strimpl::copyUnits(r->data(), k, x->data(), ka, na);
  strimpl::copyUnits(static_cast<char*>(r->data()) + na * k, k, y->data(), kb, nb);
  return Value(r);
}

// ---------------------------------------------------------------------------
// repr

Value strRepr(Value s) {
  StrObj* o = asStr(s);
  int64_t n = o->length;
  bool has_single = false, has_double = false;
  for (int64_t i = 0; i < n; ++i) {
    char32_t c = o->at(i);
    if (c == '\'') has_single = true;
    if (c == '"') has_double = true;
  }
  char32_t quote = has_single && !has_double ? '"' : '\'';
  StrBuilder b;
  b.reserve(static_cast<size_t>(n) + 2);
  static const char kHex[] = "0123456789abcdef";
  auto hex = [&](char32_t c, int digits) {
    for (int d = digits - 1; d >= 0; --d) b.push(static_cast<unsigned char>(kHex[(c >> (4 * d)) & 0xf]));
  };
  b.push(quote);
  for (int64_t i = 0; i < n; ++i) {
    char32_t c = asStr(s)->at(i);
    if (c == quote || c == '\\') {
      b.push('\\');
      b.push(c);
    } else if (c == '\t') {
      b.appendAscii("\\t");
    } else if (c == '\n') {
      b.appendAscii("\\n");
    } else if (c == '\r') {
      b.appendAscii("\\r");
    } else if (c < ' ' || c == 0x7f) {
      b.appendAscii("\\x");
      hex(c, 2);
    } else if (c < 0x7f) {
      b.push(c);
    } else if (objects::unicode::is_printable(c)) {
      b.push(c);
    } else if (c < 0x100) {
      b.appendAscii("\\x");
      hex(c, 2);
    } else if (c < 0x10000) {
      b.appendAscii("\\u");
      hex(c, 4);
    } else {
      b.appendAscii("\\U");
      hex(c, 8);
    }
  }
  b.push(quote);
  return b.finish();
}

// ---------------------------------------------------------------------------
// join

Value strJoin(Value sep, Value iterable) {
  Value seq = iterable;
  if (!isExactList(seq) && !isExactTuple(seq)) {
    Value it = getIter(iterable);
    if (it.isNull()) {
      if (errorMatches(exc::TypeError)) {
        clearError();
        raise(exc::TypeError, "can only join an iterable");
      }
      return Value();
    }
    seq = listFromIterable(it);
    if (seq.isNull()) return Value();
  }
  bool is_list = isExactList(seq);
  auto count = [&]() { return is_list ? listLength(seq) : tupleLength(seq); };
  auto item = [&](int64_t i) { return is_list ? listItem(seq, i) : tupleItem(seq, i); };
  int64_t n = count();
  if (n == 0) return emptyStr();
  if (n == 1 && isExactStr(item(0))) return item(0);
  int64_t total = 0;
  int kind = asStr(sep)->kind;
  bool ascii = asStr(sep)->ascii;
  for (int64_t i = 0; i < n; ++i) {
    Value it = item(i);
    if (!isStr(it)) {
      return raisef(exc::TypeError, "sequence item %lld: expected str instance, %s found", static_cast<long long>(i),
                    typeNameOf(it).c_str());
    }
    StrObj* o = asStr(it);
    total += o->length;
    if (o->kind > kind) kind = o->kind;
    ascii = ascii && o->ascii;
  }
  int64_t seplen = asStr(sep)->length;
  if (seplen > 0 && n - 1 > (INT64_MAX - total) / seplen) {
    return raise(exc::OverflowError, "join() result is too long for a Python string");
  }
  total += seplen * (n - 1);
  StrObj* r = tryAllocStr(kind, total, ascii);
  if (r == nullptr) return Value();
  char* out = static_cast<char*>(r->data());
  n = count();  // a list cannot change here (no Python code ran), but re-read anyway
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0 && seplen > 0) {
      StrObj* so = asStr(sep);
      strimpl::copyUnits(out, kind, so->data(), so->kind, seplen);
      out += seplen * kind;
    }
    StrObj* o = asStr(item(i));
    strimpl::copyUnits(out, kind, o->data(), o->kind, o->length);
    out += o->length * kind;
  }
  return Value(r);
}

// ---------------------------------------------------------------------------
// Slots

namespace {

Value str_repr(Value self) { return strRepr(self); }

Value str_str(Value self) {
  if (isExactStr(self)) return self;
  StrObj* o = asStr(self);
  return newStrFromUnitsCopy(self, o->kind, o->length);
}

int64_t str_hash(Value self) { return strHash(self); }

Value str_richcompare(Value a, Value b, int op) {
  if (!isStr(a) || !isStr(b)) return NotImplemented();
  if (op == kEq || op == kNe) {
    bool eq = strEquals(a, b);
    return Bool(op == kEq ? eq : !eq);
  }
  int c = strCompare(a, b);
  return Bool(orderingSatisfies(c, op));
}

int64_t str_len(Value self) { return asStr(self)->length; }

Value str_subscript(Value self, Value key) {
  int64_t len = asStr(self)->length;
  if (isItemIndex(key)) {
    int64_t i;
    if (!itemIndex(key, len, "string index out of range", &i)) return Value();
    return strFromCodePoint(asStr(self)->at(i));
  }
  if (isSlice(key)) {
    int64_t start, stop, step, slicelength;
    if (!sliceIndices(key, len, &start, &stop, &step, &slicelength)) return Value();
    if (step == 1) return strSubstring(self, start, start + slicelength);
    if (slicelength <= 0) return emptyStr();
    StrBuilder b;
    b.reserve(static_cast<size_t>(slicelength));
    StrObj* o = asStr(self);
    for (int64_t i = 0, cur = start; i < slicelength; ++i, cur += step) b.push(o->at(cur));
    return b.finish();
  }
  return raisef(exc::TypeError, "string indices must be integers, not '%s'", typeNameOf(key).c_str());
}

int str_contains(Value self, Value item) {
  if (!isStr(item)) {
    raisef(exc::TypeError, "'in <string>' requires string as left operand, not %s", typeNameOf(item).c_str());
    return -1;
  }
  return strFind(self, item, 0, asStr(self)->length) >= 0 ? 1 : 0;
}

Value str_add(Value a, Value b) {
  if (isStr(a) && isStr(b)) return strConcat(a, b);
  if (!isStr(a)) return NotImplemented();
  if (deferToOther(b) && typeOf(b)->slots.nb_add != nullptr) return NotImplemented();
  return raisef(exc::TypeError, "can only concatenate str (not \"%s\") to str", typeNameOf(b).c_str());
}

}  // namespace

namespace strimpl {

bool deferToOther(Value other) { return typeOf(other)->hasFlag(type_flags::kHeapType); }

Value strRepeat(Value s, int64_t count) {
  int64_t n = asStr(s)->length;
  if (count <= 0 || n == 0) return emptyStr();
  if (count == 1 && isExactStr(s)) return s;
  if (n > INT64_MAX / count) return raise(exc::OverflowError, "repeated string is too long");
  int kind = asStr(s)->kind;
  int64_t total = n * count;
  if (total > (INT64_MAX >> 3)) return raiseNoMemory();  // CPython's PyUnicode_New: no str is that long
  StrObj* r = tryAllocStr(kind, total, asStr(s)->ascii);
  if (r == nullptr) return Value();
  char* out = static_cast<char*>(r->data());
  size_t unit_bytes = static_cast<size_t>(n) * kind;
  std::memcpy(out, asStr(s)->data(), unit_bytes);
  size_t done = unit_bytes, all = static_cast<size_t>(total) * kind;
  while (done < all) {
    size_t chunk = done < all - done ? done : all - done;
    std::memcpy(out + done, out, chunk);
    done += chunk;
  }
  return Value(r);
}

Value newStrFromUnitsCopy(Value s, int kind, int64_t n) {
  // An exact str with the units of `s` (any subclass) as they are.
  if (n == 0) return emptyStr();
  if (n == 1 && asStr(s)->at(0) < 256) return strFromCodePoint(asStr(s)->at(0));
  StrObj* r = allocStr(kind, n, asStr(s)->ascii);
  std::memcpy(r->data(), asStr(s)->data(), static_cast<size_t>(n) * kind);
  return Value(r);
}

// Shared by str and bytes: `seq * count` where either side may be the int.
// Returns NotImplemented / raises as CPython's sq_repeat does.
bool repeatCount(Value other, int64_t* count, bool* not_implemented) {
  *not_implemented = false;
  if (other.isSmallInt()) {
    *count = other.asSmallInt();
    return true;
  }
  if (typeOf(other)->slots.nb_index == nullptr) {
    if (deferToOther(other) && typeOf(other)->slots.nb_multiply != nullptr) {
      *not_implemented = true;
      return false;
    }
    raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", typeNameOf(other).c_str());
    return false;
  }
  return indexToInt64(other, count, exc::OverflowError);
}

}  // namespace strimpl

namespace {

Value str_multiply(Value a, Value b) {
  Value s = isStr(a) ? a : b;
  Value other = isStr(a) ? b : a;
  if (!isStr(s)) return NotImplemented();
  int64_t count;
  bool ni;
  if (!repeatCount(other, &count, &ni)) return ni ? NotImplemented() : Value();
  return strRepeat(s, count);
}

Value str_remainder(Value a, Value b) {
  if (!isStr(a)) return NotImplemented();
  return strPercentFormat(a, b);
}

// --- the iterators ---
// As in CPython, an ASCII str gets a str_ascii_iterator, any other a
// str_iterator; the two differ only in name.

struct StrIterObj : Obj {
  gc::HeapValue str;  // null once exhausted
  int64_t index;
};

Type* g_str_nonascii_iterator_type = nullptr;  // "str_iterator"

const uint32_t kStrIterFields[] = {offsetof(StrIterObj, ob_type), offsetof(StrIterObj, str)};
const gc::Layout kStrIterLayout = {.name = "str_ascii_iterator", .fields = kStrIterFields};
const gc::Layout kStrNonAsciiIterLayout = {.name = "str_iterator", .fields = kStrIterFields};

Value str_iter(Value self) {
  Type* type = asStr(self)->ascii ? types::str_iterator_type : g_str_nonascii_iterator_type;
  auto* it = static_cast<StrIterObj*>(newObject(type, sizeof(StrIterObj)));
  it->str.set(self);
  it->index = 0;
  return Value(it);
}

Value striter_iter(Value self) { return self; }

Value striter_next(Value self) {
  auto* it = static_cast<StrIterObj*>(self.asObject());
  Value s = it->str.get();
  if (s.isNull()) return Value();
  if (it->index >= asStr(s)->length) {
    it->str.set(Value());
    return Value();
  }
  return strFromCodePoint(asStr(s)->at(it->index++));
}

Value striter___length_hint__(Value* args) {
  auto* it = static_cast<StrIterObj*>(args[0].asObject());
  Value s = it->str.get();
  if (s.isNull()) return newInt(0);
  int64_t left = asStr(s)->length - it->index;
  return newInt(left < 0 ? 0 : left);
}

Value striter___reduce__(Value* args) {
  auto* it = static_cast<StrIterObj*>(args[0].asObject());
  return containers::reduceIndexIterator("iter", it->str.get(), it->index, emptyStr());
}

// The index is clamped to [0, len]; an exhausted iterator ignores it.
Value striter___setstate__(Value* args) {
  int64_t index;
  if (!containers::stateToIndex(args[1], &index)) return Value();
  auto* it = static_cast<StrIterObj*>(args[0].asObject());
  Value s = it->str.get();
  if (!s.isNull()) it->index = std::clamp<int64_t>(index, 0, asStr(s)->length);
  return None();
}

// --- __new__ ---

const MethodDef kStrNewSignature = {.name = "str",
                                    .signature = "(object=<unrepresentable>, encoding=<unrepresentable>, "
                                                 "errors=<unrepresentable>)"};

Value str_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bindArguments(&kStrNewSignature, Value(), args, nargs, kwnames, a)) return Value();
  Value obj = a[0], encoding = a[1], errors = a[2];
  if (!encoding.isNull() && !isStr(encoding)) {
    return raisef(exc::TypeError, "str() argument 'encoding' must be str, not %s", typeNameOf(encoding).c_str());
  }
  if (!errors.isNull() && !isStr(errors)) {
    return raisef(exc::TypeError, "str() argument 'errors' must be str, not %s", typeNameOf(errors).c_str());
  }
  Value result;
  if (obj.isNull()) {
    result = emptyStr();
  } else if (encoding.isNull() && errors.isNull()) {
    result = str(obj);
  } else {
    if (isStr(obj)) return raise(exc::TypeError, "decoding str is not supported");
    result = strimpl::decodeBytesValue(obj, encoding, errors);
  }
  if (result.isNull() || type == types::str_type) return result;
  // A subclass instance with the same code units.
  StrObj* o = asStr(result);
  int kind = o->kind;
  int64_t n = o->length;
  bool ascii = o->ascii;
  StrObj* r = allocStrOfType(type, kind, n, ascii);
  std::memcpy(r->data(), asStr(result)->data(), static_cast<size_t>(n) * kind);
  return Value(r);
}

// --- methods defined here ---

Value str___format__(Value* args) {
  if (!isStr(args[1])) {
    return raisef(exc::TypeError, "__format__() argument must be str, not %s", typeNameOf(args[1]).c_str());
  }
  return strimpl::strFormatSpec(args[0], args[1]);
}

Value str___getnewargs__(Value* args) {
  StrObj* o = asStr(args[0]);
  Value copy = newStrFromUnitsCopy(args[0], o->kind, o->length);
  return newTupleOf({copy});
}

Value str___sizeof__(Value* args) {
  StrObj* o = asStr(args[0]);
  if (o->ascii) return newInt(49 + o->length);
  return newInt(72 + (o->length + 1) * o->kind);
}

Value str_encode(Value* args) {
  if (!isStr(args[1])) {
    return raisef(exc::TypeError, "encode() argument 'encoding' must be str, not %s", typeNameOf(args[1]).c_str());
  }
  if (!isStr(args[2])) {
    return raisef(exc::TypeError, "encode() argument 'errors' must be str, not %s", typeNameOf(args[2]).c_str());
  }
  return strimpl::encodeStr(args[0], args[1], args[2]);
}

Value str_format(Value* args) { return strimpl::strFormatMethod(args[0], args[1], args[2], Value()); }

Value str_format_map(Value* args) { return strimpl::strFormatMethod(args[0], Value(), Value(), args[1]); }

Value str_join(Value* args) { return strJoin(args[0], args[1]); }

// ---------------------------------------------------------------------------
// Tables

const MethodDef kStrMethods[] = {
    {.name = "__format__", .signature = "($self, format_spec, /)", .fn = str___format__},
    {.name = "__getnewargs__", .signature = "($self, /)", .fn = str___getnewargs__},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = str___sizeof__},
    {.name = "capitalize", .signature = "($self, /)", .fn = str_capitalize},
    {.name = "casefold", .signature = "($self, /)", .fn = str_casefold},
    {.name = "center", .signature = "($self, width, fillchar=' ', /)", .fn = str_center},
    {.name = "count", .signature = "($self, sub, start=None, end=None, /)", .fn = str_count, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "encode", .signature = "($self, /, encoding='utf-8', errors='strict')", .fn = str_encode},
    {.name = "endswith", .signature = "($self, suffix, start=None, end=None, /)", .fn = str_endswith, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "expandtabs", .signature = "($self, /, tabsize=8)", .fn = str_expandtabs},
    {.name = "find", .signature = "($self, sub, start=None, end=None, /)", .fn = str_find, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "format", .signature = "($self, /, *args, **kwargs)", .fn = str_format},
    {.name = "format_map", .signature = "($self, mapping, /)", .fn = str_format_map},
    {.name = "index", .signature = "($self, sub, start=None, end=None, /)", .fn = str_index, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "isalnum", .signature = "($self, /)", .fn = str_isalnum},
    {.name = "isalpha", .signature = "($self, /)", .fn = str_isalpha},
    {.name = "isascii", .signature = "($self, /)", .fn = str_isascii},
    {.name = "isdecimal", .signature = "($self, /)", .fn = str_isdecimal},
    {.name = "isdigit", .signature = "($self, /)", .fn = str_isdigit},
    {.name = "isidentifier", .signature = "($self, /)", .fn = str_isidentifier},
    {.name = "islower", .signature = "($self, /)", .fn = str_islower},
    {.name = "isnumeric", .signature = "($self, /)", .fn = str_isnumeric},
    {.name = "isprintable", .signature = "($self, /)", .fn = str_isprintable},
    {.name = "isspace", .signature = "($self, /)", .fn = str_isspace},
    {.name = "istitle", .signature = "($self, /)", .fn = str_istitle},
    {.name = "isupper", .signature = "($self, /)", .fn = str_isupper},
    {.name = "join", .signature = "($self, iterable, /)", .fn = str_join},
    {.name = "ljust", .signature = "($self, width, fillchar=' ', /)", .fn = str_ljust},
    {.name = "lower", .signature = "($self, /)", .fn = str_lower},
    {.name = "lstrip", .signature = "($self, chars=None, /)", .fn = str_lstrip},
    {.name = "maketrans", .signature = "(x, y=<unrepresentable>, z=<unrepresentable>, /)", .fn = str_maketrans,
     .flags = method_flags::kStaticMethod},
    {.name = "partition", .signature = "($self, sep, /)", .fn = str_partition},
    {.name = "removeprefix", .signature = "($self, prefix, /)", .fn = str_removeprefix},
    {.name = "removesuffix", .signature = "($self, suffix, /)", .fn = str_removesuffix},
    {.name = "replace", .signature = "($self, old, new, count=-1, /)", .fn = str_replace},
    {.name = "rfind", .signature = "($self, sub, start=None, end=None, /)", .fn = str_rfind, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "rindex", .signature = "($self, sub, start=None, end=None, /)", .fn = str_rindex, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "rjust", .signature = "($self, width, fillchar=' ', /)", .fn = str_rjust},
    {.name = "rpartition", .signature = "($self, sep, /)", .fn = str_rpartition},
    {.name = "rsplit", .signature = "($self, /, sep=None, maxsplit=-1)", .fn = str_rsplit},
    {.name = "rstrip", .signature = "($self, chars=None, /)", .fn = str_rstrip},
    {.name = "split", .signature = "($self, /, sep=None, maxsplit=-1)", .fn = str_split},
    {.name = "splitlines", .signature = "($self, /, keepends=False)", .fn = str_splitlines},
    {.name = "startswith", .signature = "($self, prefix, start=None, end=None, /)", .fn = str_startswith, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "strip", .signature = "($self, chars=None, /)", .fn = str_strip},
    {.name = "swapcase", .signature = "($self, /)", .fn = str_swapcase},
    {.name = "title", .signature = "($self, /)", .fn = str_title},
    {.name = "translate", .signature = "($self, table, /)", .fn = str_translate},
    {.name = "upper", .signature = "($self, /)", .fn = str_upper},
    {.name = "zfill", .signature = "($self, width, /)", .fn = str_zfill},
};

const uint32_t kStrFields[] = {offsetof(StrObj, ob_type)};
const gc::Layout kStrLayout = {.name = "str", .fields = kStrFields};

const TypeSpec kStrSpec = {
    .name = "str",
    .type = &types::str_type,
    .layout = &kStrLayout,
    .basic_size = sizeof(StrObj),
    .item_size = 1,
    .flags = type_flags::kBaseType | type_flags::kStrSubclass,
    .slots =
        {
            .tp_repr = str_repr,
            .tp_str = str_str,
            .tp_hash = str_hash,
            .tp_richcompare = str_richcompare,
            .tp_iter = str_iter,
            .tp_new = str_new,
            .nb_add = str_add,
            .nb_multiply = str_multiply,
            .nb_remainder = str_remainder,
            .mp_length = str_len,
            .mp_subscript = str_subscript,
            .sq_contains = str_contains,
        },
    .methods = kStrMethods,
    .doc = "str(object='') -> str\n"
           "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object. If encoding or\n"
           "errors is specified, then the object must expose a data buffer\n"
           "that will be decoded using the given encoding and error handler.\n"
           "Otherwise, returns the result of object.__str__() (if defined)\n"
           "or repr(object).\n"
           "encoding defaults to sys.getdefaultencoding().\n"
           "errors defaults to 'strict'.",
};
TERN_REGISTER_TYPE(kStrSpec);

const MethodDef kStrIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = striter___length_hint__},
    {.name = "__reduce__", .signature = "($self, /)", .fn = striter___reduce__,
     .doc = "Return state information for pickling."},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = striter___setstate__,
     .doc = "Set state information for unpickling."},
};

const TypeSpec kStrIterSpec = {
    .name = "str_ascii_iterator",
    .type = &types::str_iterator_type,
    .layout = &kStrIterLayout,
    .basic_size = sizeof(StrIterObj),
    .slots = {.tp_iter = striter_iter, .tp_iternext = striter_next},
    .methods = kStrIterMethods,
};
TERN_REGISTER_TYPE(kStrIterSpec);

const TypeSpec kStrNonAsciiIterSpec = {
    .name = "str_iterator",
    .type = &g_str_nonascii_iterator_type,
    .layout = &kStrNonAsciiIterLayout,
    .basic_size = sizeof(StrIterObj),
    .slots = {.tp_iter = striter_iter, .tp_iternext = striter_next},
    .methods = kStrIterMethods,
};
TERN_REGISTER_TYPE(kStrNonAsciiIterSpec);

}  // namespace

}  // namespace tern
