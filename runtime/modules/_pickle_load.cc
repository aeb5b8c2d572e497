// _pickle.Unpickler: CPython 3.11's C unpickler — every opcode pickletools
// knows, its stack split into an object stack (a list) and a mark stack
// (the MARK positions, C++ ints), the "fence" of the top mark, and the same
// UnpicklingError / EOFError messages ("Ran out of input", "pickle data was
// truncated", "unpickling stack underflow", "could not find MARK", ...).
//
// Input: loads()'s bytes are copied once into the Loader; from a file, each
// opcode's bytes are read as needed (read(n), readline()) and a FRAME is read
// whole, so the file is never read past the pickle's end.
#include <cstring>
#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_pickle.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
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

Type* g_unpickler_type = nullptr;

namespace {

// One load() in progress.
struct Loader {
  Value self;   // the Unpickler
  Value stack;  // list
  std::vector<int64_t> marks;
  std::string input;
  size_t pos = 0;
  bool from_file = false;

  int64_t fence() const { return marks.empty() ? 0 : marks.back(); }
  int64_t size() const { return listLength(stack); }
  UnpicklerObj* u() const { return asUnpickler(self); }
};

Value truncated() { return raise(unpicklingErrorType(), "pickle data was truncated"); }

Value stackUnderflow(Loader& l) {
  return raise(unpicklingErrorType(), l.marks.empty() ? "unpickling stack underflow" : "unexpected MARK found");
}

// --- input -----------------------------------------------------------------------------

// Appends up to n bytes read from the file; false with an exception pending.
bool readFromFile(Loader& l, int64_t n) {
  Value data = call1(l.u()->read.get(), newInt(n));
  if (data.isNull()) return false;
  std::string bytes;
  if (!bytesLikeCopy(data, &bytes)) return false;
  l.input.append(bytes);
  return true;
}

// Points *p at the next n bytes; false with "pickle data was truncated".
bool read(Loader& l, size_t n, const char** p) {
  if (l.input.size() - l.pos < n) {
    if (l.from_file) {
      l.input.erase(0, l.pos);
      l.pos = 0;
      if (!readFromFile(l, static_cast<int64_t>(n - l.input.size()))) return false;
    }
    if (l.input.size() - l.pos < n) {
      truncated();
      return false;
    }
  }
  *p = l.input.data() + l.pos;
  l.pos += n;
  return true;
}

// The next line, '\n' included; "pickle data was truncated" without one.
bool readLine(Loader& l, std::string* line) {
  size_t nl = l.input.find('\n', l.pos);
  if (nl == std::string::npos && l.from_file) {
    Value data = call0(l.u()->readline.get());
    if (data.isNull()) return false;
    std::string bytes;
    if (!bytesLikeCopy(data, &bytes)) return false;
    l.input.append(bytes);
    nl = l.input.find('\n', l.pos);
  }
  if (nl == std::string::npos) {
    truncated();
    return false;
  }
  line->assign(l.input, l.pos, nl + 1 - l.pos);
  l.pos = nl + 1;
  return true;
}

// A line argument without its '\n'; at least `min` bytes long counting it.
bool readArgLine(Loader& l, std::string* line, size_t min = 2) {
  if (!readLine(l, line)) return false;
  if (line->size() < min) {
    truncated();
    return false;
  }
  if (!line->empty() && line->back() == '\n') line->pop_back();
  return true;
}

uint64_t readLE(const char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

bool readSize(Loader& l, int nbytes, uint64_t* out) {
  const char* p;
  if (!read(l, static_cast<size_t>(nbytes), &p)) return false;
  *out = readLE(p, nbytes);
  return true;
}

// --- stack -----------------------------------------------------------------------------

bool push(Loader& l, Value v) {
  if (v.isNull()) return false;
  return listAppend(l.stack, v);
}

Value pop(Loader& l) {
  int64_t n = l.size();
  if (n <= l.fence()) return stackUnderflow(l);
  Value v = listItem(l.stack, n - 1);
  listTruncate(l.stack, n - 1);
  return v;
}

Value top(Loader& l) {
  int64_t n = l.size();
  if (n <= l.fence()) return stackUnderflow(l);
  return listItem(l.stack, n - 1);
}

// Pops the top mark: the stack length it recorded, or -1.
int64_t marker(Loader& l) {
  if (l.marks.empty()) {
    raise(unpicklingErrorType(), "could not find MARK");
    return -1;
  }
  int64_t m = l.marks.back();
  l.marks.pop_back();
  return m;
}

// stack[start:] as a new list or tuple, removed from the stack.
Value popList(Loader& l, int64_t start) {
  int64_t n = l.size();
  Value items = newList(n - start);
  if (items.isNull()) return items;
  for (int64_t i = start; i < n; ++i) {
    if (!listAppend(items, listItem(l.stack, i))) return Value();
  }
  listTruncate(l.stack, start);
  return items;
}
Value popTuple(Loader& l, int64_t start) {
  Value items = popList(l, start);
  if (items.isNull()) return items;
  return listAsTuple(items);
}

// --- memo ------------------------------------------------------------------------------

Value memoGet(Loader& l, int64_t idx) {
  Value memo = l.u()->memo.get();
  if (idx >= 0 && idx < listLength(memo) && listItem(memo, idx) != state().memo_hole.get()) {
    return listItem(memo, idx);
  }
  return raisef(unpicklingErrorType(), "Memo value not found at index %lld", static_cast<long long>(idx));
}

// memo[idx] = v, growing the list with holes.
bool memoSet(Value self, int64_t idx, Value v) {
  Value memo = asUnpickler(self)->memo.get();
  while (listLength(memo) <= idx) {
    if (!listAppend(memo, state().memo_hole.get())) return false;
  }
  if (listItem(memo, idx) == state().memo_hole.get()) asUnpickler(self)->memo_len++;
  listSetItem(memo, idx, v);
  return true;
}

bool memoPut(Loader& l, int64_t idx) {
  Value v = top(l);
  return !v.isNull() && memoSet(l.self, idx, v);
}

// --- opcodes ------------------------------------------------------------------------------

Value decodeUtf8(std::string_view data) {
  bool ascii = true;
  for (unsigned char c : data) ascii = ascii && c < 128;
  if (ascii) return newAsciiStr(data);
  Value b = newBytes(data);
  if (b.isNull()) return b;
  Value args[2] = {internStr("utf-8"), internStr("surrogatepass")};
  return callMethod(b, internStr("decode"), args, 2);
}

// A Python 2 str: bytes for encoding='bytes', else decoded.
Value decodeString(Loader& l, std::string_view data) {
  Value b = newBytes(data);
  if (b.isNull()) return b;
  if (strEqualsAscii(l.u()->encoding.get(), "bytes")) return b;
  Value args[2] = {l.u()->encoding.get(), l.u()->errors.get()};
  return callMethod(b, internStr("decode"), args, 2);
}

Value intFromLine(const std::string& line, int base) {
  Value text = newStr(line);
  if (text.isNull()) return text;
  Value args[2] = {text, newInt(base)};
  return call(typeValue(types::int_type), args, 2);
}

bool loadInt(Loader& l) {
  std::string line;
  if (!readArgLine(l, &line)) return false;
  if (line == "00" || line == "01") return push(l, Bool(line == "01"));
  Value v = intFromLine(line, 0);
  if (v.isNull()) {
    clearError();
    raise(exc::ValueError, "could not convert string to int");
    return false;
  }
  return push(l, v);
}

bool loadLong(Loader& l) {
  std::string line;
  if (!readArgLine(l, &line)) return false;
  if (!line.empty() && line.back() == 'L') line.pop_back();
  return push(l, intFromLine(line, 0));
}

Value intFromLittleEndian(std::string_view data) {
  if (data.empty()) return newInt(0);
  if (data.size() <= 8) {
    uint64_t v = readLE(data.data(), static_cast<int>(data.size()));
    int bits = static_cast<int>(data.size()) * 8;
    if (bits < 64 && (v >> (bits - 1)) & 1) v |= ~uint64_t{0} << bits;
    return newInt(static_cast<int64_t>(v));
  }
  Value b = newBytes(data);
  if (b.isNull()) return b;
  Value from_bytes = getAttr(typeValue(types::int_type), internStr("from_bytes"));
  if (from_bytes.isNull()) return from_bytes;
  Value args[3] = {b, internStr("little"), True()};
  Value kw = newTupleOf({internStr("signed")});
  if (kw.isNull()) return kw;
  return call(from_bytes, args, 2, kw);
}

bool loadCountedLong(Loader& l, int nbytes) {
  uint64_t n;
  if (!readSize(l, nbytes, &n)) return false;
  if (nbytes == 4 && static_cast<int32_t>(n) < 0) {
    raise(unpicklingErrorType(), "LONG pickle has negative byte count");
    return false;
  }
  const char* p;
  if (!read(l, n, &p)) return false;
  return push(l, intFromLittleEndian(std::string_view(p, n)));
}

bool loadFloat(Loader& l) {
  std::string line;
  if (!readArgLine(l, &line)) return false;
  Value text = newStr(line);
  if (text.isNull()) return false;
  Value f = toFloat(text);
  if (f.isNull()) {
    clearError();
    raise(exc::ValueError, "could not convert string to float");
    return false;
  }
  return push(l, f);
}

bool loadBinFloat(Loader& l) {
  const char* p;
  if (!read(l, 8, &p)) return false;
  uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<unsigned char>(p[i]);
  double d;
  std::memcpy(&d, &bits, 8);
  return push(l, newFloat(d));
}

bool loadString(Loader& l) {
  std::string line;
  if (!readArgLine(l, &line, 1)) return false;
  size_t n = line.size();
  if (n < 2 || line[0] != line[n - 1] || (line[0] != '\'' && line[0] != '"')) {
    raise(unpicklingErrorType(), "the STRING opcode argument must be quoted");
    return false;
  }
  Value raw = newBytes(std::string_view(line).substr(1, n - 2));
  if (raw.isNull()) return false;
  Value codecs = importModule(internStr("codecs"));
  if (codecs.isNull()) return false;
  Value decoded = callMethod(codecs, internStr("escape_decode"), &raw, 1);
  if (decoded.isNull()) return false;
  Value b = tupleItem(decoded, 0);
  return push(l, decodeString(l, asBytes(b)->view()));
}

bool loadCountedString(Loader& l, int nbytes) {
  uint64_t n;
  if (!readSize(l, nbytes, &n)) return false;
  if (nbytes == 4 && static_cast<int32_t>(n) < 0) {
    raise(unpicklingErrorType(), "BINSTRING pickle has negative byte count");
    return false;
  }
  const char* p;
  if (!read(l, n, &p)) return false;
  return push(l, decodeString(l, std::string_view(p, n)));
}

bool loadCountedBytes(Loader& l, int nbytes, bool bytearray) {
  uint64_t n;
  if (!readSize(l, nbytes, &n)) return false;
  if (n > static_cast<uint64_t>(INT64_MAX)) {
    raisef(exc::OverflowError, "%s exceeds system's maximum size of %lld bytes",
           bytearray ? "BYTEARRAY8" : "BINBYTES", static_cast<long long>(INT64_MAX));
    return false;
  }
  const char* p;
  if (!read(l, n, &p)) return false;
  return push(l, bytearray ? newByteArray(p, static_cast<int64_t>(n)) : newBytes(p, static_cast<int64_t>(n)));
}

bool loadUnicode(Loader& l) {
  std::string line;
  if (!readArgLine(l, &line, 1)) return false;
  Value b = newBytes(line);
  if (b.isNull()) return false;
  Value enc = internStr("raw-unicode-escape");
  return push(l, callMethod(b, internStr("decode"), &enc, 1));
}

bool loadCountedUnicode(Loader& l, int nbytes) {
  uint64_t n;
  if (!readSize(l, nbytes, &n)) return false;
  const char* p;
  if (!read(l, n, &p)) return false;
  return push(l, decodeUtf8(std::string_view(p, n)));
}

bool loadTupleN(Loader& l, int64_t n) {
  if (l.size() - l.fence() < n) {
    stackUnderflow(l);
    return false;
  }
  return push(l, popTuple(l, l.size() - n));
}

bool loadMarkedTuple(Loader& l) {
  int64_t m = marker(l);
  if (m < 0) return false;
  return push(l, popTuple(l, m));
}

bool loadMarkedList(Loader& l) {
  int64_t m = marker(l);
  if (m < 0) return false;
  return push(l, popList(l, m));
}

bool loadMarkedDict(Loader& l) {
  int64_t m = marker(l);
  if (m < 0) return false;
  int64_t n = l.size();
  if ((n - m) % 2 != 0) {
    raise(unpicklingErrorType(), "odd number of items for DICT");
    return false;
  }
  Value d = newDict();
  if (d.isNull()) return false;
  for (int64_t i = m; i < n; i += 2) {
    if (dictSet(d, listItem(l.stack, i), listItem(l.stack, i + 1)) < 0) return false;
  }
  listTruncate(l.stack, m);
  return push(l, d);
}

bool loadFrozenSet(Loader& l) {
  int64_t m = marker(l);
  if (m < 0) return false;
  Value items = popList(l, m);
  if (items.isNull()) return false;
  return push(l, newFrozenSet(items));
}

// cls(*args), or cls.__new__(cls) for an old-style INST/OBJ without args.
Value instantiate(Value cls, Value args) {
  if (tupleLength(args) == 0 && isInstance(cls, types::type_type)) {
    Value f = lookupAttr(cls, internStr("__getinitargs__"));
    if (f.isNull()) {
      if (errorPending()) return Value();
      return callMethod(cls, names::__new__, &cls, 1);
    }
  }
  return callTupleDict(cls, args, Value());
}

bool loadObj(Loader& l) {
  int64_t m = marker(l);
  if (m < 0) return false;
  if (l.size() - m < 1) {
    stackUnderflow(l);
    return false;
  }
  Value args = popTuple(l, m + 1);
  if (args.isNull()) return false;
  Value cls = pop(l);
  if (cls.isNull()) return false;
  return push(l, instantiate(cls, args));
}

Value findClass(Loader& l, Value module_name, Value global_name) {
  Value args[2] = {module_name, global_name};
  return callMethod(l.self, internStr("find_class"), args, 2);
}

bool readGlobalNames(Loader& l, Value* module_name, Value* global_name) {
  std::string line;
  if (!readArgLine(l, &line)) return false;
  *module_name = decodeUtf8(line);
  if (module_name->isNull()) return false;
  if (!readArgLine(l, &line)) return false;
  *global_name = decodeUtf8(line);
  return !global_name->isNull();
}

bool loadInst(Loader& l) {
  int64_t m = marker(l);
  if (m < 0) return false;
  Value module_name, global_name;
  if (!readGlobalNames(l, &module_name, &global_name)) return false;
  Value cls = findClass(l, module_name, global_name);
  if (cls.isNull()) return false;
  Value args = popTuple(l, m);
  if (args.isNull()) return false;
  return push(l, instantiate(cls, args));
}

bool loadGlobal(Loader& l) {
  Value module_name, global_name;
  if (!readGlobalNames(l, &module_name, &global_name)) return false;
  return push(l, findClass(l, module_name, global_name));
}

bool loadStackGlobal(Loader& l) {
  Value global_name = pop(l);
  Value module_name = global_name.isNull() ? Value() : pop(l);
  if (module_name.isNull() || !isExactStr(module_name) || !isExactStr(global_name)) {
    if (errorPending()) clearError();
    raise(unpicklingErrorType(), "STACK_GLOBAL requires str");
    return false;
  }
  return push(l, findClass(l, module_name, global_name));
}

bool loadNewObj(Loader& l, bool use_kwargs) {
  const char* name = use_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
  Value kwargs;
  if (use_kwargs) {
    kwargs = pop(l);
    if (kwargs.isNull()) return false;
    if (!isDict(kwargs)) {
      raisef(unpicklingErrorType(), "NEWOBJ_EX kwargs argument must be a dict, not %.200s",
             typeNameOf(kwargs).c_str());
      return false;
    }
  }
  Value args = pop(l);
  if (args.isNull()) return false;
  if (!isTuple(args)) {
    raisef(unpicklingErrorType(), "%s args argument must be a tuple, not %.200s", name, typeNameOf(args).c_str());
    return false;
  }
  Value cls = pop(l);
  if (cls.isNull()) return false;
  if (!isInstance(cls, types::type_type)) {
    raisef(unpicklingErrorType(), "%s class argument must be a type, not %.200s", name, typeNameOf(cls).c_str());
    return false;
  }
  Value cls_new = getAttr(cls, names::__new__);
  if (cls_new.isNull()) return false;
  int64_t n = tupleLength(args);
  Value newargs = newTuple(n + 1);
  if (newargs.isNull()) return false;
  tupleInit(newargs, 0, cls);
  for (int64_t i = 0; i < n; ++i) tupleInit(newargs, i + 1, tupleItem(args, i));
  return push(l, callTupleDict(cls_new, newargs, kwargs));
}

bool loadPersId(Loader& l, bool binary) {
  Value pers = l.u()->pers_func.get();
  Value pid;
  if (binary) {
    pid = pop(l);
    if (pid.isNull()) return false;
  } else {
    std::string line;
    if (!readArgLine(l, &line, 1)) return false;
    for (unsigned char c : line) {
      if (c >= 128) {
        raise(unpicklingErrorType(), "persistent IDs in protocol 0 must be ASCII strings");
        return false;
      }
    }
    pid = newAsciiStr(line);
    if (pid.isNull()) return false;
  }
  if (pers.isNull()) {
    raise(unpicklingErrorType(),
          "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
    return false;
  }
  return push(l, call1(pers, pid));
}

bool loadReduce(Loader& l) {
  Value args = pop(l);
  if (args.isNull()) return false;
  Value callable = top(l);
  if (callable.isNull()) return false;
  if (!isTuple(args)) {
    raise(exc::TypeError, "argument list must be a tuple");
    return false;
  }
  Value r = callTupleDict(callable, args, Value());
  if (r.isNull()) return false;
  listSetItem(l.stack, l.size() - 1, r);
  return true;
}

bool loadExt(Loader& l, int nbytes) {
  uint64_t code;
  if (!readSize(l, nbytes, &code)) return false;
  if (code == 0) {
    raise(exc::ValueError, "EXT specifies code <= 0");
    return false;
  }
  Value py_code = newInt(static_cast<int64_t>(code));
  Value obj = dictGet(state().extension_cache.get(), py_code);
  if (!obj.isNull()) return push(l, obj);
  if (errorPending()) return false;
  Value key = dictGet(state().inverted_registry.get(), py_code);
  if (key.isNull()) {
    if (!errorPending()) raisef(exc::ValueError, "unregistered extension code %lld", static_cast<long long>(code));
    return false;
  }
  if (!isTuple(key) || tupleLength(key) != 2 || !isStr(tupleItem(key, 0)) || !isStr(tupleItem(key, 1))) {
    raisef(exc::ValueError, "_inverted_registry[%lld] isn't a 2-tuple of strings", static_cast<long long>(code));
    return false;
  }
  obj = findClass(l, tupleItem(key, 0), tupleItem(key, 1));
  if (obj.isNull() || dictSet(state().extension_cache.get(), py_code, obj) < 0) return false;
  return push(l, obj);
}

bool loadGetLine(Loader& l) {
  std::string line;
  if (!readArgLine(l, &line)) return false;
  Value key = intFromLine(line, 10);
  int64_t idx;
  if (key.isNull() || !intToInt64(key, &idx)) return false;
  return push(l, memoGet(l, idx));
}

bool loadGet(Loader& l, int nbytes) {
  uint64_t idx;
  if (!readSize(l, nbytes, &idx)) return false;
  return push(l, memoGet(l, static_cast<int64_t>(idx)));
}

bool loadPutLine(Loader& l) {
  std::string line;
  if (!readArgLine(l, &line)) return false;
  Value key = intFromLine(line, 10);
  int64_t idx;
  if (key.isNull() || !intToInt64(key, &idx)) return false;
  if (idx < 0) {
    raise(exc::ValueError, "negative PUT argument");
    return false;
  }
  return memoPut(l, idx);
}

bool loadPut(Loader& l, int nbytes) {
  uint64_t idx;
  if (!readSize(l, nbytes, &idx)) return false;
  if (nbytes == 4 && static_cast<int32_t>(idx) < 0) {
    raise(exc::ValueError, "negative LONG_BINPUT argument");
    return false;
  }
  return memoPut(l, static_cast<int64_t>(idx));
}

bool loadPop(Loader& l) {
  int64_t n = l.size();
  if (!l.marks.empty() && l.marks.back() == n) {
    l.marks.pop_back();
    return true;
  }
  if (n <= l.fence()) {
    stackUnderflow(l);
    return false;
  }
  listTruncate(l.stack, n - 1);
  return true;
}

bool loadPopMark(Loader& l) {
  int64_t m = marker(l);
  if (m < 0) return false;
  listTruncate(l.stack, m);
  return true;
}

bool loadDup(Loader& l) {
  Value v = top(l);
  return !v.isNull() && push(l, v);
}

// list.extend(stack[x:]) (or append one by one without extend).
bool doAppend(Loader& l, int64_t x) {
  int64_t n = l.size();
  if (x > n || x <= l.fence()) {
    stackUnderflow(l);
    return false;
  }
  if (n == x) return true;
  Value list = listItem(l.stack, x - 1);
  if (isExactList(list)) {
    for (int64_t i = x; i < n; ++i) {
      if (!listAppend(list, listItem(l.stack, i))) return false;
    }
    listTruncate(l.stack, x);
    return true;
  }
  Value extend = lookupAttr(list, internStr("extend"));
  if (!extend.isNull()) {
    Value slice = popList(l, x);
    return !slice.isNull() && !call1(extend, slice).isNull();
  }
  if (errorPending()) return false;
  Value append = getAttr(list, internStr("append"));
  if (append.isNull()) return false;
  for (int64_t i = x; i < n; ++i) {
    if (call1(append, listItem(l.stack, i)).isNull()) {
      listTruncate(l.stack, x);
      return false;
    }
  }
  listTruncate(l.stack, x);
  return true;
}

bool doSetItems(Loader& l, int64_t x) {
  int64_t n = l.size();
  if (x > n || x <= l.fence()) {
    stackUnderflow(l);
    return false;
  }
  if (n == x) return true;
  if ((n - x) % 2 != 0) {
    raise(unpicklingErrorType(), "odd number of items for SETITEMS");
    return false;
  }
  Value dict = listItem(l.stack, x - 1);
  for (int64_t i = x; i < n; i += 2) {
    if (setItem(dict, listItem(l.stack, i), listItem(l.stack, i + 1)) < 0) return false;
  }
  listTruncate(l.stack, x);
  return true;
}

bool loadAddItems(Loader& l) {
  int64_t m = marker(l);
  if (m < 0) return false;
  int64_t n = l.size();
  if (m > n || m <= l.fence()) {
    stackUnderflow(l);
    return false;
  }
  if (n == m) return true;
  Value set = listItem(l.stack, m - 1);
  Value items = popList(l, m);
  if (items.isNull()) return false;
  if (isExactSet(set)) return setUpdate(set, items) == 0;
  Value add = getAttr(set, internStr("add"));
  if (add.isNull()) return false;
  for (int64_t i = 0; i < listLength(items); ++i) {
    if (call1(add, listItem(items, i)).isNull()) return false;
  }
  return true;
}

bool loadBuild(Loader& l) {
  Value st = pop(l);
  if (st.isNull()) return false;
  Value inst = top(l);
  if (inst.isNull()) return false;
  Value setstate = lookupAttr(inst, internStr("__setstate__"));
  if (!setstate.isNull()) return !call1(setstate, st).isNull();
  if (errorPending()) return false;
  Value slotstate = None();
  if (isTuple(st) && tupleLength(st) == 2) {
    slotstate = tupleItem(st, 1);
    st = tupleItem(st, 0);
  }
  if (!isNone(st)) {
    if (!isDict(st)) {
      raise(unpicklingErrorType(), "state is not a dictionary");
      return false;
    }
    Value dict = getAttr(inst, names::__dict__);
    if (dict.isNull()) return false;
    int64_t pos = 0;
    Value k, v;
    while (dictNext(st, &pos, &k, &v)) {
      if (isExactStr(k)) k = intern(k);
      if (setItem(dict, k, v) < 0) return false;
    }
  }
  if (!isNone(slotstate)) {
    if (!isDict(slotstate)) {
      raise(unpicklingErrorType(), "slot state is not a dictionary");
      return false;
    }
    int64_t pos = 0;
    Value k, v;
    while (dictNext(slotstate, &pos, &k, &v)) {
      if (setAttr(inst, k, v) < 0) return false;
    }
  }
  return true;
}

bool loadNextBuffer(Loader& l) {
  Value buffers = l.u()->buffers.get();
  if (buffers.isNull()) {
    raise(unpicklingErrorType(), "pickle stream refers to out-of-band data but no *buffers* argument was given");
    return false;
  }
  Value buf = iterNext(buffers);
  if (buf.isNull()) {
    if (!errorPending()) raise(unpicklingErrorType(), "not enough out-of-band buffers");
    return false;
  }
  return push(l, buf);
}

bool loadReadonlyBuffer(Loader& l) {
  Value obj = top(l);
  if (obj.isNull()) return false;
  Value view = newMemoryView(obj);
  if (view.isNull()) return false;
  if (asMemoryView(view)->flags & memoryview_flags::kReadonly) return true;
  Value ro = callMethod(view, internStr("toreadonly"), nullptr, 0);
  if (ro.isNull()) return false;
  listSetItem(l.stack, l.size() - 1, ro);
  return true;
}

bool loadProto(Loader& l) {
  const char* p;
  if (!read(l, 1, &p)) return false;
  int proto = static_cast<unsigned char>(p[0]);
  if (proto > kHighestProtocol) {
    raisef(exc::ValueError, "unsupported pickle protocol: %d", proto);
    return false;
  }
  l.u()->proto = proto;
  return true;
}

bool loadFrame(Loader& l) {
  uint64_t n;
  if (!readSize(l, 8, &n)) return false;
  if (n > static_cast<uint64_t>(INT64_MAX)) {
    raisef(exc::OverflowError, "FRAME length exceeds system's maximum of %lld bytes", static_cast<long long>(INT64_MAX));
    return false;
  }
  // Make the whole frame available, then go on reading it from the buffer.
  const char* p;
  if (!read(l, n, &p)) return false;
  l.pos -= n;
  return true;
}

Value invalidLoadKey(unsigned char c) {
  if (c >= 0x20 && c <= 0x7e && c != '\'' && c != '\\') {
    return raisef(unpicklingErrorType(), "invalid load key, '%c'.", c);
  }
  return raisef(unpicklingErrorType(), "invalid load key, '\\x%02x'.", c);
}

// Runs one opcode; false with an exception pending.
bool dispatch(Loader& l, char op) {
  switch (op) {
    case '(':
      l.marks.push_back(l.size());
      return true;
    case '0': return loadPop(l);
    case '1': return loadPopMark(l);
    case '2': return loadDup(l);
    case 'F': return loadFloat(l);
    case 'G': return loadBinFloat(l);
    case 'I': return loadInt(l);
    case 'J': {
      uint64_t v;
      return readSize(l, 4, &v) && push(l, newInt(static_cast<int32_t>(v)));
    }
    case 'K': {
      uint64_t v;
      return readSize(l, 1, &v) && push(l, newInt(static_cast<int64_t>(v)));
    }
    case 'M': {
      uint64_t v;
      return readSize(l, 2, &v) && push(l, newInt(static_cast<int64_t>(v)));
    }
    case 'L': return loadLong(l);
    case '\x8a': return loadCountedLong(l, 1);
    case '\x8b': return loadCountedLong(l, 4);
    case 'N': return push(l, None());
    case '\x88': return push(l, True());
    case '\x89': return push(l, False());
    case 'P': return loadPersId(l, false);
    case 'Q': return loadPersId(l, true);
    case 'R': return loadReduce(l);
    case 'S': return loadString(l);
    case 'T': return loadCountedString(l, 4);
    case 'U': return loadCountedString(l, 1);
    case 'B': return loadCountedBytes(l, 4, false);
    case 'C': return loadCountedBytes(l, 1, false);
    case '\x8e': return loadCountedBytes(l, 8, false);
    case '\x96': return loadCountedBytes(l, 8, true);
    case 'V': return loadUnicode(l);
    case 'X': return loadCountedUnicode(l, 4);
    case '\x8c': return loadCountedUnicode(l, 1);
    case '\x8d': return loadCountedUnicode(l, 8);
    case 'a': return doAppend(l, l.size() - 1);
    case 'e': {
      int64_t m = marker(l);
      return m >= 0 && doAppend(l, m);
    }
    case 's': return doSetItems(l, l.size() - 2);
    case 'u': {
      int64_t m = marker(l);
      return m >= 0 && doSetItems(l, m);
    }
    case '\x90': return loadAddItems(l);
    case 'b': return loadBuild(l);
    case 'c': return loadGlobal(l);
    case '\x93': return loadStackGlobal(l);
    case 'd': return loadMarkedDict(l);
    case '}': return push(l, newDict());
    case ']': return push(l, newList());
    case ')': return push(l, newTuple(0));
    case '\x8f': return push(l, newSet());
    case '\x91': return loadFrozenSet(l);
    case 'l': return loadMarkedList(l);
    case 't': return loadMarkedTuple(l);
    case '\x85': return loadTupleN(l, 1);
    case '\x86': return loadTupleN(l, 2);
    case '\x87': return loadTupleN(l, 3);
    case 'i': return loadInst(l);
    case 'o': return loadObj(l);
    case '\x81': return loadNewObj(l, false);
    case '\x92': return loadNewObj(l, true);
    case '\x82': return loadExt(l, 1);
    case '\x83': return loadExt(l, 2);
    case '\x84': return loadExt(l, 4);
    case 'g': return loadGetLine(l);
    case 'h': return loadGet(l, 1);
    case 'j': return loadGet(l, 4);
    case 'p': return loadPutLine(l);
    case 'q': return loadPut(l, 1);
    case 'r': return loadPut(l, 4);
    case '\x94': return memoPut(l, l.u()->memo_len);
    case '\x80': return loadProto(l);
    case '\x95': return loadFrame(l);
    case '\x97': return loadNextBuffer(l);
    case '\x98': return loadReadonlyBuffer(l);
    default:
      invalidLoadKey(static_cast<unsigned char>(op));
      return false;
  }
}

// --- the Unpickler type ---------------------------------------------------------------------

Value unpickler_new(Type* type, const Value*, size_t, Value) {
  Value self(newObject(type, type->basic_size));
  Value memo = newList();
  if (memo.isNull()) return memo;
  asUnpickler(self)->memo.set(memo);
  return self;
}

const MethodDef kUnpicklerInitDef = {
    .name = "Unpickler",
    .signature = "(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=<unrepresentable>)"};

int unpickler_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[5];
  if (!bindArguments(&kUnpicklerInitDef, Value(), args, nargs, kwnames, bound)) return -1;
  return unpicklerSetup(self, bound[0], bound[1], bound[2], bound[3], bound[4]) ? 0 : -1;
}

Value unpickler_load(Value* args) {
  Value self = args[0];
  if (asUnpickler(self)->read.get().isNull()) {
    return raisef(unpicklingErrorType(), "Unpickler.__init__() was not called by %s.__init__()",
                  typeNameOf(self).c_str());
  }
  return unpicklerLoad(self);
}

// find_class(module_name, global_name): with fix_imports for protocols < 3,
// the import, then the (dotted, from protocol 4) attribute.
Value unpickler_find_class(Value* args) {
  Value self = args[0];
  Value module_name = args[1], global_name = args[2];
  Value audit_args[2] = {module_name, global_name};
  Value sys = sysModule();
  Value audit = lookupAttr(sys, internStr("audit"));
  if (!audit.isNull()) {
    Value event = internStr("pickle.find_class");
    Value call_args[3] = {event, audit_args[0], audit_args[1]};
    if (call(audit, call_args, 3).isNull()) return Value();
  } else if (errorPending()) {
    return Value();
  }
  if (asUnpickler(self)->proto < 3 && asUnpickler(self)->fix_imports) {
    Value key = newTupleOf({module_name, global_name});
    if (key.isNull()) return key;
    Value item = dictGet(state().name_mapping_2to3.get(), key);
    if (!item.isNull()) {
      if (!isTuple(item) || tupleLength(item) != 2) {
        return raisef(exc::RuntimeError, "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %.200s",
                      typeNameOf(item).c_str());
      }
      module_name = tupleItem(item, 0);
      global_name = tupleItem(item, 1);
      if (!isStr(module_name) || !isStr(global_name)) {
        return raisef(exc::RuntimeError, "_compat_pickle.NAME_MAPPING values should be pairs of str, not (%.200s, %.200s)",
                      typeNameOf(module_name).c_str(), typeNameOf(global_name).c_str());
      }
    } else if (errorPending()) {
      return Value();
    } else {
      item = dictGet(state().import_mapping_2to3.get(), module_name);
      if (!item.isNull()) {
        if (!isStr(item)) {
          return raisef(exc::RuntimeError, "_compat_pickle.IMPORT_MAPPING values should be strings, not %.200s",
                        typeNameOf(item).c_str());
        }
        module_name = item;
      } else if (errorPending()) {
        return Value();
      }
    }
  }
  Value module = importByName(module_name);
  if (module.isNull()) return module;
  Value global;
  if (asUnpickler(self)->proto >= 4) {
    Value dotted_path = getDottedPath(module, global_name);
    if (dotted_path.isNull()) return dotted_path;
    global = getDeepAttribute(module, dotted_path, nullptr);
  } else {
    global = lookupAttr(module, global_name);
  }
  if (!global.isNull() || errorPending()) return global;
  Value name_repr = repr(global_name);
  if (name_repr.isNull()) return name_repr;
  Value module_repr = repr(module);
  if (module_repr.isNull()) return module_repr;
  return raisef(exc::AttributeError, "Can't get attribute %s on %s", strToUtf8(name_repr).c_str(),
                strToUtf8(module_repr).c_str());
}

Value unpickler_sizeof(Value* args) { return newInt(static_cast<int64_t>(typeOf(args[0])->basic_size)); }

Value unpickler_get_memo(Value self) { return newUnpicklerMemoProxy(self); }

int unpickler_set_memo(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "attribute deletion is not supported");
    return -1;
  }
  Value source;
  if (isUnpicklerMemoProxy(value)) {
    source = unpicklerMemoCopy(memoProxyOwner(value));
    if (source.isNull()) return -1;
  } else if (isDict(value)) {
    source = value;
  } else {
    raisef(exc::TypeError, "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %.200s",
           typeNameOf(value).c_str());
    return -1;
  }
  Value memo = newList();
  if (memo.isNull()) return -1;
  asUnpickler(self)->memo.set(memo);
  asUnpickler(self)->memo_len = 0;
  int64_t pos = 0;
  Value key, v;
  while (dictNext(source, &pos, &key, &v)) {
    int64_t idx;
    if (!isInt(key)) {
      raise(exc::TypeError, "memo key must be integers");
      return -1;
    }
    if (!intToInt64(key, &idx)) return -1;
    if (idx < 0) {
      raise(exc::ValueError, "memo key must be positive integers.");
      return -1;
    }
    if (!memoSet(self, idx, v)) return -1;
  }
  return 0;
}

