// The generic iterators: `iterator` (the sequence protocol over
// __getitem__), callable_iterator (iter(f, sentinel)), and the builtin
// iterator classes enumerate, reversed, zip, map and filter.
//
// Each holds its state in traced fields; an exhausted iterator drops its
// references (sets them null) so that it keeps nothing alive and stays
// exhausted, as CPython's do.
//
// Pickling: each has CPython 3.11's __reduce__ (and __setstate__ where it
// has one), and this file holds the helpers the other builtin iterators'
// __reduce__ / __setstate__ share (containers_internal.h).
#include <cstddef>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/modules/builtins.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

using containers::reduceBuiltin;
using containers::selfIter;
using containers::stateToIndex;

// ---------------------------------------------------------------------------
// Pickling helpers (containers_internal.h)

namespace containers {

Value reduceBuiltin(const char* name) {
  Value key = internStr(name);
  interp::Frame* f = interp::currentFrame();
  Value builtin = dictGet(f == nullptr ? builtinsDict() : f->builtins, key);
  if (builtin.isNull() && !errorPending()) raise(exc::AttributeError, name);
  return builtin;
}

Value reduceIndexIterator(const char* builtin, Value seq, int64_t index, Value empty) {
  Value fn = reduceBuiltin(seq.isNull() ? "iter" : builtin);
  if (fn.isNull()) return fn;
  Value args = newTupleOf({seq.isNull() ? empty : seq});
  if (args.isNull()) return args;
  if (seq.isNull()) return newTupleOf({fn, args});
  Value position = newInt(index);
  if (position.isNull()) return position;
  return newTupleOf({fn, args, position});
}

Value reduceDrainedCopy(Value copy) {
  Value rest = listFromIterable(copy);
  if (rest.isNull()) return rest;
  Value iter = reduceBuiltin("iter");
  if (iter.isNull()) return iter;
  Value state = newTupleOf({rest});
  if (state.isNull()) return state;
  return newTupleOf({iter, state});
}

bool stateToIndex(Value state, int64_t* out) {
  if (!isInt(state)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  if (intToInt64(state, out)) return true;
  clearError();
  raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
  return false;
}

}  // namespace containers

namespace {

// A keyword-less constructor refuses keywords for its own type and for
// subclasses that keep its __init__; a subclass defining __init__ may take
// them there (CPython's `type->tp_init == base.tp_init` test).
bool noKeywords(Type* type, Type* base, const char* name, Value kwnames) {
  if (type != base && type->slots.tp_init != base->slots.tp_init) return true;
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

// Ends iteration on IndexError or StopIteration (the sequence protocol).
bool swallowEndOfSequence() {
  if (errorMatches(exc::IndexError) || errorMatches(exc::StopIteration)) {
    clearError();
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// iterator (sequence iterator)

struct SeqIterObj : Obj {
  gc::HeapValue seq;  // null once exhausted
  int64_t index;
};

Value seqiter_next(Value self) {
  auto* it = static_cast<SeqIterObj*>(self.asObject());
  Value seq = it->seq.get();
  if (seq.isNull()) return Value();
  int64_t i = it->index;
  Value item = getItem(seq, newInt(i));
  if (!item.isNull()) {
    static_cast<SeqIterObj*>(self.asObject())->index = i + 1;
    return item;
  }
  if (swallowEndOfSequence()) static_cast<SeqIterObj*>(self.asObject())->seq.set(Value());
  return Value();
}

Value seqiter___length_hint__(Value* args) {
  auto* it = static_cast<SeqIterObj*>(args[0].asObject());
  Value seq = it->seq.get();
  if (!seq.isNull()) {
    if (typeOf(seq)->slots.mp_length == nullptr) return NotImplemented();
    int64_t n = length(seq);
    if (n < 0) return Value();
    int64_t left = n - static_cast<SeqIterObj*>(args[0].asObject())->index;
    if (left >= 0) return newInt(left);
  }
  return newInt(0);
}

Value seqiter___reduce__(Value* args) {
  auto* it = static_cast<SeqIterObj*>(args[0].asObject());
  return containers::reduceIndexIterator("iter", it->seq.get(), it->index, newTuple(0));
}

// No upper bound: the sequence's length is not known.
Value seqiter___setstate__(Value* args) {
  int64_t index;
  if (!stateToIndex(args[1], &index)) return Value();
  auto* it = static_cast<SeqIterObj*>(args[0].asObject());
  if (!it->seq.get().isNull()) it->index = index < 0 ? 0 : index;
  return None();
}

// ---------------------------------------------------------------------------
// callable_iterator

struct CallIterObj : Obj {
  gc::HeapValue callable, sentinel;  // null once exhausted
};

Value calliter_next(Value self) {
  auto* it = static_cast<CallIterObj*>(self.asObject());
  Value callable = it->callable.get();
  if (callable.isNull()) return Value();
  Value result = call0(callable);
  if (result.isNull()) {
    if (errorMatches(exc::StopIteration)) {
      clearError();
      static_cast<CallIterObj*>(self.asObject())->callable.set(Value());
      static_cast<CallIterObj*>(self.asObject())->sentinel.set(Value());
    }
    return Value();
  }
  Value sentinel = static_cast<CallIterObj*>(self.asObject())->sentinel.get();
  if (sentinel.isNull()) return result;  // exhausted from inside the call
  int r = richCompareBool(result, sentinel, kEq);
  if (r < 0) return Value();
  if (r > 0) {
    static_cast<CallIterObj*>(self.asObject())->callable.set(Value());
    static_cast<CallIterObj*>(self.asObject())->sentinel.set(Value());
    return Value();
  }
  return result;
}

// (iter, (callable, sentinel)), or (iter, ((),)) once exhausted.
Value calliter___reduce__(Value* args) {
  Value iter = reduceBuiltin("iter");
  if (iter.isNull()) return iter;
  auto* it = static_cast<CallIterObj*>(args[0].asObject());
  Value state = it->callable.get().isNull() ? newTupleOf({newTuple(0)})
                                            : newTupleOf({it->callable.get(), it->sentinel.get()});
  if (state.isNull()) return state;
  return newTupleOf({iter, state});
}

// ---------------------------------------------------------------------------
// enumerate

struct EnumerateObj : Obj {
  gc::HeapValue iterator;
  gc::HeapValue big_index;  // the count once it no longer fits `index` (or from a big start), else null
  int64_t index;
};

const MethodDef kEnumerateNewDef = {.name = "enumerate", .signature = "(iterable, start=0)"};

Value enumerate_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (nargs == 0) {
    bool has_iterable = false;
    for (int64_t i = 0; !kwnames.isNull() && i < tupleLength(kwnames); ++i) {
      if (strEqualsAscii(tupleItem(kwnames, i), "iterable")) has_iterable = true;
    }
    if (!has_iterable) return raise(exc::TypeError, "enumerate() missing required argument 'iterable'");
  }
  if (!bindArguments(&kEnumerateNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  Value start = bound[1];
  int64_t small = 0;
  Value big;
  if (!(start.isSmallInt() && start.asSmallInt() == 0)) {
    start = index(start);
    if (start.isNull()) return start;
    if (start.isSmallInt()) {
      small = start.asSmallInt();
    } else {
      big = start;
    }
  }
  Value it = getIter(bound[0]);
  if (it.isNull()) return it;
  Obj* o = newObject(type, type->basic_size);
  auto* e = static_cast<EnumerateObj*>(o);
  e->iterator.set(it);
  e->big_index.set(big);
  e->index = small;
  return Value(o);
}

Value enumerate_next(Value self) {
  Value item = iterNext(static_cast<EnumerateObj*>(self.asObject())->iterator.get());
  if (item.isNull()) return item;
  auto* e = static_cast<EnumerateObj*>(self.asObject());
  Value idx;
  if (e->big_index.get().isNull() && e->index < Value::kSmallIntMax) {
    idx = Value::fromSmallInt(e->index);
    e->index += 1;
  } else {
    if (e->big_index.get().isNull()) e->big_index.set(Value::fromSmallInt(e->index));
    idx = e->big_index.get();
    Value next = binaryOp(idx, Value::fromSmallInt(1), BinOp::kAdd);
    if (next.isNull()) return next;
    static_cast<EnumerateObj*>(self.asObject())->big_index.set(next);
  }
  return newTupleOf({idx, item});
}

// (type, (iterator, next count)).
Value enumerate___reduce__(Value* args) {
  auto* e = static_cast<EnumerateObj*>(args[0].asObject());
  Value count = e->big_index.get().isNull() ? newInt(e->index) : e->big_index.get();
  if (count.isNull()) return count;
  e = static_cast<EnumerateObj*>(args[0].asObject());
  Value state = newTupleOf({e->iterator.get(), count});
  if (state.isNull()) return state;
  return newTupleOf({typeValue(typeOf(args[0])), state});
}

Value enumerate___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

// ---------------------------------------------------------------------------
// reversed

struct ReversedObj : Obj {
  gc::HeapValue seq;  // null once exhausted
  int64_t index;
};

Value reversed_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords(type, types::reversed_type, "reversed", kwnames)) return Value();
  if (nargs != 1) return raisef(exc::TypeError, "reversed expected 1 argument, got %zu", nargs);
  Value seq = args[0];
  Value method = lookupSpecial(typeOf(seq), names::__reversed__);
  if (!method.isNull()) {
    if (isNone(method)) return raisef(exc::TypeError, "'%s' object is not reversible", typeNameOf(seq).c_str());
    bool found = false;
    return callSpecial(seq, names::__reversed__, nullptr, 0, &found);
  }
  if (errorPending()) return Value();
  Type* t = typeOf(seq);
  if (t->slots.mp_subscript == nullptr || isDict(seq)) {
    return raisef(exc::TypeError, "'%s' object is not reversible", typeNameOf(seq).c_str());
  }
  int64_t n = length(seq);
  if (n < 0) return Value();
  Obj* o = newObject(type, type->basic_size);
  auto* r = static_cast<ReversedObj*>(o);
  r->seq.set(seq);
  r->index = n - 1;
  return Value(o);
}

Value reversed_next(Value self) {
  auto* r = static_cast<ReversedObj*>(self.asObject());
  Value seq = r->seq.get();
  if (seq.isNull()) return Value();
  int64_t i = r->index;
  if (i >= 0) {
    Value item = getItem(seq, newInt(i));
    if (!item.isNull()) {
      static_cast<ReversedObj*>(self.asObject())->index = i - 1;
      return item;
    }
    if (!swallowEndOfSequence()) return Value();
  }
  r = static_cast<ReversedObj*>(self.asObject());
  r->index = -1;
  r->seq.set(Value());
  return Value();
}

Value reversed___length_hint__(Value* args) {
  Value seq = static_cast<ReversedObj*>(args[0].asObject())->seq.get();
  if (seq.isNull()) return newInt(0);
  int64_t n = length(seq);
  if (n < 0) return Value();
  int64_t position = static_cast<ReversedObj*>(args[0].asObject())->index + 1;
  return newInt(n < position ? 0 : position);
}

// (type, (seq,), index), or (type, ((),)) once exhausted.
Value reversed___reduce__(Value* args) {
  Value type = typeValue(typeOf(args[0]));
  auto* r = static_cast<ReversedObj*>(args[0].asObject());
  Value seq = r->seq.get();
  Value state = newTupleOf({seq.isNull() ? newTuple(0) : seq});
  if (state.isNull()) return state;
  if (seq.isNull()) return newTupleOf({type, state});
  Value index = newInt(static_cast<ReversedObj*>(args[0].asObject())->index);
  if (index.isNull()) return index;
  return newTupleOf({type, state, index});
}

// The index is clamped to [-1, len(seq) - 1]; an exhausted iterator ignores it.
Value reversed___setstate__(Value* args) {
  int64_t index;
  if (!stateToIndex(args[1], &index)) return Value();
  Value seq = static_cast<ReversedObj*>(args[0].asObject())->seq.get();
  if (seq.isNull()) return None();
  int64_t n = length(seq);
  if (n < 0) return Value();
  if (index < -1) index = -1;
  if (index > n - 1) index = n - 1;
  static_cast<ReversedObj*>(args[0].asObject())->index = index;
  return None();
}

// ---------------------------------------------------------------------------
// zip

struct ZipObj : Obj {
  gc::HeapValue iterators;  // tuple
  uint64_t strict;
};

Value zip_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  bool strict = false;
  if (!kwnames.isNull() && tupleLength(kwnames) > 1) {
    return raisef(exc::TypeError, "zip() takes at most 1 keyword argument (%lld given)",
                  static_cast<long long>(tupleLength(kwnames)));
  }
  if (!kwnames.isNull()) {
    for (int64_t i = 0; i < tupleLength(kwnames); ++i) {
      Value name = tupleItem(kwnames, i);
      if (!strEqualsAscii(name, "strict")) {
        return raisef(exc::TypeError, "'%s' is an invalid keyword argument for zip()", strToUtf8(name).c_str());
      }
      int r = isTrue(args[nargs + i]);
      if (r < 0) return Value();
      strict = r != 0;
    }
  }
  Value its = newTuple(static_cast<int64_t>(nargs));
  if (its.isNull()) return its;
  for (size_t i = 0; i < nargs; ++i) {
    Value it = getIter(args[i]);
    if (it.isNull()) return it;
    tupleInit(its, static_cast<int64_t>(i), it);
  }
  Obj* o = newObject(type, type->basic_size);
  auto* z = static_cast<ZipObj*>(o);
  z->iterators.set(its);
  z->strict = strict ? 1 : 0;
  return Value(o);
}

Value zip_next(Value self) {
  Value its = static_cast<ZipObj*>(self.asObject())->iterators.get();
  int64_t n = tupleLength(its);
  if (n == 0) return Value();
  Value result = newTuple(n);
  if (result.isNull()) return result;
  for (int64_t i = 0; i < n; ++i) {
    Value item = iterNext(tupleItem(its, i));
    if (!item.isNull()) {
      tupleInit(result, i, item);
      continue;
    }
    if (errorPending() || static_cast<ZipObj*>(self.asObject())->strict == 0) return Value();
    if (i > 0) {
      return raisef(exc::ValueError, "zip() argument %lld is shorter than argument%s%lld", static_cast<long long>(i + 1),
                    i == 1 ? " " : "s 1-", static_cast<long long>(i));
    }
    for (int64_t j = 1; j < n; ++j) {
      Value extra = iterNext(tupleItem(its, j));
      if (!extra.isNull()) {
        return raisef(exc::ValueError, "zip() argument %lld is longer than argument%s%lld",
                      static_cast<long long>(j + 1), j == 1 ? " " : "s 1-", static_cast<long long>(j));
      }
      if (errorPending()) return Value();
    }
    return Value();
  }
  return result;
}

// (type, iterators), with True after them when strict.
Value zip___reduce__(Value* args) {
  Value type = typeValue(typeOf(args[0]));
  auto* z = static_cast<ZipObj*>(args[0].asObject());
  if (z->strict != 0) return newTupleOf({type, z->iterators.get(), True()});
  return newTupleOf({type, z->iterators.get()});
}

Value zip___setstate__(Value* args) {
  int strict = isTrue(args[1]);
  if (strict < 0) return Value();
  static_cast<ZipObj*>(args[0].asObject())->strict = strict;
  return None();
}

// ---------------------------------------------------------------------------
// map

struct MapObj : Obj {
  gc::HeapValue func;
  gc::HeapValue iterators;  // tuple
};

Value map_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords(type, types::map_type, "map", kwnames)) return Value();
  if (nargs < 2) return raise(exc::TypeError, "map() must have at least two arguments.");
  Value its = newTuple(static_cast<int64_t>(nargs - 1));
  if (its.isNull()) return its;
  for (size_t i = 1; i < nargs; ++i) {
    Value it = getIter(args[i]);
    if (it.isNull()) return it;
    tupleInit(its, static_cast<int64_t>(i - 1), it);
  }
  Obj* o = newObject(type, type->basic_size);
  auto* m = static_cast<MapObj*>(o);
  m->func.set(args[0]);
  m->iterators.set(its);
  return Value(o);
}

Value map_next(Value self) {
  Value its = static_cast<MapObj*>(self.asObject())->iterators.get();
  int64_t n = tupleLength(its);
  Value small[8];
  Value items = Value();
  Value* argv = small;
  if (n > 8) {
    items = newTuple(n);
    if (items.isNull()) return items;
  }
  for (int64_t i = 0; i < n; ++i) {
    Value item = iterNext(tupleItem(its, i));
    if (item.isNull()) return item;
    if (n > 8) {
      tupleInit(items, i, item);
    } else {
      argv[i] = item;
    }
  }
  Value func = static_cast<MapObj*>(self.asObject())->func.get();
  if (n > 8) return callTupleDict(func, items, Value());
  return call(func, argv, static_cast<size_t>(n));
}

// (type, (func, *iterators)).
Value map___reduce__(Value* args) {
  Value its = static_cast<MapObj*>(args[0].asObject())->iterators.get();
  int64_t n = tupleLength(its);
  Value state = newTuple(n + 1);
  if (state.isNull()) return state;
  tupleInit(state, 0, static_cast<MapObj*>(args[0].asObject())->func.get());
  for (int64_t i = 0; i < n; ++i) tupleInit(state, i + 1, tupleItem(its, i));
  return newTupleOf({typeValue(typeOf(args[0])), state});
}

// ---------------------------------------------------------------------------
// filter

struct FilterObj : Obj {
  gc::HeapValue func;
  gc::HeapValue iterator;
};

Value filter_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords(type, types::filter_type, "filter", kwnames)) return Value();
  if (nargs != 2) return raisef(exc::TypeError, "filter expected 2 arguments, got %zu", nargs);
  Value it = getIter(args[1]);
  if (it.isNull()) return it;
  Obj* o = newObject(type, type->basic_size);
  auto* f = static_cast<FilterObj*>(o);
  f->func.set(args[0]);
  f->iterator.set(it);
  return Value(o);
}

