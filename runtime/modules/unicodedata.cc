// The unicodedata module: the Unicode Character Database as python3.11 sees
// it (Unicode 14.0.0): names and lookup (aliases and named sequences
// included), category, bidirectional, combining, east_asian_width, mirrored,
// decomposition, decimal/digit/numeric, normalize/is_normalized (NFC, NFD,
// NFKC, NFKD), and ucd_3_2_0, the UCD object the idna codec and stringprep
// use.
//
// Data: the property records and decompositions come from tables generated
// at build time (gen_unicodedata.py, unicodedata_tables.h); names are the
// compiler's tables (runtime/compiler/unicode_names.h, which \N{...} uses
// too); numeric values are str's (runtime/objects/unicode_props.h).  Every
// table is restricted to Unicode 14.0 although Debian ships 15.0.
//
// ucd_3_2_0: code points assigned after Unicode 3.2 count as unassigned and
// the property values Unicode changed since 3.2 come from a change table
// (ucd_3_2_0_changes.inc, generated once from python3.11 by
// gen_ucd_3_2_0.py, since Debian ships no UnicodeData-3.2.0.txt), with
// 3.2's five erroneous CJK compatibility decompositions, which its
// normalization keeps.  As in CPython, digit() and the combining classes
// that order and compose marks are today's in both databases.
//
// Normalization is written from UAX #15: full canonical or compatibility
// decomposition (Hangul syllables arithmetically), canonical ordering by
// combining class, then canonical composition with the composition
// exclusions.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/compiler/unicode_names.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"
#include "runtime/objects/unicode_props.h"

