// The marshal module (marshal.h): dumps/loads/dump/load and the C++ entry
// points importer.cc uses for the .pyc files of the import bootstrap.
//
// Wire format.  One type byte per value, FLAG_REF (0x80) set on it when the
// value is entered in the reference table (version >= 3), then the payload;
// all integers little-endian.  CPython's codes: '0' end of a dict, 'N' None,
// 'F'/'T' bools, 'S' StopIteration, '.' Ellipsis, 'i' int32, 'I' int64 (read
// only), 'l' big int (int32 signed digit count, then 15-bit digits as
// uint16), 'g'/'y' binary float/complex, 'f'/'x' text float/complex
// (version < 2), 's' bytes (and any buffer), 'u'/'t' str as UTF-8 with
// surrogates (t: interned), 'a'/'A'/'z'/'Z' ASCII str (long/short,
// interned), '('/')' tuple (int32/uint8 length), '[' list, '{' dict, '<'
// set, '>' frozenset, 'r' reference (uint32 index).  Tern's code record is
// 'C' (layout in writeCode); CPython's 'c' is refused.
//
// References.  The writer enters every heap object it writes (not small ints
// and singletons, which have no identity worth keeping) in a table keyed by
// address; a second occurrence is written as 'r'.  Keying by address is
// sound because the writer never allocates on the GC heap: the output is a
// std::string and every input is read in place.  The reader keeps the table
// in a RootVector; containers are entered before their items are read, so
// recursive lists, dicts and sets round-trip, as in CPython.
#include "runtime/modules/marshal.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <locale.h>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/gc/roots.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/opcodes.h"
#include "runtime/interp/position_table.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/pep393.h"
#include "runtime/objects/set.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

namespace bigint = objects::bigint;

constexpr uint8_t kFlagRef = 0x80;
// Nesting deeper than this is refused, as CPython's MAX_MARSHAL_STACK_DEPTH.
constexpr int kMaxDepth = 2000;

// ===========================================================================
// Writing

class Writer {
 public:
  explicit Writer(int version) : version_(version) {}

  // False with an exception pending.
  bool write(Value v) {
    if (++depth_ > kMaxDepth) {
      raise(exc::ValueError, "object too deeply nested to marshal");
      return false;
    }
    bool ok = writeValue(v);
    --depth_;
    return ok;
  }

  std::string& out() { return out_; }

