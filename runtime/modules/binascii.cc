// The binascii module: conversions between binary data and ASCII encodings
// (hex, base64, uuencode, quoted-printable) and the CRC-32 / CRC-CCITT
// checksums, with CPython 3.11's quirks and messages (binascii.Error for bad
// input, a ValueError subclass; binascii.Incomplete is defined but, as in
// CPython, never raised).
//
// The a2b_* functions accept ASCII-only str as well as bytes-like objects;
// the b2a_* ones and the CRCs take bytes-like objects only.  Everything
// works on a copy of the input (std::string), so no heap pointer is held
// across the allocation of the result.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

gc::GlobalRoot g_error;       // binascii.Error
gc::GlobalRoot g_incomplete;  // binascii.Incomplete

Value raiseError(std::string_view message) { return raise(static_cast<Type*>(g_error.get().asObject()), message); }

// --- argument conversion ---

// Clinic's Py_buffer ("y*").
bool binaryArg(Value v, std::string* out) { return bufferCopyBytes(v, out); }

// binascii's ascii_buffer_converter: an ASCII str or a bytes-like object.
bool asciiArg(Value v, std::string* out) {
  if (isStr(v)) {
    if (!asStr(v)->ascii) {
      raise(exc::ValueError, "string argument should contain only ASCII characters");
      return false;
    }
    *out = strToUtf8(v);
    return true;
  }
  if (!hasBuffer(v)) {
    raisef(exc::TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", typeNameOf(v).c_str());
    return false;
  }
  return bufferCopyBytes(v, out);
}

// An unsigned int taken modulo 2**32 (clinic's "unsigned_int(bitwise=True)").
bool cUnsignedMask(Value v, uint32_t* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  numbers::IntRef ref(i);
  uint32_t low = ref.mag.empty() ? 0 : static_cast<uint32_t>(ref.mag[0]);
  *out = ref.neg ? static_cast<uint32_t>(0u - low) : low;
  return true;
}

const char kHexLower[] = "0123456789abcdef";
const char kHexUpper[] = "0123456789ABCDEF";

int hexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// ===========================================================================
// uuencode

Value binascii_a2b_uu(Value* args) {
  std::string in;
  if (!asciiArg(args[1], &in)) return Value();
  // The length byte; an empty line reads as its terminating NUL (0 - ' ') & 63 = 32, as in CPython.
  size_t pos = 0, n = in.size();
  unsigned char first = n > 0 ? static_cast<unsigned char>(in[pos++]) : 0;
  int64_t remaining = (first - ' ') & 077;
  std::string out;
  uint32_t leftchar = 0;
  int leftbits = 0;
  for (; remaining > 0; ++pos) {
    unsigned char c = pos < n ? static_cast<unsigned char>(in[pos]) : 0;
    if (c == '\n' || c == '\r' || pos >= n) {
      c = 0;  // some spaces were eaten at the end of the line
    } else {
      // 64, not 63: some encoders write '`' for zero.
      if (c < ' ' || c > ' ' + 64) return raiseError("Illegal char");
      c = (c - ' ') & 077;
    }
    leftchar = (leftchar << 6) | c;
    leftbits += 6;
    if (leftbits >= 8) {
      leftbits -= 8;
      out.push_back(static_cast<char>((leftchar >> leftbits) & 0xff));
      leftchar &= (1u << leftbits) - 1;
      --remaining;
    }
  }
  for (; pos < n; ++pos) {
    char c = in[pos];
    if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') return raiseError("Trailing garbage");
  }
  return newBytes(out);
}

Value binascii_b2a_uu(Value* args) {
  std::string in;
  int backtick;
  if (!binaryArg(args[1], &in) || !argCInt(args[2], &backtick)) return Value();
  if (in.size() > 45) return raiseError("At most 45 bytes at once");
  auto encode = [&](unsigned c) -> char { return (backtick && c == 0) ? '`' : static_cast<char>(' ' + c); };
  std::string out;
  out.push_back(encode(static_cast<unsigned>(in.size())));
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t group = 0;
    for (size_t j = 0; j < 3; ++j)
      group = (group << 8) | (i + j < in.size() ? static_cast<unsigned char>(in[i + j]) : 0);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(encode((group >> shift) & 077));
  }
  out.push_back('\n');
  return newBytes(out);
}