Value filter_next(Value self) {
  for (;;) {
    Value item = iterNext(static_cast<FilterObj*>(self.asObject())->iterator.get());
    if (item.isNull()) return item;
    Value func = static_cast<FilterObj*>(self.asObject())->func.get();
    int ok;
    if (isNone(func) || func == typeValue(types::bool_type)) {
      ok = isTrue(item);
    } else {
      Value r = call1(func, item);
      if (r.isNull()) return r;
      ok = isTrue(r);
    }
    if (ok < 0) return Value();
    if (ok > 0) return item;
  }
}

// (type, (func, iterator)).
Value filter___reduce__(Value* args) {
  auto* f = static_cast<FilterObj*>(args[0].asObject());
  Value state = newTupleOf({f->func.get(), f->iterator.get()});
  if (state.isNull()) return state;
  return newTupleOf({typeValue(typeOf(args[0])), state});
}

// ---------------------------------------------------------------------------
// Tables

const uint32_t kSeqIterFields[] = {offsetof(Obj, ob_type), offsetof(SeqIterObj, seq)};
const gc::Layout kSeqIterLayout = {.name = "iterator", .fields = kSeqIterFields};
const uint32_t kCallIterFields[] = {offsetof(Obj, ob_type), offsetof(CallIterObj, callable),
                                    offsetof(CallIterObj, sentinel)};
