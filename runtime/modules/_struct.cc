// The _struct module: packing Python values into C structs described by a
// format string ("<hI2s") and back; what struct.py re-exports.
//
// A format is parsed into Items (code, count, offset) on every use: formats
// are short and parsing them is cheaper than keeping a parsed form outside
// the heap alive for the Struct object.  Packing writes into a std::string
// first (converting arguments may run Python code and allocate), and only
// then copies into the destination buffer, whose address is re-derived after
// the last allocation (buffer.h).
//
// Byte orders: '@' native sizes and alignment, '=' '<' standard sizes
// little-endian, '>' '!' big-endian.  The range-error messages follow
// CPython 3.11 exactly, including its quirks: on a little-endian machine the
// standard little-endian table shares the native packers for the codes whose
// sizes agree (so "<h" reports "short format requires ..."), and big-endian
// 8-byte integers report "int too large to convert".
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* g_struct_type = nullptr;
Type* g_unpack_iter_type = nullptr;
gc::GlobalRoot g_struct_error;  // struct.error

Value structError(const std::string& message) {
  return raise(static_cast<Type*>(g_struct_error.get().asObject()), message);
}

// ===========================================================================
// Format parsing

enum class Order { kNative, kLittle, kBig };

struct Item {
  char code;
  int64_t count;   // repeat count (for 's'/'p': the byte length; items: 1 each)
  int64_t offset;  // byte offset of the first of them
  int64_t size;    // size of one (for 's'/'p': 1)
};

struct Format {
  Order order = Order::kNative;
  std::vector<Item> items;
  int64_t size = 0;
  int64_t nvalues = 0;  // how many Python values pack takes
};

// Size of one item of `code` in `order`, 0 for an unknown code.
int64_t codeSize(char code, Order order) {
  bool native = order == Order::kNative;
  switch (code) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
      return 1;
    case 'h': case 'H': case 'e':
      return 2;
    case 'i': case 'I': case 'f':
      return 4;
    case 'l': case 'L':
      return native ? 8 : 4;
    case 'q': case 'Q': case 'd':
      return 8;
    case 'n': case 'N': case 'P':
      return native ? 8 : 0;
    default:
      return 0;
  }
}

// Parses `text` (the format as bytes); false with struct.error pending.
bool parseFormat(std::string_view text, Format* out) {
  size_t i = 0;
  if (text.find('\0') != std::string_view::npos) {
    structError("embedded null character");
    return false;
  }
  if (i < text.size()) {
    switch (text[i]) {
      case '@': out->order = Order::kNative; ++i; break;
      case '=': case '<': out->order = Order::kLittle; ++i; break;
      case '>': case '!': out->order = Order::kBig; ++i; break;
      default: break;
    }
  }
  int64_t offset = 0;
  const int64_t kLimit = INT64_MAX / 2;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    int64_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (count > (kLimit - 9) / 10) {
          structError("total struct size too long");
          return false;
        }
        count = count * 10 + (text[i] - '0');
        ++i;
      }
      if (i >= text.size()) {
        structError("repeat count given without format specifier");
        return false;
      }
      c = text[i];
    }
    ++i;
    int64_t size = codeSize(c, out->order);
    if (size == 0) {
      structError("bad char in struct format");
      return false;
    }
    if (out->order == Order::kNative && c != 's' && c != 'p' && c != 'x' && c != 'c') {
      offset = (offset + size - 1) / size * size;  // native alignment
    }
    if (count > 0 && size > (kLimit - offset) / count) {
      structError("total struct size too long");
      return false;
    }
    out->items.push_back({c, count, offset, size});
    offset += size * count;
    if (c == 's' || c == 'p') {
      out->nvalues += 1;
    } else if (c != 'x') {
      out->nvalues += count;
    }
  }
  out->size = offset;
  return true;
}

// The format argument (str or bytes) as bytes; false with TypeError pending.
bool formatText(Value fmt, std::string* out) {
  if (isStr(fmt)) {
    *out = strToUtf8(fmt);
    return true;
  }
  if (isBytes(fmt)) {
    *out = std::string(asBytes(fmt)->view());
    return true;
  }
  raisef(exc::TypeError, "Struct() argument 1 must be a str or bytes object, not %s", typeNameOf(fmt).c_str());
  return false;
}

