// The _codecs module: the codec registry (search functions, the lookup
// cache, error handlers) and the per-codec functions encodings/*.py call.
//
// utf-8/16/32, latin-1 and ascii delegate to codecs_basic.cc (the codecs
// str.encode uses); the incremental ("final=False") variants decode the
// longest prefix that does not end inside a character.  charmap and the
// escape codecs are implemented here; their errors go through the error
// handler registry (a Python callable per name, the builtin ones included),
// as CPython's do.
//
// Registry state lives in GlobalRoots: the list of search functions, the
// cache (normalised name -> CodecInfo) and the error handler dict.  The
// `encodings` package is imported the first time a lookup finds no search
// function, which is when CPython would have imported it at start-up.
#include "runtime/modules/_codecs.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/compiler/unicode_names.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/importer.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

gc::GlobalRoot g_search_functions;  // list
gc::GlobalRoot g_cache;             // dict: normalised name -> CodecInfo
gc::GlobalRoot g_error_handlers;    // dict: name -> callable
bool g_importing_encodings = false;

bool ensureRegistry() {
  if (g_search_functions.get().isNull()) {
    Value l = newList();
    Value c = newDict();
    if (l.isNull() || c.isNull()) return false;
    g_search_functions.set(l);
    g_cache.set(c);
  }
  return true;
}

Value errorHandlers();

// ===========================================================================
// Registry

// codecs' normalisation before search functions see the name: ASCII
// lowercase, spaces become underscores.
Value normalizeName(Value encoding) {
  std::string s = strToUtf8(encoding);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ') c = '_';
  }
  return newStr(s);
}

Value lookupImpl(Value encoding) {
  if (!ensureRegistry()) return Value();
  if (listLength(g_search_functions.get()) == 0 && !g_importing_encodings) {
    g_importing_encodings = true;
    Value m = importModule(internStr("encodings"));
    g_importing_encodings = false;
    if (m.isNull()) return m;
  }
  if (listLength(g_search_functions.get()) == 0) {
    return raise(exc::LookupError, "no codec search functions registered: can't find encoding");
  }
  Value name = normalizeName(encoding);
  if (name.isNull()) return name;
  Value cached = dictGet(g_cache.get(), name);
  if (!cached.isNull()) return cached;
  if (errorPending()) return Value();
  Value functions = g_search_functions.get();
  for (int64_t i = 0; i < listLength(functions); ++i) {
    Value result = call1(listItem(functions, i), name);
    if (result.isNull()) return result;
    if (isNone(result)) continue;
    if (!isTuple(result) || tupleLength(result) != 4) {
      return raise(exc::TypeError, "codec search functions must return 4-tuples");
    }
    if (dictSet(g_cache.get(), name, result) < 0) return Value();
    return result;
  }
  return raisef(exc::LookupError, "unknown encoding: %s", strToUtf8(encoding).c_str());
}

bool textArg(Value v, const char* func, const char* what) {
  if (isStr(v)) return true;
  raisef(exc::TypeError, "%s() argument%s%s must be str, not %s", func, *what ? " " : "", what,
         typeNameOf(v).c_str());
  return false;
}

Value codecs_register(Value* args) {
  if (!isCallable(args[1])) return raise(exc::TypeError, "argument must be callable");
  if (!ensureRegistry()) return Value();
  if (!listAppend(g_search_functions.get(), args[1])) return Value();
  return None();
}

Value codecs_unregister(Value* args) {
  if (!ensureRegistry()) return Value();
  Value functions = g_search_functions.get();
  for (int64_t i = 0; i < listLength(functions); ++i) {
    if (listItem(functions, i) == args[1]) {
      Value rest = newList();
      for (int64_t k = 0; k < listLength(functions); ++k)
        if (k != i && !listAppend(rest, listItem(functions, k))) return Value();
      g_search_functions.set(rest);
      dictClear(g_cache.get());
      break;
    }
  }
  return None();
}

Value codecs_lookup(Value* args) {
  if (!textArg(args[1], "lookup", "")) return Value();
  return lookupImpl(args[1]);
}

Value codecs__forget_codec(Value* args) {
  if (!ensureRegistry()) return Value();
  Value name = normalizeName(args[1]);
  if (name.isNull()) return name;
  if (dictDel(g_cache.get(), name) < 0) return Value();
  return None();
}

// Calls the encoder (index 0) or decoder (1) of the codec for `encoding`.
Value callCodec(Value obj, Value encoding, Value errors, int which) {
  Value info = lookupImpl(encoding);
  if (info.isNull()) return info;
  Value fn = tupleItem(info, which);
  Value result = errors.isNull() ? call1(fn, obj) : call2(fn, obj, errors);
  if (result.isNull()) return result;
  if (!isTuple(result) || tupleLength(result) != 2) {
    return raise(exc::TypeError, which == 0 ? "encoder must return a tuple (object, integer)"
                                            : "decoder must return a tuple (object, integer)");
  }
  return tupleItem(result, 0);
}

Value codecs_encode(Value* args) {
  if (!textArg(args[2], "encode", "'encoding'") || !textArg(args[3], "encode", "'errors'")) return Value();
  return callCodec(args[1], args[2], args[3], 0);
}

Value codecs_decode(Value* args) {
  if (!textArg(args[2], "decode", "'encoding'") || !textArg(args[3], "decode", "'errors'")) return Value();
  return callCodec(args[1], args[2], args[3], 1);
}

Value codecs_register_error(Value* args) {
  if (!textArg(args[1], "register_error", "1")) return Value();
  if (!isCallable(args[2])) return raise(exc::TypeError, "handler must be callable");
  Value handlers = errorHandlers();
  if (handlers.isNull() || dictSet(handlers, args[1], args[2]) < 0) return Value();
  return None();
}

Value lookupErrorImpl(Value name) {
  Value handlers = errorHandlers();
  if (handlers.isNull()) return handlers;
  Value h = dictGet(handlers, name);
  if (!h.isNull() || errorPending()) return h;
  return raisef(exc::LookupError, "unknown error handler name '%s'", strToUtf8(name).c_str());
}

Value codecs_lookup_error(Value* args) {
  if (!textArg(args[1], "lookup_error", "")) return Value();
  return lookupErrorImpl(args[1]);
}

// ===========================================================================
// The builtin error handlers (callables taking the exception)

struct ErrorInfo {
  Type* kind;  // UnicodeEncodeError, UnicodeDecodeError or UnicodeTranslateError
  Value object;
  int64_t start, end;
};

bool errorInfo(Value e, ErrorInfo* info) {
  if (!isException(e)) {
    raise(exc::TypeError, "codec must pass exception instance");
    return false;
  }
  Type* t = typeOf(e);
  if (isSubtype(t, exc::UnicodeEncodeError)) {
    info->kind = exc::UnicodeEncodeError;
  } else if (isSubtype(t, exc::UnicodeDecodeError)) {
    info->kind = exc::UnicodeDecodeError;
  } else if (isSubtype(t, exc::UnicodeTranslateError)) {
    info->kind = exc::UnicodeTranslateError;
  } else {
    raisef(exc::TypeError, "don't know how to handle %s in error callback", typeName(t).c_str());
    return false;
  }
  auto* u = static_cast<UnicodeErrorObj*>(e.asObject());
  info->object = u->object.get();
  if (!intToInt64(u->start.get(), &info->start) || !intToInt64(u->end.get(), &info->end)) return false;
  int64_t len = isStr(info->object) ? asStr(info->object)->length
                : isBytes(info->object) ? bytesLength(info->object)
                                        : 0;
  if (info->start < 0) info->start = 0;
  if (info->start > len) info->start = len;
  if (info->end > len) info->end = len;
  if (info->end < info->start + 1 && len > info->start) info->end = info->start + 1;
  return true;
}

