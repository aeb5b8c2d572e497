// The _string module: the parsing half of str.format, for string.Formatter.
//
//   formatter_parser(s)  iterates over (literal, field_name, format_spec,
//                        conversion) tuples;
//   formatter_field_name_split(name)  returns (first, iterator over
//                        (is_attribute, key)).
//
// Both iterators parse lazily, one step per next(), so errors surface when
// the bad part is reached, with CPython 3.11's messages.  They hold the
// string and a position (code points); each step copies the text as UCS-4.
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Type* g_formatter_iter_type = nullptr;
Type* g_fieldname_iter_type = nullptr;

// Both iterator types share this layout.
struct FormatIterObj : Obj {
  gc::HeapValue text;  // the str being parsed
  int64_t pos;         // next code point to look at
};
FormatIterObj* asFormatIter(Value v) { return static_cast<FormatIterObj*>(v.asObject()); }

Value newFormatIter(Type* type, Value text, int64_t pos) {
  FormatIterObj* it = static_cast<FormatIterObj*>(newObject(type, sizeof(FormatIterObj)));
  it->text.set(text);
  it->pos = pos;
  return Value(it);
}

Value substr(const std::u32string& s, size_t start, size_t stop) {
  return newStrFromUcs4(std::u32string_view(s).substr(start, stop - start));
}

// ===========================================================================
// formatter_parser

Value formatteriterator_next(Value self) {
  std::u32string s = strToUcs4(asFormatIter(self)->text.get());
  size_t i = static_cast<size_t>(asFormatIter(self)->pos);
  size_t n = s.size();
  if (i >= n) return Value();
  // The literal text, up to a brace.
  size_t lit_start = i, lit_end = i;
  bool field = false;
  while (i < n) {
    char32_t c = s[i];
    if (c != '{' && c != '}') {
      ++i;
      continue;
    }
    if (i + 1 < n && s[i + 1] == c) {  // doubled: one brace of literal, and the chunk ends
      lit_end = i + 1;
      i += 2;
      goto literal_done;
    }
    if (c == '}') return raise(exc::ValueError, "Single '}' encountered in format string");
    if (i + 1 >= n) return raise(exc::ValueError, "Single '{' encountered in format string");
    lit_end = i;
    ++i;
    field = true;
    goto literal_done;
  }
  lit_end = i;
literal_done:
  Value literal = substr(s, lit_start, lit_end);
  if (literal.isNull()) return literal;
  if (!field) {
    asFormatIter(self)->pos = static_cast<int64_t>(i);
    return newTupleOf({literal, None(), None(), None()});
  }
  // The field name, up to '}', ':' or '!' (brackets skipped whole).
  size_t name_start = i;
  char32_t stop = 0;
  while (i < n) {
    char32_t c = s[i++];
    if (c == '{') return raise(exc::ValueError, "unexpected '{' in field name");
    if (c == '[') {
      while (i < n && s[i] != ']') ++i;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') {
      stop = c;
      break;
    }
  }
  if (stop == 0) return raise(exc::ValueError, "expected '}' before end of string");
  Value name = substr(s, name_start, i - 1);
  if (name.isNull()) return name;
  Value conversion = None();
  Value spec = names::empty;
  if (stop == '!' || stop == ':') {
    bool spec_follows = stop == ':';
    if (stop == '!') {
      if (i >= n) return raise(exc::ValueError, "end of string while looking for conversion specifier");
      conversion = strFromCodePoint(s[i++]);
      if (i < n) {
        char32_t c = s[i++];
        if (c == '}') {
          asFormatIter(self)->pos = static_cast<int64_t>(i);
          return newTupleOf({literal, name, spec, conversion});
        }
        if (c != ':') return raise(exc::ValueError, "expected ':' after conversion specifier");
      }
      spec_follows = true;
    }
    if (spec_follows) {
      size_t spec_start = i;
      int depth = 1;
      while (i < n) {
        char32_t c = s[i++];
        if (c == '{') {
          ++depth;
        } else if (c == '}' && --depth == 0) {
          break;
        }
      }
      if (depth != 0) return raise(exc::ValueError, "unmatched '{' in format spec");
      spec = substr(s, spec_start, i - 1);
      if (spec.isNull()) return spec;
    }
  }
  asFormatIter(self)->pos = static_cast<int64_t>(i);
  return newTupleOf({literal, name, spec, conversion});
}

