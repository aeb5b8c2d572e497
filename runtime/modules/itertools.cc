// The itertools module: the iterator building blocks of CPython 3.11's
// itertools (the combinatoric ones are in itertools_combinatorics.cc).
//
// Every iterator keeps its state in traced fields (HeapValue) or raw
// integers; an exhausted iterator drops the references it no longer needs
// (sets them null), as CPython's do, so it keeps nothing alive.
//
// Pickling and copying: each has CPython 3.11's __reduce__ and, where
// CPython has one, __setstate__ (deprecated in 3.12, removed in 3.14), with
// the same reduce values, so pickles move between the two; pairwise has none.
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/itertools_internal.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::itertools {

bool noKeywords(const char* name, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

bool checkPositional(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t expected = nargs < min ? min : max;
  const char* qualifier = min == max ? "" : nargs < min ? "at least " : "at most ";
  raisef(exc::TypeError, "%s expected %s%zu argument%s, got %zu", name, qualifier, expected, expected == 1 ? "" : "s",
         nargs);
  return false;
}

bool checkStateTuple(Value state, int64_t min, int64_t max) {
  if (!isTuple(state)) {
    raise(exc::TypeError, "state is not a tuple");
    return false;
  }
  int64_t n = tupleLength(state);
  if (n >= min && n <= max) return true;
  int64_t expected = n < min ? min : max;
  const char* qualifier = min == max ? "exactly" : n < min ? "at least" : "at most";
  raisef(exc::TypeError, "function takes %s %lld argument%s (%lld given)", qualifier, static_cast<long long>(expected),
         expected == 1 ? "" : "s", static_cast<long long>(n));
  return false;
}

bool checkStateType(Value item, int position, Type* type) {
  if (isInstance(item, type)) return true;
  raisef(exc::TypeError, "argument %d must be %s, not %s", position, typeName(type).c_str(), typeNameOf(item).c_str());
  return false;
}

bool stateInt(Value item, int64_t* out) {
  if (isInstance(item, types::float_type)) {
    raise(exc::TypeError, "integer argument expected, got float");
    return false;
  }
  Value i = index(item);
  if (i.isNull() || !intToInt64(i, out)) return false;
  if (*out > INT32_MAX || *out < INT32_MIN) {
    raise(exc::OverflowError,
          *out > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
    return false;
  }
  return true;
}

Value reduceValue(Value self, Value args) {
  if (args.isNull()) return args;
  return newTupleOf({typeValue(typeOf(self)), args});
}

Value reduceValue(Value self, Value args, Value state) {
  if (args.isNull() || state.isNull()) return Value();
  return newTupleOf({typeValue(typeOf(self)), args, state});
}

namespace {

Value selfIter(Value v) { return v; }

// A keyword-less constructor refuses keywords for its own type and for
// subclasses that keep its __init__; a subclass defining __init__ may take
// them there (CPython's `type->tp_init == base.tp_init` test).
bool noKeywordsFor(Type* type, Type* base, const char* name, Value kwnames) {
  if (type != base && type->slots.tp_init != base->slots.tp_init) return true;
  return noKeywords(name, kwnames);
}

constexpr const char* kReduceDoc = "Return state information for pickling.";
constexpr const char* kSetStateDoc = "Set state information for unpickling.";

// repr(v) as UTF-8, or false on error.
bool reprUtf8(Value v, std::string* out) {
  Value r = repr(v);
  if (r.isNull()) return false;
  *out = strToUtf8(r);
  return true;
}

// PyNumber_Check: what count() accepts.
bool isNumber(Value v) {
  if (v.isSmallInt()) return true;
  const Slots& s = typeOf(v)->slots;
  return s.nb_index != nullptr || s.nb_int != nullptr || s.nb_float != nullptr ||
         isInstance(v, types::complex_type);
}

Type* g_count_type = nullptr;
Type* g_cycle_type = nullptr;
Type* g_repeat_type = nullptr;
Type* g_accumulate_type = nullptr;
Type* g_chain_type = nullptr;
Type* g_compress_type = nullptr;
Type* g_dropwhile_type = nullptr;
Type* g_takewhile_type = nullptr;
Type* g_filterfalse_type = nullptr;
Type* g_starmap_type = nullptr;
Type* g_islice_type = nullptr;
Type* g_pairwise_type = nullptr;
Type* g_zip_longest_type = nullptr;
Type* g_groupby_type = nullptr;
Type* g_grouper_type = nullptr;
Type* g_tee_type = nullptr;
Type* g_teedata_type = nullptr;

// ===========================================================================
// count(start=0, step=1)

struct CountObj : Obj {
  gc::HeapValue cnt;
  gc::HeapValue step;
  int64_t fast;  // CPython's "fast mode" (an int start, step 1): only __reduce__ shows it
};
CountObj* asCount(Value v) { return static_cast<CountObj*>(v.asObject()); }

const MethodDef kCountNewDef = {.name = "count", .signature = "(start=0, step=1)"};

Value count_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kCountNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  if (!isNumber(bound[0]) || !isNumber(bound[1])) return raise(exc::TypeError, "a number is required");
  // CPython's "fast mode" (an int start that fits, an int step equal to 1)
  // counts in machine integers: bool and int-subclass values become plain ints.
  int64_t start, step;
  bool fast = false;
  if (isInt(bound[0]) && isInt(bound[1])) {
    if (intToInt64(bound[1], &step) && step == 1 && intToInt64(bound[0], &start)) {
      bound[0] = newInt(start);
      bound[1] = newInt(1);
      fast = true;
    }
    clearError();
  }
  CountObj* c = allocIter<CountObj>(type);
  c->cnt.set(bound[0]);
  c->step.set(bound[1]);
  c->fast = fast ? 1 : 0;
  return Value(c);
}

Value count_next(Value self) {
  Value cnt = asCount(self)->cnt.get(), step = asCount(self)->step.get();
  Value next;
  if (cnt.isSmallInt() && step.isSmallInt()) {
    next = newInt(cnt.asSmallInt() + step.asSmallInt());  // both are 62-bit: no overflow
  } else {
    next = binaryOp(cnt, step, BinOp::kAdd);
    if (next.isNull()) return next;
  }
  asCount(self)->cnt.set(next);
  return cnt;
}

Value count_repr(Value self) {
  std::string out = typeBareName(typeOf(self)) + "(", text;
  if (!reprUtf8(asCount(self)->cnt.get(), &text)) return Value();
  out += text;
  Value step = asCount(self)->step.get();
  bool step_is_one = false;
  if (isInt(step)) {
    int64_t n;
    if (intToInt64(step, &n)) {
      step_is_one = n == 1;
    } else {
      clearError();
    }
  }
  if (!step_is_one) {
    if (!reprUtf8(step, &text)) return Value();
    out += ", " + text;
  }
  return newStr(out + ")");
}

// (type, (cnt,)) in fast mode while the count is below sys.maxsize (CPython
// leaves fast mode there), else (type, (cnt, step)).
Value count___reduce__(Value* args) {
  Value self = args[0];
  Value cnt = asCount(self)->cnt.get();
  bool fast = false;
  int64_t n;
  if (asCount(self)->fast != 0) {
    if (intToInt64(cnt, &n)) {
      fast = n < INT64_MAX;
    } else {
      clearError();
    }
  }
  if (fast) return reduceValue(self, newTupleOf({cnt}));
  return reduceValue(self, newTupleOf({cnt, asCount(self)->step.get()}));
}

// ===========================================================================
// cycle(iterable, /)

struct CycleObj : Obj {
  gc::HeapValue it;     // null once the first pass is over
  gc::HeapValue saved;  // list of the items of the first pass
  int64_t index;        // of the next saved item to produce; len(saved) means 0
  int64_t firstpass;    // set by __setstate__: `saved` is complete, `it` adds nothing to it
};
CycleObj* asCycle(Value v) { return static_cast<CycleObj*>(v.asObject()); }

Value cycle_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywordsFor(type, g_cycle_type, "cycle", kwnames) || !checkPositional("cycle", nargs, 1, 1)) return Value();
  Value it = getIter(args[0]);
  if (it.isNull()) return it;
  Value saved = newList();
  CycleObj* c = allocIter<CycleObj>(type);
  c->it.set(it);
  c->saved.set(saved);
  return Value(c);
}

Value cycle_next(Value self) {
  Value it = asCycle(self)->it.get();
  if (!it.isNull()) {
    Value item = iterNext(it);
    if (!item.isNull()) {
      if (asCycle(self)->firstpass == 0 && !listAppend(asCycle(self)->saved.get(), item)) return Value();
      return item;
    }
    if (errorPending()) return Value();
    asCycle(self)->it.set(Value());
  }
  Value saved = asCycle(self)->saved.get();
  int64_t n = listLength(saved);
  if (n == 0) return Value();
  int64_t i = asCycle(self)->index;
  if (i >= n) i = 0;
  asCycle(self)->index = i + 1;
  return listItem(saved, i);
}

// During the first pass: (type, (it,), (saved, firstpass)); after it:
// (type, (iter(saved) at the next index,), (saved, True)).
Value cycle___reduce__(Value* args) {
  Value self = args[0];
  Value it = asCycle(self)->it.get();
  Value saved = asCycle(self)->saved.get();
  Value firstpass = Bool(asCycle(self)->firstpass != 0);
  if (it.isNull()) {
    firstpass = True();
    it = getIter(saved);
    if (it.isNull()) return it;
    int64_t index = asCycle(self)->index;
    if (index < listLength(saved) && index != 0) {
      Value position = newInt(index);
      Value r = callMethod(it, internStr("__setstate__"), &position, 1);
      if (r.isNull()) return r;
    }
  }
  Value state = newTupleOf({saved, firstpass});
  return reduceValue(self, newTupleOf({it}), state);
}

// state: (saved list, firstpass); iteration restarts at the first saved item.
Value cycle___setstate__(Value* args) {
  Value state = args[1];
  if (!checkStateTuple(state, 2, 2) || !checkStateType(tupleItem(state, 0), 1, types::list_type)) return Value();
  int64_t firstpass;
  if (!stateInt(tupleItem(state, 1), &firstpass)) return Value();
  CycleObj* c = asCycle(args[0]);
  c->saved.set(tupleItem(state, 0));
  c->firstpass = firstpass != 0 ? 1 : 0;
  c->index = 0;
  return None();
}

// ===========================================================================
// repeat(object, times=<unlimited>)

struct RepeatObj : Obj {
  gc::HeapValue element;
  int64_t cnt;  // -1: forever
};
RepeatObj* asRepeat(Value v) { return static_cast<RepeatObj*>(v.asObject()); }

const MethodDef kRepeatNewDef = {.name = "repeat", .signature = "(object, times=<unrepresentable>)"};

Value repeat_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kRepeatNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  int64_t cnt = -1;
  if (!bound[1].isNull()) {
    if (!argSsize(bound[1], &cnt)) return Value();
    if (cnt < 0) cnt = 0;
  }
  RepeatObj* r = allocIter<RepeatObj>(type);
  r->element.set(bound[0]);
  r->cnt = cnt;
  return Value(r);
}