Value unpickler_get_persload(Value self) {
  Value f = asUnpickler(self)->pers_func.get();
  if (f.isNull()) return raiseWithArgs(exc::AttributeError, newTupleOf({internStr("persistent_load")}));
  return f;
}

int unpickler_set_persload(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "attribute deletion is not supported");
    return -1;
  }
  if (!isCallable(value)) {
    raise(exc::TypeError, "persistent_load must be a callable taking one argument");
    return -1;
  }
  asUnpickler(self)->pers_func.set(value);
  return 0;
}

const MethodDef kUnpicklerMethods[] = {
    {.name = "load",
     .signature = "($self, /)",
     .fn = unpickler_load,
     .doc = "Load a pickle.\n\nRead a pickled object representation from the open file object given\nin the "
            "constructor, and return the reconstituted object hierarchy\nspecified therein."},
    {.name = "find_class",
     .signature = "($self, module_name, global_name, /)",
     .fn = unpickler_find_class,
     .doc = "Return an object from a specified module.\n\nIf necessary, the module will be imported. Subclasses may "
            "override\nthis method (e.g. to restrict unpickling of arbitrary classes and\nfunctions).\n\nThis "
            "method is called whenever a class or a function object is\nneeded.  Both arguments passed are str "
            "objects."},
    {.name = "__sizeof__",
     .signature = "($self, /)",
     .fn = unpickler_sizeof,
     .doc = "Returns size in memory, in bytes."},
};

