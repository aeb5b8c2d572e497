// The _functools module: reduce, partial, cmp_to_key (KeyWrapper objects)
// and _lru_cache_wrapper, the C half of functools.lru_cache.  functools.py
// builds wraps/update_wrapper/total_ordering/singledispatch/cached_property
// on top of them.
//
// partial: `fn` is never a partial whose __dict__ was never materialised
// (nested partials are flattened at construction, as CPython's); `args` is
// a tuple and `kw` a dict, both never null once constructed.
//
// _lru_cache_wrapper keeps its entries in an insertion-ordered dict: the
// least recently used key is the first one, and a hit moves its key to the
// end (delete and reinsert).  Invariant: when maxsize >= 0, the cache holds
// at most maxsize entries once a call returns.

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Type* g_partial_type = nullptr;
Type* g_keywrapper_type = nullptr;
Type* g_lru_type = nullptr;

bool reprUtf8(Value v, std::string* out) {
  Value r = repr(v);
  if (r.isNull()) return false;
  *out = strToUtf8(r);
  return true;
}

// ===========================================================================
// reduce(function, iterable[, initial])

Value functools_reduce(Value* args) {
  Value func = args[1], iterable = args[2], result = args[3];
  Value it = getIter(iterable);
  if (it.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      return raise(exc::TypeError, "reduce() arg 2 must support iteration");
    }
    return it;
  }
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) {
      if (errorPending()) return Value();
      break;
    }
    if (result.isNull()) {
      result = item;
    } else {
      result = call2(func, result, item);
      if (result.isNull()) return result;
    }
  }
  if (result.isNull()) return raise(exc::TypeError, "reduce() of empty iterable with no initial value");
  return result;
}

// ===========================================================================
// partial(func, /, *args, **keywords)

struct PartialObj : Obj {
  gc::HeapValue fn;
  gc::HeapValue args;  // tuple
  gc::HeapValue kw;    // dict
  gc::HeapValue dict;  // instance __dict__, null until used
};
PartialObj* asPartial(Value v) { return static_cast<PartialObj*>(v.asObject()); }

Value partial_call(Value self, const Value* args, size_t nargs, Value kwnames);

Value partial_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise(exc::TypeError, "type 'partial' takes at least one argument");
  Value func = args[0];
  Value pargs, pkw;
  if (!func.isSmallInt() && typeOf(func)->slots.tp_call == partial_call && asPartial(func)->dict.get().isNull()) {
    pargs = asPartial(func)->args.get();
    pkw = asPartial(func)->kw.get();
    func = asPartial(func)->fn.get();
  }
  if (!isCallable(func)) return raise(exc::TypeError, "the first argument must be callable");
  int64_t n_old = pargs.isNull() ? 0 : tupleLength(pargs);
  int64_t n_new = static_cast<int64_t>(nargs) - 1;
  Value all_args = newTuple(n_old + n_new);
  for (int64_t i = 0; i < n_old; ++i) tupleInit(all_args, i, tupleItem(pargs, i));
  for (int64_t i = 0; i < n_new; ++i) tupleInit(all_args, n_old + i, args[1 + i]);
  Value kw = pkw.isNull() ? newDict() : dictCopy(pkw);
  if (kw.isNull()) return kw;
  for (int64_t i = 0; !kwnames.isNull() && i < tupleLength(kwnames); ++i) {
    if (dictSet(kw, tupleItem(kwnames, i), args[nargs + i]) < 0) return Value();
  }
  PartialObj* p = static_cast<PartialObj*>(newObject(type, type->basic_size));
  p->fn.set(func);
  p->args.set(all_args);
  p->kw.set(kw);
  return Value(p);
}

