// The _json module: the speedups json imports when they exist —
// scanstring, make_scanner (the decoder's scan_once), make_encoder (the
// one-shot encoder json.dumps uses without indent) and encode_basestring /
// encode_basestring_ascii — with CPython 3.11's parsing rules, error
// positions and messages (json.JSONDecodeError "Invalid control character
// at: line 1 column 2 (char 1)", "Circular reference detected", ...).
#include <cmath>
#include <cstdint>
#include <string>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* g_scanner_type = nullptr;

// raise_errmsg: json.decoder.JSONDecodeError(msg, s, pos).
Value raiseDecodeError(const char* msg, Value s, int64_t pos) {
  Value module = importModule(internStr("json.decoder"));
  if (module.isNull()) return module;
  Value cls = getAttr(module, internStr("JSONDecodeError"));
  if (cls.isNull()) return cls;
  Value m = newStr(msg);
  if (m.isNull()) return m;
  Value p = newInt(pos);
  if (p.isNull()) return p;
  Value args[3] = {m, s, p};
  Value exc = call(cls, args, 3);
  if (exc.isNull()) return exc;
  return raiseException(exc);
}

int hexDigit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// CPython's scanstring_unicode: the string whose opening quote is at
// end - 1; *next is the index after the closing quote.
Value scanString(Value pystr, int64_t end, bool strict, int64_t* next_out) {
  StrObj* s = asStr(pystr);
  int64_t len = s->length;
  int64_t begin = end - 1;
  if (end < 0 || len < end) return raise(exc::ValueError, "end is out of bounds");
  std::u32string out;
  for (;;) {
    char32_t c = 0;
    int64_t next = end;
    for (; next < len; ++next) {
      c = asStr(pystr)->at(next);
      if (c == '"' || c == '\\') break;
      if (c <= 0x1f && strict) return raiseDecodeError("Invalid control character at", pystr, next);
    }
    if (next >= len) c = 0;
    if (c != '"' && c != '\\') return raiseDecodeError("Unterminated string starting at", pystr, begin);
    for (int64_t i = end; i < next; ++i) out.push_back(asStr(pystr)->at(i));
    ++next;
    if (c == '"') {
      end = next;
      break;
    }
    if (next == len) return raiseDecodeError("Unterminated string starting at", pystr, begin);
    c = asStr(pystr)->at(next);
    if (c != 'u') {
      end = next + 1;
      switch (c) {
        case '"':
        case '\\':
        case '/':
          break;
        case 'b':
          c = '\b';
          break;
        case 'f':
          c = '\f';
          break;
        case 'n':
          c = '\n';
          break;
        case 'r':
          c = '\r';
          break;
        case 't':
          c = '\t';
          break;
        default:
          c = 0;
      }
      if (c == 0) return raiseDecodeError("Invalid \\escape", pystr, end - 2);
    } else {
      c = 0;
      ++next;
      end = next + 4;
      if (end >= len) return raiseDecodeError("Invalid \\uXXXX escape", pystr, next - 1);
      for (; next < end; ++next) {
        int d = hexDigit(asStr(pystr)->at(next));
        if (d < 0) return raiseDecodeError("Invalid \\uXXXX escape", pystr, end - 5);
        c = (c << 4) | static_cast<char32_t>(d);
      }
      // A surrogate pair written as two escapes.
      if (c >= 0xD800 && c <= 0xDBFF && end + 6 < len && asStr(pystr)->at(next++) == '\\' &&
          asStr(pystr)->at(next++) == 'u') {
        char32_t c2 = 0;
        end += 6;
        for (; next < end; ++next) {
          int d = hexDigit(asStr(pystr)->at(next));
          if (d < 0) return raiseDecodeError("Invalid \\uXXXX escape", pystr, end - 5);
          c2 = (c2 << 4) | static_cast<char32_t>(d);
        }
        if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
          c = 0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00));
        } else {
          end -= 6;
        }
      }
    }
    out.push_back(c);
  }
  *next_out = end;
  return newStrFromUcs4(out);
}

Value json_scanstring(Value* args) {
  Value pystr = args[1];
  int64_t end;
  if (!argSsize(args[2], &end)) return Value();
  int strict;
  if (!argCInt(args[3], &strict)) return Value();
  if (!isStr(pystr)) {
    return raisef(exc::TypeError, "first argument must be a string, not %.80s", typeNameOf(pystr).c_str());
  }
  int64_t next;
  Value s = scanString(pystr, end, strict != 0, &next);
  if (s.isNull()) return s;
  Value n = newInt(next);
  if (n.isNull()) return n;
  return newTupleOf({s, n});
}