Value repeat_next(Value self) {
  RepeatObj* r = asRepeat(self);
  if (r->cnt == 0) return Value();
  if (r->cnt > 0) r->cnt--;
  return r->element.get();
}

Value repeat_repr(Value self) {
  std::string text;
  if (!reprUtf8(asRepeat(self)->element.get(), &text)) return Value();
  std::string out = typeBareName(typeOf(self)) + "(" + text;
  if (asRepeat(self)->cnt >= 0) out += ", " + std::to_string(asRepeat(self)->cnt);
  return newStr(out + ")");
}

// (type, (element,)) when endless, else (type, (element, times left)).
Value repeat___reduce__(Value* args) {
  Value self = args[0];
  int64_t cnt = asRepeat(self)->cnt;
  if (cnt < 0) return reduceValue(self, newTupleOf({asRepeat(self)->element.get()}));
  Value times = newInt(cnt);
  if (times.isNull()) return times;
  return reduceValue(self, newTupleOf({asRepeat(self)->element.get(), times}));
}

Value repeat___length_hint__(Value* args) {
  int64_t cnt = asRepeat(args[0])->cnt;
  if (cnt == -1) return raise(exc::TypeError, "len() of unsized object");
  return newInt(cnt);
}

// ===========================================================================
// accumulate(iterable, func=None, *, initial=None)

struct AccumulateObj : Obj {
  gc::HeapValue it;
  gc::HeapValue func;     // None: +
  gc::HeapValue total;    // null before the first item
  gc::HeapValue initial;  // null once produced (or when None was given)
};
AccumulateObj* asAccumulate(Value v) { return static_cast<AccumulateObj*>(v.asObject()); }

const MethodDef kAccumulateNewDef = {.name = "accumulate", .signature = "(iterable, func=None, *, initial=None)"};

Value accumulate_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  if (!bindArguments(&kAccumulateNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  Value it = getIter(bound[0]);
  if (it.isNull()) return it;
  AccumulateObj* a = allocIter<AccumulateObj>(type);
  a->it.set(it);
  a->func.set(bound[1]);
  if (!isNone(bound[2])) a->initial.set(bound[2]);
  return Value(a);
}

Value accumulate_next(Value self) {
  Value initial = asAccumulate(self)->initial.get();
  if (!initial.isNull()) {
    asAccumulate(self)->total.set(initial);
    asAccumulate(self)->initial.set(Value());
    return initial;
  }
  Value item = iterNext(asAccumulate(self)->it.get());
  if (item.isNull()) return item;
  Value total = asAccumulate(self)->total.get();
  if (total.isNull()) {
    asAccumulate(self)->total.set(item);
    return item;
  }
  Value func = asAccumulate(self)->func.get();
  Value next = isNone(func) ? binaryOp(total, item, BinOp::kAdd) : call2(func, total, item);
  if (next.isNull()) return next;
  asAccumulate(self)->total.set(next);
  return next;
}

Value newChain(Type* type, Value iterable_of_iterables);

// chain((first,), it)
Value chainAfter(Value first, Value it) {
  Value head = newTupleOf({first});
  if (head.isNull()) return head;
  Value parts = newTupleOf({head, it});
  if (parts.isNull()) return parts;
  return newChain(g_chain_type, parts);
}

// Before `initial` is produced: (type, (chain((initial,), it), func), None).
// With a total of None (which a state of None cannot tell from "no total"):
// islice(type(chain((None,), it), func), 1, None).  Else (type, (it, func),
// total or None).
Value accumulate___reduce__(Value* args) {
  Value self = args[0];
  Value func = asAccumulate(self)->func.get();
  Value initial = asAccumulate(self)->initial.get();
  Value total = asAccumulate(self)->total.get();
  if (!initial.isNull()) {
    Value it = chainAfter(initial, asAccumulate(self)->it.get());
    if (it.isNull()) return it;
    return reduceValue(self, newTupleOf({it, func}), None());
  }
  if (!total.isNull() && isNone(total)) {
    Value it = chainAfter(total, asAccumulate(self)->it.get());
    if (it.isNull()) return it;
    Value call_args[] = {it, func};
    Value replay = call(typeValue(typeOf(self)), call_args, 2);
    if (replay.isNull()) return replay;
    Value islice_args = newTupleOf({replay, Value::fromSmallInt(1), None()});
    if (islice_args.isNull()) return islice_args;
    return newTupleOf({typeValue(g_islice_type), islice_args});
  }
  return reduceValue(self, newTupleOf({asAccumulate(self)->it.get(), func}), total.isNull() ? None() : total);
}

// state: the running total, any value.
Value accumulate___setstate__(Value* args) {
  asAccumulate(args[0])->total.set(args[1]);
  return None();
}

// ===========================================================================
// chain(*iterables), chain.from_iterable(iterable)

struct ChainObj : Obj {
  gc::HeapValue source;  // iterator over the iterables; null when done
  gc::HeapValue active;  // iterator of the current iterable, or null
};
ChainObj* asChain(Value v) { return static_cast<ChainObj*>(v.asObject()); }

Value newChain(Type* type, Value iterable_of_iterables) {
  Value source = getIter(iterable_of_iterables);
  if (source.isNull()) return source;
  ChainObj* c = allocIter<ChainObj>(type);
  c->source.set(source);
  return Value(c);
}

Value chain_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywordsFor(type, g_chain_type, "chain", kwnames)) return Value();
  Value tuple = newTupleFrom(args, static_cast<int64_t>(nargs));
  if (tuple.isNull()) return tuple;
  return newChain(type, tuple);
}