 private:
  void byte(uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void u32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), 4); }
  void i32(int32_t v) { u32(static_cast<uint32_t>(v)); }
  void raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }

  // Writes the type byte of the heap object `o`: a reference when it was
  // written before (true: nothing else to write), else the code with
  // FLAG_REF and a new table entry.
  bool typeOrRef(const gc::Object* o, char code) {
    if (version_ < 3) {
      byte(static_cast<uint8_t>(code));
      return false;
    }
    auto [it, inserted] = refs_.try_emplace(o, static_cast<uint32_t>(refs_.size()));
    if (!inserted) {
      byte('r');
      u32(it->second);
      return true;
    }
    byte(static_cast<uint8_t>(code) | kFlagRef);
    return false;
  }

  bool sizeOk(int64_t n) {
    if (n > INT32_MAX) {
      raise(exc::ValueError, "unmarshallable object");
      return false;
    }
    return true;
  }

  // CPython's 'l': the digit count (negative for negative numbers), then
  // the magnitude in 15-bit digits, least significant first.
  void writeLong(bool negative, bigint::Mag mag) {
    uint64_t bits = bigint::bit_length(mag);
    uint64_t ndigits = (bits + 14) / 15;
    i32(static_cast<int32_t>(negative ? -static_cast<int64_t>(ndigits) : static_cast<int64_t>(ndigits)));
    for (uint64_t d = 0; d < ndigits; ++d) {
      uint64_t bit = d * 15;
      size_t limb = bit / bigint::kLimbBits;
      unsigned shift = bit % bigint::kLimbBits;
      uint64_t v = mag[limb] >> shift;
      if (shift > bigint::kLimbBits - 15 && limb + 1 < mag.size()) v |= mag[limb + 1] << (bigint::kLimbBits - shift);
      uint16_t digit = static_cast<uint16_t>(v & 0x7fff);
      raw(&digit, 2);
    }
  }

  void writeInt64(int64_t n) {
    if (n >= INT32_MIN && n <= INT32_MAX) {
      byte('i');
      i32(static_cast<int32_t>(n));
      return;
    }
    uint64_t mag = n < 0 ? -static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    bigint::Limb limb = mag;
    byte('l');  // a small int has no identity: never a reference
    writeLong(n < 0, bigint::Mag(&limb, 1));
  }

  // "%.17g" as PyOS_double_to_string writes it, whatever LC_NUMERIC says
  // (snprintf would write "1,5" under a German locale).
  void writeDoubleText(double d) {
    char text[64];
    int n = static_cast<int>(std::to_chars(text, text + sizeof text, d, std::chars_format::general, 17).ptr - text);
    if (std::isinf(d)) n = std::snprintf(text, sizeof text, d > 0 ? "inf" : "-inf");
    if (std::isnan(d)) n = std::snprintf(text, sizeof text, "nan");
    byte(static_cast<uint8_t>(n));
    raw(text, static_cast<size_t>(n));
  }

  bool writeStr(Value v) {
    StrObj* s = asStr(v);
    bool interned = s->interned != 0 && version_ >= 1;
    if (s->ascii && version_ >= 4) {
      bool short_form = s->length < 256;
      char code = short_form ? (interned ? 'Z' : 'z') : (interned ? 'A' : 'a');
      if (typeOrRef(s, code)) return true;
      if (!sizeOk(s->length)) return false;
      if (short_form) {
        byte(static_cast<uint8_t>(s->length));
      } else {
        u32(static_cast<uint32_t>(s->length));
      }
      raw(s->data(), static_cast<size_t>(s->length));
      return true;
    }
    if (typeOrRef(s, interned ? 't' : 'u')) return true;
    std::string utf8 = strToUtf8(v);  // surrogates as 3-byte forms, as surrogatepass
    if (!sizeOk(static_cast<int64_t>(utf8.size()))) return false;
    u32(static_cast<uint32_t>(utf8.size()));
    out_ += utf8;
    return true;
  }

  bool writeItems(Value seq, int64_t n, bool is_list) {
    for (int64_t i = 0; i < n; ++i) {
      if (!write(is_list ? listItem(seq, i) : tupleItem(seq, i))) return false;
    }
    return true;
  }

  bool writeCode(Value v);

  bool writeValue(Value v) {
    if (v.isNull()) {
      byte('0');
      return true;
    }
    if (v.isSmallInt()) {
      writeInt64(v.asSmallInt());
      return true;
    }
    char singleton = v == None()                          ? 'N'
                     : v == True()                        ? 'T'
                     : v == False()                       ? 'F'
                     : v == Value(singletons::Ellipsis)   ? '.'
                     : v == typeValue(exc::StopIteration) ? 'S'
                                                          : '\0';
    if (singleton != '\0') {
      byte(static_cast<uint8_t>(singleton));
      return true;
    }
    gc::Object* o = v.asObject();
    Type* type = typeOf(v);
    if (type == types::int_type) {
      if (typeOrRef(o, 'l')) return true;
      // A big int: small values are tagged (int.h), so this is beyond int64 or
      // at least beyond int32; both fit 'l'.  The type byte is already out.
      IntObj* i = static_cast<IntObj*>(o);
      writeLong(i->negative(), i->mag());
      return true;
    }
    if (type == types::float_type) {
      if (typeOrRef(o, version_ >= 2 ? 'g' : 'f')) return true;
      double d = floatValue(v);
      if (version_ >= 2) {
        raw(&d, 8);
      } else {
        writeDoubleText(d);
      }
      return true;
    }
    if (type == types::complex_type) {
      if (typeOrRef(o, version_ >= 2 ? 'y' : 'x')) return true;
      double re = asComplex(v)->real, im = asComplex(v)->imag;
      if (version_ >= 2) {
        raw(&re, 8);
        raw(&im, 8);
      } else {
        writeDoubleText(re);
        writeDoubleText(im);
      }
      return true;
    }
    if (type == types::str_type) return writeStr(v);
    if (type == types::tuple_type) {
      int64_t n = tupleLength(v);
      bool short_form = n < 256 && version_ >= 4;
      if (typeOrRef(o, short_form ? ')' : '(')) return true;
      if (!sizeOk(n)) return false;
      if (short_form) {
        byte(static_cast<uint8_t>(n));
      } else {
        u32(static_cast<uint32_t>(n));
      }
      return writeItems(v, n, false);
    }
    if (type == types::list_type) {
      if (typeOrRef(o, '[')) return true;
      int64_t n = listLength(v);
      if (!sizeOk(n)) return false;
      u32(static_cast<uint32_t>(n));
      return writeItems(v, n, true);
    }
    if (type == types::dict_type) {
      if (typeOrRef(o, '{')) return true;
      int64_t pos = 0;
      Value key, value;
      while (dictNext(v, &pos, &key, &value)) {
        if (!write(key) || !write(value)) return false;
      }
      byte('0');
      return true;
    }
    if (type == types::set_type || type == types::frozenset_type) {
      if (typeOrRef(o, type == types::set_type ? '<' : '>')) return true;
      int64_t n = setSize(v);
      if (!sizeOk(n)) return false;
      u32(static_cast<uint32_t>(n));
      int64_t pos = 0;
      Value key;
      while (setNext(v, &pos, &key)) {
        if (!write(key)) return false;
      }
      return true;
    }
    if (type == types::code_type) return writeCode(v);
    // Anything else exporting a buffer (bytes, bytearray, memoryview, and
    // their subclasses) is written as bytes.
    std::string_view view;
    std::string copy;
    if (!bytesLikeView(v, &view) && !bufferContiguousView(v, &view)) {
      if (!hasBuffer(v)) {
        raise(exc::ValueError, "unmarshallable object");
        return false;
      }
      if (!bufferCopyBytes(v, &copy)) return false;
      view = copy;
    }
    if (typeOrRef(o, 's')) return true;
    if (!sizeOk(static_cast<int64_t>(view.size()))) return false;
    u32(static_cast<uint32_t>(view.size()));
    raw(view.data(), view.size());
    return true;
  }

  int version_;
  int depth_ = 0;
  std::string out_;
  std::unordered_map<const gc::Object*, uint32_t> refs_;
};

