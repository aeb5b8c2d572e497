// itertools' combinatoric iterators: product, permutations, combinations,
// combinations_with_replacement (itertools.cc holds the module).
//
// Each keeps its pools as tuples, its index vectors in untraced raw bytes
// (plain int64s, never references), and the last tuple it produced (null
// until the first; kept once stopped, as CPython keeps its result: __reduce__
// tells "not started" from "exhausted" by it).
//
// Pickling (CPython 3.11's values): __reduce__ gives the constructor
// arguments and, once started, the index vectors, which __setstate__ clamps
// into range before rebuilding the last result from them.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "runtime/interp/errors.h"
#include "runtime/modules/itertools_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::itertools {

Type* g_product_type = nullptr;
Type* g_permutations_type = nullptr;
Type* g_combinations_type = nullptr;
Type* g_cwr_type = nullptr;

namespace {

Value selfIter(Value v) { return v; }

// The state all four share.  For product `pool` is a tuple of tuples (one
// per position); for the others it is the one pool, a tuple.
struct CombObj : Obj {
  gc::HeapValue pool;
  gc::HeapValue indices;  // raw bytes: int64 per result position
  gc::HeapValue cycles;   // raw bytes (permutations only), else null
  gc::HeapValue last;     // the last result, null before the first
  int64_t n;              // size of the pool (product: number of pools)
  int64_t r;              // length of a result
  int64_t stopped;
};
CombObj* asComb(Value v) { return static_cast<CombObj*>(v.asObject()); }
int64_t* indicesOf(Value self) { return reinterpret_cast<int64_t*>(rawBytesData(asComb(self)->indices.get())); }
int64_t* cyclesOf(Value self) { return reinterpret_cast<int64_t*>(rawBytesData(asComb(self)->cycles.get())); }

// Allocates the iterator with `r` zeroed indices.
Value newComb(Type* type, Value pool, int64_t n, int64_t r, bool with_cycles) {
  Value indices = newRawBytes(static_cast<size_t>(r > 0 ? r : 1) * sizeof(int64_t));
  Value cycles = with_cycles ? newRawBytes(static_cast<size_t>(r > 0 ? r : 1) * sizeof(int64_t)) : Value();
  CombObj* c = allocIter<CombObj>(type);
  c->pool.set(pool);
  c->indices.set(indices);
  c->cycles.set(cycles);
  c->n = n;
  c->r = r;
  return Value(c);
}

// A new result tuple: pool[indices[i]] for every position.
Value resultFromIndices(Value self) {
  int64_t r = asComb(self)->r;
  Value result = newTuple(r);
  Value pool = asComb(self)->pool.get();
  const int64_t* indices = indicesOf(self);
  for (int64_t i = 0; i < r; ++i) tupleInit(result, i, tupleItem(pool, indices[i]));
  asComb(self)->last.set(result);
  return result;
}

Value stop(Value self) {
  asComb(self)->stopped = 1;
  return Value();
}

// A tuple of the first `n` entries of one of self's index vectors.
Value indexTuple(Value self, int64_t* (*vector)(Value), int64_t n) {
  Value t = newTuple(n);
  if (t.isNull()) return t;
  for (int64_t i = 0; i < n; ++i) {
    Value v = newInt(vector(self)[i]);
    if (v.isNull()) return v;
    tupleInit(t, i, v);
  }
  return t;
}

// The state of product, combinations and cwr: a tuple of `n` indices.
bool checkIndexState(Value state, int64_t n) {
  if (isTuple(state) && tupleLength(state) == n) return true;
  raise(exc::ValueError, "invalid arguments");
  return false;
}

// Rebuilds the last result from the indices __setstate__ stored; an index
// outside the pool (a pool too small for r, which never produced a result)
// leaves the iterator stopped.
Value restoreResult(Value self) {
  int64_t n = tupleLength(asComb(self)->pool.get());
  for (int64_t i = 0; i < asComb(self)->r; ++i) {
    if (indicesOf(self)[i] < 0 || indicesOf(self)[i] >= n) {
      asComb(self)->stopped = 1;
      return None();
    }
  }
  if (resultFromIndices(self).isNull()) return Value();
  return None();
}

// (type, (pool, r)) before the first result, (type, ((), r)) once stopped,
// else (type, (pool, r), state).
Value reduceFromPool(Value self, Value state) {
  Value r = newInt(asComb(self)->r);
  if (r.isNull()) return r;
  bool started = !asComb(self)->last.get().isNull();
  Value pool = started && asComb(self)->stopped != 0 ? newTuple(0) : asComb(self)->pool.get();
  Value args = newTupleOf({pool, r});
  if (!started || asComb(self)->stopped != 0) return reduceValue(self, args);
  return reduceValue(self, args, state);
}

// ===========================================================================
// product(*iterables, repeat=1)

Value product_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  int64_t repeat = 1;
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    int64_t nkw = tupleLength(kwnames);
    if (nkw > 1) return raisef(exc::TypeError, "product() takes at most 1 keyword argument (%lld given)",
                               static_cast<long long>(nkw));
    Value name = tupleItem(kwnames, 0);
    if (!strEqualsAscii(name, "repeat")) {
      return raisef(exc::TypeError, "'%s' is an invalid keyword argument for product()", strToUtf8(name).c_str());
    }
    if (!argSsize(args[nargs], &repeat)) return Value();
    if (repeat < 0) return raise(exc::ValueError, "repeat argument cannot be negative");
  }
  int64_t npools;
  if (__builtin_mul_overflow(static_cast<int64_t>(nargs), repeat, &npools) || npools > (int64_t{1} << 40)) {
    return raise(exc::OverflowError, "repeat argument too large");
  }
  Value pools = newTuple(npools);
  for (size_t i = 0; i < nargs; ++i) {
    Value pool = tupleFromIterable(args[i]);
    if (pool.isNull()) return pool;
    for (int64_t k = 0; k < repeat; ++k) tupleInit(pools, k * static_cast<int64_t>(nargs) + static_cast<int64_t>(i), pool);
  }
  return newComb(type, pools, npools, npools, false);
}