Value chain_from_iterable(Value* args) { return newChain(static_cast<Type*>(args[0].asObject()), args[1]); }

Value chain_next(Value self) {
  for (;;) {
    Value source = asChain(self)->source.get();
    if (source.isNull()) return Value();
    Value active = asChain(self)->active.get();
    if (active.isNull()) {
      Value iterable = iterNext(source);
      if (iterable.isNull()) {
        asChain(self)->source.set(Value());
        return Value();
      }
      active = getIter(iterable);
      if (active.isNull()) {
        asChain(self)->source.set(Value());
        return Value();
      }
      asChain(self)->active.set(active);
    }
    Value item = iterNext(active);
    if (!item.isNull() || errorPending()) return item;
    asChain(self)->active.set(Value());
  }
}

// (type, (), (source[, active])), or (type, ()) once exhausted.
Value chain___reduce__(Value* args) {
  Value self = args[0];
  Value source = asChain(self)->source.get();
  Value active = asChain(self)->active.get();
  Value empty = newTuple(0);
  if (source.isNull()) return reduceValue(self, empty);
  return reduceValue(self, empty, active.isNull() ? newTupleOf({source}) : newTupleOf({source, active}));
}

bool isIterator(Value v) { return typeOf(v)->slots.tp_iternext != nullptr; }

// state: (source iterator[, active iterator]).
Value chain___setstate__(Value* args) {
  Value state = args[1];
  if (!checkStateTuple(state, 1, 2)) return Value();
  Value source = tupleItem(state, 0);
  Value active = tupleLength(state) > 1 ? tupleItem(state, 1) : Value();
  if (!isIterator(source) || (!active.isNull() && !isIterator(active))) {
    return raise(exc::TypeError, "Arguments must be iterators.");
  }
  asChain(args[0])->source.set(source);
  asChain(args[0])->active.set(active);
  return None();
}

// ===========================================================================
// compress(data, selectors)

struct CompressObj : Obj {
  gc::HeapValue data, selectors;
};
CompressObj* asCompress(Value v) { return static_cast<CompressObj*>(v.asObject()); }

const MethodDef kCompressNewDef = {.name = "compress", .signature = "(data, selectors)"};

Value compress_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kCompressNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  Value data = getIter(bound[0]);
  if (data.isNull()) return data;
  Value selectors = getIter(bound[1]);
  if (selectors.isNull()) return selectors;
  CompressObj* c = allocIter<CompressObj>(type);
  c->data.set(data);
  c->selectors.set(selectors);
  return Value(c);
}

Value compress_next(Value self) {
  for (;;) {
    Value datum = iterNext(asCompress(self)->data.get());
    if (datum.isNull()) return datum;
    Value selector = iterNext(asCompress(self)->selectors.get());
    if (selector.isNull()) return selector;
    int ok = isTrue(selector);
    if (ok < 0) return Value();
    if (ok > 0) return datum;
  }
}

Value compress___reduce__(Value* args) {
  Value self = args[0];
  return reduceValue(self, newTupleOf({asCompress(self)->data.get(), asCompress(self)->selectors.get()}));
}

// ===========================================================================
// dropwhile / takewhile / filterfalse (predicate, iterable)

struct PredicateObj : Obj {
  gc::HeapValue func, it;
  int64_t state;  // dropwhile: dropping done; takewhile: stopped
};
PredicateObj* asPredicate(Value v) { return static_cast<PredicateObj*>(v.asObject()); }

Value newPredicateIter(Type* type, Type* base, const char* name, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywordsFor(type, base, name, kwnames) || !checkPositional(name, nargs, 2, 2)) return Value();
  Value it = getIter(args[1]);
  if (it.isNull()) return it;
  PredicateObj* p = allocIter<PredicateObj>(type);
  p->func.set(args[0]);
  p->it.set(it);
  return Value(p);
}

// (type, (func, it)): filterfalse, starmap.
Value predicate___reduce__(Value* args) {
  Value self = args[0];
  return reduceValue(self, newTupleOf({asPredicate(self)->func.get(), asPredicate(self)->it.get()}));
}

// (type, (func, it), state): dropwhile (dropping done), takewhile (stopped).
Value predicateWithState___reduce__(Value* args) {
  Value self = args[0];
  Value state = newInt(asPredicate(self)->state);
  return reduceValue(self, newTupleOf({asPredicate(self)->func.get(), asPredicate(self)->it.get()}), state);
}

Value predicate___setstate__(Value* args) {
  int flag = isTrue(args[1]);
  if (flag < 0) return Value();
  asPredicate(args[0])->state = flag;
  return None();
}

// bool(func(item)), or bool(item) when func is None (filterfalse only).
int predicate(Value func, Value item) {
  if (isNone(func)) return isTrue(item);
  Value r = call1(func, item);
  if (r.isNull()) return -1;
  return isTrue(r);
}

Value dropwhile_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return newPredicateIter(type, g_dropwhile_type, "dropwhile", args, nargs, kwnames);
}

Value dropwhile_next(Value self) {
  for (;;) {
    Value item = iterNext(asPredicate(self)->it.get());
    if (item.isNull()) return item;
    if (asPredicate(self)->state != 0) return item;
    Value r = call1(asPredicate(self)->func.get(), item);
    if (r.isNull()) return r;
    int ok = isTrue(r);
    if (ok < 0) return Value();
    if (ok == 0) {
      asPredicate(self)->state = 1;
      return item;
    }
  }
}

Value takewhile_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return newPredicateIter(type, g_takewhile_type, "takewhile", args, nargs, kwnames);
}