const gc::Layout kCallIterLayout = {.name = "callable_iterator", .fields = kCallIterFields};
const uint32_t kEnumerateFields[] = {offsetof(Obj, ob_type), offsetof(EnumerateObj, iterator),
                                     offsetof(EnumerateObj, big_index)};
const gc::Layout kEnumerateLayout = {.name = "enumerate", .fields = kEnumerateFields};
const uint32_t kReversedFields[] = {offsetof(Obj, ob_type), offsetof(ReversedObj, seq)};
const gc::Layout kReversedLayout = {.name = "reversed", .fields = kReversedFields};
const uint32_t kZipFields[] = {offsetof(Obj, ob_type), offsetof(ZipObj, iterators)};
const gc::Layout kZipLayout = {.name = "zip", .fields = kZipFields};
const uint32_t kMapFields[] = {offsetof(Obj, ob_type), offsetof(MapObj, func), offsetof(MapObj, iterators)};
const gc::Layout kMapLayout = {.name = "map", .fields = kMapFields};
const uint32_t kFilterFields[] = {offsetof(Obj, ob_type), offsetof(FilterObj, func), offsetof(FilterObj, iterator)};
const gc::Layout kFilterLayout = {.name = "filter", .fields = kFilterFields};

constexpr const char* kReduceDoc = "Return state information for pickling.";
constexpr const char* kSetStateDoc = "Set state information for unpickling.";