// --- encode_basestring(_ascii) -------------------------------------------------

const char kHex[] = "0123456789abcdef";

void appendUEscape(std::u32string* out, char32_t c) {
  out->append(U"\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(static_cast<char32_t>(kHex[(c >> shift) & 0xf]));
}

// The JSON string literal of `s`; ascii_only escapes everything outside printable ASCII.
Value encodeString(Value s, bool ascii_only) {
  if (!isStr(s)) return raisef(exc::TypeError, "first argument must be a string, not %.80s", typeNameOf(s).c_str());
  std::u32string out = U"\"";
  int64_t n = asStr(s)->length;
  for (int64_t i = 0; i < n; ++i) {
    char32_t c = asStr(s)->at(i);
    switch (c) {
      case '\\':
        out.append(U"\\\\");
        continue;
      case '"':
        out.append(U"\\\"");
        continue;
      case '\b':
        out.append(U"\\b");
        continue;
      case '\f':
        out.append(U"\\f");
        continue;
      case '\n':
        out.append(U"\\n");
        continue;
      case '\r':
        out.append(U"\\r");
        continue;
      case '\t':
        out.append(U"\\t");
        continue;
      default:
        break;
    }
    if (c < ' ') {
      appendUEscape(&out, c);
    } else if (c < 0x7f || !ascii_only) {
      out.push_back(c);
    } else if (c >= 0x10000) {
      char32_t v = c - 0x10000;
      appendUEscape(&out, 0xD800 | ((v >> 10) & 0x3ff));
      appendUEscape(&out, 0xDC00 | (v & 0x3ff));
    } else {
      appendUEscape(&out, c);
    }
  }
  out.push_back('"');
  return newStrFromUcs4(out);
}

Value json_encode_basestring_ascii(Value* args) { return encodeString(args[1], true); }
Value json_encode_basestring(Value* args) { return encodeString(args[1], false); }

// ===========================================================================
// make_scanner: the Scanner type

struct ScannerObj : Obj {
  gc::HeapValue object_hook;
  gc::HeapValue object_pairs_hook;
  gc::HeapValue parse_float;
  gc::HeapValue parse_int;
  gc::HeapValue parse_constant;
  uint64_t strict;
};
ScannerObj* asScanner(Value v) { return static_cast<ScannerObj*>(v.asObject()); }

bool isWhitespace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Value scanOnce(Value self, Value memo, Value pystr, int64_t idx, int64_t* next);

int64_t skipWhitespace(Value pystr, int64_t idx) {
  int64_t len = asStr(pystr)->length;
  while (idx < len && isWhitespace(asStr(pystr)->at(idx))) ++idx;
  return idx;
}

Value parseObject(Value self, Value memo, Value pystr, int64_t idx, int64_t* next_out) {
  int64_t end_idx = asStr(pystr)->length - 1;
  bool has_pairs_hook = !isNone(asScanner(self)->object_pairs_hook.get());
  Value rval = has_pairs_hook ? newList() : newDict();
  if (rval.isNull()) return rval;
  idx = skipWhitespace(pystr, idx);
  if (idx > end_idx || asStr(pystr)->at(idx) != '}') {
    for (;;) {
      if (idx > end_idx || asStr(pystr)->at(idx) != '"') {
        return raiseDecodeError("Expecting property name enclosed in double quotes", pystr, idx);
      }
      int64_t next;
      Value key = scanString(pystr, idx + 1, asScanner(self)->strict != 0, &next);
      if (key.isNull()) return key;
      Value memo_key = dictGet(memo, key);
      if (memo_key.isNull()) {
        if (errorPending()) return Value();
        if (dictSet(memo, key, key) < 0) return Value();
      } else {
        key = memo_key;
      }
      idx = skipWhitespace(pystr, next);
      if (idx > end_idx || asStr(pystr)->at(idx) != ':') return raiseDecodeError("Expecting ':' delimiter", pystr, idx);
      idx = skipWhitespace(pystr, idx + 1);
      Value val = scanOnce(self, memo, pystr, idx, &next);
      if (val.isNull()) return val;
      if (has_pairs_hook) {
        Value item = newTupleOf({key, val});
        if (item.isNull() || !listAppend(rval, item)) return Value();
      } else if (dictSet(rval, key, val) < 0) {
        return Value();
      }
      idx = skipWhitespace(pystr, next);
      if (idx <= end_idx && asStr(pystr)->at(idx) == '}') break;
      if (idx > end_idx || asStr(pystr)->at(idx) != ',') return raiseDecodeError("Expecting ',' delimiter", pystr, idx);
      idx = skipWhitespace(pystr, idx + 1);
    }
  }
  *next_out = idx + 1;
  if (has_pairs_hook) return call1(asScanner(self)->object_pairs_hook.get(), rval);
  Value hook = asScanner(self)->object_hook.get();
  if (!isNone(hook)) return call1(hook, rval);
  return rval;
}

Value parseArray(Value self, Value memo, Value pystr, int64_t idx, int64_t* next_out) {
  int64_t end_idx = asStr(pystr)->length - 1;
  Value rval = newList();
  if (rval.isNull()) return rval;
  idx = skipWhitespace(pystr, idx);
  if (idx > end_idx || asStr(pystr)->at(idx) != ']') {
    for (;;) {
      int64_t next;
      Value val = scanOnce(self, memo, pystr, idx, &next);
      if (val.isNull()) return val;
      if (!listAppend(rval, val)) return Value();
      idx = skipWhitespace(pystr, next);
      if (idx <= end_idx && asStr(pystr)->at(idx) == ']') break;
      if (idx > end_idx || asStr(pystr)->at(idx) != ',') return raiseDecodeError("Expecting ',' delimiter", pystr, idx);
      idx = skipWhitespace(pystr, idx + 1);
    }
  }
  *next_out = idx + 1;
  return rval;
}

Value parseConstant(Value self, const char* constant, int64_t idx, int64_t* next_out) {
  Value name = internStr(constant);
  Value r = call1(asScanner(self)->parse_constant.get(), name);
  if (r.isNull()) return r;
  *next_out = idx + asStr(name)->length;
  return r;
}

bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }

