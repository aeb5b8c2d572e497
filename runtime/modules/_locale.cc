// The _locale module: POSIX locales for locale.py — setlocale, localeconv,
// nl_langinfo and its constants, strcoll/strxfrm (over wide strings, as
// CPython does), getencoding, and the gettext family (gettext, dgettext,
// dcgettext, textdomain, bindtextdomain, bind_textdomain_codeset).
//
// CPython sets LC_CTYPE from the environment at start-up (coercing the C
// locale to C.UTF-8, PEP 538); Tern does it when _locale is first imported,
// so that setlocale() queries and nl_langinfo(CODESET) answer as CPython's
// do.  getencoding() always returns "UTF-8": Tern's text I/O uses UTF-8
// whatever the locale says (docs/differences.md).  Strings from the C
// library are decoded as UTF-8 with surrogateescape.
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <errno.h>
#include <wchar.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

gc::GlobalRoot g_locale_error;  // locale.Error

Value raiseLocaleError(const char* message) {
  return raise(static_cast<Type*>(g_locale_error.get().asObject()), message);
}

Value decode(const char* s) { return posix::fsDecode(s == nullptr ? "" : s); }

// A str argument as UTF-8 without NUL (clinic's "str" converter).
bool strArg(Value v, const char* message_prefix, std::string* out) {
  if (!isStr(v)) {
    raisef(exc::TypeError, "%s, not %s", message_prefix, typeNameOf(v).c_str());
    return false;
  }
  if (!posix::fsEncode(v, out)) return false;
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

// A str as a NUL-terminated wide string (PyUnicode_AsWideCharString).
bool wideArg(Value v, const char* message_prefix, std::wstring* out) {
  if (!isStr(v)) {
    raisef(exc::TypeError, "%s, not %s", message_prefix, typeNameOf(v).c_str());
    return false;
  }
  std::u32string units = strToUcs4(v);
  out->assign(units.begin(), units.end());
  if (out->find(L'\0') != std::wstring::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

Value _locale_setlocale(Value* args) {
  int category;
  if (!argCInt(args[1], &category)) return Value();
  Value locale = args[2];
  if (!locale.isNull() && !isNone(locale)) {
    std::string name;
    if (!strArg(locale, "setlocale() argument 2 must be str or None", &name)) return Value();
    const char* result = setlocale(category, name.c_str());
    if (result == nullptr) return raiseLocaleError("unsupported locale setting");
    return decode(result);
  }
  const char* result = setlocale(category, nullptr);
  if (result == nullptr) return raiseLocaleError("locale query failed");
  return decode(result);
}

// The grouping list: the bytes up to and including the terminating 0 or CHAR_MAX.
Value groupingList(const char* s) {
  Value list = newList();
  if (list.isNull() || s[0] == '\0') return list;
  int i = -1;
  do {
    ++i;
    if (!listAppend(list, newInt(static_cast<signed char>(s[i])))) return Value();
  } while (s[i] != '\0' && s[i] != CHAR_MAX);
  return list;
}

Value _locale_localeconv(Value*) {
  const struct lconv* lc = localeconv();
  // Copy what we need before allocating: localeconv's buffer may be reused.
  struct Text {
    const char* key;
    std::string value;
  };
  Text texts[] = {{"int_curr_symbol", lc->int_curr_symbol},     {"currency_symbol", lc->currency_symbol},
                  {"mon_decimal_point", lc->mon_decimal_point}, {"mon_thousands_sep", lc->mon_thousands_sep},
                  {"positive_sign", lc->positive_sign},         {"negative_sign", lc->negative_sign},
                  {"decimal_point", lc->decimal_point},         {"thousands_sep", lc->thousands_sep}};
  std::string mon_grouping = lc->mon_grouping, grouping = lc->grouping;
  struct Num {
    const char* key;
    int value;
  };
  Num nums[] = {{"int_frac_digits", lc->int_frac_digits}, {"frac_digits", lc->frac_digits},
                {"p_cs_precedes", lc->p_cs_precedes},     {"p_sep_by_space", lc->p_sep_by_space},
                {"n_cs_precedes", lc->n_cs_precedes},     {"n_sep_by_space", lc->n_sep_by_space},
                {"p_sign_posn", lc->p_sign_posn},         {"n_sign_posn", lc->n_sign_posn}};
  Value d = newDict();
  if (d.isNull()) return d;
  auto put = [&](const char* key, Value v) { return !v.isNull() && dictSet(d, internStr(key), v) == 0; };
  // CPython's key order.
  bool ok = put(texts[0].key, decode(texts[0].value.c_str())) && put(texts[1].key, decode(texts[1].value.c_str())) &&
            put(texts[2].key, decode(texts[2].value.c_str())) && put(texts[3].key, decode(texts[3].value.c_str())) &&
            put("mon_grouping", groupingList(mon_grouping.c_str())) &&
            put(texts[4].key, decode(texts[4].value.c_str())) && put(texts[5].key, decode(texts[5].value.c_str()));
  for (const Num& n : nums) ok = ok && put(n.key, newInt(static_cast<signed char>(n.value)));
  ok = ok && put(texts[6].key, decode(texts[6].value.c_str())) && put(texts[7].key, decode(texts[7].value.c_str())) &&
       put("grouping", groupingList(grouping.c_str()));
  return ok ? d : Value();
}

struct LanginfoConstant {
  const char* name;
  nl_item value;
};

const LanginfoConstant kLanginfo[] = {
    {"ABDAY_1", ABDAY_1},
    {"ABDAY_2", ABDAY_2},
    {"ABDAY_3", ABDAY_3},
    {"ABDAY_4", ABDAY_4},
    {"ABDAY_5", ABDAY_5},
    {"ABDAY_6", ABDAY_6},
    {"ABDAY_7", ABDAY_7},
    {"ABMON_1", ABMON_1},
    {"ABMON_10", ABMON_10},
    {"ABMON_11", ABMON_11},
    {"ABMON_12", ABMON_12},
    {"ABMON_2", ABMON_2},
    {"ABMON_3", ABMON_3},
    {"ABMON_4", ABMON_4},
    {"ABMON_5", ABMON_5},
    {"ABMON_6", ABMON_6},
    {"ABMON_7", ABMON_7},
    {"ABMON_8", ABMON_8},
    {"ABMON_9", ABMON_9},
    {"ALT_DIGITS", ALT_DIGITS},
    {"AM_STR", AM_STR},
    {"CODESET", CODESET},
    {"CRNCYSTR", CRNCYSTR},
    {"DAY_1", DAY_1},
    {"DAY_2", DAY_2},
    {"DAY_3", DAY_3},
    {"DAY_4", DAY_4},
    {"DAY_5", DAY_5},
    {"DAY_6", DAY_6},
    {"DAY_7", DAY_7},
    {"D_FMT", D_FMT},
    {"D_T_FMT", D_T_FMT},
    {"ERA", ERA},
    {"ERA_D_FMT", ERA_D_FMT},
    {"ERA_D_T_FMT", ERA_D_T_FMT},
    {"ERA_T_FMT", ERA_T_FMT},
    {"MON_1", MON_1},
    {"MON_10", MON_10},
    {"MON_11", MON_11},
    {"MON_12", MON_12},
    {"MON_2", MON_2},
    {"MON_3", MON_3},
    {"MON_4", MON_4},
    {"MON_5", MON_5},
    {"MON_6", MON_6},
    {"MON_7", MON_7},
    {"MON_8", MON_8},
    {"MON_9", MON_9},
    {"NOEXPR", NOEXPR},
    {"PM_STR", PM_STR},
    {"RADIXCHAR", RADIXCHAR},
    {"THOUSEP", THOUSEP},
    {"T_FMT", T_FMT},
    {"T_FMT_AMPM", T_FMT_AMPM},
    {"YESEXPR", YESEXPR},
    {"_DATE_FMT", _DATE_FMT},
};

Value _locale_nl_langinfo(Value* args) {
  int key;
  if (!argCInt(args[1], &key)) return Value();
  for (const LanginfoConstant& c : kLanginfo) {
    if (c.value == key) return decode(nl_langinfo(static_cast<nl_item>(key)));
  }
  return raise(exc::ValueError, "unsupported langinfo constant");
}

Value _locale_strcoll(Value* args) {
  std::wstring a, b;
  if (!wideArg(args[1], "strcoll() argument 1 must be str", &a) ||
      !wideArg(args[2], "strcoll() argument 2 must be str", &b)) {
    return Value();
  }
  return newInt(wcscoll(a.c_str(), b.c_str()));
}

Value _locale_strxfrm(Value* args) {
  std::wstring s;
  if (!wideArg(args[1], "strxfrm() argument must be str", &s)) return Value();
  size_t n = wcsxfrm(nullptr, s.c_str(), 0);
  if (n == static_cast<size_t>(-1)) return posix::raiseErrno(errno);
  std::wstring out(n + 1, L'\0');
  wcsxfrm(out.data(), s.c_str(), n + 1);
  out.resize(n);
  std::u32string units(out.begin(), out.end());
  return newStrFromUcs4(units);
}

Value _locale_getencoding(Value*) { return newStr("UTF-8"); }

// A domain: str (no NUL) or None (null pointer).
bool domainArg(Value v, const char* message_prefix, std::string* out, bool* is_none) {
  *is_none = isNone(v);
  if (*is_none) return true;
  return strArg(v, message_prefix, out);
}

Value _locale_gettext(Value* args) {
  std::string msg;
  if (!strArg(args[1], "gettext() argument must be str", &msg)) return Value();
  return decode(gettext(msg.c_str()));
}

Value _locale_dgettext(Value* args) {
  std::string domain, msg;
  bool none;
  if (!domainArg(args[1], "dgettext() argument 1 must be str or None", &domain, &none) ||
      !strArg(args[2], "dgettext() argument 2 must be str", &msg)) {
    return Value();
  }
  return decode(dgettext(none ? nullptr : domain.c_str(), msg.c_str()));
}

Value _locale_dcgettext(Value* args) {
  std::string domain, msg;
  bool none;
  int category;
  if (!domainArg(args[1], "dcgettext() argument 1 must be str or None", &domain, &none) ||
      !strArg(args[2], "dcgettext() argument 2 must be str", &msg) || !argCInt(args[3], &category)) {
    return Value();
  }
  return decode(dcgettext(none ? nullptr : domain.c_str(), msg.c_str(), category));
}

Value _locale_textdomain(Value* args) {
  std::string domain;
  bool none;
  if (!domainArg(args[1], "textdomain() argument must be str or None", &domain, &none)) return Value();
  const char* current = textdomain(none ? nullptr : domain.c_str());
  if (current == nullptr) return posix::raiseErrno(errno);
  return decode(current);
}

Value _locale_bindtextdomain(Value* args) {
  std::string domain;
  if (!strArg(args[1], "bindtextdomain() argument 1 must be str", &domain)) return Value();
  if (domain.empty()) return raiseLocaleError("domain must be a non-empty string");
  std::string dir;
  bool have_dir = !isNone(args[2]);
  if (have_dir) {
    // PyUnicode_FSConverter: str, bytes or os.PathLike.
    Value path = args[2];
    if (!isStr(path) && !isBytes(path) && lookupSpecial(typeOf(path), internStr("__fspath__")).isNull()) {
      if (errorPending()) return Value();
      return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", typeNameOf(path).c_str());
    }
    posix::PathArg p("bindtextdomain", "dir");
    if (!posix::convertPath(path, &p)) return Value();
    dir = p.path;
  }
  const char* current = bindtextdomain(domain.c_str(), have_dir ? dir.c_str() : nullptr);
  if (current == nullptr) return posix::raiseErrno(errno);
  return decode(current);
}

Value _locale_bind_textdomain_codeset(Value* args) {
  std::string domain, codeset;
  bool none;
  if (!strArg(args[1], "bind_textdomain_codeset() argument 1 must be str", &domain) ||
      !domainArg(args[2], "bind_textdomain_codeset() argument 2 must be str or None", &codeset, &none)) {
    return Value();
  }
  errno = 0;
  const char* current = bind_textdomain_codeset(domain.c_str(), none ? nullptr : codeset.c_str());
  if (current == nullptr) {
    if (errno != 0) return posix::raiseErrno(errno);
    return None();
  }
  return decode(current);
}

const MethodDef kLocaleFunctions[] = {
    {.name = "setlocale",
     .signature = "($module, category, locale=<unrepresentable>, /)",
     .fn = _locale_setlocale,
     .doc = "Activates/queries locale processing."},
    {.name = "localeconv",
     .signature = "($module, /)",
     .fn = _locale_localeconv,
     .doc = "Returns numeric and monetary locale-specific parameters."},
    {.name = "strcoll",
     .signature = "($module, os1, os2, /)",
     .fn = _locale_strcoll,
     .doc = "Compares two strings according to the locale."},
    {.name = "strxfrm",
     .signature = "($module, string, /)",
     .fn = _locale_strxfrm,
     .doc = "Return a string that can be used as a key for locale-aware comparisons."},
    {.name = "nl_langinfo",
     .signature = "($module, key, /)",
     .fn = _locale_nl_langinfo,
     .doc = "Return the value for the locale information associated with key."},
    {.name = "gettext",
     .signature = "($module, msg, /)",
     .fn = _locale_gettext,
     .doc = "gettext(msg) -> string\n\nReturn translation of msg."},
    {.name = "dgettext",
     .signature = "($module, domain, msg, /)",
     .fn = _locale_dgettext,
     .doc = "dgettext(domain, msg) -> string\n\nReturn translation of msg in domain."},
    {.name = "dcgettext",
     .signature = "($module, domain, msg, category, /)",
     .fn = _locale_dcgettext,
     .doc = "Return translation of msg in domain and category."},
    {.name = "textdomain",
     .signature = "($module, domain, /)",
     .fn = _locale_textdomain,
     .doc = "Set the C library's textdmain to domain, returning the new domain."},
    {.name = "bindtextdomain",
     .signature = "($module, domain, dir, /)",
     .fn = _locale_bindtextdomain,
     .doc = "Bind the C library's domain to dir."},
    {.name = "bind_textdomain_codeset",
     .signature = "($module, domain, codeset, /)",
     .fn = _locale_bind_textdomain_codeset,
     .doc = "Bind the C library's domain to codeset."},
    {.name = "getencoding",
     .signature = "($module, /)",
     .fn = _locale_getencoding,
     .doc = "Get the current locale encoding."},
};

// What CPython does for LC_CTYPE at start-up, done once.
void initCtypeFromEnvironment() {
  static bool done = false;
  if (done) return;
  done = true;
  const char* r = setlocale(LC_CTYPE, "");
  if (r == nullptr || std::strcmp(r, "C") == 0 || std::strcmp(r, "POSIX") == 0) {
    if (setlocale(LC_CTYPE, "C.UTF-8") == nullptr) setlocale(LC_CTYPE, "C");
  }
}

bool localeInit(Value module) {
  initCtypeFromEnvironment();
  if (g_locale_error.get().isNull()) {
    Value error = newModuleException("locale", "Error", exc::Exception);
    if (error.isNull()) return false;
    g_locale_error.set(error);
  }
  if (!setModuleAttr(module, "Error", g_locale_error.get())) return false;
  const LanginfoConstant categories[] = {{"LC_CTYPE", LC_CTYPE},       {"LC_TIME", LC_TIME},
                                         {"LC_COLLATE", LC_COLLATE},   {"LC_MONETARY", LC_MONETARY},
                                         {"LC_MESSAGES", LC_MESSAGES}, {"LC_NUMERIC", LC_NUMERIC},
                                         {"LC_ALL", LC_ALL}};
  for (const LanginfoConstant& c : categories) {
    if (!setModuleInt(module, c.name, c.value)) return false;
  }
  if (!setModuleInt(module, "CHAR_MAX", CHAR_MAX)) return false;
  for (const LanginfoConstant& c : kLanginfo) {
    if (!setModuleInt(module, c.name, c.value)) return false;
  }
  return true;
}

const NativeModuleDef kLocaleModule = {
    .name = "_locale",
    .methods = kLocaleFunctions,
    .init = localeInit,
    .doc = "Support for POSIX locales.",
};
TERN_REGISTER_MODULE(kLocaleModule);

}  // namespace

}  // namespace tern