Value takewhile_next(Value self) {
  if (asPredicate(self)->state != 0) return Value();
  Value item = iterNext(asPredicate(self)->it.get());
  if (item.isNull()) return item;
  Value r = call1(asPredicate(self)->func.get(), item);
  if (r.isNull()) return r;
  int ok = isTrue(r);
  if (ok < 0) return Value();
  if (ok > 0) return item;
  asPredicate(self)->state = 1;
  return Value();
}

Value filterfalse_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return newPredicateIter(type, g_filterfalse_type, "filterfalse", args, nargs, kwnames);
}

Value filterfalse_next(Value self) {
  for (;;) {
    Value item = iterNext(asPredicate(self)->it.get());
    if (item.isNull()) return item;
    int ok = predicate(asPredicate(self)->func.get(), item);
    if (ok < 0) return Value();
    if (ok == 0) return item;
  }
}

// ===========================================================================
// starmap(function, iterable)

Value starmap_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return newPredicateIter(type, g_starmap_type, "starmap", args, nargs, kwnames);
}

Value starmap_next(Value self) {
  Value args = iterNext(asPredicate(self)->it.get());
  if (args.isNull()) return args;
  if (!isExactTuple(args)) {
    args = tupleFromIterable(args);
    if (args.isNull()) return args;
  }
  return callTupleDict(asPredicate(self)->func.get(), args, Value());
}

// ===========================================================================
// islice(iterable, stop) / islice(iterable, start, stop[, step])

struct IsliceObj : Obj {
  gc::HeapValue it;  // null once exhausted
  int64_t next;      // index of the next item to produce
  int64_t stop;      // -1: no limit
  int64_t step;
  int64_t cnt;       // items consumed so far
};
IsliceObj* asIslice(Value v) { return static_cast<IsliceObj*>(v.asObject()); }

// An islice() index: -1 with the error cleared when v is no integer or does
// not fit (the caller tells that -1 from a real one only by the value, as
// CPython does).
int64_t asSsizeClamped(Value v) {
  if (!v.isSmallInt() && typeOf(v)->slots.nb_index == nullptr) return -1;
  Value i = index(v);
  if (i.isNull()) {
    clearError();
    return -1;
  }
  int64_t n;
  if (intToInt64(i, &n)) return n;
  clearError();
  return -1;
}

Value islice_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywordsFor(type, g_islice_type, "islice", kwnames) || !checkPositional("islice", nargs, 2, 4)) return Value();
  int64_t start = 0, stop = -1, step = 1;
  static constexpr const char* kStopMessage =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (nargs == 2) {
    if (!isNone(args[1])) {
      stop = asSsizeClamped(args[1]);
      if (stop == -1) return raise(exc::ValueError, kStopMessage);
    }
  } else {
    if (!isNone(args[1])) start = asSsizeClamped(args[1]);
    if (!isNone(args[2])) {
      stop = asSsizeClamped(args[2]);
      if (stop == -1) return raise(exc::ValueError, kStopMessage);
    }
  }
  if (start < 0 || stop < -1) {
    return raise(exc::ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (nargs == 4 && !isNone(args[3])) step = asSsizeClamped(args[3]);
  if (step < 1) return raise(exc::ValueError, "Step for islice() must be a positive integer or None.");
  Value it = getIter(args[0]);
  if (it.isNull()) return it;
  IsliceObj* s = allocIter<IsliceObj>(type);
  s->it.set(it);
  s->next = start;
  s->stop = stop;
  s->step = step;
  return Value(s);
}

Value islice_next(Value self) {
  Value it = asIslice(self)->it.get();
  if (it.isNull()) return it;
  int64_t stop = asIslice(self)->stop;
  while (asIslice(self)->cnt < asIslice(self)->next) {
    Value item = iterNext(it);
    if (item.isNull()) {
      asIslice(self)->it.set(Value());
      return Value();
    }
    asIslice(self)->cnt++;
  }
  if (stop != -1 && asIslice(self)->cnt >= stop) {
    asIslice(self)->it.set(Value());
    return Value();
  }
  Value item = iterNext(it);
  if (item.isNull()) {
    asIslice(self)->it.set(Value());
    return Value();
  }
  IsliceObj* s = asIslice(self);
  s->cnt++;
  int64_t old = s->next;
  if (__builtin_add_overflow(s->next, s->step, &s->next) || s->next < old || (stop != -1 && s->next > stop)) {
    s->next = stop;
  }
  return item;
}

// (type, (it, next, stop, step), cnt): a new islice with the same bounds whose
// __setstate__ restores the count consumed; (type, (iter([]), 0), 0) once
// exhausted.
Value islice___reduce__(Value* args) {
  Value self = args[0];
  Value it = asIslice(self)->it.get();
  if (it.isNull()) {
    Value empty = newList();
    if (empty.isNull()) return empty;
    empty = getIter(empty);
    if (empty.isNull()) return empty;
    return reduceValue(self, newTupleOf({empty, Value::fromSmallInt(0)}), Value::fromSmallInt(0));
  }
  Value next = newInt(asIslice(self)->next);
  Value stop = asIslice(self)->stop == -1 ? None() : newInt(asIslice(self)->stop);
  Value step = newInt(asIslice(self)->step);
  Value cnt = newInt(asIslice(self)->cnt);
  if (next.isNull() || stop.isNull() || step.isNull() || cnt.isNull()) return Value();
  return reduceValue(self, newTupleOf({it, next, stop, step}), cnt);
}

// state: the count of items consumed (a Py_ssize_t).
Value islice___setstate__(Value* args) {
  int64_t cnt;
  if (!containers::stateToIndex(args[1], &cnt)) return Value();
  asIslice(args[0])->cnt = cnt;
  return None();
}

// ===========================================================================
// pairwise(iterable, /)

struct PairwiseObj : Obj {
  gc::HeapValue it;   // null once exhausted
  gc::HeapValue old;  // the previous item, null before the first
};
PairwiseObj* asPairwise(Value v) { return static_cast<PairwiseObj*>(v.asObject()); }

Value pairwise_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywordsFor(type, g_pairwise_type, "pairwise", kwnames) || !checkPositional("pairwise", nargs, 1, 1)) {
    return Value();
  }
  Value it = getIter(args[0]);
  if (it.isNull()) return it;
  PairwiseObj* p = allocIter<PairwiseObj>(type);
  p->it.set(it);
  return Value(p);
}

Value pairwise_next(Value self) {
  Value it = asPairwise(self)->it.get();
  if (it.isNull()) return it;
  Value old = asPairwise(self)->old.get();
  if (old.isNull()) {
    old = iterNext(it);
    if (old.isNull()) {
      asPairwise(self)->it.set(Value());
      return old;
    }
    asPairwise(self)->old.set(old);
  }
  Value item = iterNext(it);
  if (item.isNull()) {
    asPairwise(self)->it.set(Value());
    asPairwise(self)->old.set(Value());
    return item;
  }
  Value pair = newTupleOf({old, item});
  asPairwise(self)->old.set(item);
  return pair;
}

// ===========================================================================
// zip_longest(*iterables, fillvalue=None)

struct ZipLongestObj : Obj {
  gc::HeapValue iterators;  // ArrayObj: one iterator per argument, null once exhausted
  gc::HeapValue fillvalue;
  int64_t size;
  int64_t numactive;
};
ZipLongestObj* asZipLongest(Value v) { return static_cast<ZipLongestObj*>(v.asObject()); }
ArrayObj* asArray(Value v) { return static_cast<ArrayObj*>(v.asObject()); }