Value matchNumber(Value self, Value pystr, int64_t start, int64_t* next_out) {
  int64_t end_idx = asStr(pystr)->length - 1;
  int64_t idx = start;
  auto at = [&](int64_t i) { return asStr(pystr)->at(i); };
  bool is_float = false;
  if (at(idx) == '-') {
    ++idx;
    if (idx > end_idx) return raiseStopIteration(newInt(start));
  }
  if (at(idx) >= '1' && at(idx) <= '9') {
    ++idx;
    while (idx <= end_idx && isDigit(at(idx))) ++idx;
  } else if (at(idx) == '0') {
    ++idx;
  } else {
    return raiseStopIteration(newInt(start));
  }
  if (idx < end_idx && at(idx) == '.' && isDigit(at(idx + 1))) {
    is_float = true;
    idx += 2;
    while (idx <= end_idx && isDigit(at(idx))) ++idx;
  }
  if (idx < end_idx && (at(idx) == 'e' || at(idx) == 'E')) {
    int64_t e_start = idx;
    ++idx;
    if (idx < end_idx && (at(idx) == '-' || at(idx) == '+')) ++idx;
    while (idx <= end_idx && isDigit(at(idx))) ++idx;
    if (isDigit(at(idx - 1))) {
      is_float = true;
    } else {
      idx = e_start;
    }
  }
  Value numstr = strSubstring(pystr, start, idx);
  if (numstr.isNull()) return numstr;
  Value parse_float = asScanner(self)->parse_float.get();
  Value parse_int = asScanner(self)->parse_int.get();
  Value rval;
  if (is_float && parse_float != typeValue(types::float_type)) {
    rval = call1(parse_float, numstr);
  } else if (!is_float && parse_int != typeValue(types::int_type)) {
    rval = call1(parse_int, numstr);
  } else if (is_float) {
    rval = toFloat(numstr);
  } else {
    rval = call1(typeValue(types::int_type), numstr);
  }
  if (rval.isNull()) return rval;
  *next_out = idx;
  return rval;
}

bool matchesAt(Value pystr, int64_t idx, const char* word) {
  for (int64_t k = 0; word[k] != '\0'; ++k)
    if (asStr(pystr)->at(idx + k) != static_cast<unsigned char>(word[k])) return false;
  return true;
}

