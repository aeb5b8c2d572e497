// Native functions: parsing __text_signature__ strings into parameter lists
// (once per MethodDef), binding calls to them with CPython's TypeErrors, and
// the descriptor types that expose natives to Python:
// builtin_function_or_method, method_descriptor, classmethod_descriptor,
// wrapper_descriptor, method-wrapper, getset_descriptor, member_descriptor.
//
// Invariants: a NativeSig is created once per MethodDef and never freed (the
// defs are static); its default values live in g_sig_values (a root), so
// they stay valid when the collector moves them.  Descriptor objects keep
// their def/sig pointers as raw words (static memory, never heap).
#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <locale.h>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/slots.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

const char* (*g_raw_method_doc)(const MethodDef* def) = nullptr;
const char* (*g_raw_getset_doc)(const GetSetDef* def) = nullptr;

// ===========================================================================
// Signatures

enum class ParamKind : uint8_t { kPosOnly, kPosOrKw, kVarPos, kKwOnly, kVarKw };

struct NativeParam {
  size_t name_index = 0;  // interned name in g_sig_values
  ParamKind kind = ParamKind::kPosOrKw;
  bool required = true;
  bool unrepresentable = false;
  size_t default_index = 0;  // in g_sig_values when !required && !unrepresentable
};

struct NativeSig {
  bool has_self = false;
  std::vector<NativeParam> params;
  size_t n_positional = 0;  // posonly + pos-or-kw
  size_t min_positional = 0;
  size_t n_kwonly = 0;
  int var_pos = -1;
  int var_kw = -1;
  bool takes_keywords = false;
  // No *args, **kwargs or required keyword-only parameter: a call without
  // keywords of an accepted arity binds by copying (bind's fast path).
  bool simple = false;
};

namespace {

gc::RootVector* g_sig_values = nullptr;
std::unordered_map<const MethodDef*, NativeSig*>* g_sigs = nullptr;
// Keyed by the signature's text, which lives as long as its static def.
auto* g_sigs_by_text = new std::unordered_map<std::string_view, NativeSig*>();

size_t keepValue(Value v) {
  if (g_sig_values == nullptr) g_sig_values = new gc::RootVector();
  g_sig_values->push_back(v);
  return g_sig_values->size() - 1;
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
  return s;
}

// A quoted default ('abc' or "abc") with \n \t \r \0 and \x for any other x.
Value parseQuotedDefault(std::string_view text) {
  std::string out;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (c != '\\' || i + 2 >= text.size()) {
      out += c;
      continue;
    }
    switch (char n = text[++i]) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      default: out += n; break;
    }
  }
  return newStr(out);
}

// A number written as a default (an int in range, or a float), or null.
Value parseNumericDefault(std::string_view text) {
  if (text.empty() || text.size() > 64) return Value();
  char buf[65];
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  char* end = nullptr;
  errno = 0;
  long long n = std::strtoll(buf, &end, 10);
  if (*end == '\0' && errno == 0) return newInt(n);
  // The C locale: signatures may first be parsed after setlocale(LC_ALL, "de_DE").
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  double d = strtod_l(buf, &end, c_locale);
  if (*end == '\0') return newFloat(d);
  return Value();
}

// A default written in a signature, or null when it is not one we know.
Value parseDefault(std::string_view text, bool* unrepresentable) {
  *unrepresentable = false;
  if (text == "<unrepresentable>") {
    *unrepresentable = true;
    return Value();
  }
  if (text == "None") return None();
  if (text == "True") return True();
  if (text == "False") return False();
  if (text == "()") return newTuple(0);
  if (text == "sys.maxsize") return newInt(INT64_MAX);
  if (!text.empty() && (text[0] == '\'' || text[0] == '"')) return parseQuotedDefault(text);
  return parseNumericDefault(text);
}

// The next parameter of a signature's body at `*pos`, split at a top-level
// comma (defaults may hold quoted commas or parentheses), trimmed.
std::string_view nextParam(std::string_view body, size_t* pos) {
  size_t start = *pos, i = start;
  int depth = 0;
  char quote = 0;
  for (; i < body.size(); ++i) {
    char c = body[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '(' || c == '[' || c == '<') ++depth;
    if (c == ')' || c == ']' || c == '>') --depth;
    if (c == ',' && depth == 0) break;
  }
  *pos = i + 1;
  return trim(body.substr(start, i - start));
}

// The parameter `p` (not $self, / or a bare *).
NativeParam parseParam(const MethodDef* def, std::string_view p, bool* kwonly) {
  NativeParam param;
  std::string_view name;
  if (p.starts_with("**")) {
    param.kind = ParamKind::kVarKw;
    name = p.substr(2);
    param.required = false;
  } else if (p[0] == '*') {
    param.kind = ParamKind::kVarPos;
    name = p.substr(1);
    param.required = false;
    *kwonly = true;
  } else {
    param.kind = *kwonly ? ParamKind::kKwOnly : ParamKind::kPosOrKw;
    size_t eq = p.find('=');
    name = trim(p.substr(0, eq));
    if (eq != std::string_view::npos) {
      std::string_view dtext = trim(p.substr(eq + 1));
      param.required = false;
      Value dv = parseDefault(dtext, &param.unrepresentable);
      if (dv.isNull() && !param.unrepresentable) {
        // A C function's (raw) defaults only document it, and may name module globals.
        if (def->raw == nullptr) {
          std::fprintf(stderr, "tern: %s: default '%.*s' not understood; treated as <unrepresentable>\n",
                       def->name, static_cast<int>(dtext.size()), dtext.data());
        }
        param.unrepresentable = true;
      }
      if (!dv.isNull()) param.default_index = keepValue(dv);
    }
  }
  // Annotations are not expected, but be tolerant.
  if (size_t colon = name.find(':'); colon != std::string_view::npos) name = trim(name.substr(0, colon));
  param.name_index = keepValue(internStr(name));
  return param;
}

// The counts and flags bind() reads, from the parameter list.
void summarize(NativeSig* sig) {
  for (size_t i = 0; i < sig->params.size(); ++i) {
    const NativeParam& q = sig->params[i];
    switch (q.kind) {
      case ParamKind::kPosOnly:
      case ParamKind::kPosOrKw:
        ++sig->n_positional;
        if (q.required) sig->min_positional = sig->n_positional;
        if (q.kind == ParamKind::kPosOrKw) sig->takes_keywords = true;
        break;
      case ParamKind::kVarPos:
        sig->var_pos = static_cast<int>(i);
        break;
      case ParamKind::kKwOnly:
        ++sig->n_kwonly;
        sig->takes_keywords = true;
        break;
      case ParamKind::kVarKw:
        sig->var_kw = static_cast<int>(i);
        sig->takes_keywords = true;
        break;
    }
  }
  sig->simple = sig->var_pos < 0 && sig->var_kw < 0 &&
                std::none_of(sig->params.begin(), sig->params.end(),
                             [](const NativeParam& q) { return q.kind == ParamKind::kKwOnly && q.required; });
}