// ===========================================================================
// Packing

void putInt(char* p, uint64_t v, int64_t size, bool big) {
  for (int64_t k = 0; k < size; ++k) {
    int64_t shift = big ? 8 * (size - 1 - k) : 8 * k;
    p[k] = static_cast<char>((v >> shift) & 0xff);
  }
}

uint64_t getInt(const char* p, int64_t size, bool big) {
  uint64_t v = 0;
  for (int64_t k = 0; k < size; ++k) {
    int64_t shift = big ? 8 * (size - 1 - k) : 8 * k;
    v |= static_cast<uint64_t>(static_cast<uint8_t>(p[k])) << shift;
  }
  return v;
}

// The integer argument: an exact int, via __index__; struct.error when it
// has none.
Value integerArg(Value v) {
  if (!isInt(v)) {
    Value idx = lookupSpecial(typeOf(v), names::__index__);
    if (idx.isNull()) {
      if (errorPending()) return Value();
      return structError("required argument is not an integer");
    }
  }
  return index(v);
}

// Converts an int to int64 or uint64; false (no exception) when it does not fit.
bool toSigned(Value n, int64_t* out) {
  if (intToInt64(n, out)) return true;
  clearError();
  return false;
}
bool toUnsigned(Value n, uint64_t* out) {
  if (intSign(n) < 0) return false;
  int64_t s;
  if (intToInt64(n, &s)) {
    *out = static_cast<uint64_t>(s);
    return true;
  }
  clearError();
  Value shifted = binaryOp(n, newIntUnsigned(uint64_t{1} << 63), BinOp::kSubtract);
  if (shifted.isNull()) {
    clearError();
    return false;
  }
  if (!intToInt64(shifted, &s)) {
    clearError();
    return false;
  }
  *out = static_cast<uint64_t>(s) + (uint64_t{1} << 63);
  return true;
}

bool outOfRange() {
  structError("argument out of range");
  return false;
}

bool rangeError(char code, int64_t lo, uint64_t hi, bool is_signed) {
  std::string msg = std::string("'") + code + "' format requires " + (is_signed ? std::to_string(lo) : "0") +
                    " <= number <= " + std::to_string(hi);
  structError(msg);
  return false;
}

// Packs one integer code; false with an exception pending.
bool packInteger(char code, Order order, int64_t size, Value v, char* p) {
  Value n = integerArg(v);
  if (n.isNull()) return false;
  bool big = order == Order::kBig;
  bool native_like = order != Order::kBig;  // little-endian machine: '<' shares native packers
  switch (code) {
    case 'b': case 'h': {
      int64_t x;
      if (!toSigned(n, &x)) return outOfRange();
      int64_t lo = code == 'b' ? -128 : -32768, hi = code == 'b' ? 127 : 32767;
      if (x < lo || x > hi) {
        if (code == 'b') return structError("byte format requires -128 <= number <= 127"), false;
        if (native_like) return structError("short format requires -32768 <= number <= 32767"), false;
        return rangeError(code, lo, static_cast<uint64_t>(hi), true);
      }
      putInt(p, static_cast<uint64_t>(x), size, big);
      return true;
    }
    case 'B':
    case 'H': {
      if (code == 'B' || native_like) {
        int64_t x;
        if (!toSigned(n, &x)) return outOfRange();
        int64_t hi = code == 'B' ? 255 : 65535;
        if (x < 0 || x > hi) {
          return structError(code == 'B' ? "ubyte format requires 0 <= number <= 255"
                                         : "ushort format requires 0 <= number <= 65535"),
                 false;
        }
        putInt(p, static_cast<uint64_t>(x), size, big);
        return true;
      }
      uint64_t x;
      if (!toUnsigned(n, &x)) return outOfRange();
      if (x > 65535) return rangeError(code, 0, 65535, false);
      putInt(p, x, size, big);
      return true;
    }
    case 'i': case 'l': case 'q': case 'n': {
      int64_t x;
      if (!toSigned(n, &x)) {
        if (code == 'q' && big) return structError("int too large to convert"), false;
        return outOfRange();
      }
      if (size == 4 && (x < INT32_MIN || x > INT32_MAX)) return rangeError(code, INT32_MIN, INT32_MAX, true);
      putInt(p, static_cast<uint64_t>(x), size, big);
      return true;
    }
    case 'I': case 'L': case 'Q': case 'N': {
      uint64_t x;
      if (!toUnsigned(n, &x)) {
        if (code == 'Q' && big) return structError("int too large to convert"), false;
        return outOfRange();
      }
      if (size == 4 && x > UINT32_MAX) return rangeError(code, 0, UINT32_MAX, false);
      putInt(p, x, size, big);
      return true;
    }
    case 'P': {
      int64_t s;
      uint64_t x;
      if (toSigned(n, &s)) {
        x = static_cast<uint64_t>(s);
      } else if (!toUnsigned(n, &x)) {
        return structError("int too large to convert"), false;
      }
      putInt(p, x, size, big);
      return true;
    }
    default:
      return false;
  }
}