const MethodDef kSeqIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = seqiter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = seqiter___reduce__, .doc = kReduceDoc},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = seqiter___setstate__, .doc = kSetStateDoc},
};

const MethodDef kCallIterMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = calliter___reduce__, .doc = kReduceDoc},
};

const TypeSpec kSeqIterSpec = {
    .name = "iterator",
    .type = &types::seq_iterator_type,
    .layout = &kSeqIterLayout,
    .basic_size = sizeof(SeqIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = seqiter_next},
    .methods = kSeqIterMethods,
};
TERN_REGISTER_TYPE(kSeqIterSpec);

const TypeSpec kCallIterSpec = {
    .name = "callable_iterator",
    .type = &types::callable_iterator_type,
    .layout = &kCallIterLayout,
    .basic_size = sizeof(CallIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = calliter_next},
    .methods = kCallIterMethods,
};
TERN_REGISTER_TYPE(kCallIterSpec);

const MethodDef kEnumerateMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = enumerate___reduce__, .doc = kReduceDoc},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = enumerate___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const TypeSpec kEnumerateSpec = {
    .name = "enumerate",
    .type = &types::enumerate_type,
    .layout = &kEnumerateLayout,
    .basic_size = sizeof(EnumerateObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = enumerate_next, .tp_new = enumerate_new},
    .methods = kEnumerateMethods,
    .doc = "Return an enumerate object.\n\n"
           "  iterable\n    an object supporting iteration\n\n"
           "The enumerate object yields pairs containing a count (from start, which\n"
           "defaults to zero) and a value yielded by the iterable argument.\n\n"
           "enumerate is useful for obtaining an indexed list:\n"
           "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
};
TERN_REGISTER_TYPE(kEnumerateSpec);