// Tern's code record, after the type byte:
//   u32 kBytecodeFingerprint
//   i32 argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, firstlineno
//   u32 flags, ninstr, nexc, nlocalsplus, pos_size
//   consts, names, localsplusnames, varnames, cellvars, freevars (tuples),
//   filename, name, qualname (str)
//   the raw arrays as they sit in the object: ninstr instruction words,
//   nexc exception-table entries (start, end, target, depth << 1 | lasti),
//   the position table (pos_size bytes, position_table.h), nlocalsplus kind bytes.
// The inline caches (`cache`) and co_code are not stored: both are made on
// demand.
bool Writer::writeCode(Value v) {
  if (typeOrRef(v.asObject(), 'C')) return true;
  CodeObj* c = asCode(v);  // code objects never move
  u32(kBytecodeFingerprint);
  for (int32_t x : {c->argcount, c->posonlyargcount, c->kwonlyargcount, c->nlocals, c->stacksize, c->firstlineno}) {
    i32(x);
  }
  for (uint32_t x : {c->flags, c->ninstr, c->nexc, static_cast<uint32_t>(c->nlocalsplus), c->pos_size}) u32(x);
  for (gc::HeapValue CodeObj::*f : {&CodeObj::consts, &CodeObj::names, &CodeObj::localsplusnames,
                                    &CodeObj::varnames, &CodeObj::cellvars, &CodeObj::freevars, &CodeObj::filename,
                                    &CodeObj::name, &CodeObj::qualname}) {
    if (!write((c->*f).get())) return false;
  }
  raw(c->code(), c->ninstr * sizeof(uint32_t));
  for (uint32_t i = 0; i < c->nexc; ++i) {
    const ExceptionTableEntry& e = c->exceptionTable()[i];
    for (uint32_t x : {e.start, e.end, e.target, (static_cast<uint32_t>(e.depth) << 1) | e.push_lasti}) u32(x);
  }
  raw(c->positionTable(), c->pos_size);
  raw(c->kinds(), static_cast<size_t>(c->nlocalsplus));
  return true;
}

// ===========================================================================
// Reading

Value badData(const char* what) { return raisef(exc::ValueError, "bad marshal data (%s)", what); }

class Reader {
 public:
  // From memory that does not move while the reader lives: a copy, or the
  // storage of a heap object, pinned by data_ (a word in this stack object,
  // DESIGN.md §3) while the object stays referenced.
  Reader(const char* data, size_t size) : data_(data), size_(size) {}
  // From a binary file object: read(n) calls.
  explicit Reader(Value file) : file_(file) {}

  size_t consumed() const { return pos_; }

  Value read() {
    if (++depth_ > kMaxDepth) {
      --depth_;
      return badData("recursion limit exceeded");
    }
    Value v = readValue();
    --depth_;
    return v;
  }