Value scanOnce(Value self, Value memo, Value pystr, int64_t idx, int64_t* next) {
  int64_t length = asStr(pystr)->length;
  if (idx < 0) return raise(exc::ValueError, "idx cannot be negative");
  if (idx >= length) return raiseStopIteration(newInt(idx));
  switch (asStr(pystr)->at(idx)) {
    case '"':
      return scanString(pystr, idx + 1, asScanner(self)->strict != 0, next);
    case '{': {
      if (!enterRecursiveCall(" while decoding a JSON object from a unicode string")) return Value();
      Value r = parseObject(self, memo, pystr, idx + 1, next);
      leaveRecursiveCall();
      return r;
    }
    case '[': {
      if (!enterRecursiveCall(" while decoding a JSON array from a unicode string")) return Value();
      Value r = parseArray(self, memo, pystr, idx + 1, next);
      leaveRecursiveCall();
      return r;
    }
    case 'n':
      if (idx + 3 < length && matchesAt(pystr, idx + 1, "ull")) {
        *next = idx + 4;
        return None();
      }
      break;
    case 't':
      if (idx + 3 < length && matchesAt(pystr, idx + 1, "rue")) {
        *next = idx + 4;
        return True();
      }
      break;
    case 'f':
      if (idx + 4 < length && matchesAt(pystr, idx + 1, "alse")) {
        *next = idx + 5;
        return False();
      }
      break;
    case 'N':
      if (idx + 2 < length && matchesAt(pystr, idx + 1, "aN")) return parseConstant(self, "NaN", idx, next);
      break;
    case 'I':
      if (idx + 7 < length && matchesAt(pystr, idx + 1, "nfinity")) return parseConstant(self, "Infinity", idx, next);
      break;
    case '-':
      if (idx + 8 < length && matchesAt(pystr, idx + 1, "Infinity")) {
        return parseConstant(self, "-Infinity", idx, next);
      }
      break;
    default:
      break;
  }
  return matchNumber(self, pystr, idx, next);
}

// make_scanner(context): the hooks and strictness of a JSONDecoder.
Value scanner_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  if (nargs + nk != 1 || (nk == 1 && !strEqualsAscii(tupleItem(kwnames, 0), "context"))) {
    if (nk == 1 && !strEqualsAscii(tupleItem(kwnames, 0), "context")) {
      return raisef(exc::TypeError, "'%s' is an invalid keyword argument for make_scanner()",
                    strToUtf8(tupleItem(kwnames, 0)).c_str());
    }
    return raisef(exc::TypeError, "make_scanner() takes exactly 1 argument (%zu given)", nargs + nk);
  }
  Value ctx = args[0];
  Value self(newObject(type, type->basic_size));
  Value strict = getAttr(ctx, internStr("strict"));
  if (strict.isNull()) return strict;
  int t = isTrue(strict);
  if (t < 0) return Value();
  asScanner(self)->strict = static_cast<uint64_t>(t);
  const char* const kNames[] = {"object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"};
  for (int i = 0; i < 5; ++i) {
    Value v = getAttr(ctx, internStr(kNames[i]));
    if (v.isNull()) return v;
    ScannerObj* s = asScanner(self);
    gc::HeapValue* slots[] = {&s->object_hook, &s->object_pairs_hook, &s->parse_float, &s->parse_int,
                              &s->parse_constant};
    slots[i]->set(v);
  }
  return self;
}

// scanner(string, idx) -> (value, end); StopIteration(idx) when no value starts at idx.
Value scanner_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  // "On:scan_once" with the keywords string and idx.
  Value bound[2];
  size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  if (nargs > 2) return raisef(exc::TypeError, "scan_once() takes at most 2 arguments (%zu given)", nargs + nk);
  for (size_t i = 0; i < nargs; ++i) bound[i] = args[i];
  for (size_t k = 0; k < nk; ++k) {
    Value key = tupleItem(kwnames, static_cast<int64_t>(k));
    size_t i = strEqualsAscii(key, "string") ? 0 : strEqualsAscii(key, "idx") ? 1 : 2;
    if (i == 2) {
      return raisef(exc::TypeError, "'%s' is an invalid keyword argument for scan_once()", strToUtf8(key).c_str());
    }
    if (i < nargs) {
      return raisef(exc::TypeError, "argument for scan_once() given by name ('%s') and position (%zu)",
                    strToUtf8(key).c_str(), i + 1);
    }
    bound[i] = args[nargs + k];
  }
  for (size_t i = 0; i < 2; ++i) {
    if (bound[i].isNull()) {
      return raisef(exc::TypeError, "scan_once() missing required argument '%s' (pos %zu)", i == 0 ? "string" : "idx",
                    i + 1);
    }
  }
  Value pystr = bound[0];
  if (!isStr(pystr)) {
    return raisef(exc::TypeError, "first argument must be a string, not %.80s", typeNameOf(pystr).c_str());
  }
  int64_t idx;
  if (!argSsize(bound[1], &idx)) return Value();
  Value memo = newDict();
  if (memo.isNull()) return memo;
  int64_t next = 0;
  Value r = scanOnce(self, memo, pystr, idx, &next);
  if (r.isNull()) return r;
  Value n = newInt(next);
  if (n.isNull()) return n;
  return newTupleOf({r, n});
}