namespace tern {

namespace {

struct Record {
  uint8_t category;
  uint8_t bidirectional;
  uint8_t combining;
  uint8_t east_asian_width;
  uint8_t mirrored;
  uint8_t in_3_2;  // assigned in Unicode 3.2
};

struct NamedSequence {
  const char* name;
  char32_t codes[4];
  int length;
};

#include "runtime/modules/unicodedata_tables.h"

// What Unicode 3.2 said differently about a character it had (ucd_3_2_0).
struct OldChange {
  char32_t code;
  const char* category;  // null: unchanged
  const char* bidirectional;
  const char* east_asian_width;
  int mirrored;  // -1: unchanged
  int decimal;   // -1: unchanged, -2: none
};

struct OldDecomposition {
  char32_t code;
  char32_t decomposition;
};

#include "runtime/modules/ucd_3_2_0_changes.inc"

// The 3.2 change record of `c`, or null.
const OldChange* oldChange(char32_t c) {
  const OldChange* end = std::end(kOldChanges);
  const OldChange* it =
      std::lower_bound(std::begin(kOldChanges), end, c, [](const OldChange& r, char32_t x) { return r.code < x; });
  return it != end && it->code == c ? it : nullptr;
}

const Record& recordOf(char32_t c) {
  if (c >= 0x110000) return kRecords[0];
  uint32_t block = kRecordIndex1[c >> kIndexShift];
  return kRecords[kRecordIndex2[(block << kIndexShift) + (c & ((1u << kIndexShift) - 1))]];
}

const char* decompositionOf(char32_t c) {
  if (c >= 0x110000) return "";
  uint32_t block = kDecompIndex1[c >> kIndexShift];
  return kDecompositions[kDecompIndex2[(block << kIndexShift) + (c & ((1u << kIndexShift) - 1))]];
}

// --- the UCD type: unicodedata.ucd_3_2_0 --------------------------------------

Type* g_ucd_type = nullptr;

struct UcdObj : Obj {};

// Methods serve both the module (args[0] the module: Unicode 14.0) and UCD
// objects (args[0] a UCD: Unicode 3.2).
bool isOld(Value self) { return !self.isSmallInt() && typeOf(self) == g_ucd_type; }

// Assigned in the database `self` stands for?  (CPython's category_changed == 0.)
bool unassignedIn(Value self, char32_t c) { return isOld(self) && !recordOf(c).in_3_2; }

// Clinic's "C" converter: a str of length 1.
bool charArg(Value v, const char* func, bool numbered, char32_t* out) {
  if (!isStr(v) || asStr(v)->length != 1) {
    // A single-argument function's message gives no position: "category() argument must be ...".
    raisef(exc::TypeError, "%s() argument %smust be a unicode character, not %s", func, numbered ? "1 " : "",
           typeNameOf(v).c_str());
    return false;
  }
  *out = asStr(v)->at(0);
  return true;
}

// ===========================================================================
// Properties

Value ucd_category(Value* args) {
  char32_t c;
  if (!charArg(args[1], "category", false, &c)) return Value();
  if (unassignedIn(args[0], c)) return newStr("Cn");
  if (const OldChange* o = isOld(args[0]) ? oldChange(c) : nullptr; o != nullptr && o->category != nullptr) {
    return newStr(o->category);
  }
  return newStr(kCategoryNames[recordOf(c).category]);
}

Value ucd_bidirectional(Value* args) {
  char32_t c;
  if (!charArg(args[1], "bidirectional", false, &c)) return Value();
  if (unassignedIn(args[0], c)) return newStr("");
  if (const OldChange* o = isOld(args[0]) ? oldChange(c) : nullptr; o != nullptr && o->bidirectional != nullptr) {
    return newStr(o->bidirectional);
  }
  return newStr(kBidiNames[recordOf(c).bidirectional]);
}

Value ucd_combining(Value* args) {
  char32_t c;
  if (!charArg(args[1], "combining", false, &c)) return Value();
  if (unassignedIn(args[0], c)) return newInt(0);
  return newInt(recordOf(c).combining);
}

Value ucd_east_asian_width(Value* args) {
  char32_t c;
  if (!charArg(args[1], "east_asian_width", false, &c)) return Value();
  if (unassignedIn(args[0], c)) return newStr(kEastAsianWidthNames[0]);
  if (const OldChange* o = isOld(args[0]) ? oldChange(c) : nullptr; o != nullptr && o->east_asian_width != nullptr) {
    return newStr(o->east_asian_width);
  }
  return newStr(kEastAsianWidthNames[recordOf(c).east_asian_width]);
}

Value ucd_mirrored(Value* args) {
  char32_t c;
  if (!charArg(args[1], "mirrored", false, &c)) return Value();
  if (unassignedIn(args[0], c)) return newInt(0);
  if (const OldChange* o = isOld(args[0]) ? oldChange(c) : nullptr; o != nullptr && o->mirrored >= 0) {
    return newInt(o->mirrored);
  }
  return newInt(recordOf(c).mirrored);
}

Value ucd_decomposition(Value* args) {
  char32_t c;
  if (!charArg(args[1], "decomposition", false, &c)) return Value();
  if (unassignedIn(args[0], c)) return newStr("");
  return newStr(decompositionOf(c));
}

Value ucd_decimal(Value* args) {
  char32_t c;
  if (!charArg(args[1], "decimal", true, &c)) return Value();
  int v = unassignedIn(args[0], c) ? -1 : objects::unicode::decimal_value(c);
  if (const OldChange* o = isOld(args[0]) ? oldChange(c) : nullptr; o != nullptr && o->decimal != -1) {
    v = o->decimal == -2 ? -1 : o->decimal;
  }
  if (v < 0) {
    if (args[2].isNull()) return raise(exc::ValueError, "not a decimal");
    return args[2];
  }
  return newInt(v);
}

Value ucd_digit(Value* args) {
  char32_t c;
  if (!charArg(args[1], "digit", true, &c)) return Value();
  // CPython's digit() consults no 3.2 record: characters new since 3.2 keep their digit value.
  int v = objects::unicode::digit_value(c);
  if (v < 0) {
    if (args[2].isNull()) return raise(exc::ValueError, "not a digit");
    return args[2];
  }
  return newInt(v);
}

Value ucd_numeric(Value* args) {
  char32_t c;
  if (!charArg(args[1], "numeric", true, &c)) return Value();
  std::optional<double> v;
  if (!unassignedIn(args[0], c)) v = objects::unicode::numeric_value(c);
  if (!v) {
    if (args[2].isNull()) return raise(exc::ValueError, "not a numeric character");
    return args[2];
  }
  return newFloat(*v);
}

// ===========================================================================
// Names

Value ucd_name(Value* args) {
  char32_t c;
  if (!charArg(args[1], "name", true, &c)) return Value();
  std::optional<std::string> name;
  if (!unassignedIn(args[0], c)) name = compiler::unicode_name_of(c);
  if (!name) {
    if (args[2].isNull()) return raise(exc::ValueError, "no such name");
    return args[2];
  }
  return newStr(*name);
}

Value ucd_lookup(Value* args) {
  Value arg = args[1];
  std::string name;
  if (isStr(arg)) {
    name = strToUtf8(arg);
  } else if (!bufferCopyBytes(arg, &name)) {
    return Value();
  }
  constexpr size_t kNameMaxLength = 256;
  if (name.size() > kNameMaxLength) return raiseKeyError(newStr("name too long"));
  bool old = isOld(args[0]);
  bool is_alias = false;
  std::optional<char32_t> code = compiler::lookup_unicode_name(name, &is_alias);
  // Unicode 3.2 has no aliases and fewer named characters; its computed names (Hangul syllables, CJK
  // unified ideographs) are not checked, as in CPython.
  bool computed = name.starts_with("HANGUL SYLLABLE ") || name.starts_with("CJK UNIFIED IDEOGRAPH-");
  if (code && old && !computed && (is_alias || !recordOf(*code).in_3_2)) code.reset();
  if (code) return strFromCodePoint(*code);
  if (!old) {
    // Named sequences, compared ASCII-case-insensitively like names.
    std::string upper = name;
    for (char& ch : upper)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    for (const NamedSequence& s : kNamedSequences) {
      if (upper == s.name) return newStrFromUcs4(std::u32string_view(s.codes, static_cast<size_t>(s.length)));
    }
  }
  Value shown = isStr(arg) ? arg : newStrReplacingInvalid(name);
  if (shown.isNull()) return shown;
  return raiseKeyError(newStr("undefined character name '" + strToUtf8(shown) + "'"));
}

// ===========================================================================
// Normalization

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

// Ordering and composition use today's combining classes in both databases, as CPython does.
int combiningOf(bool /*old*/, char32_t c) { return recordOf(c).combining; }

// Parses "<compat> 0041 0301" into its code points; false when the mapping
// is a compatibility one and `compat` is false (or there is none).
bool parseDecomposition(const char* text, bool compat, std::u32string* out) {
  std::string_view s(text);
  if (s.empty()) return false;
  if (s[0] == '<') {
    if (!compat) return false;
    size_t close = s.find("> ");
    s.remove_prefix(close + 2);
  }
  char32_t value = 0;
  bool have = false;
  for (char ch : s) {
    if (ch == ' ') {
      if (have) out->push_back(value);
      value = 0;
      have = false;
      continue;
    }
    int digit = ch <= '9' ? ch - '0' : ch - 'A' + 10;
    value = value * 16 + static_cast<char32_t>(digit);
    have = true;
  }
  if (have) out->push_back(value);
  return true;
}

void decomposeChar(bool old, char32_t c, bool compat, std::u32string* out) {
  if (c >= kSBase && c < kSBase + kSCount) {
    char32_t s = c - kSBase;
    out->push_back(kLBase + s / kNCount);
    out->push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out->push_back(kTBase + s % kTCount);
    return;
  }
  if (old) {
    for (const OldDecomposition& d : kOldDecompositions) {
      if (d.code == c) {
        decomposeChar(old, d.decomposition, compat, out);
        return;
      }
    }
  }
  std::u32string parts;
  if ((old && !recordOf(c).in_3_2) || !parseDecomposition(decompositionOf(c), compat, &parts)) {
    out->push_back(c);
    return;
  }
  for (char32_t p : parts) decomposeChar(old, p, compat, out);
}

std::u32string decompose(bool old, const std::u32string& text, bool compat) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) decomposeChar(old, c, compat, &out);
  // Canonical ordering: a stable sort of each run of non-starters.
  size_t i = 0;
  while (i < out.size()) {
    if (combiningOf(old, out[i]) == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < out.size() && combiningOf(old, out[j]) != 0) ++j;
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(j),
                     [old](char32_t a, char32_t b) { return combiningOf(old, a) < combiningOf(old, b); });
    i = j;
  }
  return out;
}