 private:
  // Points *p at the next n bytes; false with EOFError pending when there
  // are fewer.
  bool take(size_t n, const char** p) {
    if (!file_.isNull()) return takeFromFile(n, p);
    if (size_ - pos_ < n) {
      raise(exc::EOFError, "marshal data too short");
      return false;
    }
    *p = data_ + pos_;
    pos_ += n;
    return true;
  }

  bool takeFromFile(size_t n, const char** p) {
    buffer_.clear();
    while (buffer_.size() < n) {
      Value want = newInt(static_cast<int64_t>(n - buffer_.size()));
      Value got = callMethod(file_, internStr("read"), &want, 1);
      if (got.isNull()) return false;
      if (!isBytes(got)) {
        raisef(exc::TypeError, "file.read() returned not bytes but %s", typeNameOf(got).c_str());
        return false;
      }
      if (bytesLength(got) == 0) {
        raise(exc::EOFError, "marshal data too short");
        return false;
      }
      buffer_.append(asBytes(got)->view());
    }
    if (buffer_.size() > n) {
      raisef(exc::ValueError, "read() returned too much data: %zu bytes requested, %zu returned", n, buffer_.size());
      return false;
    }
    pos_ += n;
    *p = buffer_.data();
    return true;
  }

  bool u8(uint8_t* v) {
    const char* p;
    if (!take(1, &p)) return false;
    *v = static_cast<uint8_t>(*p);
    return true;
  }
  bool u32(uint32_t* v) {
    const char* p;
    if (!take(4, &p)) return false;
    std::memcpy(v, p, 4);
    return true;
  }
  bool i32(int32_t* v) {
    uint32_t u;
    if (!u32(&u)) return false;
    *v = static_cast<int32_t>(u);
    return true;
  }
  bool f64(double* v) {
    const char* p;
    if (!take(8, &p)) return false;
    std::memcpy(v, p, 8);
    return true;
  }
  // A count of items that take at least `min_bytes` each: refused when the
  // rest of an in-memory input cannot hold them, before anything of that size
  // is allocated (with the error reading them would end in).
  bool size32(int64_t* n, const char* what, size_t min_bytes = 1) {
    int32_t v;
    if (!i32(&v)) return false;
    if (v < 0) {
      badData(what);
      return false;
    }
    if (file_.isNull() && static_cast<uint64_t>(v) * min_bytes > size_ - pos_) {
      raise(exc::EOFError, "EOF read where object expected");
      return false;
    }
    *n = v;
    return true;
  }

  // Reference table: a slot is reserved before a container's items are
  // read (CPython's r_ref_reserve) and filled once the object exists.
  int64_t reserve(bool flag) {
    if (!flag) return -1;
    refs_.push_back(None());
    return static_cast<int64_t>(refs_.size()) - 1;
  }
  Value fill(int64_t slot, Value v) {
    if (slot >= 0 && !v.isNull()) refs_.set(static_cast<size_t>(slot), v);
    return v;
  }

  Value readLong() {
    int32_t n;
    if (!i32(&n)) return Value();
    if (n < -(INT32_MAX / 15) || n > INT32_MAX / 15) return badData("long size out of range");
    size_t ndigits = static_cast<size_t>(n < 0 ? -static_cast<int64_t>(n) : n);
    if (file_.isNull() && ndigits * 2 > size_ - pos_) return raise(exc::EOFError, "marshal data too short");
    std::vector<bigint::Limb> limbs((ndigits * 15 + bigint::kLimbBits - 1) / bigint::kLimbBits + 1, 0);
    uint16_t last = 0;
    for (size_t d = 0; d < ndigits; ++d) {
      const char* p;
      if (!take(2, &p)) return Value();
      uint16_t digit;
      std::memcpy(&digit, p, 2);
      if (digit > 0x7fff) return badData("digit out of range in long");
      uint64_t bit = d * 15;
      size_t limb = bit / bigint::kLimbBits;
      unsigned shift = bit % bigint::kLimbBits;
      limbs[limb] |= static_cast<bigint::Limb>(digit) << shift;
      if (shift > bigint::kLimbBits - 15) limbs[limb + 1] |= static_cast<bigint::Limb>(digit) >> (bigint::kLimbBits - shift);
      last = digit;
    }
    if (ndigits > 0 && last == 0) return badData("unnormalized long data");
    size_t len = bigint::normalized_length(bigint::Mag(limbs.data(), limbs.size()));
    return newIntFromMag(n < 0, bigint::Mag(limbs.data(), len));
  }

