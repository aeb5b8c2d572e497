// The codecs str.encode, bytes.decode and str(bytes, encoding) handle
// natively: utf-8, latin-1, ascii, utf-16 and utf-32 (with BOM, -le, -be),
// with the error handlers strict, ignore, replace, backslashreplace,
// xmlcharrefreplace (encoding), surrogateescape and surrogatepass, and
// CPython 3.11's UnicodeEncodeError / UnicodeDecodeError arguments (the
// exception's __str__ builds the message from them).
//
// Other encodings go through the codec registry (runtime/modules/_codecs.h),
// as CPython's str.encode does for them.  The work happens on copies (UCS-4 text, byte
// strings in malloc'd memory), so nothing here holds a pointer into the heap
// across an allocation.

#include <cctype>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/interp/errors.h"
#include "runtime/modules/_codecs.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern::strimpl {

namespace {

enum class Codec { kUtf8, kLatin1, kAscii, kUtf16, kUtf16LE, kUtf16BE, kUtf32, kUtf32LE, kUtf32BE };

// encodings.normalize_encoding after codecs.lookup's lowering: runs of
// characters other than letters, digits and '.' become one '_'.
std::string normalizeEncoding(std::string_view name) {
  std::string out;
  bool pending = false;
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '.') {
      if (pending && !out.empty()) out.push_back('_');
      pending = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      pending = true;
    }
  }
  return out;
}

std::optional<Codec> lookupCodec(std::string_view raw) {
  std::string n = normalizeEncoding(raw);
  struct Alias {
    const char* name;
    Codec codec;
  };
  static const Alias kAliases[] = {
      {"utf_8", Codec::kUtf8},
      {"utf8", Codec::kUtf8},
      {"u8", Codec::kUtf8},
      {"utf", Codec::kUtf8},
      {"utf8_ucs2", Codec::kUtf8},
      {"utf8_ucs4", Codec::kUtf8},
      {"cp65001", Codec::kUtf8},
      {"latin_1", Codec::kLatin1},
      {"latin1", Codec::kLatin1},
      {"latin", Codec::kLatin1},
      {"l1", Codec::kLatin1},
      {"iso8859_1", Codec::kLatin1},
      {"iso_8859_1", Codec::kLatin1},
      {"iso8859", Codec::kLatin1},
      {"8859", Codec::kLatin1},
      {"cp819", Codec::kLatin1},
      {"ibm819", Codec::kLatin1},
      {"csisolatin1", Codec::kLatin1},
      {"iso_8859_1_1987", Codec::kLatin1},
      {"iso_ir_100", Codec::kLatin1},
      {"ascii", Codec::kAscii},
      {"us_ascii", Codec::kAscii},
      {"us", Codec::kAscii},
      {"646", Codec::kAscii},
      {"cp367", Codec::kAscii},
      {"csascii", Codec::kAscii},
      {"ibm367", Codec::kAscii},
      {"iso646_us", Codec::kAscii},
      {"iso_ir_6", Codec::kAscii},
      {"ansi_x3.4_1968", Codec::kAscii},
      {"ansi_x3_4_1968", Codec::kAscii},
      {"ansi_x3.4_1986", Codec::kAscii},
      {"iso_646.irv_1991", Codec::kAscii},
      {"utf_16", Codec::kUtf16},
      {"utf16", Codec::kUtf16},
      {"u16", Codec::kUtf16},
      {"utf_16_le", Codec::kUtf16LE},
      {"utf_16le", Codec::kUtf16LE},
      {"unicodelittleunmarked", Codec::kUtf16LE},
      {"utf_16_be", Codec::kUtf16BE},
      {"utf_16be", Codec::kUtf16BE},
      {"unicodebigunmarked", Codec::kUtf16BE},
      {"utf_32", Codec::kUtf32},
      {"utf32", Codec::kUtf32},
      {"u32", Codec::kUtf32},
      {"utf_32_le", Codec::kUtf32LE},
      {"utf_32le", Codec::kUtf32LE},
      {"utf_32_be", Codec::kUtf32BE},
      {"utf_32be", Codec::kUtf32BE},
  };
  for (const Alias& a : kAliases)
    if (n == a.name) return a.codec;
  return std::nullopt;
}