// Primary composites: (first << 21 | second) -> composite.
const std::unordered_map<uint64_t, char32_t>& compositions() {
  static const std::unordered_map<uint64_t, char32_t> table = [] {
    std::unordered_map<uint64_t, char32_t> out;
    for (char32_t c = 0; c < 0x110000; ++c) {
      const char* d = decompositionOf(c);
      if (d[0] == '\0' || d[0] == '<') continue;
      if (std::binary_search(std::begin(kCompositionExclusions), std::end(kCompositionExclusions), c)) continue;
      std::u32string parts;
      parseDecomposition(d, false, &parts);
      if (parts.size() != 2) continue;
      out[static_cast<uint64_t>(parts[0]) << 21 | parts[1]] = c;
    }
    return out;
  }();
  return table;
}

bool composePair(bool old, char32_t a, char32_t b, char32_t* out) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount) {
    *out = kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
    return true;
  }
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount) {
    *out = a + (b - kTBase);
    return true;
  }
  const auto& table = compositions();
  auto it = table.find(static_cast<uint64_t>(a) << 21 | b);
  if (it == table.end()) return false;
  (void)old;
  *out = it->second;
  return true;
}

void compose(bool old, std::u32string* s) {
  if (s->empty()) return;
  size_t starter = 0;
  int last_class = combiningOf(old, (*s)[0]) == 0 ? 0 : 256;
  bool have_starter = last_class == 0;
  size_t out = 1;
  for (size_t i = 1; i < s->size(); ++i) {
    char32_t c = (*s)[i];
    int cls = combiningOf(old, c);
    char32_t composite;
    if (have_starter && (last_class < cls || last_class == 0) && composePair(old, (*s)[starter], c, &composite)) {
      (*s)[starter] = composite;
      continue;
    }
    if (cls == 0) {
      starter = out;
      have_starter = true;
    }
    last_class = cls;
    (*s)[out++] = c;
  }
  s->resize(out);
}