const uint32_t kScannerFields[] = {offsetof(Obj, ob_type),
                                   offsetof(ScannerObj, object_hook),
                                   offsetof(ScannerObj, object_pairs_hook),
                                   offsetof(ScannerObj, parse_float),
                                   offsetof(ScannerObj, parse_int),
                                   offsetof(ScannerObj, parse_constant)};
const gc::Layout kScannerLayout = {.name = "_json.Scanner", .fields = kScannerFields};

const MemberDef kScannerMembers[] = {
    {.name = "strict", .kind = MemberKind::kBool, .offset = offsetof(ScannerObj, strict), .readonly = true},
    {.name = "object_hook", .kind = MemberKind::kObject, .offset = offsetof(ScannerObj, object_hook), .readonly = true},
    {.name = "object_pairs_hook",
     .kind = MemberKind::kObject,
     .offset = offsetof(ScannerObj, object_pairs_hook),
     .readonly = true},
    {.name = "parse_float", .kind = MemberKind::kObject, .offset = offsetof(ScannerObj, parse_float), .readonly = true},
    {.name = "parse_int", .kind = MemberKind::kObject, .offset = offsetof(ScannerObj, parse_int), .readonly = true},
    {.name = "parse_constant",
     .kind = MemberKind::kObject,
     .offset = offsetof(ScannerObj, parse_constant),
     .readonly = true},
};

const TypeSpec kScannerSpec = {
    .name = "Scanner",
    .module = "_json",
    .type = &g_scanner_type,
    .layout = &kScannerLayout,
    .basic_size = sizeof(ScannerObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_call = scanner_call, .tp_new = scanner_new},
    .members = kScannerMembers,
    .doc = "JSON scanner object",
};
TERN_REGISTER_TYPE(kScannerSpec);

// ===========================================================================
// make_encoder: the Encoder type

Type* g_encoder_type = nullptr;

struct EncoderObj : Obj {
  gc::HeapValue markers;  // dict or None
  gc::HeapValue defaultfn;
  gc::HeapValue encoder;
  gc::HeapValue indent;
  gc::HeapValue key_separator;
  gc::HeapValue item_separator;
  uint64_t sort_keys;
  uint64_t skipkeys;
  uint64_t allow_nan;
  int64_t fast_encode;  // 0: call `encoder`; 1: encode_basestring_ascii; 2: encode_basestring
};
EncoderObj* asEncoder(Value v) { return static_cast<EncoderObj*>(v.asObject()); }

const char* const kEncoderKeywords[] = {"markers",        "default",   "encoder",  "indent",   "key_separator",
                                        "item_separator", "sort_keys", "skipkeys", "allow_nan"};

