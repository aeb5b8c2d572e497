// set and frozenset: CPython's open-addressing hash set (linear probing in
// runs of 9, then perturbation), so that iteration order matches CPython's
// for the same hashes.
//
// Layout: `keys` is an ArrayObj of mask + 1 slots, each null (never used),
// the dummy sentinel (a deleted key: probe chains continue through it) or a
// key; `hashes` is a _rawbytes block of mask + 1 int64_t, the hash of each
// key slot (0 for null slots, -1 for dummies).  A set that never held a key
// may have no table yet (both null, mask 7 implied).
//
// Invariants: used <= fill <= mask; fill * 5 < (mask + 1) * 3 after every
// insertion (the table resizes beyond that); `hash` is the cached hash of a
// frozenset (-1 until computed; never set for a set).
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

struct SetObj : Obj {
  int64_t fill;    // active + dummy slots
  int64_t used;    // active slots
  int64_t mask;    // table size - 1
  int64_t finger;  // where set.pop() resumes its search
  int64_t hash;    // frozenset's cached hash, -1 until computed
  gc::HeapValue keys;    // ArrayObj or null
  gc::HeapValue hashes;  // _rawbytes or null
};

inline SetObj* asSet(Value v) { return static_cast<SetObj*>(v.asObject()); }
// set, frozenset, or a subclass of either (PyAnySet_Check).
bool isAnySet(Value v);
inline bool isExactSet(Value v) { return !v.isSmallInt() && typeOf(v) == types::set_type; }
inline bool isExactFrozenSet(Value v) { return !v.isSmallInt() && typeOf(v) == types::frozenset_type; }
inline int64_t setSize(Value s) { return asSet(s)->used; }

// set(iterable) / frozenset(iterable); `iterable` may be null.  Null on error.
Value newSet(Value iterable = Value());
Value newFrozenSet(Value iterable = Value());

// -1 on error.
int setAdd(Value set, Value key);
// 1 present, 0 absent, -1 error.
int setContains(Value set, Value key);
// 1 removed, 0 absent, -1 error.
int setDiscard(Value set, Value key);
void setClear(Value set);
// Iteration: start with *pos = 0; true while a key was produced.  The caller
// must not mutate the set meanwhile.
bool setNext(Value set, int64_t* pos, Value* key, int64_t* hash = nullptr);
// set.pop(): null with KeyError when empty.
Value setPop(Value set);

// The in-place operations of set (also used by dict views); -1 on error.
int setUpdate(Value set, Value iterable);
int setDifferenceUpdate(Value set, Value other);
int setSymmetricDifferenceUpdate(Value set, Value other);
// set & other as set.intersection(other) computes it (result of set's base type).
Value setIntersection(Value set, Value other);

}  // namespace tern
