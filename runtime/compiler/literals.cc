// Literal values and reprs; see literals.h for the contract.
#include "runtime/compiler/literals.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <system_error>
#include <vector>

#include "runtime/compiler/identifier.h"
#include "runtime/compiler/source_encoding.h"
#include "runtime/compiler/unicode_names.h"

namespace tern::compiler {

namespace {

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_octal_digit(char c) { return c >= '0' && c <= '7'; }

// ===========================================================================
// Numbers
// ===========================================================================

// Decimal digits of the value of `digits` (no underscores) in `base`.
std::string to_decimal(std::string_view digits, int base) {
  if (base == 10) {
    size_t first = digits.find_first_not_of('0');
    return first == std::string_view::npos ? "0" : std::string(digits.substr(first));
  }
  // Little-endian limbs of 10^9: value = value * base + digit, digit by digit.
  constexpr uint32_t kLimb = 1000000000;
  std::vector<uint32_t> limbs;
  for (char c : digits) {
    uint64_t carry = static_cast<uint64_t>(hex_digit_value(c));
    for (uint32_t& limb : limbs) {
      uint64_t v = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
      limb = static_cast<uint32_t>(v % kLimb);
      carry = v / kLimb;
    }
    while (carry != 0) {
      limbs.push_back(static_cast<uint32_t>(carry % kLimb));
      carry /= kLimb;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t k = limbs.size() - 1; k-- > 0;) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%09u", limbs[k]);
    out += buffer;
  }
  return out;
}

// A decimal float literal (no underscores, no 'j'), correctly rounded.
double parse_float(std::string_view text) {
  double value = 0;
  std::from_chars_result result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc::result_out_of_range) return value;
  // Too large or too small for a double: which one is decided by the decimal
  // exponent of the first non-zero digit.
  size_t e = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, e);
  long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits = text.substr(e + 1);
    bool negative = !digits.empty() && digits[0] == '-';
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    for (char c : digits) exponent = std::min(exponent * 10 + (c - '0'), 100000L);
    if (negative) exponent = -exponent;
  }
  size_t point = mantissa.find('.');
  if (point == std::string_view::npos) point = mantissa.size();
  size_t first = mantissa.find_first_not_of("0.");
  long magnitude = first < point ? static_cast<long>(point - first) : -static_cast<long>(first - point - 1);
  return magnitude + exponent > 0 ? HUGE_VAL : 0.0;
}

}  // namespace

NumberLiteral parse_number(std::string_view token_text) {
  std::string text;
  for (char c : token_text) {
    if (c != '_') text.push_back(c);
  }
  NumberLiteral result;
  if (!text.empty() && (text.back() == 'j' || text.back() == 'J')) {
    text.pop_back();
    result.kind = NumberLiteral::Kind::Complex;
    result.value = parse_float(text);
    return result;
  }
  if (text.size() > 1 && text[0] == '0') {
    char prefix = static_cast<char>(text[1] | 0x20);
    int base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : prefix == 'b' ? 2 : 0;
    if (base != 0) {
      result.int_decimal = to_decimal(std::string_view(text).substr(2), base);
      return result;
    }
  }
  if (text.find_first_of(".eE") != std::string::npos) {
    result.kind = NumberLiteral::Kind::Float;
    result.value = parse_float(text);
    return result;
  }
  result.int_decimal = to_decimal(text, 10);
  return result;
}

// ===========================================================================
// Strings
// ===========================================================================

StringToken split_string_token(std::string_view token_text) {
  StringToken token;
  size_t prefix = 0;
  while (prefix < token_text.size() && token_text[prefix] != '\'' && token_text[prefix] != '"') {
    switch (token_text[prefix] | 0x20) {
      case 'r':
        token.raw = true;
        break;
      case 'b':
        token.bytes = true;
        break;
      case 'f':
        token.fstring = true;
        break;
      case 'u':
        token.u_prefix = true;
        break;
    }
    ++prefix;
  }
  std::string_view rest = token_text.substr(prefix);
  size_t quote = rest.size() >= 6 && (rest.starts_with("'''") || rest.starts_with("\"\"\"")) ? 3 : 1;
  token.body_offset = prefix + quote;
  token.body = rest.size() >= 2 * quote ? rest.substr(quote, rest.size() - 2 * quote) : std::string_view();
  return token;
}

void append_utf8(std::string* out, char32_t code) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

namespace {

// Reads a body with "\r\n" and "\r" folded to "\n".
class BodyReader {
 public:
  explicit BodyReader(std::string_view body) : body_(body) {}