const MethodDef kReversedMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = reversed___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = reversed___reduce__, .doc = kReduceDoc},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = reversed___setstate__, .doc = kSetStateDoc},
};

const MethodDef kZipMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = zip___reduce__, .doc = kReduceDoc},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = zip___setstate__, .doc = kSetStateDoc},
};

const MethodDef kMapMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = map___reduce__, .doc = kReduceDoc},
};

const MethodDef kFilterMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = filter___reduce__, .doc = kReduceDoc},
};

const TypeSpec kReversedSpec = {
    .name = "reversed",
    .type = &types::reversed_type,
    .layout = &kReversedLayout,
    .basic_size = sizeof(ReversedObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = reversed_next, .tp_new = reversed_new},
    .methods = kReversedMethods,
    .doc = "Return a reverse iterator over the values of the given sequence.",
};
TERN_REGISTER_TYPE(kReversedSpec);

const TypeSpec kZipSpec = {
    .name = "zip",
    .type = &types::zip_type,
    .layout = &kZipLayout,
    .basic_size = sizeof(ZipObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = zip_next, .tp_new = zip_new},
    .methods = kZipMethods,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
           "   >>> list(zip('abcdefg', range(3), range(4)))\n"
           "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
           "The zip object yields n-length tuples, where n is the number of iterables\n"
           "passed as positional arguments to zip().  The i-th element in every tuple\n"
           "comes from the i-th iterable argument to zip().  This continues until the\n"
           "shortest argument is exhausted.\n\n"
           "If strict is true and one of the arguments is exhausted before the others,\n"
           "raise a ValueError.",
};
TERN_REGISTER_TYPE(kZipSpec);