Value cannotHandle(Value e) {
  return raisef(exc::TypeError, "don't know how to handle %s in error callback", typeNameOf(e).c_str());
}

Value result(Value replacement, int64_t pos) {
  if (replacement.isNull()) return replacement;
  return newTupleOf({replacement, newInt(pos)});
}

Value codecs_strict_errors(Value* args) {
  if (isException(args[1])) return raiseException(args[1]);
  return raise(exc::TypeError, "codec must pass exception instance");
}

Value codecs_ignore_errors(Value* args) {
  ErrorInfo info;
  if (!errorInfo(args[1], &info)) return Value();
  return result(names::empty, info.end);
}

Value codecs_replace_errors(Value* args) {
  ErrorInfo info;
  if (!errorInfo(args[1], &info)) return Value();
  std::u32string s;
  if (info.kind == exc::UnicodeDecodeError) {
    s = U"\ufffd";
  } else {
    s.assign(static_cast<size_t>(info.end - info.start), info.kind == exc::UnicodeEncodeError ? U'?' : U'\ufffd');
  }
  return result(newStrFromUcs4(s), info.end);
}

std::string hexEscape(uint32_t c) {
  char buf[16];
  if (c < 0x100) {
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
  } else if (c < 0x10000) {
    std::snprintf(buf, sizeof buf, "\\u%04x", c);
  } else {
    std::snprintf(buf, sizeof buf, "\\U%08x", c);
  }
  return buf;
}

Value codecs_backslashreplace_errors(Value* args) {
  ErrorInfo info;
  if (!errorInfo(args[1], &info)) return Value();
  std::string out;
  if (info.kind == exc::UnicodeDecodeError) {
    std::string data(asBytes(info.object)->view());
    for (int64_t k = info.start; k < info.end; ++k) out += hexEscape(static_cast<uint8_t>(data[k]));
  } else {
    for (int64_t k = info.start; k < info.end; ++k) out += hexEscape(asStr(info.object)->at(k));
  }
  return result(newStr(out), info.end);
}

Value codecs_xmlcharrefreplace_errors(Value* args) {
  ErrorInfo info;
  if (!errorInfo(args[1], &info)) return Value();
  if (info.kind != exc::UnicodeEncodeError) return cannotHandle(args[1]);
  std::string out;
  for (int64_t k = info.start; k < info.end; ++k)
    out += "&#" + std::to_string(static_cast<uint32_t>(asStr(info.object)->at(k))) + ";";
  return result(newStr(out), info.end);
}

Value codecs_namereplace_errors(Value* args) {
  ErrorInfo info;
  if (!errorInfo(args[1], &info)) return Value();
  if (info.kind != exc::UnicodeEncodeError) return cannotHandle(args[1]);
  std::string out;
  for (int64_t k = info.start; k < info.end; ++k) {
    char32_t c = asStr(info.object)->at(k);
    std::optional<std::string> name = compiler::unicode_name_of(c);
    out += name ? "\\N{" + *name + "}" : hexEscape(c);
  }
  return result(newStr(out), info.end);
}

Value codecs_surrogateescape_errors(Value* args) {
  ErrorInfo info;
  if (!errorInfo(args[1], &info)) return Value();
  if (info.kind == exc::UnicodeDecodeError) {
    std::string data(asBytes(info.object)->view());
    std::u32string out;
    for (int64_t k = info.start; k < info.end && k < info.start + 4; ++k) {
      auto b = static_cast<uint8_t>(data[k]);
      if (b < 128) break;
      out.push_back(0xdc00 + b);
    }
    if (out.empty()) return raiseException(args[1]);
    return result(newStrFromUcs4(out), info.start + static_cast<int64_t>(out.size()));
  }
  if (info.kind == exc::UnicodeEncodeError) {
    std::string out;
    for (int64_t k = info.start; k < info.end; ++k) {
      char32_t c = asStr(info.object)->at(k);
      if (c < 0xdc80 || c > 0xdcff) return raiseException(args[1]);
      out.push_back(static_cast<char>(c - 0xdc00));
    }
    return result(newBytes(out), info.end);
  }
  return cannotHandle(args[1]);
}