NativeSig* parseSignature(const MethodDef* def, std::string_view s) {
  auto* sig = new NativeSig();
  size_t open = s.find('('), close = s.rfind(')');
  std::string_view body = open == std::string_view::npos ? std::string_view() : s.substr(open + 1, close - open - 1);
  bool kwonly = false;
  for (size_t pos = 0; pos < body.size();) {
    std::string_view p = nextParam(body, &pos);
    if (p.empty()) continue;
    if (p[0] == '$') {
      sig->has_self = true;
    } else if (p == "/") {
      for (NativeParam& q : sig->params)
        if (q.kind == ParamKind::kPosOrKw) q.kind = ParamKind::kPosOnly;
    } else if (p == "*") {
      kwonly = true;
    } else {
      sig->params.push_back(parseParam(def, p, &kwonly));
    }
  }
  summarize(sig);
  return sig;
}

}  // namespace

NativeSig* nativeSig(const MethodDef* def) {
  if (g_sigs == nullptr) {
    // Sized for the builtin types' and modules' methods (~1,800), made at start-up.
    g_sigs = new std::unordered_map<const MethodDef*, NativeSig*>(4096);
    g_sigs_by_text->reserve(2048);
  }
  auto it = g_sigs->find(def);
  if (it != g_sigs->end()) return it->second;
  // Many defs share a signature text ("($self, /)"): one parse each.
  std::string_view text = def->signature != nullptr ? def->signature : "($self, /, *args, **kwargs)";
  auto [by_text, fresh] = g_sigs_by_text->try_emplace(text, nullptr);
  if (fresh) by_text->second = parseSignature(def, text);
  g_sigs->emplace(def, by_text->second);
  return by_text->second;
}

namespace {

Value sigValue(size_t i) { return (*g_sig_values)[i]; }

// The name CPython's METH_O / METH_NOARGS / METH_FASTCALL messages use
// (_PyObject_FunctionStr): "list.append" for a method, "len" for a function
// of builtins, "math.sqrt" for a function of another module.
std::string qualifiedName(const MethodDef* def, Value self) {
  if (self.isNull()) return def->name;
  if (self.isObject() && typeOf(self) == types::module_type) {
    // A method of the module type bound to a module (sys.__dir__) has no
    // __module__: its bare name.
    if (def->signature != nullptr && std::strncmp(def->signature, "($self", 6) == 0) return def->name;
    std::string m = moduleName(self);
    return m == "builtins" ? std::string(def->name) : m + "." + def->name;
  }
  Type* t = self.isObject() && hasTypeFlag(self, type_flags::kTypeSubclass) ? static_cast<Type*>(self.asObject())
                                                                            : typeOf(self);
  return typeBareName(t) + "." + def->name;
}

const char* plural(size_t n) { return n == 1 ? "" : "s"; }

// Arity errors of a function without keyword parameters; the wording
// depends on how CPython parses its arguments (method_flags in native.h).
bool positionalArityError(const MethodDef* def, const NativeSig* sig, Value self, size_t nargs) {
  size_t max = sig->n_positional;
  size_t min = sig->min_positional;
  bool unbounded = sig->var_pos >= 0;
  if (def->flags & method_flags::kOptionalGroups) {
    raisef(exc::TypeError, "%s requires %zu to %zu arguments", qualifiedName(def, self).c_str(), min, max);
    return false;
  }
  if (def->flags & method_flags::kLegacyArity) {
    // PyArg_ParseTuple's "f() takes exactly 2 arguments (1 given)".
    size_t n = nargs < min ? min : max;
    const char* how = (min == max && !unbounded) ? "exactly" : nargs < min ? "at least" : "at most";
    raisef(exc::TypeError, "%s() takes %s %zu argument%s (%zu given)", def->name, how, n, plural(n), nargs);
    return false;
  }
  if (max == 0 && !unbounded) {
    raisef(exc::TypeError, "%s() takes no arguments (%zu given)", qualifiedName(def, self).c_str(), nargs);
    return false;
  }
  if (max == 1 && min == 1 && !unbounded) {
    raisef(exc::TypeError, "%s() takes exactly one argument (%zu given)", qualifiedName(def, self).c_str(), nargs);
    return false;
  }
  // Argument Clinic's _PyArg_CheckPositional.
  std::string name = (def->flags & method_flags::kQualifiedArity) ? qualifiedName(def, self) : def->name;
  if (nargs < min) {
    raisef(exc::TypeError, "%s expected %s%zu argument%s, got %zu", name.c_str(),
           (min == max && !unbounded) ? "" : "at least ", min, plural(min), nargs);
  } else {
    raisef(exc::TypeError, "%s expected %s%zu argument%s, got %zu", name.c_str(), min == max ? "" : "at most ", max,
           plural(max), nargs);
  }
  return false;
}

// `via_descriptor`: called through the method descriptor (`s.find(x=1)`,
// `str.find(s, x=1)`), where CPython's METH_VARARGS check qualifies the name
// too; a bound builtin object's check does not.
bool noKeywordsError(const MethodDef* def, Value self, bool via_descriptor) {
  bool bare = (def->flags & method_flags::kVarArgs) != 0 && !via_descriptor;
  raisef(exc::TypeError, "%s() takes no keyword arguments", bare ? def->name : qualifiedName(def, self).c_str());
  return false;
}

// Arity errors of a function with keyword parameters, checked before any
// keyword is matched (getargs.c's _PyArg_UnpackKeywords, in its order).
bool keywordArityError(const MethodDef* def, const NativeSig* sig, size_t nargs, size_t nk) {
  const char* name = def->name;
  size_t maxargs = sig->n_positional + sig->n_kwonly;
  if (sig->var_pos < 0 && sig->var_kw < 0 && nargs + nk > maxargs) {
    raisef(exc::TypeError, "%s() takes at most %zu %sargument%s (%zu given)", name, maxargs,
           nargs == 0 ? "keyword " : "", plural(maxargs), nargs + nk);
    return false;
  }
  if (sig->var_pos < 0 && nargs > sig->n_positional) {
    if (sig->n_positional == 0) {
      raisef(exc::TypeError, "%s() takes no positional arguments", name);
    } else {
      raisef(exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", name,
             sig->min_positional < sig->n_positional ? "at most" : "exactly", sig->n_positional,
             plural(sig->n_positional), nargs);
    }
    return false;
  }
  // Required positional-only parameters cannot come as keywords.
  size_t posonly = 0;
  while (posonly < sig->params.size() && sig->params[posonly].kind == ParamKind::kPosOnly) ++posonly;
  size_t min_posonly = std::min(posonly, sig->min_positional);
  if (nargs < min_posonly && sig->var_pos >= 0) {
    // (obj, /, *args, **kwargs) is parsed by hand: _PyArg_CheckPositional.
    raisef(exc::TypeError, "%s expected at least %zu argument%s, got %zu", name, min_posonly, plural(min_posonly),
           nargs);
    return false;
  }
  if (nargs < min_posonly) {
    raisef(exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", name,
           min_posonly < sig->n_positional ? "at least" : "exactly", min_posonly, plural(min_posonly), nargs);
    return false;
  }
  return true;
}

bool bind(const MethodDef* def, const NativeSig* sig, Value self, const Value* args, size_t nargs, Value kwnames,
          Value* out, bool via_descriptor = false) {
  size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  size_t o = 0;
  if (sig->has_self) out[o++] = self;
  Value* p = out + o;
  size_t np = sig->params.size();
  if (nk == 0 && sig->simple && nargs >= sig->min_positional && nargs <= sig->n_positional) {
    for (size_t i = 0; i < nargs; ++i) p[i] = args[i];
    for (size_t i = nargs; i < np; ++i) {
      const NativeParam& q = sig->params[i];
      p[i] = q.unrepresentable ? Value() : sigValue(q.default_index);
    }
    return true;
  }
  if (!sig->takes_keywords) {
    if (nk > 0) return noKeywordsError(def, self, via_descriptor);
    if (nargs < sig->min_positional || (nargs > sig->n_positional && sig->var_pos < 0))
      return positionalArityError(def, sig, self, nargs);
  } else if (!keywordArityError(def, sig, nargs, nk)) {
    return false;
  }
  for (size_t i = 0; i < np; ++i) p[i] = Value();
  size_t npos = nargs < sig->n_positional ? nargs : sig->n_positional;
  for (size_t i = 0; i < npos; ++i) p[i] = args[i];
  if (sig->var_pos >= 0) {
    size_t extra = nargs > sig->n_positional ? nargs - sig->n_positional : 0;
    Value t = newTuple(static_cast<int64_t>(extra));
    for (size_t i = 0; i < extra; ++i) tupleInit(t, static_cast<int64_t>(i), args[sig->n_positional + i]);
    p[sig->var_pos] = t;
  }
  Value kwdict;
  if (sig->var_kw >= 0) {
    kwdict = newDict();
    p[sig->var_kw] = kwdict;
  }
  // A parameter given both by position and by name, in parameter order.
  for (size_t i = 0; i < npos && nk > 0; ++i) {
    const NativeParam& q = sig->params[i];
    if (q.kind != ParamKind::kPosOrKw) continue;
    Value qn = sigValue(q.name_index);
    for (size_t k = 0; k < nk; ++k) {
      Value kname = tupleItem(kwnames, static_cast<int64_t>(k));
      if (qn == kname || strEquals(qn, kname)) {
        raisef(exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)", def->name,
               strToUtf8(qn).c_str(), i + 1);
        return false;
      }
    }
  }
  Value unexpected;  // the first keyword no parameter takes: reported after missing arguments
  for (size_t k = 0; k < nk; ++k) {
    Value kname = tupleItem(kwnames, static_cast<int64_t>(k));
    Value kval = args[nargs + k];
    int found = -1;
    for (size_t i = 0; i < np; ++i) {
      const NativeParam& q = sig->params[i];
      if (q.kind != ParamKind::kPosOrKw && q.kind != ParamKind::kKwOnly) continue;
      Value qn = sigValue(q.name_index);
      if (qn == kname || strEquals(qn, kname)) {
        found = static_cast<int>(i);
        break;
      }
    }
    if (found < 0) {
      if (!kwdict.isNull()) {
        if (dictSet(kwdict, kname, kval) < 0) return false;
      } else if (unexpected.isNull()) {
        unexpected = kname;
      }
      continue;
    }
    p[found] = kval;
  }
  for (size_t i = 0; i < np; ++i) {
    if (!p[i].isNull()) continue;
    const NativeParam& q = sig->params[i];
    if (q.kind == ParamKind::kVarPos || q.kind == ParamKind::kVarKw) continue;
    if (!q.required) {
      if (!q.unrepresentable) p[i] = sigValue(q.default_index);
      continue;
    }
    if (!sig->takes_keywords) return positionalArityError(def, sig, self, nargs);
    raisef(exc::TypeError, "%s() missing required argument '%s' (pos %zu)", def->name, strToUtf8(sigValue(q.name_index)).c_str(), i + 1);
    return false;
  }
  if (!unexpected.isNull()) {
    raisef(exc::TypeError, "'%s' is an invalid keyword argument for %s()", strToUtf8(unexpected).c_str(), def->name);
    return false;
  }
  return true;
}

