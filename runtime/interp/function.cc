// function and cell (function.h): creation, argument binding with CPython's
// TypeErrors, and their Python surface.
#include "runtime/interp/function.h"

#include <cstdio>
#include <string>
#include <vector>

#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

uint64_t g_function_version = 1;

std::string addressOf(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", reinterpret_cast<void*>(gc::identity(v.asObject())));
  return buf;
}

std::string qualnameOf(FunctionObj* f) { return strToUtf8(f->qualname.get()); }

// --- argument-binding errors (CPython 3.11's wording) ------------------------------

std::string joinNames(const std::vector<std::string>& names) {
  // 'a'; 'a' and 'b'; 'a', 'b', and 'c'
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      if (names.size() == 2) {
        out += " and ";
      } else if (i == names.size() - 1) {
        out += ", and ";
      } else {
        out += ", ";
      }
    }
    out += "'" + names[i] + "'";
  }
  return out;
}

void missingArguments(FunctionObj* f, CodeObj* code, Value* localsplus, bool positional, int64_t defcount) {
  int64_t start = positional ? 0 : code->argcount;
  int64_t end = positional ? code->argcount - defcount : code->argcount + code->kwonlyargcount;
  std::vector<std::string> missing;
  for (int64_t i = start; i < end; ++i) {
    if (localsplus[i].isNull()) missing.push_back(strToUtf8(tupleItem(code->localsplusnames.get(), i)));
  }
  raisef(exc::TypeError, "%s() missing %zu required %s argument%s: %s", qualnameOf(f).c_str(), missing.size(),
         positional ? "positional" : "keyword-only", missing.size() == 1 ? "" : "s", joinNames(missing).c_str());
}

void tooManyPositional(FunctionObj* f, CodeObj* code, Value* localsplus, size_t given, int64_t defcount) {
  int64_t kwonly_given = 0;
  for (int64_t i = code->argcount; i < code->argcount + code->kwonlyargcount; ++i) {
    if (!localsplus[i].isNull()) ++kwonly_given;
  }
  std::string sig;
  bool plural;
  if (defcount != 0) {
    plural = true;
    sig = "from " + std::to_string(code->argcount - defcount) + " to " + std::to_string(code->argcount);
  } else {
    plural = code->argcount != 1;
    sig = std::to_string(code->argcount);
  }
  std::string kwonly_sig;
  if (kwonly_given != 0) {
    kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                 std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
  }
  raisef(exc::TypeError, "%s() takes %s positional argument%s but %zu%s %s given", qualnameOf(f).c_str(),
         sig.c_str(), plural ? "s" : "", given, kwonly_sig.c_str(), given == 1 && kwonly_given == 0 ? "was" : "were");
}

// True (error raised) if some keyword names a positional-only parameter.
bool positionalOnlyAsKeyword(FunctionObj* f, CodeObj* code, Value kwnames) {
  std::vector<std::string> bad;
  int64_t nkw = tupleLength(kwnames);
  for (int32_t j = 0; j < code->posonlyargcount; ++j) {
    Value pname = tupleItem(code->localsplusnames.get(), j);
    for (int64_t k = 0; k < nkw; ++k) {
      Value kw = tupleItem(kwnames, k);
      if (kw == pname || (isStr(kw) && strEquals(kw, pname))) {
        bad.push_back(strToUtf8(pname));
        break;
      }
    }
  }
  if (bad.empty()) return false;
  std::string joined;
  for (size_t i = 0; i < bad.size(); ++i) joined += (i ? ", " : "") + bad[i];
  raisef(exc::TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
         qualnameOf(f).c_str(), joined.c_str());
  return true;
}

}  // namespace