// surrogatepass for the UTF-8 family only (utf-16/32 pass surrogates inside
// codecs_basic.cc already).
Value codecs_surrogatepass_errors(Value* args) {
  ErrorInfo info;
  if (!errorInfo(args[1], &info)) return Value();
  auto* u = static_cast<UnicodeErrorObj*>(args[1].asObject());
  std::string enc = isStr(u->encoding.get()) ? strToUtf8(u->encoding.get()) : "";
  bool utf8 = enc == "utf-8" || enc == "utf8" || enc == "utf_8";
  if (!utf8) return raiseException(args[1]);
  if (info.kind == exc::UnicodeEncodeError) {
    std::string out;
    for (int64_t k = info.start; k < info.end; ++k) {
      char32_t c = asStr(info.object)->at(k);
      if (c < 0xd800 || c > 0xdfff) return raiseException(args[1]);
      out.push_back(static_cast<char>(0xe0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    }
    return result(newBytes(out), info.end);
  }
  if (info.kind == exc::UnicodeDecodeError) {
    std::string data(asBytes(info.object)->view());
    int64_t k = info.start;
    if (k + 2 < static_cast<int64_t>(data.size()) + 0 + 1 && k + 2 <= static_cast<int64_t>(data.size()) - 1) {
      auto b0 = static_cast<uint8_t>(data[k]), b1 = static_cast<uint8_t>(data[k + 1]),
           b2 = static_cast<uint8_t>(data[k + 2]);
      if ((b0 & 0xf0) == 0xe0 && (b1 & 0xc0) == 0x80 && (b2 & 0xc0) == 0x80) {
        char32_t c = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        if (c >= 0xd800 && c <= 0xdfff) return result(strFromCodePoint(c), k + 3);
      }
    }
    return raiseException(args[1]);
  }
  return cannotHandle(args[1]);
}

const MethodDef kHandlerDefs[] = {
    {.name = "strict_errors", .signature = "($module, exc, /)", .fn = codecs_strict_errors,
     .doc = "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {.name = "ignore_errors", .signature = "($module, exc, /)", .fn = codecs_ignore_errors,
     .doc = "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {.name = "replace_errors", .signature = "($module, exc, /)", .fn = codecs_replace_errors,
     .doc = "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {.name = "xmlcharrefreplace_errors", .signature = "($module, exc, /)", .fn = codecs_xmlcharrefreplace_errors,
     .doc = "Implements the 'xmlcharrefreplace' error handling."},
    {.name = "backslashreplace_errors", .signature = "($module, exc, /)", .fn = codecs_backslashreplace_errors,
     .doc = "Implements the 'backslashreplace' error handling."},
    {.name = "namereplace_errors", .signature = "($module, exc, /)", .fn = codecs_namereplace_errors,
     .doc = "Implements the 'namereplace' error handling."},
    {.name = "surrogateescape", .signature = "($module, exc, /)", .fn = codecs_surrogateescape_errors},
    {.name = "surrogatepass", .signature = "($module, exc, /)", .fn = codecs_surrogatepass_errors},
};
const char* const kHandlerNames[] = {"strict",           "ignore",           "replace",         "xmlcharrefreplace",
                                     "backslashreplace", "namereplace",      "surrogateescape", "surrogatepass"};

Value errorHandlers() {
  if (!g_error_handlers.get().isNull()) return g_error_handlers.get();
  Value d = newDict();
  if (d.isNull()) return d;
  Value module_name = internStr("_codecs");
  for (size_t i = 0; i < std::size(kHandlerDefs); ++i) {
    Value fn = newBuiltinFunction(&kHandlerDefs[i], Value(), module_name);
    if (fn.isNull() || dictSet(d, internStr(kHandlerNames[i]), fn) < 0) return Value();
  }
  g_error_handlers.set(d);
  return d;
}

// ===========================================================================
// Calling an error handler from the codecs implemented here

// Calls the handler for a failure at [start, end) of `object` and returns
// its (replacement, new position); null on error.  `object` is the str (an
// encode error) or bytes (a decode error).
Value callHandler(Value errors, Type* kind, const char* encoding, Value object, int64_t start, int64_t end,
                  const char* reason, Value* replacement, int64_t* newpos) {
  Value exc_args = newTupleOf({newStr(encoding), object, newInt(start), newInt(end), newStr(reason)});
  if (exc_args.isNull()) return Value();
  Value e = newException(kind, exc_args);
  if (e.isNull()) return e;
  Value name = errors.isNull() || isNone(errors) ? internStr("strict") : errors;
  if (strEqualsAscii(name, "strict")) return raiseException(e);
  Value handler = lookupErrorImpl(name);
  if (handler.isNull()) return handler;
  Value r = call1(handler, e);
  if (r.isNull()) return r;
  bool bytes_ok = kind == exc::UnicodeEncodeError;
  if (!isTuple(r) || tupleLength(r) != 2 || !(isStr(tupleItem(r, 0)) || (bytes_ok && isBytes(tupleItem(r, 0)))) ||
      !isInt(tupleItem(r, 1))) {
    return raise(exc::TypeError, bytes_ok ? "encoding error handler must return (str/bytes, int) tuple"
                                          : "decoding error handler must return (str, int) tuple");
  }
  int64_t pos;
  if (!intToInt64(tupleItem(r, 1), &pos)) return Value();
  int64_t len = isStr(object) ? asStr(object)->length : bytesLength(object);
  if (pos < 0) pos += len;
  if (pos < 0 || pos > len) {
    return raisef(exc::IndexError, "position %lld from error handler out of bounds", static_cast<long long>(pos));
  }
  *replacement = tupleItem(r, 0);
  *newpos = pos;
  return r;
}

// ===========================================================================
// Arguments

// The bytes of a bytes-like argument (str allowed when `str_ok`: UTF-8).
bool dataArg(Value v, std::string* out, bool str_ok = false) {
  if (str_ok && isStr(v)) {
    *out = strToUtf8(v);
    return true;
  }
  return bufferCopyBytes(v, out);
}

bool strArg(Value v, const char* func) {
  if (isStr(v)) return true;
  raisef(exc::TypeError, "%s() argument 1 must be str, not %s", func, typeNameOf(v).c_str());
  return false;
}

Value errorsValue(Value errors) { return errors.isNull() || isNone(errors) ? Value() : errors; }

Value pair(Value v, int64_t n) {
  if (v.isNull()) return v;
  return newTupleOf({v, newInt(n)});
}

// ===========================================================================
// utf-8/16/32, latin-1, ascii (codecs_basic.cc)

Value encodeWith(Value* args, const char* encoding, const char* func) {
  if (!strArg(args[1], func)) return Value();
  Value b = strimpl::encodeStr(args[1], internStr(encoding), errorsValue(args[2]));
  return pair(b, asStr(args[1])->length);
}

// How many bytes at the end of d are an incomplete but so far valid UTF-8 sequence.
int64_t utf8IncompleteTail(std::string_view d) {
  auto n = static_cast<int64_t>(d.size());
  for (int64_t k = 1; k <= 3 && k <= n; ++k) {
    auto b = static_cast<uint8_t>(d[n - k]);
    if ((b & 0xc0) == 0x80) continue;  // a continuation byte: look further back
    int need = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (need <= k) return 0;
    if (k >= 2) {
      auto b1 = static_cast<uint8_t>(d[n - k + 1]);
      uint8_t lo = 0x80, hi = 0xbf;
      if (b == 0xe0) lo = 0xa0;
      if (b == 0xed) hi = 0x9f;
      if (b == 0xf0) lo = 0x90;
      if (b == 0xf4) hi = 0x8f;
      if (b1 < lo || b1 > hi) return 0;
    }
    return k;
  }
  return 0;
}

Value decodePrefix(const std::string& data, int64_t n, const char* encoding, Value errors) {
  Value s = strimpl::decodeBytes(std::string_view(data).substr(0, static_cast<size_t>(n)), internStr(encoding),
                                 errorsValue(errors));
  return pair(s, n);
}

Value codecs_utf_8_encode(Value* args) { return encodeWith(args, "utf-8", "utf_8_encode"); }
Value codecs_utf_8_decode(Value* args) {
  std::string data;
  if (!dataArg(args[1], &data)) return Value();
  int t = isTrue(args[3]);
  if (t < 0) return Value();
  auto n = static_cast<int64_t>(data.size());
  if (!t) n -= utf8IncompleteTail(data);
  return decodePrefix(data, n, "utf-8", args[2]);
}

Value codecs_latin_1_encode(Value* args) { return encodeWith(args, "latin-1", "latin_1_encode"); }
Value codecs_latin_1_decode(Value* args) {
  std::string data;
  if (!dataArg(args[1], &data)) return Value();
  return decodePrefix(data, static_cast<int64_t>(data.size()), "latin-1", args[2]);
}
Value codecs_ascii_encode(Value* args) { return encodeWith(args, "ascii", "ascii_encode"); }
Value codecs_ascii_decode(Value* args) {
  std::string data;
  if (!dataArg(args[1], &data)) return Value();
  return decodePrefix(data, static_cast<int64_t>(data.size()), "ascii", args[2]);
}

// UTF-16/32 with an explicit byte order (-1 little, 1 big, 0 BOM-detected).
// `unit` is 2 or 4.  Returns (str, consumed, byteorder) when `ex`.
Value utfWideDecode(Value data_arg, Value errors, int64_t byteorder, Value final_arg, int unit, bool ex) {
  std::string data;
  if (!dataArg(data_arg, &data)) return Value();
  int t = isTrue(final_arg);
  if (t < 0) return Value();
  bool final = t != 0;
  auto n = static_cast<int64_t>(data.size());
  int64_t bom = 0;
  if (byteorder == 0) {
    if (unit == 2 && n >= 2) {
      if (data.compare(0, 2, "\xff\xfe") == 0) byteorder = -1, bom = 2;
      else if (data.compare(0, 2, "\xfe\xff") == 0) byteorder = 1, bom = 2;
    } else if (unit == 4 && n >= 4) {
      if (data.compare(0, 4, std::string("\xff\xfe\x00\x00", 4)) == 0) byteorder = -1, bom = 4;
      else if (data.compare(0, 4, std::string("\x00\x00\xfe\xff", 4)) == 0) byteorder = 1, bom = 4;
    }
    if (byteorder == 0 && !final && n < unit) {
      // Not enough to tell: consume nothing yet.
      if (ex) return newTupleOf({names::empty, newInt(0), newInt(0)});
      return pair(names::empty, 0);
    }
  }
  int64_t end = n;
  if (!final) {
    end = bom + (n - bom) / unit * unit;
    if (unit == 2 && end - bom >= 2) {
      auto hi = byteorder == 1 ? static_cast<uint8_t>(data[end - 2]) : static_cast<uint8_t>(data[end - 1]);
      if (hi >= 0xd8 && hi <= 0xdb) end -= 2;  // a high surrogate waiting for its pair
    }
  }
  const char* enc = unit == 2 ? (byteorder == 1 ? "utf-16-be" : "utf-16-le") : (byteorder == 1 ? "utf-32-be" : "utf-32-le");
  Value s = strimpl::decodeBytes(std::string_view(data).substr(static_cast<size_t>(bom), static_cast<size_t>(end - bom)),
                                 internStr(enc), errorsValue(errors));
  if (s.isNull()) return s;
  if (ex) return newTupleOf({s, newInt(end), newInt(byteorder)});
  return pair(s, end);
}

Value wideEncode(Value* args, int unit, int64_t byteorder, const char* func) {
  if (!strArg(args[1], func)) return Value();
  const char* enc = unit == 2 ? (byteorder == 0 ? "utf-16" : byteorder < 0 ? "utf-16-le" : "utf-16-be")
                              : (byteorder == 0 ? "utf-32" : byteorder < 0 ? "utf-32-le" : "utf-32-be");
  Value b = strimpl::encodeStr(args[1], internStr(enc), errorsValue(args[2]));
  return pair(b, asStr(args[1])->length);
}

bool byteorderArg(Value v, int64_t* out) { return argSsize(v, out); }

// ===========================================================================
// UTF-7 (RFC 2152) as CPython 3.11's codec writes and reads it: every ASCII
// character but '+', '\\', '~', DEL and the controls other than tab, CR and
// LF is written directly (set O and whitespace too); the rest as base64 of
// UTF-16 units after '+', the run ended by '-' when the next character could
// be read as base64 (or is '-').

// 3: never direct; else direct when encoding.  Reading, every ASCII
// character but '+' is itself outside a shift.
constexpr uint8_t kUtf7Special[128] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1,  // \t \n \r
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,  // '+'
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,  // '\\'
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1,  // '~', DEL
};
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool utf7EncodesDirect(char32_t c) { return c < 128 && kUtf7Special[c] == 0; }
bool isBase64Char(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}
uint32_t base64Value(uint32_t c) {
  return c >= 'a' ? c - 'a' + 26 : c >= 'A' ? c - 'A' : c >= '0' ? c - '0' + 52 : c == '+' ? 62 : 63;
}

std::string utf7Encode(const std::u32string& text) {
  std::string out;
  bool in_shift = false;
  int bits = 0;         // pending bits in `buffer`
  uint32_t buffer = 0;  // fewer than 6 bits between units
  auto put_unit = [&](uint32_t unit) {
    bits += 16;
    buffer = (buffer << 16) | unit;
    while (bits >= 6) {
      out.push_back(kBase64[(buffer >> (bits - 6)) & 63]);
      bits -= 6;
    }
    buffer &= (1u << bits) - 1;
  };
  for (char32_t ch : text) {
    if (utf7EncodesDirect(ch)) {
      if (in_shift) {
        if (bits > 0) out.push_back(kBase64[(buffer << (6 - bits)) & 63]);
        bits = 0;
        buffer = 0;
        in_shift = false;
        if (isBase64Char(ch) || ch == '-') out.push_back('-');
      }
      out.push_back(static_cast<char>(ch));
      continue;
    }
    if (!in_shift) {
      if (ch == '+') {
        out.append("+-");
        continue;
      }
      out.push_back('+');
      in_shift = true;
    }
    if (ch >= 0x10000) {
      put_unit(0xd800 + ((ch - 0x10000) >> 10));
      put_unit(0xdc00 + ((ch - 0x10000) & 0x3ff));
    } else {
      put_unit(ch);
    }
  }
  if (bits > 0) out.push_back(kBase64[(buffer << (6 - bits)) & 63]);
  if (in_shift) out.push_back('-');
  return out;
}

Value codecs_utf_7_encode(Value* args) {
  if (!strArg(args[1], "utf_7_encode")) return Value();
  Value b = newBytes(utf7Encode(strToUcs4(args[1])));
  return pair(b, asStr(args[1])->length);
}

// CPython's decoder, state for state: errors ("unexpected special character",
// "ill-formed sequence", "partial character in shift sequence", "non-zero
// padding bits in shift sequence", "unterminated shift sequence" at the end
// of final input) go to the error handler; input that is not final stops
// before an unfinished shift sequence (its '+' is not consumed).
Value codecs_utf_7_decode(Value* args) {
  std::string data;
  if (!dataArg(args[1], &data)) return Value();
  int t = isTrue(args[3]);
  if (t < 0) return Value();
  bool final = t != 0;
  Value errors = args[2];
  Value bytes_obj;
  std::u32string out;
  auto n = static_cast<int64_t>(data.size());
  int64_t s = 0, start = 0;  // start: the '+' of the current shift, or of the failing byte
  size_t shift_out_start = 0;
  bool in_shift = false;
  int bits = 0;
  uint64_t buffer = 0;
  uint32_t surrogate = 0;
  // The handler's replacement for [from, to) and where decoding goes on.
  auto fail = [&](const char* reason, int64_t from, int64_t to) {
    if (bytes_obj.isNull()) bytes_obj = newBytes(data);
    if (bytes_obj.isNull()) return false;
    Value rep;
    int64_t newpos;
    if (callHandler(errors, exc::UnicodeDecodeError, "utf7", bytes_obj, from, to, reason, &rep, &newpos).isNull()) {
      return false;
    }
    out.append(strToUcs4(rep));
    s = newpos;
    return true;
  };
  for (;;) {
    while (s < n) {
      auto ch = static_cast<uint8_t>(data[static_cast<size_t>(s)]);
      if (in_shift) {
        if (isBase64Char(ch)) {
          buffer = (buffer << 6) | base64Value(ch);
          bits += 6;
          ++s;
          if (bits < 16) continue;
          auto unit = static_cast<uint32_t>(buffer >> (bits - 16));
          bits -= 16;
          buffer &= (uint64_t{1} << bits) - 1;
          if (surrogate != 0) {
            if (unit >= 0xdc00 && unit <= 0xdfff) {
              out.push_back(0x10000 + ((surrogate - 0xd800) << 10) + (unit - 0xdc00));
              surrogate = 0;
              continue;
            }
            out.push_back(surrogate);
            surrogate = 0;
          }
          if (unit >= 0xd800 && unit <= 0xdbff) {
            surrogate = unit;
          } else {
            out.push_back(unit);
          }
          continue;
        }
        in_shift = false;  // leaving the base64 run
        if (bits >= 6) {
          ++s;
          if (!fail("partial character in shift sequence", start, s)) return Value();
          continue;
        }
        if (bits > 0 && buffer != 0) {
          ++s;
          if (!fail("non-zero padding bits in shift sequence", start, s)) return Value();
          continue;
        }
        if (surrogate != 0 && ch < 128 && ch != '+') out.push_back(surrogate);
        surrogate = 0;
        if (ch == '-') ++s;  // absorbed; other terminators are themselves
        continue;
      }
      if (ch == '+') {
        start = s++;
        if (s < n && data[static_cast<size_t>(s)] == '-') {
          ++s;
          out.push_back('+');
        } else if (s < n && !isBase64Char(static_cast<uint8_t>(data[static_cast<size_t>(s)]))) {
          ++s;
          if (!fail("ill-formed sequence", start, s)) return Value();
        } else {
          in_shift = true;
          surrogate = 0;
          shift_out_start = out.size();
          bits = 0;
          buffer = 0;
        }
        continue;
      }
      if (ch < 128) {
        out.push_back(ch);
        ++s;
        continue;
      }
      start = s++;
      if (!fail("unexpected special character", start, s)) return Value();
    }
    if (!(in_shift && final)) break;
    in_shift = false;
    if (surrogate == 0 && bits < 6 && (bits == 0 || buffer == 0)) break;
    int64_t end_of_input = n;
    if (!fail("unterminated shift sequence", start, end_of_input)) return Value();
    if (s >= n) break;
  }
  int64_t consumed = s;
  if (in_shift) {  // not final: the shift is read again with what follows
    consumed = start;
    out.resize(shift_out_start);
  }
  return pair(newStrFromUcs4(out), consumed);
}

Value codecs_utf_16_encode(Value* args) {
  int64_t bo;
  if (!byteorderArg(args[3], &bo)) return Value();
  return wideEncode(args, 2, bo, "utf_16_encode");
}
Value codecs_utf_16_le_encode(Value* args) { return wideEncode(args, 2, -1, "utf_16_le_encode"); }
Value codecs_utf_16_be_encode(Value* args) { return wideEncode(args, 2, 1, "utf_16_be_encode"); }
Value codecs_utf_16_decode(Value* args) { return utfWideDecode(args[1], args[2], 0, args[3], 2, false); }
Value codecs_utf_16_le_decode(Value* args) { return utfWideDecode(args[1], args[2], -1, args[3], 2, false); }
Value codecs_utf_16_be_decode(Value* args) { return utfWideDecode(args[1], args[2], 1, args[3], 2, false); }
Value codecs_utf_16_ex_decode(Value* args) {
  int64_t bo;
  if (!byteorderArg(args[3], &bo)) return Value();
  return utfWideDecode(args[1], args[2], bo, args[4], 2, true);
}
Value codecs_utf_32_encode(Value* args) {
  int64_t bo;
  if (!byteorderArg(args[3], &bo)) return Value();
  return wideEncode(args, 4, bo, "utf_32_encode");
}
Value codecs_utf_32_le_encode(Value* args) { return wideEncode(args, 4, -1, "utf_32_le_encode"); }
Value codecs_utf_32_be_encode(Value* args) { return wideEncode(args, 4, 1, "utf_32_be_encode"); }
Value codecs_utf_32_decode(Value* args) { return utfWideDecode(args[1], args[2], 0, args[3], 4, false); }
Value codecs_utf_32_le_decode(Value* args) { return utfWideDecode(args[1], args[2], -1, args[3], 4, false); }
Value codecs_utf_32_be_decode(Value* args) { return utfWideDecode(args[1], args[2], 1, args[3], 4, false); }
Value codecs_utf_32_ex_decode(Value* args) {
  int64_t bo;
  if (!byteorderArg(args[3], &bo)) return Value();
  return utfWideDecode(args[1], args[2], bo, args[4], 4, true);
}

// ===========================================================================
// charmap

// charmap_build(decoding_table): the encoding map, here a dict code point -> byte.
Value codecs_charmap_build(Value* args) {
  if (!strArg(args[1], "charmap_build")) return Value();
  std::u32string table = strToUcs4(args[1]);
  Value d = newDict();
  if (d.isNull()) return d;
  for (size_t i = 0; i < table.size() && i < 256; ++i) {
    if (table[i] == 0xfffe) continue;
    Value key = newInt(table[i]);
    int has = dictContains(d, key);
    if (has < 0) return Value();
    if (!has && dictSet(d, key, newInt(static_cast<int64_t>(i))) < 0) return Value();
  }
  return d;
}

// Decodes one byte through `mapping`: appends to out; 0 ok, 1 undefined, -1 error.
int charmapDecodeByte(Value mapping, uint8_t b, std::u32string* out) {
  if (isStr(mapping)) {
    if (b >= asStr(mapping)->length) return 1;
    char32_t c = asStr(mapping)->at(b);
    if (c == 0xfffe) return 1;
    out->push_back(c);
    return 0;
  }
  Value v = getItem(mapping, newInt(b));
  if (v.isNull()) {
    if (errorMatches(exc::LookupError)) {
      clearError();
      return 1;
    }
    return -1;
  }
  if (isNone(v)) return 1;
  if (isInt(v)) {
    int64_t x;
    if (!intToInt64(v, &x) || x < 0 || x > 0x10ffff) {
      if (!errorPending()) raise(exc::TypeError, "character mapping must be in range(0x110000)");
      return -1;
    }
    if (x == 0xfffe) return 1;
    out->push_back(static_cast<char32_t>(x));
    return 0;
  }
  if (isStr(v)) {
    std::u32string s = strToUcs4(v);
    if (s.size() == 1 && s[0] == 0xfffe) return 1;
    out->append(s);
    return 0;
  }
  raise(exc::TypeError, "character mapping must return integer, None or str");
  return -1;
}

Value codecs_charmap_decode(Value* args) {
  std::string data;
  if (!dataArg(args[1], &data)) return Value();
  Value mapping = args[3];
  if (isNone(mapping)) return decodePrefix(data, static_cast<int64_t>(data.size()), "latin-1", args[2]);
  std::u32string out;
  auto n = static_cast<int64_t>(data.size());
  Value bytes_obj;
  for (int64_t i = 0; i < n;) {
    int r = charmapDecodeByte(mapping, static_cast<uint8_t>(data[i]), &out);
    if (r < 0) return Value();
    if (r == 0) {
      ++i;
      continue;
    }
    if (bytes_obj.isNull()) bytes_obj = newBytes(data);
    if (bytes_obj.isNull()) return bytes_obj;
    Value rep;
    int64_t pos;
    if (callHandler(args[2], exc::UnicodeDecodeError, "charmap", bytes_obj, i, i + 1,
                    "character maps to <undefined>", &rep, &pos)
            .isNull()) {
      return Value();
    }
    out.append(strToUcs4(rep));
    i = pos;
  }
  return pair(newStrFromUcs4(out), n);
}

// Encodes one code point through `mapping`: 0 ok, 1 undefined, -1 error.
int charmapEncodeChar(Value mapping, char32_t c, std::string* out) {
  Value v = getItem(mapping, newInt(c));
  if (v.isNull()) {
    if (errorMatches(exc::LookupError)) {
      clearError();
      return 1;
    }
    return -1;
  }
  if (isNone(v)) return 1;
  if (isInt(v)) {
    int64_t x;
    if (!intToInt64(v, &x) || x < 0 || x > 255) {
      if (!errorPending()) raise(exc::TypeError, "character mapping must be in range(256)");
      return -1;
    }
    out->push_back(static_cast<char>(x));
    return 0;
  }
  if (isBytes(v)) {
    out->append(asBytes(v)->view());
    return 0;
  }
  raise(exc::TypeError, "character mapping must return integer, bytes or None, not str");
  return -1;
}

Value codecs_charmap_encode(Value* args) {
  if (!strArg(args[1], "charmap_encode")) return Value();
  Value mapping = args[3];
  if (isNone(mapping)) return encodeWith(args, "latin-1", "charmap_encode");
  Value s = args[1];
  int64_t n = asStr(s)->length;
  std::string out;
  for (int64_t i = 0; i < n;) {
    int r = charmapEncodeChar(mapping, asStr(s)->at(i), &out);
    if (r < 0) return Value();
    if (r == 0) {
      ++i;
      continue;
    }
    int64_t j = i + 1;
    for (;;) {  // the run of unencodable characters
      if (j >= n) break;
      std::string scratch;
      int r2 = charmapEncodeChar(mapping, asStr(s)->at(j), &scratch);
      if (r2 < 0) return Value();
      if (r2 == 0) break;
      ++j;
    }
    Value rep;
    int64_t pos;
    if (callHandler(args[2], exc::UnicodeEncodeError, "charmap", s, i, j, "character maps to <undefined>", &rep, &pos)
            .isNull()) {
      return Value();
    }
    if (isBytes(rep)) {
      out.append(asBytes(rep)->view());
    } else {
      int64_t m = asStr(rep)->length;
      for (int64_t k = 0; k < m; ++k) {
        int r3 = charmapEncodeChar(mapping, asStr(rep)->at(k), &out);
        if (r3 < 0) return Value();
        if (r3 == 1) {
          Value args2 = newTupleOf({newStr("charmap"), s, newInt(i), newInt(j), newStr("character maps to <undefined>")});
          if (args2.isNull()) return args2;
          Value e = newException(exc::UnicodeEncodeError, args2);
          return e.isNull() ? e : raiseException(e);
        }
      }
    }
    i = pos;
  }
  return pair(newBytes(out), n);
}

// ===========================================================================
// Escape codecs

int hexValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// escape_decode: bytes escapes of bytes literals.
Value codecs_escape_decode(Value* args) {
  std::string data;
  if (!dataArg(args[1], &data, true)) return Value();
  std::string out;
  size_t n = data.size();
  for (size_t i = 0; i < n;) {
    char c = data[i];
    if (c != '\\') {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t start = i++;
    if (i >= n) return raise(exc::ValueError, "Trailing \\ in string");
    char e = data[i++];
    switch (e) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'v': out.push_back('\v'); break;
      case 'a': out.push_back('\a'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = e - '0';
        for (int k = 0; k < 2 && i < n && data[i] >= '0' && data[i] <= '7'; ++k) v = v * 8 + (data[i++] - '0');
        out.push_back(static_cast<char>(v & 0xff));
        break;
      }
      case 'x': {
        int h1 = i < n ? hexValue(static_cast<unsigned char>(data[i])) : -1;
        int h2 = i + 1 < n ? hexValue(static_cast<unsigned char>(data[i + 1])) : -1;
        if (h1 < 0 || h2 < 0) {
          Value errors = errorsValue(args[2]);
          std::string mode = errors.isNull() ? "strict" : strToUtf8(errors);
          if (mode == "strict") {
            return raisef(exc::ValueError, "invalid \\x escape at position %zu", start);
          }
          if (mode == "replace") {
            out.push_back('?');
          } else if (mode != "ignore") {
            return raisef(exc::ValueError, "decoding error; unknown error handling code: %s", mode.c_str());
          }
          i += h1 < 0 ? 0 : 1;
          break;
        }
        out.push_back(static_cast<char>(h1 * 16 + h2));
        i += 2;
        break;
      }
      default:
        out.push_back('\\');
        out.push_back(e);
        break;
    }
  }
  return pair(newBytes(out), static_cast<int64_t>(n));
}

Value codecs_escape_encode(Value* args) {
  if (!isBytes(args[1])) {
    return raisef(exc::TypeError, "escape_encode() argument 1 must be bytes, not %s", typeNameOf(args[1]).c_str());
  }
  std::string data(asBytes(args[1])->view());
  std::string out;
  for (char ch : data) {
    auto c = static_cast<uint8_t>(ch);
    if (c == '\'' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += hexEscape(c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return pair(newBytes(out), static_cast<int64_t>(data.size()));
}

Value codecs_unicode_escape_encode(Value* args) {
  if (!strArg(args[1], "unicode_escape_encode")) return Value();
  std::u32string s = strToUcs4(args[1]);
  std::string out;
  for (char32_t c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else {
      out += hexEscape(c);
    }
  }
  return pair(newBytes(out), static_cast<int64_t>(s.size()));
}

Value codecs_raw_unicode_escape_encode(Value* args) {
  if (!strArg(args[1], "raw_unicode_escape_encode")) return Value();
  std::u32string s = strToUcs4(args[1]);
  std::string out;
  for (char32_t c : s) {
    if (c >= 0x100) {
      out += hexEscape(c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return pair(newBytes(out), static_cast<int64_t>(s.size()));
}

// unicode_escape / raw_unicode_escape decoding.
Value escapeDecode(Value* args, bool raw) {
  std::string data;
  if (!dataArg(args[1], &data, true)) return Value();
  int t = isTrue(args[3]);
  if (t < 0) return Value();
  bool final = t != 0;
  const char* encoding = raw ? "rawunicodeescape" : "unicodeescape";
  std::u32string out;
  auto n = static_cast<int64_t>(data.size());
  Value bytes_obj;
  int64_t consumed = n;
  for (int64_t i = 0; i < n;) {
    auto c = static_cast<uint8_t>(data[i]);
    if (c != '\\') {
      out.push_back(c);
      ++i;
      continue;
    }
    int64_t start = i;
    if (raw) {
      // Only \u and \U after an odd run of backslashes are escapes.
      int64_t j = i;
      while (j < n && data[j] == '\\') ++j;
      int64_t run = j - i;
      if (j >= n || (data[j] != 'u' && data[j] != 'U') || run % 2 == 0) {
        for (int64_t k = i; k < j; ++k) out.push_back('\\');
        i = j;
        continue;
      }
      for (int64_t k = 0; k < run - 1; ++k) out.push_back('\\');
      start = j - 1;
      i = j - 1;
    }
    const char* reason = nullptr;
    int64_t end = 0;
    bool stop = false;  // an incomplete escape at the end of non-final input
    ++i;
    if (i >= n) {
      if (!final) {
        consumed = start;
        break;
      }
      reason = "\\ at end of string";
      end = n;
    } else {
      char e = data[i++];
      int digits = 0;
      switch (raw ? (e == 'u' || e == 'U' ? e : '\0') : e) {
        case '\n': break;
        case '\\': out.push_back('\\'); break;
        case '\'': out.push_back('\''); break;
        case '"': out.push_back('"'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 't': out.push_back('\t'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 'v': out.push_back('\v'); break;
        case 'a': out.push_back('\a'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          char32_t v = static_cast<char32_t>(e - '0');
          for (int k = 0; k < 2 && i < n && data[i] >= '0' && data[i] <= '7'; ++k) v = v * 8 + (data[i++] - '0');
          out.push_back(v);
          break;
        }
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        case 'N': {
          // \N{name}: names and aliases (CPython's ucnhash getcode), not named sequences.
          reason = "malformed \\N character escape";
          end = i;
          bool incomplete = i >= n;
          if (!incomplete && data[i] == '{') {
            int64_t j = i + 1;
            while (j < n && data[j] != '}') ++j;
            if (j >= n) {
              incomplete = true;
            } else if (j > i + 1) {
              std::optional<char32_t> code =
                  compiler::lookup_unicode_name(std::string_view(data).substr(static_cast<size_t>(i + 1),
                                                                              static_cast<size_t>(j - i - 1)));
              i = j + 1;
              end = i;
              if (code) {
                out.push_back(*code);
                reason = nullptr;
              } else {
                reason = "unknown Unicode character name";
              }
            } else {
              end = j;
            }
          }
          if (incomplete) {
            if (!final) {
              consumed = start;
              stop = true;
            }
            end = n;
          }
          break;
        }
        default:
          out.push_back('\\');
          out.push_back(static_cast<unsigned char>(e));
          break;
      }
      if (digits > 0) {
        char32_t v = 0;
        int got = 0;
        while (got < digits && i < n && hexValue(static_cast<unsigned char>(data[i])) >= 0) {
          v = v * 16 + static_cast<char32_t>(hexValue(static_cast<unsigned char>(data[i])));
          ++i;
          ++got;
        }
        if (got < digits) {
          if (!final && i >= n) {
            consumed = start;
            break;
          }
          reason = digits == 2 ? "truncated \\xXX escape" : digits == 4 ? "truncated \\uXXXX escape"
                                                                         : "truncated \\UXXXXXXXX escape";
          end = i;
        } else if (v > 0x10ffff) {
          reason = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character";
          end = i;
        } else {
          out.push_back(v);
        }
      }
    }
    if (stop) break;
    if (reason != nullptr) {
      if (bytes_obj.isNull()) bytes_obj = newBytes(data);
      if (bytes_obj.isNull()) return bytes_obj;
      Value rep;
      int64_t pos;
      if (callHandler(args[2], exc::UnicodeDecodeError, encoding, bytes_obj, start, end, reason, &rep, &pos)
              .isNull()) {
        return Value();
      }
      out.append(strToUcs4(rep));
      i = pos;
    }
  }
  return pair(newStrFromUcs4(out), consumed);
}

Value codecs_unicode_escape_decode(Value* args) { return escapeDecode(args, false); }
Value codecs_raw_unicode_escape_decode(Value* args) { return escapeDecode(args, true); }

Value codecs_readbuffer_encode(Value* args) {
  std::string data;
  if (!dataArg(args[1], &data, true)) return Value();
  return pair(newBytes(data), static_cast<int64_t>(data.size()));
}

// ===========================================================================
// Tables

#define TERN_ENCODE_SIG "($module, str, errors=None, /)"
#define TERN_DECODE_SIG "($module, data, errors=None, final=False, /)"

const MethodDef kCodecsFunctions[] = {
    {.name = "register", .signature = "($module, search_function, /)", .fn = codecs_register,
     .doc = "Register a codec search function."},
    {.name = "unregister", .signature = "($module, search_function, /)", .fn = codecs_unregister,
     .doc = "Unregister a codec search function and clear the registry's cache."},
    {.name = "lookup", .signature = "($module, encoding, /)", .fn = codecs_lookup,
     .doc = "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {.name = "_forget_codec", .signature = "($module, encoding, /)", .fn = codecs__forget_codec,
     .doc = "Purge the named codec from the internal codec lookup cache"},
    {.name = "encode", .signature = "($module, /, obj, encoding='utf-8', errors='strict')", .fn = codecs_encode,
     .doc = "Encodes obj using the codec registered for encoding."},
    {.name = "decode", .signature = "($module, /, obj, encoding='utf-8', errors='strict')", .fn = codecs_decode,
     .doc = "Decodes obj using the codec registered for encoding."},
    {.name = "register_error", .signature = "($module, errors, handler, /)", .fn = codecs_register_error,
     .doc = "Register the specified error handler under the name errors."},
    {.name = "lookup_error", .signature = "($module, name, /)", .fn = codecs_lookup_error,
     .doc = "lookup_error(errors) -> handler"},
    {.name = "utf_8_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_utf_8_encode},
    {.name = "utf_8_decode", .signature = TERN_DECODE_SIG, .fn = codecs_utf_8_decode},
    {.name = "latin_1_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_latin_1_encode},
    {.name = "latin_1_decode", .signature = "($module, data, errors=None, /)", .fn = codecs_latin_1_decode},
    {.name = "ascii_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_ascii_encode},
    {.name = "ascii_decode", .signature = "($module, data, errors=None, /)", .fn = codecs_ascii_decode},
    {.name = "utf_7_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_utf_7_encode},
    {.name = "utf_7_decode", .signature = TERN_DECODE_SIG, .fn = codecs_utf_7_decode},
    {.name = "utf_16_encode", .signature = "($module, str, errors=None, byteorder=0, /)", .fn = codecs_utf_16_encode},
    {.name = "utf_16_le_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_utf_16_le_encode},
    {.name = "utf_16_be_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_utf_16_be_encode},
    {.name = "utf_16_decode", .signature = TERN_DECODE_SIG, .fn = codecs_utf_16_decode},
    {.name = "utf_16_le_decode", .signature = TERN_DECODE_SIG, .fn = codecs_utf_16_le_decode},
    {.name = "utf_16_be_decode", .signature = TERN_DECODE_SIG, .fn = codecs_utf_16_be_decode},
    {.name = "utf_16_ex_decode", .signature = "($module, data, errors=None, byteorder=0, final=False, /)",
     .fn = codecs_utf_16_ex_decode},
    {.name = "utf_32_encode", .signature = "($module, str, errors=None, byteorder=0, /)", .fn = codecs_utf_32_encode},
    {.name = "utf_32_le_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_utf_32_le_encode},
    {.name = "utf_32_be_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_utf_32_be_encode},
    {.name = "utf_32_decode", .signature = TERN_DECODE_SIG, .fn = codecs_utf_32_decode},
    {.name = "utf_32_le_decode", .signature = TERN_DECODE_SIG, .fn = codecs_utf_32_le_decode},
    {.name = "utf_32_be_decode", .signature = TERN_DECODE_SIG, .fn = codecs_utf_32_be_decode},
    {.name = "utf_32_ex_decode", .signature = "($module, data, errors=None, byteorder=0, final=False, /)",
     .fn = codecs_utf_32_ex_decode},
    {.name = "charmap_encode", .signature = "($module, str, errors=None, mapping=None, /)",
     .fn = codecs_charmap_encode},
    {.name = "charmap_decode", .signature = "($module, data, errors=None, mapping=None, /)",
     .fn = codecs_charmap_decode},
    {.name = "charmap_build", .signature = "($module, map, /)", .fn = codecs_charmap_build},
    {.name = "escape_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_escape_encode},
    {.name = "escape_decode", .signature = "($module, data, errors=None, /)", .fn = codecs_escape_decode},
    {.name = "unicode_escape_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_unicode_escape_encode},
    {.name = "unicode_escape_decode", .signature = "($module, data, errors=None, final=True, /)",
     .fn = codecs_unicode_escape_decode},
    {.name = "raw_unicode_escape_encode", .signature = TERN_ENCODE_SIG, .fn = codecs_raw_unicode_escape_encode},
    {.name = "raw_unicode_escape_decode", .signature = "($module, data, errors=None, final=True, /)",
     .fn = codecs_raw_unicode_escape_decode},
    {.name = "readbuffer_encode", .signature = "($module, data, errors=None, /)", .fn = codecs_readbuffer_encode},
};

#undef TERN_ENCODE_SIG
#undef TERN_DECODE_SIG

const NativeModuleDef kCodecsModule = {
    .name = "_codecs",
    .methods = kCodecsFunctions,
    .doc = nullptr,
};
TERN_REGISTER_MODULE(kCodecsModule);

// str.encode / bytes.decode wrap an exception a codec raised in one of the
// same type that names the codec, when the type is a plain one (BaseException's
// __init__ and __new__, no instance attributes): "encoding with 'cp1252' codec
// failed (LookupError: ...)", the original as __cause__.  Returns null.
Value wrapCodecError(const char* operation, Value encoding) {
  Value e = takeError();
  if (e.isNull()) return e;
  Type* t = typeOf(e);
  Type* base = exc::BaseException;
  Value d = instanceDict(e);
  bool plain = lookupSpecial(t, names::__init__) == lookupSpecial(base, names::__init__) &&
               lookupSpecial(t, names::__new__) == lookupSpecial(base, names::__new__) &&
               (d.isNull() || dictSize(d) == 0);
  if (errorPending()) clearError();
  if (!plain) return restoreError(e), Value();
  Value text = str(e);
  if (text.isNull()) return restoreError(e), Value();
  std::string msg = std::string(operation) + " with '" + strToUtf8(encoding) + "' codec failed (" + typeName(t) +
                    ": " + strToUtf8(text) + ")";
  Value args = newTupleOf({newStr(msg)});
  Value wrapped = args.isNull() ? Value() : newException(t, args);
  if (wrapped.isNull() || setAttr(wrapped, names::__cause__, e) < 0) {
    clearError();
    return restoreError(e), Value();
  }
  return raiseException(wrapped);
}

// The error of a failed strict run: the UnicodeError taken from the thread
// state with its start/end, or false (the error left pending) for others.
bool takeUnicodeError(Type* kind, Value* e, int64_t* start, int64_t* end) {
  if (!errorMatches(kind)) return false;
  *e = takeError();
  auto* u = static_cast<UnicodeErrorObj*>(e->asObject());
  if (!intToInt64(u->start.get(), start) || !intToInt64(u->end.get(), end)) return false;
  return true;
}

}  // namespace

Value codecEncodeWithHandler(Value s, Value encoding, Value errors) {
  Value strict = internStr("strict");
  // A codec that writes a BOM first continues in its little-endian form.
  Value bom = strimpl::encodeStr(emptyStr(), encoding, strict);
  if (bom.isNull()) return bom;
  std::string out(asBytes(bom)->view());
  Value enc = out.size() == 2 ? internStr("utf-16-le") : out.size() == 4 ? internStr("utf-32-le") : encoding;
  int64_t n = asStr(s)->length, pos = 0;
  while (pos <= n) {
    Value rest = strSubstring(s, pos, n);
    if (rest.isNull()) return rest;
    Value b = strimpl::encodeStr(rest, enc, strict);
    if (!b.isNull()) {
      out.append(asBytes(b)->view());
      break;
    }
    Value e;
    int64_t start, end;
    if (!takeUnicodeError(exc::UnicodeEncodeError, &e, &start, &end)) return Value();
    Value prefix = strimpl::encodeStr(strSubstring(s, pos, pos + start), enc, strict);
    if (prefix.isNull()) return prefix;
    out.append(asBytes(prefix)->view());
    auto* u = static_cast<UnicodeErrorObj*>(e.asObject());
    std::string encoding_name = strToUtf8(u->encoding.get()), reason = strToUtf8(u->reason.get());
    Value rep;
    int64_t newpos;
    if (callHandler(errors, exc::UnicodeEncodeError, encoding_name.c_str(), s, pos + start, pos + end,
                    reason.c_str(), &rep, &newpos)
            .isNull()) {
      return Value();
    }
    if (isBytes(rep)) {
      out.append(asBytes(rep)->view());
    } else {
      Value rb = strimpl::encodeStr(rep, enc, strict);
      if (rb.isNull()) return rb;
      out.append(asBytes(rb)->view());
    }
    pos = newpos;
    if (pos == n) break;
  }
  return newBytes(out);
}

Value codecDecodeWithHandler(std::string_view data_view, Value encoding, Value errors) {
  std::string data(data_view);
  Value strict = internStr("strict");
  Value enc = encoding;
  std::u32string out;
  auto n = static_cast<int64_t>(data.size());
  int64_t pos = 0;
  Value bytes_obj;
  while (pos <= n) {
    Value str = strimpl::decodeBytes(std::string_view(data).substr(static_cast<size_t>(pos)), enc, strict);
    if (!str.isNull()) {
      out.append(strToUcs4(str));
      break;
    }
    Value e;
    int64_t start, end;
    if (!takeUnicodeError(exc::UnicodeDecodeError, &e, &start, &end)) return Value();
    auto* u = static_cast<UnicodeErrorObj*>(e.asObject());
    std::string encoding_name = strToUtf8(u->encoding.get()), reason = strToUtf8(u->reason.get());
    Value prefix = strimpl::decodeBytes(std::string_view(data).substr(static_cast<size_t>(pos), static_cast<size_t>(start)),
                                        enc, strict);
    if (prefix.isNull()) return prefix;
    out.append(strToUcs4(prefix));
    // A BOM-detecting codec continues in the byte order it found.
    if (encoding_name.find("-le") != std::string::npos || encoding_name.find("-be") != std::string::npos) {
      enc = newStr(encoding_name);
    }
    if (bytes_obj.isNull()) bytes_obj = newBytes(data);
    if (bytes_obj.isNull()) return bytes_obj;
    Value rep;
    int64_t newpos;
    if (callHandler(errors, exc::UnicodeDecodeError, encoding_name.c_str(), bytes_obj, pos + start, pos + end,
                    reason.c_str(), &rep, &newpos)
            .isNull()) {
      return Value();
    }
    out.append(strToUcs4(rep));
    pos = newpos;
    if (pos == n) break;
  }
  return newStrFromUcs4(out);
}

Value codecLookup(Value encoding) { return lookupImpl(encoding); }

Value codecRegistryEncode(Value s, Value encoding, Value errors) {
  Value info = lookupImpl(encoding);
  if (info.isNull()) return info;
  Value is_text = lookupAttr(info, internStr("_is_text_encoding"));
  if (is_text.isNull() && errorPending()) return Value();
  if (!is_text.isNull()) {
    int t = isTrue(is_text);
    if (t < 0) return Value();
    if (!t) {
      return raisef(exc::LookupError, "'%s' is not a text encoding; use codecs.encode() to handle arbitrary codecs",
                    strToUtf8(encoding).c_str());
    }
  }
  Value v = callCodec(s, encoding, errors, 0);
  if (v.isNull()) return wrapCodecError("encoding", encoding);
  if (isExactBytes(v)) return v;
  if (isBytes(v) || isByteArray(v)) return bytesFromObject(v);
  return raisef(exc::TypeError, "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to "
                "arbitrary types", strToUtf8(encoding).c_str(), typeNameOf(v).c_str());
}

Value codecRegistryDecode(std::string_view data, Value encoding, Value errors) {
  Value info = lookupImpl(encoding);
  if (info.isNull()) return info;
  Value is_text = lookupAttr(info, internStr("_is_text_encoding"));
  if (is_text.isNull() && errorPending()) return Value();
  if (!is_text.isNull()) {
    int t = isTrue(is_text);
    if (t < 0) return Value();
    if (!t) {
      return raisef(exc::LookupError, "'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs",
                    strToUtf8(encoding).c_str());
    }
  }
  Value obj = newBytes(std::string(data));
  if (obj.isNull()) return obj;
  Value v = callCodec(obj, encoding, errors, 1);
  if (v.isNull()) return wrapCodecError("decoding", encoding);
  if (isStr(v)) return v;
  return raisef(exc::TypeError, "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to "
                "arbitrary types", strToUtf8(encoding).c_str(), typeNameOf(v).c_str());
}

}  // namespace tern