// The form's flags; false with ValueError for an unknown form.
bool parseForm(Value form, bool* compose_it, bool* compat) {
  std::string f = strToUtf8(form);
  if (f == "NFC") {
    *compose_it = true;
    *compat = false;
  } else if (f == "NFKC") {
    *compose_it = true;
    *compat = true;
  } else if (f == "NFD") {
    *compose_it = false;
    *compat = false;
  } else if (f == "NFKD") {
    *compose_it = false;
    *compat = true;
  } else {
    raise(exc::ValueError, "invalid normalization form");
    return false;
  }
  return true;
}

// normalize(form, unistr) as code points; false on a bad argument.
bool normalized(Value* args, const char* func, std::u32string* in, std::u32string* out) {
  if (!argStr(args[1], func, "1") || !argStr(args[2], func, "2")) return false;
  bool compose_it, compat;
  if (!parseForm(args[1], &compose_it, &compat)) return false;
  bool old = isOld(args[0]);
  *in = strToUcs4(args[2]);
  *out = decompose(old, *in, compat);
  if (compose_it) compose(old, out);
  return true;
}

Value ucd_normalize(Value* args) {
  std::u32string in, out;
  if (!normalized(args, "normalize", &in, &out)) return Value();
  if (in == out) {
    if (isExactStr(args[2])) return args[2];
    return newStrFromUcs4(in);
  }
  return newStrFromUcs4(out);
}

Value ucd_is_normalized(Value* args) {
  std::u32string in, out;
  if (!normalized(args, "is_normalized", &in, &out)) return Value();
  return Bool(in == out);
}

// ===========================================================================
// Tables