Value zip_longest_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value fillvalue = None();
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    if (tupleLength(kwnames) > 1 || !strEqualsAscii(tupleItem(kwnames, 0), "fillvalue")) {
      return raise(exc::TypeError, "zip_longest() got an unexpected keyword argument");
    }
    fillvalue = args[nargs];
  }
  Value iterators = newArray(static_cast<int64_t>(nargs));
  for (size_t i = 0; i < nargs; ++i) {
    Value it = getIter(args[i]);
    if (it.isNull()) return it;
    asArray(iterators)->items[i].set(it);
  }
  ZipLongestObj* z = allocIter<ZipLongestObj>(type);
  z->iterators.set(iterators);
  z->fillvalue.set(fillvalue);
  z->size = static_cast<int64_t>(nargs);
  z->numactive = static_cast<int64_t>(nargs);
  return Value(z);
}

Value zip_longest_next(Value self) {
  int64_t n = asZipLongest(self)->size;
  if (n == 0 || asZipLongest(self)->numactive == 0) return Value();
  Value result = newTuple(n);
  for (int64_t i = 0; i < n; ++i) {
    Value it = asArray(asZipLongest(self)->iterators.get())->items[i].get();
    Value item;
    if (it.isNull()) {
      item = asZipLongest(self)->fillvalue.get();
    } else {
      item = iterNext(it);
      if (item.isNull()) {
        if (errorPending()) {
          asZipLongest(self)->numactive = 0;
          return Value();
        }
        // The last active iterator stays (CPython keeps it): __reduce__ shows it.
        if (--asZipLongest(self)->numactive == 0) return Value();
        asArray(asZipLongest(self)->iterators.get())->items[i].set(Value());
        item = asZipLongest(self)->fillvalue.get();
      }
    }
    tupleInit(result, i, item);
  }
  return result;
}

// (type, iterators with () for the exhausted ones, fillvalue): __setstate__
// restores the fillvalue.
Value zip_longest___reduce__(Value* args) {
  Value self = args[0];
  int64_t n = asZipLongest(self)->size;
  Value its = newTuple(n);
  if (its.isNull()) return its;
  for (int64_t i = 0; i < n; ++i) {
    Value it = asArray(asZipLongest(self)->iterators.get())->items[i].get();
    if (it.isNull()) {
      it = newTuple(0);
      if (it.isNull()) return it;
    }
    tupleInit(its, i, it);
  }
  return reduceValue(self, its, asZipLongest(self)->fillvalue.get());
}

Value zip_longest___setstate__(Value* args) {
  asZipLongest(args[0])->fillvalue.set(args[1]);
  return None();
}

// ===========================================================================
// groupby(iterable, key=None) and its _grouper

struct GroupbyObj : Obj {
  gc::HeapValue it;
  gc::HeapValue keyfunc;      // None: the identity
  gc::HeapValue tgtkey;       // key of the current group
  gc::HeapValue currkey;      // key of currvalue
  gc::HeapValue currvalue;    // the item read ahead, or null
  gc::HeapValue currgrouper;  // the only _grouper still valid, or null
};
GroupbyObj* asGroupby(Value v) { return static_cast<GroupbyObj*>(v.asObject()); }

struct GrouperObj : Obj {
  gc::HeapValue parent;
  gc::HeapValue tgtkey;
};
GrouperObj* asGrouper(Value v) { return static_cast<GrouperObj*>(v.asObject()); }

const MethodDef kGroupbyNewDef = {.name = "groupby", .signature = "(iterable, key=None)"};

Value groupby_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kGroupbyNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  Value it = getIter(bound[0]);
  if (it.isNull()) return it;
  GroupbyObj* g = allocIter<GroupbyObj>(type);
  g->it.set(it);
  g->keyfunc.set(bound[1]);
  return Value(g);
}

// Reads the next item and its key into currvalue/currkey; false when
// exhausted or on error.
bool groupbyStep(Value self) {
  Value item = iterNext(asGroupby(self)->it.get());
  if (item.isNull()) return false;
  Value keyfunc = asGroupby(self)->keyfunc.get();
  Value key = item;
  if (!isNone(keyfunc)) {
    key = call1(keyfunc, item);
    if (key.isNull()) return false;
  }
  asGroupby(self)->currvalue.set(item);
  asGroupby(self)->currkey.set(key);
  return true;
}

Value groupby_next(Value self) {
  asGroupby(self)->currgrouper.set(Value());
  for (;;) {
    Value currkey = asGroupby(self)->currkey.get();
    Value tgtkey = asGroupby(self)->tgtkey.get();
    if (!currkey.isNull()) {
      if (tgtkey.isNull()) break;
      int r = richCompareBool(tgtkey, currkey, kEq);
      if (r < 0) return Value();
      if (r == 0) break;
    }
    if (!groupbyStep(self)) return Value();
  }
  Value key = asGroupby(self)->currkey.get();
  asGroupby(self)->tgtkey.set(key);
  GrouperObj* grouper = allocIter<GrouperObj>(g_grouper_type);
  grouper->parent.set(self);
  grouper->tgtkey.set(key);
  asGroupby(self)->currgrouper.set(Value(grouper));
  return newTupleOf({key, Value(grouper)});
}

// (type, (it, keyfunc)), with (currkey, currvalue, tgtkey) as the state while
// an item is read ahead.
Value groupby___reduce__(Value* args) {
  Value self = args[0];
  Value args_tuple = newTupleOf({asGroupby(self)->it.get(), asGroupby(self)->keyfunc.get()});
  GroupbyObj* g = asGroupby(self);
  Value tgtkey = g->tgtkey.get(), currkey = g->currkey.get(), currvalue = g->currvalue.get();
  if (tgtkey.isNull() || currkey.isNull() || currvalue.isNull()) return reduceValue(self, args_tuple);
  return reduceValue(self, args_tuple, newTupleOf({currkey, currvalue, tgtkey}));
}

Value groupby___setstate__(Value* args) {
  Value state = args[1];
  if (!checkStateTuple(state, 3, 3)) return Value();
  GroupbyObj* g = asGroupby(args[0]);
  g->currkey.set(tupleItem(state, 0));
  g->currvalue.set(tupleItem(state, 1));
  g->tgtkey.set(tupleItem(state, 2));
  return None();
}

// _grouper(parent, tgtkey, /): becomes the parent's current group.
Value grouper_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("_grouper", kwnames) || !checkPositional("_grouper", nargs, 2, 2)) return Value();
  if (!isInstance(args[0], g_groupby_type)) {
    return raisef(exc::TypeError, "_grouper() argument 1 must be %s, not %s", typeName(g_groupby_type).c_str(),
                  typeNameOf(args[0]).c_str());
  }
  GrouperObj* grouper = allocIter<GrouperObj>(type);
  grouper->parent.set(args[0]);
  grouper->tgtkey.set(args[1]);
  asGroupby(args[0])->currgrouper.set(Value(grouper));
  return Value(grouper);
}

// (type, (parent, tgtkey)) for the current group; an older one is exhausted:
// (iter, ((),)).
Value grouper___reduce__(Value* args) {
  Value self = args[0];
  Value parent = asGrouper(self)->parent.get();
  if (asGroupby(parent)->currgrouper.get() != self) {
    Value iter = containers::reduceBuiltin("iter");
    if (iter.isNull()) return iter;
    Value empty = newTupleOf({newTuple(0)});
    if (empty.isNull()) return empty;
    return newTupleOf({iter, empty});
  }
  return reduceValue(self, newTupleOf({parent, asGrouper(self)->tgtkey.get()}));
}