// ===========================================================================
// base64

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Value binascii_a2b_base64(Value* args) {
  std::string in;
  int strict;
  if (!asciiArg(args[1], &in) || !argCInt(args[2], &strict)) return Value();
  if (strict && !in.empty() && in[0] == '=') return raiseError("Leading padding not allowed");
  std::string out;
  int quad_pos = 0, pads = 0;
  unsigned leftchar = 0;
  bool padding_started = false;
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '=') {
      padding_started = true;
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        // The quad is complete: what follows is ignored (an error when strict).
        if (strict && i + 1 < in.size()) return raiseError("Excess data after padding");
        return newBytes(out);
      }
      continue;
    }
    int v = base64Value(c);
    if (v < 0) {
      if (strict) return raiseError("Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return raiseError("Discontinuous padding not allowed");
    pads = 0;
    switch (quad_pos) {
      case 0:
        quad_pos = 1;
        leftchar = static_cast<unsigned>(v);
        break;
      case 1:
        quad_pos = 2;
        out.push_back(static_cast<char>((leftchar << 2) | (static_cast<unsigned>(v) >> 4)));
        leftchar = static_cast<unsigned>(v) & 0x0f;
        break;
      case 2:
        quad_pos = 3;
        out.push_back(static_cast<char>((leftchar << 4) | (static_cast<unsigned>(v) >> 2)));
        leftchar = static_cast<unsigned>(v) & 0x03;
        break;
      default:
        quad_pos = 0;
        out.push_back(static_cast<char>((leftchar << 6) | static_cast<unsigned>(v)));
        leftchar = 0;
        break;
    }
  }
  if (quad_pos == 1) {
    return raisef(static_cast<Type*>(g_error.get().asObject()),
                  "Invalid base64-encoded string: number of data characters (%zu) cannot be 1 more than a multiple "
                  "of 4",
                  out.size() / 3 * 4 + 1);
  }
  if (quad_pos != 0) return raiseError("Incorrect padding");
  return newBytes(out);
}

Value binascii_b2a_base64(Value* args) {
  std::string in;
  int newline;
  if (!binaryArg(args[1], &in) || !argCInt(args[2], &newline)) return Value();
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    uint32_t g = uint32_t{static_cast<unsigned char>(in[i])} << 16 |
                 uint32_t{static_cast<unsigned char>(in[i + 1])} << 8 | static_cast<unsigned char>(in[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kBase64[(g >> shift) & 63]);
  }
  size_t rest = in.size() - i;
  if (rest > 0) {
    uint32_t g = uint32_t{static_cast<unsigned char>(in[i])} << 16;
    if (rest == 2) g |= uint32_t{static_cast<unsigned char>(in[i + 1])} << 8;
    out.push_back(kBase64[(g >> 18) & 63]);
    out.push_back(kBase64[(g >> 12) & 63]);
    out.push_back(rest == 2 ? kBase64[(g >> 6) & 63] : '=');
    out.push_back('=');
  }
  if (newline) out.push_back('\n');
  return newBytes(out);
}

// ===========================================================================
// hex

// CPython's _Py_strhex with a separator every |bytes_per_sep| bytes,
// counted from the right when positive, from the left when negative.
Value hexlify(Value data, Value sep, Value bytes_per_sep_arg) {
  std::string in;
  int bytes_per_sep;
  if (!binaryArg(data, &in) || !argCInt(bytes_per_sep_arg, &bytes_per_sep)) return Value();
  char sep_char = 0;
  if (sep.isNull()) {
    bytes_per_sep = 0;
  } else {
    int64_t seplen = length(sep);
    if (seplen < 0) return Value();
    if (seplen != 1) return raise(exc::ValueError, "sep must be length 1.");
    if (isStr(sep)) {
      if (asStr(sep)->kind != 1) return raise(exc::ValueError, "sep must be ASCII.");
      sep_char = static_cast<char>(asStr(sep)->at(0));
    } else if (isBytes(sep)) {
      sep_char = asBytes(sep)->data()[0];
    } else {
      return raise(exc::TypeError, "sep must be str or bytes.");
    }
  }
  int64_t group = std::abs(static_cast<int64_t>(bytes_per_sep));
  size_t n = in.size();
  std::string out;
  out.reserve(2 * n + (group > 0 && n > 0 ? (n - 1) / group : 0));
  for (size_t i = 0; i < n; ++i) {
    if (group > 0 && i > 0) {
      bool boundary = bytes_per_sep > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out.push_back(sep_char);
    }
    unsigned char c = static_cast<unsigned char>(in[i]);
    out.push_back(kHexLower[c >> 4]);
    out.push_back(kHexLower[c & 15]);
  }
  return newBytes(out);
}