Value product_next(Value self) {
  if (asComb(self)->stopped != 0) return Value();
  int64_t npools = asComb(self)->r;
  Value pools = asComb(self)->pool.get();
  Value last = asComb(self)->last.get();
  if (last.isNull()) {
    for (int64_t i = 0; i < npools; ++i) {
      if (tupleLength(tupleItem(pools, i)) == 0) return stop(self);
    }
  } else {
    int64_t* indices = indicesOf(self);
    int64_t i = npools - 1;
    for (; i >= 0; --i) {
      if (++indices[i] < tupleLength(tupleItem(pools, i))) break;
      indices[i] = 0;
    }
    if (i < 0) return stop(self);
  }
  Value result = newTuple(npools);
  pools = asComb(self)->pool.get();
  const int64_t* indices = indicesOf(self);
  for (int64_t k = 0; k < npools; ++k) tupleInit(result, k, tupleItem(tupleItem(pools, k), indices[k]));
  asComb(self)->last.set(result);
  return result;
}

// (type, ((),)) once stopped, (type, pools) before the first result, else
// (type, pools, indices).
Value product___reduce__(Value* args) {
  Value self = args[0];
  if (asComb(self)->stopped != 0) return reduceValue(self, newTupleOf({newTuple(0)}));
  if (asComb(self)->last.get().isNull()) return reduceValue(self, asComb(self)->pool.get());
  return reduceValue(self, asComb(self)->pool.get(), indexTuple(self, indicesOf, asComb(self)->r));
}

