// Formatting with strings: str.__format__ (format_spec.h's str formatter),
// str.format / str.format_map (PEP 3101 fields: auto and manual numbering,
// attribute and index access, !r !s !a, nested specs), FORMAT_VALUE's
// formatValue, and printf-style `%` formatting of str and bytes.
//
// Parsing works on copies of the format string (UCS-4 for str, a byte string
// for bytes), so Python code run by __format__, __getitem__ or __str__ in the
// middle of a format cannot invalidate what is being read.

#include <charconv>
#include <cctype>
#include <climits>
#include <string>
#include <string_view>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/format_spec.h"
#include "runtime/objects/int.h"
#include "runtime/objects/no_memory.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern {

using namespace strimpl;  // NOLINT

// ---------------------------------------------------------------------------
// str.__format__ and formatValue

namespace strimpl {

Value strFormatSpec(Value s, Value spec) {
  if (asStr(spec)->length == 0) {
    if (isExactStr(s)) return s;
    return newStrFromUnitsCopy(s, asStr(s)->kind, asStr(s)->length);
  }
  std::string error;
  std::string spec_utf8 = strToUtf8(spec);
  auto parsed = objects::parse_str_spec(spec_utf8, typeNameOf(s), &error);
  if (!parsed) return raise(exc::ValueError, error);
  if (!checkWidthFitsHeap(parsed->width)) return Value();
  std::string text = strToUtf8(s);
  try {
    return newStr(objects::format_str(text, *parsed));
  } catch (const std::exception&) {
    return raiseNoMemory();
  }
}

}  // namespace strimpl

Value formatValue(Value v, int conversion, Value spec) {
  Value converted;
  switch (conversion) {
    case 1:
    case 's':
      converted = isExactStr(v) ? v : str(v);
      break;
    case 2:
    case 'r':
      converted = repr(v);
      break;
    case 3:
    case 'a':
      converted = ascii(v);
      break;
    default:
      converted = v;
      break;
  }
  if (converted.isNull()) return Value();
  if (spec.isNull() || asStr(spec)->length == 0) {
    if (isExactStr(converted)) return converted;
    return format(converted, emptyStr());
  }
  return format(converted, spec);
}

// ---------------------------------------------------------------------------
// str.format / str.format_map

