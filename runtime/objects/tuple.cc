// tuple: immutable sequences, the empty-tuple singleton, tuple_iterator.
//
// Layout (tuple.h): the items are trailing references after the length and
// the cached hash.  `hash` is -1 until computed, and it is only cached when
// every item is of a type whose hash cannot change or run code (str, int,
// float, None, bool, and tuples that cached theirs): CPython 3.11 does not
// cache at all, so caching a user __hash__ would be observable.
#include "runtime/objects/tuple.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/float.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"

namespace tern {

using containers::selfIter;

namespace {

// The empty tuple: one object for the whole process (CPython's singleton).
gc::GlobalRoot g_empty_tuple;

constexpr int64_t kMaxTupleLength = (int64_t{1} << 40);

// Allocates a tuple of `type` (tuple or a subclass) with n null items.
Value allocTuple(Type* type, int64_t n) {
  if (n < 0 || n > kMaxTupleLength) return raiseNoMemory();
  Obj* o = tryNewObject(type, type->basic_size + static_cast<size_t>(n) * sizeof(gc::HeapValue));
  if (o == nullptr) return Value();
  auto* t = static_cast<TupleObj*>(o);
  t->length = n;
  t->hash = -1;
  return Value(o);
}

}  // namespace

Value newTuple(int64_t n) {
  if (n == 0) {
    if (!g_empty_tuple.get().isNull()) return g_empty_tuple.get();
    Obj* o = newObjectOld(types::tuple_type, sizeof(TupleObj));
    static_cast<TupleObj*>(o)->length = 0;
    static_cast<TupleObj*>(o)->hash = -1;
    g_empty_tuple.set(Value(o));
    return Value(o);
  }
  if (n < 0 || n > kMaxTupleLength) return raiseNoMemory();
  size_t bytes = sizeof(TupleObj) + static_cast<size_t>(n) * sizeof(gc::HeapValue);
  Obj* o = tryNewObject(types::tuple_type, bytes);
  if (o == nullptr) return Value();
  auto* t = static_cast<TupleObj*>(o);
  t->length = n;
  t->hash = -1;
  return Value(o);
}

Value newTupleOf(std::initializer_list<Value> items) {
  // The initializer list lives on the caller's stack: a root.
  Value t = newTuple(static_cast<int64_t>(items.size()));
  if (t.isNull()) return t;
  int64_t i = 0;
  for (Value v : items) tupleInit(t, i++, v);
  return t;
}

Value newTupleFrom(const Value* items, int64_t n) {
  Value t = newTuple(n);
  if (t.isNull()) return t;
  for (int64_t i = 0; i < n; ++i) tupleInit(t, i, items[i]);
  return t;
}

Value tupleFromIterable(Value iterable) {
  if (isExactTuple(iterable)) return iterable;
  if (isExactList(iterable)) return listAsTuple(iterable);
  Value list = listFromIterable(iterable);
  if (list.isNull()) return list;
  return listAsTuple(list);
}

namespace {

// A tuple slice [start, start + n*step) as a new exact tuple.
Value tupleSlice(Value self, int64_t start, int64_t step, int64_t n) {
  if (n <= 0) return newTuple(0);
  if (step == 1 && start == 0 && n == tupleLength(self) && isExactTuple(self)) return self;
  Value t = newTuple(n);
  if (t.isNull()) return t;
  for (int64_t i = 0, j = start; i < n; ++i, j += step) tupleInit(t, i, tupleItem(self, j));
  return t;
}

// Is the hash of `v` fixed and free of side effects, so that a tuple holding
// it may cache its own hash?
bool hashIsPure(Value v) {
  if (v.isSmallInt()) return true;
  Type* t = typeOf(v);
  if (t == types::str_type || t == types::int_type || t == types::float_type || t == types::bool_type ||
      t == types::none_type || t == types::bytes_type) {
    return true;
  }
  if (t == types::tuple_type) return asTuple(v)->hash != -1;
  return false;
}

// ---------------------------------------------------------------------------
// Slots

Value tuple_repr(Value self) {
  int64_t n = tupleLength(self);
  if (n == 0) return containers::strFromUtf8("()");
  int r = reprEnter(self);
  if (r < 0) return Value();
  if (r > 0) return containers::strFromUtf8("(...)");
  std::string out = "(";
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0) out += ", ";
    if (!containers::appendRepr(out, tupleItem(self, i))) {
      reprLeave(self);
      return Value();
    }
  }
  if (n == 1) out += ",";
  out += ")";
  reprLeave(self);
  return containers::strFromUtf8(out);
}