const char* codecName(Codec c) {
  switch (c) {
    case Codec::kUtf8:
      return "utf-8";
    case Codec::kLatin1:
      return "latin-1";
    case Codec::kAscii:
      return "ascii";
    case Codec::kUtf16:
      return "utf-16";
    case Codec::kUtf16LE:
      return "utf-16-le";
    case Codec::kUtf16BE:
      return "utf-16-be";
    case Codec::kUtf32:
      return "utf-32";
    case Codec::kUtf32LE:
      return "utf-32-le";
    case Codec::kUtf32BE:
      return "utf-32-be";
  }
  return "?";
}

enum class Handler { kStrict, kIgnore, kReplace, kBackslash, kXmlRef, kSurrogateEscape, kSurrogatePass, kNameReplace };

std::optional<Handler> lookupHandler(std::string_view name) {
  if (name == "strict") return Handler::kStrict;
  if (name == "ignore") return Handler::kIgnore;
  if (name == "replace") return Handler::kReplace;
  if (name == "backslashreplace") return Handler::kBackslash;
  if (name == "xmlcharrefreplace") return Handler::kXmlRef;
  if (name == "surrogateescape") return Handler::kSurrogateEscape;
  if (name == "surrogatepass") return Handler::kSurrogatePass;
  // namereplace and handlers registered with codecs.register_error go
  // through the registry (codecEncodeWithHandler / codecDecodeWithHandler).
  return std::nullopt;
}

// The handler named by `errors` (a str or null), resolved only when an error
// actually occurs, as CPython does.
struct ErrorsArg {
  std::string name = "strict";
  Value raise_unknown() const { return raisef(exc::LookupError, "unknown error handler name '%s'", name.c_str()); }
};

bool isSurrogate(char32_t c) { return c >= 0xd800 && c <= 0xdfff; }

void appendHex(std::string& out, uint32_t v, int digits) {
  static const char kHex[] = "0123456789abcdef";
  for (int d = digits - 1; d >= 0; --d) out.push_back(kHex[(v >> (4 * d)) & 0xf]);
}

// ---------------------------------------------------------------------------
// Encoding

bool canEncode(Codec c, char32_t ch) {
  switch (c) {
    case Codec::kLatin1:
      return ch < 0x100;
    case Codec::kAscii:
      return ch < 0x80;
    default:
      return !isSurrogate(ch);
  }
}

void putUnit16(std::string& out, uint16_t u, bool big) {
  if (big) {
    out.push_back(static_cast<char>(u >> 8));
    out.push_back(static_cast<char>(u & 0xff));
  } else {
    out.push_back(static_cast<char>(u & 0xff));
    out.push_back(static_cast<char>(u >> 8));
  }
}

void putUnit32(std::string& out, uint32_t u, bool big) {
  for (int k = 0; k < 4; ++k) {
    int shift = big ? 8 * (3 - k) : 8 * k;
    out.push_back(static_cast<char>((u >> shift) & 0xff));
  }
}