namespace {

struct FormatState {
  Value args;     // tuple, or null for format_map
  Value kwargs;   // dict or null (format)
  Value mapping;  // format_map's mapping, or null
  enum { kUnknown, kAuto, kManual } numbering = kUnknown;
  int64_t next_auto = 0;
};

bool isDigits(std::u32string_view s) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The value of a string of decimal digits, -1 if too large.
int64_t digitsValue(std::u32string_view s) {
  int64_t v = 0;
  for (char32_t c : s) {
    if (v > (INT64_MAX - 9) / 10) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

Value positionalArg(FormatState& st, int64_t index) {
  if (st.args.isNull()) return raise(exc::ValueError, "Format string contains positional fields");
  if (index >= tupleLength(st.args)) {
    return raisef(exc::IndexError, "Replacement index %lld out of range for positional args tuple",
                  static_cast<long long>(index));
  }
  return tupleItem(st.args, index);
}

Value keywordArg(FormatState& st, std::u32string_view name) {
  Value key = newStrFromUcs4(name);
  if (key.isNull()) return Value();
  if (!st.mapping.isNull()) return getItem(st.mapping, key);
  if (st.kwargs.isNull()) return raiseKeyError(key);
  Value v = dictGet(st.kwargs, key);
  if (v.isNull() && !errorPending()) return raiseKeyError(key);
  return v;
}

// Resolves a field name ("0", "", "name.attr[key][0]") to its object.
Value resolveField(FormatState& st, std::u32string_view field) {
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
  std::u32string_view first = field.substr(0, i);
  Value obj;
  if (first.empty()) {
    if (st.numbering == FormatState::kManual) {
      return raise(exc::ValueError, "cannot switch from manual field specification to automatic field numbering");
    }
    st.numbering = FormatState::kAuto;
    obj = positionalArg(st, st.next_auto++);
  } else if (isDigits(first)) {
    int64_t index = digitsValue(first);
    if (index < 0) return raise(exc::ValueError, "Too many decimal digits in format string");
    if (st.numbering == FormatState::kAuto) {
      return raise(exc::ValueError, "cannot switch from automatic field numbering to manual field specification");
    }
    st.numbering = FormatState::kManual;
    obj = positionalArg(st, index);
  } else {
    obj = keywordArg(st, first);
  }
  if (obj.isNull()) return Value();
  while (i < field.size()) {
    char32_t c = field[i++];
    size_t start = i;
    if (c == '.') {
      while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
      if (i == start) return raise(exc::ValueError, "Empty attribute in format string");
      Value name = newStrFromUcs4(field.substr(start, i - start));
      if (name.isNull()) return Value();
      obj = getAttr(obj, name);
    } else if (c == '[') {
      while (i < field.size() && field[i] != ']') ++i;
      if (i >= field.size()) return raise(exc::ValueError, "Missing ']' in format string");
      std::u32string_view key_text = field.substr(start, i - start);
      ++i;  // ']'
      if (key_text.empty()) return raise(exc::ValueError, "Empty attribute in format string");
      Value key;
      if (isDigits(key_text)) {
        int64_t index = digitsValue(key_text);
        if (index < 0) return raise(exc::ValueError, "Too many decimal digits in format string");
        key = newInt(index);
      } else {
        key = newStrFromUcs4(key_text);
      }
      if (key.isNull()) return Value();
      obj = getItem(obj, key);
      if (i < field.size() && field[i] != '.' && field[i] != '[') {
        return raise(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
      }
    } else {
      return raise(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (obj.isNull()) return Value();
  }
  return obj;
}

bool buildFormat(FormatState& st, std::u32string_view fmt, int depth, StrBuilder& out);

// One replacement field starting after its '{' at fmt[*pos]; appends the
// formatted value.
bool formatField(FormatState& st, std::u32string_view fmt, size_t* pos, int depth, StrBuilder& out) {
  size_t p = *pos, n = fmt.size();
  size_t name_start = p;
  char32_t c = 0;
  while (p < n) {
    c = fmt[p++];
    if (c == '{') {
      raise(exc::ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (p < n && fmt[p] != ']') ++p;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  bool terminated = c == '}' || c == ':' || c == '!';
  size_t name_end = terminated ? p - 1 : p;
  char32_t conversion = 0;
  std::u32string_view spec;
  bool spec_needs_expanding = false;
  if (c == '!' || c == ':') {
    bool have_spec = true;
    if (c == '!') {
      if (p >= n) {
        raise(exc::ValueError, "end of string while looking for conversion specifier");
        return false;
      }
      conversion = fmt[p++];
      if (p < n) {
        char32_t d = fmt[p++];
        if (d == '}') {
          have_spec = false;
        } else if (d != ':') {
          raise(exc::ValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    if (have_spec) {
      size_t spec_start = p;
      int count = 1;
      bool closed = false;
      while (p < n) {
        char32_t d = fmt[p++];
        if (d == '{') {
          spec_needs_expanding = true;
          ++count;
        } else if (d == '}') {
          if (--count == 0) {
            closed = true;
            break;
          }
        }
      }
      if (!closed) {
        raise(exc::ValueError, "unmatched '{' in format spec");
        return false;
      }
      spec = fmt.substr(spec_start, p - 1 - spec_start);
    }
  } else if (c != '}') {
    raise(exc::ValueError, "expected '}' before end of string");
    return false;
  }
  *pos = p;

  Value obj = resolveField(st, fmt.substr(name_start, name_end - name_start));
  if (obj.isNull()) return false;
  switch (conversion) {
    case 0:
      break;
    case 'r':
      obj = repr(obj);
      break;
    case 's':
      obj = str(obj);
      break;
    case 'a':
      obj = ascii(obj);
      break;
    default:
      if (conversion > 32 && conversion < 127) {
        raisef(exc::ValueError, "Unknown conversion specifier %c", static_cast<char>(conversion));
      } else {
        raisef(exc::ValueError, "Unknown conversion specifier \\x%x", static_cast<unsigned>(conversion));
      }
      return false;
  }
  if (obj.isNull()) return false;
  Value spec_str;
  if (spec_needs_expanding) {
    StrBuilder inner;
    if (!buildFormat(st, spec, depth - 1, inner)) return false;
    spec_str = inner.finish();
  } else {
    spec_str = newStrFromUcs4(spec);
  }
  if (spec_str.isNull()) return false;
  Value formatted = format(obj, spec_str);
  if (formatted.isNull()) return false;
  out.appendStr(formatted);
  return true;
}

bool buildFormat(FormatState& st, std::u32string_view fmt, int depth, StrBuilder& out) {
  if (depth <= 0) {
    raise(exc::ValueError, "Max string recursion exceeded");
    return false;
  }
  size_t p = 0, n = fmt.size();
  while (p < n) {
    char32_t c = fmt[p++];
    if (c != '{' && c != '}') {
      out.push(c);
      continue;
    }
    bool at_end = p >= n;
    if (c == '}') {
      if (at_end || fmt[p] != '}') {
        raise(exc::ValueError, "Single '}' encountered in format string");
        return false;
      }
      out.push('}');
      ++p;
      continue;
    }
    if (at_end) {
      raise(exc::ValueError, "Single '{' encountered in format string");
      return false;
    }
    if (fmt[p] == '{') {
      out.push('{');
      ++p;
      continue;
    }
    if (!formatField(st, fmt, &p, depth, out)) return false;
  }
  return true;
}

}  // namespace

namespace strimpl {

Value strFormatMethod(Value format_string, Value args, Value kwargs, Value mapping) {
  FormatState st;
  st.args = args;
  st.kwargs = kwargs;
  st.mapping = mapping;
  std::u32string fmt = strToUcs4(format_string);
  StrBuilder out;
  out.reserve(fmt.size());
  if (!buildFormat(st, fmt, 2, out)) return Value();
  return out.finish();
}

}  // namespace strimpl

// ---------------------------------------------------------------------------
// printf-style formatting (str % args, bytes % args)

namespace {

struct PrintfSpec {
  bool left = false, plus = false, space = false, alt = false, zero = false;
  // 'z' (bytes only): a float that rounds to zero has no '-'.  CPython 3.11
  // accepts this PEP 682 flag in bytes' printf-style formatting, not str's.
  bool no_neg_0 = false;
  int64_t width = -1, prec = -1;
};

// A real number for %e %f %g: PyFloat_AsDouble's conversions and message.
bool realArg(Value v, double* out) {
  if (isFloat(v)) {
    *out = floatValue(v);
    return true;
  }
  Type* t = typeOf(v);
  if (isInt(v) || t->slots.nb_float != nullptr || t->slots.nb_index != nullptr) {
    Value f = toFloat(v);
    if (f.isNull()) return false;
    *out = floatValue(f);
    return true;
  }
  raisef(exc::TypeError, "must be real number, not %s", typeNameOf(v).c_str());
  return false;
}

// Inserts zeros after the sign and prefix so that text reaches the width.
void zeroFill(std::string& text, size_t prefix_len, const PrintfSpec& spec) {
  if (!spec.zero || spec.left || spec.width < 0) return;
  auto width = static_cast<size_t>(spec.width);
  if (text.size() >= width) return;
  text.insert(prefix_len, width - text.size(), '0');
}

// %d %i %u %o %x %X %e %E %f %F %g %G: the number as ASCII, zero filling
// applied (space padding is the caller's).  False on error.
bool printfNumber(Value v, char conv, const PrintfSpec& spec, std::string* out) {
  if (conv == 'e' || conv == 'E' || conv == 'f' || conv == 'F' || conv == 'g' || conv == 'G') {
    double d;
    if (!realArg(v, &d)) return false;
    objects::ParsedSpec ps;
    ps.type = static_cast<char32_t>(conv);
    ps.precision = spec.prec < 0 ? 6 : spec.prec;
    ps.alternate = spec.alt;
    ps.no_neg_0 = spec.no_neg_0;
    ps.sign = spec.plus ? '+' : spec.space ? ' ' : '-';
    std::string text = objects::format_float(d, ps);
    size_t sign_len = !text.empty() && (text[0] == '-' || text[0] == '+' || text[0] == ' ') ? 1 : 0;
    zeroFill(text, sign_len, spec);
    *out = std::move(text);
    return true;
  }
  Value iv;
  Type* t = typeOf(v);
  if (conv == 'd' || conv == 'i' || conv == 'u') {
    if (isInt(v)) {
      iv = index(v);
    } else if (t->slots.nb_index != nullptr) {
      iv = index(v);
    } else if (isFloat(v) || t->slots.nb_int != nullptr || t->slots.nb_float != nullptr) {
      iv = call1(typeValue(types::int_type), v);
    } else {
      raisef(exc::TypeError, "%%%c format: a real number is required, not %s", conv, typeNameOf(v).c_str());
      return false;
    }
  } else {
    if (!isInt(v) && t->slots.nb_index == nullptr) {
      raisef(exc::TypeError, "%%%c format: an integer is required, not %s", conv, typeNameOf(v).c_str());
      return false;
    }
    iv = index(v);
  }
  if (iv.isNull()) return false;
  int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
  std::string digits;
  if (iv.isSmallInt()) {
    char buf[72];
    digits.assign(buf, std::to_chars(buf, buf + sizeof buf, iv.asSmallInt(), base).ptr);
  } else {
    Value digits_str = format(iv, newStr(base == 8 ? "o" : base == 16 ? "x" : "d"));
    if (digits_str.isNull()) return false;
    digits = strToUtf8(digits_str);
  }
  bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (conv == 'X')
    for (char& ch : digits) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (spec.prec > 0 && static_cast<int64_t>(digits.size()) < spec.prec) {
    digits.insert(0, static_cast<size_t>(spec.prec) - digits.size(), '0');
  }
  std::string text;
  if (negative)
    text.push_back('-');
  else if (spec.plus)
    text.push_back('+');
  else if (spec.space)
    text.push_back(' ');
  if (spec.alt && conv == 'o') text += "0o";
  if (spec.alt && conv == 'x') text += "0x";
  if (spec.alt && conv == 'X') text += "0X";
  size_t prefix_len = text.size();
  text += digits;
  zeroFill(text, prefix_len, spec);
  *out = std::move(text);
  return true;
}

// The state of one % operation: the arguments and where we are in them
// (CPython's argidx/arglen scheme: a single non-tuple argument has arglen -1).
struct PercentArgs {
  Value args;
  Value dict;  // the mapping for %(key)s, or null
  int64_t arglen = -1, argidx = -2;

  Value next() {
    if (argidx < arglen) {
      int64_t i = argidx++;
      if (arglen < 0) return args;
      return tupleItem(args, i);
    }
    return raise(exc::TypeError, "not enough arguments for format string");
  }
};

// Appends `text` padded to spec.width (spaces; left-justified with '-').
template <class Out, class Text>
void padInto(Out& out, const Text& text, int64_t len, const PrintfSpec& spec, void (*put)(Out&, const Text&)) {
  int64_t pad = spec.width > len ? spec.width - len : 0;
  if (!spec.left)
    for (int64_t i = 0; i < pad; ++i) out.push_back(' ');
  put(out, text);
  if (spec.left)
    for (int64_t i = 0; i < pad; ++i) out.push_back(' ');
}

// The format loop shared by str and bytes.  Units is std::u32string (str)
// or std::string (bytes); Out likewise.  `convert` handles one conversion
// of a fetched argument and appends to out (false on error).
template <class Units, class MakeKey, class Convert>
bool percentLoop(const Units& fmt, PercentArgs& st, Units& out, MakeKey make_key, Convert convert, bool bytes) {
  size_t n = fmt.size(), p = 0;
  while (p < n) {
    auto c = static_cast<char32_t>(static_cast<std::make_unsigned_t<typename Units::value_type>>(fmt[p]));
    if (c != '%') {
      out.push_back(fmt[p++]);
      continue;
    }
    size_t pct = p++;
    if (p < n && fmt[p] == '%') {
      out.push_back('%');
      ++p;
      continue;
    }
    Value arg;
    if (p < n && fmt[p] == '(') {
      if (st.dict.isNull()) {
        raise(exc::TypeError, "format requires a mapping");
        return false;
      }
      size_t key_start = ++p;
      int depth = 1;
      while (p < n && depth > 0) {
        if (fmt[p] == ')')
          --depth;
        else if (fmt[p] == '(')
          ++depth;
        ++p;
      }
      if (depth > 0) {
        raise(exc::ValueError, "incomplete format key");
        return false;
      }
      Value key = make_key(fmt.substr(key_start, p - 1 - key_start));
      if (key.isNull()) return false;
      Value value = getItem(st.dict, key);
      if (value.isNull()) return false;
      // The value stands for the whole argument list from here on (a '*'
      // takes it, and then the conversion finds no argument left).
      st.args = value;
      st.arglen = -1;
      st.argidx = -2;
    }
    PrintfSpec spec;
    for (; p < n; ++p) {
      char32_t f = static_cast<unsigned char>(fmt[p]);
      if (static_cast<char32_t>(fmt[p]) > 0x7f) break;
      if (f == '-')
        spec.left = true;
      else if (f == '+')
        spec.plus = true;
      else if (f == ' ')
        spec.space = true;
      else if (f == '#')
        spec.alt = true;
      else if (f == '0')
        spec.zero = true;
      else if (f == 'z' && bytes)
        spec.no_neg_0 = true;
      else
        break;
    }
    auto read_number = [&](int64_t* out_n, const char* too_big, bool is_width) -> bool {
      if (p < n && fmt[p] == '*') {
        ++p;
        Value v = st.next();
        if (v.isNull()) return false;
        if (!isInt(v)) {
          raise(exc::TypeError, "* wants int");
          return false;
        }
        // CPython reads a '*' width as a Py_ssize_t and a '*' precision as a C int.
        int64_t x;
        if (!intToInt64(v, &x) || (!is_width && (x > INT_MAX || x < INT_MIN))) {
          clearError();
          raise(exc::OverflowError, is_width ? "Python int too large to convert to C ssize_t"
                                             : "Python int too large to convert to C int");
          return false;
        }
        if (is_width && x < 0) {
          spec.left = true;
          x = x == INT64_MIN ? INT64_MAX : -x;
        }
        // No str or bytes can be that wide: CPython's padded result fails to allocate.
        if (is_width && !checkWidthFitsHeap(x)) return false;
        *out_n = x;
        return true;
      }
      if (p < n && fmt[p] >= '0' && fmt[p] <= '9') {
        int64_t x = 0;
        while (p < n && fmt[p] >= '0' && fmt[p] <= '9') {
          x = x * 10 + (fmt[p] - '0');
          if (x > INT_MAX) {
            raise(exc::ValueError, too_big);
            return false;
          }
          ++p;
        }
        *out_n = x;
      }
      return true;
    };
    if (!read_number(&spec.width, "width too big", true)) return false;
    if (p < n && fmt[p] == '.') {
      ++p;
      spec.prec = 0;
      if (!read_number(&spec.prec, "precision too big", false)) return false;
      if (spec.prec < 0) spec.prec = 0;
    }
    while (p < n && (fmt[p] == 'h' || fmt[p] == 'l' || fmt[p] == 'L')) ++p;
    if (p >= n) {
      raise(exc::ValueError, "incomplete format");
      return false;
    }
    auto conv = static_cast<char32_t>(static_cast<std::make_unsigned_t<typename Units::value_type>>(fmt[p++]));
    arg = st.next();
    if (arg.isNull()) return false;
    if (conv == '%') {
      out.push_back('%');
      continue;
    }
    if (!convert(conv, arg, spec, out, pct)) return false;
  }
  if (st.argidx < st.arglen && st.dict.isNull()) {
    raise(exc::TypeError, bytes ? "not all arguments converted during bytes formatting"
                                : "not all arguments converted during string formatting");
    return false;
  }
  return true;
}

void putU32(std::u32string& out, const std::u32string& text) { out += text; }
void putBytes(std::string& out, const std::string& text) { out += text; }

Value unsupportedChar(char32_t conv, size_t index) {
  if (conv > 32 && conv < 127) {
    return raisef(exc::ValueError, "unsupported format character '%c' (0x%x) at index %zu", static_cast<char>(conv),
                  static_cast<unsigned>(conv), index);
  }
  return raisef(exc::ValueError, "unsupported format character '\\x%x' (0x%x) at index %zu",
                static_cast<unsigned>(conv), static_cast<unsigned>(conv), index);
}

bool isNumberConv(char32_t c) {
  switch (c) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return true;
    default:
      return false;
  }
}

void setupArgs(PercentArgs& st, Value args, bool bytes) {
  st.args = args;
  if (isTuple(args)) {
    st.arglen = tupleLength(args);
    st.argidx = 0;
  }
  bool excluded = isTuple(args) || (bytes ? isBytes(args) : isStr(args));
  if (!excluded && typeOf(args)->slots.mp_subscript != nullptr) st.dict = args;
}

}  // namespace

Value strPercentFormat(Value format_string, Value args) {
  std::u32string fmt = strToUcs4(format_string);
  PercentArgs st;
  setupArgs(st, args, false);
  std::u32string out;
  out.reserve(fmt.size());
  auto make_key = [](std::u32string_view k) { return newStrFromUcs4(k); };
  auto convert = [&](char32_t conv, Value arg, const PrintfSpec& spec, std::u32string& o, size_t) -> bool {
    std::u32string text;
    if (conv == 's' || conv == 'r' || conv == 'a') {
      Value s = conv == 's' ? (isExactStr(arg) ? arg : str(arg)) : conv == 'r' ? repr(arg) : ascii(arg);
      if (s.isNull()) return false;
      text = strToUcs4(s);
      if (spec.prec >= 0 && static_cast<int64_t>(text.size()) > spec.prec) text.resize(static_cast<size_t>(spec.prec));
    } else if (conv == 'c') {
      if (isStr(arg)) {
        if (asStr(arg)->length != 1) {
          raise(exc::TypeError, "%c requires int or char");
          return false;
        }
        text.push_back(asStr(arg)->at(0));
      } else if (isInt(arg)) {
        int64_t x;
        if (!intToInt64(arg, &x) || x < 0 || x > 0x10ffff) {
          clearError();
          raise(exc::OverflowError, "%c arg not in range(0x110000)");
          return false;
        }
        text.push_back(static_cast<char32_t>(x));
      } else {
        raise(exc::TypeError, "%c requires int or char");
        return false;
      }
    } else if (isNumberConv(conv)) {
      std::string num;
      if (!printfNumber(arg, static_cast<char>(conv), spec, &num)) return false;
      for (char ch : num) text.push_back(static_cast<unsigned char>(ch));
    }
    padInto<std::u32string, std::u32string>(o, text, static_cast<int64_t>(text.size()), spec, putU32);
    return true;
  };
  auto convert_at = [&](char32_t conv, Value arg, const PrintfSpec& spec, std::u32string& o, size_t pct) {
    if (!(conv == 's' || conv == 'r' || conv == 'a' || conv == 'c' || isNumberConv(conv))) {
      // Index of the conversion character: skip from the '%' over the spec.
      size_t q = pct + 1;
      while (q < fmt.size() && fmt[q] != conv) ++q;
      unsupportedChar(conv, q);
      return false;
    }
    return convert(conv, arg, spec, o, pct);
  };
  if (!percentLoop(fmt, st, out, make_key, convert_at, false)) return Value();
  return newStrFromUcs4(out);
}

Value bytesPercentFormat(Value format_bytes, Value args, bool is_bytearray) {
  std::string_view view;
  bytesLikeView(format_bytes, &view);
  std::string fmt(view);
  PercentArgs st;
  setupArgs(st, args, true);
  std::string out;
  out.reserve(fmt.size());
  auto make_key = [](std::string_view k) { return newBytes(k); };
  auto convert = [&](char32_t conv, Value arg, const PrintfSpec& spec, std::string& o, size_t pct) -> bool {
    std::string text;
    if (conv == 's' || conv == 'b') {
      std::string_view data;
      if (bytesLikeView(arg, &data)) {
        text.assign(data);
      } else {
        bool found = false;
        Value b = callSpecial(arg, names::__bytes__, nullptr, 0, &found);
        if (!found) {
          raisef(exc::TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                 typeNameOf(arg).c_str());
          return false;
        }
        if (b.isNull()) return false;
        if (!isBytes(b)) {
          raisef(exc::TypeError, "__bytes__ returned non-bytes (type %s)", typeNameOf(b).c_str());
          return false;
        }
        text.assign(asBytes(b)->view());
      }
      if (spec.prec >= 0 && static_cast<int64_t>(text.size()) > spec.prec) text.resize(static_cast<size_t>(spec.prec));
    } else if (conv == 'r' || conv == 'a') {
      Value s = ascii(arg);
      if (s.isNull()) return false;
      text = strToUtf8(s);
      if (spec.prec >= 0 && static_cast<int64_t>(text.size()) > spec.prec) text.resize(static_cast<size_t>(spec.prec));
    } else if (conv == 'c') {
      std::string_view data;
      if (bytesLikeView(arg, &data) && (isBytes(arg) || isByteArray(arg))) {
        if (data.size() != 1) {
          raise(exc::TypeError, "%c requires an integer in range(256) or a single byte");
          return false;
        }
        text.assign(data);
      } else if (isInt(arg) || typeOf(arg)->slots.nb_index != nullptr) {
        Value iv = index(arg);
        if (iv.isNull()) return false;
        int64_t x;
        if (!intToInt64(iv, &x) || x < 0 || x > 255) {
          clearError();
          raise(exc::OverflowError, "%c arg not in range(256)");
          return false;
        }
        text.push_back(static_cast<char>(x));
      } else {
        raise(exc::TypeError, "%c requires an integer in range(256) or a single byte");
        return false;
      }
    } else if (isNumberConv(conv)) {
      bool real = conv == 'e' || conv == 'E' || conv == 'f' || conv == 'F' || conv == 'g' || conv == 'G';
      if (double d; real && !realArg(arg, &d)) {
        // bytes' formatfloat words any failure of the conversion its own way.
        clearError();
        raisef(exc::TypeError, "float argument required, not %s", typeNameOf(arg).c_str());
        return false;
      }
      if (!printfNumber(arg, static_cast<char>(conv), spec, &text)) return false;
    } else {
      size_t q = pct + 1;
      while (q < fmt.size() && static_cast<unsigned char>(fmt[q]) != conv) ++q;
      unsupportedChar(conv, q);
      return false;
    }
    padInto<std::string, std::string>(o, text, static_cast<int64_t>(text.size()), spec, putBytes);
    return true;
  };
  if (!percentLoop(fmt, st, out, make_key, convert, true)) return Value();
  if (is_bytearray) return newByteArray(out.data(), static_cast<int64_t>(out.size()));
  return newBytes(out);
}

}  // namespace tern