// Nested exact tuples are hashed with an explicit stack, so that deep
// nesting (which CPython's small C frames survive) cannot exhaust ours.
int64_t tuple_hash(Value self) {
  if (asTuple(self)->hash != -1) return asTuple(self)->hash;
  gc::RootVector tuples;  // the tuples being hashed, outermost first
  std::vector<std::vector<int64_t>> hashes;
  std::vector<bool> pure;
  tuples.push_back(self);
  hashes.emplace_back();
  pure.push_back(true);
  for (;;) {
    Value t = tuples.back();
    size_t i = hashes.back().size();
    if (static_cast<int64_t>(i) < tupleLength(t)) {
      Value item = tupleItem(t, static_cast<int64_t>(i));
      if (isExactTuple(item) && asTuple(item)->hash == -1 && tupleLength(item) > 0) {
        tuples.push_back(item);
        hashes.emplace_back();
        pure.push_back(true);
        continue;
      }
      int64_t h = hash(item);
      if (h == -1) return -1;
      hashes.back().push_back(h);
      if (!hashIsPure(item)) pure.back() = false;
      continue;
    }
    int64_t h = objects::hash_tuple(hashes.back().data(), hashes.back().size());
    bool p = pure.back();
    if (p) asTuple(t)->hash = h;
    tuples.pop_back();
    hashes.pop_back();
    pure.pop_back();
    if (tuples.empty()) return h;
    hashes.back().push_back(h);
    if (!p) pure.back() = false;
  }
}

int64_t tuple_len(Value self) { return tupleLength(self); }

Value tuple_subscript(Value self, Value key) {
  if (containers::hasIndex(key)) {
    int64_t i;
    if (!containers::indexValue(key, &i)) return Value();
    int64_t n = tupleLength(self);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(exc::IndexError, "tuple index out of range");
    return tupleItem(self, i);
  }
  if (isSlice(key)) {
    int64_t start, stop, step, len;
    if (!sliceIndices(key, tupleLength(self), &start, &stop, &step, &len)) return Value();
    return tupleSlice(self, start, step, len);
  }
  return containers::raiseBadIndexType("tuple", key);
}

int tuple_contains(Value self, Value item) {
  for (int64_t i = 0; i < tupleLength(self); ++i) {
    int r = richCompareBool(tupleItem(self, i), item, kEq);
    if (r != 0) return r;
  }
  return 0;
}

Value tuple_richcompare(Value a, Value b, int op) {
  containers::RecursionGuard guard(containers::kInComparison);
  if (!guard.ok()) return Value();
  if (!isTuple(a) || !isTuple(b)) return NotImplemented();
  int64_t na = tupleLength(a), nb = tupleLength(b);
  int64_t i = 0;
  for (; i < na && i < nb; ++i) {
    int r = richCompareBool(tupleItem(a, i), tupleItem(b, i), kEq);
    if (r < 0) return Value();
    if (r == 0) break;
  }
  if (i >= na || i >= nb) {
    return Bool(orderingSatisfies(na < nb ? -1 : na > nb ? 1 : 0, op));
  }
  if (op == kEq) return False();
  if (op == kNe) return True();
  return richCompare(tupleItem(a, i), tupleItem(b, i), op);
}