  Value readDoubleText(double* out) {
    uint8_t n;
    const char* p;
    if (!u8(&n) || !take(n, &p)) return Value();
    // strtod in the C locale: plain strtod reads LC_NUMERIC's decimal point.
    static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
    std::string text(p, n);
    char* end = nullptr;
    *out = strtod_l(text.c_str(), &end, c_locale);
    if (end != text.c_str() + text.size()) return badData("invalid float");
    return None();
  }

  Value readStr(size_t n, bool ascii, bool interned) {
    const char* p;
    if (!take(n, &p)) return Value();
    std::string_view text(p, n);
    bool is_ascii = objects::ascii_prefix_length(text) == n;
    if (ascii && !is_ascii) return badData("non-ASCII byte in an ASCII string");
    if (interned) {
      if (is_ascii) return internAscii(text);
      Value s = strimpl::decodeBytes(std::string(text), internStr("utf-8"), internStr("surrogatepass"));
      return s.isNull() ? s : intern(s);
    }
    if (is_ascii) return newAsciiStr(text);
    // decodeBytes validates (and reads from memory that must not move).
    return strimpl::decodeBytes(std::string(text), internStr("utf-8"), internStr("surrogatepass"));
  }

  Value readCode(bool flag);

  Value readValue() {
    uint8_t code;
    if (!u8(&code)) {
      if (errorMatches(exc::EOFError)) {
        clearError();
        raise(exc::EOFError, "EOF read where object expected");
      }
      return Value();
    }
    return readBody(code);
  }

  // The value whose type byte `code` was just read.
  Value readBody(uint8_t code) {
    bool flag = (code & kFlagRef) != 0;
    code &= static_cast<uint8_t>(~kFlagRef);
    switch (code) {
      case '0':  // valid only as a dict's end, which the dict reads itself
        return raise(exc::TypeError, "NULL object in marshal data for object");
      case 'N': return None();
      case 'F': return False();
      case 'T': return True();
      case '.': return Value(singletons::Ellipsis);
      case 'S': return typeValue(exc::StopIteration);
      case 'i': {
        int32_t v;
        if (!i32(&v)) return Value();
        return fill(reserve(flag), newInt(v));
      }
      case 'I': {
        const char* p;
        if (!take(8, &p)) return Value();
        int64_t v;
        std::memcpy(&v, p, 8);
        return fill(reserve(flag), newInt(v));
      }
      case 'l': {
        int64_t slot = reserve(flag);
        return fill(slot, readLong());
      }
      case 'g': {
        double d;
        if (!f64(&d)) return Value();
        return fill(reserve(flag), newFloat(d));
      }
      case 'f': {
        double d;
        if (readDoubleText(&d).isNull()) return Value();
        return fill(reserve(flag), newFloat(d));
      }
      case 'y': {
        double re, im;
        if (!f64(&re) || !f64(&im)) return Value();
        return fill(reserve(flag), newComplex(re, im));
      }
      case 'x': {
        double re, im;
        if (readDoubleText(&re).isNull() || readDoubleText(&im).isNull()) return Value();
        return fill(reserve(flag), newComplex(re, im));
      }
      case 's': {
        int64_t n;
        const char* p;
        if (!size32(&n, "bytes object size out of range", 0) || !take(static_cast<size_t>(n), &p)) return Value();
        return fill(reserve(flag), newBytes(p, n));
      }
      case 'u':
      case 't': {
        int64_t n;
        if (!size32(&n, "string size out of range", 0)) return Value();
        return fill(reserve(flag), readStr(static_cast<size_t>(n), false, code == 't'));
      }
      case 'a':
      case 'A': {
        int64_t n;
        if (!size32(&n, "string size out of range", 0)) return Value();
        return fill(reserve(flag), readStr(static_cast<size_t>(n), true, code == 'A'));
      }
      case 'z':
      case 'Z': {
        uint8_t n;
        if (!u8(&n)) return Value();
        return fill(reserve(flag), readStr(n, true, code == 'Z'));
      }
      case '(':
      case ')': {
        int64_t n;
        if (code == ')') {
          uint8_t small;
          if (!u8(&small)) return Value();
          n = small;
        } else if (!size32(&n, "tuple size out of range")) {
          return Value();
        }
        // Entered before its items, as CPython does: a reference to it from
        // inside (only hand-made data has one) sees the tuple itself.
        Value t = newTuple(n);
        fill(reserve(flag), t);
        for (int64_t i = 0; i < n; ++i) {
          Value item = read();
          if (item.isNull()) return item;
          tupleInit(t, i, item);
        }
        return t;
      }
      case '[': {
        int64_t n;
        if (!size32(&n, "list size out of range")) return Value();
        Value list = newList(n);
        fill(reserve(flag), list);
        for (int64_t i = 0; i < n; ++i) {
          Value item = read();
          if (item.isNull()) return item;
          if (!listAppend(list, item)) return Value();
        }
        return list;
      }
      case '{': {
        Value dict = newDict();
        fill(reserve(flag), dict);
        for (;;) {
          uint8_t key_code;
          if (!u8(&key_code)) return Value();
          if (key_code == '0') return dict;  // the end
          if (++depth_ > kMaxDepth) return badData("recursion limit exceeded");
          Value key = readBody(key_code);
          --depth_;
          if (key.isNull()) return key;
          Value value = read();
          if (value.isNull()) return value;
          if (dictSet(dict, key, value) < 0) return Value();
        }
      }
      case '<':
      case '>': {
        int64_t n;
        if (!size32(&n, "set size out of range")) return Value();
        if (code == '<') {
          Value set = newSet();
          if (set.isNull()) return set;
          fill(reserve(flag), set);
          for (int64_t i = 0; i < n; ++i) {
            Value item = read();
            if (item.isNull()) return item;
            if (setAdd(set, item) < 0) return Value();
          }
          return set;
        }
        int64_t slot = reserve(flag);
        Value items = newTuple(n);
        for (int64_t i = 0; i < n; ++i) {
          Value item = read();
          if (item.isNull()) return item;
          tupleInit(items, i, item);
        }
        return fill(slot, newFrozenSet(items));
      }
      case 'r': {
        uint32_t index;
        if (!u32(&index)) return Value();
        if (index >= refs_.size()) return badData("invalid reference");
        return refs_[index];
      }
      case 'C': return readCode(flag);
      case 'c':
        return badData("a CPython code object: Tern runs only code compiled by Tern; delete the .pyc file");
      default: return badData("unknown type code");
    }
  }