// Each index is clamped into its pool; an empty pool stops the iterator.
Value product___setstate__(Value* args) {
  Value self = args[0], state = args[1];
  int64_t npools = asComb(self)->r;
  if (!checkIndexState(state, npools)) return Value();
  for (int64_t i = 0; i < npools; ++i) {
    int64_t index;
    if (!containers::stateToIndex(tupleItem(state, i), &index)) return Value();
    int64_t size = tupleLength(tupleItem(asComb(self)->pool.get(), i));
    if (size == 0) {
      asComb(self)->stopped = 1;
      return None();
    }
    indicesOf(self)[i] = std::clamp<int64_t>(index, 0, size - 1);
  }
  Value result = newTuple(npools);
  if (result.isNull()) return result;
  for (int64_t k = 0; k < npools; ++k) {
    tupleInit(result, k, tupleItem(tupleItem(asComb(self)->pool.get(), k), indicesOf(self)[k]));
  }
  asComb(self)->last.set(result);
  return None();
}

// ===========================================================================
// permutations(iterable, r=None)

const MethodDef kPermutationsNewDef = {.name = "permutations", .signature = "(iterable, r=None)"};

Value permutations_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kPermutationsNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  Value pool = tupleFromIterable(bound[0]);
  if (pool.isNull()) return pool;
  int64_t n = tupleLength(pool), r = n;
  if (!isNone(bound[1])) {
    if (!isInt(bound[1])) return raise(exc::TypeError, "Expected int as r");
    if (!intToInt64(bound[1], &r)) return Value();
    if (r < 0) return raise(exc::ValueError, "r must be non-negative");
  }
  Value self = newComb(type, pool, n, r, true);
  if (r > n) {
    asComb(self)->stopped = 1;
    return self;
  }
  int64_t* indices = indicesOf(self);
  int64_t* cycles = cyclesOf(self);
  for (int64_t i = 0; i < r; ++i) {
    indices[i] = i;
    cycles[i] = n - i;
  }
  // indices needs all n positions: the tail holds the unused pool items.
  if (n > r) {
    Value wide = newRawBytes(static_cast<size_t>(n) * sizeof(int64_t));
    auto* w = reinterpret_cast<int64_t*>(rawBytesData(wide));
    for (int64_t i = 0; i < n; ++i) w[i] = i;
    asComb(self)->indices.set(wide);
  }
  return self;
}

Value permutations_next(Value self) {
  if (asComb(self)->stopped != 0) return Value();
  if (asComb(self)->last.get().isNull()) return resultFromIndices(self);
  int64_t n = asComb(self)->n, r = asComb(self)->r;
  if (n == 0) return stop(self);
  int64_t* indices = indicesOf(self);
  int64_t* cycles = cyclesOf(self);
  for (int64_t i = r - 1; i >= 0; --i) {
    if (--cycles[i] == 0) {
      // Rotate indices[i:] left by one.
      int64_t first = indices[i];
      for (int64_t k = i; k < n - 1; ++k) indices[k] = indices[k + 1];
      indices[n - 1] = first;
      cycles[i] = n - i;
    } else {
      int64_t j = cycles[i];
      int64_t tmp = indices[i];
      indices[i] = indices[n - j];
      indices[n - j] = tmp;
      return resultFromIndices(self);
    }
  }
  return stop(self);
}

// The state: (indices, cycles).
Value permutations___reduce__(Value* args) {
  Value self = args[0];
  if (asComb(self)->last.get().isNull() || asComb(self)->stopped != 0) return reduceFromPool(self, Value());
  Value indices = indexTuple(self, indicesOf, asComb(self)->n);
  if (indices.isNull()) return indices;
  Value cycles = indexTuple(self, cyclesOf, asComb(self)->r);
  if (cycles.isNull()) return cycles;
  return reduceFromPool(self, newTupleOf({indices, cycles}));
}