bool packFloat(char code, Order order, Value v, char* p) {
  double x;
  if (!asDouble(v, &x)) {
    if (!errorMatches(exc::TypeError)) return false;
    clearError();
    structError("required argument is not a float");
    return false;
  }
  bool big = order == Order::kBig;
  if (code == 'd') {
    uint64_t bits;
    std::memcpy(&bits, &x, 8);
    putInt(p, bits, 8, big);
  } else if (code == 'f') {
    float f = static_cast<float>(x);
    if (order != Order::kNative && std::isinf(f) && std::isfinite(x)) {
      raise(exc::OverflowError, "float too large to pack with f format");
      return false;
    }
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    putInt(p, bits, 4, big);
  } else {
    uint16_t h;
    if (!floatToHalf(x, &h)) {
      raise(exc::OverflowError, "float too large to pack with e format");
      return false;
    }
    putInt(p, h, 2, big);
  }
  return true;
}

// Packs `nargs` values into out (resized to the struct size).
// The values are items [start, len) of the tuple `args` (read one at a time:
// converting one may allocate and move the tuple).
bool packValues(const Format& f, Value args, int64_t start, const char* what, std::string* out) {
  int64_t nargs = tupleLength(args) - start;
  if (nargs != f.nvalues) {
    structError(std::string(what) + " expected " + std::to_string(f.nvalues) + " items for packing (got " +
                std::to_string(nargs) + ")");
    return false;
  }
  out->assign(static_cast<size_t>(f.size), '\0');
  int64_t k = start;
  for (const Item& item : f.items) {
    char code = item.code;
    if (code == 'x') continue;
    if (code == 's' || code == 'p') {
      Value v = tupleItem(args, k++);
      std::string_view data;
      if (!(isBytes(v) || isInstance(v, types::bytearray_type)) || !bytesLikeView(v, &data)) {
        structError(std::string("argument for '") + code + "' must be a bytes object");
        return false;
      }
      char* p = out->data() + item.offset;
      int64_t n = static_cast<int64_t>(data.size());
      if (code == 's') {
        std::memcpy(p, data.data(), static_cast<size_t>(std::min(n, item.count)));
      } else if (item.count > 0) {
        int64_t m = std::min(n, item.count - 1);
        if (m > 255) m = 255;
        std::memcpy(p + 1, data.data(), static_cast<size_t>(std::max<int64_t>(m, 0)));
        p[0] = static_cast<char>(std::min<int64_t>(std::min(n, item.count - 1), 255));
      }
      continue;
    }
    for (int64_t r = 0; r < item.count; ++r) {
      Value v = tupleItem(args, k++);
      char* p = out->data() + item.offset + r * item.size;
      bool ok = true;
      switch (code) {
        case 'c': {
          std::string_view data;
          if (!isBytes(v) || !bytesLikeView(v, &data) || data.size() != 1) {
            structError("char format requires a bytes object of length 1");
            return false;
          }
          *p = data[0];
          break;
        }
        case '?': {
          int t = isTrue(v);
          if (t < 0) return false;
          *p = static_cast<char>(t);
          break;
        }
        case 'e': case 'f': case 'd': {
          char tmp[8];
          ok = packFloat(code, f.order, v, tmp);
          if (ok) std::memcpy(out->data() + item.offset + r * item.size, tmp, static_cast<size_t>(item.size));
          break;
        }
        default: {
          char tmp[8];
          ok = packInteger(code, f.order, item.size, v, tmp);
          if (ok) std::memcpy(out->data() + item.offset + r * item.size, tmp, static_cast<size_t>(item.size));
          break;
        }
      }
      if (!ok) return false;
    }
  }
  return true;
}