bool bindFunctionArguments(FunctionObj* f, Value* localsplus, const Value* args, size_t nargs, Value kwnames) {
  CodeObj* code = asCode(f->code.get());
  const int64_t co_argcount = code->argcount;
  const int64_t total_args = co_argcount + code->kwonlyargcount;
  Value kwdict;
  if (code->flags & code_flags::kVarkeywords) {
    kwdict = newDict();
    int64_t i = total_args + ((code->flags & code_flags::kVarargs) ? 1 : 0);
    localsplus[i] = kwdict;
  }
  size_t n = nargs < static_cast<size_t>(co_argcount) ? nargs : static_cast<size_t>(co_argcount);
  for (size_t i = 0; i < n; ++i) localsplus[i] = args[i];
  if (code->flags & code_flags::kVarargs) {
    Value rest = nargs > n ? newTupleFrom(args + n, static_cast<int64_t>(nargs - n)) : newTuple(0);
    if (rest.isNull()) return false;
    localsplus[total_args] = rest;
  }
  if (!kwnames.isNull()) {
    int64_t nkw = tupleLength(kwnames);
    Value names = code->localsplusnames.get();
    for (int64_t k = 0; k < nkw; ++k) {
      Value keyword = tupleItem(kwnames, k);
      Value value = args[nargs + static_cast<size_t>(k)];
      if (!isStr(keyword)) {
        raisef(exc::TypeError, "%s() keywords must be strings", qualnameOf(f).c_str());
        return false;
      }
      int64_t j = code->posonlyargcount;
      for (; j < total_args; ++j) {
        if (tupleItem(names, j) == keyword) break;
      }
      if (j == total_args) {
        for (j = code->posonlyargcount; j < total_args; ++j) {
          if (strEquals(tupleItem(names, j), keyword)) break;
        }
      }
      if (j == total_args) {
        if (kwdict.isNull()) {
          if (code->posonlyargcount != 0 && positionalOnlyAsKeyword(f, code, kwnames)) return false;
          raisef(exc::TypeError, "%s() got an unexpected keyword argument '%s'", qualnameOf(f).c_str(),
                 strToUtf8(keyword).c_str());
          return false;
        }
        if (dictSet(kwdict, keyword, value) < 0) return false;
        continue;
      }
      if (!localsplus[j].isNull()) {
        raisef(exc::TypeError, "%s() got multiple values for argument '%s'", qualnameOf(f).c_str(),
               strToUtf8(keyword).c_str());
        return false;
      }
      localsplus[j] = value;
    }
  }
  Value defaults = f->defaults.get();
  int64_t defcount = defaults.isNull() ? 0 : tupleLength(defaults);
  if (static_cast<int64_t>(nargs) > co_argcount && !(code->flags & code_flags::kVarargs)) {
    tooManyPositional(f, code, localsplus, nargs, defcount);
    return false;
  }
  if (static_cast<int64_t>(nargs) < co_argcount) {
    int64_t m = co_argcount - defcount;
    for (int64_t i = static_cast<int64_t>(nargs); i < m; ++i) {
      if (localsplus[i].isNull()) {
        missingArguments(f, code, localsplus, true, defcount);
        return false;
      }
    }
    int64_t i = static_cast<int64_t>(nargs) > m ? static_cast<int64_t>(nargs) - m : 0;
    for (; i < defcount; ++i) {
      if (localsplus[m + i].isNull()) localsplus[m + i] = tupleItem(defaults, i);
    }
  }
  if (code->kwonlyargcount > 0) {
    bool missing = false;
    Value kwdefs = f->kwdefaults.get();
    for (int64_t i = co_argcount; i < total_args; ++i) {
      if (!localsplus[i].isNull()) continue;
      if (!kwdefs.isNull()) {
        Value d = dictGet(kwdefs, tupleItem(code->localsplusnames.get(), i));
        if (!d.isNull()) {
          localsplus[i] = d;
          continue;
        }
        if (errorPending()) return false;
      }
      missing = true;
    }
    if (missing) {
      missingArguments(f, code, localsplus, false, 0);
      return false;
    }
  }
  return true;
}