Value grouper_next(Value self) {
  Value parent = asGrouper(self)->parent.get();
  if (asGroupby(parent)->currgrouper.get() != self) return Value();
  if (asGroupby(parent)->currvalue.get().isNull() && !groupbyStep(parent)) return Value();
  int r = richCompareBool(asGrouper(self)->tgtkey.get(), asGroupby(parent)->currkey.get(), kEq);
  if (r <= 0) return Value();
  Value item = asGroupby(parent)->currvalue.get();
  asGroupby(parent)->currvalue.set(Value());
  return item;
}

// ===========================================================================
// tee(iterable, n=2): _tee iterators sharing a linked list of
// _tee_dataobject blocks of buffered items.

constexpr int64_t kTeeBlock = 57;

struct TeeDataObj : Obj {
  gc::HeapValue it;        // the shared source iterator
  gc::HeapValue values;    // ArrayObj of kTeeBlock items
  gc::HeapValue nextlink;  // the next block, made on demand
  int64_t numread;
  int64_t running;         // guards against re-entering the source
};
TeeDataObj* asTeeData(Value v) { return static_cast<TeeDataObj*>(v.asObject()); }

struct TeeObj : Obj {
  gc::HeapValue dataobj;
  int64_t index;
};
TeeObj* asTee(Value v) { return static_cast<TeeObj*>(v.asObject()); }

Value newTeeData(Value it) {
  Value values = newArray(kTeeBlock);
  TeeDataObj* d = allocIter<TeeDataObj>(g_teedata_type);
  d->it.set(it);
  d->values.set(values);
  return Value(d);
}

Value teedataItem(Value data, int64_t i) {
  if (i < asTeeData(data)->numread) return asArray(asTeeData(data)->values.get())->items[i].get();
  if (asTeeData(data)->running != 0) return raise(exc::RuntimeError, "cannot re-enter the tee iterator");
  asTeeData(data)->running = 1;
  Value item = iterNext(asTeeData(data)->it.get());
  asTeeData(data)->running = 0;
  if (item.isNull()) return item;
  TeeDataObj* d = asTeeData(data);
  asArray(d->values.get())->items[d->numread++].set(item);
  return item;
}

Value newTee(Type* type, Value dataobj, int64_t index) {
  TeeObj* t = allocIter<TeeObj>(type);
  t->dataobj.set(dataobj);
  t->index = index;
  return Value(t);
}

Value teeFromIterable(Value iterable) {
  Value it = getIter(iterable);
  if (it.isNull()) return it;
  if (typeOf(it) == g_tee_type) return newTee(g_tee_type, asTee(it)->dataobj.get(), asTee(it)->index);
  Value data = newTeeData(it);
  return newTee(g_tee_type, data, 0);
}

Value tee_new(Type* /*type*/, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("_tee", kwnames) || !checkPositional("_tee", nargs, 1, 1)) return Value();
  return teeFromIterable(args[0]);
}

Value tee_next(Value self) {
  if (asTee(self)->index >= kTeeBlock) {
    Value data = asTee(self)->dataobj.get();
    Value link = asTeeData(data)->nextlink.get();
    if (link.isNull()) {
      link = newTeeData(asTeeData(data)->it.get());
      asTeeData(data)->nextlink.set(link);
    }
    asTee(self)->dataobj.set(link);
    asTee(self)->index = 0;
  }
  Value item = teedataItem(asTee(self)->dataobj.get(), asTee(self)->index);
  if (item.isNull()) return item;
  asTee(self)->index++;
  return item;
}

Value tee___copy__(Value* args) {
  return newTee(typeOf(args[0]), asTee(args[0])->dataobj.get(), asTee(args[0])->index);
}

// (type, ((),), (dataobj, index)): an empty tee whose __setstate__ puts it
// back at its place in the shared buffer.
Value tee___reduce__(Value* args) {
  Value self = args[0];
  Value index = newInt(asTee(self)->index);
  if (index.isNull()) return index;
  Value empty = newTupleOf({newTuple(0)});
  return reduceValue(self, empty, newTupleOf({asTee(self)->dataobj.get(), index}));
}

// state: (_tee_dataobject, index within its block, 0..57).
Value tee___setstate__(Value* args) {
  Value state = args[1];
  if (!checkStateTuple(state, 2, 2) || !checkStateType(tupleItem(state, 0), 1, g_teedata_type)) return Value();
  int64_t index;
  if (!stateInt(tupleItem(state, 1), &index)) return Value();
  if (index < 0 || index > kTeeBlock) return raise(exc::ValueError, "Index out of range");
  asTee(args[0])->dataobj.set(tupleItem(state, 0));
  asTee(args[0])->index = index;
  return None();
}

// (type, (it, the items read so far, nextlink or None)).
Value teedata___reduce__(Value* args) {
  Value self = args[0];
  int64_t n = asTeeData(self)->numread;
  Value values = newList(n);
  if (values.isNull()) return values;
  for (int64_t i = 0; i < n; ++i) {
    if (!listAppend(values, asArray(asTeeData(self)->values.get())->items[i].get())) return Value();
  }
  Value next = asTeeData(self)->nextlink.get();
  return reduceValue(self, newTupleOf({asTeeData(self)->it.get(), values, next.isNull() ? None() : next}));
}

// _tee_dataobject(iterable, values, next, /): a block holding `values` (at
// most 57, a list) read from `iterable`; only a full block has a next one.
Value teedata_new(Type* /*type*/, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("teedataobject", kwnames) || !checkPositional("teedataobject", nargs, 3, 3)) return Value();
  Value values = args[1], next = args[2];
  if (!isList(values)) {
    return raisef(exc::TypeError, "teedataobject() argument 2 must be list, not %s", typeNameOf(values).c_str());
  }
  int64_t n = listLength(values);
  bool next_ok = isNone(next) || (n == kTeeBlock && typeOf(next) == g_teedata_type);
  if (n > kTeeBlock || !next_ok) return raise(exc::ValueError, "Invalid arguments");
  Value data = newTeeData(args[0]);
  for (int64_t i = 0; i < n; ++i) asArray(asTeeData(data)->values.get())->items[i].set(listItem(values, i));
  asTeeData(data)->numread = n;
  if (!isNone(next)) asTeeData(data)->nextlink.set(next);
  return data;
}

Value itertools_tee(Value* args) {
  Value iterable = args[1];
  int64_t n;
  if (!argSsize(args[2], &n)) return Value();
  if (n < 0) return raise(exc::ValueError, "n must be >= 0");
  Value result = newTuple(n);
  if (n == 0) return result;
  Value it = getIter(iterable);
  if (it.isNull()) return it;
  Value copy_name = internStr("__copy__");
  Value copyfunc = lookupAttr(it, copy_name);
  Value copyable = it;
  if (copyfunc.isNull()) {
    if (errorPending()) return Value();
    copyable = teeFromIterable(it);
    if (copyable.isNull()) return copyable;
    copyfunc = getAttr(copyable, copy_name);
    if (copyfunc.isNull()) return copyfunc;
  }
  tupleInit(result, 0, copyable);
  for (int64_t i = 1; i < n; ++i) {
    Value copy = call0(copyfunc);
    if (copy.isNull()) return copy;
    tupleInit(result, i, copy);
  }
  return result;
}

// ===========================================================================
// Tables