// ===========================================================================
// Unpacking

Value unpackData(const Format& f, std::string_view data) {
  Value result = newTuple(f.nvalues);
  if (result.isNull()) return result;
  bool big = f.order == Order::kBig;
  int64_t k = 0;
  for (const Item& item : f.items) {
    char code = item.code;
    if (code == 'x') continue;
    const char* base = data.data() + item.offset;
    if (code == 's' || code == 'p') {
      Value v;
      if (code == 's') {
        v = newBytes(std::string(base, static_cast<size_t>(item.count)));
      } else {
        int64_t n = item.count > 0 ? static_cast<uint8_t>(base[0]) : 0;
        if (n >= item.count) n = item.count - 1;
        v = newBytes(item.count > 0 ? std::string(base + 1, static_cast<size_t>(n)) : std::string());
      }
      if (v.isNull()) return v;
      tupleInit(result, k++, v);
      continue;
    }
    for (int64_t r = 0; r < item.count; ++r) {
      const char* p = base + r * item.size;
      uint64_t raw = getInt(p, item.size, big);
      Value v;
      switch (code) {
        case 'c': v = newBytes(std::string(p, 1)); break;
        case '?': v = Bool(*p != 0); break;
        case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
          int shift = static_cast<int>(64 - 8 * item.size);
          int64_t s = static_cast<int64_t>(raw << shift) >> shift;
          v = newInt(s);
          break;
        }
        case 'e': v = newFloat(floatFromHalf(static_cast<uint16_t>(raw))); break;
        case 'f': {
          float x;
          uint32_t bits = static_cast<uint32_t>(raw);
          std::memcpy(&x, &bits, 4);
          v = newFloat(x);
          break;
        }
        case 'd': {
          double x;
          std::memcpy(&x, &raw, 8);
          v = newFloat(x);
          break;
        }
        default: v = newIntUnsigned(raw); break;
      }
      if (v.isNull()) return v;
      tupleInit(result, k++, v);
    }
  }
  return result;
}

// ===========================================================================
// Struct objects

struct StructObj : Obj {
  gc::HeapValue format;  // str
  int64_t size;
};
StructObj* asStruct(Value v) { return static_cast<StructObj*>(v.asObject()); }

// The parsed format of a Struct; false with an exception pending.
bool structFormat(Value self, Format* f) {
  return parseFormat(strToUtf8(asStruct(self)->format.get()), f);
}

// A Struct for `fmt` (str or bytes), or null.
Value makeStruct(Type* type, Value fmt) {
  std::string text;
  if (!formatText(fmt, &text)) return Value();
  Format f;
  if (!parseFormat(text, &f)) return Value();
  Value fmt_str = isStr(fmt) ? fmt : newStr(text);
  if (fmt_str.isNull()) return fmt_str;
  StructObj* s = static_cast<StructObj*>(newObject(type, type->basic_size));
  s->format.set(fmt_str);
  s->size = f.size;
  return Value(s);
}

const MethodDef kStructNewDef = {.name = "Struct", .signature = "($type, format)"};

Value struct_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kStructNewDef, typeValue(type), args, nargs, kwnames, bound)) return Value();
  return makeStruct(type, bound[1]);
}

Value packStruct(Value self, Value values, int64_t start) {
  Format f;
  if (!structFormat(self, &f)) return Value();
  std::string out;
  if (!packValues(f, values, start, "pack", &out)) return Value();
  return newBytes(out);
}

Value Struct_pack(Value* args) { return packStruct(args[0], args[1], 0); }

// Copies the contents of a bytes-like object; false with TypeError pending.
bool readBuffer(Value obj, std::string* out) { return bufferCopyBytes(obj, out); }