// Rare: many parameters, in a frame of their own so that the common path's
// frame stays small (its dead words are scanned conservatively while any
// callee runs).  `buf` is zeroed for the same reason as bindAndCall's slots.
[[gnu::noinline]] Value bindAndCallMany(const MethodDef* def, NativeSig* sig, Value self, const Value* args,
                                        size_t nargs, Value kwnames, bool via_descriptor, size_t n) {
  if (n > 64) return raiseSystemError(def->name, "too many parameters");
  Value buf[64];
  if (!bind(def, sig, self, args, nargs, kwnames, buf, via_descriptor)) return Value();
  return def->fn(buf);
}

Value bindAndCall(const MethodDef* def, NativeSig* sig, Value self, const Value* args, size_t nargs, Value kwnames,
                  bool via_descriptor) {
  size_t n = sig->params.size() + (sig->has_self ? 1 : 0);
  if (n > 16) return bindAndCallMany(def, sig, self, args, nargs, kwnames, via_descriptor, n);
  // Not value-initialised (zeroing all of it was most of a native call's
  // cost): bind writes each of the n slots the function reads, and the rest
  // are cleared, since the conservative stack scan would otherwise find words
  // older calls left there and keep whatever now lives at those addresses.
  union Slots {
    Slots() {}
    Value values[16];
  } slots;
  Value* small = slots.values;
  std::fill(small + n, small + 16, Value());
  if (!bind(def, sig, self, args, nargs, kwnames, small, via_descriptor)) return Value();
  return def->fn(small);
}

// Whether a call of the builtin is a level of recursion (" while calling a
// Python object").  CPython checks the calls of its METH_O and METH_NOARGS
// functions (one positional-only parameter, or none) on every path; those of
// its METH_FASTCALL functions only when C calls them, not from the
// specialized bytecode through which Python code reaches them.
bool countsRecursion(const NativeSig* sig) {
  if (sig->params.empty()) return true;
  return sig->params.size() == 1 && sig->params[0].kind == ParamKind::kPosOnly && sig->params[0].required;
}

Value callWithSig(const MethodDef* def, NativeSig* sig, Value self, const Value* args, size_t nargs, Value kwnames,
                  bool via_descriptor = false) {
  if (def->raw != nullptr) return def->raw(def, self, args, nargs, kwnames);
  if (!countsRecursion(sig)) return bindAndCall(def, sig, self, args, nargs, kwnames, via_descriptor);
  if (!enterRecursiveCall(" while calling a Python object")) return Value();
  Value r = bindAndCall(def, sig, self, args, nargs, kwnames, via_descriptor);
  leaveRecursiveCall();
  return r;
}

}  // namespace

size_t parameterCount(const MethodDef* def) {
  NativeSig* sig = nativeSig(def);
  return sig->params.size() + (sig->has_self ? 1 : 0);
}

bool bindArguments(const MethodDef* def, Value bound_self, const Value* args, size_t nargs, Value kwnames, Value* out) {
  return bind(def, nativeSig(def), bound_self, args, nargs, kwnames, out);
}

Value callNative(const MethodDef* def, Value bound_self, const Value* args, size_t nargs, Value kwnames) {
  return callWithSig(def, nativeSig(def), bound_self, args, nargs, kwnames);
}

// ===========================================================================
// Argument helpers