// Appends ch (encodable, or a surrogate passed through) in codec c.
void encodeChar(Codec c, char32_t ch, std::string& out) {
  switch (c) {
    case Codec::kUtf8:
      if (ch < 0x80) {
        out.push_back(static_cast<char>(ch));
      } else if (ch < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (ch >> 6)));
        out.push_back(static_cast<char>(0x80 | (ch & 0x3f)));
      } else if (ch < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (ch >> 12)));
        out.push_back(static_cast<char>(0x80 | ((ch >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (ch & 0x3f)));
      } else {
        out.push_back(static_cast<char>(0xf0 | (ch >> 18)));
        out.push_back(static_cast<char>(0x80 | ((ch >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((ch >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (ch & 0x3f)));
      }
      break;
    case Codec::kLatin1:
    case Codec::kAscii:
      out.push_back(static_cast<char>(ch));
      break;
    case Codec::kUtf16:
    case Codec::kUtf16LE:
    case Codec::kUtf16BE: {
      bool big = c == Codec::kUtf16BE;
      if (ch >= 0x10000) {
        char32_t v = ch - 0x10000;
        putUnit16(out, static_cast<uint16_t>(0xd800 | (v >> 10)), big);
        putUnit16(out, static_cast<uint16_t>(0xdc00 | (v & 0x3ff)), big);
      } else {
        putUnit16(out, static_cast<uint16_t>(ch), big);
      }
      break;
    }
    case Codec::kUtf32:
    case Codec::kUtf32LE:
    case Codec::kUtf32BE:
      putUnit32(out, ch, c == Codec::kUtf32BE);
      break;
  }
}

void encodeAscii(Codec c, std::string_view ascii, std::string& out) {
  for (char ch : ascii) encodeChar(c, static_cast<unsigned char>(ch), out);
}

Value raiseEncodeError(Codec c, Value s, int64_t start, int64_t end) {
  const char* reason = c == Codec::kLatin1  ? "ordinal not in range(256)"
                       : c == Codec::kAscii ? "ordinal not in range(128)"
                                            : "surrogates not allowed";
  Value enc = newStr(codecName(c));
  Value rsn = newStr(reason);
  Value args = newTupleOf({enc, s, newInt(start), newInt(end), rsn});
  if (args.isNull()) return Value();
  Value e = newException(exc::UnicodeEncodeError, args);
  if (e.isNull()) return Value();
  return raiseException(e);
}

Value encodeWith(Codec c, Value s, const ErrorsArg& errors) {
  std::u32string text = strToUcs4(s);
  std::string out;
  out.reserve(text.size());
  if (c == Codec::kUtf16) out.append("\xff\xfe", 2);
  if (c == Codec::kUtf32) out.append("\xff\xfe\x00\x00", 4);
  int64_t n = static_cast<int64_t>(text.size());
  std::optional<Handler> handler;
  bool handler_known = false;
  for (int64_t i = 0; i < n;) {
    char32_t ch = text[i];
    if (canEncode(c, ch)) {
      encodeChar(c, ch, out);
      ++i;
      continue;
    }
    int64_t j = i + 1;
    while (j < n && !canEncode(c, text[j])) ++j;
    if (!handler_known) {
      handler = lookupHandler(errors.name);
      handler_known = true;
    }
    if (!handler) return errors.raise_unknown();
    switch (*handler) {
      case Handler::kStrict:
        return raiseEncodeError(c, s, i, j);
      case Handler::kIgnore:
        break;
      case Handler::kReplace:
        for (int64_t k = i; k < j; ++k) encodeChar(c, '?', out);
        break;
      case Handler::kBackslash:
        for (int64_t k = i; k < j; ++k) {
          char32_t x = text[k];
          std::string esc = "\\";
          if (x < 0x100) {
            esc += 'x';
            appendHex(esc, x, 2);
          } else if (x < 0x10000) {
            esc += 'u';
            appendHex(esc, x, 4);
          } else {
            esc += 'U';
            appendHex(esc, x, 8);
          }
          encodeAscii(c, esc, out);
        }
        break;
      case Handler::kXmlRef:
        for (int64_t k = i; k < j; ++k) encodeAscii(c, "&#" + std::to_string(static_cast<uint32_t>(text[k])) + ";", out);
        break;
      case Handler::kSurrogateEscape:
        if (c == Codec::kUtf8 || c == Codec::kLatin1 || c == Codec::kAscii) {
          for (int64_t k = i; k < j; ++k) {
            char32_t x = text[k];
            if (x < 0xdc80 || x > 0xdcff) return raiseEncodeError(c, s, k, j);
            out.push_back(static_cast<char>(x - 0xdc00));
          }
          break;
        }
        return raiseEncodeError(c, s, i, j);
      case Handler::kSurrogatePass:
        if (c == Codec::kLatin1 || c == Codec::kAscii) return raiseEncodeError(c, s, i, j);
        for (int64_t k = i; k < j; ++k) encodeChar(c, text[k], out);
        break;
      case Handler::kNameReplace:
        // Needs the Unicode name table by code point (not available yet).
        return errors.raise_unknown();
    }
    i = j;
  }
  return newBytes(out);
}

// ---------------------------------------------------------------------------
// Decoding

struct DecodeError {
  int64_t start, end;
  const char* reason;
};

Value raiseDecodeError(const char* encoding, std::string_view data, const DecodeError& e) {
  Value enc = newStr(encoding);
  Value obj = newBytes(data);
  Value rsn = newStr(e.reason);
  Value args = newTupleOf({enc, obj, newInt(e.start), newInt(e.end), rsn});
  if (args.isNull()) return Value();
  Value ex = newException(exc::UnicodeDecodeError, args);
  if (ex.isNull()) return Value();
  return raiseException(ex);
}

bool isCont(uint8_t b) { return (b & 0xc0) == 0x80; }

// One UTF-8 step at d[i]: the code point and its length, or an error.
bool utf8Step(std::string_view d, int64_t i, char32_t* cp, int64_t* len, DecodeError* err) {
  auto n = static_cast<int64_t>(d.size());
  auto at = [&](int64_t k) { return static_cast<uint8_t>(d[k]); };
  uint8_t b0 = at(i);
  if (b0 < 0x80) {
    *cp = b0;
    *len = 1;
    return true;
  }
  int need;
  uint8_t lo = 0x80, hi = 0xbf;
  if (b0 < 0xc2) {
    *err = {i, i + 1, "invalid start byte"};
    return false;
  } else if (b0 < 0xe0) {
    need = 1;
  } else if (b0 < 0xf0) {
    need = 2;
    if (b0 == 0xe0) lo = 0xa0;
    if (b0 == 0xed) hi = 0x9f;
  } else if (b0 < 0xf5) {
    need = 3;
    if (b0 == 0xf0) lo = 0x90;
    if (b0 == 0xf4) hi = 0x8f;
  } else {
    *err = {i, i + 1, "invalid start byte"};
    return false;
  }
  char32_t v = b0 & (need == 1 ? 0x1f : need == 2 ? 0x0f : 0x07);
  for (int k = 1; k <= need; ++k) {
    if (i + k >= n) {
      *err = {i, n, "unexpected end of data"};
      return false;
    }
    uint8_t b = at(i + k);
    bool ok = k == 1 ? (b >= lo && b <= hi) : isCont(b);
    if (!ok) {
      *err = {i, i + k, "invalid continuation byte"};
      return false;
    }
    v = (v << 6) | (b & 0x3f);
  }
  *cp = v;
  *len = need + 1;
  return true;
}

uint32_t readUnit(std::string_view d, int64_t i, int size, bool big) {
  uint32_t v = 0;
  for (int k = 0; k < size; ++k) {
    uint32_t b = static_cast<uint8_t>(d[i + k]);
    int shift = big ? 8 * (size - 1 - k) : 8 * k;
    v |= b << shift;
  }
  return v;
}

// One step of codec c at d[i]; `pass` is the surrogatepass handler's try.
bool decodeStep(Codec c, bool big, std::string_view d, int64_t i, bool pass, char32_t* cp, int64_t* len,
                DecodeError* err) {
  auto n = static_cast<int64_t>(d.size());
  switch (c) {
    case Codec::kUtf8:
      if (utf8Step(d, i, cp, len, err)) return true;
      if (pass && static_cast<uint8_t>(d[i]) == 0xed && i + 2 < n) {
        auto b1 = static_cast<uint8_t>(d[i + 1]), b2 = static_cast<uint8_t>(d[i + 2]);
        if (b1 >= 0xa0 && b1 <= 0xbf && isCont(b2)) {
          *cp = 0xd000 | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
          *len = 3;
          return true;
        }
      }
      return false;
    case Codec::kLatin1:
      *cp = static_cast<uint8_t>(d[i]);
      *len = 1;
      return true;
    case Codec::kAscii:
      if (static_cast<uint8_t>(d[i]) < 0x80) {
        *cp = static_cast<uint8_t>(d[i]);
        *len = 1;
        return true;
      }
      *err = {i, i + 1, "ordinal not in range(128)"};
      return false;
    case Codec::kUtf16:
    case Codec::kUtf16LE:
    case Codec::kUtf16BE: {
      if (n - i < 2) {
        *err = {i, n, "truncated data"};
        return false;
      }
      uint32_t u = readUnit(d, i, 2, big);
      if (u < 0xd800 || u > 0xdfff) {
        *cp = u;
        *len = 2;
        return true;
      }
      if (u >= 0xdc00) {
        if (pass) {
          *cp = u;
          *len = 2;
          return true;
        }
        *err = {i, i + 2, "illegal encoding"};
        return false;
      }
      if (n - i < 4) {
        if (pass) {
          *cp = u;
          *len = 2;
          return true;
        }
        *err = {i, n, "unexpected end of data"};
        return false;
      }
      uint32_t u2 = readUnit(d, i + 2, 2, big);
      if (u2 >= 0xdc00 && u2 <= 0xdfff) {
        *cp = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00);
        *len = 4;
        return true;
      }
      if (pass) {
        *cp = u;
        *len = 2;
        return true;
      }
      *err = {i, i + 2, "illegal UTF-16 surrogate"};
      return false;
    }
    case Codec::kUtf32:
    case Codec::kUtf32LE:
    case Codec::kUtf32BE: {
      if (n - i < 4) {
        *err = {i, n, "truncated data"};
        return false;
      }
      uint32_t u = readUnit(d, i, 4, big);
      if (u > 0x10ffff) {
        *err = {i, i + 4, "code point not in range(0x110000)"};
        return false;
      }
      if (u >= 0xd800 && u <= 0xdfff && !pass) {
        *err = {i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)"};
        return false;
      }
      *cp = u;
      *len = 4;
      return true;
    }
  }
  return false;
}

Value decodeWith(Codec c, std::string_view d, const ErrorsArg& errors) {
  // Fast path: ASCII data in an ASCII-compatible codec.
  if (c == Codec::kUtf8 || c == Codec::kLatin1 || c == Codec::kAscii) {
    bool ascii = true;
    for (char ch : d)
      if (static_cast<unsigned char>(ch) >= 0x80) {
        ascii = false;
        break;
      }
    if (ascii || c == Codec::kLatin1) return newStrFromUnits(1, d.data(), static_cast<int64_t>(d.size()));
  }
  bool big = c == Codec::kUtf16BE || c == Codec::kUtf32BE;
  int64_t i = 0;
  if (c == Codec::kUtf16 && d.size() >= 2) {
    if (d.substr(0, 2) == std::string_view("\xff\xfe", 2)) {
      i = 2;
    } else if (d.substr(0, 2) == std::string_view("\xfe\xff", 2)) {
      i = 2;
      big = true;
    }
  }
  if (c == Codec::kUtf32 && d.size() >= 4) {
    if (d.substr(0, 4) == std::string_view("\xff\xfe\x00\x00", 4)) {
      i = 4;
    } else if (d.substr(0, 4) == std::string_view("\x00\x00\xfe\xff", 4)) {
      i = 4;
      big = true;
    }
  }
  const char* name = codecName(c);
  if (c == Codec::kUtf16) name = big ? "utf-16-be" : "utf-16-le";
  if (c == Codec::kUtf32) name = big ? "utf-32-be" : "utf-32-le";
  std::optional<Handler> handler;
  bool handler_known = false;
  std::u32string out;
  out.reserve(d.size());
  auto n = static_cast<int64_t>(d.size());
  while (i < n) {
    char32_t cp;
    int64_t len;
    DecodeError err{};
    if (decodeStep(c, big, d, i, false, &cp, &len, &err)) {
      out.push_back(cp);
      i += len;
      continue;
    }
    if (!handler_known) {
      handler = lookupHandler(errors.name);
      handler_known = true;
    }
    if (!handler) return errors.raise_unknown();
    switch (*handler) {
      case Handler::kStrict:
        return raiseDecodeError(name, d, err);
      case Handler::kIgnore:
        break;
      case Handler::kReplace:
        out.push_back(0xfffd);
        break;
      case Handler::kBackslash: {
        for (int64_t k = err.start; k < err.end; ++k) {
          std::string esc = "\\x";
          appendHex(esc, static_cast<uint8_t>(d[k]), 2);
          for (char ch : esc) out.push_back(static_cast<unsigned char>(ch));
        }
        break;
      }
      case Handler::kSurrogateEscape:
        for (int64_t k = err.start; k < err.end; ++k) {
          auto b = static_cast<uint8_t>(d[k]);
          if (b < 0x80) return raiseDecodeError(name, d, err);
        }
        for (int64_t k = err.start; k < err.end; ++k) out.push_back(0xdc00 + static_cast<uint8_t>(d[k]));
        break;
      case Handler::kSurrogatePass:
        if (decodeStep(c, big, d, i, true, &cp, &len, &err)) {
          out.push_back(cp);
          i += len;
          continue;
        }
        return raiseDecodeError(name, d, err);
      case Handler::kXmlRef:
      case Handler::kNameReplace:
        return raisef(exc::TypeError, "don't know how to handle UnicodeDecodeError in error callback");
    }
    i = err.end;
  }
  return newStrFromUcs4(out);
}

bool codecArgs(Value encoding, Value errors, Codec* codec, ErrorsArg* e) {
  *codec = Codec::kUtf8;
  if (!encoding.isNull()) {
    std::string name = strToUtf8(encoding);
    std::optional<Codec> c = lookupCodec(name);
    if (!c) {
      raisef(exc::LookupError, "unknown encoding: %s", name.c_str());
      return false;
    }
    *codec = *c;
  }
  if (!errors.isNull()) e->name = strToUtf8(errors);
  return true;
}

}  // namespace

Value encodeStr(Value s, Value encoding, Value errors) {
  if (!encoding.isNull() && !lookupCodec(strToUtf8(encoding))) return codecRegistryEncode(s, encoding, errors);
  if (!errors.isNull() && !lookupHandler(strToUtf8(errors))) {
    return codecEncodeWithHandler(s, encoding.isNull() ? internStr("utf-8") : encoding, errors);
  }
  Codec codec;
  ErrorsArg e;
  if (!codecArgs(encoding, errors, &codec, &e)) return Value();
  StrObj* o = asStr(s);
  if (o->ascii && (codec == Codec::kUtf8 || codec == Codec::kLatin1 || codec == Codec::kAscii)) {
    std::string copy(static_cast<const char*>(o->data()), static_cast<size_t>(o->length));
    return newBytes(copy);
  }
  return encodeWith(codec, s, e);
}

Value decodeBytes(std::string_view data, Value encoding, Value errors) {
  if (!encoding.isNull() && !lookupCodec(strToUtf8(encoding))) return codecRegistryDecode(data, encoding, errors);
  if (!errors.isNull() && !lookupHandler(strToUtf8(errors))) {
    return codecDecodeWithHandler(data, encoding.isNull() ? internStr("utf-8") : encoding, errors);
  }
  Codec codec;
  ErrorsArg e;
  if (!codecArgs(encoding, errors, &codec, &e)) return Value();
  return decodeWith(codec, data, e);
}

Value decodeBytesValue(Value obj, Value encoding, Value errors) {
  std::string_view view;
  if (!bytesLikeView(obj, &view)) {
    return raisef(exc::TypeError, "decoding to str: need a bytes-like object, %s found", typeNameOf(obj).c_str());
  }
  std::string copy(view);
  return decodeBytes(copy, encoding, errors);
}

}  // namespace tern::strimpl