Value unpackStruct(Value self, Value buffer) {
  Format f;
  if (!structFormat(self, &f)) return Value();
  std::string data;
  if (!readBuffer(buffer, &data)) return Value();
  if (static_cast<int64_t>(data.size()) != f.size) {
    return structError("unpack requires a buffer of " + std::to_string(f.size) + " bytes");
  }
  return unpackData(f, data);
}

Value Struct_unpack(Value* args) { return unpackStruct(args[0], args[1]); }

Value unpackFromStruct(Value self, Value buffer, Value offset_arg) {
  int64_t offset;
  if (!argSsize(offset_arg, &offset)) return Value();
  Format f;
  if (!structFormat(self, &f)) return Value();
  std::string data;
  if (!readBuffer(buffer, &data)) return Value();
  auto len = static_cast<int64_t>(data.size());
  if (offset < 0) {
    if (offset + len < 0) {
      return structError("offset " + std::to_string(offset) + " out of range for " + std::to_string(len) +
                         "-byte buffer");
    }
    if (offset + f.size > 0) {
      return structError("not enough data to unpack " + std::to_string(f.size) + " bytes at offset " +
                         std::to_string(offset));
    }
    offset += len;
  }
  if (len - offset < f.size) {
    return structError("unpack_from requires a buffer of at least " + std::to_string(f.size + offset) +
                       " bytes for unpacking " + std::to_string(f.size) + " bytes at offset " +
                       std::to_string(offset) + " (actual buffer size is " + std::to_string(len) + ")");
  }
  return unpackData(f, std::string_view(data).substr(static_cast<size_t>(offset)));
}

Value Struct_unpack_from(Value* args) { return unpackFromStruct(args[0], args[1], args[2]); }

Value packIntoStruct(Value self, Value values, int64_t start) {
  int64_t n = tupleLength(values) - start;
  if (n < 1) return structError("pack_into expected buffer argument");
  if (n < 2) return structError("pack_into expected offset argument");
  Value buffer = tupleItem(values, start);
  int64_t offset;
  if (!argSsize(tupleItem(values, start + 1), &offset)) return Value();
  Format f;
  if (!structFormat(self, &f)) return Value();
  std::string packed;
  if (!packValues(f, values, start + 2, "pack_into", &packed)) return Value();
  ScopedBuffer view;
  if (!getBuffer(buffer, &view, buffer_flags::kWritable)) {
    if (!errorMatches(exc::TypeError) && !errorMatches(exc::BufferError)) return Value();
    clearError();
    return raisef(exc::TypeError, "argument must be read-write bytes-like object, not %s", typeNameOf(buffer).c_str());
  }
  int64_t len = view.len;
  if (offset < 0) {
    if (offset + len < 0) {
      return structError("offset " + std::to_string(offset) + " out of range for " + std::to_string(len) +
                         "-byte buffer");
    }
    if (offset + f.size > 0) {
      return structError("no space to pack " + std::to_string(f.size) + " bytes at offset " +
                         std::to_string(offset));
    }
    offset += len;
  }
  if (len - offset < f.size) {
    return structError("pack_into requires a buffer of at least " + std::to_string(f.size + offset) +
                       " bytes for packing " + std::to_string(f.size) + " bytes at offset " +
                       std::to_string(offset) + " (actual buffer size is " + std::to_string(len) + ")");
  }
  if (!view.isCContiguous()) return raise(exc::BufferError, "buffer is not C-contiguous");
  std::memcpy(view.data() + offset, packed.data(), packed.size());
  return None();
}

Value Struct_pack_into(Value* args) { return packIntoStruct(args[0], args[1], 0); }

// --- unpack_iterator ---

struct UnpackIterObj : Obj {
  gc::HeapValue st;    // the Struct
  gc::HeapValue data;  // bytes: a copy of the buffer
  int64_t pos;
};
UnpackIterObj* asUnpackIter(Value v) { return static_cast<UnpackIterObj*>(v.asObject()); }