Value tuple_concat(Value a, Value b) {
  if (!isTuple(a)) return NotImplemented();
  if (!isTuple(b)) {
    if (containers::mayReflect(b, names::__radd__)) return NotImplemented();
    return raisef(exc::TypeError, "can only concatenate tuple (not \"%s\") to tuple", typeNameOf(b).c_str());
  }
  int64_t na = tupleLength(a), nb = tupleLength(b);
  if (nb == 0 && isExactTuple(a)) return a;
  if (na == 0 && isExactTuple(b)) return b;
  Value t = newTuple(na + nb);
  if (t.isNull()) return t;
  for (int64_t i = 0; i < na; ++i) tupleInit(t, i, tupleItem(a, i));
  for (int64_t i = 0; i < nb; ++i) tupleInit(t, na + i, tupleItem(b, i));
  return t;
}

Value tuple_repeat(Value a, Value b) {
  Value seq = a, count = b;
  if (!isTuple(a)) {
    seq = b;
    count = a;
  }
  if (!containers::hasIndex(count)) {
    if (containers::mayReflect(count, seq == a ? names::__rmul__ : names::__mul__)) return NotImplemented();
    return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", typeNameOf(count).c_str());
  }
  int64_t n;
  if (!indexToInt64(count, &n, exc::OverflowError)) return Value();
  int64_t len = tupleLength(seq);
  if (n < 0) n = 0;
  if (len == 0 || n == 0) return newTuple(0);
  if (n == 1 && isExactTuple(seq)) return seq;
  if (len > kMaxTupleLength / n) return raiseNoMemory();
  Value t = newTuple(len * n);
  if (t.isNull()) return t;
  for (int64_t k = 0; k < n; ++k) {
    for (int64_t i = 0; i < len; ++i) tupleInit(t, k * len + i, tupleItem(seq, i));
  }
  return t;
}

Value tuple_iter(Value self);

Value tuple_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  bool plain_init = type == types::tuple_type || type->slots.tp_init == types::tuple_type->slots.tp_init;
  if (!kwnames.isNull() && tupleLength(kwnames) > 0 && plain_init) {
    return raise(exc::TypeError, "tuple() takes no keyword arguments");
  }
  if (nargs > 1) return raisef(exc::TypeError, "tuple expected at most 1 argument, got %zu", nargs);
  Value items = nargs == 0 ? newTuple(0) : tupleFromIterable(args[0]);
  if (items.isNull() || type == types::tuple_type) return items;
  int64_t n = tupleLength(items);
  Value t = allocTuple(type, n);
  if (t.isNull()) return t;
  for (int64_t i = 0; i < n; ++i) tupleInit(t, i, tupleItem(items, i));
  return t;
}

// ---------------------------------------------------------------------------
// Methods

Value tuple_count(Value* args) {
  Value self = args[0];
  int64_t count = 0;
  for (int64_t i = 0; i < tupleLength(self); ++i) {
    int r = richCompareBool(tupleItem(self, i), args[1], kEq);
    if (r < 0) return Value();
    count += r;
  }
  return newInt(count);
}

Value tuple_index(Value* args) {
  Value self = args[0];
  int64_t n = tupleLength(self);
  int64_t start, stop;
  if (!sliceIndexNotNone(args[2], &start) || !sliceIndexNotNone(args[3], &stop)) return Value();
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
  } else if (stop > n) {
    stop = n;
  }
  for (int64_t i = start; i < stop && i < tupleLength(self); ++i) {
    int r = richCompareBool(tupleItem(self, i), args[1], kEq);
    if (r < 0) return Value();
    if (r > 0) return newInt(i);
  }
  return raise(exc::ValueError, "tuple.index(x): x not in tuple");
}

Value tuple___getnewargs__(Value* args) {
  Value copy = tupleSlice(args[0], 0, 1, tupleLength(args[0]));
  if (copy.isNull()) return copy;
  return newTupleOf({copy});
}

Value tuple___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

// ---------------------------------------------------------------------------
// tuple_iterator

struct TupleIterObj : Obj {
  gc::HeapValue seq;  // null once exhausted
  int64_t index;
};

const uint32_t kTupleIterFields[] = {offsetof(Obj, ob_type), offsetof(TupleIterObj, seq)};
const gc::Layout kTupleIterLayout = {.name = "tuple_iterator", .fields = kTupleIterFields};