namespace {

// __index__ into an int64, with OverflowError `overflow` beyond it.
bool indexToInt64Or(Value v, int64_t* out, const char* overflow) {
  if (v.isSmallInt()) {
    *out = v.asSmallInt();
    return true;
  }
  Value i = index(v);
  if (i.isNull()) return false;
  if (!intToInt64(i, out)) {
    clearError();
    raise(exc::OverflowError, overflow);
    return false;
  }
  return true;
}

}  // namespace

bool argIndex(Value v, int64_t* out) { return indexToInt64Or(v, out, "Python int too large to convert to C long"); }

bool argSsizeT(Value v, int64_t* out) {
  return indexToInt64Or(v, out, "Python int too large to convert to C ssize_t");
}

bool argSsize(Value v, int64_t* out) {
  if (v.isSmallInt()) {
    *out = v.asSmallInt();
    return true;
  }
  Value i = index(v);
  if (i.isNull()) return false;
  if (!intToInt64(i, out)) {
    clearError();
    raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer", typeNameOf(v).c_str());
    return false;
  }
  return true;
}

bool argCInt(Value v, int* out) {
  int64_t n;
  Value i = index(v);
  if (i.isNull()) return false;
  if (!intToInt64(i, &n) || n > INT32_MAX || n < INT32_MIN) {
    clearError();
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

bool argDouble(Value v, double* out) {
  if (!v.isSmallInt() && isFloat(v)) {
    *out = floatValue(v);
    return true;
  }
  if (v.isSmallInt()) {
    *out = static_cast<double>(v.asSmallInt());
    return true;
  }
  return asDouble(v, out);
}

bool argStr(Value v, const char* func, const char* param) {
  if (isStr(v)) return true;
  if (param != nullptr && param[0] >= '0' && param[0] <= '9') {
    raisef(exc::TypeError, "%s() argument %s must be str, not %s", func, param, typeNameOf(v).c_str());
  } else {
    raisef(exc::TypeError, "%s() argument '%s' must be str, not %s", func, param, typeNameOf(v).c_str());
  }
  return false;
}

// ===========================================================================
// Descriptor objects

namespace {

Type* asType(Value v) { return static_cast<Type*>(v.asObject()); }
DescrObj* asDescr(Value v) { return static_cast<DescrObj*>(v.asObject()); }
std::string descrName(Value v) { return strToUtf8(asDescr(v)->name.get()); }
std::string descrTypeName(Value v) { return typeName(asType(asDescr(v)->type.get())); }

std::string addressOf(Value v) {
  char buf[32];
  uintptr_t id = v.isObject() ? gc::identity(v.asObject()) : v.bits();
  std::snprintf(buf, sizeof buf, "0x%" PRIxPTR, id);
  return buf;
}


template <class T>
T* allocDescr(Type* descr_type, Type* owner, Value name) {
  Value n = name;
  auto* d = static_cast<T*>(newObject(descr_type, sizeof(T)));
  d->type.set(typeValue(owner));
  d->name.set(n);
  return d;
}

// "descriptor 'x' for 'T' objects doesn't apply to a 'U' object"
[[gnu::noinline, gnu::cold]] bool raiseDescrMismatch(Value descr, Value obj) {
  raisef(exc::TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", descrName(descr).c_str(),
         descrTypeName(descr).c_str(), typeNameOf(obj).c_str());
  return false;
}

inline bool checkDescrInstance(Value descr, Value obj) {
  return isInstance(obj, asType(asDescr(descr)->type.get())) || raiseDescrMismatch(descr, obj);
}

}  // namespace

Value newMethodDescriptor(Type* type, const MethodDef* def) {
  auto* d = allocDescr<MethodDescrObj>(types::method_descriptor_type, type, internStr(def->name));
  d->def = def;
  d->sig = nativeSig(def);
  return Value(d);
}

Value newClassMethodDescriptor(Type* type, const MethodDef* def) {
  auto* d = allocDescr<MethodDescrObj>(types::classmethod_descriptor_type, type, internStr(def->name));
  d->def = def;
  d->sig = nativeSig(def);
  return Value(d);
}

Value newWrapperDescriptor(Type* type, const SlotDef* slot, void* fn) {
  auto* d = allocDescr<WrapperDescrObj>(types::wrapper_descriptor_type, type, *slot->name);
  d->slot = slot;
  d->fn = fn;
  return Value(d);
}

Value newGetSetDescriptor(Type* type, const GetSetDef* def) {
  auto* d = allocDescr<GetSetDescrObj>(types::getset_descriptor_type, type, internStr(def->name));
  d->def = def;
  return Value(d);
}

Value newMemberDescriptor(Type* type, const MemberDef* def) {
  auto* d = allocDescr<MemberDescrObj>(types::member_descriptor_type, type, internStr(def->name));
  d->def = def;
  d->offset = def->offset;
  d->kind = static_cast<uint64_t>(def->kind);
  d->readonly = def->readonly;
  return Value(d);
}

Value newSlotMemberDescriptor(Type* type, Value name, int64_t offset) {
  auto* d = allocDescr<MemberDescrObj>(types::member_descriptor_type, type, name);
  d->def = nullptr;
  d->offset = offset;
  d->kind = static_cast<uint64_t>(MemberKind::kObject);
  d->readonly = 0;
  return Value(d);
}

namespace {

Value newBoundBuiltin(const MethodDef* def, NativeSig* sig, Value self) {
  Value s = self;
  auto* f = static_cast<BuiltinFunctionObj*>(newObject(types::builtin_function_type, sizeof(BuiltinFunctionObj)));
  f->self.set(s);
  f->def = def;
  f->sig = sig;
  return Value(f);
}

}  // namespace

Value newBuiltinMethod(const MethodDef* def, Value self) { return newBoundBuiltin(def, nativeSig(def), self); }

Value newBuiltinFunction(const MethodDef* def, Value self, Value module_name) {
  Value m = module_name;
  Value f = newBuiltinMethod(def, self);
  static_cast<BuiltinFunctionObj*>(f.asObject())->module.set(m);
  return f;
}

bool isBuiltinFunctionOf(Value v, const MethodDef* def) {
  return v.isObject() && typeOf(v) == types::builtin_function_type &&
         static_cast<BuiltinFunctionObj*>(v.asObject())->def == def;
}

namespace {

// --- builtin_function_or_method ---

BuiltinFunctionObj* asBuiltin(Value v) { return static_cast<BuiltinFunctionObj*>(v.asObject()); }

Value builtin_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  BuiltinFunctionObj* f = asBuiltin(callable);
  return callWithSig(f->def, f->sig, f->self.get(), args, nargs, kwnames);
}

bool boundToModule(Value self) { return self.isNull() || (self.isObject() && typeOf(self) == types::module_type); }

Value builtin_repr(Value self) {
  BuiltinFunctionObj* f = asBuiltin(self);
  Value s = f->self.get();
  if (boundToModule(s)) return newStr(std::string("<built-in function ") + f->def->name + ">");
  return newStr(std::string("<built-in method ") + f->def->name + " of " + typeNameOf(s) + " object at " +
                addressOf(s) + ">");
}

Value builtin_richcompare(Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || typeOf(b) != types::builtin_function_type) return NotImplemented();
  bool eq = asBuiltin(a)->def == asBuiltin(b)->def && asBuiltin(a)->self.get() == asBuiltin(b)->self.get();
  return Bool(op == kEq ? eq : !eq);
}

int64_t builtin_hash(Value self) {
  Value s = asBuiltin(self)->self.get();
  int64_t x = s.isNull() ? 0 : (s.isObject() ? gc::identityHash(s.asObject()) : static_cast<int64_t>(s.bits()));
  int64_t y = static_cast<int64_t>(reinterpret_cast<uintptr_t>(asBuiltin(self)->def) >> 3);
  int64_t h = x ^ y;
  return h == -1 ? -2 : h;
}

Value builtin_get_name(Value self) { return internStr(asBuiltin(self)->def->name); }
Value builtin_get_qualname(Value self) {
  BuiltinFunctionObj* f = asBuiltin(self);
  Value s = f->self.get();
  if (boundToModule(s)) return internStr(f->def->name);
  Type* t = s.isObject() && hasTypeFlag(s, type_flags::kTypeSubclass) ? asType(s) : typeOf(s);
  Value q = getAttr(typeValue(t), names::__qualname__);
  if (q.isNull()) return Value();
  return newStr(strToUtf8(q) + "." + f->def->name);
}
Value builtin_get_self(Value self) {
  Value s = asBuiltin(self)->self.get();
  return s.isNull() ? None() : s;
}
Value builtin_get_module(Value self) {
  Value m = asBuiltin(self)->module.get();
  return m.isNull() ? None() : m;
}
int builtin_set_module(Value self, Value v) {
  asBuiltin(self)->module.set(v.isNull() ? None() : v);
  return 0;
}
Value textSignature(const MethodDef* def) {
  if (def->signature == nullptr) return None();
  return newStr(def->signature);
}
Value docOf(const char* doc) { return doc == nullptr ? None() : newStr(doc); }
const char* methodDoc(const MethodDef* def) {
  return def->raw != nullptr && g_raw_method_doc != nullptr ? g_raw_method_doc(def) : def->doc;
}
Value builtin_get_doc(Value self) { return docOf(methodDoc(asBuiltin(self)->def)); }
Value builtin_get_text_signature(Value self) { return textSignature(asBuiltin(self)->def); }

// CPython's meth_reduce: a module function pickles by its name, a bound
// method as getattr(self, name).
Value builtin_reduce(Value* args) {
  BuiltinFunctionObj* f = asBuiltin(args[0]);
  if (boundToModule(f->self.get())) return newStr(f->def->name);
  Value getattr_fn = dictGetStr(builtinsDict(), internStr("getattr"));
  if (getattr_fn.isNull()) return raise(exc::RuntimeError, "lost builtins.getattr");
  Value name = newStr(asBuiltin(args[0])->def->name);
  if (name.isNull()) return name;
  Value inner = newTupleOf({asBuiltin(args[0])->self.get(), name});
  return inner.isNull() ? inner : newTupleOf({getattr_fn, inner});
}
const MethodDef kBuiltinMethods[] = {{.name = "__reduce__", .signature = "($self, /)", .fn = builtin_reduce}};

const GetSetDef kBuiltinGetSets[] = {
    {.name = "__name__", .get = builtin_get_name},
    {.name = "__qualname__", .get = builtin_get_qualname},
    {.name = "__self__", .get = builtin_get_self},
    {.name = "__module__", .get = builtin_get_module, .set = builtin_set_module},
    {.name = "__doc__", .get = builtin_get_doc},
    {.name = "__text_signature__", .get = builtin_get_text_signature},
};

const uint32_t kBuiltinFields[] = {offsetof(BuiltinFunctionObj, ob_type), offsetof(BuiltinFunctionObj, self),
                                   offsetof(BuiltinFunctionObj, module)};
const gc::Layout kBuiltinLayout = {.name = "builtin_function_or_method", .fields = kBuiltinFields};

const TypeSpec kBuiltinFunctionSpec = {
    .name = "builtin_function_or_method",
    .type = &types::builtin_function_type,
    .layout = &kBuiltinLayout,
    .basic_size = sizeof(BuiltinFunctionObj),
    .slots = {.tp_repr = builtin_repr, .tp_hash = builtin_hash, .tp_call = builtin_call,
              .tp_richcompare = builtin_richcompare},
    .methods = kBuiltinMethods,
    .getsets = kBuiltinGetSets,
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kBuiltinFunctionSpec);

// --- method_descriptor ---

const uint32_t kDescrFields[] = {offsetof(DescrObj, ob_type), offsetof(DescrObj, type), offsetof(DescrObj, name)};
const gc::Layout kDescrLayout = {.name = "descriptor", .fields = kDescrFields};

MethodDescrObj* asMethodDescr(Value v) { return static_cast<MethodDescrObj*>(v.asObject()); }

Value method_descr_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodDescrObj* d = asMethodDescr(callable);
  if (nargs < 1) {
    return raisef(exc::TypeError, "unbound method %s.%s() needs an argument", descrTypeName(callable).c_str(),
                  d->def->name);
  }
  if (!checkDescrInstance(callable, args[0])) return Value();
  return callWithSig(d->def, d->sig, args[0], args + 1, nargs - 1, kwnames, /*via_descriptor=*/true);
}