const GetSetDef kUnpicklerGetSets[] = {
    {.name = "memo", .get = unpickler_get_memo, .set = unpickler_set_memo},
    {.name = "persistent_load", .get = unpickler_get_persload, .set = unpickler_set_persload},
};

const uint32_t kUnpicklerFields[] = {offsetof(Obj, ob_type),
                                     offsetof(UnpicklerObj, read),
                                     offsetof(UnpicklerObj, readline),
                                     offsetof(UnpicklerObj, memo),
                                     offsetof(UnpicklerObj, pers_func),
                                     offsetof(UnpicklerObj, encoding),
                                     offsetof(UnpicklerObj, errors),
                                     offsetof(UnpicklerObj, buffers),
                                     offsetof(UnpicklerObj, input)};
const gc::Layout kUnpicklerLayout = {.name = "_pickle.Unpickler", .fields = kUnpicklerFields};

const TypeSpec kUnpicklerSpec = {
    .name = "Unpickler",
    .module = "_pickle",
    .type = &g_unpickler_type,
    .layout = &kUnpicklerLayout,
    .basic_size = sizeof(UnpicklerObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_init = unpickler_init, .tp_new = unpickler_new},
    .methods = kUnpicklerMethods,
    .getsets = kUnpicklerGetSets,
    .doc = "This takes a binary file for reading a pickle data stream.\n\nThe protocol version of the pickle is "
           "detected automatically, so no\nprotocol argument is needed.  Bytes past the pickled object's\n"
           "representation are ignored.\n\nThe argument *file* must have two methods, a read() method that takes "
           "an\ninteger argument, and a readline() method that requires no\narguments.  Both methods should "
           "return bytes.  Thus *file* can be a\nbinary file object opened for reading, an io.BytesIO object, or "
           "any\nother custom object that meets this interface.\n\nOptional keyword arguments are *fix_imports*, "
           "*encoding* and *errors*,\nwhich are used to control compatibility support for pickle stream\n"
           "generated by Python 2.  If *fix_imports* is True, pickle will try to\nmap the old Python 2 names to "
           "the new names used in Python 3.  The\n*encoding* and *errors* tell pickle how to decode 8-bit string\n"
           "instances pickled by Python 2; these default to 'ASCII' and 'strict',\nrespectively.  The *encoding* "
           "can be 'bytes' to read these 8-bit\nstring instances as bytes objects.",
    .text_signature = "(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())",
};
TERN_REGISTER_TYPE(kUnpicklerSpec);

}  // namespace