Value iterUnpackStruct(Value self, Value buffer) {
  int64_t size = asStruct(self)->size;
  if (size == 0) return structError("cannot iteratively unpack with a struct of length 0");
  std::string data;
  if (!readBuffer(buffer, &data)) return Value();
  if (static_cast<int64_t>(data.size()) % size != 0) {
    return structError("iterative unpacking requires a buffer of a multiple of " + std::to_string(size) + " bytes");
  }
  Value bytes = newBytes(data);
  if (bytes.isNull()) return bytes;
  UnpackIterObj* it = static_cast<UnpackIterObj*>(newObject(g_unpack_iter_type, sizeof(UnpackIterObj)));
  it->st.set(self);
  it->data.set(bytes);
  it->pos = 0;
  return Value(it);
}

Value Struct_iter_unpack(Value* args) { return iterUnpackStruct(args[0], args[1]); }

Value unpack_iterator_next(Value self) {
  UnpackIterObj* it = asUnpackIter(self);
  Value bytes = it->data.get();
  int64_t size = asStruct(it->st.get())->size;
  if (it->pos + size > bytesLength(bytes)) return Value();
  Format f;
  if (!structFormat(it->st.get(), &f)) return Value();
  std::string chunk(asBytes(bytes)->view().substr(static_cast<size_t>(it->pos), static_cast<size_t>(size)));
  asUnpackIter(self)->pos += size;
  return unpackData(f, chunk);
}

Value unpack_iterator___length_hint__(Value* args) {
  UnpackIterObj* it = asUnpackIter(args[0]);
  int64_t size = asStruct(it->st.get())->size;
  return newInt((bytesLength(it->data.get()) - it->pos) / size);
}

Value unpack_iterator_iter(Value self) { return self; }

Value Struct_format_get(Value self) { return asStruct(self)->format.get(); }
Value Struct_size_get(Value self) { return newInt(asStruct(self)->size); }

Value Struct___sizeof__(Value* args) {
  Format f;
  if (!structFormat(args[0], &f)) return Value();
  return newInt(static_cast<int64_t>(sizeof(StructObj) + 24 * (f.items.size() + 1)));
}

// ===========================================================================
// Module functions: a Struct per call (no cache).

Value formatStruct(Value fmt) { return makeStruct(g_struct_type, fmt); }

Value struct_pack(Value* args) {
  Value t = args[1];
  if (tupleLength(t) < 1) return raise(exc::TypeError, "missing format argument");
  Value s = formatStruct(tupleItem(t, 0));
  if (s.isNull()) return s;
  return packStruct(s, t, 1);
}

Value struct_pack_into(Value* args) {
  Value t = args[1];
  if (tupleLength(t) < 1) return raise(exc::TypeError, "missing format argument");
  Value s = formatStruct(tupleItem(t, 0));
  if (s.isNull()) return s;
  return packIntoStruct(s, t, 1);
}

Value struct_unpack(Value* args) {
  Value s = formatStruct(args[1]);
  if (s.isNull()) return s;
  return unpackStruct(s, args[2]);
}

Value struct_unpack_from(Value* args) {
  Value s = formatStruct(args[1]);
  if (s.isNull()) return s;
  return unpackFromStruct(s, args[2], args[3]);
}

Value struct_iter_unpack(Value* args) {
  Value s = formatStruct(args[1]);
  if (s.isNull()) return s;
  return iterUnpackStruct(s, args[2]);
}

Value struct_calcsize(Value* args) {
  Value s = formatStruct(args[1]);
  if (s.isNull()) return s;
  return newInt(asStruct(s)->size);
}

Value struct__clearcache(Value* /*args*/) { return None(); }

// ===========================================================================
// Tables

const uint32_t kStructFields[] = {offsetof(Obj, ob_type), offsetof(StructObj, format)};
const gc::Layout kStructLayout = {.name = "_struct.Struct", .fields = kStructFields};

const MethodDef kStructMethods[] = {
    {.name = "pack", .signature = "($self, /, *args)", .fn = Struct_pack,
     .doc = "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\n"
            "to the format string S.format.  See help(struct) for more on format\nstrings."},
    {.name = "pack_into", .signature = "($self, /, *args)", .fn = Struct_pack_into,
     .doc = "S.pack_into(buffer, offset, v1, v2, ...)"},
    {.name = "unpack", .signature = "($self, buffer, /)", .fn = Struct_unpack,
     .doc = "Return a tuple containing unpacked values."},
    {.name = "unpack_from", .signature = "($self, /, buffer, offset=0)", .fn = Struct_unpack_from,
     .doc = "Return a tuple containing unpacked values."},
    {.name = "iter_unpack", .signature = "($self, buffer, /)", .fn = Struct_iter_unpack,
     .doc = "Return an iterator yielding tuples."},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = Struct___sizeof__,
     .doc = "S.__sizeof__() -> size of S in memory, in bytes"},
};