  const char* data_ = nullptr;
  size_t size_ = 0;
  size_t pos_ = 0;
  Value file_;
  std::string buffer_;
  int depth_ = 0;
  gc::RootVector refs_;
};

// Whether every instruction's operand indexes the tables it names, and the
// exception table and slot kinds make sense: code is run without further
// checks, so a record that passed the fingerprint but is damaged must not
// reach the interpreter.
const char* checkCode(const CodeObj* c) {
  int64_t nconsts = tupleLength(c->consts.get());
  int64_t nnames = tupleLength(c->names.get());
  for (uint32_t i = 0; i < c->ninstr; ++i) {
    uint32_t insn = c->code()[i];
    if ((insn & 0xff) >= static_cast<uint32_t>(interp::kNumOps)) return "unknown opcode";
    interp::Op op = interp::opOf(insn);
    uint32_t flags = interp::opFlags(op);
    uint32_t arg = interp::argOf(insn);
    if ((flags & interp::kJump) && arg >= c->ninstr) return "jump out of range";
    if ((flags & interp::kConst) && arg >= nconsts) return "constant index out of range";
    if (flags & interp::kName) {
      uint32_t index = op == interp::Op::LOAD_GLOBAL ? arg >> 1 : arg;
      if (index >= nnames) return "name index out of range";
    }
    if ((flags & interp::kLocal) && arg >= static_cast<uint32_t>(c->nlocals)) return "local index out of range";
    if ((flags & interp::kFree) && arg >= static_cast<uint32_t>(c->nlocalsplus)) return "cell index out of range";
  }
  for (uint32_t i = 0; i < c->nexc; ++i) {
    const ExceptionTableEntry& e = c->exceptionTable()[i];
    if (e.start >= e.end || e.end > c->ninstr || e.target >= c->ninstr ||
        static_cast<int32_t>(e.depth) > c->stacksize) {
      return "exception table entry out of range";
    }
    if (i > 0 && c->exceptionTable()[i - 1].end > e.start) return "exception table not sorted";
  }
  for (int32_t i = 0; i < c->nlocalsplus; ++i) {
    uint8_t k = c->kinds()[i];
    if (k != kFastLocal && k != kFastCell && k != kFastFree && k != (kFastLocal | kFastCell)) {
      return "invalid local kind";
    }
  }
  return nullptr;
}