bool unpicklerSetup(Value self, Value file, Value fix_imports, Value encoding, Value errors, Value buffers) {
  Value read_fn = None(), readline_fn = None();
  if (!file.isNull()) {
    read_fn = lookupAttr(file, internStr("read"));
    if (read_fn.isNull() && errorPending()) return false;
    readline_fn = lookupAttr(file, internStr("readline"));
    if (readline_fn.isNull() && errorPending()) return false;
    if (read_fn.isNull() || readline_fn.isNull()) {
      raise(exc::TypeError, "file must have 'read' and 'readline' attributes");
      return false;
    }
  }
  if (!isStr(encoding)) {
    raisef(exc::TypeError, "argument 'encoding' must be str, not %.50s", typeNameOf(encoding).c_str());
    return false;
  }
  if (!isStr(errors)) {
    raisef(exc::TypeError, "argument 'errors' must be str, not %.50s", typeNameOf(errors).c_str());
    return false;
  }
  Value iter;
  if (!buffers.isNull() && !isNone(buffers)) {
    iter = getIter(buffers);
    if (iter.isNull()) return false;
  }
  int fix = isTrue(fix_imports);
  if (fix < 0) return false;
  Value memo = newList();
  if (memo.isNull()) return false;
  UnpicklerObj* u = asUnpickler(self);
  u->read.set(read_fn);
  u->readline.set(readline_fn);
  u->encoding.set(encoding);
  u->errors.set(errors);
  u->buffers.set(iter);
  u->memo.set(memo);
  u->memo_len = 0;
  u->input.set(Value());
  u->fix_imports = static_cast<uint64_t>(fix);
  u->proto = 0;
  Value pers = lookupAttr(self, internStr("persistent_load"));
  if (pers.isNull() && errorPending()) return false;
  asUnpickler(self)->pers_func.set(pers);
  return true;
}