Value method_descr_get(Value descr, Value obj, Value) {
  if (obj.isNull()) return descr;
  if (!checkDescrInstance(descr, obj)) return Value();
  MethodDescrObj* d = asMethodDescr(descr);
  return newBoundBuiltin(d->def, d->sig, obj);
}

Value method_descr_repr(Value self) {
  return newStr("<method '" + descrName(self) + "' of '" + descrTypeName(self) + "' objects>");
}

Value descr_get_name(Value self) { return asDescr(self)->name.get(); }
Value descr_get_qualname(Value self) {
  Value q = getAttr(asDescr(self)->type.get(), names::__qualname__);
  if (q.isNull()) return Value();
  return newStr(strToUtf8(q) + "." + descrName(self));
}
Value descr_get_objclass(Value self) { return asDescr(self)->type.get(); }
Value method_descr_get_doc(Value self) { return docOf(methodDoc(asMethodDescr(self)->def)); }
Value method_descr_get_text_signature(Value self) { return textSignature(asMethodDescr(self)->def); }

const GetSetDef kMethodDescrGetSets[] = {
    {.name = "__name__", .get = descr_get_name},
    {.name = "__qualname__", .get = descr_get_qualname},
    {.name = "__objclass__", .get = descr_get_objclass},
    {.name = "__doc__", .get = method_descr_get_doc},
    {.name = "__text_signature__", .get = method_descr_get_text_signature},
};

const TypeSpec kMethodDescrSpec = {
    .name = "method_descriptor",
    .type = &types::method_descriptor_type,
    .layout = &kDescrLayout,
    .basic_size = sizeof(MethodDescrObj),
    .flags = type_flags::kMethodDescriptor,
    .slots = {.tp_repr = method_descr_repr, .tp_call = method_descr_call, .tp_descr_get = method_descr_get},
    .getsets = kMethodDescrGetSets,
};
TERN_REGISTER_TYPE(kMethodDescrSpec);

// --- classmethod_descriptor ---