#define TERN_ITER_LAYOUT(var, struct_name, python_name, ...)                     \
  const uint32_t var##Fields[] = {offsetof(Obj, ob_type), __VA_ARGS__};         \
  const gc::Layout var = {.name = python_name, .fields = var##Fields}

TERN_ITER_LAYOUT(kCountLayout, CountObj, "itertools.count", offsetof(CountObj, cnt), offsetof(CountObj, step));
TERN_ITER_LAYOUT(kCycleLayout, CycleObj, "itertools.cycle", offsetof(CycleObj, it), offsetof(CycleObj, saved));
TERN_ITER_LAYOUT(kRepeatLayout, RepeatObj, "itertools.repeat", offsetof(RepeatObj, element));
TERN_ITER_LAYOUT(kAccumulateLayout, AccumulateObj, "itertools.accumulate", offsetof(AccumulateObj, it),
                 offsetof(AccumulateObj, func), offsetof(AccumulateObj, total), offsetof(AccumulateObj, initial));
TERN_ITER_LAYOUT(kChainLayout, ChainObj, "itertools.chain", offsetof(ChainObj, source), offsetof(ChainObj, active));
TERN_ITER_LAYOUT(kCompressLayout, CompressObj, "itertools.compress", offsetof(CompressObj, data),
                 offsetof(CompressObj, selectors));
TERN_ITER_LAYOUT(kPredicateLayout, PredicateObj, "itertools.predicate", offsetof(PredicateObj, func),
                 offsetof(PredicateObj, it));
TERN_ITER_LAYOUT(kIsliceLayout, IsliceObj, "itertools.islice", offsetof(IsliceObj, it));
TERN_ITER_LAYOUT(kPairwiseLayout, PairwiseObj, "itertools.pairwise", offsetof(PairwiseObj, it),
                 offsetof(PairwiseObj, old));
TERN_ITER_LAYOUT(kZipLongestLayout, ZipLongestObj, "itertools.zip_longest", offsetof(ZipLongestObj, iterators),
                 offsetof(ZipLongestObj, fillvalue));
TERN_ITER_LAYOUT(kGroupbyLayout, GroupbyObj, "itertools.groupby", offsetof(GroupbyObj, it),
                 offsetof(GroupbyObj, keyfunc), offsetof(GroupbyObj, tgtkey), offsetof(GroupbyObj, currkey),
                 offsetof(GroupbyObj, currvalue), offsetof(GroupbyObj, currgrouper));
TERN_ITER_LAYOUT(kGrouperLayout, GrouperObj, "itertools._grouper", offsetof(GrouperObj, parent),
                 offsetof(GrouperObj, tgtkey));
TERN_ITER_LAYOUT(kTeeDataLayout, TeeDataObj, "itertools._tee_dataobject", offsetof(TeeDataObj, it),
                 offsetof(TeeDataObj, values), offsetof(TeeDataObj, nextlink));
TERN_ITER_LAYOUT(kTeeLayout, TeeObj, "itertools._tee", offsetof(TeeObj, dataobj));

#undef TERN_ITER_LAYOUT

#define TERN_REDUCE(impl) {.name = "__reduce__", .signature = "($self, /)", .fn = impl, .doc = kReduceDoc}
#define TERN_SETSTATE(impl) {.name = "__setstate__", .signature = "($self, state, /)", .fn = impl, .doc = kSetStateDoc}

const MethodDef kCountMethods[] = {TERN_REDUCE(count___reduce__)};
const MethodDef kCycleMethods[] = {TERN_REDUCE(cycle___reduce__), TERN_SETSTATE(cycle___setstate__)};
const MethodDef kRepeatMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = repeat___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
    TERN_REDUCE(repeat___reduce__),
};
const MethodDef kAccumulateMethods[] = {TERN_REDUCE(accumulate___reduce__), TERN_SETSTATE(accumulate___setstate__)};
const MethodDef kChainMethods[] = {
    TERN_REDUCE(chain___reduce__),
    TERN_SETSTATE(chain___setstate__),
    {.name = "from_iterable", .signature = "($type, iterable, /)", .fn = chain_from_iterable,
     .flags = method_flags::kClassMethod,
     .doc = "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
};
const MethodDef kCompressMethods[] = {TERN_REDUCE(compress___reduce__)};
const MethodDef kPredicateMethods[] = {TERN_REDUCE(predicate___reduce__)};
const MethodDef kPredicateWithStateMethods[] = {TERN_REDUCE(predicateWithState___reduce__),
                                                TERN_SETSTATE(predicate___setstate__)};
const MethodDef kIsliceMethods[] = {TERN_REDUCE(islice___reduce__), TERN_SETSTATE(islice___setstate__)};
const MethodDef kZipLongestMethods[] = {TERN_REDUCE(zip_longest___reduce__), TERN_SETSTATE(zip_longest___setstate__)};
const MethodDef kGroupbyMethods[] = {TERN_REDUCE(groupby___reduce__), TERN_SETSTATE(groupby___setstate__)};
const MethodDef kGrouperMethods[] = {TERN_REDUCE(grouper___reduce__)};
const MethodDef kTeeDataMethods[] = {TERN_REDUCE(teedata___reduce__)};
const MethodDef kTeeMethods[] = {
    {.name = "__copy__", .signature = "($self, /)", .fn = tee___copy__, .doc = "Returns an independent iterator."},
    TERN_REDUCE(tee___reduce__),
    TERN_SETSTATE(tee___setstate__),
};

#undef TERN_REDUCE
#undef TERN_SETSTATE

constexpr uint64_t kIterFlags = type_flags::kBaseType;

const TypeSpec kCountSpec = {
    .name = "count", .module = "itertools", .type = &g_count_type, .layout = &kCountLayout,
    .basic_size = sizeof(CountObj), .flags = kIterFlags,
    .slots = {.tp_repr = count_repr, .tp_iter = selfIter, .tp_iternext = count_next, .tp_new = count_new},
    .methods = kCountMethods,
    .doc = "Return a count object whose .__next__() method returns consecutive values.\n\n"
           "Equivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n        while 1:\n"
           "            yield x\n            x += step",
};
TERN_REGISTER_TYPE(kCountSpec);

const TypeSpec kCycleSpec = {
    .name = "cycle", .module = "itertools", .type = &g_cycle_type, .layout = &kCycleLayout,
    .basic_size = sizeof(CycleObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = cycle_next, .tp_new = cycle_new},
    .methods = kCycleMethods,
    .doc = "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.",
};
TERN_REGISTER_TYPE(kCycleSpec);

const TypeSpec kRepeatSpec = {
    .name = "repeat", .module = "itertools", .type = &g_repeat_type, .layout = &kRepeatLayout,
    .basic_size = sizeof(RepeatObj), .flags = kIterFlags,
    .slots = {.tp_repr = repeat_repr, .tp_iter = selfIter, .tp_iternext = repeat_next, .tp_new = repeat_new},
    .methods = kRepeatMethods,
    .doc = "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of "
           "times.  If not specified, returns the object\nendlessly.",
};
TERN_REGISTER_TYPE(kRepeatSpec);

const TypeSpec kAccumulateSpec = {
    .name = "accumulate", .module = "itertools", .type = &g_accumulate_type, .layout = &kAccumulateLayout,
    .basic_size = sizeof(AccumulateObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = accumulate_next, .tp_new = accumulate_new},
    .methods = kAccumulateMethods,
    .doc = "Return series of accumulated sums (or other binary function results).",
};
TERN_REGISTER_TYPE(kAccumulateSpec);

const TypeSpec kChainSpec = {
    .name = "chain", .module = "itertools", .type = &g_chain_type, .layout = &kChainLayout,
    .basic_size = sizeof(ChainObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = chain_next, .tp_new = chain_new},
    .methods = kChainMethods,
    .doc = "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements "
           "from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the "
           "iterables are exhausted.",
};
TERN_REGISTER_TYPE(kChainSpec);

const TypeSpec kCompressSpec = {
    .name = "compress", .module = "itertools", .type = &g_compress_type, .layout = &kCompressLayout,
    .basic_size = sizeof(CompressObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = compress_next, .tp_new = compress_new},
    .methods = kCompressMethods,
    .doc = "Return data elements corresponding to true selector elements.\n\nForms a shorter iterator from "
           "selected data elements using the selectors to\nchoose the data elements.",
};
TERN_REGISTER_TYPE(kCompressSpec);

const TypeSpec kDropwhileSpec = {
    .name = "dropwhile", .module = "itertools", .type = &g_dropwhile_type, .layout = &kPredicateLayout,
    .basic_size = sizeof(PredicateObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = dropwhile_next, .tp_new = dropwhile_new},
    .methods = kPredicateWithStateMethods,
    .doc = "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element "
           "until the iterable is exhausted.",
};
TERN_REGISTER_TYPE(kDropwhileSpec);

const TypeSpec kTakewhileSpec = {
    .name = "takewhile", .module = "itertools", .type = &g_takewhile_type, .layout = &kPredicateLayout,
    .basic_size = sizeof(PredicateObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = takewhile_next, .tp_new = takewhile_new},
    .methods = kPredicateWithStateMethods,
    .doc = "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.",
};
TERN_REGISTER_TYPE(kTakewhileSpec);

const TypeSpec kFilterfalseSpec = {
    .name = "filterfalse", .module = "itertools", .type = &g_filterfalse_type, .layout = &kPredicateLayout,
    .basic_size = sizeof(PredicateObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = filterfalse_next, .tp_new = filterfalse_new},
    .methods = kPredicateMethods,
    .doc = "Return those items of iterable for which function(item) is false.\n\nIf function is None, return the "
           "items that are false.",
};
TERN_REGISTER_TYPE(kFilterfalseSpec);

const TypeSpec kStarmapSpec = {
    .name = "starmap", .module = "itertools", .type = &g_starmap_type, .layout = &kPredicateLayout,
    .basic_size = sizeof(PredicateObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = starmap_next, .tp_new = starmap_new},
    .methods = kPredicateMethods,
    .doc = "Return an iterator whose values are returned from the function evaluated with an argument tuple taken "
           "from the given sequence.",
};
TERN_REGISTER_TYPE(kStarmapSpec);

const TypeSpec kIsliceSpec = {
    .name = "islice", .module = "itertools", .type = &g_islice_type, .layout = &kIsliceLayout,
    .basic_size = sizeof(IsliceObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = islice_next, .tp_new = islice_new},
    .methods = kIsliceMethods,
    .doc = "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\n"
           "Return an iterator whose next() method returns selected values from an\niterable.  If start is "
           "specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to "
           "one.  If\nspecified as another value, step determines how many values are\nskipped between successive "
           "calls.  Works like a slice() on a list\nbut returns an iterator.",
};
TERN_REGISTER_TYPE(kIsliceSpec);

const TypeSpec kPairwiseSpec = {
    .name = "pairwise", .module = "itertools", .type = &g_pairwise_type, .layout = &kPairwiseLayout,
    .basic_size = sizeof(PairwiseObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = pairwise_next, .tp_new = pairwise_new},
    .doc = "Return an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0,s1), (s1,s2), "
           "(s2, s3), ...",
};
TERN_REGISTER_TYPE(kPairwiseSpec);

const TypeSpec kZipLongestSpec = {
    .name = "zip_longest", .module = "itertools", .type = &g_zip_longest_type, .layout = &kZipLongestLayout,
    .basic_size = sizeof(ZipLongestObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = zip_longest_next, .tp_new = zip_longest_new},
    .methods = kZipLongestMethods,
    .doc = "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a zip_longest "
           "object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable "
           "argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis "
           "exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue "
           "is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword "
           "argument.",
};
TERN_REGISTER_TYPE(kZipLongestSpec);

const TypeSpec kGroupbySpec = {
    .name = "groupby", .module = "itertools", .type = &g_groupby_type, .layout = &kGroupbyLayout,
    .basic_size = sizeof(GroupbyObj), .flags = kIterFlags,
    .slots = {.tp_iter = selfIter, .tp_iternext = groupby_next, .tp_new = groupby_new},
    .methods = kGroupbyMethods,
    .doc = "make an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    "
           "Elements to divide into groups according to the key function.\n  key\n    A function for computing "
           "the group category for each element.\n    If the key function is not specified or is None, the "
           "element itself\n    is used for grouping.",
};
TERN_REGISTER_TYPE(kGroupbySpec);

const TypeSpec kGrouperSpec = {
    .name = "_grouper", .module = "itertools", .type = &g_grouper_type, .layout = &kGrouperLayout,
    .basic_size = sizeof(GrouperObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = grouper_next, .tp_new = grouper_new},
    .methods = kGrouperMethods,
};
TERN_REGISTER_TYPE(kGrouperSpec);

const TypeSpec kTeeDataSpec = {
    .name = "_tee_dataobject", .module = "itertools", .type = &g_teedata_type, .layout = &kTeeDataLayout,
    .basic_size = sizeof(TeeDataObj),
    .slots = {.tp_new = teedata_new},
    .methods = kTeeDataMethods,
    .doc = "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.",
};
TERN_REGISTER_TYPE(kTeeDataSpec);

const TypeSpec kTeeSpec = {
    .name = "_tee", .module = "itertools", .type = &g_tee_type, .layout = &kTeeLayout,
    .basic_size = sizeof(TeeObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = tee_next, .tp_new = tee_new},
    .methods = kTeeMethods,
    .doc = "Iterator wrapped to make it copyable.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kTeeSpec);

// ===========================================================================
// The module

const MethodDef kItertoolsFunctions[] = {
    {.name = "tee", .signature = "($module, iterable, n=2, /)", .fn = itertools_tee,
     .doc = "Returns a tuple of n independent iterators."},
};

bool itertoolsInit(Value module) {
  Type* const kTypes[] = {
      g_accumulate_type,  g_chain_type,     g_combinations_type, g_cwr_type,         g_compress_type,
      g_count_type,       g_cycle_type,     g_dropwhile_type,    g_filterfalse_type, g_groupby_type,
      g_islice_type,      g_pairwise_type,  g_permutations_type, g_product_type,     g_repeat_type,
      g_starmap_type,     g_takewhile_type, g_zip_longest_type,  g_grouper_type,     g_tee_type,
      g_teedata_type,
  };
  Value d = moduleDict(module);
  for (Type* t : kTypes) {
    if (dictSet(d, t->name.get(), typeValue(t)) < 0) return false;
  }
  return true;
}

const NativeModuleDef kItertoolsModule = {
    .name = "itertools",
    .methods = kItertoolsFunctions,
    .init = itertoolsInit,
    .doc = "Functional tools for creating and using iterators.",
};
TERN_REGISTER_MODULE(kItertoolsModule);

}  // namespace

}  // namespace tern::itertools
