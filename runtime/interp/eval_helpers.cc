// The slow paths of the interpreter's opcodes (eval_internal.h).
#include <string>

#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval_internal.h"
#include "runtime/interp/function.h"
#include "runtime/interp/generator.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/instance_attrs.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/set.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::interp {

namespace {

inline bool isType(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kTypeSubclass); }
inline Type* asType(Value v) { return static_cast<Type*>(v.asObject()); }
inline bool isExceptionClass(Value v) { return isType(v) && isSubtype(asType(v), exc::BaseException); }
inline BaseExceptionObj* asExc(Value v) { return static_cast<BaseExceptionObj*>(v.asObject()); }

bool looksIterable(Value v) {
  Type* t = typeOf(v);
  return t->slots.tp_iter != nullptr || t->slots.mp_subscript != nullptr;
}

// The attribute `name` of the type bound to `obj` (descriptor __get__
// applied), or null without an exception when the type has none.
Value lookupSpecialBound(Value obj, Value name) {
  Value attr = lookupSpecial(typeOf(obj), name);
  if (attr.isNull()) return attr;
  DescrGetFn get = typeOf(attr)->slots.tp_descr_get;
  if (get == nullptr) return attr;
  return get(attr, obj, typeValue(typeOf(obj)));
}

Value raiseWithName(Type* type, const std::string& msg, Value name) {
  Value e = newException(type, newTupleOf({newStr(msg)}));
  if (e.isNull()) return e;
  static_cast<NameErrorObj*>(e.asObject())->name.set(name);
  return raiseException(e);
}

}  // namespace

// --- names -----------------------------------------------------------------------

Value raiseNameError(Value name) {
  return raiseWithName(exc::NameError, "name '" + strToUtf8(name) + "' is not defined", name);
}

Value raiseUnboundLocal(CodeObj* code, int64_t index) {
  Value name = tupleItem(code->localsplusnames.get(), index);
  if (code->kinds()[index] & kFastFree) {
    return raiseWithName(exc::NameError,
                         "cannot access free variable '" + strToUtf8(name) +
                             "' where it is not associated with a value in enclosing scope",
                         name);
  }
  return raiseWithName(exc::UnboundLocalError,
                       "cannot access local variable '" + strToUtf8(name) + "' where it is not associated with a value",
                       name);
}

// --- raise -------------------------------------------------------------------------

namespace {

// An exception instance from `v` (a class is instantiated); null on error,
// with `what_error` describing a bad `v`.
Value instantiateException(Value v, const char* what_error) {
  if (isExceptionClass(v)) {
    return requireExceptionInstance(v, call0(v));
  }
  if (!v.isSmallInt() && isException(v)) return v;
  return raise(exc::TypeError, what_error);
}

}  // namespace

bool doRaise(Value exc_v, Value cause) {
  Value value = instantiateException(exc_v, "exceptions must derive from BaseException");
  if (value.isNull()) return false;
  if (!cause.isNull()) {
    Value fixed;
    if (isNone(cause)) {
      fixed = None();
    } else {
      fixed = instantiateException(cause, "exception causes must derive from BaseException");
      if (fixed.isNull()) return false;
    }
    asExc(value)->cause.set(fixed);
    asExc(value)->suppress_context = 1;
  }
  raiseException(value);
  return false;
}

// --- except / except* ------------------------------------------------------------