Value classmethod_descr_get(Value descr, Value obj, Value type) {
  Type* owner = asType(asDescr(descr)->type.get());
  if (type.isNull()) {
    if (obj.isNull()) return raise(exc::TypeError, "__get__(None, None) is invalid");
    type = typeValue(typeOf(obj));
  }
  if (!type.isObject() || !hasTypeFlag(type, type_flags::kTypeSubclass)) {
    return raisef(exc::TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                  descrName(descr).c_str(), typeName(owner).c_str(), typeNameOf(type).c_str());
  }
  if (!isSubtype(asType(type), owner)) {
    return raisef(exc::TypeError, "descriptor '%s' requires a subtype of '%s' but received '%s'",
                  descrName(descr).c_str(), typeName(owner).c_str(), typeName(asType(type)).c_str());
  }
  MethodDescrObj* d = asMethodDescr(descr);
  return newBoundBuiltin(d->def, d->sig, type);
}

Value classmethod_descr_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodDescrObj* d = asMethodDescr(callable);
  Type* owner = asType(d->type.get());
  if (nargs < 1) {
    return raisef(exc::TypeError, "descriptor '%s' of '%s' object needs an argument", d->def->name,
                  typeName(owner).c_str());
  }
  Value t = args[0];
  if (!t.isObject() || !hasTypeFlag(t, type_flags::kTypeSubclass)) {
    return raisef(exc::TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2", d->def->name,
                  typeName(owner).c_str(), typeNameOf(t).c_str());
  }
  if (!isSubtype(asType(t), owner)) {
    return raisef(exc::TypeError, "descriptor '%s' requires a subtype of '%s' but received '%s'", d->def->name,
                  typeName(owner).c_str(), typeName(asType(t)).c_str());
  }
  return callWithSig(d->def, d->sig, t, args + 1, nargs - 1, kwnames);
}

const TypeSpec kClassMethodDescrSpec = {
    .name = "classmethod_descriptor",
    .type = &types::classmethod_descriptor_type,
    .layout = &kDescrLayout,
    .basic_size = sizeof(MethodDescrObj),
    .slots = {.tp_repr = method_descr_repr, .tp_call = classmethod_descr_call, .tp_descr_get = classmethod_descr_get},
    .getsets = kMethodDescrGetSets,
};
TERN_REGISTER_TYPE(kClassMethodDescrSpec);

// --- wrapper_descriptor and method-wrapper ---

WrapperDescrObj* asWrapper(Value v) { return static_cast<WrapperDescrObj*>(v.asObject()); }

const char* wrapperSignature(const SlotDef* s) {
  switch (s->kind) {
    case WrapperKind::kUnary:
    case WrapperKind::kInquiry:
    case WrapperKind::kLen:
    case WrapperKind::kHash:
    case WrapperKind::kNext:
    case WrapperKind::kDel:
      return "($self, /)";
    case WrapperKind::kBinary:
    case WrapperKind::kBinaryL:
    case WrapperKind::kBinaryR:
    case WrapperKind::kRichLt:
    case WrapperKind::kRichLe:
    case WrapperKind::kRichEq:
    case WrapperKind::kRichNe:
    case WrapperKind::kRichGt:
    case WrapperKind::kRichGe:
      return "($self, value, /)";
    case WrapperKind::kTernaryL:
    case WrapperKind::kTernaryR:
    case WrapperKind::kTernaryInplace:
      return "($self, value, mod=None, /)";
    case WrapperKind::kCall:
    case WrapperKind::kInit:
      return "($self, /, *args, **kwargs)";
    case WrapperKind::kGetattr:
    case WrapperKind::kDelattr:
      return "($self, name, /)";
    case WrapperKind::kSetattr:
      return "($self, name, value, /)";
    case WrapperKind::kDescrGet:
      return "($self, instance, owner=None, /)";
    case WrapperKind::kDescrSet:
      return "($self, instance, value, /)";
    case WrapperKind::kDescrDelete:
      return "($self, instance, /)";
    case WrapperKind::kSetItem:
      return "($self, key, value, /)";
    case WrapperKind::kDelItem:
    case WrapperKind::kContains:
      return "($self, key, /)";
    default:
      return nullptr;
  }
}

Value wrapper_descr_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  WrapperDescrObj* d = asWrapper(callable);
  Type* owner = asType(d->type.get());
  if (nargs < 1) {
    return raisef(exc::TypeError, "descriptor '%s' of '%s' object needs an argument", descrName(callable).c_str(),
                  typeName(owner).c_str());
  }
  if (!isInstance(args[0], owner)) {
    return raisef(exc::TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
                  descrName(callable).c_str(), typeName(owner).c_str(), typeNameOf(args[0]).c_str());
  }
  if (!enterRecursiveCall(" while calling a Python object")) return Value();  // as method_wrapper_call
  Value r = callSlotWrapper(d->slot, d->fn, args[0], args + 1, nargs - 1, kwnames);
  leaveRecursiveCall();
  return r;
}

Value newMethodWrapper(Value descr, Value self) {
  Value d = descr, s = self;
  auto* m = static_cast<MethodWrapperObj*>(newObject(types::method_wrapper_type, sizeof(MethodWrapperObj)));
  m->descr.set(d);
  m->self.set(s);
  return Value(m);
}

Value wrapper_descr_get(Value descr, Value obj, Value) {
  if (obj.isNull()) return descr;
  if (!checkDescrInstance(descr, obj)) return Value();
  return newMethodWrapper(descr, obj);
}