Value binascii_b2a_hex(Value* args) { return hexlify(args[1], args[2], args[3]); }

Value binascii_a2b_hex(Value* args) {
  std::string in;
  if (!asciiArg(args[1], &in)) return Value();
  if (in.size() % 2 != 0) return raiseError("Odd-length string");
  std::string out(in.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = hexValue(static_cast<unsigned char>(in[2 * i])), lo = hexValue(static_cast<unsigned char>(in[2 * i + 1]));
    if (hi < 0 || lo < 0) return raiseError("Non-hexadecimal digit found");
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return newBytes(out);
}

// ===========================================================================
// quoted-printable (RFC 1521)

constexpr size_t kMaxLineSize = 76;

Value binascii_a2b_qp(Value* args) {
  std::string in;
  int header;
  if (!asciiArg(args[1], &in) || !argCInt(args[2], &header)) return Value();
  std::string out;
  size_t i = 0, n = in.size();
  while (i < n) {
    char c = in[i];
    if (c == '=') {
      if (++i >= n) break;
      if (in[i] == '\n' || in[i] == '\r') {  // a soft line break
        if (in[i] != '\n') {
          while (i < n && in[i] != '\n') ++i;
        }
        if (i < n) ++i;
      } else if (in[i] == '=') {  // "==" from broken encoders
        out.push_back('=');
        ++i;
      } else if (i + 1 < n && hexValue(static_cast<unsigned char>(in[i])) >= 0 &&
                 hexValue(static_cast<unsigned char>(in[i + 1])) >= 0) {
        out.push_back(static_cast<char>(hexValue(static_cast<unsigned char>(in[i])) << 4 |
                                        hexValue(static_cast<unsigned char>(in[i + 1]))));
        i += 2;
      } else {
        out.push_back('=');
      }
    } else if (header && c == '_') {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return newBytes(out);
}

Value binascii_b2a_qp(Value* args) {
  std::string in;
  int quotetabs, istext, header;
  if (!binaryArg(args[1], &in) || !argCInt(args[2], &quotetabs) || !argCInt(args[3], &istext) || !argCInt(args[4], &header)) {
    return Value();
  }
  const unsigned char* d = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size();
  // Line ends are written as the first one found is (CRLF or LF).
  size_t first_lf = in.find('\n');
  bool crlf = first_lf != std::string::npos && first_lf > 0 && d[first_lf - 1] == '\r';
  std::string out;
  size_t linelen = 0;
  auto softBreak = [&] {
    out.push_back('=');
    if (crlf) out.push_back('\r');
    out.push_back('\n');
    linelen = 0;
  };
  auto quoted = [&](unsigned char c) {
    out.push_back('=');
    out.push_back(kHexUpper[c >> 4]);
    out.push_back(kHexUpper[c & 15]);
  };
  size_t i = 0;
  while (i < n) {
    unsigned char c = d[i];
    bool at_end = i + 1 == n;
    bool must_quote = c > 126 || c == '=' || (header && c == '_') ||
                      (c == '.' && linelen == 0 && (at_end || d[i + 1] == '\n' || d[i + 1] == '\r' || d[i + 1] == 0)) ||
                      (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && at_end) ||
                      (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
    if (must_quote) {
      if (linelen + 3 >= kMaxLineSize) softBreak();
      quoted(c);
      ++i;
      linelen += 3;
    } else if (istext && (c == '\n' || (i + 1 < n && c == '\r' && d[i + 1] == '\n'))) {
      linelen = 0;
      // Whitespace at the end of a line is quoted.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char last = static_cast<unsigned char>(out.back());
        out.pop_back();
        quoted(last);
      }
      if (crlf) out.push_back('\r');
      out.push_back('\n');
      i += c == '\r' ? 2 : 1;
    } else {
      if (!at_end && d[i + 1] != '\n' && linelen + 1 >= kMaxLineSize) softBreak();
      ++linelen;
      out.push_back(header && c == ' ' ? '_' : static_cast<char>(c));
      ++i;
    }
  }
  return newBytes(out);
}

// ===========================================================================
// CRCs

Value binascii_crc32(Value* args) {
  std::string in;
  uint32_t crc;
  if (!binaryArg(args[1], &in) || !cUnsignedMask(args[2], &crc)) return Value();
  // CRC-32 (ISO 3309, the reflected polynomial 0xedb88320), bit by bit per byte through a table.
  static const auto table = [] {
    struct Table {
      uint32_t t[256];
    } tab;
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      tab.t[i] = c;
    }
    return tab;
  }();
  crc = ~crc;
  for (unsigned char c : in) crc = table.t[(crc ^ c) & 0xff] ^ (crc >> 8);
  return newIntUnsigned(~crc);
}

Value binascii_crc_hqx(Value* args) {
  std::string in;
  uint32_t crc32;
  if (!binaryArg(args[1], &in) || !cUnsignedMask(args[2], &crc32)) return Value();
  // CRC-CCITT as binhex uses it: polynomial 0x1021, most significant bit first, no final inversion.
  uint32_t crc = crc32 & 0xffff;
  for (unsigned char c : in) {
    crc ^= uint32_t{c} << 8;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return newInt(crc);
}

// ===========================================================================
// The module

const MethodDef kBinasciiFunctions[] = {
    {.name = "a2b_uu",
     .signature = "($module, data, /)",
     .fn = binascii_a2b_uu,
     .doc = "Decode a line of uuencoded data."},
    {.name = "b2a_uu",
     .signature = "($module, data, /, *, backtick=False)",
     .fn = binascii_b2a_uu,
     .doc = "Uuencode line of data."},
    {.name = "a2b_base64",
     .signature = "($module, data, /, *, strict_mode=False)",
     .fn = binascii_a2b_base64,
     .doc = "Decode a line of base64 data.\n\n  strict_mode\n    When set to True, bytes that are not part of the "
            "base64 standard are not allowed.\n    The same applies to excess data after padding (= / ==)."},
    {.name = "b2a_base64",
     .signature = "($module, data, /, *, newline=True)",
     .fn = binascii_b2a_base64,
     .doc = "Base64-code line of data."},
    {.name = "a2b_hex",
     .signature = "($module, hexstr, /)",
     .fn = binascii_a2b_hex,
     .doc = "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits "
            "(upper or lower case).\nThis function is also available as \"unhexlify()\"."},
    {.name = "b2a_hex",
     .signature = "($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)",
     .fn = binascii_b2a_hex,
     .doc = "Hexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to "
            "separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count "
            "from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  "
            "This function is also\navailable as \"hexlify()\"."},
    {.name = "hexlify",
     .signature = "($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)",
     .fn = binascii_b2a_hex,
     .doc = "Hexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to "
            "separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count "
            "from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  "
            "This function is also\navailable as \"b2a_hex()\"."},
    {.name = "unhexlify",
     .signature = "($module, hexstr, /)",
     .fn = binascii_a2b_hex,
     .doc = "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits "
            "(upper or lower case)."},
    {.name = "a2b_qp",
     .signature = "($module, /, data, header=False)",
     .fn = binascii_a2b_qp,
     .doc = "Decode a string of qp-encoded data."},
    {.name = "b2a_qp",
     .signature = "($module, /, data, quotetabs=False, istext=True, header=False)",
     .fn = binascii_b2a_qp,
     .doc = "Encode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are "
            "not encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare "
            "both encoded.  When quotetabs is set, space and tabs are encoded."},
    {.name = "crc_hqx",
     .signature = "($module, data, crc, /)",
     .fn = binascii_crc_hqx,
     .doc = "Compute CRC-CCITT incrementally."},
    {.name = "crc32",
     .signature = "($module, data, crc=0, /)",
     .fn = binascii_crc32,
     .doc = "Compute CRC-32 incrementally."},
};

Value newExceptionClass(const char* name, Type* base) {
  Value ns = newDict();
  if (ns.isNull() || dictSet(ns, names::__module__, internStr("binascii")) < 0) return Value();
  Value bases = newTupleOf({typeValue(base)});
  if (bases.isNull()) return bases;
  return newClass(types::type_type, internStr(name), bases, ns, Value());
}

bool binasciiInit(Value module) {
  if (g_error.get().isNull()) {
    Value error = newExceptionClass("Error", exc::ValueError);
    if (error.isNull()) return false;
    g_error.set(error);
    Value incomplete = newExceptionClass("Incomplete", exc::Exception);
    if (incomplete.isNull()) return false;
    g_incomplete.set(incomplete);
  }
  Value d = moduleDict(module);
  return dictSet(d, internStr("Error"), g_error.get()) == 0 &&
         dictSet(d, internStr("Incomplete"), g_incomplete.get()) == 0;
}

const NativeModuleDef kBinasciiModule = {
    .name = "binascii",
    .methods = kBinasciiFunctions,
    .init = binasciiInit,
    .doc = "Conversion between binary data and ASCII",
};
TERN_REGISTER_MODULE(kBinasciiModule);

}  // namespace

}  // namespace tern