int checkExceptMatch(Value exc_v, Value type, bool star) {
  auto bad = [&](Value t) -> bool { return !isExceptionClass(t); };
  auto is_group = [&](Value t) -> bool { return isType(t) && isSubtype(asType(t), exc::BaseExceptionGroup); };
  if (isTuple(type)) {
    for (int64_t i = 0; i < tupleLength(type); ++i) {
      if (bad(tupleItem(type, i))) {
        raise(exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
      }
      if (star && is_group(tupleItem(type, i))) {
        raise(exc::TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
      }
    }
  } else {
    if (bad(type)) {
      raise(exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    if (star && is_group(type)) {
      raise(exc::TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return -1;
    }
  }
  if (star) return 0;
  Type* t = typeOf(exc_v);
  if (isTuple(type)) {
    for (int64_t i = 0; i < tupleLength(type); ++i) {
      if (isSubtype(t, asType(tupleItem(type, i)))) return 1;
    }
    return 0;
  }
  return isSubtype(t, asType(type)) ? 1 : 0;
}

namespace {

bool matchesType(Value e, Value type) {
  Type* t = typeOf(e);
  if (isTuple(type)) {
    for (int64_t i = 0; i < tupleLength(type); ++i) {
      if (isSubtype(t, asType(tupleItem(type, i)))) return true;
    }
    return false;
  }
  return isSubtype(t, asType(type));
}

bool isGroup(Value e) { return !e.isSmallInt() && isInstance(e, exc::BaseExceptionGroup); }

Value newGroup(Value excs_list) {
  Value msg = names::empty;
  return call2(typeValue(exc::BaseExceptionGroup), msg, excs_list);
}

}  // namespace

bool exceptionGroupMatch(Value e, Value type, Value* match, Value* rest) {
  *match = None();
  *rest = None();
  if (isNone(e)) return true;
  if (matchesType(e, type)) {
    if (isGroup(e)) {
      *match = e;
      return true;
    }
    Value list = newListFrom(&e, 1);
    Value wrapped = newGroup(list);
    if (wrapped.isNull()) return false;
    Value tb = asExc(e)->traceback.get();
    if (!tb.isNull()) asExc(wrapped)->traceback.set(tb);
    *match = wrapped;
    return true;
  }
  if (isGroup(e)) {
    Value pair = callMethod(e, internStr("split"), &type, 1);
    if (pair.isNull()) return false;
    if (!isTuple(pair) || tupleLength(pair) != 2) {
      raisef(exc::TypeError, "X.split(match) must return a tuple, not %s", typeNameOf(pair).c_str());
      return false;
    }
    *match = tupleItem(pair, 0);
    *rest = tupleItem(pair, 1);
  }
  return true;
}

// --- unpacking ------------------------------------------------------------------------

bool unpackIterable(Value seq, int before, int after, Value* out) {
  // UNPACK_EX of an exact list or tuple long enough: its items directly (no
  // Python code runs, so iterating would see the same items).
  bool is_list = isExactList(seq);
  if (after >= 0 && (is_list || isExactTuple(seq))) {
    auto item = [&](int64_t i) { return is_list ? listItem(seq, i) : tupleItem(seq, i); };
    int64_t n = is_list ? listLength(seq) : tupleLength(seq);
    if (n >= before + after) {
      int64_t m = n - before - after;
      Value middle = newList(m);
      if (middle.isNull()) return false;
      int total = before + 1 + after;
      for (int i = 0; i < before; ++i) out[total - 1 - i] = item(i);
      for (int64_t i = 0; i < m; ++i) {
        if (!listAppend(middle, item(before + i))) return false;
      }
      for (int j = 0; j < after; ++j) out[after - 1 - j] = item(n - after + j);
      out[after] = middle;
      return true;
    }
  }
  Value it = getIter(seq);
  if (it.isNull()) {
    if (errorMatches(exc::TypeError) && !looksIterable(seq)) {
      clearError();
      raisef(exc::TypeError, "cannot unpack non-iterable %s object", typeNameOf(seq).c_str());
    }
    return false;
  }
  int total = after < 0 ? before : before + 1 + after;
  for (int i = 0; i < before; ++i) {
    Value v = iterNext(it);
    if (v.isNull()) {
      if (errorPending()) return false;
      if (after < 0) {
        raisef(exc::ValueError, "not enough values to unpack (expected %d, got %d)", before, i);
      } else {
        raisef(exc::ValueError, "not enough values to unpack (expected at least %d, got %d)", before + after, i);
      }
      return false;
    }
    out[total - 1 - i] = v;
  }
  if (after < 0) {
    Value extra = iterNext(it);
    if (extra.isNull()) return !errorPending();
    raisef(exc::ValueError, "too many values to unpack (expected %d)", before);
    return false;
  }
  Value list = listFromIterable(it);
  if (list.isNull()) return false;
  int64_t len = listLength(list);
  if (len < after) {
    raisef(exc::ValueError, "not enough values to unpack (expected at least %d, got %lld)", before + after,
           static_cast<long long>(before + len));
    return false;
  }
  for (int j = 0; j < after; ++j) out[after - 1 - j] = listItem(list, len - after + j);
  Value middle = newListFrom(nullptr, 0);
  for (int64_t i = 0; i < len - after; ++i) {
    if (!listAppend(middle, listItem(list, i))) return false;
  }
  out[after] = middle;
  return true;
}

// --- displays and calls ---------------------------------------------------------------

std::string functionDescription(Value func) {
  Value qualname = lookupAttr(func, names::__qualname__);
  if (qualname.isNull() || !isStr(qualname)) {
    clearError();
    Value s = str(func);
    if (s.isNull()) {
      clearError();
      return "?";
    }
    return strToUtf8(s);
  }
  Value module = lookupAttr(func, names::__module__);
  clearError();
  if (!module.isNull() && !isNone(module)) {
    if (isStr(module) && strEqualsAscii(module, "builtins")) return strToUtf8(qualname) + "()";
    Value ms = str(module);
    if (ms.isNull()) {
      clearError();
      return strToUtf8(qualname) + "()";
    }
    return strToUtf8(ms) + "." + strToUtf8(qualname) + "()";
  }
  return strToUtf8(qualname) + "()";
}

bool listExtendForStar(Value list, Value iterable) {
  if (listExtend(list, iterable)) return true;
  if (errorMatches(exc::TypeError) && !looksIterable(iterable)) {
    clearError();
    raisef(exc::TypeError, "Value after * must be an iterable, not %s", typeNameOf(iterable).c_str());
  }
  return false;
}

bool dictUpdateForDisplay(Value dict, Value other) {
  if (!isDict(other)) {
    Value keys = lookupAttr(other, names::keys);
    if (keys.isNull()) {
      if (errorPending()) return false;
      raisef(exc::TypeError, "'%s' object is not a mapping", typeNameOf(other).c_str());
      return false;
    }
  }
  if (dictMerge(dict, other, true) == 0) return true;
  if (errorMatches(exc::AttributeError)) {
    clearError();
    raisef(exc::TypeError, "'%s' object is not a mapping", typeNameOf(other).c_str());
  }
  return false;
}

bool dictMergeForCall(Value func, Value dict, Value other) {
  if (!isDict(other)) {
    Value keys = lookupAttr(other, names::keys);
    if (keys.isNull()) {
      if (errorPending()) return false;
      raisef(exc::TypeError, "%s argument after ** must be a mapping, not %s", functionDescription(func).c_str(),
             typeNameOf(other).c_str());
      return false;
    }
  }
  if (dictMerge(dict, other, false) == 0) return true;
  if (errorMatches(exc::KeyError)) {
    Value e = takeError();
    Value args = asExc(e)->args.get();
    Value key = tupleLength(args) > 0 ? tupleItem(args, 0) : None();
    if (isStr(key)) {
      raisef(exc::TypeError, "%s got multiple values for keyword argument '%s'", functionDescription(func).c_str(),
             strToUtf8(key).c_str());
    } else {
      restoreError(e);
    }
  }
  return false;
}

bool normaliseStarArgs(Value func, Value* args, Value* kwargs) {
  if (!isExactTuple(*args)) {
    if (!looksIterable(*args)) {
      raisef(exc::TypeError, "%s argument after * must be an iterable, not %s", functionDescription(func).c_str(),
             typeNameOf(*args).c_str());
      return false;
    }
    Value t = tupleFromIterable(*args);
    if (t.isNull()) return false;
    *args = t;
  }
  if (!kwargs->isNull() && !isExactDict(*kwargs)) {
    Value d = newDict();
    if (!dictMergeForCall(func, d, *kwargs)) return false;
    *kwargs = d;
  }
  if (!kwargs->isNull()) {
    int64_t pos = 0;
    Value key, value;
    while (dictNext(*kwargs, &pos, &key, &value)) {
      if (!isStr(key)) {
        raise(exc::TypeError, "keywords must be strings");
        return false;
      }
    }
  }
  return true;
}

Value formatValue(Value v, uint32_t flags, Value spec) {
  switch (flags & 3) {
    case 1: v = str(v); break;
    case 2: v = repr(v); break;
    case 3: v = ascii(v); break;
    default: break;
  }
  if (v.isNull()) return v;
  if (spec.isNull() && isExactStr(v)) return v;
  return format(v, spec.isNull() ? names::empty : spec);
}

// --- attributes ---------------------------------------------------------------------------

bool loadMethod(Value obj, Value name, Value* meth, Value* self) {
  Type* tp = typeOf(obj);
  if (tp->slots.tp_getattro != genericGetAttr) {
    *meth = getAttr(obj, name);
    *self = Value();
    return !meth->isNull();
  }
  Value descr = typeLookup(tp, name);
  bool method_found = false;
  if (!descr.isNull()) {
    Type* dt = typeOf(descr);
    if (dt->hasFlag(type_flags::kMethodDescriptor)) {
      method_found = true;
    } else if (dt->slots.tp_descr_get != nullptr && dt->slots.tp_descr_set != nullptr) {
      *meth = dt->slots.tp_descr_get(descr, obj, typeValue(tp));
      *self = Value();
      return !meth->isNull();
    }
  } else if (errorPending()) {
    return false;
  }
  if (tp->dict_offset != 0 && !obj.isSmallInt()) {
    Value dict = instanceDictSlot(obj, tp->dict_offset)->get();
    if (isShape(dict)) {
      Value v = isStr(name) ? inlineGet(obj, tp, asShape(dict), name) : Value();  // str subclasses compare by value
      if (!v.isNull()) {
        *meth = v;
        *self = Value();
        return true;
      }
    } else if (!dict.isNull()) {
      Value v = isExactStr(name) ? dictGetStr(dict, name) : dictGet(dict, name);
      if (!v.isNull()) {
        *meth = v;
        *self = Value();
        return true;
      }
      if (errorPending()) return false;
    }
  }
  if (method_found) {
    *meth = descr;
    *self = obj;
    return true;
  }
  *meth = getAttr(obj, name);
  *self = Value();
  return !meth->isNull();
}

bool beforeWith(Value mgr, bool async, Value* exit, Value* enter_result) {
  const char* protocol = async ? "asynchronous context manager" : "context manager";
  Value enter = lookupSpecialBound(mgr, async ? names::__aenter__ : names::__enter__);
  if (enter.isNull()) {
    if (!errorPending()) {
      raisef(exc::TypeError, "'%s' object does not support the %s protocol", typeNameOf(mgr).c_str(), protocol);
    }
    return false;
  }
  Value ex = lookupSpecialBound(mgr, async ? names::__aexit__ : names::__exit__);
  if (ex.isNull()) {
    if (!errorPending()) {
      raisef(exc::TypeError, "'%s' object does not support the %s protocol (missed %s method)",
             typeNameOf(mgr).c_str(), protocol, async ? "__aexit__" : "__exit__");
    }
    return false;
  }
  Value r = call0(enter);
  if (r.isNull()) return false;
  *exit = ex;
  *enter_result = r;
  return true;
}

// --- match ----------------------------------------------------------------------------------

Value matchKeys(Value subject, Value keys) {
  int64_t n = tupleLength(keys);
  if (n == 0) return newTuple(0);
  Value get = getAttr(subject, internStr("get"));
  if (get.isNull()) return get;
  Value seen = newSet();
  Value dummy = newList();
  Value values = newList();
  for (int64_t i = 0; i < n; ++i) {
    Value key = tupleItem(keys, i);
    int r = setContains(seen, key);
    if (r < 0) return Value();
    if (r > 0) {
      Value kr = repr(key);
      if (kr.isNull()) return kr;
      return raisef(exc::ValueError, "mapping pattern checks duplicate key (%s)", strToUtf8(kr).c_str());
    }
    if (setAdd(seen, key) < 0) return Value();
    Value v = call2(get, key, dummy);
    if (v.isNull()) return v;
    if (v == dummy) return None();
    if (!listAppend(values, v)) return Value();
  }
  return listAsTuple(values);
}

namespace {

bool matchSelfType(Type* t) {
  Type* self_types[] = {types::bool_type,      types::bytearray_type, types::bytes_type, types::dict_type,
                        types::float_type,     types::frozenset_type, types::int_type,   types::list_type,
                        types::set_type,       types::str_type,       types::tuple_type};
  for (Type* s : self_types) {
    if (s != nullptr && isSubtype(t, s)) return true;
  }
  return false;
}

// Appends subject.name to attrs; 0 missing, 1 found, -1 error.
int matchClassAttr(Value subject, Type* type, Value name, Value seen, Value attrs) {
  int r = setContains(seen, name);
  if (r < 0) return -1;
  if (r > 0) {
    raisef(exc::TypeError, "%s() got multiple sub-patterns for attribute '%s'", typeName(type).c_str(),
           strToUtf8(name).c_str());
    return -1;
  }
  if (setAdd(seen, name) < 0) return -1;
  Value v = lookupAttr(subject, name);
  if (v.isNull()) return errorPending() ? -1 : 0;
  return listAppend(attrs, v) ? 1 : -1;
}

}  // namespace

Value matchClass(Value subject, Value cls, int64_t nargs, Value kwnames) {
  if (!isType(cls)) return raise(exc::TypeError, "called match pattern must be a type");
  int r = isInstanceGeneric(subject, cls);
  if (r < 0) return Value();
  if (r == 0) return None();
  Type* type = asType(cls);
  Value seen = newSet();
  Value attrs = newList();
  if (nargs > 0) {
    bool match_self = false;
    Value match_args = lookupAttr(cls, names::__match_args__);
    if (match_args.isNull()) {
      if (errorPending()) return Value();
      match_self = matchSelfType(type);
      match_args = newTuple(0);
    } else if (!isTuple(match_args)) {
      return raisef(exc::TypeError, "%s.__match_args__ must be a tuple (got %s)", typeName(type).c_str(),
                    typeNameOf(match_args).c_str());
    }
    int64_t allowed = match_self ? 1 : tupleLength(match_args);
    if (allowed < nargs) {
      return raisef(exc::TypeError, "%s() accepts %lld positional sub-pattern%s (%lld given)",
                    typeName(type).c_str(), static_cast<long long>(allowed), allowed == 1 ? "" : "s",
                    static_cast<long long>(nargs));
    }
    if (match_self) {
      if (!listAppend(attrs, subject)) return Value();
    } else {
      for (int64_t i = 0; i < nargs; ++i) {
        Value name = tupleItem(match_args, i);
        if (!isStr(name)) {
          return raisef(exc::TypeError, "__match_args__ elements must be strings (got %s)",
                        typeNameOf(name).c_str());
        }
        int m = matchClassAttr(subject, type, name, seen, attrs);
        if (m < 0) return Value();
        if (m == 0) return None();
      }
    }
  }
  for (int64_t i = 0; i < tupleLength(kwnames); ++i) {
    int m = matchClassAttr(subject, type, tupleItem(kwnames, i), seen, attrs);
    if (m < 0) return Value();
    if (m == 0) return None();
  }
  return listAsTuple(attrs);
}

// --- imports -----------------------------------------------------------------------------------

Value importNameOp(Frame* frame, Value name, Value fromlist, Value level) {
  Value builtins = frame->builtins;
  Value import = isExactDict(builtins) ? dictGetStr(builtins, names::__import__) : getItem(builtins, names::__import__);
  if (import.isNull()) {
    if (errorPending() && !errorMatches(exc::KeyError)) return Value();
    clearError();
    return raise(exc::ImportError, "__import__ not found");
  }
  Value locals = frame->locals.isNull() ? None() : frame->locals;
  Value args[5] = {name, frame->globals, locals, fromlist, level};
  return call(import, args, 5);
}

Value importFrom(Value module, Value name) {
  Value v = lookupAttr(module, name);
  if (!v.isNull() || errorPending()) return v;
  Value pkgname = lookupAttr(module, names::__name__);
  if (pkgname.isNull() || !isStr(pkgname)) {
    clearError();
    return raisef(exc::ImportError, "cannot import name '%s' from '<unknown module name>' (unknown location)",
                  strToUtf8(name).c_str());
  }
  Value full = newStr(strToUtf8(pkgname) + "." + strToUtf8(name));
  Value m = dictGet(modulesDict(), full);
  if (!m.isNull()) return m;
  clearError();
  Value path = lookupAttr(module, names::__file__);
  clearError();
  std::string where = path.isNull() || !isStr(path) ? "unknown location" : strToUtf8(path);
  std::string from = moduleIsInitializing(module) ? "partially initialized module '" + strToUtf8(pkgname) +
                                                       "' (most likely due to a circular import)"
                                                 : "'" + strToUtf8(pkgname) + "'";
  std::string msg = "cannot import name '" + strToUtf8(name) + "' from " + from + " (" + where + ")";
  Value e = newException(exc::ImportError, newTupleOf({newStr(msg)}));
  if (e.isNull()) return e;
  static_cast<ImportErrorObj*>(e.asObject())->name.set(pkgname);
  if (!path.isNull()) static_cast<ImportErrorObj*>(e.asObject())->path.set(path);
  return raiseException(e);
}

bool importStar(Frame* frame, Value module) {
  Value locals = frame->locals;
  if (locals.isNull()) {
    raise(exc::SystemError, "no locals found during 'import *'");
    return false;
  }
  Value all = lookupAttr(module, names::__all__);
  bool skip_private = false;
  if (all.isNull()) {
    if (errorPending()) return false;
    Value dict = lookupAttr(module, names::__dict__);
    if (dict.isNull()) {
      if (!errorPending()) raise(exc::ImportError, "from-import-* object has no __dict__ and no __all__");
      return false;
    }
    all = isDict(dict) ? dictKeysList(dict) : listFromIterable(dict);
    if (all.isNull()) return false;
    skip_private = true;
  }
  Value it = getIter(all);
  if (it.isNull()) return false;
  for (;;) {
    Value name = iterNext(it);
    if (name.isNull()) return !errorPending();
    if (!isStr(name)) {
      raisef(exc::TypeError, "%s in %s.%s must be str, not %s", skip_private ? "Key" : "Item",
             moduleName(module).c_str(), skip_private ? "__dict__" : "__all__", typeNameOf(name).c_str());
      return false;
    }
    if (skip_private && asStr(name)->length > 0 && asStr(name)->at(0) == '_') continue;
    Value v = getAttr(module, name);
    if (v.isNull()) return false;
    int r = isExactDict(locals) ? dictSet(locals, name, v) : setItem(locals, name, v);
    if (r < 0) return false;
  }
}

// --- async ------------------------------------------------------------------------------------

namespace {

bool isIterableCoroutine(Value v) {
  return isGenerator(v) && (asCode(asGen(v)->code.get())->flags & code_flags::kIterableCoroutine);
}

}  // namespace

Value getAwaitableIter(Value v, int where, CodeObj*) {
  if (isCoroutine(v)) {
    if (!genYieldFrom(v).isNull()) return raise(exc::RuntimeError, "coroutine is being awaited already");
    return v;
  }
  if (isIterableCoroutine(v)) return v;
  Value res;
  UnaryFn am_await = typeOf(v)->slots.am_await;
  if (am_await != nullptr) {
    res = am_await(v);
  } else {
    Value await = lookupSpecialBound(v, names::__await__);
    if (await.isNull()) {
      if (errorPending()) return Value();
      if (where == 1) {
        return raisef(exc::TypeError,
                      "'async with' received an object from __aenter__ that does not implement __await__: %s",
                      typeNameOf(v).c_str());
      }
      if (where == 2) {
        return raisef(exc::TypeError,
                      "'async with' received an object from __aexit__ that does not implement __await__: %s",
                      typeNameOf(v).c_str());
      }
      return raisef(exc::TypeError, "object %s can't be used in 'await' expression", typeNameOf(v).c_str());
    }
    res = call0(await);
  }
  if (res.isNull()) return res;
  if (isCoroutine(res) || isIterableCoroutine(res)) return raise(exc::TypeError, "__await__() returned a coroutine");
  if (typeOf(res)->slots.tp_iternext == nullptr) {
    return raisef(exc::TypeError, "__await__() returned non-iterator of type '%s'", typeNameOf(res).c_str());
  }
  return res;
}

Value getYieldFromIter(Value v, CodeObj* code) {
  if (isCoroutine(v)) {
    if (!(code->flags & (code_flags::kCoroutine | code_flags::kIterableCoroutine))) {
      return raise(exc::TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return v;
  }
  if (isGenerator(v)) return v;
  return getIter(v);
}

Value getAIter(Value v) {
  Value it;
  UnaryFn aiter = typeOf(v)->slots.am_aiter;
  if (aiter != nullptr) {
    it = aiter(v);
  } else {
    Value m = lookupSpecialBound(v, names::__aiter__);
    if (m.isNull()) {
      if (errorPending()) return m;
      return raisef(exc::TypeError, "'async for' requires an object with __aiter__ method, got %s",
                    typeNameOf(v).c_str());
    }
    it = call0(m);
  }
  if (it.isNull()) return it;
  if (typeOf(it)->slots.am_anext == nullptr && lookupSpecial(typeOf(it), names::__anext__).isNull()) {
    if (errorPending()) return Value();
    return raisef(exc::TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                  typeNameOf(it).c_str());
  }
  return it;
}

Value getANext(Value aiter) {
  Value next;
  UnaryFn anext = typeOf(aiter)->slots.am_anext;
  if (anext != nullptr) {
    next = anext(aiter);
    if (isAsyncGenerator(aiter) || next.isNull()) return next;
  } else {
    Value m = lookupSpecialBound(aiter, names::__anext__);
    if (m.isNull()) {
      if (errorPending()) return m;
      return raisef(exc::TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                    typeNameOf(aiter).c_str());
    }
    next = call0(m);
    if (next.isNull()) return next;
  }
  Value awaitable = getAwaitableIter(next, 0, nullptr);
  if (awaitable.isNull()) {
    if (errorMatches(exc::TypeError)) {
      Value cause = takeError();
      raisef(exc::TypeError, "'async for' received an invalid object from __anext__: %s", typeNameOf(next).c_str());
      Value e = pendingError();
      if (!e.isNull()) {
        asExc(e)->cause.set(cause);
        asExc(e)->suppress_context = 1;
      }
    }
    return Value();
  }
  return awaitable;
}

}  // namespace tern::interp