Value wrapper_descr_repr(Value self) {
  return newStr("<slot wrapper '" + descrName(self) + "' of '" + descrTypeName(self) + "' objects>");
}
Value wrapper_get_text_signature(Value self) {
  const char* s = wrapperSignature(asWrapper(self)->slot);
  return s == nullptr ? None() : newStr(s);
}
// The docstrings of slot wrappers, by dunder (CPython's wording).
const char* wrapperDoc(const std::string& name) {
  static const std::unordered_map<std::string, const char*> kDocs = {
    {"__getattribute__", "Return getattr(self, name)."},
    {"__setattr__", "Implement setattr(self, name, value)."},
    {"__delattr__", "Implement delattr(self, name)."},
    {"__repr__", "Return repr(self)."},
    {"__hash__", "Return hash(self)."},
    {"__call__", "Call self as a function."},
    {"__str__", "Return str(self)."},
    {"__lt__", "Return self<value."},
    {"__le__", "Return self<=value."},
    {"__eq__", "Return self==value."},
    {"__ne__", "Return self!=value."},
    {"__gt__", "Return self>value."},
    {"__ge__", "Return self>=value."},
    {"__iter__", "Implement iter(self)."},
    {"__next__", "Implement next(self)."},
    {"__get__", "Return an attribute of instance, which is of type owner."},
    {"__set__", "Set an attribute of instance to value."},
    {"__delete__", "Delete an attribute of instance."},
    {"__init__", "Initialize self.  See help(type(self)) for accurate signature."},
    {"__del__", "Called when the instance is about to be destroyed."},
    {"__await__", "Return an iterator to be used in await expression."},
    {"__aiter__", "Return an awaitable, that resolves in asynchronous iterator."},
    {"__anext__", "Return a value or raise StopAsyncIteration."},
    {"__add__", "Return self+value."},
    {"__radd__", "Return value+self."},
    {"__sub__", "Return self-value."},
    {"__rsub__", "Return value-self."},
    {"__mul__", "Return self*value."},
    {"__rmul__", "Return value*self."},
    {"__mod__", "Return self%value."},
    {"__rmod__", "Return value%self."},
    {"__divmod__", "Return divmod(self, value)."},
    {"__rdivmod__", "Return divmod(value, self)."},
    {"__pow__", "Return pow(self, value, mod)."},
    {"__rpow__", "Return pow(value, self, mod)."},
    {"__neg__", "-self"},
    {"__pos__", "+self"},
    {"__abs__", "abs(self)"},
    {"__bool__", "True if self else False"},
    {"__invert__", "~self"},
    {"__lshift__", "Return self<<value."},
    {"__rlshift__", "Return value<<self."},
    {"__rshift__", "Return self>>value."},
    {"__rrshift__", "Return value>>self."},
    {"__and__", "Return self&value."},
    {"__rand__", "Return value&self."},
    {"__xor__", "Return self^value."},
    {"__rxor__", "Return value^self."},
    {"__or__", "Return self|value."},
    {"__ror__", "Return value|self."},
    {"__int__", "int(self)"},
    {"__float__", "float(self)"},
    {"__iadd__", "Implement self+=value."},
    {"__isub__", "Return self-=value."},
    {"__imul__", "Implement self*=value."},
    {"__imod__", "Return self%=value."},
    {"__ipow__", "Return self**=value."},
    {"__ilshift__", "Return self<<=value."},
    {"__irshift__", "Return self>>=value."},
    {"__iand__", "Return self&=value."},
    {"__ixor__", "Return self^=value."},
    {"__ior__", "Return self|=value."},
    {"__floordiv__", "Return self//value."},
    {"__rfloordiv__", "Return value//self."},
    {"__truediv__", "Return self/value."},
    {"__rtruediv__", "Return value/self."},
    {"__ifloordiv__", "Return self//=value."},
    {"__itruediv__", "Return self/=value."},
    {"__index__", "Return self converted to an integer, if self is suitable for use as an index into a list."},
    {"__matmul__", "Return self@value."},
    {"__rmatmul__", "Return value@self."},
    {"__imatmul__", "Return self@=value."},
    {"__len__", "Return len(self)."},
    {"__getitem__", "Return self[key]."},
    {"__setitem__", "Set self[key] to value."},
    {"__delitem__", "Delete self[key]."},
    {"__contains__", "Return key in self."},
  };
  auto it = kDocs.find(name);
  return it == kDocs.end() ? nullptr : it->second;
}
Value wrapper_get_doc(Value self) {
  Value d = self;
  if (typeOf(d) == types::method_wrapper_type) d = static_cast<MethodWrapperObj*>(d.asObject())->descr.get();
  return docOf(wrapperDoc(descrName(d)));
}

const GetSetDef kWrapperDescrGetSets[] = {
    {.name = "__name__", .get = descr_get_name},
    {.name = "__qualname__", .get = descr_get_qualname},
    {.name = "__objclass__", .get = descr_get_objclass},
    {.name = "__doc__", .get = wrapper_get_doc},
    {.name = "__text_signature__", .get = wrapper_get_text_signature},
};

const TypeSpec kWrapperDescrSpec = {
    .name = "wrapper_descriptor",
    .type = &types::wrapper_descriptor_type,
    .layout = &kDescrLayout,
    .basic_size = sizeof(WrapperDescrObj),
    .flags = type_flags::kMethodDescriptor,
    .slots = {.tp_repr = wrapper_descr_repr, .tp_call = wrapper_descr_call, .tp_descr_get = wrapper_descr_get},
    .getsets = kWrapperDescrGetSets,
};
TERN_REGISTER_TYPE(kWrapperDescrSpec);

MethodWrapperObj* asMethodWrapper(Value v) { return static_cast<MethodWrapperObj*>(v.asObject()); }

Value method_wrapper_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodWrapperObj* m = asMethodWrapper(callable);
  WrapperDescrObj* d = asWrapper(m->descr.get());
  // No vectorcall in CPython: its calls are a level of recursion (_PyObject_MakeTpCall).
  if (!enterRecursiveCall(" while calling a Python object")) return Value();
  Value r = callSlotWrapper(d->slot, d->fn, m->self.get(), args, nargs, kwnames);
  leaveRecursiveCall();
  return r;
}

Value method_wrapper_repr(Value self) {
  MethodWrapperObj* m = asMethodWrapper(self);
  Value s = m->self.get();
  return newStr("<method-wrapper '" + descrName(m->descr.get()) + "' of " + typeNameOf(s) + " object at " +
                addressOf(s) + ">");
}

Value method_wrapper_richcompare(Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || typeOf(b) != types::method_wrapper_type) return NotImplemented();
  bool eq = asMethodWrapper(a)->descr.get() == asMethodWrapper(b)->descr.get() &&
            asMethodWrapper(a)->self.get() == asMethodWrapper(b)->self.get();
  return Bool(op == kEq ? eq : !eq);
}

int64_t method_wrapper_hash(Value self) {
  Value s = asMethodWrapper(self)->self.get();
  int64_t x = s.isObject() ? gc::identityHash(s.asObject()) : static_cast<int64_t>(s.bits());
  int64_t y = gc::identityHash(asMethodWrapper(self)->descr.get().asObject());
  int64_t h = x ^ y;
  return h == -1 ? -2 : h;
}

Value method_wrapper_get_self(Value self) { return asMethodWrapper(self)->self.get(); }
Value method_wrapper_get_name(Value self) { return asDescr(asMethodWrapper(self)->descr.get())->name.get(); }
Value method_wrapper_get_qualname(Value self) { return descr_get_qualname(asMethodWrapper(self)->descr.get()); }
Value method_wrapper_get_objclass(Value self) { return asDescr(asMethodWrapper(self)->descr.get())->type.get(); }
Value method_wrapper_get_text_signature(Value self) {
  return wrapper_get_text_signature(asMethodWrapper(self)->descr.get());
}

const GetSetDef kMethodWrapperGetSets[] = {
    {.name = "__self__", .get = method_wrapper_get_self},
    {.name = "__name__", .get = method_wrapper_get_name},
    {.name = "__qualname__", .get = method_wrapper_get_qualname},
    {.name = "__objclass__", .get = method_wrapper_get_objclass},
    {.name = "__doc__", .get = wrapper_get_doc},
    {.name = "__text_signature__", .get = method_wrapper_get_text_signature},
};

const uint32_t kMethodWrapperFields[] = {offsetof(MethodWrapperObj, ob_type), offsetof(MethodWrapperObj, descr),
                                         offsetof(MethodWrapperObj, self)};
const gc::Layout kMethodWrapperLayout = {.name = "method-wrapper", .fields = kMethodWrapperFields};

const TypeSpec kMethodWrapperSpec = {
    .name = "method-wrapper",
    .type = &types::method_wrapper_type,
    .layout = &kMethodWrapperLayout,
    .basic_size = sizeof(MethodWrapperObj),
    .slots = {.tp_repr = method_wrapper_repr, .tp_hash = method_wrapper_hash, .tp_call = method_wrapper_call,
              .tp_richcompare = method_wrapper_richcompare},
    .getsets = kMethodWrapperGetSets,
};
TERN_REGISTER_TYPE(kMethodWrapperSpec);