Value partial_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value pargs = asPartial(self)->args.get(), kw = asPartial(self)->kw.get();
  int64_t np = tupleLength(pargs);
  int64_t nkw = kwnames.isNull() ? 0 : tupleLength(kwnames);
  constexpr int64_t kSmall = 16;
  if (dictSize(kw) == 0 && np + static_cast<int64_t>(nargs) + nkw <= kSmall) {
    // The common case: one vectorcall, the buffer on the (scanned) stack.
    Value buffer[kSmall];
    for (int64_t i = 0; i < np; ++i) buffer[i] = tupleItem(pargs, i);
    for (int64_t i = 0; i < static_cast<int64_t>(nargs) + nkw; ++i) buffer[np + i] = args[i];
    return call(asPartial(self)->fn.get(), buffer, static_cast<size_t>(np) + nargs, kwnames);
  }
  Value all_args = newTuple(np + static_cast<int64_t>(nargs));
  for (int64_t i = 0; i < np; ++i) tupleInit(all_args, i, tupleItem(pargs, i));
  for (size_t i = 0; i < nargs; ++i) tupleInit(all_args, np + static_cast<int64_t>(i), args[i]);
  Value all_kw = dictCopy(asPartial(self)->kw.get());
  if (all_kw.isNull()) return all_kw;
  for (int64_t i = 0; i < nkw; ++i) {
    if (dictSet(all_kw, tupleItem(kwnames, i), args[nargs + i]) < 0) return Value();
  }
  return callTupleDict(asPartial(self)->fn.get(), all_args, all_kw);
}

Value partial_repr(Value self) {
  std::string name = typeOf(self) == g_partial_type ? "functools.partial" : typeNameOf(self);
  int entered = reprEnter(self);
  if (entered < 0) return Value();
  if (entered > 0) return newStr("...");
  std::string out, text;
  bool ok = reprUtf8(asPartial(self)->fn.get(), &text);
  if (ok) {
    out = name + "(" + text;
    Value pargs = asPartial(self)->args.get();
    for (int64_t i = 0; ok && i < tupleLength(pargs); ++i) {
      ok = reprUtf8(tupleItem(pargs, i), &text);
      out += ", " + text;
    }
    Value kw = asPartial(self)->kw.get();
    int64_t pos = 0;
    Value key, value;
    while (ok && dictNext(kw, &pos, &key, &value)) {
      Value key_str = str(key);
      ok = !key_str.isNull() && reprUtf8(value, &text);
      if (ok) out += ", " + strToUtf8(key_str) + "=" + text;
    }
  }
  reprLeave(self);
  if (!ok) return Value();
  return newStr(out + ")");
}

Value partial___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

Value partial___reduce__(Value* args) {
  Value self = args[0];
  Value fn = asPartial(self)->fn.get();
  Value kw = asPartial(self)->kw.get();
  Value dict = asPartial(self)->dict.get();
  Value state = newTupleOf({fn, asPartial(self)->args.get(), kw,
                            dict.isNull() || dictSize(dict) == 0 ? None() : dict});
  return newTupleOf({typeValue(typeOf(self)), newTupleOf({fn}), state});
}

Value partial___setstate__(Value* args) {
  Value self = args[0], state = args[1];
  if (!isTuple(state) || tupleLength(state) != 4) return raise(exc::TypeError, "invalid partial state");
  Value fn = tupleItem(state, 0), fnargs = tupleItem(state, 1), kw = tupleItem(state, 2), dict = tupleItem(state, 3);
  if (!isCallable(fn) || !isTuple(fnargs) || (!isNone(kw) && !isDict(kw))) {
    return raise(exc::TypeError, "invalid partial state");
  }
  if (!isExactTuple(fnargs)) {
    fnargs = tupleFromIterable(fnargs);
    if (fnargs.isNull()) return fnargs;
  }
  if (isNone(kw)) {
    kw = newDict();
  } else if (!isExactDict(kw)) {
    Value copy = newDict();
    if (dictUpdate(copy, kw) < 0) return Value();
    kw = copy;
  }
  asPartial(self)->fn.set(fn);
  asPartial(self)->args.set(fnargs);
  asPartial(self)->kw.set(kw);
  if (isNone(dict)) {
    asPartial(self)->dict.set(Value());
  } else {
    if (!isDict(dict)) return raise(exc::TypeError, "setting partial object's dictionary to a non-dict");
    asPartial(self)->dict.set(dict);
  }
  return None();
}

// ===========================================================================
// cmp_to_key(mycmp) -> KeyWrapper

struct KeyWrapperObj : Obj {
  gc::HeapValue cmp;
  gc::HeapValue object;  // null for the wrapper cmp_to_key returns
};
KeyWrapperObj* asKeyWrapper(Value v) { return static_cast<KeyWrapperObj*>(v.asObject()); }