  bool at_end() const { return offset_ >= body_.size(); }
  size_t offset() const { return offset_; }
  // The next byte, '\n' for a line ending; only meaningful for ASCII.
  char peek() const { return body_[offset_] == '\r' ? '\n' : body_[offset_]; }
  bool peek_ascii() const { return static_cast<unsigned char>(body_[offset_]) < 0x80; }

  // Consumes one ASCII byte (or line ending).
  char take() {
    char c = peek();
    if (body_[offset_] == '\r' && offset_ + 1 < body_.size() && body_[offset_ + 1] == '\n') ++offset_;
    ++offset_;
    return c;
  }
  // Consumes one character, ASCII or not.
  char32_t take_char() {
    if (peek_ascii()) return static_cast<unsigned char>(take());
    return decode_utf8(body_, offset_);
  }

 private:
  std::string_view body_;
  size_t offset_ = 0;
};

// The position CPython reports for byte `offset` of a bytes body: line
// endings count one.
size_t bytes_position(std::string_view body, size_t offset) {
  size_t position = 0;
  for (BodyReader reader(body); reader.offset() < offset; reader.take()) ++position;
  return position;
}

// The position CPython reports for byte `offset` of a str body.  It decodes
// an ASCII rewrite of the body, in which each non-ASCII character became
// \UXXXXXXXX (10 bytes) and a backslash before a non-ASCII character (or at
// the end) became \u005c; the rewrite pairs backslashes from the left.
size_t str_position(std::string_view body, size_t offset) {
  size_t position = 0;
  BodyReader reader(body);
  while (reader.offset() < offset) {
    if (!reader.peek_ascii()) {
      reader.take_char();
      position += 10;
    } else if (reader.take() == '\\') {
      ++position;
      if (reader.at_end() || !reader.peek_ascii()) {
        position += 5;
      } else if (reader.offset() < offset) {
        reader.take();
        ++position;
      }
    } else {
      ++position;
    }
  }
  return position;
}

// CPython's message for a failed escape between byte offsets `start` and `end`.
std::string unicode_error(std::string_view body, size_t start_offset, size_t end_offset, std::string_view message) {
  size_t start = str_position(body, start_offset);
  size_t end = str_position(body, end_offset);
  char buffer[64];
  if (end - start == 1) {
    std::snprintf(buffer, sizeof buffer, "byte 0x5c in position %zu", start);
  } else {
    std::snprintf(buffer, sizeof buffer, "bytes in position %zu-%zu", start, end - 1);
  }
  return std::string("(unicode error) 'unicodeescape' codec can't decode ") + buffer + ": " + std::string(message);
}

bool decode_raw(std::string_view body, std::string* out) {
  BodyReader reader(body);
  while (!reader.at_end()) {
    if (reader.peek_ascii()) {
      out->push_back(reader.take());
    } else {
      append_utf8(out, reader.take_char());
    }
  }
  return true;
}

// The escapes common to str and bytes; returns false if `c` is none of them.
bool simple_escape(char c, char* value) {
  switch (c) {
    case '\\':
      *value = '\\';
      return true;
    case '\'':
      *value = '\'';
      return true;
    case '"':
      *value = '"';
      return true;
    case 'a':
      *value = '\a';
      return true;
    case 'b':
      *value = '\b';
      return true;
    case 'f':
      *value = '\f';
      return true;
    case 'n':
      *value = '\n';
      return true;
    case 'r':
      *value = '\r';
      return true;
    case 't':
      *value = '\t';
      return true;
    case 'v':
      *value = '\v';
      return true;
  }
  return false;
}

// Up to three octal digits, the first already taken.
uint32_t take_octal(BodyReader* reader, char first) {
  uint32_t value = static_cast<uint32_t>(first - '0');
  for (int k = 0; k < 2 && !reader->at_end() && is_octal_digit(reader->peek()); ++k) {
    value = value * 8 + static_cast<uint32_t>(reader->take() - '0');
  }
  return value;
}

bool decode_bytes(std::string_view body, std::string* out, std::string* error, long* invalid_escape_offset) {
  BodyReader reader(body);
  while (!reader.at_end()) {
    char c = reader.take();
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    size_t backslash = reader.offset() - 1;
    if (reader.at_end()) {
      *error = "(value error) Trailing \\ in string";
      return false;
    }
    c = reader.take();
    char value;
    if (c == '\n') continue;
    if (simple_escape(c, &value)) {
      out->push_back(value);
    } else if (is_octal_digit(c)) {
      uint32_t code = take_octal(&reader, c);
      if (code > 0377 && *invalid_escape_offset < 0) *invalid_escape_offset = static_cast<long>(backslash);
      out->push_back(static_cast<char>(code & 0xFF));
    } else if (c == 'x') {
      int high = reader.at_end() ? -1 : hex_digit_value(reader.peek());
      int low = reader.offset() + 1 < body.size() ? hex_digit_value(body[reader.offset() + 1]) : -1;
      if (high < 0 || low < 0) {
        *error = "(value error) invalid \\x escape at position " + std::to_string(bytes_position(body, backslash));
        return false;
      }
      reader.take();
      reader.take();
      out->push_back(static_cast<char>(high * 16 + low));
    } else {
      if (*invalid_escape_offset < 0) *invalid_escape_offset = static_cast<long>(backslash);
      out->push_back('\\');
      out->push_back(c);
    }
  }
  return true;
}

bool decode_str(std::string_view body, std::string* out, std::string* error, long* invalid_escape_offset) {
  BodyReader reader(body);
  while (!reader.at_end()) {
    if (!reader.peek_ascii() || reader.peek() != '\\') {
      append_utf8(out, reader.take_char());
      continue;
    }
    size_t backslash = reader.offset();
    reader.take();
    if (reader.at_end() || !reader.peek_ascii()) {
      // CPython reads this backslash as \u005c: a backslash, kept.
      out->push_back('\\');
      continue;
    }
    char c = reader.take();
    char value;
    if (c == '\n') continue;
    if (simple_escape(c, &value)) {
      out->push_back(value);
      continue;
    }
    if (is_octal_digit(c)) {
      uint32_t code = take_octal(&reader, c);
      if (code > 0377 && *invalid_escape_offset < 0) *invalid_escape_offset = static_cast<long>(backslash);
      append_utf8(out, code);
      continue;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
      int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      const char* message = c == 'x'   ? "truncated \\xXX escape"
                            : c == 'u' ? "truncated \\uXXXX escape"
                                       : "truncated \\UXXXXXXXX escape";
      uint32_t code = 0;
      for (int k = 0; k < count; ++k) {
        int digit = reader.at_end() || !reader.peek_ascii() ? -1 : hex_digit_value(reader.peek());
        if (digit < 0) {
          *error = unicode_error(body, backslash, reader.offset(), message);
          return false;
        }
        reader.take();
        code = code * 16 + static_cast<uint32_t>(digit);
      }
      if (code > 0x10FFFF) {
        *error = unicode_error(body, backslash, reader.offset(), "illegal Unicode character");
        return false;
      }
      append_utf8(out, code);
      continue;
    }
    if (c == 'N') {
      const char* message = "malformed \\N character escape";
      if (!reader.at_end() && reader.peek_ascii() && reader.peek() == '{') {
        reader.take();
        std::string name;
        bool ascii = true;
        while (!reader.at_end() && !(reader.peek_ascii() && reader.peek() == '}')) {
          if (reader.peek_ascii()) {
            name.push_back(reader.take());
          } else {
            reader.take_char();
            ascii = false;
          }
        }
        if (!reader.at_end() && (!name.empty() || !ascii)) {
          reader.take();
          std::optional<char32_t> code = ascii ? lookup_unicode_name(name) : std::nullopt;
          if (code) {
            append_utf8(out, *code);
            continue;
          }
          message = "unknown Unicode character name";
        }
      }
      *error = unicode_error(body, backslash, reader.offset(), message);
      return false;
    }
    if (*invalid_escape_offset < 0) *invalid_escape_offset = static_cast<long>(backslash);
    out->push_back('\\');
    out->push_back(c);
  }
  return true;
}

// The "(unicode error) 'utf-8' codec ..." message for invalid UTF-8 in a str
// body, or "".  CPython decodes the UTF-8 before the escapes, so this error
// wins over an escape error earlier in the body.  It decodes the body whole
// (line endings folded) when it has no escapes to process, and otherwise
// each run of non-ASCII bytes by itself (string_parser.c's decode_utf8), so
// positions then count from the start of the run and a sequence cut short
// by an ASCII byte is "unexpected end of data".
std::string utf8_error(std::string_view body, bool whole) {
  auto is_ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
  if (std::all_of(body.begin(), body.end(), is_ascii)) return {};
  std::string folded;
  if (whole && body.find('\r') != std::string_view::npos) {
    for (size_t i = 0; i < body.size(); i++) {
      folded.push_back(body[i] == '\r' ? '\n' : body[i]);
      if (body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') i++;
    }
    body = folded;
  }
  std::string message;
  if (whole) {
    message = utf8_decode_error(body);
  } else {
    for (size_t i = 0; i < body.size() && message.empty();) {
      size_t run = i;
      while (run < body.size() && !is_ascii(body[run])) run++;
      if (run > i) message = utf8_decode_error(body.substr(i, run - i));
      i = run + 1;
    }
  }
  return message.empty() ? message : "(unicode error) " + message;
}

}  // namespace

bool decode_string_body(std::string_view body, bool raw, bool bytes, std::string* out, std::string* error,
                        long* invalid_escape_offset, bool fstring_part) {
  *invalid_escape_offset = -1;
  if (bytes && std::any_of(body.begin(), body.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    *error = "bytes can only contain ASCII literal characters";
    return false;
  }
  if (!bytes) {
    bool whole = raw || (!fstring_part && body.find('\\') == std::string_view::npos);
    *error = utf8_error(body, whole);
    if (!error->empty()) return false;
  }
  if (raw) return decode_raw(body, out);
  if (bytes) return decode_bytes(body, out, error, invalid_escape_offset);
  return decode_str(body, out, error, invalid_escape_offset);
}

// ===========================================================================
// repr
// ===========================================================================

namespace {

void append_hex_escape(std::string* out, char kind, uint32_t code, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('\\');
  out->push_back(kind);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out->push_back(kHex[(code >> shift) & 0xF]);
}

// The quote repr() uses: ' unless the text has ' and no ".
char choose_quote(std::string_view text) {
  return text.find('\'') != std::string_view::npos && text.find('"') == std::string_view::npos ? '"' : '\'';
}

// Shortest round-trip digits of a finite, non-zero |value| and the exponent of
// the first one ("1.5e-05" -> "15", -5).
void shortest_digits(double value, std::string* digits, int* exponent) {
  char buffer[64];
  std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  size_t e = text.find('e');
  for (char c : text.substr(0, e)) {
    if (c != '.') digits->push_back(c);
  }
  *exponent = std::stoi(std::string(text.substr(e + 1)));
}

// repr's 'r' format: fixed notation while -4 <= exponent < 16, else
// scientific with a signed exponent of at least two digits.
std::string format_repr(double value, bool add_dot_zero) {
  if (std::isnan(value)) return "nan";
  std::string out = std::signbit(value) ? "-" : "";
  value = std::fabs(value);
  if (std::isinf(value)) return out + "inf";
  if (value == 0) return out + (add_dot_zero ? "0.0" : "0");
  std::string digits;
  int exponent;
  shortest_digits(value, &digits, &exponent);
  int point = exponent + 1;  // digits before the decimal point
  int count = static_cast<int>(digits.size());
  if (exponent < -4 || exponent >= 16) {
    out += digits[0];
    if (count > 1) out += "." + digits.substr(1);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + buffer;
  }
  if (point <= 0) return out + "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  if (point >= count) {
    return out + digits + std::string(static_cast<size_t>(point - count), '0') + (add_dot_zero ? ".0" : "");
  }
  return out + digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
}

}  // namespace

std::string repr_str(std::string_view utf8) {
  char quote = choose_quote(utf8);
  std::string out(1, quote);
  for (size_t i = 0; i < utf8.size();) {
    char32_t code = decode_utf8(utf8, i);
    if (code == static_cast<char32_t>(quote) || code == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(code));
    } else if (code == '\t') {
      out += "\\t";
    } else if (code == '\n') {
      out += "\\n";
    } else if (code == '\r') {
      out += "\\r";
    } else if (code < 0x20 || code == 0x7F) {
      append_hex_escape(&out, 'x', code, 2);
    } else if (code < 0x7F) {
      out.push_back(static_cast<char>(code));
    } else if (is_printable(code)) {
      append_utf8(&out, code);
    } else if (code <= 0xFF) {
      append_hex_escape(&out, 'x', code, 2);
    } else if (code <= 0xFFFF) {
      append_hex_escape(&out, 'u', code, 4);
    } else {
      append_hex_escape(&out, 'U', code, 8);
    }
  }
  out.push_back(quote);
  return out;
}

std::string repr_bytes(std::string_view bytes) {
  char quote = choose_quote(bytes);
  std::string out = "b";
  out.push_back(quote);
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte >= 0x7F) {
      append_hex_escape(&out, 'x', byte, 2);
    } else {
      out.push_back(c);
    }
  }
  out.push_back(quote);
  return out;
}

std::string repr_float(double value) { return format_repr(value, true); }

std::string repr_imaginary(double imag) { return format_repr(imag, false) + "j"; }

}  // namespace tern::compiler