Value encoder_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value p[9];
  size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  if (nargs > 9) return raisef(exc::TypeError, "make_encoder() takes at most 9 arguments (%zu given)", nargs + nk);
  for (size_t i = 0; i < nargs; ++i) p[i] = args[i];
  for (size_t k = 0; k < nk; ++k) {
    std::string key = strToUtf8(tupleItem(kwnames, static_cast<int64_t>(k)));
    size_t i = 0;
    while (i < 9 && key != kEncoderKeywords[i]) ++i;
    if (i == 9) return raisef(exc::TypeError, "'%s' is an invalid keyword argument for make_encoder()", key.c_str());
    if (i < nargs) {
      return raisef(exc::TypeError, "argument for make_encoder() given by name ('%s') and position (%zu)", key.c_str(),
                    i + 1);
    }
    p[i] = args[nargs + k];
  }
  for (size_t i = 0; i < 9; ++i) {
    if (p[i].isNull()) {
      return raisef(exc::TypeError, "make_encoder() missing required argument '%s' (pos %zu)", kEncoderKeywords[i],
                    i + 1);
    }
  }
  if (!isNone(p[0]) && !isDict(p[0])) {
    return raisef(exc::TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                  typeNameOf(p[0]).c_str());
  }
  for (size_t i = 4; i < 6; ++i) {
    if (!isStr(p[i])) {
      return raisef(exc::TypeError, "make_encoder() argument %zu must be str, not %.50s", i + 1,
                    typeNameOf(p[i]).c_str());
    }
  }
  int flags[3];
  for (size_t i = 6; i < 9; ++i) {
    flags[i - 6] = isTrue(p[i]);
    if (flags[i - 6] < 0) return Value();
  }
  Value self(newObject(type, type->basic_size));
  EncoderObj* e = asEncoder(self);
  e->markers.set(p[0]);
  e->defaultfn.set(p[1]);
  e->encoder.set(p[2]);
  e->indent.set(p[3]);
  e->key_separator.set(p[4]);
  e->item_separator.set(p[5]);
  e->sort_keys = static_cast<uint64_t>(flags[0]);
  e->skipkeys = static_cast<uint64_t>(flags[1]);
  e->allow_nan = static_cast<uint64_t>(flags[2]);
  // The module's own string encoders are called directly.
  Value module = importModule(internStr("_json"));
  if (module.isNull()) return module;
  Value ascii_fn = getAttr(module, internStr("encode_basestring_ascii"));
  if (ascii_fn.isNull()) return ascii_fn;
  Value plain_fn = getAttr(module, internStr("encode_basestring"));
  if (plain_fn.isNull()) return plain_fn;
  int eq_ascii = richCompareBool(p[2], ascii_fn, kEq);
  if (eq_ascii < 0) return Value();
  int eq_plain = richCompareBool(p[2], plain_fn, kEq);
  if (eq_plain < 0) return Value();
  asEncoder(self)->fast_encode = eq_ascii ? 1 : eq_plain ? 2 : 0;
  return self;
}

Value encodeKeyOrString(Value self, Value s) {
  int64_t fast = asEncoder(self)->fast_encode;
  if (fast != 0) return encodeString(s, fast == 1);
  Value encoded = call1(asEncoder(self)->encoder.get(), s);
  if (!encoded.isNull() && !isStr(encoded)) {
    return raisef(exc::TypeError, "encoder() must return a string, not %.80s", typeNameOf(encoded).c_str());
  }
  return encoded;
}