Value Reader::readCode(bool flag) {
  int64_t slot = reserve(flag);
  uint32_t fingerprint;
  if (!u32(&fingerprint)) return Value();
  if (fingerprint != kBytecodeFingerprint) {
    return badData("code object from another Tern build (bytecode fingerprint differs); delete the .pyc file");
  }
  int32_t ints[6];
  for (int32_t& x : ints) {
    if (!i32(&x)) return Value();
  }
  uint32_t words[5];
  for (uint32_t& x : words) {
    if (!u32(&x)) return Value();
  }
  uint32_t flags = words[0], ninstr = words[1], nexc = words[2], nlocalsplus = words[3], pos_size = words[4];
  if (ninstr > interp::kMaxArg || nexc > ninstr || nlocalsplus > interp::kMaxArg) return badData("code size out of range");
  // A record takes at most 4 varints of 5 bytes; the index 8 bytes a block.
  uint64_t index_bytes = uint64_t{(ninstr + kPositionBlock - 1) / kPositionBlock} * 8;
  if (pos_size < index_bytes || pos_size > index_bytes + uint64_t{ninstr} * 20) {
    return badData("position table size out of range");
  }
  for (int k = 0; k < 5; ++k) {
    if (ints[k] < 0) return badData("negative code field");
  }
  Value objs[9];
  for (Value& o : objs) {
    o = read();
    if (o.isNull()) return o;
  }
  for (int k = 0; k < 6; ++k) {
    if (!isExactTuple(objs[k])) return badData("code field is not a tuple");
    if (k == 0) continue;
    for (int64_t i = 0; i < tupleLength(objs[k]); ++i) {
      if (!isExactStr(tupleItem(objs[k], i))) return badData("code name is not a str");
    }
  }
  for (int k = 6; k < 9; ++k) {
    if (!isExactStr(objs[k])) return badData("code field is not a str");
  }
  if (tupleLength(objs[2]) != nlocalsplus || tupleLength(objs[3]) != ints[3] ||
      ints[0] + ints[2] + ((flags & code_flags::kVarargs) ? 1 : 0) + ((flags & code_flags::kVarkeywords) ? 1 : 0) >
          ints[3] ||
      ints[1] > ints[0]) {
    return badData("inconsistent code counts");
  }
  size_t raw_size = ninstr * sizeof(uint32_t) + nexc * 16 + pos_size + nlocalsplus;
  // Read in place: the bytes stay put while the code object is allocated (the
  // input does not move, and only the next take() refills the file buffer).
  const char* r;
  if (!take(raw_size, &r)) return Value();
  CodeObj* c = allocateCode(ninstr, nexc, pos_size, nlocalsplus);
  if (c == nullptr) return Value();
  c->consts.set(objs[0]);
  c->names.set(objs[1]);
  c->localsplusnames.set(objs[2]);
  c->varnames.set(objs[3]);
  c->cellvars.set(objs[4]);
  c->freevars.set(objs[5]);
  c->filename.set(objs[6]);
  c->name.set(objs[7]);
  c->qualname.set(objs[8]);
  c->argcount = ints[0];
  c->posonlyargcount = ints[1];
  c->kwonlyargcount = ints[2];
  c->nlocals = ints[3];
  c->stacksize = ints[4];
  c->firstlineno = ints[5];
  c->flags = flags;
  c->ncells = static_cast<int32_t>(tupleLength(objs[4]));
  c->nfrees = static_cast<int32_t>(tupleLength(objs[5]));
  std::memcpy(c->bytes() + c->code_offset, r, ninstr * sizeof(uint32_t));
  r += ninstr * sizeof(uint32_t);
  auto* exc = reinterpret_cast<ExceptionTableEntry*>(c->bytes() + c->exc_offset);
  for (uint32_t i = 0; i < nexc; ++i) {
    uint32_t e[4];
    std::memcpy(e, r, 16);
    r += 16;
    exc[i].start = e[0];
    exc[i].end = e[1];
    exc[i].target = e[2];
    exc[i].depth = e[3] >> 1;
    exc[i].push_lasti = e[3] & 1;
  }
  std::memcpy(c->bytes() + c->pos_offset, r, pos_size);
  r += pos_size;
  std::memcpy(c->bytes() + c->kinds_offset, r, nlocalsplus);
  int32_t cells = 0, frees = 0;
  for (uint32_t i = 0; i < nlocalsplus; ++i) {
    cells += (c->kinds()[i] & kFastCell) != 0;
    frees += (c->kinds()[i] & kFastFree) != 0;
  }
  if (cells != c->ncells || frees != c->nfrees) return badData("inconsistent code counts");
  if (const char* problem = checkCode(c)) return badData(problem);
  return fill(slot, Value(static_cast<Obj*>(c)));
}

