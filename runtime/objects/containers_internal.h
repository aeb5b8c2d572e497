// Private to the container files (tuple, list, dict, dict_views, set, range,
// slice, iterators, str, bytes, and itertools for the pickling helpers):
// small helpers they share.  Other subsystems use the types' own headers.
#pragma once

#include <cstdint>
#include <string>

#include "runtime/interp/eval.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/object.h"

namespace tern::containers {

// Py_EnterRecursiveCall for the natives that recurse through their items
// (comparison): deep nesting ends in RecursionError, not a crash.  Their
// reprs need none: repr() of each item counts (abstract.cc).
class RecursionGuard {
 public:
  explicit RecursionGuard(const char* where) : ok_(enterRecursiveCall(where)) {}
  ~RecursionGuard() {
    if (ok_) leaveRecursiveCall();
  }
  RecursionGuard(const RecursionGuard&) = delete;
  RecursionGuard& operator=(const RecursionGuard&) = delete;
  bool ok() const { return ok_; }

 private:
  bool ok_;
};
inline constexpr const char* kInComparison = " in comparison";

// tp_iter of iterators: iter(it) is it.
inline Value selfIter(Value v) { return v; }

// Does `v`'s type implement __index__ (PyIndex_Check)?
inline bool hasIndex(Value v) { return v.isSmallInt() || typeOf(v)->slots.nb_index != nullptr; }

// A sequence's nb_add / nb_multiply got an operand it cannot combine with.
// True when the other operand's type is a Python class defining the
// reflected method `rname` (it must get its chance: return NotImplemented);
// false when the caller should raise its own TypeError at once, as CPython's
// sq_concat / sq_repeat fallback does.
bool mayReflect(Value other, Value rname);

// repr(v) appended to `out` as UTF-8; false on error.
bool appendRepr(std::string& out, Value v);

// Converts a Python int (anything with __index__) for use as a sequence
// index: an IndexError "cannot fit 'int' into an index-sized integer" when it
// does not fit.  False on error.
bool indexValue(Value key, int64_t* out);

// "<what> indices must be integers or slices, not <type>"
Value raiseBadIndexType(const char* what, Value key);

// hash(key) with the fast paths of dict and set keys: small ints (CPython's
// int hash: the value modulo 2**61 - 1, keeping the sign, -1 becoming -2)
// and exact strs (cached).  -1 on error.
inline int64_t smallIntHash(int64_t n) {
  constexpr int64_t kModulus = (int64_t{1} << 61) - 1;
  int64_t h = n < 0 ? -((-n) % kModulus) : n % kModulus;
  return h == -1 ? -2 : h;
}
int64_t keyHash(Value key);

// --- pickling iterators (iterators.cc) ---
// The builtin `name` as the running code sees it (the current frame's
// builtins, CPython's _PyEval_GetBuiltin): the callable an iterator's
// __reduce__ names ("iter", "reversed").  AttributeError when it is missing.
Value reduceBuiltin(const char* name);
// The __reduce__ of an iterator over a sequence by index: (<builtin>, (seq,),
// index) while it holds its sequence, else (iter, (empty,)) (exhausted).
Value reduceIndexIterator(const char* builtin, Value seq, int64_t index, Value empty);
// The __reduce__ of an iterator over a hash table: (iter, (list of the items
// left,)), the list drained from `copy`, a fresh copy of the iterator, so the
// original keeps its position.
Value reduceDrainedCopy(Value copy);
// The __setstate__ argument of an index iterator as a Py_ssize_t
// (PyLong_AsSsize_t: an int or int subclass, no __index__); false with
// TypeError or OverflowError pending.
bool stateToIndex(Value state, int64_t* out);

// A new str from UTF-8 (a thin wrapper so files need not include str.h).
Value strFromUtf8(const std::string& s);

}  // namespace tern::containers