Value unpicklerMemoCopy(Value self) {
  Value copy = newDict();
  if (copy.isNull()) return copy;
  Value memo = asUnpickler(self)->memo.get();
  for (int64_t i = 0; i < listLength(memo); ++i) {
    Value v = listItem(memo, i);
    if (v != state().memo_hole.get() && dictSet(copy, newInt(i), v) < 0) return Value();
  }
  return copy;
}

void unpicklerMemoClear(Value self) {
  listTruncate(asUnpickler(self)->memo.get(), 0);
  asUnpickler(self)->memo_len = 0;
}

void unpicklerSetData(Value self, std::string_view data) {
  asUnpickler(self)->input.set(newBytes(data));
}

Value unpicklerLoad(Value self) {
  Loader l;
  l.self = self;
  l.stack = newList();
  if (l.stack.isNull()) return l.stack;
  Value input = asUnpickler(self)->input.get();
  if (!input.isNull()) {
    l.input.assign(asBytes(input)->view());
  } else {
    l.from_file = true;
  }
  asUnpickler(self)->proto = 0;
  for (;;) {
    const char* p;
    if (!read(l, 1, &p)) {
      if (errorMatches(unpicklingErrorType())) {
        clearError();
        raise(exc::EOFError, "Ran out of input");
      }
      return Value();
    }
    char op = *p;
    if (op == '.') break;
    if (!dispatch(l, op)) return Value();
  }
  return pop(l);
}

}  // namespace tern::pickle