// --- getset_descriptor ---

GetSetDescrObj* asGetSet(Value v) { return static_cast<GetSetDescrObj*>(v.asObject()); }

Value getset_get(Value descr, Value obj, Value) {
  if (obj.isNull()) return descr;
  if (!checkDescrInstance(descr, obj)) return Value();
  const GetSetDef* def = asGetSet(descr)->def;
  if (def->raw_get != nullptr) return def->raw_get(def, obj);
  if (def->get == nullptr) {
    return raisef(exc::AttributeError, "attribute '%s' of '%s' objects is not readable", descrName(descr).c_str(),
                  descrTypeName(descr).c_str());
  }
  return def->get(obj);
}

int getset_set(Value descr, Value obj, Value value) {
  if (!checkDescrInstance(descr, obj)) return -1;
  const GetSetDef* def = asGetSet(descr)->def;
  if (def->raw_set != nullptr) return def->raw_set(def, obj, value);
  if (def->set == nullptr) {
    raisef(exc::AttributeError, "attribute '%s' of '%s' objects is not writable", descrName(descr).c_str(),
           descrTypeName(descr).c_str());
    return -1;
  }
  return def->set(obj, value);
}

Value getset_repr(Value self) {
  return newStr("<attribute '" + descrName(self) + "' of '" + descrTypeName(self) + "' objects>");
}
Value getset_get_doc(Value self) {
  const GetSetDef* def = asGetSet(self)->def;
  return docOf(def->raw_get != nullptr && g_raw_getset_doc != nullptr ? g_raw_getset_doc(def) : def->doc);
}

const GetSetDef kGetSetDescrGetSets[] = {
    {.name = "__name__", .get = descr_get_name},
    {.name = "__qualname__", .get = descr_get_qualname},
    {.name = "__objclass__", .get = descr_get_objclass},
    {.name = "__doc__", .get = getset_get_doc},
};

const TypeSpec kGetSetDescrSpec = {
    .name = "getset_descriptor",
    .type = &types::getset_descriptor_type,
    .layout = &kDescrLayout,
    .basic_size = sizeof(GetSetDescrObj),
    .slots = {.tp_repr = getset_repr, .tp_descr_get = getset_get, .tp_descr_set = getset_set},
    .getsets = kGetSetDescrGetSets,
};
TERN_REGISTER_TYPE(kGetSetDescrSpec);

// --- member_descriptor ---

MemberDescrObj* asMember(Value v) { return static_cast<MemberDescrObj*>(v.asObject()); }

char* memberAddress(Value obj, int64_t offset) {
  gc::Object* o = obj.asObject();
  return offset >= 0 ? o->bytes() + offset : o->bytes() + o->sizeBytes() + offset;
}

Value member_get(Value descr, Value obj, Value) {
  if (obj.isNull()) return descr;
  if (!checkDescrInstance(descr, obj)) return Value();
  MemberDescrObj* m = asMember(descr);
  char* p = memberAddress(obj, m->offset);
  switch (static_cast<MemberKind>(m->kind)) {
    case MemberKind::kObject: {
      Value v = reinterpret_cast<gc::HeapValue*>(p)->get();
      if (v.isNull()) {
        if (m->def == nullptr) {
          raisef(exc::AttributeError, "'%s' object has no attribute '%s'", typeNameOf(obj).c_str(),
                 descrName(descr).c_str());
          Value e = pendingError();
          if (!e.isNull() && isInstance(e, exc::AttributeError)) {
            static_cast<AttributeErrorObj*>(e.asObject())->name.set(asDescr(descr)->name.get());
            static_cast<AttributeErrorObj*>(e.asObject())->obj.set(obj);
          }
          return Value();
        }
        return raise(exc::AttributeError, descrName(descr));
      }
      return v;
    }
    case MemberKind::kObjectNoneIfNull: {
      Value v = reinterpret_cast<gc::HeapValue*>(p)->get();
      return v.isNull() ? None() : v;
    }
    case MemberKind::kInt64: {
      int64_t n;
      std::memcpy(&n, p, sizeof n);
      return newInt(n);
    }
    case MemberKind::kBool: {
      uint64_t n;
      std::memcpy(&n, p, sizeof n);
      return Bool(n != 0);
    }
    case MemberKind::kDouble: {
      double d;
      std::memcpy(&d, p, sizeof d);
      return newFloat(d);
    }
  }
  return Value();
}

int member_set(Value descr, Value obj, Value value) {
  if (!checkDescrInstance(descr, obj)) return -1;
  MemberDescrObj* m = asMember(descr);
  if (m->readonly) {
    raise(exc::AttributeError, "readonly attribute");
    return -1;
  }
  MemberKind kind = static_cast<MemberKind>(m->kind);
  if (kind == MemberKind::kObject || kind == MemberKind::kObjectNoneIfNull) {
    gc::HeapValue* slot = reinterpret_cast<gc::HeapValue*>(memberAddress(obj, m->offset));
    if (value.isNull() && kind == MemberKind::kObject && slot->get().isNull()) {
      raise(exc::AttributeError, descrName(descr));
      return -1;
    }
    slot->set(value);
    return 0;
  }
  if (value.isNull()) {
    raise(exc::TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  switch (kind) {
    case MemberKind::kInt64: {
      int64_t n;
      if (!isInt(value)) {
        raise(exc::TypeError, "attribute value type must be int");
        return -1;
      }
      if (!intToInt64(value, &n)) return -1;
      std::memcpy(memberAddress(obj, m->offset), &n, sizeof n);
      return 0;
    }
    case MemberKind::kBool: {
      if (!isBool(value)) {
        raise(exc::TypeError, "attribute value type must be bool");
        return -1;
      }
      uint64_t n = value == True() ? 1 : 0;
      std::memcpy(memberAddress(obj, m->offset), &n, sizeof n);
      return 0;
    }
    case MemberKind::kDouble: {
      double d;
      if (!argDouble(value, &d)) return -1;
      std::memcpy(memberAddress(obj, m->offset), &d, sizeof d);
      return 0;
    }
    default:
      return -1;
  }
}

Value member_repr(Value self) {
  return newStr("<member '" + descrName(self) + "' of '" + descrTypeName(self) + "' objects>");
}
Value member_get_doc(Value self) {
  const MemberDef* def = asMember(self)->def;
  return def == nullptr ? None() : docOf(def->doc);
}

const GetSetDef kMemberDescrGetSets[] = {
    {.name = "__name__", .get = descr_get_name},
    {.name = "__qualname__", .get = descr_get_qualname},
    {.name = "__objclass__", .get = descr_get_objclass},
    {.name = "__doc__", .get = member_get_doc},
};

const TypeSpec kMemberDescrSpec = {
    .name = "member_descriptor",
    .type = &types::member_descriptor_type,
    .layout = &kDescrLayout,
    .basic_size = sizeof(MemberDescrObj),
    .slots = {.tp_repr = member_repr, .tp_descr_get = member_get, .tp_descr_set = member_set},
    .getsets = kMemberDescrGetSets,
};
TERN_REGISTER_TYPE(kMemberDescrSpec);

}  // namespace

}  // namespace tern