Value tuple_iter(Value self) {
  Obj* o = newObject(types::tuple_iterator_type, sizeof(TupleIterObj));
  auto* it = static_cast<TupleIterObj*>(o);
  it->seq.set(self);
  it->index = 0;
  return Value(o);
}

Value tupleiter_next(Value self) {
  auto* it = static_cast<TupleIterObj*>(self.asObject());
  Value seq = it->seq.get();
  if (seq.isNull()) return Value();
  if (it->index < tupleLength(seq)) return tupleItem(seq, it->index++);
  it->seq.set(Value());
  return Value();
}

Value tupleiter___length_hint__(Value* args) {
  auto* it = static_cast<TupleIterObj*>(args[0].asObject());
  Value seq = it->seq.get();
  if (seq.isNull()) return newInt(0);
  int64_t left = tupleLength(seq) - it->index;
  return newInt(left < 0 ? 0 : left);
}

Value tupleiter___reduce__(Value* args) {
  auto* it = static_cast<TupleIterObj*>(args[0].asObject());
  return containers::reduceIndexIterator("iter", it->seq.get(), it->index, newTuple(0));
}

// The index is clamped to [0, len]; an exhausted iterator ignores it.
Value tupleiter___setstate__(Value* args) {
  int64_t index;
  if (!containers::stateToIndex(args[1], &index)) return Value();
  auto* it = static_cast<TupleIterObj*>(args[0].asObject());
  Value seq = it->seq.get();
  if (!seq.isNull()) it->index = std::clamp<int64_t>(index, 0, tupleLength(seq));
  return None();
}

// ---------------------------------------------------------------------------
// Tables

const uint32_t kTupleFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kTupleLayout = {
    .name = "tuple", .fields = kTupleFields, .trailing_refs_from = offsetof(TupleObj, items)};

const MethodDef kTupleMethods[] = {
    {.name = "count", .signature = "($self, value, /)", .fn = tuple_count,
     .doc = "Return number of occurrences of value."},
    {.name = "index", .signature = "($self, value, start=0, stop=9223372036854775807, /)", .fn = tuple_index,
     .doc = "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {.name = "__getnewargs__", .signature = "($self, /)", .fn = tuple___getnewargs__},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = tuple___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const TypeSpec kTupleSpec = {
    .name = "tuple",
    .type = &types::tuple_type,
    .layout = &kTupleLayout,
    .basic_size = sizeof(TupleObj),
    .item_size = sizeof(gc::HeapValue),
    .flags = type_flags::kBaseType | type_flags::kTupleSubclass | type_flags::kSequence,
    .slots =
        {
            .tp_repr = tuple_repr,
            .tp_hash = tuple_hash,
            .tp_richcompare = tuple_richcompare,
            .tp_iter = tuple_iter,
            .tp_new = tuple_new,
            .nb_add = tuple_concat,
            .nb_multiply = tuple_repeat,
            .mp_length = tuple_len,
            .mp_subscript = tuple_subscript,
            .sq_contains = tuple_contains,
        },
    .methods = kTupleMethods,
    .doc = "Built-in immutable sequence.\n\n"
           "If no argument is given, the constructor returns an empty tuple.\n"
           "If iterable is specified the tuple is initialized from iterable's items.\n\n"
           "If the argument is a tuple, the return value is the same object.",
};
TERN_REGISTER_TYPE(kTupleSpec);

const MethodDef kTupleIterMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = tupleiter___reduce__,
     .doc = "Return state information for pickling."},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = tupleiter___setstate__,
     .doc = "Set state information for unpickling."},
    {.name = "__length_hint__", .signature = "($self, /)", .fn = tupleiter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
};

const TypeSpec kTupleIterSpec = {
    .name = "tuple_iterator",
    .type = &types::tuple_iterator_type,
    .layout = &kTupleIterLayout,
    .basic_size = sizeof(TupleIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = tupleiter_next},
    .methods = kTupleIterMethods,
};
TERN_REGISTER_TYPE(kTupleIterSpec);

}  // namespace
}  // namespace tern