Value builtinsForGlobals(Value globals) {
  Value b = dictGetStr(globals, names::__builtins__);
  if (!b.isNull()) {
    if (isModule(b)) return moduleDict(b);
    if (isDict(b)) return b;
  }
  clearError();
  return builtinsDict();
}

Value newFunction(Value code, Value globals) {
  Value builtins = builtinsForGlobals(globals);
  Value module = dictGetStr(globals, names::__name__);
  if (module.isNull()) {
    if (errorPending()) return Value();
    module = None();
  }
  Value consts = asCode(code)->consts.get();
  Value doc = tupleLength(consts) > 0 && isStr(tupleItem(consts, 0)) ? tupleItem(consts, 0) : None();
  Obj* o = newObject(types::function_type, sizeof(FunctionObj));
  auto* f = static_cast<FunctionObj*>(o);
  f->code.set(code);
  f->globals.set(globals);
  f->builtins.set(builtins);
  f->name.set(asCode(code)->name.get());
  f->qualname.set(asCode(code)->qualname.get());
  f->module.set(module);
  f->doc.set(doc);
  f->version = g_function_version++;
  return o;
}

Value newCell(Value contents) {
  Obj* o = newObject(types::cell_type, sizeof(CellObj));
  asCell(o)->contents.set(contents);
  return o;
}

