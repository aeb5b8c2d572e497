// _pickle.Pickler: CPython 3.11's C pickler, opcode for opcode (the same
// bytes as python3.11's _pickle for the same objects and protocol): atoms
// without memo, the memo keyed by identity, exact containers in batches of
// 1000, __reduce_ex__ / copyreg dispatch / reducer_override, globals by
// __qualname__ with the extension registry and fix_imports, framing from
// protocol 4 and out-of-band buffers in protocol 5.
//
// The output of one dump() is a std::string (no heap references); frames
// are committed at opcode boundaries once 64 KiB long, and with a file each
// committed frame is written out at once.
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_pickle.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/memoryview.h"
#include "runtime/objects/native.h"
#include "runtime/objects/set.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::pickle {

Type* g_pickler_type = nullptr;

namespace {

constexpr int64_t kBatchSize = 1000;
constexpr size_t kFrameSizeTarget = 64 * 1024;
constexpr size_t kFrameSizeMin = 4;
constexpr size_t kFrameHeaderSize = 9;

// One dump() in progress.
struct Saver {
  Value self;  // the Pickler
  std::string* out;
  int64_t frame_start = -1;  // offset of the current frame's reserved header, -1: none
  bool framing = false;
  int proto() const { return static_cast<int>(asPickler(self)->proto); }
  bool bin() const { return asPickler(self)->bin != 0; }
};

std::string reprText(Value v) {
  Value r = repr(v);
  if (r.isNull()) {
    clearError();
    return "<object>";
  }
  return strToUtf8(r);
}

std::string strText(Value v) {
  Value r = str(v);
  if (r.isNull()) {
    clearError();
    return "<object>";
  }
  return strToUtf8(r);
}

// --- output --------------------------------------------------------------------

void write(Saver& s, const char* data, size_t n) {
  if (s.framing && s.frame_start < 0) {
    s.frame_start = static_cast<int64_t>(s.out->size());
    s.out->append(kFrameHeaderSize, '\0');
  }
  s.out->append(data, n);
}
void writeOp(Saver& s, char op) { write(s, &op, 1); }
void writeLE(Saver& s, char op, uint64_t v, int nbytes) {
  char buf[9];
  buf[0] = op;
  for (int i = 0; i < nbytes; ++i) buf[1 + i] = static_cast<char>((v >> (8 * i)) & 0xff);
  write(s, buf, static_cast<size_t>(nbytes) + 1);
}

void commitFrame(Saver& s) {
  if (!s.framing || s.frame_start < 0) return;
  size_t start = static_cast<size_t>(s.frame_start);
  size_t len = s.out->size() - start - kFrameHeaderSize;
  if (len >= kFrameSizeMin) {
    char* h = s.out->data() + start;
    h[0] = '\x95';
    for (int i = 0; i < 8; ++i) h[1 + i] = static_cast<char>((static_cast<uint64_t>(len) >> (8 * i)) & 0xff);
  } else {
    s.out->erase(start, kFrameHeaderSize);
  }
  s.frame_start = -1;
}

bool flushToFile(Saver& s) {
  Value write_fn = asPickler(s.self)->write.get();
  if (isNone(write_fn) || s.out->empty()) return true;
  Value data = newBytes(*s.out);
  if (data.isNull()) return false;
  s.out->clear();
  return !call1(write_fn, data).isNull();
}

bool opcodeBoundary(Saver& s) {
  if (!s.framing || s.frame_start < 0) return true;
  if (s.out->size() - static_cast<size_t>(s.frame_start) - kFrameHeaderSize < kFrameSizeTarget) return true;
  commitFrame(s);
  return flushToFile(s);
}

// A header and a payload; a payload of 64 KiB or more goes outside any frame
// (straight to the file when there is one).
bool writeBytes(Saver& s, const char* header, size_t header_size, Value payload_obj, std::string_view payload) {
  bool bypass = payload.size() >= kFrameSizeTarget;
  bool framing = s.framing;
  if (bypass) {
    commitFrame(s);
    s.framing = false;
  }
  write(s, header, header_size);
  if (bypass && !isNone(asPickler(s.self)->write.get())) {
    std::string copy(payload);
    if (!flushToFile(s)) return false;
    Value data = payload_obj;
    if (data.isNull() || !isExactBytes(data)) data = newBytes(copy);
    if (data.isNull() || call1(asPickler(s.self)->write.get(), data).isNull()) return false;
  } else {
    s.out->append(payload.data(), payload.size());
  }
  s.framing = framing;
  return true;
}

// --- memo ------------------------------------------------------------------------

Value memoKey(Value obj) { return newIntUnsigned(gc::identity(obj.asObject())); }

// The memo index of obj, or -1 (no exception) when it is not memoized.
int64_t memoIndex(Saver& s, Value obj) {
  if (obj.isSmallInt()) return -1;
  Value entry = dictGet(asPickler(s.self)->memo.get(), memoKey(obj));
  if (entry.isNull()) return -1;
  int64_t idx = 0;
  intToInt64(tupleItem(entry, 0), &idx);
  return idx;
}

bool memoGet(Saver& s, int64_t idx) {
  if (!s.bin()) {
    std::string line = "g" + std::to_string(idx) + "\n";
    write(s, line.data(), line.size());
  } else if (idx < 256) {
    writeLE(s, 'h', static_cast<uint64_t>(idx), 1);
  } else {
    writeLE(s, 'j', static_cast<uint64_t>(idx), 4);
  }
  return true;
}

bool memoPut(Saver& s, Value obj) {
  if (asPickler(s.self)->fast) return true;
  Value memo = asPickler(s.self)->memo.get();
  int64_t idx = dictSize(memo);
  Value entry = newTupleOf({newInt(idx), obj});
  if (entry.isNull() || dictSet(memo, memoKey(obj), entry) < 0) return false;
  if (s.proto() >= 4) {
    writeOp(s, '\x94');
  } else if (!s.bin()) {
    std::string line = "p" + std::to_string(idx) + "\n";
    write(s, line.data(), line.size());
  } else if (idx < 256) {
    writeLE(s, 'q', static_cast<uint64_t>(idx), 1);
  } else {
    writeLE(s, 'r', static_cast<uint64_t>(idx), 4);
  }
  return true;
}

bool save(Saver& s, Value obj, bool pers_save);
bool saveReduce(Saver& s, Value args, Value obj);

// --- atoms --------------------------------------------------------------------------

bool saveBool(Saver& s, Value obj) {
  bool t = obj == True();
  if (s.proto() >= 2) {
    writeOp(s, t ? '\x88' : '\x89');
  } else {
    write(s, t ? "I01\n" : "I00\n", 4);
  }
  return true;
}

bool saveLong(Saver& s, Value obj) {
  int64_t v;
  bool fits = intToInt64(obj, &v);
  if (!fits) clearError();
  if (fits && v >= -0x80000000LL && v <= 0x7fffffffLL) {
    if (!s.bin()) {
      std::string line = "I" + std::to_string(v) + "\n";
      write(s, line.data(), line.size());
    } else if (v >= 0 && v <= 0xff) {
      writeLE(s, 'K', static_cast<uint64_t>(v), 1);
    } else if (v >= 0 && v <= 0xffff) {
      writeLE(s, 'M', static_cast<uint64_t>(v), 2);
    } else {
      writeLE(s, 'J', static_cast<uint64_t>(v) & 0xffffffffu, 4);
    }
    return true;
  }
  if (s.proto() < 2) {
    Value r = types::int_type->slots.tp_repr(obj);
    if (r.isNull()) return false;
    std::string line = "L" + strToUtf8(r) + "L\n";
    write(s, line.data(), line.size());
    return true;
  }
  // Two's complement, little-endian, as few bytes as CPython's encode_long.
  std::string data;
  if (fits) {
    uint64_t u = static_cast<uint64_t>(v);
    uint64_t mag = v < 0 ? ~u + 1 : u;
    int nbits = 64 - __builtin_clzll(mag);
    int nbytes = nbits / 8 + 1;
    if (nbytes > 8) nbytes = 8;
    for (int i = 0; i < nbytes; ++i) data.push_back(static_cast<char>((u >> (8 * i)) & 0xff));
  } else {
    Value bits = callMethod(obj, internStr("bit_length"), nullptr, 0);
    int64_t nbits;
    if (bits.isNull() || !intToInt64(bits, &nbits)) return false;
    int64_t nbytes = nbits / 8 + 1;
    Value args[3] = {newInt(nbytes), internStr("little"), True()};
    Value kw = newTupleOf({internStr("signed")});
    if (kw.isNull()) return false;
    Value to_bytes = getAttr(obj, internStr("to_bytes"));
    if (to_bytes.isNull()) return false;
    Value b = call(to_bytes, args, 2, kw);
    if (b.isNull()) return false;
    data.assign(asBytes(b)->view());
  }
  size_t n = data.size();
  if (intSign(obj) < 0 && n > 1 && static_cast<unsigned char>(data[n - 1]) == 0xff &&
      (static_cast<unsigned char>(data[n - 2]) & 0x80) != 0) {
    data.pop_back();
    --n;
  }
  if (n < 256) {
    writeLE(s, '\x8a', n, 1);
  } else if (n <= 0x7fffffff) {
    writeLE(s, '\x8b', n, 4);
  } else {
    raise(exc::OverflowError, "int too large to pickle");
    return false;
  }
  write(s, data.data(), n);
  return true;
}

bool saveFloat(Saver& s, Value obj) {
  double d = floatValue(obj);
  if (s.bin()) {
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    char buf[9];
    buf[0] = 'G';
    for (int i = 0; i < 8; ++i) buf[1 + i] = static_cast<char>((bits >> (8 * (7 - i))) & 0xff);
    write(s, buf, 9);
    return true;
  }
  Value r = types::float_type->slots.tp_repr(obj);
  if (r.isNull()) return false;
  std::string line = "F" + strToUtf8(r) + "\n";
  write(s, line.data(), line.size());
  return true;
}

bool saveBytesData(Saver& s, Value obj, Value payload_obj, std::string_view data) {
  size_t n = data.size();
  char header[9];
  size_t header_size;
  if (n <= 0xff) {
    header[0] = 'C';
    header[1] = static_cast<char>(n);
    header_size = 2;
  } else if (n <= 0xffffffffu) {
    header[0] = 'B';
    for (int i = 0; i < 4; ++i) header[1 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
    header_size = 5;
  } else if (s.proto() >= 4) {
    header[0] = '\x8e';
    for (int i = 0; i < 8; ++i) header[1 + i] = static_cast<char>((static_cast<uint64_t>(n) >> (8 * i)) & 0xff);
    header_size = 9;
  } else {
    raise(exc::OverflowError, "serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher");
    return false;
  }
  if (!writeBytes(s, header, header_size, payload_obj, data)) return false;
  return memoPut(s, obj);
}

bool saveBytes(Saver& s, Value obj) {
  if (s.proto() < 3) {
    // bytes(), or codecs.encode(latin-1 str, 'latin1'): readable by Python 2.
    Value reduce_value;
    if (bytesLength(obj) == 0) {
      Value empty = newTuple(0);
      if (empty.isNull()) return false;
      reduce_value = newTupleOf({typeValue(types::bytes_type), empty});
    } else {
      std::string_view data(asBytes(obj)->view());
      std::u32string text(data.begin(), data.end());
      for (size_t i = 0; i < text.size(); ++i) text[i] = static_cast<unsigned char>(data[i]);
      Value u = newStrFromUcs4(text);
      if (u.isNull()) return false;
      Value args = newTupleOf({u, internStr("latin1")});
      if (args.isNull()) return false;
      reduce_value = newTupleOf({state().codecs_encode.get(), args});
    }
    if (reduce_value.isNull()) return false;
    return saveReduce(s, reduce_value, obj);
  }
  std::string copy(asBytes(obj)->view());
  return saveBytesData(s, obj, obj, copy);
}

// Protocol 0's UNICODE argument: raw-unicode-escape, with backslash, NUL,
// \n, \r and \x1a escaped too so the line stays one line.
std::string rawUnicodeEscape(Value obj) {
  std::string out;
  int64_t n = asStr(obj)->length;
  char buf[16];
  for (int64_t i = 0; i < n; ++i) {
    char32_t c = asStr(obj)->at(i);
    if (c >= 0x10000) {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
      out += buf;
    } else if (c >= 256 || c == '\\' || c == 0 || c == '\n' || c == '\r' || c == 0x1a) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool saveUnicode(Saver& s, Value obj) {
  if (!s.bin()) {
    std::string line = "V" + rawUnicodeEscape(obj) + "\n";
    write(s, line.data(), line.size());
    return memoPut(s, obj);
  }
  std::string data = strToUtf8(obj);  // surrogatepass
  size_t n = data.size();
  char header[9];
  size_t header_size;
  if (n <= 0xff && s.proto() >= 4) {
    header[0] = '\x8c';
    header[1] = static_cast<char>(n);
    header_size = 2;
  } else if (n <= 0xffffffffu) {
    header[0] = 'X';
    for (int i = 0; i < 4; ++i) header[1 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
    header_size = 5;
  } else if (s.proto() >= 4) {
    header[0] = '\x8d';
    for (int i = 0; i < 8; ++i) header[1 + i] = static_cast<char>((static_cast<uint64_t>(n) >> (8 * i)) & 0xff);
    header_size = 9;
  } else {
    raise(exc::OverflowError, "serializing a string larger than 4 GiB requires pickle protocol 4 or higher");
    return false;
  }
  if (!writeBytes(s, header, header_size, Value(), data)) return false;
  return memoPut(s, obj);
}

// --- containers -----------------------------------------------------------------------

bool saveTuple(Saver& s, Value obj) {
  int64_t len = tupleLength(obj);
  if (len == 0) {
    if (s.proto() > 0) {
      writeOp(s, ')');
    } else {
      write(s, "(t", 2);
    }
    return true;
  }
  bool short_form = len <= 3 && s.proto() >= 2;
  if (!short_form) writeOp(s, '(');
  for (int64_t i = 0; i < len; ++i) {
    if (!save(s, tupleItem(obj, i), false)) return false;
  }
  int64_t idx = memoIndex(s, obj);
  if (idx >= 0) {
    // A recursive tuple: drop what was pushed, fetch it from the memo.
    if (short_form) {
      for (int64_t i = 0; i < len; ++i) writeOp(s, '0');
    } else if (s.bin()) {
      writeOp(s, '1');
    } else {
      for (int64_t i = 0; i <= len; ++i) writeOp(s, '0');
    }
    return memoGet(s, idx);
  }
  writeOp(s, short_form ? static_cast<char>('\x85' + len - 1) : 't');
  return memoPut(s, obj);
}

// Items of an iterator: APPEND one by one (protocol 0), else MARK ... APPENDS
// batches, a lone item with APPEND.
bool batchList(Saver& s, Value iter) {
  if (s.proto() == 0) {
    for (;;) {
      Value item = iterNext(iter);
      if (item.isNull()) return !errorPending();
      if (!save(s, item, false)) return false;
      writeOp(s, 'a');
    }
  }
  int64_t n;
  do {
    Value first = iterNext(iter);
    if (first.isNull()) return !errorPending();
    Value item = iterNext(iter);
    if (item.isNull()) {
      if (errorPending()) return false;
      if (!save(s, first, false)) return false;
      writeOp(s, 'a');
      break;
    }
    writeOp(s, '(');
    if (!save(s, first, false)) return false;
    n = 1;
    while (!item.isNull()) {
      if (!save(s, item, false)) return false;
      if (++n == kBatchSize) break;
      item = iterNext(iter);
      if (item.isNull() && errorPending()) return false;
    }
    writeOp(s, 'e');
  } while (n == kBatchSize);
  return true;
}

bool batchListExact(Saver& s, Value obj) {
  if (listLength(obj) == 1) {
    if (!save(s, listItem(obj, 0), false)) return false;
    writeOp(s, 'a');
    return true;
  }
  int64_t total = 0;
  do {
    int64_t this_batch = 0;
    writeOp(s, '(');
    while (total < listLength(obj)) {
      if (!save(s, listItem(obj, total), false)) return false;
      ++total;
      if (++this_batch == kBatchSize) break;
    }
    writeOp(s, 'e');
  } while (total < listLength(obj));
  return true;
}

bool saveList(Saver& s, Value obj) {
  if (s.bin()) {
    writeOp(s, ']');
  } else {
    write(s, "(l", 2);
  }
  if (!memoPut(s, obj)) return false;
  if (listLength(obj) == 0) return true;
  if (isExactList(obj) && s.proto() > 0) {
    if (!enterRecursiveCall(" while pickling an object")) return false;
    bool ok = batchListExact(s, obj);
    leaveRecursiveCall();
    return ok;
  }
  Value iter = getIter(obj);
  if (iter.isNull()) return false;
  if (!enterRecursiveCall(" while pickling an object")) return false;
  bool ok = batchList(s, iter);
  leaveRecursiveCall();
  return ok;
}

bool unpackItem(Value item, Value* key, Value* value) {
  if (!isTuple(item) || tupleLength(item) != 2) {
    raise(exc::TypeError, "dict items iterator must return 2-tuples");
    return false;
  }
  *key = tupleItem(item, 0);
  *value = tupleItem(item, 1);
  return true;
}

bool batchDict(Saver& s, Value iter) {
  Value k, v;
  if (s.proto() == 0) {
    for (;;) {
      Value item = iterNext(iter);
      if (item.isNull()) return !errorPending();
      if (!unpackItem(item, &k, &v) || !save(s, k, false) || !save(s, v, false)) return false;
      writeOp(s, 's');
    }
  }
  int64_t n;
  do {
    Value first = iterNext(iter);
    if (first.isNull()) return !errorPending();
    if (!unpackItem(first, &k, &v)) return false;
    Value item = iterNext(iter);
    if (item.isNull()) {
      if (errorPending()) return false;
      if (!save(s, k, false) || !save(s, v, false)) return false;
      writeOp(s, 's');
      break;
    }
    writeOp(s, '(');
    if (!save(s, k, false) || !save(s, v, false)) return false;
    n = 1;
    while (!item.isNull()) {
      if (!unpackItem(item, &k, &v) || !save(s, k, false) || !save(s, v, false)) return false;
      if (++n == kBatchSize) break;
      item = iterNext(iter);
      if (item.isNull() && errorPending()) return false;
    }
    writeOp(s, 'u');
  } while (n == kBatchSize);
  return true;
}

bool dictChanged() {
  raise(exc::RuntimeError, "dictionary changed size during iteration");
  return false;
}

bool batchDictExact(Saver& s, Value obj) {
  int64_t dict_size = dictSize(obj);
  int64_t pos = 0;
  Value k, v;
  if (dict_size == 1) {
    dictNext(obj, &pos, &k, &v);
    if (!save(s, k, false) || !save(s, v, false)) return false;
    writeOp(s, 's');
    if (dictSize(obj) != dict_size) return dictChanged();
    return true;
  }
  int64_t i;
  do {
    i = 0;
    writeOp(s, '(');
    while (dictNext(obj, &pos, &k, &v)) {
      if (!save(s, k, false) || !save(s, v, false)) return false;
      if (++i == kBatchSize) break;
    }
    writeOp(s, 'u');
    if (dictSize(obj) != dict_size) return dictChanged();
  } while (i == kBatchSize);
  return true;
}

bool saveDict(Saver& s, Value obj) {
  if (s.bin()) {
    writeOp(s, '}');
  } else {
    write(s, "(d", 2);
  }
  if (!memoPut(s, obj)) return false;
  if (dictSize(obj) == 0) return true;
  bool ok;
  if (isExactDict(obj) && s.proto() > 0) {
    if (!enterRecursiveCall(" while pickling an object")) return false;
    ok = batchDictExact(s, obj);
  } else {
    Value items = callMethod(obj, internStr("items"), nullptr, 0);
    if (items.isNull()) return false;
    Value iter = getIter(items);
    if (iter.isNull()) return false;
    if (!enterRecursiveCall(" while pickling an object")) return false;
    ok = batchDict(s, iter);
  }
  leaveRecursiveCall();
  return ok;
}

// (cls, (list(obj),)) for the protocols without set opcodes.
bool saveSetByReduce(Saver& s, Value obj, Type* cls) {
  Value items = listFromIterable(obj);
  if (items.isNull()) return false;
  Value args = newTupleOf({items});
  if (args.isNull()) return false;
  Value reduce_value = newTupleOf({typeValue(cls), args});
  if (reduce_value.isNull()) return false;
  return saveReduce(s, reduce_value, obj);
}

bool saveSet(Saver& s, Value obj) {
  if (s.proto() < 4) return saveSetByReduce(s, obj, types::set_type);
  writeOp(s, '\x8f');
  if (!memoPut(s, obj)) return false;
  int64_t set_size = setSize(obj);
  if (set_size == 0) return true;
  int64_t pos = 0;
  int64_t i;
  Value item;
  do {
    i = 0;
    writeOp(s, '(');
    while (setNext(obj, &pos, &item)) {
      if (!save(s, item, false)) return false;
      if (++i == kBatchSize) break;
    }
    writeOp(s, '\x90');
    if (setSize(obj) != set_size) {
      raise(exc::RuntimeError, "set changed size during iteration");
      return false;
    }
  } while (i == kBatchSize);
  return true;
}

bool saveFrozenSet(Saver& s, Value obj) {
  if (s.proto() < 4) return saveSetByReduce(s, obj, types::frozenset_type);
  writeOp(s, '(');
  Value iter = getIter(obj);
  if (iter.isNull()) return false;
  for (;;) {
    Value item = iterNext(iter);
    if (item.isNull()) {
      if (errorPending()) return false;
      break;
    }
    if (!save(s, item, false)) return false;
  }
  int64_t idx = memoIndex(s, obj);
  if (idx >= 0) {
    writeOp(s, '1');
    return memoGet(s, idx);
  }
  writeOp(s, '\x91');
  return memoPut(s, obj);
}

bool saveByteArrayData(Saver& s, Value obj, std::string_view data) {
  char header[9];
  header[0] = '\x96';
  for (int i = 0; i < 8; ++i) header[1 + i] = static_cast<char>((static_cast<uint64_t>(data.size()) >> (8 * i)) & 0xff);
  if (!writeBytes(s, header, 9, Value(), data)) return false;
  return memoPut(s, obj);
}

bool saveByteArray(Saver& s, Value obj) {
  if (s.proto() < 5) {
    Value args;
    if (byteArrayLength(obj) == 0) {
      args = newTuple(0);
    } else {
      Value b = newBytes(byteArrayView(obj));
      if (b.isNull()) return false;
      args = newTupleOf({b});
    }
    if (args.isNull()) return false;
    Value reduce_value = newTupleOf({typeValue(types::bytearray_type), args});
    if (reduce_value.isNull()) return false;
    return saveReduce(s, reduce_value, obj);
  }
  std::string copy(byteArrayView(obj));
  return saveByteArrayData(s, obj, copy);
}

bool savePickleBuffer(Saver& s, Value obj) {
  if (s.proto() < 5) {
    raise(picklingErrorType(), "PickleBuffer can only pickled with protocol >= 5");
    return false;
  }
  Value view = pickleBufferView(obj);
  if (view.isNull()) return false;
  ScopedBuffer buf;
  if (!getBuffer(view, &buf, buffer_flags::kRecordsRO)) return false;
  if (!buf.isCContiguous() && !buf.isFContiguous()) {
    raise(picklingErrorType(), "PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
    return false;
  }
  bool readonly = buf.readonly;
  bool in_band = true;
  Value callback = asPickler(s.self)->buffer_callback.get();
  if (!callback.isNull() && !isNone(callback)) {
    Value r = call1(callback, obj);
    if (r.isNull()) return false;
    int t = isTrue(r);
    if (t < 0) return false;
    in_band = t != 0;
  }
  if (!in_band) {
    writeOp(s, '\x97');
    if (readonly) writeOp(s, '\x98');
    return true;
  }
  std::string data;
  bufferCopyTo(buf, 'A', &data);
  return readonly ? saveBytesData(s, obj, Value(), data) : saveByteArrayData(s, obj, data);
}

// --- globals ----------------------------------------------------------------------------

// The module a global lives in: its __module__, else the first module of
// sys.modules that has it under the dotted path, else __main__.
Value whichModule(Value obj, Value dotted_path) {
  Value module_name = lookupAttr(obj, names::__module__);
  if (module_name.isNull()) {
    if (errorPending()) return Value();
  } else if (!isNone(module_name)) {
    return module_name;
  }
  Value modules = getAttr(sysModule(), internStr("modules"));
  if (modules.isNull()) return modules;
  if (isDict(modules)) {
    Value snapshot = dictCopy(modules);
    if (snapshot.isNull()) return snapshot;
    int64_t pos = 0;
    Value name, module;
    while (dictNext(snapshot, &pos, &name, &module)) {
      if (!isStr(name) || strEqualsAscii(name, "__main__") || isNone(module)) continue;
      Value candidate = getDeepAttribute(module, dotted_path, nullptr);
      if (candidate.isNull()) {
        if (errorPending()) clearError();
        continue;
      }
      if (candidate == obj) return name;
    }
  }
  return internStr("__main__");
}

// _compat_pickle's REVERSE mappings, for protocols < 3 with fix_imports.
bool fixImports(Value* module_name, Value* global_name) {
  Value key = newTupleOf({*module_name, *global_name});
  if (key.isNull()) return false;
  Value item = dictGet(state().name_mapping_3to2.get(), key);
  if (!item.isNull()) {
    if (!isTuple(item) || tupleLength(item) != 2) {
      raisef(exc::RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %.200s",
             typeNameOf(item).c_str());
      return false;
    }
    Value m = tupleItem(item, 0), g = tupleItem(item, 1);
    if (!isStr(m) || !isStr(g)) {
      raisef(exc::RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not (%.200s, %.200s)",
             typeNameOf(m).c_str(), typeNameOf(g).c_str());
      return false;
    }
    *module_name = m;
    *global_name = g;
    return true;
  }
  if (errorPending()) return false;
  item = dictGet(state().import_mapping_3to2.get(), *module_name);
  if (!item.isNull()) {
    if (!isStr(item)) {
      raisef(exc::RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %.200s",
             typeNameOf(item).c_str());
      return false;
    }
    *module_name = item;
    return true;
  }
  return !errorPending();
}

bool writeGlobalLine(Saver& s, Value module_name, Value global_name) {
  writeOp(s, 'c');
  for (Value part : {module_name, global_name}) {
    std::string text = strToUtf8(part);
    if (s.proto() < 3) {
      for (unsigned char c : text) {
        if (c >= 128) {
          raisef(picklingErrorType(), "can't pickle module identifier '%s' using pickle protocol %d",
                 strToUtf8(part).c_str(), s.proto());
          return false;
        }
      }
    }
    text.push_back('\n');
    write(s, text.data(), text.size());
  }
  return true;
}

bool saveExtension(Saver& s, Value obj, Value code_obj) {
  int64_t code;
  if (!isInt(code_obj) || !intToInt64(code_obj, &code) || code <= 0 || code > 0x7fffffff) {
    if (errorPending()) clearError();
    raisef(picklingErrorType(), "Can't pickle %s: extension code %s is out of range", reprText(obj).c_str(),
           reprText(code_obj).c_str());
    return false;
  }
  if (code <= 0xff) {
    writeLE(s, '\x82', static_cast<uint64_t>(code), 1);
  } else if (code <= 0xffff) {
    writeLE(s, '\x83', static_cast<uint64_t>(code), 2);
  } else {
    writeLE(s, '\x84', static_cast<uint64_t>(code), 4);
  }
  return true;
}

bool saveGlobal(Saver& s, Value obj, Value name) {
  Value global_name = name;
  if (global_name.isNull()) {
    global_name = lookupAttr(obj, internStr("__qualname__"));
    if (global_name.isNull()) {
      if (errorPending()) return false;
      global_name = getAttr(obj, internStr("__name__"));
      if (global_name.isNull()) return false;
    }
  }
  Value dotted_path = getDottedPath(Value(), global_name);
  if (dotted_path.isNull()) return false;
  Value module_name = whichModule(obj, dotted_path);
  if (module_name.isNull()) return false;
  Value module = importByName(module_name);
  if (module.isNull()) {
    clearError();
    raisef(picklingErrorType(), "Can't pickle %s: import of module %s failed", reprText(obj).c_str(),
           reprText(module_name).c_str());
    return false;
  }
  Value lastname = listItem(dotted_path, listLength(dotted_path) - 1);
  Value parent;
  Value cls = getDeepAttribute(module, dotted_path, &parent);
  if (cls.isNull()) {
    if (errorPending()) clearError();
    raisef(picklingErrorType(), "Can't pickle %s: attribute lookup %s on %s failed", reprText(obj).c_str(),
           strText(global_name).c_str(), strText(module_name).c_str());
    return false;
  }
  if (cls != obj) {
    raisef(picklingErrorType(), "Can't pickle %s: it's not the same object as %s.%s", reprText(obj).c_str(),
           strText(module_name).c_str(), strText(global_name).c_str());
    return false;
  }
  if (s.proto() >= 2) {
    Value key = newTupleOf({module_name, global_name});
    if (key.isNull()) return false;
    Value code_obj = dictGet(state().extension_registry.get(), key);
    if (!code_obj.isNull()) return saveExtension(s, obj, code_obj);
    if (errorPending()) return false;
  }
  if (parent == module) global_name = lastname;
  if (s.proto() >= 4) {
    if (!save(s, module_name, false) || !save(s, global_name, false)) return false;
    writeOp(s, '\x93');
  } else if (parent != module) {
    Value args = newTupleOf({parent, lastname});
    if (args.isNull()) return false;
    Value reduce_value = newTupleOf({state().getattr.get(), args});
    if (reduce_value.isNull() || !saveReduce(s, reduce_value, Value())) return false;
  } else {
    if (s.proto() < 3 && asPickler(s.self)->fix_imports && !fixImports(&module_name, &global_name)) return false;
    if (!writeGlobalLine(s, module_name, global_name)) return false;
  }
  return memoPut(s, obj);
}

// type(None), type(NotImplemented) and type(...) are not globals.
bool saveType(Saver& s, Value obj) {
  Value singleton;
  if (obj == typeValue(types::none_type)) {
    singleton = None();
  } else if (obj == typeValue(types::notimplemented_type)) {
    singleton = NotImplemented();
  } else if (obj == typeValue(types::ellipsis_type)) {
    singleton = Value(singletons::Ellipsis);
  } else {
    return saveGlobal(s, obj, Value());
  }
  Value args = newTupleOf({singleton});
  if (args.isNull()) return false;
  Value reduce_value = newTupleOf({typeValue(types::type_type), args});
  if (reduce_value.isNull()) return false;
  return saveReduce(s, reduce_value, obj);
}

// --- persistent ids and reduce -------------------------------------------------------------

// 1: obj was saved by persistent id; 0: not; -1: error.
int savePers(Saver& s, Value obj) {
  Value pid = call1(asPickler(s.self)->pers_func.get(), obj);
  if (pid.isNull()) return -1;
  if (isNone(pid)) return 0;
  if (s.bin()) {
    if (!save(s, pid, true)) return -1;
    writeOp(s, 'Q');
    return 1;
  }
  Value text = str(pid);
  if (text.isNull()) return -1;
  std::string t = strToUtf8(text);
  for (unsigned char c : t) {
    if (c >= 128) {
      raise(picklingErrorType(), "persistent IDs in protocol 0 must be ASCII strings");
      return -1;
    }
  }
  std::string line = "P" + t + "\n";
  write(s, line.data(), line.size());
  return 1;
}

Value classOf(Value obj) { return getAttr(obj, names::__class__); }

bool saveNewObjEx(Saver& s, Value argtup) {
  if (tupleLength(argtup) != 3) {
    raisef(picklingErrorType(), "length of the NEWOBJ_EX argument tuple must be exactly 3, not %lld",
           static_cast<long long>(tupleLength(argtup)));
    return false;
  }
  Value cls = tupleItem(argtup, 0), args = tupleItem(argtup, 1), kwargs = tupleItem(argtup, 2);
  if (!isInstance(cls, types::type_type)) {
    raisef(picklingErrorType(), "first item from NEWOBJ_EX argument tuple must be a class, not %.200s",
           typeNameOf(cls).c_str());
    return false;
  }
  if (!isTuple(args)) {
    raisef(picklingErrorType(), "second item from NEWOBJ_EX argument tuple must be a tuple, not %.200s",
           typeNameOf(args).c_str());
    return false;
  }
  if (!isDict(kwargs)) {
    raisef(picklingErrorType(), "third item from NEWOBJ_EX argument tuple must be a dict, not %.200s",
           typeNameOf(kwargs).c_str());
    return false;
  }
  if (s.proto() >= 4) {
    if (!save(s, cls, false) || !save(s, args, false) || !save(s, kwargs, false)) return false;
    writeOp(s, '\x92');
    return true;
  }
  // partial(cls.__new__, cls, *args, **kwargs)()
  Value cls_new = getAttr(cls, names::__new__);
  if (cls_new.isNull()) return false;
  int64_t n = tupleLength(args);
  Value newargs = newTuple(n + 2);
  if (newargs.isNull()) return false;
  tupleInit(newargs, 0, cls_new);
  tupleInit(newargs, 1, cls);
  for (int64_t i = 0; i < n; ++i) tupleInit(newargs, i + 2, tupleItem(args, i));
  Value callable = callTupleDict(state().partial.get(), newargs, kwargs);
  if (callable.isNull()) return false;
  Value empty = newTuple(0);
  if (empty.isNull() || !save(s, callable, false) || !save(s, empty, false)) return false;
  writeOp(s, 'R');
  return true;
}

bool saveNewObj(Saver& s, Value argtup, Value obj) {
  if (tupleLength(argtup) < 1) {
    raise(picklingErrorType(), "__newobj__ arglist is empty");
    return false;
  }
  Value cls = tupleItem(argtup, 0);
  if (!isInstance(cls, types::type_type)) {
    raise(picklingErrorType(), "args[0] from __newobj__ args is not a type");
    return false;
  }
  if (!obj.isNull()) {
    Value obj_class = classOf(obj);
    if (obj_class.isNull()) return false;
    if (obj_class != cls) {
      raise(picklingErrorType(), "args[0] from __newobj__ args has the wrong class");
      return false;
    }
  }
  int64_t n = tupleLength(argtup) - 1;
  Value newargtup = newTuple(n);
  if (newargtup.isNull()) return false;
  for (int64_t i = 0; i < n; ++i) tupleInit(newargtup, i, tupleItem(argtup, i + 1));
  if (!save(s, cls, false) || !save(s, newargtup, false)) return false;
  writeOp(s, '\x81');
  return true;
}

bool saveReduce(Saver& s, Value args, Value obj) {
  int64_t size = tupleLength(args);
  if (size < 2 || size > 6) {
    raise(picklingErrorType(), "tuple returned by __reduce__ must contain 2 through 6 elements");
    return false;
  }
  Value callable = tupleItem(args, 0);
  Value argtup = tupleItem(args, 1);
  Value st = size > 2 ? tupleItem(args, 2) : Value();
  Value listitems = size > 3 ? tupleItem(args, 3) : Value();
  Value dictitems = size > 4 ? tupleItem(args, 4) : Value();
  Value state_setter = size > 5 ? tupleItem(args, 5) : Value();
  if (!isCallable(callable)) {
    raise(picklingErrorType(), "first item of the tuple returned by __reduce__ must be callable");
    return false;
  }
  if (!isTuple(argtup)) {
    raise(picklingErrorType(), "second item of the tuple returned by __reduce__ must be a tuple");
    return false;
  }
  if (!st.isNull() && isNone(st)) st = Value();
  auto isIterator = [](Value v) { return typeOf(v)->slots.tp_iternext != nullptr; };
  if (!listitems.isNull() && isNone(listitems)) {
    listitems = Value();
  } else if (!listitems.isNull() && !isIterator(listitems)) {
    raisef(picklingErrorType(), "fourth element of the tuple returned by __reduce__ must be an iterator, not %s",
           typeNameOf(listitems).c_str());
    return false;
  }
  if (!dictitems.isNull() && isNone(dictitems)) {
    dictitems = Value();
  } else if (!dictitems.isNull() && !isIterator(dictitems)) {
    raisef(picklingErrorType(), "fifth element of the tuple returned by __reduce__ must be an iterator, not %s",
           typeNameOf(dictitems).c_str());
    return false;
  }
  if (!state_setter.isNull() && isNone(state_setter)) {
    state_setter = Value();
  } else if (!state_setter.isNull() && !isCallable(state_setter)) {
    raisef(picklingErrorType(), "sixth element of the tuple returned by __reduce__ must be a function, not %s",
           typeNameOf(state_setter).c_str());
    return false;
  }
  bool use_newobj = false, use_newobj_ex = false;
  if (s.proto() >= 2) {
    Value name = lookupAttr(callable, names::__name__);
    if (name.isNull() && errorPending()) return false;
    if (!name.isNull() && isStr(name)) {
      use_newobj_ex = strEqualsAscii(name, "__newobj_ex__");
      use_newobj = !use_newobj_ex && strEqualsAscii(name, "__newobj__");
    }
  }
  if (use_newobj_ex) {
    if (!saveNewObjEx(s, argtup)) return false;
  } else if (use_newobj) {
    if (!saveNewObj(s, argtup, obj)) return false;
  } else {
    if (!save(s, callable, false) || !save(s, argtup, false)) return false;
    writeOp(s, 'R');
  }
  if (!obj.isNull()) {
    int64_t idx = memoIndex(s, obj);
    if (idx >= 0) {
      writeOp(s, '0');
      return memoGet(s, idx);
    }
    if (!memoPut(s, obj)) return false;
  }
  if (!listitems.isNull() && !batchList(s, listitems)) return false;
  if (!dictitems.isNull() && !batchDict(s, dictitems)) return false;
  if (!st.isNull()) {
    if (state_setter.isNull()) {
      if (!save(s, st, false)) return false;
      writeOp(s, 'b');
    } else {
      if (!save(s, state_setter, false) || !save(s, obj, false) || !save(s, st, false)) return false;
      write(s, "\x86R0", 3);
    }
  }
  return true;
}

// The reduce value for obj: self.dispatch_table / copyreg.dispatch_table,
// then __reduce_ex__(proto), then __reduce__.  Sets *as_global for
// classes that are saved as globals instead.
Value reduceValue(Saver& s, Value obj, bool* as_global) {
  Type* type = typeOf(obj);
  Value reduce_func;
  Value table = asPickler(s.self)->dispatch_table.get();
  if (table.isNull()) {
    reduce_func = dictGet(state().dispatch_table.get(), typeValue(type));
    if (reduce_func.isNull() && errorPending()) return Value();
  } else {
    reduce_func = getItem(table, typeValue(type));
    if (reduce_func.isNull()) {
      if (!errorMatches(exc::KeyError)) return Value();
      clearError();
    }
  }
  if (!reduce_func.isNull()) return call1(reduce_func, obj);
  if (isSubtype(type, types::type_type)) {
    *as_global = true;
    return Value();
  }
  reduce_func = lookupAttr(obj, internStr("__reduce_ex__"));
  if (!reduce_func.isNull()) return call1(reduce_func, newInt(s.proto()));
  if (errorPending()) return Value();
  reduce_func = lookupAttr(obj, internStr("__reduce__"));
  if (!reduce_func.isNull()) return call0(reduce_func);
  if (errorPending()) return Value();
  return raisef(picklingErrorType(), "can't pickle '%.200s' object: %s", typeName(type).c_str(),
                reprText(obj).c_str());
}

bool saveReduced(Saver& s, Value obj, Value reduce_value) {
  if (isStr(reduce_value)) return saveGlobal(s, obj, reduce_value);
  if (!isTuple(reduce_value)) {
    raise(picklingErrorType(), "__reduce__ must return a string or tuple");
    return false;
  }
  return saveReduce(s, reduce_value, obj);
}

bool saveObject(Saver& s, Value obj) {
  Type* type = typeOf(obj);
  if (obj == True() || obj == False()) return saveBool(s, obj);
  if (type == types::int_type) return saveLong(s, obj);
  if (type == types::float_type) return saveFloat(s, obj);
  int64_t idx = memoIndex(s, obj);
  if (idx >= 0) return memoGet(s, idx);
  if (type == types::bytes_type) return saveBytes(s, obj);
  if (type == types::str_type) return saveUnicode(s, obj);
  Value override_fn = asPickler(s.self)->reducer_override.get();
  if (!override_fn.isNull()) {
    Value reduce_value = call1(override_fn, obj);
    if (reduce_value.isNull()) return false;
    if (reduce_value != NotImplemented()) return saveReduced(s, obj, reduce_value);
  }
  if (type == types::dict_type) return saveDict(s, obj);
  if (type == types::set_type) return saveSet(s, obj);
  if (type == types::frozenset_type) return saveFrozenSet(s, obj);
  if (type == types::list_type) return saveList(s, obj);
  if (type == types::tuple_type) return saveTuple(s, obj);
  if (type == types::bytearray_type) return saveByteArray(s, obj);
  if (type == g_pickle_buffer_type) return savePickleBuffer(s, obj);
  if (type == types::type_type) return saveType(s, obj);
  if (type == types::function_type) return saveGlobal(s, obj, Value());
  bool as_global = false;
  Value reduce_value = reduceValue(s, obj, &as_global);
  if (as_global) return saveGlobal(s, obj, Value());
  if (reduce_value.isNull()) return false;
  return saveReduced(s, obj, reduce_value);
}

bool save(Saver& s, Value obj, bool pers_save) {
  if (!enterRecursiveCall(" while pickling an object")) return false;
  bool ok = true;
  if (!pers_save && !asPickler(s.self)->pers_func.get().isNull()) {
    int r = savePers(s, obj);
    if (r != 0) {
      leaveRecursiveCall();
      return r > 0;
    }
  }
  if (isNone(obj)) {
    writeOp(s, 'N');
  } else {
    ok = saveObject(s, obj);
  }
  leaveRecursiveCall();
  return ok && opcodeBoundary(s);
}

// --- the Pickler type ------------------------------------------------------------------------

Value pickler_new(Type* type, const Value*, size_t, Value) {
  Value self(newObject(type, type->basic_size));
  Value memo = newDict();
  if (memo.isNull()) return memo;
  asPickler(self)->memo.set(memo);
  asPickler(self)->proto = kDefaultProtocol;
  asPickler(self)->bin = 1;
  return self;
}

const MethodDef kPicklerInitDef = {.name = "Pickler",
                                   .signature = "(file, protocol=None, fix_imports=True, buffer_callback=None)"};

int pickler_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[4];
  if (!bindArguments(&kPicklerInitDef, Value(), args, nargs, kwnames, bound)) return -1;
  return picklerSetup(self, bound[0], bound[1], bound[2], bound[3]) ? 0 : -1;
}

Value pickler_dump(Value* args) {
  Value self = args[0];
  if (asPickler(self)->write.get().isNull()) {
    return raisef(picklingErrorType(), "Pickler.__init__() was not called by %s.__init__()",
                  typeNameOf(self).c_str());
  }
  std::string out;
  if (!picklerDump(self, args[1], &out)) return Value();
  return None();
}

Value pickler_clear_memo(Value* args) {
  dictClear(asPickler(args[0])->memo.get());
  return None();
}

Value pickler_sizeof(Value* args) { return newInt(static_cast<int64_t>(typeOf(args[0])->basic_size)); }

Value pickler_get_memo(Value self) { return newPicklerMemoProxy(self); }

// memo = a PicklerMemoProxy or a dict of (index, obj) values.
int pickler_set_memo(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "attribute deletion is not supported");
    return -1;
  }
  Value source;
  if (isPicklerMemoProxy(value)) {
    source = asPickler(memoProxyOwner(value))->memo.get();
  } else if (isDict(value)) {
    source = value;
  } else {
    raisef(exc::TypeError, "'memo' attribute must be a PicklerMemoProxy object or dict, not %.200s",
           typeNameOf(value).c_str());
    return -1;
  }
  Value memo = newDict();
  if (memo.isNull()) return -1;
  int64_t pos = 0;
  Value key, entry;
  while (dictNext(source, &pos, &key, &entry)) {
    if (!isTuple(entry) || tupleLength(entry) != 2) {
      raise(exc::TypeError, "'memo' values must be 2-item tuples");
      return -1;
    }
    if (!isInt(tupleItem(entry, 0))) {
      raise(exc::TypeError, "memo id must be an integer");
      return -1;
    }
    Value obj = tupleItem(entry, 1);
    Value k = obj.isSmallInt() ? newIntUnsigned(obj.bits()) : memoKey(obj);
    if (k.isNull() || dictSet(memo, k, entry) < 0) return -1;
  }
  asPickler(self)->memo.set(memo);
  return 0;
}

Value pickler_get_persid(Value self) {
  Value f = asPickler(self)->pers_func.get();
  if (f.isNull()) return raiseWithArgs(exc::AttributeError, newTupleOf({internStr("persistent_id")}));
  return f;
}

int pickler_set_persid(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "attribute deletion is not supported");
    return -1;
  }
  if (!isCallable(value)) {
    raise(exc::TypeError, "persistent_id must be a callable taking one argument");
    return -1;
  }
  asPickler(self)->pers_func.set(value);
  return 0;
}

const MethodDef kPicklerMethods[] = {
    {.name = "dump",
     .signature = "($self, obj, /)",
     .fn = pickler_dump,
     .doc = "Write a pickled representation of the given object to the open file."},
    {.name = "clear_memo",
     .signature = "($self, /)",
     .fn = pickler_clear_memo,
     .doc = "Clears the pickler's \"memo\".\n\nThe memo is the data structure that remembers which objects the\n"
            "pickler has already seen, so that shared or recursive objects are\npickled by reference and not by "
            "value.  This method is useful when\nre-using picklers."},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = pickler_sizeof, .doc = "Returns size in memory, in bytes."},
};