Value string_formatter_parser(Value* args) {
  if (!isStr(args[1])) {
    return raisef(exc::TypeError, "expected str, got %s", typeNameOf(args[1]).c_str());
  }
  return newFormatIter(g_formatter_iter_type, args[1], 0);
}

// ===========================================================================
// formatter_field_name_split

// An int for a non-empty all-digit key, else the str itself.
Value keyValue(const std::u32string& s, size_t start, size_t stop) {
  bool digits = stop > start;
  for (size_t k = start; k < stop; ++k)
    if (s[k] < '0' || s[k] > '9') digits = false;
  if (!digits) return substr(s, start, stop);
  std::string text;
  for (size_t k = start; k < stop; ++k) text.push_back(static_cast<char>(s[k]));
  if (text.size() > 18) return raise(exc::ValueError, "Too many decimal digits in format string");
  return newInt(std::stoll(text));
}

Value fieldnameiterator_next(Value self) {
  std::u32string s = strToUcs4(asFormatIter(self)->text.get());
  size_t i = static_cast<size_t>(asFormatIter(self)->pos);
  size_t n = s.size();
  if (i >= n) return Value();
  char32_t c = s[i++];
  Value is_attr, key;
  if (c == '.') {
    size_t start = i;
    while (i < n && s[i] != '.' && s[i] != '[') ++i;
    if (i == start) return raise(exc::ValueError, "Empty attribute in format string");
    is_attr = True();
    key = substr(s, start, i);
  } else if (c == '[') {
    size_t start = i;
    while (i < n && s[i] != ']') ++i;
    if (i >= n) return raise(exc::ValueError, "Missing ']' in format string");
    if (i == start) return raise(exc::ValueError, "Empty attribute in format string");
    key = keyValue(s, start, i);
    ++i;  // the ']'; what follows is checked by the next step
    is_attr = False();
  } else {
    return raise(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
  }
  if (key.isNull()) return key;
  asFormatIter(self)->pos = static_cast<int64_t>(i);
  return newTupleOf({is_attr, key});
}

Value string_formatter_field_name_split(Value* args) {
  Value name = args[1];
  if (!isStr(name)) return raisef(exc::TypeError, "expected str, got %s", typeNameOf(name).c_str());
  std::u32string s = strToUcs4(name);
  size_t i = 0;
  while (i < s.size() && s[i] != '.' && s[i] != '[') ++i;
  Value first = keyValue(s, 0, i);
  if (first.isNull()) return first;
  Value rest = newFormatIter(g_fieldname_iter_type, name, static_cast<int64_t>(i));
  return newTupleOf({first, rest});
}

Value formatiter_iter(Value self) { return self; }

// ===========================================================================
// Tables

const uint32_t kFormatIterFields[] = {offsetof(Obj, ob_type), offsetof(FormatIterObj, text)};
const gc::Layout kFormatIterLayout = {.name = "formatteriterator", .fields = kFormatIterFields};

const TypeSpec kFormatterIterSpec = {
    .name = "formatteriterator",
    .type = &g_formatter_iter_type,
    .layout = &kFormatIterLayout,
    .basic_size = sizeof(FormatIterObj),
    .slots = {.tp_iter = formatiter_iter, .tp_iternext = formatteriterator_next},
};
TERN_REGISTER_TYPE(kFormatterIterSpec);

const TypeSpec kFieldNameIterSpec = {
    .name = "fieldnameiterator",
    .type = &g_fieldname_iter_type,
    .layout = &kFormatIterLayout,
    .basic_size = sizeof(FormatIterObj),
    .slots = {.tp_iter = formatiter_iter, .tp_iternext = fieldnameiterator_next},
};
TERN_REGISTER_TYPE(kFieldNameIterSpec);

const MethodDef kStringFunctions[] = {
    {.name = "formatter_parser", .signature = "($module, format_string, /)", .fn = string_formatter_parser,
     .doc = "parse the argument as a format string"},
    {.name = "formatter_field_name_split", .signature = "($module, field_name, /)",
     .fn = string_formatter_field_name_split, .doc = "split the argument as a field name"},
};

const NativeModuleDef kStringModule = {
    .name = "_string",
    .methods = kStringFunctions,
    .doc = "string helper module",
};
TERN_REGISTER_MODULE(kStringModule);

}  // namespace

}  // namespace tern
