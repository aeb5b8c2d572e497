// The format-specification mini-language (format_spec.h).
//
// This follows CPython 3.11's Python/formatter_unicode.c and the float part of
// Python/pystrtod.c closely, function for function, because the observable
// corner cases (where '0' padding meets grouping, where 'g' switches to an
// exponent, when a trailing '.' survives) come from the exact arithmetic of
// those functions.  Digits come from std::to_chars, which is correctly
// rounded like CPython's dtoa.
#include "runtime/objects/format_spec.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace tern::objects {
namespace {

// ---------------------------------------------------------------------------
// UTF-8 (generalized: a lone surrogate is its 3-byte encoding)

char32_t decode_utf8(std::string_view s, size_t* pos) {
  auto byte = [&](size_t i) -> char32_t { return i < s.size() ? static_cast<unsigned char>(s[i]) & 0x3F : 0; };
  unsigned char lead = static_cast<unsigned char>(s[*pos]);
  char32_t cp;
  size_t len;
  if (lead < 0x80) {
    cp = lead;
    len = 1;
  } else if (lead >= 0xF0) {
    cp = ((lead & 0x07) << 18) | (byte(*pos + 1) << 12) | (byte(*pos + 2) << 6) | byte(*pos + 3);
    len = 4;
  } else if (lead >= 0xE0) {
    cp = ((lead & 0x0F) << 12) | (byte(*pos + 1) << 6) | byte(*pos + 2);
    len = 3;
  } else {
    cp = ((lead & 0x1F) << 6) | byte(*pos + 1);
    len = 2;
  }
  *pos = std::min(*pos + len, s.size());
  return cp;
}

void append_utf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Code points in a UTF-8 string: every byte that does not continue one.
int64_t count_code_points(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void append_fill(std::string* out, char32_t fill, int64_t count) {
  if (count <= 0) return;
  if (fill < 0x80) {
    out->append(static_cast<size_t>(count), static_cast<char>(fill));
    return;
  }
  std::string one;
  append_utf8(&one, fill);
  out->reserve(out->size() + one.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out->append(one);
}

// The first code point of each run of ten Unicode decimal digits (category
// Nd; Unicode 14.0 as in python3.11: [c for c in range(0x110000) if
// unicodedata.decimal(chr(c), -1) == 0]).  CPython reads widths and
// precisions with Py_UNICODE_TODECIMAL, so format(5, '\u0661\u0660') pads
// to 10.
constexpr std::array<char32_t, 66> kDecimalZeros = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,  0x1946,
    0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,  0xa900,  0xa9d0,
    0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0,
    0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

int decimal_value(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
  auto it = std::upper_bound(kDecimalZeros.begin(), kDecimalZeros.end(), cp);
  if (it == kDecimalZeros.begin()) return -1;
  char32_t zero = *(it - 1);
  return cp - zero < 10 ? static_cast<int>(cp - zero) : -1;
}

// ---------------------------------------------------------------------------
// Error messages

// A type code in a message: the character if printable ASCII, else '\xNN'
// (CPython's "%c" / "\\x%x").
std::string type_code_text(char32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
  return buf;
}

std::nullopt_t fail(std::string* error, std::string message) {
  *error = std::move(message);
  return std::nullopt;
}

std::nullopt_t unknown_presentation_type(std::string* error, char32_t type, std::string_view type_name) {
  return fail(error, "Unknown format code '" + type_code_text(type) + "' for object of type '" +
                         std::string(type_name.substr(0, 200)) + "'");
}

// get_integer: a run of decimal digits; false on overflow of Py_ssize_t.
bool get_integer(const std::vector<char32_t>& spec, size_t* pos, int64_t* value, int* count) {
  int64_t acc = 0;
  *count = 0;
  for (; *pos < spec.size(); ++*pos, ++*count) {
    int digit = decimal_value(spec[*pos]);
    if (digit < 0) break;
    if (acc > (std::numeric_limits<int64_t>::max() - digit) / 10) return false;
    acc = acc * 10 + digit;
  }
  *value = acc;
  return true;
}

bool is_alignment(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign(char32_t c) { return c == ' ' || c == '+' || c == '-'; }

// ---------------------------------------------------------------------------
// Numbers: the layout shared by int and float (calc_number_widths and
// fill_number)

// Grouping of the integer digits: separator and group size, or none.
struct Grouping {
  char separator = '\0';
  int size = 0;
};

Grouping grouping_for(const ParsedSpec& spec) {
  if (spec.grouping == '\0' || spec.type == 'n') return {};
  bool four = spec.grouping == '_' && (spec.type == 'b' || spec.type == 'o' || spec.type == 'x' || spec.type == 'X');
  return {.separator = spec.grouping, .size = four ? 4 : 3};
}

// _PyUnicode_InsertThousandsGrouping: the digits with separators, padded on
// the left with '0's (and separators between them) to at least min_width.
// Built backwards, as CPython writes it.
std::string group_digits(std::string_view digits, int64_t min_width, Grouping grouping) {
  std::string out;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t digits_pos = digits.size();
  bool use_separator = false;
  auto fill = [&](int64_t len) {
    int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    if (use_separator) out.push_back(grouping.separator);
    for (int64_t i = 0; i < n_chars; ++i) out.push_back(digits[--digits_pos]);
    out.append(static_cast<size_t>(n_zeros), '0');
    remaining -= n_chars;
  };
  bool loop_broken = false;
  if (grouping.size > 0) {
    for (;;) {
      int64_t len = std::min<int64_t>(grouping.size, std::max({remaining, min_width, int64_t{1}}));
      fill(len);
      use_separator = true;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        loop_broken = true;
        break;
      }
      min_width -= 1;  // the separator's width
    }
  }
  if (!loop_broken) fill(std::max({remaining, min_width, int64_t{1}}));
  std::reverse(out.begin(), out.end());
  return out;
}

char to_upper_ascii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The parts of a formatted number, laid out as
//   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
// `remainder` is what follows the decimal point (fraction, exponent, '%'),
// or the whole text when there are no digits (inf, nan, 'c').
std::string fill_number(bool negative, std::string_view prefix, std::string_view digits, bool has_decimal,
                        std::string_view remainder, const ParsedSpec& spec, bool to_upper) {
  char sign = '\0';
  if (spec.sign == '+') {
    sign = negative ? '-' : '+';
  } else if (spec.sign == ' ') {
    sign = negative ? '-' : ' ';
  } else if (negative) {
    sign = '-';
  }
  int64_t n_sign = sign != '\0';
  int64_t n_remainder = count_code_points(remainder);
  int64_t n_non_digit = n_sign + static_cast<int64_t>(prefix.size()) + (has_decimal ? 1 : 0) + n_remainder;
  int64_t min_width = spec.fill == '0' && spec.align == '=' ? spec.width - n_non_digit : 0;
  std::string grouped = digits.empty() ? std::string() : group_digits(digits, min_width, grouping_for(spec));
  if (to_upper) std::transform(grouped.begin(), grouped.end(), grouped.begin(), to_upper_ascii);

  int64_t lpad = 0, spad = 0, rpad = 0;
  int64_t padding = spec.width - (n_non_digit + static_cast<int64_t>(grouped.size()));
  if (padding > 0) {
    switch (spec.align) {
      case '<':
        rpad = padding;
        break;
      case '^':
        lpad = padding / 2;
        rpad = padding - lpad;
        break;
      case '=':
        spad = padding;
        break;
      default:
        lpad = padding;
        break;
    }
  }

  std::string out;
  append_fill(&out, spec.fill, lpad);
  if (sign != '\0') out.push_back(sign);
  for (char c : prefix) out.push_back(to_upper ? to_upper_ascii(c) : c);
  append_fill(&out, spec.fill, spad);
  out.append(grouped);
  if (has_decimal) out.push_back('.');
  out.append(remainder);
  append_fill(&out, spec.fill, rpad);
  return out;
}

// ---------------------------------------------------------------------------
// Floats: PyOS_double_to_string's format_float_short over to_chars digits

// A correctly rounded decimal: the value is 0.DIGITS * 10**decpt.  No leading
// or trailing zeros in `digits`, except "0" (decpt 1) for zero.
struct Decimal {
  std::string digits;
  int64_t decpt = 1;
};

// Reads to_chars output ("1.2345e+07" or "123.4500") of a non-negative value.
Decimal parse_chars(std::string_view text) {
  Decimal d;
  int64_t exponent = 0;
  size_t e = text.find('e');
  if (e != std::string_view::npos) {
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    text = text.substr(0, e);
  }
  size_t point = text.find('.');
  int64_t int_len = static_cast<int64_t>(point == std::string_view::npos ? text.size() : point);
  d.digits.reserve(text.size());
  for (char c : text)
    if (c != '.') d.digits.push_back(c);
  d.decpt = int_len + exponent;
  size_t lead = 0;
  while (lead < d.digits.size() && d.digits[lead] == '0') ++lead;
  if (lead == d.digits.size()) return {.digits = "0", .decpt = 1};
  d.digits.erase(0, lead);
  d.decpt -= static_cast<int64_t>(lead);
  while (d.digits.back() == '0') d.digits.pop_back();
  return d;
}

// `format` chooses to_chars' mode: scientific with `precision` digits after
// the point (dtoa mode 2 with precision+1 digits), fixed with `precision`
// (mode 3), or shortest round-trip (mode 0) when precision < 0.
Decimal to_decimal(double magnitude, std::chars_format format, int64_t precision) {
  // Exact decimal expansions of doubles have at most 767 significant
  // digits and exponents of 3 digits; the rest are zeros.
  size_t size = static_cast<size_t>(std::max<int64_t>(precision, 0)) + 400;
  std::string buf(size, '\0');
  std::to_chars_result r =
      precision < 0 ? std::to_chars(buf.data(), buf.data() + size, magnitude, format)
                    : std::to_chars(buf.data(), buf.data() + size, magnitude, format, static_cast<int>(precision));
  assert(r.ec == std::errc());
  return parse_chars(std::string_view(buf.data(), static_cast<size_t>(r.ptr - buf.data())));
}

// format_float_short: the text of a finite non-negative value for type
// code 'e', 'f', 'g' or 'r' (repr), without sign; lower case.
std::string format_float_short(double magnitude, char code, int64_t precision, bool add_dot_0, bool alternate) {
  Decimal d;
  switch (code) {
    case 'e':
      precision += 1;
      d = to_decimal(magnitude, std::chars_format::scientific, precision - 1);
      break;
    case 'f':
      d = to_decimal(magnitude, std::chars_format::fixed, precision);
      break;
    case 'g':
      if (precision == 0) precision = 1;
      d = to_decimal(magnitude, std::chars_format::scientific, precision - 1);
      break;
    default:
      d = to_decimal(magnitude, std::chars_format::scientific, -1);
      break;
  }
  // For 'f', dtoa returns no digits when the value rounds to zero; "0" at
  // decpt 1 prints the same.
  const int64_t digits_len = static_cast<int64_t>(d.digits.size());
  int64_t decpt = d.decpt;
  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alternate) vdigits_end = precision;
      break;
    default:  // 'r': an exponent from 1e16 on
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int64_t exponent = 0;
  if (use_exp) {
    exponent = decpt - 1;
    decpt = 1;
  }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vdigits_end = std::max(vdigits_end, decpt + 1);
  else
    vdigits_end = std::max(vdigits_end, decpt);

  std::string out;
  out.reserve(static_cast<size_t>(vdigits_end - vdigits_start) + 8);
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(d.digits, 0, static_cast<size_t>(decpt));
    out.push_back('.');
    out.append(d.digits, static_cast<size_t>(decpt));
  } else {
    out.append(d.digits);
  }
  if (digits_len < decpt) {
    out.append(static_cast<size_t>(decpt - digits_len), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !alternate) out.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%+.02d", static_cast<int>(exponent));
    out.append(buf);
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// Parsing

std::optional<ParsedSpec> parse_format_spec(std::string_view spec_utf8, char32_t default_type, char default_align,
                                            std::string_view type_name, std::string* error) {
  std::vector<char32_t> spec;
  for (size_t i = 0; i < spec_utf8.size();) spec.push_back(decode_utf8(spec_utf8, &i));
  const size_t end = spec.size();
  size_t pos = 0;
  ParsedSpec out{.align = default_align, .type = default_type};
  bool fill_specified = false, align_specified = false;

  if (end - pos >= 2 && is_alignment(spec[pos + 1])) {
    out.align = static_cast<char>(spec[pos + 1]);
    out.fill = spec[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment(spec[pos])) {
    out.align = static_cast<char>(spec[pos]);
    align_specified = true;
    ++pos;
  }
  if (pos < end && is_sign(spec[pos])) out.sign = static_cast<char>(spec[pos++]);
  if (pos < end && spec[pos] == 'z') {
    out.no_neg_0 = true;
    ++pos;
  }
  if (pos < end && spec[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  // '0' before the width: zero fill, and sign-aware for numbers.
  if (!fill_specified && pos < end && spec[pos] == '0') {
    out.fill = '0';
    if (!align_specified && default_align == '>') out.align = '=';
    ++pos;
  }
  int count;
  if (!get_integer(spec, &pos, &out.width, &count)) return fail(error, "Too many decimal digits in format string");
  if (count == 0) out.width = -1;
  if (pos < end && spec[pos] == ',') {
    out.grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == '_') {
    if (out.grouping != '\0') return fail(error, "Cannot specify both ',' and '_'.");
    out.grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == ',' && out.grouping == '_') return fail(error, "Cannot specify both ',' and '_'.");
  if (pos < end && spec[pos] == '.') {
    ++pos;
    if (!get_integer(spec, &pos, &out.precision, &count))
      return fail(error, "Too many decimal digits in format string");
    if (count == 0) return fail(error, "Format specifier missing precision");
  }
  if (end - pos > 1) {
    return fail(error, "Invalid format specifier '" + std::string(spec_utf8) + "' for object of type '" +
                           std::string(type_name.substr(0, 200)) + "'");
  }
  if (end - pos == 1) out.type = spec[pos];

  if (out.grouping != '\0') {
    switch (out.type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case '\0':
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (out.grouping == '_') break;
        [[fallthrough]];
      default:
        return fail(error,
                    std::string("Cannot specify '") + out.grouping + "' with '" + type_code_text(out.type) + "'.");
    }
  }
  return out;
}

std::optional<ParsedSpec> parse_str_spec(std::string_view spec_text, std::string_view type_name, std::string* error) {
  std::optional<ParsedSpec> spec = parse_format_spec(spec_text, 's', '<', type_name, error);
  if (!spec) return std::nullopt;
  if (spec->type != 's') return unknown_presentation_type(error, spec->type, type_name);
  if (spec->sign == ' ') return fail(error, "Space not allowed in string format specifier");
  if (spec->sign != '\0') return fail(error, "Sign not allowed in string format specifier");
  if (spec->no_neg_0) return fail(error, "Negative zero coercion (z) not allowed in string format specifier");
  if (spec->alternate) return fail(error, "Alternate form (#) not allowed in string format specifier");
  if (spec->align == '=') return fail(error, "'=' alignment not allowed in string format specifier");
  return spec;
}

bool int_spec_is_float_type(const ParsedSpec& spec) {
  switch (spec.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return true;
    default:
      return false;
  }
}

namespace {

std::optional<ParsedSpec> check_float_precision(std::optional<ParsedSpec> spec, std::string* error) {
  if (spec->precision > std::numeric_limits<int>::max()) return fail(error, "precision too big");
  return spec;
}

}  // namespace

std::optional<ParsedSpec> parse_int_spec(std::string_view spec_text, std::string_view type_name, std::string* error) {
  std::optional<ParsedSpec> spec = parse_format_spec(spec_text, 'd', '>', type_name, error);
  if (!spec) return std::nullopt;
  switch (spec->type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      break;
    default:
      if (int_spec_is_float_type(*spec)) return check_float_precision(std::move(spec), error);
      return unknown_presentation_type(error, spec->type, type_name);
  }
  if (spec->precision != -1) return fail(error, "Precision not allowed in integer format specifier");
  if (spec->no_neg_0) return fail(error, "Negative zero coercion (z) not allowed in integer format specifier");
  if (spec->type == 'c') {
    if (spec->sign != '\0') return fail(error, "Sign not allowed with integer format specifier 'c'");
    if (spec->alternate) return fail(error, "Alternate form (#) not allowed with integer format specifier 'c'");
  }
  return spec;
}

std::optional<ParsedSpec> parse_float_spec(std::string_view spec_text, std::string_view type_name, std::string* error) {
  std::optional<ParsedSpec> spec = parse_format_spec(spec_text, '\0', '>', type_name, error);
  if (!spec) return std::nullopt;
  switch (spec->type) {
    case '\0':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      return check_float_precision(std::move(spec), error);
    default:
      return unknown_presentation_type(error, spec->type, type_name);
  }
}

// ---------------------------------------------------------------------------
// Formatting

std::string format_str(std::string_view utf8, const ParsedSpec& spec) {
  int64_t len = count_code_points(utf8);
  if (spec.precision >= 0 && len > spec.precision) {
    size_t pos = 0;
    for (int64_t i = 0; i < spec.precision; ++i) decode_utf8(utf8, &pos);
    utf8 = utf8.substr(0, pos);
    len = spec.precision;
  }
  int64_t total = std::max(spec.width, len);
  int64_t lpad = 0;
  if (spec.align == '>') {
    lpad = total - len;
  } else if (spec.align == '^') {
    lpad = (total - len) / 2;
  }
  std::string out;
  append_fill(&out, spec.fill, lpad);
  out.append(utf8);
  append_fill(&out, spec.fill, total - len - lpad);
  return out;
}

std::string format_float(double value, const ParsedSpec& spec) {
  int64_t precision = spec.precision;
  int64_t default_precision = 6;
  bool add_dot_0 = false, add_pct = false, upper = false;
  char code;
  switch (spec.type) {
    case '\0':
      // Like repr() without a precision, else like 'g' with at least one
      // digit after the point.
      add_dot_0 = true;
      code = 'r';
      default_precision = 0;
      break;
    case 'n':
      code = 'g';
      break;
    case '%':
      code = 'f';
      value *= 100;
      add_pct = true;
      break;
    case 'E':
    case 'F':
    case 'G':
      upper = true;
      code = static_cast<char>(spec.type - 'A' + 'a');
      break;
    default:
      code = static_cast<char>(spec.type);
      break;
  }
  if (precision < 0) {
    precision = default_precision;
  } else if (code == 'r') {
    code = 'g';
  }

  bool negative = std::signbit(value);
  std::string text;
  if (std::isnan(value)) {
    negative = false;
    text = upper ? "NAN" : "nan";
  } else if (std::isinf(value)) {
    text = upper ? "INF" : "inf";
  } else {
    text = format_float_short(std::fabs(value), code, precision, add_dot_0, spec.alternate);
    if (upper) std::transform(text.begin(), text.end(), text.begin(), to_upper_ascii);
    // 'z': no '-' when the value rounded to zero (a mantissa of only zeros).
    std::string_view mantissa = std::string_view(text).substr(0, text.find_first_of("eE"));
    if (negative && spec.no_neg_0 && mantissa.find_first_of("123456789") == std::string_view::npos) negative = false;
  }
  if (add_pct) text.push_back('%');

  size_t n_digits = 0;
  while (n_digits < text.size() && text[n_digits] >= '0' && text[n_digits] <= '9') ++n_digits;
  bool has_decimal = n_digits < text.size() && text[n_digits] == '.';
  std::string_view view(text);
  return fill_number(negative, "", view.substr(0, n_digits), has_decimal, view.substr(n_digits + has_decimal), spec,
                     false);
}

std::string format_int(bool negative, std::string_view digits, const ParsedSpec& spec) {
  std::string_view prefix;
  if (spec.alternate) {
    switch (spec.type) {
      case 'b':
        prefix = "0b";
        break;
      case 'o':
        prefix = "0o";
        break;
      case 'x':
      case 'X':
        prefix = "0x";
        break;
      default:
        break;
    }
  }
  return fill_number(negative, prefix, digits, false, "", spec, spec.type == 'X');
}

std::string format_int_char(char32_t code_point, const ParsedSpec& spec) {
  std::string text;
  append_utf8(&text, code_point);
  return fill_number(false, "", "", false, text, spec, false);
}

}  // namespace tern::objects