Value newKeyWrapper(Value cmp, Value object) {
  KeyWrapperObj* k = static_cast<KeyWrapperObj*>(newObject(g_keywrapper_type, sizeof(KeyWrapperObj)));
  k->cmp.set(cmp);
  k->object.set(object);
  return Value(k);
}

Value functools_cmp_to_key(Value* args) { return newKeyWrapper(args[1], Value()); }

const MethodDef kKeyWrapperCallDef = {.name = "K", .signature = "(obj)"};

Value keywrapper_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bindArguments(&kKeyWrapperCallDef, Value(), args, nargs, kwnames, bound)) return Value();
  return newKeyWrapper(asKeyWrapper(self)->cmp.get(), bound[0]);
}

Value keywrapper_richcompare(Value a, Value b, int op) {
  if (b.isSmallInt() || typeOf(b) != g_keywrapper_type) {
    return raise(exc::TypeError, "other argument must be K instance");
  }
  Value x = asKeyWrapper(a)->object.get(), y = asKeyWrapper(b)->object.get();
  if (x.isNull() || y.isNull()) return raise(exc::AttributeError, "object");
  Value r = call2(asKeyWrapper(a)->cmp.get(), x, y);
  if (r.isNull()) return r;
  return richCompare(r, newInt(0), op);
}

// ===========================================================================
// _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)

struct LruObj : Obj {
  gc::HeapValue func;
  gc::HeapValue cache;            // dict: key -> result, least recently used first
  gc::HeapValue cache_info_type;  // functools._CacheInfo
  gc::HeapValue dict;             // instance __dict__ (__wrapped__, __name__, ...)
  int64_t maxsize;                // -1: unbounded
  int64_t hits, misses;
  int64_t typed;
};
LruObj* asLru(Value v) { return static_cast<LruObj*>(v.asObject()); }

// Separates positional from keyword arguments in cache keys (CPython's
// kwd_mark): a private object no caller can pass.
gc::GlobalRoot g_kwd_mark;

const MethodDef kLruNewDef = {.name = "lru_cache", .signature = "(user_function, maxsize, typed, cache_info_type)"};

Value lru_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[4];
  if (!bindArguments(&kLruNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  if (!isCallable(bound[0])) return raise(exc::TypeError, "the first argument must be callable");
  int64_t maxsize = -1;
  if (!isNone(bound[1])) {
    if (!isInt(bound[1])) return raise(exc::TypeError, "maxsize should be integer or None");
    if (!intToInt64(bound[1], &maxsize)) {
      if (!errorMatches(exc::OverflowError) || intSign(bound[1]) < 0) return Value();
      clearError();
      maxsize = INT64_MAX;
    }
    if (maxsize < 0) maxsize = 0;
  }
  int typed = isTrue(bound[2]);
  if (typed < 0) return Value();
  if (g_kwd_mark.get().isNull()) {
    Value mark = call0(typeValue(types::object_type));
    if (mark.isNull()) return mark;
    g_kwd_mark.set(mark);
  }
  Value cache = newDict();
  LruObj* l = static_cast<LruObj*>(newObject(type, type->basic_size));
  l->func.set(bound[0]);
  l->cache.set(cache);
  l->cache_info_type.set(bound[3]);
  l->maxsize = maxsize;
  l->typed = typed;
  return Value(l);
}

// The cache key of a call, as CPython's C lru_cache builds it.
Value makeKey(const Value* args, size_t nargs, Value kwnames, bool typed) {
  int64_t nkw = kwnames.isNull() ? 0 : tupleLength(kwnames);
  int64_t n = static_cast<int64_t>(nargs);
  if (!typed && nkw == 0) {
    if (n == 1 && (isExactStr(args[0]) || isExactInt(args[0]))) return args[0];
    return newTupleFrom(args, n);
  }
  int64_t size = n + (nkw > 0 ? 1 + 2 * nkw : 0) + (typed ? n + nkw : 0);
  Value key = newTuple(size);
  int64_t k = 0;
  for (int64_t i = 0; i < n; ++i) tupleInit(key, k++, args[i]);
  if (nkw > 0) {
    tupleInit(key, k++, g_kwd_mark.get());
    for (int64_t i = 0; i < nkw; ++i) {
      tupleInit(key, k++, tupleItem(kwnames, i));
      tupleInit(key, k++, args[n + i]);
    }
  }
  if (typed) {
    for (int64_t i = 0; i < n + nkw; ++i) tupleInit(key, k++, typeValue(typeOf(args[i])));
  }
  return key;
}

Value lru_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (asLru(self)->maxsize == 0) {
    asLru(self)->misses++;
    return call(asLru(self)->func.get(), args, nargs, kwnames);
  }
  Value key = makeKey(args, nargs, kwnames, asLru(self)->typed != 0);
  if (key.isNull()) return key;
  Value cache = asLru(self)->cache.get();
  Value result = dictGet(cache, key);
  if (!result.isNull()) {
    asLru(self)->hits++;
    if (asLru(self)->maxsize > 0) {
      // Move to the most recently used end.
      if (dictDel(cache, key) < 0 || dictSet(cache, key, result) < 0) return Value();
    }
    return result;
  }
  if (errorPending()) return Value();
  asLru(self)->misses++;
  result = call(asLru(self)->func.get(), args, nargs, kwnames);
  if (result.isNull()) return result;
  cache = asLru(self)->cache.get();  // cache_clear() during the call replaced nothing, but re-read anyway
  int present = dictContains(cache, key);
  if (present < 0) return Value();
  if (present > 0) return result;  // the call itself cached the key (recursion): keep that entry
  int64_t maxsize = asLru(self)->maxsize;
  if (maxsize > 0 && dictSize(cache) >= maxsize) {
    int64_t pos = 0;
    Value oldest_key, oldest_value;
    if (dictNext(cache, &pos, &oldest_key, &oldest_value) && dictDel(cache, oldest_key) < 0) return Value();
  }
  if (dictSet(cache, key, result) < 0) return Value();
  return result;
}

