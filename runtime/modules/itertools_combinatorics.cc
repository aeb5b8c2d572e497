// itertools' combinatoric iterators: product, permutations, combinations,
// combinations_with_replacement (itertools.cc holds the module).
//
// Each keeps its pools as tuples, its index vectors in untraced raw bytes
// (plain int64s, never references), and the last tuple it produced: the next
// result is built from it, so the returned tuples are never mutated.
#include <cstddef>
#include <cstdint>

#include "runtime/interp/errors.h"
#include "runtime/modules/itertools_internal.h"
#include "runtime/objects/abstract.h"
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
  asComb(self)->last.set(Value());
  return Value();
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

// ===========================================================================
// Tables

const uint32_t kCombFields[] = {offsetof(Obj, ob_type), offsetof(CombObj, pool), offsetof(CombObj, indices),
                                offsetof(CombObj, cycles), offsetof(CombObj, last)};
const gc::Layout kCombLayout = {.name = "itertools.combinatoric", .fields = kCombFields};

const TypeSpec kProductSpec = {
    .name = "product", .module = "itertools", .type = &g_product_type, .layout = &kCombLayout,
    .basic_size = sizeof(CombObj), .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = product_next, .tp_new = product_new},
    .doc = "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  "
           "Equivalent to nested for-loops.",
};
TERN_REGISTER_TYPE(kProductSpec);

const TypeSpec kPermutationsSpec = {
    .name = "permutations", .module = "itertools", .type = &g_permutations_type, .layout = &kCombLayout,
    .basic_size = sizeof(CombObj), .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = permutations_next, .tp_new = permutations_new},
    .doc = "Return successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) "
           "--> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)",
};
TERN_REGISTER_TYPE(kPermutationsSpec);

const TypeSpec kCombinationsSpec = {
    .name = "combinations", .module = "itertools", .type = &g_combinations_type, .layout = &kCombLayout,
    .basic_size = sizeof(CombObj), .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = combinations_next, .tp_new = combinations_new},
    .doc = "Return successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) "
           "--> (0,1,2), (0,1,3), (0,2,3), (1,2,3)",
};
TERN_REGISTER_TYPE(kCombinationsSpec);

const TypeSpec kCwrSpec = {
    .name = "combinations_with_replacement", .module = "itertools", .type = &g_cwr_type, .layout = &kCombLayout,
    .basic_size = sizeof(CombObj), .flags = type_flags::kBaseType,
    .slots = {.tp_iter = selfIter, .tp_iternext = cwr_next, .tp_new = cwr_new},
    .doc = "Return successive r-length combinations of elements in the iterable allowing individual elements to "
           "have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> AA AB AC BB BC CC",
};
TERN_REGISTER_TYPE(kCwrSpec);

}  // namespace

}  // namespace tern::itertools