#define TERN_UCD_METHODS(SELF)                                                                                   \
  {.name = "decimal",                                                                                            \
   .signature = "(" SELF ", chr, default=<unrepresentable>, /)",                                                 \
   .fn = ucd_decimal,                                                                                            \
   .doc =                                                                                                        \
       "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned "  \
       "to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\n" \
       "ValueError is raised."},                                                                                 \
      {.name = "digit",                                                                                          \
       .signature = "(" SELF ", chr, default=<unrepresentable>, /)",                                             \
       .fn = ucd_digit,                                                                                          \
       .doc =                                                                                                    \
           "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned "  \
           "to the character chr as integer.\nIf no such value is defined, default is returned, or, if not "     \
           "given,\nValueError is raised."},                                                                     \
      {.name = "numeric",                                                                                        \
       .signature = "(" SELF ", chr, default=<unrepresentable>, /)",                                             \
       .fn = ucd_numeric,                                                                                        \
       .doc =                                                                                                    \
           "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value "       \
           "assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if "  \
           "not given,\nValueError is raised."},                                                                 \
      {.name = "category",                                                                                       \
       .signature = "(" SELF ", chr, /)",                                                                        \
       .fn = ucd_category,                                                                                       \
       .doc = "Returns the general category assigned to the character chr as string."},                          \
      {.name = "bidirectional",                                                                                  \
       .signature = "(" SELF ", chr, /)",                                                                        \
       .fn = ucd_bidirectional,                                                                                  \
       .doc =                                                                                                    \
           "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is "    \
           "defined, an empty string is returned."},                                                             \
      {.name = "combining",                                                                                      \
       .signature = "(" SELF ", chr, /)",                                                                        \
       .fn = ucd_combining,                                                                                      \
       .doc =                                                                                                    \
           "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if "    \
           "no combining class is defined."},                                                                    \
      {.name = "mirrored",                                                                                       \
       .signature = "(" SELF ", chr, /)",                                                                        \
       .fn = ucd_mirrored,                                                                                       \
       .doc =                                                                                                    \
           "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the "        \
           "character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."},    \
      {.name = "east_asian_width",                                                                               \
       .signature = "(" SELF ", chr, /)",                                                                        \
       .fn = ucd_east_asian_width,                                                                               \
       .doc = "Returns the east asian width assigned to the character chr as string."},                          \
      {.name = "decomposition",                                                                                  \
       .signature = "(" SELF ", chr, /)",                                                                        \
       .fn = ucd_decomposition,                                                                                  \
       .doc =                                                                                                    \
           "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty "   \
           "string is returned in case no such mapping is defined."},                                            \
      {.name = "is_normalized",                                                                                  \
       .signature = "(" SELF ", form, unistr, /)",                                                               \
       .fn = ucd_is_normalized,                                                                                  \
       .doc =                                                                                                    \
           "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form "    \
           "are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},                                                             \
      {.name = "normalize",                                                                                      \
       .signature = "(" SELF ", form, unistr, /)",                                                               \
       .fn = ucd_normalize,                                                                                      \
       .doc =                                                                                                    \
           "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', "   \
           "'NFKC', 'NFD', and 'NFKD'."},                                                                        \
      {.name = "name",                                                                                           \
       .signature = "(" SELF ", chr, default=<unrepresentable>, /)",                                             \
       .fn = ucd_name,                                                                                           \
       .doc =                                                                                                    \
           "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is "   \
           "returned, or, if not given,\nValueError is raised."},                                                \
      {.name = "lookup",                                                                                         \
       .signature = "(" SELF ", name, /)",                                                                       \
       .fn = ucd_lookup,                                                                                         \
       .doc =                                                                                                    \
           "Look up character by name.\n\nIf a character with the given name is found, return the\n"             \
           "corresponding character.  If not found, KeyError is raised."},

const MethodDef kUnicodedataFunctions[] = {TERN_UCD_METHODS("$module")};
const MethodDef kUcdMethods[] = {TERN_UCD_METHODS("$self")};
#undef TERN_UCD_METHODS

Value ucd_get_unidata_version(Value) { return newStr("3.2.0"); }
const GetSetDef kUcdGetSets[] = {{.name = "unidata_version", .get = ucd_get_unidata_version}};

const uint32_t kUcdFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kUcdLayout = {.name = "unicodedata.UCD", .fields = kUcdFields};

const TypeSpec kUcdSpec = {
    .name = "UCD",
    .module = "unicodedata",
    .type = &g_ucd_type,
    .layout = &kUcdLayout,
    .basic_size = sizeof(UcdObj),
    .methods = kUcdMethods,
    .getsets = kUcdGetSets,
};
TERN_REGISTER_TYPE(kUcdSpec);

bool unicodedataInit(Value module) {
  Value d = moduleDict(module);
  Value version = newStr("14.0.0");
  if (version.isNull() || dictSet(d, internStr("unidata_version"), version) < 0) return false;
  if (dictSet(d, internStr("UCD"), typeValue(g_ucd_type)) < 0) return false;
  Value old = Value(newObject(g_ucd_type, sizeof(UcdObj)));
  return dictSet(d, internStr("ucd_3_2_0"), old) == 0;
}

const NativeModuleDef kUnicodedataModule = {
    .name = "unicodedata",
    .methods = kUnicodedataFunctions,
    .init = unicodedataInit,
    .doc =
        "This module provides access to the Unicode Character Database which\ndefines character properties for "
        "all Unicode characters. The data in this database\nis based on the UnicodeData.txt file version\n14.0.0 "
        "which is publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols "
        "as defined by the\nUnicodeData File Format 14.0.0.",
};
TERN_REGISTER_MODULE(kUnicodedataModule);

}  // namespace

}  // namespace tern