Value encodeFloat(Value self, Value obj) {
  double d = floatValue(obj);
  if (!std::isfinite(d)) {
    if (!asEncoder(self)->allow_nan) return raise(exc::ValueError, "Out of range float values are not JSON compliant");
    return newStr(d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN");
  }
  return types::float_type->slots.tp_repr(obj);
}

bool appendStr(std::u32string* out, Value s) {
  if (s.isNull()) return false;
  int64_t n = asStr(s)->length;
  for (int64_t i = 0; i < n; ++i) out->push_back(asStr(s)->at(i));
  return true;
}

Value identityOf(Value v) {
  if (v.isSmallInt()) return newIntUnsigned(v.bits());
  return newIntUnsigned(gc::identity(v.asObject()));
}

// Registers `obj` in the markers dict (circular-reference check); *ident is
// the key to remove afterwards (null when markers is None).
bool markEnter(Value self, Value obj, Value* ident) {
  Value markers = asEncoder(self)->markers.get();
  if (isNone(markers)) return true;
  *ident = identityOf(obj);
  if (ident->isNull()) return false;
  int has = dictContains(markers, *ident);
  if (has != 0) {
    if (has > 0) raise(exc::ValueError, "Circular reference detected");
    return false;
  }
  return dictSet(markers, *ident, obj) == 0;
}

bool markLeave(Value self, Value ident) {
  if (ident.isNull()) return true;
  int r = dictDel(asEncoder(self)->markers.get(), ident);
  if (r < 0) return false;
  if (r == 0) {
    raiseKeyError(ident);
    return false;
  }
  return true;
}

bool encodeObj(Value self, std::u32string* out, Value obj, int64_t indent_level);

bool encodeList(Value self, std::u32string* out, Value seq, int64_t indent_level) {
  int64_t n = isList(seq) ? listLength(seq) : tupleLength(seq);
  if (n == 0) {
    out->append(U"[]");
    return true;
  }
  Value ident;
  if (!markEnter(self, seq, &ident)) return false;
  out->push_back('[');
  for (int64_t i = 0;; ++i) {
    int64_t len = isList(seq) ? listLength(seq) : tupleLength(seq);
    if (i >= len) break;
    if (i > 0 && !appendStr(out, asEncoder(self)->item_separator.get())) return false;
    Value item = isList(seq) ? listItem(seq, i) : tupleItem(seq, i);
    if (!encodeObj(self, out, item, indent_level)) return false;
  }
  if (!markLeave(self, ident)) return false;
  out->push_back(']');
  return true;
}

bool encodeDict(Value self, std::u32string* out, Value dct, int64_t indent_level) {
  if (dictSize(dct) == 0) {
    out->append(U"{}");
    return true;
  }
  Value ident;
  if (!markEnter(self, dct, &ident)) return false;
  out->push_back('{');
  Value items = callMethod(dct, internStr("items"), nullptr, 0);
  if (items.isNull()) return false;
  items = listFromIterable(items);
  if (items.isNull()) return false;
  if (asEncoder(self)->sort_keys) {
    Value r = callMethod(items, internStr("sort"), nullptr, 0);
    if (r.isNull()) return false;
  }
  bool first = true;
  for (int64_t i = 0; i < listLength(items); ++i) {
    Value item = listItem(items, i);
    if (!isTuple(item) || tupleLength(item) != 2) {
      raise(exc::ValueError, "items must return 2-tuples");
      return false;
    }
    Value key = tupleItem(item, 0);
    Value kstr;
    if (isStr(key)) {
      kstr = key;
    } else if (isFloat(key)) {
      kstr = encodeFloat(self, key);
    } else if (key == True() || key == False() || isNone(key)) {
      kstr = newStr(isNone(key) ? "null" : key == True() ? "true" : "false");
    } else if (isInt(key)) {
      kstr = types::int_type->slots.tp_repr(key);
    } else if (asEncoder(self)->skipkeys) {
      continue;
    } else {
      raisef(exc::TypeError, "keys must be str, int, float, bool or None, not %.100s", typeNameOf(key).c_str());
      return false;
    }
    if (kstr.isNull()) return false;
    if (!first && !appendStr(out, asEncoder(self)->item_separator.get())) return false;
    if (!appendStr(out, encodeKeyOrString(self, kstr))) return false;
    if (!appendStr(out, asEncoder(self)->key_separator.get())) return false;
    if (!encodeObj(self, out, tupleItem(item, 1), indent_level)) return false;
    first = false;
  }
  if (!markLeave(self, ident)) return false;
  out->push_back('}');
  return true;
}

bool encodeObj(Value self, std::u32string* out, Value obj, int64_t indent_level) {
  if (isNone(obj)) {
    out->append(U"null");
    return true;
  }
  if (obj == True()) {
    out->append(U"true");
    return true;
  }
  if (obj == False()) {
    out->append(U"false");
    return true;
  }
  if (isStr(obj)) return appendStr(out, encodeKeyOrString(self, obj));
  if (isInt(obj)) return appendStr(out, types::int_type->slots.tp_repr(obj));
  if (isFloat(obj)) return appendStr(out, encodeFloat(self, obj));
  if (isList(obj) || isTuple(obj)) {
    if (!enterRecursiveCall(" while encoding a JSON object")) return false;
    bool ok = encodeList(self, out, obj, indent_level);
    leaveRecursiveCall();
    return ok;
  }
  if (isDict(obj)) {
    if (!enterRecursiveCall(" while encoding a JSON object")) return false;
    bool ok = encodeDict(self, out, obj, indent_level);
    leaveRecursiveCall();
    return ok;
  }
  Value ident;
  if (!markEnter(self, obj, &ident)) return false;
  Value replacement = call1(asEncoder(self)->defaultfn.get(), obj);
  if (replacement.isNull()) return false;
  if (!enterRecursiveCall(" while encoding a JSON object")) return false;
  bool ok = encodeObj(self, out, replacement, indent_level);
  leaveRecursiveCall();
  if (!ok) return false;
  return markLeave(self, ident);
}

// encoder(obj, _current_indent_level) -> [the whole JSON text]
Value encoder_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  if (nargs > 2) return raisef(exc::TypeError, "_iterencode() takes at most 2 arguments (%zu given)", nargs + nk);
  for (size_t i = 0; i < nargs; ++i) bound[i] = args[i];
  for (size_t k = 0; k < nk; ++k) {
    Value key = tupleItem(kwnames, static_cast<int64_t>(k));
    size_t i = strEqualsAscii(key, "obj") ? 0 : strEqualsAscii(key, "_current_indent_level") ? 1 : 2;
    if (i == 2) {
      return raisef(exc::TypeError, "'%s' is an invalid keyword argument for _iterencode()", strToUtf8(key).c_str());
    }
    bound[i] = args[nargs + k];
  }
  if (bound[0].isNull() || bound[1].isNull()) {
    return raisef(exc::TypeError, "_iterencode() missing required argument '%s' (pos %d)",
                  bound[0].isNull() ? "obj" : "_current_indent_level", bound[0].isNull() ? 1 : 2);
  }
  int64_t indent_level;
  if (!argSsize(bound[1], &indent_level)) return Value();
  std::u32string out;
  if (!encodeObj(self, &out, bound[0], indent_level)) return Value();
  Value text = newStrFromUcs4(out);
  if (text.isNull()) return text;
  Value result = newList(1);
  if (result.isNull() || !listAppend(result, text)) return Value();
  return result;
}