const TypeSpec kMapSpec = {
    .name = "map",
    .type = &types::map_type,
    .layout = &kMapLayout,
    .basic_size = sizeof(MapObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = map_next, .tp_new = map_new},
    .methods = kMapMethods,
    .doc = "map(func, *iterables) --> map object\n\n"
           "Make an iterator that computes the function using arguments from\n"
           "each of the iterables.  Stops when the shortest iterable is exhausted.",
};
TERN_REGISTER_TYPE(kMapSpec);

const TypeSpec kFilterSpec = {
    .name = "filter",
    .type = &types::filter_type,
    .layout = &kFilterLayout,
    .basic_size = sizeof(FilterObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = filter_next, .tp_new = filter_new},
    .methods = kFilterMethods,
    .doc = "filter(function or None, iterable) --> filter object\n\n"
           "Return an iterator yielding those items of iterable for which function(item)\n"
           "is true. If function is None, return the items that are true.",
};
TERN_REGISTER_TYPE(kFilterSpec);

}  // namespace

Value newSeqIterator(Value seq) {
  Obj* o = newObject(types::seq_iterator_type, sizeof(SeqIterObj));
  static_cast<SeqIterObj*>(o)->seq.set(seq);
  return Value(o);
}

Value newCallableIterator(Value callable, Value sentinel) {
  Obj* o = newObject(types::callable_iterator_type, sizeof(CallIterObj));
  auto* it = static_cast<CallIterObj*>(o);
  it->callable.set(callable);
  it->sentinel.set(sentinel);
  return Value(o);
}

}  // namespace tern
