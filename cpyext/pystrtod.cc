// cpyext: float <-> text for C code (CPython's Python/pystrtod.c surface):
// PyOS_string_to_double and PyOS_double_to_string, locale-independent.
//
// Parsing uses std::from_chars (correctly rounded, never locale-dependent)
// with CPython's rules on top: an optional sign, "inf"/"infinity"/"nan" in
// any case, no leading whitespace and no hexadecimal.  Formatting 'r' is the
// runtime's float repr (shortest round-trip); the other codes are printf's,
// which are locale-independent for the "C" numeric locale Tern keeps.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/float.h"
#include "runtime/objects/str.h"

#ifndef Py_DTSF_SIGN  // pystrtod.h's
#define Py_DTSF_SIGN 0x01
#define Py_DTSF_ADD_DOT_0 0x02
#define Py_DTSF_ALT 0x04
#define Py_DTSF_NO_NEG_0 0x08
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2
#endif

namespace {

bool startsWithNoCase(const char* s, const char* word) {
  for (; *word != '\0'; ++s, ++word) {
    char c = *s;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != *word) return false;
  }
  return true;
}

// Parses a float at s; sets *end past it (== s when there is none) and
// *out_of_range for values beyond double's range (result: +-inf or 0).
double parseDouble(const char* s, const char** end, bool* out_of_range) {
  *out_of_range = false;
  const char* p = s;
  bool negative = false;
  if (*p == '+' || *p == '-') {
    negative = *p == '-';
    ++p;
  }
  if (startsWithNoCase(p, "inf")) {
    *end = p + (startsWithNoCase(p, "infinity") ? 8 : 3);
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (startsWithNoCase(p, "nan")) {
    *end = p + 3;
    return negative ? -NAN : NAN;
  }
  // from_chars reads neither a sign nor "0x" here: only decimal forms.
  if (!((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9'))) {
    *end = s;
    return -1.0;
  }
  const char* limit = p + std::strlen(p);
  double x = 0;
  auto r = std::from_chars(p, limit, x, std::chars_format::general);
  if (r.ec == std::errc::invalid_argument) {
    *end = s;
    return -1.0;
  }
  *end = r.ptr;
  if (r.ec == std::errc::result_out_of_range) {
    *out_of_range = true;
    // Overflow or underflow: strtod on the same text tells which.
    std::string text(p, r.ptr);
    x = std::strtod(text.c_str(), nullptr);
  }
  return negative ? -x : x;
}

// Whether %g at precision p would print val's digits with its decimal point
// right after the last significant digit (decpt == p).
bool gNeedsExponentForDot0(double val, int p) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*e", p - 1, val);
  const char* e = std::strchr(buffer, 'e');
  if (e == nullptr) return false;
  int exponent = std::atoi(e + 1);
  return exponent + 1 == p;
}

}  // namespace

using namespace tern;
using namespace tern::cpyext;

extern "C" {

double PyOS_string_to_double(const char* s, char** endptr, PyObject* overflow_exception) {
  if (s == nullptr) return badInternalCall("PyOS_string_to_double"), -1.0;
  const char* fail_pos;
  bool out_of_range;
  double x = parseDouble(s, &fail_pos, &out_of_range);
  double result = -1.0;
  if ((endptr == nullptr && (fail_pos == s || *fail_pos != '\0')) || fail_pos == s) {
    raisef(exc::ValueError, "could not convert string to float: '%.200s'", s);
  } else if (out_of_range && std::fabs(x) >= 1.0 && overflow_exception != nullptr) {
    Value type = fromC(overflow_exception);
    raisef(static_cast<Type*>(type.asObject()), "value too large to convert to float: '%.200s'", s);
  } else {
    result = x;
  }
  if (endptr != nullptr) *endptr = const_cast<char*>(fail_pos);
  return result;
}

char* PyOS_double_to_string(double val, char format_code, int precision, int flags, int* type) {
  std::string out;
  bool upper = false;
  switch (format_code) {
    case 'E':
    case 'F':
    case 'G':
      upper = true;
      format_code = static_cast<char>(format_code - 'A' + 'a');
      break;
    case 'e':
    case 'f':
    case 'g':
      break;
    case 'r':
      if (precision != 0) return badInternalCall("PyOS_double_to_string");
      break;
    default:
      return badInternalCall("PyOS_double_to_string");
  }
  int kind = Py_DTST_FINITE;
  if (std::isnan(val)) {
    kind = Py_DTST_NAN;
    out = upper ? "NAN" : "nan";
    if (flags & Py_DTSF_SIGN) out = "+" + out;
  } else if (std::isinf(val)) {
    kind = Py_DTST_INFINITE;
    out = upper ? "INF" : "inf";
    if (val < 0) {
      out = "-" + out;
    } else if (flags & Py_DTSF_SIGN) {
      out = "+" + out;
    }
  } else {
    if (format_code == 'r') {
      // The shortest round-trip digits, as repr() lays them out, minus the
      // ".0" repr adds (ADD_DOT_0 below adds it back when asked to).
      Value r = repr(newFloat(val));
      if (r.isNull()) return nullptr;
      out = strToUtf8(r);
      if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0 && out.find('e') == std::string::npos) {
        out.resize(out.size() - 2);
      }
      if ((flags & Py_DTSF_ALT) && out.find('.') == std::string::npos) {
        size_t e = out.find('e');
        out.insert(e == std::string::npos ? out.size() : e, ".");
      }
      if ((flags & Py_DTSF_ADD_DOT_0) && out.find_first_of(".e") == std::string::npos) out += ".0";
    } else if (format_code == 'g' && (flags & Py_DTSF_ADD_DOT_0) &&
               gNeedsExponentForDot0(val, precision == 0 ? 1 : precision)) {
      // CPython switches 'g' to the exponent form one digit earlier when
      // ADD_DOT_0 is set, so that "123" (3 digits at precision 3) is never
      // shown as an integer: 1.23e+02.
      int p = precision == 0 ? 1 : precision;
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, (flags & Py_DTSF_ALT) ? "%#.*e" : "%.*e", p - 1, val);
      out = buffer;
      if (!(flags & Py_DTSF_ALT)) {
        size_t e = out.find('e');
        size_t end = e;
        if (out.find('.') < e) {
          while (end > 0 && out[end - 1] == '0') --end;
          if (end > 0 && out[end - 1] == '.') --end;
        }
        out.erase(end, e - end);
      }
      if (upper) {
        for (char& c : out) c = c == 'e' ? 'E' : c;
      }
    } else {
      char fmt[8] = "%";
      size_t k = 1;
      if (flags & Py_DTSF_ALT) fmt[k++] = '#';
      fmt[k++] = '.';
      fmt[k++] = '*';
      fmt[k++] = format_code;
      fmt[k] = '\0';
      int n = std::snprintf(nullptr, 0, fmt, precision, val);
      out.resize(static_cast<size_t>(n) + 1);
      std::snprintf(out.data(), out.size(), fmt, precision, val);
      out.resize(static_cast<size_t>(n));
      if (upper) {
        for (char& c : out) c = c == 'e' ? 'E' : c;
      }
      if ((flags & Py_DTSF_ADD_DOT_0) && out.find_first_of(".eEn") == std::string::npos) out += ".0";
    }
    if ((flags & Py_DTSF_NO_NEG_0) && !out.empty() && out[0] == '-' &&
        out.find_first_of("123456789") == std::string::npos) {
      out.erase(0, 1);
    }
    if ((flags & Py_DTSF_SIGN) && out[0] != '-') out = "+" + out;
  }
  if (type != nullptr) *type = kind;
  auto* buffer = static_cast<char*>(PyMem_Malloc(out.size() + 1));
  if (buffer == nullptr) {
    raiseNoMemory();
    return nullptr;
  }
  std::memcpy(buffer, out.c_str(), out.size() + 1);
  return buffer;
}

}  // extern "C"