// state: (indices, cycles), tuples of n and r ints; each index is clamped to
// [0, n - 1], cycles[i] to [1, n - i].
Value permutations___setstate__(Value* args) {
  Value self = args[0], state = args[1];
  if (!checkStateTuple(state, 2, 2) || !checkStateType(tupleItem(state, 0), 1, types::tuple_type) ||
      !checkStateType(tupleItem(state, 1), 2, types::tuple_type)) {
    return Value();
  }
  int64_t n = asComb(self)->n, r = asComb(self)->r;
  Value indices = tupleItem(state, 0), cycles = tupleItem(state, 1);
  if (tupleLength(indices) != n || tupleLength(cycles) != r) return raise(exc::ValueError, "invalid arguments");
  for (int64_t i = 0; i < n; ++i) {
    int64_t index;
    if (!containers::stateToIndex(tupleItem(indices, i), &index)) return Value();
    indicesOf(self)[i] = index < 0 ? 0 : index > n - 1 ? n - 1 : index;
  }
  for (int64_t i = 0; i < r; ++i) {
    int64_t cycle;
    if (!containers::stateToIndex(tupleItem(cycles, i), &cycle)) return Value();
    cyclesOf(self)[i] = cycle < 1 ? 1 : cycle > n - i ? n - i : cycle;
  }
  return restoreResult(self);
}

// ===========================================================================
// combinations(iterable, r) and combinations_with_replacement(iterable, r)

const MethodDef kCombinationsNewDef = {.name = "combinations", .signature = "(iterable, r)"};
const MethodDef kCwrNewDef = {.name = "combinations_with_replacement", .signature = "(iterable, r)"};

Value newCombinations(Type* type, const MethodDef* def, const Value* args, size_t nargs, Value kwnames,
                      bool replacement) {
  Value bound[2];
  if (!bindArguments(def, Value(), args, nargs, kwnames, bound)) return Value();
  Value pool = tupleFromIterable(bound[0]);
  if (pool.isNull()) return pool;
  int64_t r;
  if (!argSsize(bound[1], &r)) return Value();
  if (r < 0) return raise(exc::ValueError, "r must be non-negative");
  int64_t n = tupleLength(pool);
  Value self = newComb(type, pool, n, r, false);
  if (replacement ? (n == 0 && r > 0) : r > n) {
    asComb(self)->stopped = 1;
    return self;
  }
  int64_t* indices = indicesOf(self);
  for (int64_t i = 0; i < r; ++i) indices[i] = replacement ? 0 : i;
  return self;
}

Value combinations_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return newCombinations(type, &kCombinationsNewDef, args, nargs, kwnames, false);
}

Value cwr_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return newCombinations(type, &kCwrNewDef, args, nargs, kwnames, true);
}

Value combinations_next(Value self) {
  if (asComb(self)->stopped != 0) return Value();
  if (asComb(self)->last.get().isNull()) return resultFromIndices(self);
  int64_t n = asComb(self)->n, r = asComb(self)->r;
  int64_t* indices = indicesOf(self);
  int64_t i = r - 1;
  while (i >= 0 && indices[i] == i + n - r) --i;
  if (i < 0) return stop(self);
  indices[i]++;
  for (int64_t j = i + 1; j < r; ++j) indices[j] = indices[j - 1] + 1;
  return resultFromIndices(self);
}

Value cwr_next(Value self) {
  if (asComb(self)->stopped != 0) return Value();
  if (asComb(self)->last.get().isNull()) return resultFromIndices(self);
  int64_t n = asComb(self)->n, r = asComb(self)->r;
  int64_t* indices = indicesOf(self);
  int64_t i = r - 1;
  while (i >= 0 && indices[i] == n - 1) --i;
  if (i < 0) return stop(self);
  int64_t value = indices[i] + 1;
  for (int64_t j = i; j < r; ++j) indices[j] = value;
  return resultFromIndices(self);
}

// The state: the indices of the last result.
Value combinations___reduce__(Value* args) {
  Value self = args[0];
  if (asComb(self)->last.get().isNull() || asComb(self)->stopped != 0) return reduceFromPool(self, Value());
  return reduceFromPool(self, indexTuple(self, indicesOf, asComb(self)->r));
}

