// list.sort's algorithm (CPython 3.11, Objects/listsort.txt): a stable, adaptive
// merge sort.  Natural runs (strictly descending runs are reversed in place) are
// extended to minrun by binary insertion sort, pushed on a run stack kept under
// the merge_collapse invariants (as corrected in 3.x), and merged with galloping
// whose threshold min_gallop adapts to the data.
//
// Heap references: `keys` and `values` live in root buffers the caller owns.
// Merge scratch is a gc::RootVector, so a comparator that allocates (and lets the
// collector move objects) never leaves a stale reference behind.
//
// Errors: the comparator returns 1 (a < b), 0 (not) or -1 (a Python exception is
// pending).  On -1 the sort stops at once and returns false; the arrays are then a
// permutation of the input (every element present exactly once), keys and values
// still paired, as CPython guarantees.
//
// Key functions are the caller's: it computes keys into a parallel root buffer and
// calls sortPairs(keys, values, n, ...), which moves values[i] with keys[i].
#pragma once

#include <cstddef>

#include "runtime/gc/value.h"

namespace tern::objects {

using SortLess = int (*)(void* ctx, Value a, Value b);

// Sorts items[0, n) in place.  `reverse` is list.sort(reverse=True): reverse,
// sort, reverse, so equal elements keep their original order.
bool sortValues(Value* items, size_t n, SortLess less, void* ctx, bool reverse = false);

// Sorts keys[0, n) and applies the same permutation to values[0, n).
bool sortPairs(Value* keys, Value* values, size_t n, SortLess less, void* ctx, bool reverse = false);

}  // namespace tern::objects