Value lru_descr_get(Value self, Value obj, Value /*type*/) {
  if (obj.isNull() || isNone(obj)) return self;
  return newMethod(self, obj);
}

Value lru_cache_info(Value* args) {
  Value self = args[0];
  int64_t maxsize = asLru(self)->maxsize;
  Value info_args[4] = {newInt(asLru(self)->hits), newInt(asLru(self)->misses),
                        maxsize < 0 ? None() : newInt(maxsize), newInt(dictSize(asLru(self)->cache.get()))};
  return call(asLru(self)->cache_info_type.get(), info_args, 4);
}

Value lru_cache_clear(Value* args) {
  Value self = args[0];
  asLru(self)->hits = 0;
  asLru(self)->misses = 0;
  dictClear(asLru(self)->cache.get());
  return None();
}

Value lru___reduce__(Value* args) { return getAttr(args[0], names::__qualname__); }
Value lru___copy__(Value* args) { return args[0]; }
Value lru___deepcopy__(Value* args) { return args[0]; }

// ===========================================================================
// Tables

const uint32_t kPartialFields[] = {offsetof(Obj, ob_type), offsetof(PartialObj, fn), offsetof(PartialObj, args),
                                   offsetof(PartialObj, kw), offsetof(PartialObj, dict)};
const gc::Layout kPartialLayout = {.name = "functools.partial", .fields = kPartialFields};
const uint32_t kKeyWrapperFields[] = {offsetof(Obj, ob_type), offsetof(KeyWrapperObj, cmp),
                                      offsetof(KeyWrapperObj, object)};
const gc::Layout kKeyWrapperLayout = {.name = "functools.KeyWrapper", .fields = kKeyWrapperFields};
const uint32_t kLruFields[] = {offsetof(Obj, ob_type), offsetof(LruObj, func), offsetof(LruObj, cache),
                               offsetof(LruObj, cache_info_type), offsetof(LruObj, dict)};
const gc::Layout kLruLayout = {.name = "functools._lru_cache_wrapper", .fields = kLruFields};

const MethodDef kPartialMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = partial___reduce__},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = partial___setstate__},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = partial___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const MemberDef kPartialMembers[] = {
    {.name = "func", .kind = MemberKind::kObject, .offset = offsetof(PartialObj, fn), .readonly = true,
     .doc = "function object to use in future partial calls"},
    {.name = "args", .kind = MemberKind::kObject, .offset = offsetof(PartialObj, args), .readonly = true,
     .doc = "tuple of arguments to future partial calls"},
    {.name = "keywords", .kind = MemberKind::kObject, .offset = offsetof(PartialObj, kw), .readonly = true,
     .doc = "dictionary of keyword arguments to future partial calls"},
};