// ===========================================================================
// The module

bool versionArg(Value v, int* out) {
  int64_t n;
  if (!isInt(v)) {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(v).c_str());
    return false;
  }
  if (!intToInt64(v, &n)) return false;
  *out = static_cast<int>(n < INT32_MIN ? INT32_MIN : n > INT32_MAX ? INT32_MAX : n);
  return true;
}

Value marshal_dumps(Value* args) {
  int version;
  if (!versionArg(args[2], &version)) return Value();
  return marshalDumps(args[1], version);
}

Value marshal_dump(Value* args) {
  int version;
  if (!versionArg(args[3], &version)) return Value();
  Value data = marshalDumps(args[1], version);
  if (data.isNull()) return data;
  Value r = callMethod(args[2], internStr("write"), &data, 1);
  if (r.isNull()) return r;
  return None();
}

Value marshal_loads(Value* args) {
  // Read in place (importlib passes a memoryview of the whole .pyc): the
  // reader's pointer pins the storage, and args[1] keeps it referenced.
  std::string_view view;
  if (bytesLikeView(args[1], &view) || bufferContiguousView(args[1], &view)) {
    return marshalLoads(view.data(), view.size());
  }
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  return marshalLoads(data.data(), data.size());
}

Value marshal_load(Value* args) {
  Value file = args[1];
  // As CPython, a file whose read() does not give bytes is refused first.
  Value zero = newInt(0);
  Value probe = callMethod(file, internStr("read"), &zero, 1);
  if (probe.isNull()) return probe;
  if (!isBytes(probe)) {
    return raisef(exc::TypeError, "file.read() returned not bytes but %s", typeNameOf(probe).c_str());
  }
  Reader reader(file);
  return reader.read();
}

const MethodDef kMarshalFunctions[] = {
    {.name = "dumps",
     .signature = "($module, value, version=4, /)",
     .fn = marshal_dumps,
     .doc = "Return the bytes object that would be written to a file by dump(value, file).\n\n  value\n    Must be a "
            "supported type.\n  version\n    Indicates the data format that dumps should use.\n\nRaise a ValueError "
            "exception if value has (or contains an object that has) an\nunsupported type."},
    {.name = "loads",
     .signature = "($module, bytes, /)",
     .fn = marshal_loads,
     .doc = "Convert the bytes-like object to a value.\n\nIf no valid value is found, raise EOFError, ValueError or "
            "TypeError.  Extra\nbytes in the input are ignored."},
    {.name = "dump",
     .signature = "($module, value, file, version=4, /)",
     .fn = marshal_dump,
     .doc = "Write the value on the open file.\n\n  value\n    Must be a supported type.\n  file\n    Must be a "
            "writeable binary file.\n  version\n    Indicates the data format that dump should use."},
    {.name = "load",
     .signature = "($module, file, /)",
     .fn = marshal_load,
     .doc = "Read one value from the open file and return it.\n\n  file\n    Must be readable binary file."},
};

bool marshalInit(Value module) {
  return dictSet(moduleDict(module), internStr("version"), newInt(kMarshalVersion)) == 0;
}

const NativeModuleDef kMarshalModule = {
    .name = "marshal",
    .methods = kMarshalFunctions,
    .init = marshalInit,
    .doc = "This module contains functions that can read and write Python values in\na binary format. The format is "
           "specific to Python, but independent of\nmachine architecture issues.\n\nTern's code objects are stored "
           "in a format of Tern's own: marshal data holding\ncode objects is not interchangeable with CPython's.",
};
TERN_REGISTER_MODULE(kMarshalModule);

}  // namespace

std::string pycMagicNumber() {
  std::string magic(4, '\0');
  magic[0] = static_cast<char>(kPycMagicWord & 0xff);
  magic[1] = static_cast<char>(kPycMagicWord >> 8);
  magic[2] = '\r';
  magic[3] = '\n';
  return magic;
}

Value marshalDumps(Value value, int version) {
  Writer writer(version);
  if (!writer.write(value)) return Value();
  return newBytes(writer.out());
}

Value marshalLoads(const char* data, size_t size, size_t* consumed) {
  Reader reader(data, size);
  Value v = reader.read();
  if (consumed != nullptr) *consumed = reader.consumed();
  return v;
}

}  // namespace tern