const GetSetDef kStructGetSets[] = {
    {.name = "format", .get = Struct_format_get, .doc = "struct format string"},
    {.name = "size", .get = Struct_size_get, .doc = "struct size in bytes"},
};

const TypeSpec kStructSpec = {
    .name = "Struct",
    .module = "_struct",
    .type = &g_struct_type,
    .layout = &kStructLayout,
    .basic_size = sizeof(StructObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_new = struct_new},
    .methods = kStructMethods,
    .getsets = kStructGetSets,
    .doc = "Struct(format)\n--\n\nCreate a compiled struct object.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kStructSpec);

const uint32_t kUnpackIterFields[] = {offsetof(Obj, ob_type), offsetof(UnpackIterObj, st),
                                      offsetof(UnpackIterObj, data)};
const gc::Layout kUnpackIterLayout = {.name = "_struct.unpack_iterator", .fields = kUnpackIterFields};

const MethodDef kUnpackIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = unpack_iterator___length_hint__},
};

const TypeSpec kUnpackIterSpec = {
    .name = "unpack_iterator",
    .module = "_struct",
    .type = &g_unpack_iter_type,
    .layout = &kUnpackIterLayout,
    .basic_size = sizeof(UnpackIterObj),
    .slots = {.tp_iter = unpack_iterator_iter, .tp_iternext = unpack_iterator_next},
    .methods = kUnpackIterMethods,
};
TERN_REGISTER_TYPE(kUnpackIterSpec);

const MethodDef kStructFunctions[] = {
    {.name = "pack", .signature = "($module, /, *args)", .fn = struct_pack,
     .doc = "pack(format, v1, v2, ...) -> bytes"},
    {.name = "pack_into", .signature = "($module, /, *args)", .fn = struct_pack_into,
     .doc = "pack_into(format, buffer, offset, v1, v2, ...)"},
    {.name = "unpack", .signature = "($module, format, buffer, /)", .fn = struct_unpack,
     .doc = "Return a tuple containing values unpacked according to the format string."},
    {.name = "unpack_from", .signature = "($module, format, /, buffer, offset=0)", .fn = struct_unpack_from,
     .doc = "Return a tuple containing values unpacked according to the format string."},
    {.name = "iter_unpack", .signature = "($module, format, buffer, /)", .fn = struct_iter_unpack,
     .doc = "Return an iterator yielding tuples unpacked from the given bytes."},
    {.name = "calcsize", .signature = "($module, format, /)", .fn = struct_calcsize,
     .doc = "Return size in bytes of the struct described by the format string."},
    {.name = "_clearcache", .signature = "($module, /)", .fn = struct__clearcache,
     .doc = "Clear the internal cache."},
};

bool structInit(Value module) {
  Value d = moduleDict(module);
  if (g_struct_error.get().isNull()) {
    Value ns = newDict();
    if (ns.isNull() || dictSet(ns, names::__module__, internStr("struct")) < 0) return false;
    Value bases = newTupleOf({typeValue(exc::Exception)});
    if (bases.isNull()) return false;
    Value cls = newClass(types::type_type, internStr("error"), bases, ns, Value());
    if (cls.isNull()) return false;
    g_struct_error.set(cls);
  }
  return dictSet(d, internStr("error"), g_struct_error.get()) == 0 &&
         dictSet(d, internStr("Struct"), typeValue(g_struct_type)) == 0;
}

const NativeModuleDef kStructModule = {
    .name = "_struct",
    .methods = kStructFunctions,
    .init = structInit,
    .doc = "Functions to convert between Python values and C structs.",
};
TERN_REGISTER_MODULE(kStructModule);

}  // namespace

}  // namespace tern
