// _io.TextIOWrapper: a text stream over a buffered binary stream (CPython
// 3.11's Modules/_io/textio.c behaviour): encoding and decoding, newline
// translation on read and write, line buffering, tell/seek cookies,
// reconfigure().
//
// Codecs: utf-8, latin-1, ascii, utf-16 and utf-32 (BOM, -le, -be) are
// decoded and encoded natively by codecs_basic.cc (strimpl::decodeBytes /
// encodeStr), with this file holding back the bytes of an incomplete
// character between chunks and handling the BOM.  Other encodings use the
// incremental codecs of the `codecs` module.
//
// tell() cookies: the byte position itself whenever the decoder holds
// nothing at that point (always so after whole lines of utf-8, latin-1 or
// ascii text, as CPython's); otherwise an opaque int, position
// | pendingcr << 64 | characters-to-skip << 65, which seek() understands
// (see TextIOObj in _io_internal.h).
#include <cctype>
#include <cstring>
#include <string>

#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_io_internal.h"
#include "runtime/modules/_warnings.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern::io {

namespace {

TextIOObj* asText(Value v) { return static_cast<TextIOObj*>(v.asObject()); }

bool checkAttached(Value self) {
  TextIOObj* t = asText(self);
  if (!t->initialized) {
    raise(exc::ValueError, t->detached ? "underlying buffer has been detached" : "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

Value bufferOf(Value self) { return asText(self)->buffer.get(); }

// CHECK_CLOSED: self.closed true -> ValueError.
bool checkOpen(Value self) {
  Value c;
  int fast = typeOf(self) == TextIOWrapper_type ? ioFastClosed(bufferOf(self)) : -1;
  if (fast == 0) return true;
  if (fast == 1) {
    raise(exc::ValueError, "I/O operation on closed file.");
    return false;
  }
  if (typeOf(self) == TextIOWrapper_type) {
    c = getAttr(bufferOf(self), TERN_IO_NAME("closed"));
  } else {
    c = getAttr(self, TERN_IO_NAME("closed"));
  }
  if (c.isNull()) return false;
  int t = isTrue(c);
  if (t < 0) return false;
  if (t) {
    raise(exc::ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

// ===========================================================================
// Codecs

std::string normalizeName(std::string_view name) {
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

TextCodec classifyCodec(std::string_view raw) {
  std::string n = normalizeName(raw);
  struct Alias {
    const char* name;
    TextCodec codec;
  };
  static const Alias kAliases[] = {
      {"utf_8", kCodecUtf8},         {"utf8", kCodecUtf8},           {"u8", kCodecUtf8},
      {"utf", kCodecUtf8},           {"cp65001", kCodecUtf8},        {"latin_1", kCodecLatin1},
      {"latin1", kCodecLatin1},      {"latin", kCodecLatin1},        {"l1", kCodecLatin1},
      {"iso8859_1", kCodecLatin1},   {"iso_8859_1", kCodecLatin1},   {"8859", kCodecLatin1},
      {"cp819", kCodecLatin1},       {"ibm819", kCodecLatin1},       {"iso8859", kCodecLatin1},
      {"ascii", kCodecAscii},        {"us_ascii", kCodecAscii},      {"646", kCodecAscii},
      {"us", kCodecAscii},           {"utf_16", kCodecUtf16},        {"utf16", kCodecUtf16},
      {"u16", kCodecUtf16},          {"utf_16_le", kCodecUtf16LE},   {"utf_16le", kCodecUtf16LE},
      {"utf_16_be", kCodecUtf16BE},  {"utf_16be", kCodecUtf16BE},    {"utf_32", kCodecUtf32},
      {"utf32", kCodecUtf32},        {"u32", kCodecUtf32},           {"utf_32_le", kCodecUtf32LE},
      {"utf_32le", kCodecUtf32LE},   {"utf_32_be", kCodecUtf32BE},   {"utf_32be", kCodecUtf32BE},
  };
  for (const Alias& a : kAliases) {
    if (n == a.name) return a.codec;
  }
  return kCodecOther;
}

Value canonicalNameValue(uint8_t codec) {
  switch (codec) {
    case kCodecLatin1: return TERN_IO_NAME("latin-1");
    case kCodecAscii: return TERN_IO_NAME("ascii");
    case kCodecUtf16:
    case kCodecUtf16LE: return TERN_IO_NAME("utf-16-le");
    case kCodecUtf16BE: return TERN_IO_NAME("utf-16-be");
    case kCodecUtf32:
    case kCodecUtf32LE: return TERN_IO_NAME("utf-32-le");
    case kCodecUtf32BE: return TERN_IO_NAME("utf-32-be");
    default: return TERN_IO_NAME("utf-8");
  }
}

// Does the str hold code point c (< 128)?
bool strHasAscii(Value s, char c) {
  StrObj* o = asStr(s);
  if (o->kind == 1) return std::memchr(o->data(), c, static_cast<size_t>(o->length)) != nullptr;
  for (int64_t i = 0; i < o->length; ++i)
    if (o->at(i) == static_cast<char32_t>(c)) return true;
  return false;
}

// How many bytes at the end of `d` start a character that is not complete.
size_t incompleteTail(uint8_t codec, std::string_view d) {
  size_t n = d.size();
  switch (codec) {
    case kCodecUtf8: {
      for (size_t back = 1; back <= 3 && back <= n; ++back) {
        auto c = static_cast<unsigned char>(d[n - back]);
        if ((c & 0xc0) == 0x80) continue;  // continuation byte: look further back
        size_t need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 1;
        return need > back ? back : 0;
      }
      return 0;
    }
    case kCodecUtf16LE:
    case kCodecUtf16BE: {
      size_t tail = n % 2;
      if (n - tail >= 2) {
        size_t i = n - tail - 2;
        auto hi = static_cast<unsigned char>(codec == kCodecUtf16LE ? d[i + 1] : d[i]);
        if (hi >= 0xd8 && hi <= 0xdb) tail += 2;  // a high surrogate waits for its pair
      }
      return tail;
    }
    case kCodecUtf32LE:
    case kCodecUtf32BE:
      return n % 4;
    default:
      return 0;
  }
}

// Decodes `input` (the held-back bytes and a new chunk) natively; false with
// an exception.  Sets the held-back bytes.
bool decodeNative(Value self, std::string input, bool final, Value* out) {
  TextIOObj* t = asText(self);
  if (t->dec_codec == kCodecUtf16 || t->dec_codec == kCodecUtf32) {
    size_t unit = t->dec_codec == kCodecUtf16 ? 2 : 4;
    if (input.size() < unit && !final) {
      asText(self)->pending_input.set(input.empty() ? Value() : newBytes(input));
      *out = emptyStr();
      return true;
    }
    bool le = true;
    size_t skip = 0;
    if (unit == 2 && input.size() >= 2) {
      if (input.compare(0, 2, "\xff\xfe") == 0) skip = 2;
      if (input.compare(0, 2, "\xfe\xff") == 0) skip = 2, le = false;
    } else if (unit == 4 && input.size() >= 4) {
      if (input.compare(0, 4, std::string("\xff\xfe\x00\x00", 4)) == 0) skip = 4;
      if (input.compare(0, 4, std::string("\x00\x00\xfe\xff", 4)) == 0) skip = 4, le = false;
    }
    input.erase(0, skip);
    t = asText(self);
    t->dec_codec = unit == 2 ? (le ? kCodecUtf16LE : kCodecUtf16BE) : (le ? kCodecUtf32LE : kCodecUtf32BE);
  }
  uint8_t codec = asText(self)->dec_codec;
  size_t tail = final ? 0 : incompleteTail(codec, input);
  std::string rest = input.substr(input.size() - tail);
  input.resize(input.size() - tail);
  Value held = rest.empty() ? Value() : newBytes(rest);
  if (!rest.empty() && held.isNull()) return false;
  asText(self)->pending_input.set(held);
  *out = strimpl::decodeBytes(input, canonicalNameValue(codec), asText(self)->errors.get());
  return !out->isNull();
}

// Decodes new input (held-back bytes included) and translates newlines.
bool decodeInput(Value self, std::string_view chunk, bool final, Value* result) {
  Value decoded;
  if (asText(self)->codec == kCodecOther) {
    Value b = newBytes(chunk);
    if (b.isNull()) return false;
    Value call_args[2] = {b, Bool(final)};
    Value s = callMethod(asText(self)->pydecoder.get(), TERN_IO_NAME("decode"), call_args, 2);
    if (s.isNull()) return false;
    if (!isStr(s)) {
      raisef(exc::TypeError, "decoder should return a string result, not '%s'", typeNameOf(s).c_str());
      return false;
    }
    decoded = s;
  } else {
    std::string input;
    Value pending = asText(self)->pending_input.get();
    if (!pending.isNull()) input.assign(asBytes(pending)->view());
    input.append(chunk);
    if (!decodeNative(self, std::move(input), final, &decoded)) return false;
  }
  TextIOObj* t = asText(self);
  if (!t->readuniversal) {
    *result = decoded;
    return true;
  }
  if (!t->pendingcr && !strHasAscii(decoded, '\r')) {
    // The common case: nothing to translate or hold back.
    if (strHasAscii(decoded, '\n')) asText(self)->seennl |= kSeenLF;
    *result = decoded;
    return true;
  }
  uint8_t pendingcr = t->pendingcr, seennl = t->seennl;
  std::u32string text = translateNewlines(strToUcs4(decoded), t->readtranslate != 0, final, &pendingcr, &seennl);
  t = asText(self);
  t->pendingcr = pendingcr;
  t->seennl = seennl;
  *result = newStrFromUcs4(text);
  return !result->isNull();
}

// Encodes text for writing; null on error.
Value encodeText(Value self, Value text) {
  TextIOObj* t = asText(self);
  if (t->codec == kCodecOther) {
    return callMethod(t->pyencoder.get(), TERN_IO_NAME("encode"), &text, 1);
  }
  Value b;
  StrObj* str = asStr(text);
  if (str->ascii && (t->codec == kCodecUtf8 || t->codec == kCodecLatin1 || t->codec == kCodecAscii)) {
    BytesObj* raw = allocBytes(str->length);  // may move `text`: re-read below
    std::memcpy(raw->data(), asStr(text)->data(), static_cast<size_t>(asStr(text)->length));
    b = Value(raw);
  } else {
    b = strimpl::encodeStr(text, canonicalNameValue(t->codec), t->errors.get());
  }
  if (b.isNull()) return Value();
  t = asText(self);
  if (t->bom_pending) {
    t->bom_pending = 0;
    std::string bom = t->codec == kCodecUtf16 ? std::string("\xff\xfe", 2) : std::string("\xff\xfe\x00\x00", 4);
    bom.append(asBytes(b)->view());
    return newBytes(bom);
  }
  return b;
}

void resetDecoder(Value self) {
  TextIOObj* t = asText(self);
  t->pendingcr = 0;
  t->pending_input.set(Value());
  if (t->codec == kCodecUtf16 || t->codec == kCodecUtf32) t->dec_codec = t->codec;
}

void clearReadState(Value self) {
  TextIOObj* t = asText(self);
  t->decoded.set(Value());
  t->decoded_used = 0;
  t->snapshot_input.set(Value());
}

// Passes the encoded text held back by write() to the buffer.
bool writeFlush(Value self) {
  Value pending = asText(self)->pending_out.get();
  if (pending.isNull() || byteArrayLength(pending) == 0) return true;
  Value b = newBytes(std::string(byteArrayView(pending)));
  if (b.isNull()) return false;
  if (!byteArrayResize(asText(self)->pending_out.get(), 0)) return false;
  return !callMethod(bufferOf(self), names::write, &b, 1).isNull();
}

// ===========================================================================
// Reading

// Before each chunk, while tell() is possible, CPython asks a Python
// decoder for its state (the snapshot) and rejects a malformed one.
bool checkDecoderState(Value self) {
  Value decoder = asText(self)->pydecoder.get();
  if (!asText(self)->telling || decoder.isNull()) return true;
  Value state = callMethod(decoder, TERN_IO_NAME("getstate"), nullptr, 0);
  if (state.isNull()) return false;
  if (!isTuple(state) || tupleLength(state) != 2) {
    raise(exc::TypeError, "illegal decoder state");
    return false;
  }
  Value input = tupleItem(state, 0);
  if (!isBytes(input)) {
    raisef(exc::TypeError, "illegal decoder state: the first item should be a bytes object, not '%s'",
           typeNameOf(input).c_str());
    return false;
  }
  return true;
}

// Reads and decodes one chunk: 1 data, 0 EOF, -1 error.
int readChunk(Value self) {
  if (!writeFlush(self) || !checkDecoderState(self)) return -1;
  TextIOObj* t = asText(self);
  Value size = newInt(asText(self)->chunk_size);
  Value input = callMethod(bufferOf(self), t->has_read1 ? TERN_IO_NAME("read1") : TERN_IO_NAME("read"), &size, 1);
  if (input.isNull()) return -1;
  std::string chunk;
  if (isBytes(input)) {
    chunk.assign(asBytes(input)->view());
  } else if (isNone(input) || !bytesLikeCopy(input, &chunk)) {
    if (!errorPending() || errorMatches(exc::TypeError)) {
      clearError();
      raisef(exc::TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
             asText(self)->has_read1 ? "read1" : "read", typeNameOf(input).c_str());
    }
    return -1;
  }
  bool eof = chunk.empty();
  if (asText(self)->telling) {
    std::string snap;
    Value pending = asText(self)->pending_input.get();
    if (!pending.isNull()) snap.assign(asBytes(pending)->view());
    snap.append(chunk);
    Value snap_bytes = newBytes(snap);
    if (snap_bytes.isNull()) return -1;
    asText(self)->snapshot_input.set(snap_bytes);
    asText(self)->snapshot_pendingcr = asText(self)->pendingcr;
  }
  Value text;
  if (!decodeInput(self, chunk, eof, &text)) return -1;
  asText(self)->decoded.set(text);
  asText(self)->decoded_used = 0;
  return eof ? 0 : 1;
}

int64_t decodedLeft(Value self) {
  Value d = asText(self)->decoded.get();
  return d.isNull() ? 0 : asStr(d)->length - asText(self)->decoded_used;
}

// Takes up to n decoded characters (all when n < 0).
Value takeDecoded(Value self, int64_t n) {
  int64_t left = decodedLeft(self);
  if (n < 0 || n > left) n = left;
  if (n <= 0) return emptyStr();
  int64_t used = asText(self)->decoded_used;
  Value s = strSubstring(asText(self)->decoded.get(), used, used + n);
  if (s.isNull()) return Value();
  asText(self)->decoded_used = used + n;
  return s;
}

bool checkReadable(Value self) {
  if (!asText(self)->readable) {
    unsupported("not readable");
    return false;
  }
  return true;
}

Value textRead(Value self, int64_t n) {
  if (!checkAttached(self) || !checkOpen(self) || !checkReadable(self)) return Value();
  if (n < 0) {
    if (!writeFlush(self)) return Value();
    Value all = callMethod(bufferOf(self), TERN_IO_NAME("read"), nullptr, 0);
    if (all.isNull()) return Value();
    std::string bytes;
    if (!isNone(all) && !bytesLikeCopy(all, &bytes)) return Value();
    Value head = takeDecoded(self, -1);
    if (head.isNull()) return Value();
    Value tail;
    if (!decodeInput(self, bytes, true, &tail)) return Value();
    clearReadState(self);
    return strConcat(head, tail);
  }
  Value result = takeDecoded(self, n);
  if (result.isNull()) return Value();
  while (asStr(result)->length < n) {
    int r = readChunk(self);
    if (r < 0) return Value();
    Value more = takeDecoded(self, n - asStr(result)->length);
    if (more.isNull()) return Value();
    if (asStr(more)->length > 0) result = strConcat(result, more);
    if (result.isNull()) return Value();
    if (r == 0 && decodedLeft(self) == 0) break;
  }
  return result;
}

// The end of the first line in s[start:] for the stream's newline mode, or -1.
int64_t lineEndIn(Value self, Value s, int64_t start) {
  TextIOObj* t = asText(self);
  StrObj* str = asStr(s);
  int64_t n = str->length;
  if (t->readtranslate) {
    if (str->kind == 1) {
      const char* d = static_cast<const char*>(str->data());
      const void* nl = start < n ? std::memchr(d + start, '\n', static_cast<size_t>(n - start)) : nullptr;
      return nl == nullptr ? -1 : static_cast<const char*>(nl) - d + 1;
    }
    for (int64_t i = start; i < n; ++i)
      if (str->at(i) == U'\n') return i + 1;
    return -1;
  }
  if (t->readuniversal) {
    for (int64_t i = start; i < n; ++i) {
      char32_t c = str->at(i);
      if (c == U'\n') return i + 1;
      if (c == U'\r') return (i + 1 < n && str->at(i + 1) == U'\n') ? i + 2 : i + 1;
    }
    return -1;
  }
  StrObj* nl = asStr(t->readnl.get());
  int64_t m = nl->length;
  for (int64_t i = start; i + m <= n; ++i) {
    int64_t k = 0;
    while (k < m && str->at(i + k) == nl->at(k)) ++k;
    if (k == m) return i + m;
  }
  return -1;
}

Value textReadline(Value self, int64_t limit) {
  if (!checkAttached(self) || !checkOpen(self) || !checkReadable(self)) return Value();
  Value prefix = emptyStr();
  for (;;) {
    Value d = asText(self)->decoded.get();
    int64_t used = asText(self)->decoded_used;
    if (!d.isNull() && used < asStr(d)->length) {
      int64_t plen = asStr(prefix)->length;
      int64_t end = -1;
      // A "\r\n" newline split between two chunks.
      if (plen > 0 && !asText(self)->readuniversal && asStr(asText(self)->readnl.get())->length == 2 &&
          asStr(prefix)->at(plen - 1) == U'\r' && asStr(d)->at(used) == U'\n') {
        end = used + 1;
      } else {
        end = lineEndIn(self, d, used);
      }
      int64_t len = asStr(d)->length;
      if (end < 0 && limit >= 0 && plen + (len - used) >= limit) end = used + (limit - plen);
      if (end >= 0) {
        if (limit >= 0 && plen + (end - used) > limit) end = used + (limit - plen);
        Value piece = takeDecoded(self, end - used);
        if (piece.isNull()) return Value();
        return plen == 0 ? piece : strConcat(prefix, piece);
      }
      Value rest = takeDecoded(self, -1);
      if (rest.isNull()) return Value();
      prefix = plen == 0 ? rest : strConcat(prefix, rest);
      if (prefix.isNull()) return Value();
    }
    if (limit >= 0 && asStr(prefix)->length >= limit) return prefix;
    int r = readChunk(self);
    if (r < 0) return Value();
    if (r == 0 && decodedLeft(self) == 0) return prefix;
  }
}

// ===========================================================================
// Writing

Value textWrite(Value self, Value text) {
  if (!checkAttached(self)) return Value();
  if (!isStr(text)) return raisef(exc::TypeError, "write() argument must be str, not %s", typeNameOf(text).c_str());
  if (!checkOpen(self)) return Value();
  if (!asText(self)->writable) return unsupported("not writable");
  int64_t n = asStr(text)->length;
  bool has_lf = strHasAscii(text, '\n');
  bool has_cr = asText(self)->line_buffering && strHasAscii(text, '\r');
  Value out = text;
  Value writenl = asText(self)->writenl.get();
  if (has_lf && !writenl.isNull()) {
    std::u32string src = strToUcs4(text), nl = strToUcs4(writenl), dst;
    dst.reserve(src.size() + 16);
    for (char32_t c : src) {
      if (c == U'\n') {
        dst += nl;
      } else {
        dst.push_back(c);
      }
    }
    out = newStrFromUcs4(dst);
    if (out.isNull()) return Value();
  }
  bool need_flush = asText(self)->line_buffering && (has_lf || has_cr);
  Value b = encodeText(self, out);
  if (b.isNull()) return Value();
  if (!isBytes(b)) {
    return raisef(exc::TypeError, "encoder should return a bytes object, not '%s'", typeNameOf(b).c_str());
  }
  // Encoded text collects here up to chunk_size bytes (CPython's pending_bytes).
  int64_t len = bytesLength(b);
  Value pending = asText(self)->pending_out.get();
  if (pending.isNull()) {
    pending = newByteArray("", 0);
    if (pending.isNull()) return Value();
    asText(self)->pending_out.set(pending);
  }
  if (byteArrayLength(pending) + len > asText(self)->chunk_size && !writeFlush(self)) return Value();
  pending = asText(self)->pending_out.get();
  int64_t old = byteArrayLength(pending);
  if (!byteArrayResize(pending, old + len)) return Value();
  std::memcpy(byteArrayData(pending) + old, asBytes(b)->data(), static_cast<size_t>(len));
  if (old + len >= asText(self)->chunk_size || need_flush || asText(self)->write_through) {
    if (!writeFlush(self)) return Value();
  }
  if (need_flush && callMethod(bufferOf(self), names::flush, nullptr, 0).isNull()) return Value();
  // What was read ahead no longer describes the stream.
  if (!asText(self)->decoded.get().isNull() || !asText(self)->snapshot_input.get().isNull()) {
    clearReadState(self);
    resetDecoder(self);
  }
  return newInt(n);
}

// ===========================================================================
// tell / seek

Value makeCookie(int64_t pos, bool pendingcr, int64_t skip) {
  if (!pendingcr && skip == 0) return newInt(pos);
  Value high = newInt(skip * 2 + (pendingcr ? 1 : 0));
  Value shifted = binaryOp(high, newInt(64), BinOp::kLshift);
  if (shifted.isNull()) return Value();
  return binaryOp(shifted, newInt(pos), BinOp::kOr);
}

// The bytes of snapshot_input that produce exactly `skip` characters when
// decoding starts clean there; -1 when that is not simple to say.
int64_t exactBytes(Value self, int64_t skip) {
  TextIOObj* t = asText(self);
  if (t->snapshot_pendingcr) return -1;
  uint8_t codec = t->dec_codec;
  if (codec != kCodecUtf8 && codec != kCodecLatin1 && codec != kCodecAscii) return -1;
  std::string_view d = asBytes(t->snapshot_input.get())->view();
  bool translate = t->readuniversal && t->readtranslate;
  size_t i = 0;
  int64_t c = 0;
  while (c < skip) {
    if (i >= d.size()) return -1;
    auto b = static_cast<unsigned char>(d[i]);
    size_t len = 1;
    if (codec == kCodecUtf8 && b >= 0x80) {
      len = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (len == 0 || i + len > d.size()) return -1;
      for (size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(d[i + k]) & 0xc0) != 0x80) return -1;
    } else if (codec == kCodecAscii && b >= 0x80) {
      return -1;
    } else if (translate && b == '\r') {
      if (i + 1 >= d.size()) return -1;
      if (d[i + 1] == '\n') len = 2;
    }
    i += len;
    ++c;
  }
  return static_cast<int64_t>(i);
}

Value textTell(Value self) {
  if (!checkAttached(self) || !checkOpen(self)) return Value();
  if (!asText(self)->seekable) return unsupported("underlying stream is not seekable");
  if (!asText(self)->telling) return raise(exc::OSError, "telling position disabled by next() call");
  if (callMethod(self, names::flush, nullptr, 0).isNull()) return Value();
  Value r = callMethod(bufferOf(self), TERN_IO_NAME("tell"), nullptr, 0);
  if (r.isNull()) return Value();
  int64_t pos;
  if (!indexToInt64(r, &pos, exc::OverflowError)) return Value();
  TextIOObj* t = asText(self);
  if (t->snapshot_input.get().isNull() || t->decoded.get().isNull()) {
    Value pending = t->pending_input.get();
    int64_t held = pending.isNull() ? 0 : bytesLength(pending);
    return makeCookie(pos - held, t->pendingcr != 0, 0);
  }
  int64_t start = pos - bytesLength(t->snapshot_input.get());
  int64_t skip = t->decoded_used;
  if (skip == 0) return makeCookie(start, t->snapshot_pendingcr != 0, 0);
  int64_t exact = exactBytes(self, skip);
  if (exact >= 0) return newInt(start + exact);
  return makeCookie(start, asText(self)->snapshot_pendingcr != 0, skip);
}

// A Python incremental encoder (utf-8-sig, ...) writes its BOM only at the
// start of the stream: reset() there, setstate(0) ("not at the start")
// anywhere else, as CPython does when it opens a stream not at position 0
// and on every seek.
bool fixPyEncoderState(Value self, bool at_start) {
  Value enc = asText(self)->pyencoder.get();
  if (enc.isNull()) return true;
  if (at_start) return !callMethod(enc, TERN_IO_NAME("reset"), nullptr, 0).isNull();
  Value zero = newInt(0);
  return !callMethod(enc, TERN_IO_NAME("setstate"), &zero, 1).isNull();
}

Value textSeek(Value self, Value cookie, int64_t whence) {
  if (!checkAttached(self) || !checkOpen(self)) return Value();
  if (!asText(self)->seekable) return unsupported("underlying stream is not seekable");
  if (whence == 1 || whence == 2) {
    int zero = richCompareBool(cookie, newInt(0), kEq);
    if (zero < 0) return Value();
    if (!zero) return unsupported(whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
    if (whence == 1) {
      cookie = textTell(self);
      if (cookie.isNull()) return Value();
    } else {
      if (callMethod(self, names::flush, nullptr, 0).isNull()) return Value();
      clearReadState(self);
      resetDecoder(self);
      Value a[2] = {newInt(0), newInt(2)};
      Value r = callMethod(bufferOf(self), TERN_IO_NAME("seek"), a, 2);
      if (r.isNull()) return Value();
      int64_t end;
      if (!indexToInt64(r, &end, exc::OverflowError)) return Value();
      asText(self)->bom_pending = end == 0 && (asText(self)->codec == kCodecUtf16 || asText(self)->codec == kCodecUtf32);
      if (!fixPyEncoderState(self, end == 0)) return Value();
      return r;
    }
  } else if (whence != 0) {
    return raisef(exc::ValueError, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  }
  if (!isInt(cookie)) {
    Value idx = index(cookie);
    if (idx.isNull()) return Value();
    cookie = idx;
  }
  if (intSign(cookie) < 0) {
    Value r = repr(cookie);
    if (r.isNull()) return Value();
    return raisef(exc::ValueError, "negative seek position %s", strToUtf8(r).c_str());
  }
  if (callMethod(self, names::flush, nullptr, 0).isNull()) return Value();
  Value low = binaryOp(cookie, newIntUnsigned(UINT64_MAX), BinOp::kAnd);
  if (low.isNull()) return Value();
  Value high = binaryOp(cookie, newInt(64), BinOp::kRshift);
  if (high.isNull()) return Value();
  int64_t pos, rest;
  if (!indexToInt64(low, &pos, exc::OverflowError) || !indexToInt64(high, &rest, exc::OverflowError)) return Value();
  clearReadState(self);
  resetDecoder(self);
  Value a[1] = {newInt(pos)};
  if (callMethod(bufferOf(self), TERN_IO_NAME("seek"), a, 1).isNull()) return Value();
  TextIOObj* t = asText(self);
  t->pendingcr = static_cast<uint8_t>(rest & 1);
  t->bom_pending = pos == 0 && (t->codec == kCodecUtf16 || t->codec == kCodecUtf32);
  if (pos != 0 && (t->codec == kCodecUtf16 || t->codec == kCodecUtf32)) {
    t->dec_codec = t->codec == kCodecUtf16 ? kCodecUtf16LE : kCodecUtf32LE;
  }
  if (t->codec == kCodecOther && !t->pydecoder.get().isNull()) {
    if (callMethod(t->pydecoder.get(), TERN_IO_NAME("reset"), nullptr, 0).isNull()) return Value();
  }
  if (!fixPyEncoderState(self, pos == 0 && rest == 0)) return Value();
  int64_t skip = rest >> 1;
  while (skip > 0) {
    int r = readChunk(self);
    if (r < 0) return Value();
    int64_t take = std::min(skip, decodedLeft(self));
    asText(self)->decoded_used += take;
    skip -= take;
    if (skip > 0 && r == 0) return raise(exc::OSError, "can't restore logical file position");
  }
  return cookie;
}

// ===========================================================================
// __init__ and reconfigure

bool newlineArg(Value newline, const char* func) {
  if (!isNone(newline) && !isStr(newline)) {
    raisef(exc::TypeError, "%s() argument 'newline' must be str or None, not %s", func, typeNameOf(newline).c_str());
    return false;
  }
  if (isStr(newline) && !strEqualsAscii(newline, "") && !strEqualsAscii(newline, "\n") &&
      !strEqualsAscii(newline, "\r") && !strEqualsAscii(newline, "\r\n")) {
    raisef(exc::ValueError, "illegal newline value: %s", strToUtf8(newline).c_str());
    return false;
  }
  return true;
}

void setNewline(Value self, Value newline) {
  TextIOObj* t = asText(self);
  t->readuniversal = isNone(newline) || strEqualsAscii(newline, "");
  t->readtranslate = isNone(newline);
  t->readnl.set(isNone(newline) ? Value() : newline);
  // '\n' (also for newline=None: os.linesep) needs no translation on write.
  bool translate = isStr(newline) && (strEqualsAscii(newline, "\r") || strEqualsAscii(newline, "\r\n"));
  t->writenl.set(translate ? newline : Value());
}

// Sets up the codec for `encoding` (a str) and `errors`.
bool setCodec(Value self, Value encoding, Value errors) {
  TextCodec codec = classifyCodec(strToUtf8(encoding));
  TextIOObj* t = asText(self);
  t->encoding.set(encoding);
  t->errors.set(errors);
  t->codec = codec;
  t->dec_codec = codec;
  t->pydecoder.set(Value());
  t->pyencoder.set(Value());
  if (codec != kCodecOther) return true;
  Value codecs = importName(internStr("codecs"), None(), newTuple(0), 0);
  if (codecs.isNull()) {
    clearError();
    raisef(exc::LookupError, "unknown encoding: %s", strToUtf8(encoding).c_str());
    return false;
  }
  Value info = callMethod(codecs, TERN_IO_NAME("lookup"), &encoding, 1);
  if (info.isNull()) return false;
  Value is_text = lookupAttr(info, TERN_IO_NAME("_is_text_encoding"));
  if (is_text.isNull() && errorPending()) return false;
  if (!is_text.isNull() && isTrue(is_text) == 0) {
    raisef(exc::LookupError, "'%s' is not a text encoding; use codecs.open() to handle arbitrary codecs",
           strToUtf8(encoding).c_str());
    return false;
  }
  if (asText(self)->readable) {
    Value factory = getAttr(info, TERN_IO_NAME("incrementaldecoder"));
    if (factory.isNull()) return false;
    Value dec = call1(factory, errors);
    if (dec.isNull()) return false;
    asText(self)->pydecoder.set(dec);
  }
  if (asText(self)->writable) {
    Value factory = getAttr(info, TERN_IO_NAME("incrementalencoder"));
    if (factory.isNull()) return false;
    Value enc = call1(factory, errors);
    if (enc.isNull()) return false;
    asText(self)->pyencoder.set(enc);
  }
  return true;
}

bool strArgOrNone(Value v, const char* func, const char* what) {
  if (isNone(v) || isStr(v)) return true;
  raisef(exc::TypeError, "%s() argument '%s' must be str or None, not %s", func, what, typeNameOf(v).c_str());
  return false;
}

// In development mode (-X dev) an unknown error handler name fails at once
// (LookupError from codecs.lookup_error), not at the first encoding error.
bool checkErrorHandler(Value errors) {
  if (!config().dev_mode) return true;
  std::string name = strToUtf8(errors);
  if (name.find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character in errors");
    return false;
  }
  // The built-in handlers need no look-up (the standard streams are made
  // with some before `codecs` can be imported).
  static constexpr const char* kBuiltinHandlers[] = {"strict", "ignore", "replace", "surrogateescape",
                                                     "surrogatepass", "backslashreplace", "xmlcharrefreplace",
                                                     "namereplace"};
  for (const char* handler : kBuiltinHandlers) {
    if (name == handler) return true;
  }
  Value codecs = importName(internStr("codecs"), None(), newTuple(0), 0);
  if (codecs.isNull()) return false;
  return !callMethod(codecs, TERN_IO_NAME("lookup_error"), &errors, 1).isNull();
}

int initText(Value self, Value buffer, Value encoding, Value errors, Value newline, bool line_buffering,
             bool write_through) {
  asText(self)->initialized = 0;
  asText(self)->detached = 0;
  if (!strArgOrNone(encoding, "TextIOWrapper", "encoding") || !strArgOrNone(errors, "TextIOWrapper", "errors") ||
      !newlineArg(newline, "TextIOWrapper")) {
    return -1;
  }
  if (isNone(encoding)) {
    // PEP 597: -X warn_default_encoding; the UTF-8 mode's default is "utf-8".
    if (config().warn_default_encoding && !warn(exc::EncodingWarning, "'encoding' argument not specified")) return -1;
    if (config().utf8_mode) encoding = internStr("utf-8");
  }
  if (isNone(encoding) || strEqualsAscii(encoding, "locale")) encoding = internStr("UTF-8");
  if (isNone(errors)) {
    errors = internStr("strict");
  } else if (!checkErrorHandler(errors)) {
    return -1;
  }
  TextIOObj* t = asText(self);
  t->buffer.set(buffer);
  t->chunk_size = kDefaultBufferSize;
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  t->pendingcr = t->seennl = 0;
  clearReadState(self);
  asText(self)->pending_input.set(Value());
  setNewline(self, newline);
  int r = callBoolMethod(buffer, TERN_IO_NAME("readable"));
  if (r < 0) return -1;
  asText(self)->readable = static_cast<uint8_t>(r);
  int w = callBoolMethod(buffer, TERN_IO_NAME("writable"));
  if (w < 0) return -1;
  asText(self)->writable = static_cast<uint8_t>(w);
  int s = callBoolMethod(buffer, TERN_IO_NAME("seekable"));
  if (s < 0) return -1;
  asText(self)->seekable = asText(self)->telling = static_cast<uint8_t>(s);
  Value read1 = lookupAttr(buffer, TERN_IO_NAME("read1"));
  if (read1.isNull() && errorPending()) return -1;
  asText(self)->has_read1 = !read1.isNull();
  if (!setCodec(self, encoding, errors)) return -1;
  t = asText(self);
  // A BOM only at position 0 of a seekable stream: as CPython's C
  // TextIOWrapper, none on a pipe or terminal (reconfigure() differs, below).
  t->bom_pending = 0;
  if (t->writable && (t->codec == kCodecUtf16 || t->codec == kCodecUtf32)) {
    if (t->seekable) {
      Value pos = callMethod(buffer, TERN_IO_NAME("tell"), nullptr, 0);
      if (pos.isNull()) return -1;
      int zero = richCompareBool(pos, newInt(0), kEq);
      if (zero < 0) return -1;
      asText(self)->bom_pending = static_cast<uint8_t>(zero);
    }
  }
  if (t->writable && t->seekable && !asText(self)->pyencoder.get().isNull()) {
    Value pos = callMethod(buffer, TERN_IO_NAME("tell"), nullptr, 0);
    if (pos.isNull()) return -1;
    int zero = richCompareBool(pos, newInt(0), kEq);
    if (zero < 0 || (zero == 0 && !fixPyEncoderState(self, false))) return -1;
  }
  asText(self)->initialized = 1;
  return 0;
}

const MethodDef kTextInitDef = {
    .name = "TextIOWrapper",
    .signature = "(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)"};

int textiowrapper_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[6];
  if (!bindArguments(&kTextInitDef, Value(), args, nargs, kwnames, a)) return -1;
  int lb = isTrue(a[4]);
  if (lb < 0) return -1;
  int wt = isTrue(a[5]);
  if (wt < 0) return -1;
  return initText(self, a[0], a[1], a[2], a[3], lb != 0, wt != 0);
}

Value textiowrapper_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  return Value(ioNewObject(type, true));
}

Value textiowrapper_reconfigure(Value* args) {
  Value self = args[0], encoding = args[1], errors = args[2], newline = args[3], line_buffering = args[4],
        write_through = args[5];
  if (!checkAttached(self)) return Value();
  if (!strArgOrNone(encoding, "reconfigure", "encoding") || !strArgOrNone(errors, "reconfigure", "errors")) {
    return Value();
  }
  if (!newline.isNull() && !newlineArg(newline, "reconfigure")) return Value();
  if (!asText(self)->decoded.get().isNull() && (!isNone(encoding) || !isNone(errors) || !newline.isNull())) {
    return unsupported("It is not possible to set the encoding or newline of stream after the first read");
  }
  int lb = -1, wt = -1;
  if (!isNone(line_buffering) && (lb = isTrue(line_buffering)) < 0) return Value();
  if (!isNone(write_through) && (wt = isTrue(write_through)) < 0) return Value();
  if (callMethod(self, names::flush, nullptr, 0).isNull()) return Value();
  if (!isNone(encoding) || !isNone(errors)) {
    Value enc = isNone(encoding) ? asText(self)->encoding.get() : encoding;
    if (strEqualsAscii(enc, "locale")) enc = internStr("UTF-8");
    Value err = !isNone(errors) ? errors : isNone(encoding) ? asText(self)->errors.get() : internStr("strict");
    if (!setCodec(self, enc, err)) return Value();
    // The new encoder writes a BOM only at the start of a seekable stream,
    // as at __init__: a fresh encoder, told "not at the start" when the
    // stream says it is not.
    TextIOObj* t = asText(self);
    bool bom_codec = t->codec == kCodecUtf16 || t->codec == kCodecUtf32;
    t->bom_pending = 0;
    if (t->writable && t->seekable) {
      Value pos = callMethod(bufferOf(self), TERN_IO_NAME("tell"), nullptr, 0);
      if (pos.isNull()) return Value();
      int zero = richCompareBool(pos, newInt(0), kEq);
      if (zero < 0) return Value();
      asText(self)->bom_pending = zero != 0 && bom_codec;
      if (!fixPyEncoderState(self, zero != 0)) return Value();
    }
  }
  if (!newline.isNull()) setNewline(self, newline);
  if (lb >= 0) asText(self)->line_buffering = static_cast<uint8_t>(lb);
  if (wt >= 0) asText(self)->write_through = static_cast<uint8_t>(wt);
  return None();
}

// ===========================================================================
// Methods

Value textiowrapper_read(Value* args) {
  int64_t n;
  if (!sizeArg(args[1], &n)) return Value();
  return textRead(args[0], n);
}

Value textiowrapper_readline(Value* args) {
  int64_t n;
  if (isInstance(args[1], types::float_type)) return raise(exc::TypeError, "integer argument expected, got float");
  if (!sizeArg(args[1], &n)) return Value();
  return textReadline(args[0], n);
}

Value textiowrapper_write(Value* args) { return textWrite(args[0], args[1]); }

Value textiowrapper_iternext(Value self) {
  asText(self)->telling = 0;
  Value line = textReadline(self, -1);
  if (line.isNull()) return Value();
  if (asStr(line)->length == 0) {
    asText(self)->snapshot_input.set(Value());
    asText(self)->telling = asText(self)->seekable;
    return Value();
  }
  return line;
}

Value textiowrapper_tell(Value* args) { return textTell(args[0]); }

Value textiowrapper_seek(Value* args) {
  int64_t whence;
  if (!indexToInt64(args[2], &whence, exc::OverflowError)) return Value();
  return textSeek(args[0], args[1], whence);
}

Value textiowrapper_truncate(Value* args) {
  Value self = args[0];
  if (!checkAttached(self)) return Value();
  if (callMethod(self, names::flush, nullptr, 0).isNull()) return Value();
  Value pos = args[1];
  if (isNone(pos)) {
    pos = textTell(self);
    if (pos.isNull()) return Value();
  }
  return callMethod(bufferOf(self), TERN_IO_NAME("truncate"), &pos, 1);
}

Value textiowrapper_flush(Value* args) {
  Value self = args[0];
  if (!checkAttached(self) || !checkOpen(self)) return Value();
  asText(self)->telling = asText(self)->seekable;
  if (!writeFlush(self)) return Value();
  return callMethod(bufferOf(self), names::flush, nullptr, 0);
}

Value textiowrapper_close(Value* args) {
  Value self = args[0];
  if (!checkAttached(self)) return Value();
  Value c = getAttr(bufferOf(self), TERN_IO_NAME("closed"));
  if (c.isNull()) return Value();
  int closed = isTrue(c);
  if (closed < 0) return Value();
  if (closed) return None();
  Value flush_error;
  if (callMethod(self, names::flush, nullptr, 0).isNull()) flush_error = takeError();
  Value r = callMethod(bufferOf(self), TERN_IO_NAME("close"), nullptr, 0);
  if (!flush_error.isNull()) {
    if (r.isNull()) {
      Value close_error = takeError();
      static_cast<BaseExceptionObj*>(close_error.asObject())->context.set(flush_error);
      restoreError(close_error);
      return Value();
    }
    restoreError(flush_error);
    return Value();
  }
  if (r.isNull()) return Value();
  return None();
}

Value textiowrapper_detach(Value* args) {
  Value self = args[0];
  if (!checkAttached(self)) return Value();
  if (callMethod(self, names::flush, nullptr, 0).isNull()) return Value();
  Value buffer = bufferOf(self);
  TextIOObj* t = asText(self);
  t->buffer.set(Value());
  t->initialized = 0;
  t->detached = 1;
  return buffer;
}

Value delegate(Value self, const char* method) {
  if (!checkAttached(self)) return Value();
  return callMethod(bufferOf(self), internStr(method), nullptr, 0);
}

Value textiowrapper_fileno(Value* args) { return delegate(args[0], "fileno"); }
Value textiowrapper_seekable(Value* args) { return delegate(args[0], "seekable"); }
Value textiowrapper_readable(Value* args) { return delegate(args[0], "readable"); }
Value textiowrapper_writable(Value* args) { return delegate(args[0], "writable"); }
Value textiowrapper_isatty(Value* args) { return delegate(args[0], "isatty"); }

Value textiowrapper_get_name(Value self) {
  if (!checkAttached(self)) return Value();
  return getAttr(bufferOf(self), TERN_IO_NAME("name"));
}
Value textiowrapper_get_closed(Value self) {
  if (!checkAttached(self)) return Value();
  return getAttr(bufferOf(self), TERN_IO_NAME("closed"));
}
// buffer, encoding, line_buffering and write_through are plain members in
// CPython (None or False before __init__, kept by detach()); errors needs
// __init__ to have run once.
Value memberOrNone(Value v) { return v.isNull() ? None() : v; }
Value textiowrapper_get_buffer(Value self) { return memberOrNone(bufferOf(self)); }
Value textiowrapper_get_encoding(Value self) { return memberOrNone(asText(self)->encoding.get()); }
Value textiowrapper_get_errors(Value self) {
  if (!asText(self)->initialized && !asText(self)->detached) {
    return raise(exc::ValueError, "I/O operation on uninitialized object");
  }
  return asText(self)->errors.get();
}
Value textiowrapper_get_newlines(Value self) {
  if (!checkAttached(self)) return Value();
  if (!asText(self)->readuniversal) return None();
  return newlinesValue(asText(self)->seennl);
}
Value textiowrapper_get_line_buffering(Value self) { return Bool(asText(self)->line_buffering != 0); }
Value textiowrapper_get_write_through(Value self) { return Bool(asText(self)->write_through != 0); }
Value textiowrapper_get_finalizing(Value self) { return Bool(asText(self)->finalizing != 0); }
Value textiowrapper_get_chunk_size(Value self) {
  if (!checkAttached(self)) return Value();
  return newInt(asText(self)->chunk_size);
}
int textiowrapper_set_chunk_size(Value self, Value value) {
  if (!checkAttached(self)) return -1;
  if (value.isNull()) {
    raise(exc::AttributeError, "cannot delete attribute");
    return -1;
  }
  int64_t n;
  if (!indexToInt64(value, &n, exc::OverflowError)) return -1;
  if (n <= 0) {
    raise(exc::ValueError, "a strictly positive integer is required");
    return -1;
  }
  asText(self)->chunk_size = n;
  return 0;
}

Value textiowrapper_repr(Value self) {
  std::string type_name = typeOf(self) == TextIOWrapper_type ? "_io.TextIOWrapper" : typeNameOf(self);
  if (!asText(self)->initialized && !asText(self)->detached) {
    return raise(exc::ValueError, "I/O operation on uninitialized object");
  }
  int entered = reprEnter(self);
  if (entered < 0) return Value();
  if (entered > 0) return raisef(exc::RuntimeError, "reentrant call inside %s.__repr__", type_name.c_str());
  std::string out = "<" + type_name;
  auto part = [&](const char* attr) -> bool {
    Value v = lookupAttr(self, internStr(attr));
    if (v.isNull()) {
      if (errorPending()) {
        if (!errorMatches(exc::ValueError) && !errorMatches(exc::AttributeError)) return false;
        clearError();
      }
      return true;
    }
    Value r = repr(v);
    if (r.isNull()) return false;
    out += " " + std::string(attr) + "=" + strToUtf8(r);
    return true;
  };
  bool ok = part("name") && part("mode");
  if (ok) {
    Value r = repr(asText(self)->encoding.get());
    ok = !r.isNull();
    if (ok) out += " encoding=" + strToUtf8(r) + ">";
  }
  reprLeave(self);
  if (!ok) return Value();
  return newStr(out);
}

// ===========================================================================
// Tables

const uint32_t kTextFields[] = {
    offsetof(TextIOObj, ob_type),       offsetof(TextIOObj, dict),          offsetof(TextIOObj, buffer),
    offsetof(TextIOObj, encoding),      offsetof(TextIOObj, errors),        offsetof(TextIOObj, readnl),
    offsetof(TextIOObj, writenl),       offsetof(TextIOObj, decoded),       offsetof(TextIOObj, pending_input),
    offsetof(TextIOObj, snapshot_input), offsetof(TextIOObj, pydecoder),    offsetof(TextIOObj, pyencoder),
    offsetof(TextIOObj, pending_out)};
const gc::Layout kTextLayout = {.name = "_io.TextIOWrapper", .fields = kTextFields, .finalize = ioLayoutFinalize};

const MethodDef kTextMethods[] = {
    {.name = "detach", .signature = "($self, /)", .fn = textiowrapper_detach},
    {.name = "reconfigure",
     .signature = "($self, /, *, encoding=None, errors=None, newline=<unrepresentable>, line_buffering=None, "
                  "write_through=None)",
     .fn = textiowrapper_reconfigure},
    {.name = "write", .signature = "($self, text, /)", .fn = textiowrapper_write},
    {.name = "read", .signature = "($self, size=-1, /)", .fn = textiowrapper_read},
    {.name = "readline", .signature = "($self, size=-1, /)", .fn = textiowrapper_readline},
    {.name = "flush", .signature = "($self, /)", .fn = textiowrapper_flush},
    {.name = "close", .signature = "($self, /)", .fn = textiowrapper_close},
    {.name = "fileno", .signature = "($self, /)", .fn = textiowrapper_fileno},
    {.name = "seekable", .signature = "($self, /)", .fn = textiowrapper_seekable},
    {.name = "readable", .signature = "($self, /)", .fn = textiowrapper_readable},
    {.name = "writable", .signature = "($self, /)", .fn = textiowrapper_writable},
    {.name = "isatty", .signature = "($self, /)", .fn = textiowrapper_isatty},
    {.name = "seek", .signature = "($self, cookie, whence=0, /)", .fn = textiowrapper_seek},
    {.name = "tell", .signature = "($self, /)", .fn = textiowrapper_tell},
    {.name = "truncate", .signature = "($self, pos=None, /)", .fn = textiowrapper_truncate},
};

const GetSetDef kTextGetSets[] = {
    {.name = "name", .get = textiowrapper_get_name},
    {.name = "closed", .get = textiowrapper_get_closed},
    {.name = "buffer", .get = textiowrapper_get_buffer},
    {.name = "encoding", .get = textiowrapper_get_encoding},
    {.name = "errors", .get = textiowrapper_get_errors},
    {.name = "newlines", .get = textiowrapper_get_newlines},
    {.name = "line_buffering", .get = textiowrapper_get_line_buffering},
    {.name = "write_through", .get = textiowrapper_get_write_through},
    {.name = "_finalizing", .get = textiowrapper_get_finalizing},
    {.name = "_CHUNK_SIZE", .get = textiowrapper_get_chunk_size, .set = textiowrapper_set_chunk_size},
};

const TypeSpec kTextSpec = {
    .name = "TextIOWrapper",
    .module = "_io",
    .type = &TextIOWrapper_type,
    .base = &TextIOBase_type,
    .layout = &kTextLayout,
    .basic_size = sizeof(TextIOObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = textiowrapper_repr, .tp_iternext = textiowrapper_iternext, .tp_init = textiowrapper_init,
              .tp_new = textiowrapper_new},
    .methods = kTextMethods,
    .getsets = kTextGetSets,
    .doc = "Character and line based layer over a BufferedIOBase object, buffer.",
    .dict_offset = static_cast<int32_t>(offsetof(TextIOObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kTextSpec);

}  // namespace

Value newTextIOWrapper(Value buffer, Value encoding, Value errors, Value newline, bool line_buffering,
                       bool write_through) {
  Value self = textiowrapper_new(TextIOWrapper_type, nullptr, 0, Value());
  if (self.isNull()) return Value();
  if (initText(self, buffer, encoding, errors, newline, line_buffering, write_through) < 0) return Value();
  return self;
}

}  // namespace tern::io