namespace {

// --- function -------------------------------------------------------------------

Value function_repr(Value v) {
  return newStr("<function " + qualnameOf(asFunction(v)) + " at " + addressOf(v) + ">");
}

Value function_descr_get(Value func, Value obj, Value) {
  if (obj.isNull() || isNone(obj)) return func;
  return newMethod(func, obj);
}

Value function_get___code__(Value self) { return asFunction(self)->code.get(); }
int function_set___code__(Value self, Value value) {
  if (value.isNull() || !isCode(value)) {
    raise(exc::TypeError, "__code__ must be set to a code object");
    return -1;
  }
  FunctionObj* f = asFunction(self);
  int64_t nfree = asCode(value)->nfrees;
  int64_t nclosure = f->closure.get().isNull() ? 0 : tupleLength(f->closure.get());
  if (nfree != nclosure) {
    raisef(exc::ValueError, "%s() requires a code object with %lld free vars, not %lld",
           strToUtf8(f->name.get()).c_str(), static_cast<long long>(nclosure), static_cast<long long>(nfree));
    return -1;
  }
  f->code.set(value);
  f->version = g_function_version++;
  return 0;
}

Value function_get___defaults__(Value self) {
  Value d = asFunction(self)->defaults.get();
  return d.isNull() ? None() : d;
}
int function_set___defaults__(Value self, Value value) {
  if (value.isNull() || isNone(value)) {
    value = Value();
  } else if (!isTuple(value)) {
    raise(exc::TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  asFunction(self)->defaults.set(value);
  asFunction(self)->version = g_function_version++;
  return 0;
}

Value function_get___kwdefaults__(Value self) {
  Value d = asFunction(self)->kwdefaults.get();
  return d.isNull() ? None() : d;
}
int function_set___kwdefaults__(Value self, Value value) {
  if (value.isNull() || isNone(value)) {
    value = Value();
  } else if (!isDict(value)) {
    raise(exc::TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  asFunction(self)->kwdefaults.set(value);
  asFunction(self)->version = g_function_version++;
  return 0;
}

Value function_get___annotations__(Value self) {
  FunctionObj* f = asFunction(self);
  if (f->annotations.get().isNull()) {
    Value d = newDict();
    f->annotations.set(d);
  }
  return f->annotations.get();
}
int function_set___annotations__(Value self, Value value) {
  if (value.isNull() || isNone(value)) {
    value = Value();
  } else if (!isDict(value)) {
    raise(exc::TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  asFunction(self)->annotations.set(value);
  return 0;
}


Value function_get___name__(Value self) { return asFunction(self)->name.get(); }
int function_set___name__(Value self, Value value) {
  if (value.isNull() || !isStr(value)) {
    raise(exc::TypeError, "__name__ must be set to a string object");
    return -1;
  }
  asFunction(self)->name.set(value);
  return 0;
}
Value function_get___qualname__(Value self) { return asFunction(self)->qualname.get(); }
int function_set___qualname__(Value self, Value value) {
  if (value.isNull() || !isStr(value)) {
    raise(exc::TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  asFunction(self)->qualname.set(value);
  return 0;
}
Value function_get___dict__(Value self) {
  FunctionObj* f = asFunction(self);
  if (f->dict.get().isNull()) {
    Value d = newDict();
    f->dict.set(d);
  }
  return f->dict.get();
}
int function_set___dict__(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!isDict(value)) {
    raise(exc::TypeError, "__dict__ must be set to a dictionary, not a '" + typeNameOf(value) + "'");
    return -1;
  }
  asFunction(self)->dict.set(value);
  return 0;
}

Value function___new__(Type*, const Value* args, size_t nargs, Value kwnames) {
  // function(code, globals, name=None, argdefs=None, closure=None)
  if (!kwnames.isNull() || nargs < 2 || nargs > 5) {
    return raise(exc::TypeError, "function() takes from 2 to 5 positional arguments");
  }
  if (!isCode(args[0])) {
    return raisef(exc::TypeError, "function() argument 'code' must be code, not %s", typeNameOf(args[0]).c_str());
  }
  if (!isDict(args[1])) {
    return raisef(exc::TypeError, "function() argument 'globals' must be dict, not %s",
                  typeNameOf(args[1]).c_str());
  }
  Value f = newFunction(args[0], args[1]);
  if (f.isNull()) return f;
  if (nargs > 2 && !isNone(args[2])) {
    if (!isStr(args[2])) return raise(exc::TypeError, "arg 3 (name) must be None or string");
    asFunction(f)->name.set(args[2]);
  }
  if (nargs > 3 && !isNone(args[3])) {
    if (!isTuple(args[3])) return raise(exc::TypeError, "arg 4 (defaults) must be None or tuple");
    asFunction(f)->defaults.set(args[3]);
  }
  int64_t nfree = asCode(args[0])->nfrees;
  if (nargs > 4 && !isNone(args[4])) {
    if (!isTuple(args[4])) return raise(exc::TypeError, "arg 5 (closure) must be tuple");
    if (tupleLength(args[4]) != nfree) {
      return raisef(exc::ValueError, "%s requires closure of length %lld, not %lld",
                    strToUtf8(asCode(args[0])->name.get()).c_str(), static_cast<long long>(nfree),
                    static_cast<long long>(tupleLength(args[4])));
    }
    asFunction(f)->closure.set(args[4]);
  } else if (nfree != 0) {
    return raise(exc::TypeError, "arg 5 (closure) must be tuple");
  }
  return f;
}

const uint32_t kFunctionFields[] = {
    offsetof(Obj, ob_type),         offsetof(FunctionObj, code),       offsetof(FunctionObj, globals),
    offsetof(FunctionObj, builtins), offsetof(FunctionObj, name),      offsetof(FunctionObj, qualname),
    offsetof(FunctionObj, module),  offsetof(FunctionObj, doc),        offsetof(FunctionObj, defaults),
    offsetof(FunctionObj, kwdefaults), offsetof(FunctionObj, annotations), offsetof(FunctionObj, closure),
    offsetof(FunctionObj, dict),
};
const gc::Layout kFunctionLayout = {.name = "function", .fields = kFunctionFields};

const GetSetDef kFunctionGetSets[] = {
    {.name = "__code__", .get = function_get___code__, .set = function_set___code__},
    {.name = "__defaults__", .get = function_get___defaults__, .set = function_set___defaults__},
    {.name = "__kwdefaults__", .get = function_get___kwdefaults__, .set = function_set___kwdefaults__},
    {.name = "__annotations__", .get = function_get___annotations__, .set = function_set___annotations__},
    {.name = "__name__", .get = function_get___name__, .set = function_set___name__},
    {.name = "__qualname__", .get = function_get___qualname__, .set = function_set___qualname__},
    {.name = "__dict__", .get = function_get___dict__, .set = function_set___dict__},
};

// What CPython declares as members (func_memberlist), in its order.
const MemberDef kFunctionMembers[] = {
    {.name = "__closure__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(FunctionObj, closure),
     .readonly = true},
    {.name = "__doc__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(FunctionObj, doc)},
    {.name = "__globals__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(FunctionObj, globals),
     .readonly = true},
    {.name = "__module__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(FunctionObj, module)},
    {.name = "__builtins__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(FunctionObj, builtins),
     .readonly = true},
};

const TypeSpec kFunctionSpec = {
    .name = "function",
    .type = &types::function_type,
    .layout = &kFunctionLayout,
    .basic_size = sizeof(FunctionObj),
    .flags = type_flags::kHasDict | type_flags::kMethodDescriptor,
    .slots = {.tp_repr = function_repr,
              .tp_call = callFunction,
              .tp_descr_get = function_descr_get,
              .tp_new = function___new__},
    .getsets = kFunctionGetSets,
    .members = kFunctionMembers,
    .doc = "Create a function object.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kFunctionSpec);

// --- cell -----------------------------------------------------------------------

Value cell_repr(Value v) {
  Value c = asCell(v)->contents.get();
  if (c.isNull()) return newStr("<cell at " + addressOf(v) + ": empty>");
  std::string addr = c.isSmallInt() ? std::string("0x") : addressOf(c);
  return newStr("<cell at " + addressOf(v) + ": " + typeNameOf(c) + " object at " + addr + ">");
}

Value cell_richcompare(Value a, Value b, int op) {
  if (!isCell(b)) return NotImplemented();
  Value x = asCell(a)->contents.get();
  Value y = asCell(b)->contents.get();
  if (!x.isNull() && !y.isNull()) return richCompare(x, y, op);
  // An empty cell sorts before a full one.
  int cmp = (x.isNull() ? 0 : 1) - (y.isNull() ? 0 : 1);
  bool r = false;
  switch (op) {
    case kLt: r = cmp < 0; break;
    case kLe: r = cmp <= 0; break;
    case kEq: r = cmp == 0; break;
    case kNe: r = cmp != 0; break;
    case kGt: r = cmp > 0; break;
    case kGe: r = cmp >= 0; break;
  }
  return Bool(r);
}

Value cell_get_cell_contents(Value self) {
  Value c = asCell(self)->contents.get();
  if (c.isNull()) return raise(exc::ValueError, "Cell is empty");
  return c;
}
int cell_set_cell_contents(Value self, Value value) {
  asCell(self)->contents.set(value);
  return 0;
}

Value cell___new__(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) return raise(exc::TypeError, "cell() takes no keyword arguments");
  if (nargs > 1) return raisef(exc::TypeError, "cell expected at most 1 argument, got %zu", nargs);
  return newCell(nargs == 1 ? args[0] : Value());
}

const uint32_t kCellFields[] = {offsetof(Obj, ob_type), offsetof(CellObj, contents)};
const gc::Layout kCellLayout = {.name = "cell", .fields = kCellFields};

const GetSetDef kCellGetSets[] = {
    {.name = "cell_contents", .get = cell_get_cell_contents, .set = cell_set_cell_contents},
};

const TypeSpec kCellSpec = {
    .name = "cell",
    .type = &types::cell_type,
    .layout = &kCellLayout,
    .basic_size = sizeof(CellObj),
    .slots = {.tp_repr = cell_repr, .tp_richcompare = cell_richcompare, .tp_new = cell___new__},
    .getsets = kCellGetSets,
    .doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will "
           "be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a "
           "ValueError.",
};
TERN_REGISTER_TYPE(kCellSpec);

}  // namespace

}  // namespace tern