const GetSetDef kPicklerGetSets[] = {
    {.name = "memo", .get = pickler_get_memo, .set = pickler_set_memo},
    {.name = "persistent_id", .get = pickler_get_persid, .set = pickler_set_persid},
};

const MemberDef kPicklerMembers[] = {
    {.name = "bin", .kind = MemberKind::kInt64, .offset = offsetof(PicklerObj, bin)},
    {.name = "fast", .kind = MemberKind::kInt64, .offset = offsetof(PicklerObj, fast)},
    {.name = "dispatch_table", .kind = MemberKind::kObject, .offset = offsetof(PicklerObj, dispatch_table)},
};

const uint32_t kPicklerFields[] = {offsetof(Obj, ob_type),
                                   offsetof(PicklerObj, write),
                                   offsetof(PicklerObj, memo),
                                   offsetof(PicklerObj, pers_func),
                                   offsetof(PicklerObj, dispatch_table),
                                   offsetof(PicklerObj, buffer_callback),
                                   offsetof(PicklerObj, reducer_override)};
const gc::Layout kPicklerLayout = {.name = "_pickle.Pickler", .fields = kPicklerFields};

const TypeSpec kPicklerSpec = {
    .name = "Pickler",
    .module = "_pickle",
    .type = &g_pickler_type,
    .layout = &kPicklerLayout,
    .basic_size = sizeof(PicklerObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_init = pickler_init, .tp_new = pickler_new},
    .methods = kPicklerMethods,
    .getsets = kPicklerGetSets,
    .members = kPicklerMembers,
    .doc = "This takes a binary file for writing a pickle data stream.\n\nThe optional *protocol* argument tells "
           "the pickler to use the given\nprotocol; supported protocols are 0, 1, 2, 3, 4 and 5.  The default\n"
           "protocol is 4. It was introduced in Python 3.4, and is incompatible\nwith previous versions.\n\n"
           "Specifying a negative protocol version selects the highest protocol\nversion supported.  The higher "
           "the protocol used, the more recent the\nversion of Python needed to read the pickle produced.\n\nThe "
           "*file* argument must have a write() method that accepts a single\nbytes argument. It can thus be a "
           "file object opened for binary\nwriting, an io.BytesIO instance, or any other custom object that meets\n"
           "this interface.\n\nIf *fix_imports* is True and protocol is less than 3, pickle will try\nto map the "
           "new Python 3 names to the old module names used in Python\n2, so that the pickle data stream is "
           "readable with Python 2.\n\nIf *buffer_callback* is None (the default), buffer views are\nserialized "
           "into *file* as part of the pickle stream.\n\nIf *buffer_callback* is not None, then it can be called "
           "any number\nof times with a buffer view.  If the callback returns a false value\n(such as None), the "
           "given buffer is out-of-band; otherwise the\nbuffer is serialized in-band, i.e. inside the pickle "
           "stream.\n\nIt is an error if *buffer_callback* is not None and *protocol*\nis None or smaller than 5.",
    .text_signature = "(file, protocol=None, fix_imports=True, buffer_callback=None)",
};
TERN_REGISTER_TYPE(kPicklerSpec);

}  // namespace