const uint32_t kEncoderFields[] = {offsetof(Obj, ob_type),
                                   offsetof(EncoderObj, markers),
                                   offsetof(EncoderObj, defaultfn),
                                   offsetof(EncoderObj, encoder),
                                   offsetof(EncoderObj, indent),
                                   offsetof(EncoderObj, key_separator),
                                   offsetof(EncoderObj, item_separator)};
const gc::Layout kEncoderLayout = {.name = "_json.Encoder", .fields = kEncoderFields};

const MemberDef kEncoderMembers[] = {
    {.name = "markers", .kind = MemberKind::kObject, .offset = offsetof(EncoderObj, markers), .readonly = true},
    {.name = "default", .kind = MemberKind::kObject, .offset = offsetof(EncoderObj, defaultfn), .readonly = true},
    {.name = "encoder", .kind = MemberKind::kObject, .offset = offsetof(EncoderObj, encoder), .readonly = true},
    {.name = "indent", .kind = MemberKind::kObject, .offset = offsetof(EncoderObj, indent), .readonly = true},
    {.name = "key_separator",
     .kind = MemberKind::kObject,
     .offset = offsetof(EncoderObj, key_separator),
     .readonly = true},
    {.name = "item_separator",
     .kind = MemberKind::kObject,
     .offset = offsetof(EncoderObj, item_separator),
     .readonly = true},
    {.name = "sort_keys", .kind = MemberKind::kBool, .offset = offsetof(EncoderObj, sort_keys), .readonly = true},
    {.name = "skipkeys", .kind = MemberKind::kBool, .offset = offsetof(EncoderObj, skipkeys), .readonly = true},
};

const TypeSpec kEncoderSpec = {
    .name = "Encoder",
    .module = "_json",
    .type = &g_encoder_type,
    .layout = &kEncoderLayout,
    .basic_size = sizeof(EncoderObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_call = encoder_call, .tp_new = encoder_new},
    .members = kEncoderMembers,
    .doc = "_iterencode(obj, _current_indent_level) -> iterable",
};
TERN_REGISTER_TYPE(kEncoderSpec);

const MethodDef kJsonFunctions[] = {
    {.name = "encode_basestring_ascii",
     .signature = "($module, s, /)",
     .fn = json_encode_basestring_ascii,
     .doc = "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python "
            "string"},
    {.name = "encode_basestring",
     .signature = "($module, s, /)",
     .fn = json_encode_basestring,
     .doc = "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {.name = "scanstring",
     .signature = "($module, string, end, strict=True, /)",
     .fn = json_scanstring,
     .doc = "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is "
            "the index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid "
            "JSON string escape sequences and raises ValueError\non attempt to decode an invalid string. If strict "
            "is False then literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the "
            "decoded string and the index of the character in s\nafter the end quote."},
};

bool jsonInit(Value module) {
  return dictSet(moduleDict(module), internStr("make_scanner"), typeValue(g_scanner_type)) == 0 &&
         dictSet(moduleDict(module), internStr("make_encoder"), typeValue(g_encoder_type)) == 0;
}

const NativeModuleDef kJsonModule = {
    .name = "_json",
    .methods = kJsonFunctions,
    .init = jsonInit,
    .doc = "json speedups\n",
};
TERN_REGISTER_MODULE(kJsonModule);

}  // namespace

}  // namespace tern