const TypeSpec kPartialSpec = {
    .name = "partial",
    .module = "functools",
    .type = &g_partial_type,
    .layout = &kPartialLayout,
    .basic_size = sizeof(PartialObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = partial_repr, .tp_call = partial_call, .tp_new = partial_new},
    .methods = kPartialMethods,
    .members = kPartialMembers,
    .doc = "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments "
           "and keywords.\n",
    .dict_offset = static_cast<int32_t>(offsetof(PartialObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kPartialSpec);

const MemberDef kKeyWrapperMembers[] = {
    {.name = "obj", .kind = MemberKind::kObject, .offset = offsetof(KeyWrapperObj, object),
     .doc = "Value wrapped by a key function."},
};

const TypeSpec kKeyWrapperSpec = {
    .name = "KeyWrapper",
    .module = "functools",
    .type = &g_keywrapper_type,
    .layout = &kKeyWrapperLayout,
    .basic_size = sizeof(KeyWrapperObj),
    .slots = {.tp_call = keywrapper_call, .tp_richcompare = keywrapper_richcompare},
    .members = kKeyWrapperMembers,
};
TERN_REGISTER_TYPE(kKeyWrapperSpec);

const MethodDef kLruMethods[] = {
    {.name = "cache_info", .signature = "($self, /)", .fn = lru_cache_info, .doc = "Report cache statistics"},
    {.name = "cache_clear", .signature = "($self, /)", .fn = lru_cache_clear,
     .doc = "Clear the cache and cache statistics"},
    {.name = "__reduce__", .signature = "($self, /)", .fn = lru___reduce__},
    {.name = "__copy__", .signature = "($self, /)", .fn = lru___copy__},
    {.name = "__deepcopy__", .signature = "($self, memo, /)", .fn = lru___deepcopy__},
};

const TypeSpec kLruSpec = {
    .name = "_lru_cache_wrapper",
    .module = "functools",
    .type = &g_lru_type,
    .layout = &kLruLayout,
    .basic_size = sizeof(LruObj),
    .slots = {.tp_call = lru_call, .tp_descr_get = lru_descr_get, .tp_new = lru_new},
    .methods = kLruMethods,
    .doc = "Create a cached callable that wraps another function.\n\nuser_function:      the function being "
           "cached\n\nmaxsize:  0         for no caching\n          None      for unlimited cache size\n          n "
           "        for a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          "
           "True      cache f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the "
           "fields:\n                        hits misses currsize maxsize\n",
    .dict_offset = static_cast<int32_t>(offsetof(LruObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kLruSpec);

// ===========================================================================
// The module

const MethodDef kFunctoolsFunctions[] = {
    {.name = "reduce", .signature = "($module, function, iterable, initial=<unrepresentable>, /)",
     .fn = functools_reduce,
     .flags = method_flags::kVarArgs,
     .doc = "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments cumulatively to "
            "the items of a sequence\nor iterable, from left to right, so as to reduce the iterable to a single\n"
            "value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n((((1+2)+3)+4)+5).  If "
            "initial is present, it is placed before the items\nof the iterable in the calculation, and serves as "
            "a default when the\niterable is empty."},
    {.name = "cmp_to_key", .signature = "($module, /, mycmp)", .fn = functools_cmp_to_key,
     .doc = "Convert a cmp= function into a key= function."},
};

bool functoolsInit(Value module) {
  Value d = moduleDict(module);
  return dictSet(d, internStr("partial"), typeValue(g_partial_type)) == 0 &&
         dictSet(d, internStr("_lru_cache_wrapper"), typeValue(g_lru_type)) == 0;
}

const NativeModuleDef kFunctoolsModule = {
    .name = "_functools",
    .methods = kFunctoolsFunctions,
    .init = functoolsInit,
    .doc = "Tools that operate on functions.",
};
TERN_REGISTER_MODULE(kFunctoolsModule);

}  // namespace

}  // namespace tern