bool picklerSetup(Value self, Value file, Value protocol, Value fix_imports, Value buffer_callback) {
  int64_t proto = kDefaultProtocol;
  if (!isNone(protocol)) {
    if (!isInt(protocol)) {
      raisef(exc::TypeError, "'%.200s' object cannot be interpreted as an integer", typeNameOf(protocol).c_str());
      return false;
    }
    if (!intToInt64(protocol, &proto)) return false;
    if (proto < 0) {
      proto = kHighestProtocol;
    } else if (proto > kHighestProtocol) {
      raisef(exc::ValueError, "pickle protocol must be <= %d", kHighestProtocol);
      return false;
    }
  }
  int fix = isTrue(fix_imports);
  if (fix < 0) return false;
  Value write_fn = None();
  if (!file.isNull()) {
    write_fn = lookupAttr(file, internStr("write"));
    if (write_fn.isNull()) {
      if (!errorPending()) raise(exc::TypeError, "file must have a 'write' attribute");
      return false;
    }
  }
  if (!isNone(buffer_callback) && proto < 5) {
    raise(exc::ValueError, "buffer_callback needs protocol >= 5");
    return false;
  }
  Value memo = newDict();
  if (memo.isNull()) return false;
  PicklerObj* p = asPickler(self);
  p->proto = proto;
  p->bin = proto > 0;
  p->fix_imports = fix != 0 && proto < 3;
  p->fast = 0;
  p->write.set(write_fn);
  p->memo.set(memo);
  p->buffer_callback.set(isNone(buffer_callback) ? Value() : buffer_callback);
  p->pers_func.set(Value());
  p->dispatch_table.set(Value());
  Value pers = lookupAttr(self, internStr("persistent_id"));
  if (pers.isNull() && errorPending()) return false;
  asPickler(self)->pers_func.set(pers);
  Value table = lookupAttr(self, internStr("dispatch_table"));
  if (table.isNull() && errorPending()) return false;
  asPickler(self)->dispatch_table.set(table);
  return true;
}

bool picklerDump(Value self, Value obj, std::string* out) {
  Value override_fn = lookupAttr(self, internStr("reducer_override"));
  if (override_fn.isNull() && errorPending()) return false;
  asPickler(self)->reducer_override.set(override_fn);
  Saver s{.self = self, .out = out};
  if (s.proto() >= 2) {
    char header[2] = {'\x80', static_cast<char>(s.proto())};
    write(s, header, 2);
    if (s.proto() >= 4) s.framing = true;
  }
  if (!save(s, obj, false)) return false;
  writeOp(s, '.');
  commitFrame(s);
  s.framing = false;
  return flushToFile(s);
}

}  // namespace tern::pickle