// indices[i] is clamped to [0, i + n - r] (0 wins when that is negative).
Value combinations___setstate__(Value* args) {
  Value self = args[0], state = args[1];
  int64_t n = asComb(self)->n, r = asComb(self)->r;
  if (!checkIndexState(state, r)) return Value();
  for (int64_t i = 0; i < r; ++i) {
    int64_t index;
    if (!containers::stateToIndex(tupleItem(state, i), &index)) return Value();
    int64_t max = i + n - r;
    if (index > max) index = max;
    indicesOf(self)[i] = index < 0 ? 0 : index;
  }
  return restoreResult(self);
}

// indices[i] is clamped to [0, n - 1].
Value cwr___setstate__(Value* args) {
  Value self = args[0], state = args[1];
  int64_t n = asComb(self)->n, r = asComb(self)->r;
  if (!checkIndexState(state, r)) return Value();
  for (int64_t i = 0; i < r; ++i) {
    int64_t index;
    if (!containers::stateToIndex(tupleItem(state, i), &index)) return Value();
    indicesOf(self)[i] = index < 0 ? 0 : index > n - 1 ? n - 1 : index;
  }
  return restoreResult(self);
}

// ===========================================================================
// Tables

constexpr const char* kReduceDoc = "Return state information for pickling.";
constexpr const char* kSetStateDoc = "Set state information for unpickling.";

const MethodDef kProductMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = product___reduce__, .doc = kReduceDoc},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = product___setstate__, .doc = kSetStateDoc},
};
const MethodDef kPermutationsMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = permutations___reduce__, .doc = kReduceDoc},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = permutations___setstate__, .doc = kSetStateDoc},
};
const MethodDef kCombinationsMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = combinations___reduce__, .doc = kReduceDoc},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = combinations___setstate__, .doc = kSetStateDoc},
};
const MethodDef kCwrMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = combinations___reduce__, .doc = kReduceDoc},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = cwr___setstate__, .doc = kSetStateDoc},
};

const uint32_t kCombFields[] = {offsetof(Obj, ob_type), offsetof(CombObj, pool), offsetof(CombObj, indices),
                                offsetof(CombObj, cycles), offsetof(CombObj, last)};
const gc::Layout kCombLayout = {.name = "itertools.combinatoric", .fields = kCombFields};

const TypeSpec kProductSpec = {
    .name = "product", .module = "itertools", .type = &g_product_type, .layout = &kCombLayout,
    .basic_size = sizeof(CombObj), .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = product_next, .tp_new = product_new},
    .methods = kProductMethods,
    .doc = "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  "
           "Equivalent to nested for-loops.",
};
TERN_REGISTER_TYPE(kProductSpec);

const TypeSpec kPermutationsSpec = {
    .name = "permutations", .module = "itertools", .type = &g_permutations_type, .layout = &kCombLayout,
    .basic_size = sizeof(CombObj), .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = permutations_next, .tp_new = permutations_new},
    .methods = kPermutationsMethods,
    .doc = "Return successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) "
           "--> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)",
};
TERN_REGISTER_TYPE(kPermutationsSpec);

const TypeSpec kCombinationsSpec = {
    .name = "combinations", .module = "itertools", .type = &g_combinations_type, .layout = &kCombLayout,
    .basic_size = sizeof(CombObj), .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = combinations_next, .tp_new = combinations_new},
    .methods = kCombinationsMethods,
    .doc = "Return successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) "
           "--> (0,1,2), (0,1,3), (0,2,3), (1,2,3)",
};
TERN_REGISTER_TYPE(kCombinationsSpec);

const TypeSpec kCwrSpec = {
    .name = "combinations_with_replacement", .module = "itertools", .type = &g_cwr_type, .layout = &kCombLayout,
    .basic_size = sizeof(CombObj), .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = cwr_next, .tp_new = cwr_new},
    .methods = kCwrMethods,
    .doc = "Return successive r-length combinations of elements in the iterable allowing individual elements to "
           "have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> AA AB AC BB BC CC",
};
TERN_REGISTER_TYPE(kCwrSpec);

}  // namespace

}  // namespace tern::itertools
