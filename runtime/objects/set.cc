// set and frozenset (set.h): the hash table, the set algebra, set_iterator.
//
// The probe sequence is CPython's: from i = hash & mask, look at up to
// kLinearProbes following slots while they fit before the end of the table,
// then perturb >>= 5; i = (i*5 + 1 + perturb) & mask.  Insertion reuses the
// first dummy seen on the way; the table grows when fill*5 >= mask*3.
//
// GC: the key array and the hash block are re-read after everything that may
// allocate or run Python code (__eq__ may even mutate the set: lookups then
// restart, as CPython's).
#include "runtime/objects/set.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/dict_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

using containers::selfIter;

namespace {

constexpr int64_t kMinSize = 8;
constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;

// The dummy: marks a deleted slot.  Old, so it never moves.
gc::GlobalRoot g_dummy;

Value dummy() {
  if (g_dummy.get().isNull()) {
    Obj* o = newObjectOld(types::array_type, sizeof(ArrayObj));
    g_dummy.set(Value(o));
  }
  return g_dummy.get();
}

inline ArrayObj* asArray(Value v) { return static_cast<ArrayObj*>(v.asObject()); }
inline int64_t* hashesOf(Value set) { return reinterpret_cast<int64_t*>(rawBytesData(asSet(set)->hashes.get())); }
inline Value slotKey(Value set, int64_t i) { return asArray(asSet(set)->keys.get())->items[i].get(); }
inline void setSlot(Value set, int64_t i, Value key, int64_t hash) {
  asArray(asSet(set)->keys.get())->items[i].set(key);
  hashesOf(set)[i] = hash;
}
inline bool hasTable(Value set) { return !asSet(set)->keys.get().isNull(); }

// Allocates an empty table of `size` slots (a power of two).
bool newTable(int64_t size, Value* keys, Value* hashes) {
  *hashes = newRawBytes(static_cast<size_t>(size) * sizeof(int64_t));
  if (hashes->isNull()) return false;
  *keys = newArray(size);
  return !keys->isNull();
}

bool ensureTable(Value set) {
  if (hasTable(set)) return true;
  Value keys, hashes;
  if (!newTable(kMinSize, &keys, &hashes)) return false;
  SetObj* s = asSet(set);
  s->keys.set(keys);
  s->hashes.set(hashes);
  s->mask = kMinSize - 1;
  return true;
}

// Puts a key known to be absent into a table without dummies.
void insertClean(ArrayObj* keys, int64_t* hashes, uint64_t mask, Value key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    if (keys->items[i].get().isNull()) break;
    if (i + kLinearProbes <= mask) {
      bool found = false;
      for (int j = 0; j < kLinearProbes; ++j) {
        ++i;
        if (keys->items[i].get().isNull()) {
          found = true;
          break;
        }
      }
      if (found) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  keys->items[i].set(key);
  hashes[i] = hash;
}

// Rebuilds the table with room for `minused` keys, dropping dummies.
bool tableResize(Value set, int64_t minused) {
  int64_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  Value keys, hashes;
  if (!newTable(newsize, &keys, &hashes)) return false;
  Value d = dummy();
  SetObj* s = asSet(set);
  ArrayObj* nk = asArray(keys);
  auto* nh = reinterpret_cast<int64_t*>(rawBytesData(hashes));
  uint64_t newmask = static_cast<uint64_t>(newsize - 1);
  if (hasTable(set)) {
    ArrayObj* ok = asArray(s->keys.get());
    int64_t* oh = hashesOf(set);
    for (int64_t i = 0; i <= s->mask; ++i) {
      Value k = ok->items[i].get();
      if (k.isNull() || k == d) continue;
      insertClean(nk, nh, newmask, k, oh[i]);
    }
  }
  s->keys.set(keys);
  s->hashes.set(hashes);
  s->mask = newsize - 1;
  s->fill = s->used;
  return true;
}

// The slot holding `key`, -1 when absent, -2 on error.
int64_t lookKey(Value set, Value key, int64_t hash) {
restart:
  if (!hasTable(set)) return -1;
  Value keys = asSet(set)->keys.get();  // a stack root: pinned while we look
  uint64_t mask = static_cast<uint64_t>(asSet(set)->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  bool key_is_str = isExactStr(key);
  for (;;) {
    int probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (;;) {
      Value k = asArray(keys)->items[i].get();
      int64_t h = hashesOf(set)[i];
      if (k.isNull()) return -1;
      if (h == hash) {
        if (k == key) return static_cast<int64_t>(i);
        if (key_is_str && isExactStr(k)) {
          if (strEquals(k, key)) return static_cast<int64_t>(i);
        } else if (!(k.isSmallInt() && key.isSmallInt()) && k != g_dummy.get()) {
          int cmp = richCompareBool(k, key, kEq);
          if (cmp < 0) return -2;
          if (asSet(set)->keys.get() != keys || asArray(keys)->items[i].get() != k) goto restart;
          if (cmp > 0) return static_cast<int64_t>(i);
          mask = static_cast<uint64_t>(asSet(set)->mask);
        }
      }
      if (probes-- == 0) break;
      ++i;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_add_entry; -1 on error.
int addEntry(Value set, Value key, int64_t hash) {
  Value d = dummy();
restart:
  if (!ensureTable(set)) return -1;  // __eq__ may have cleared the set
  Value keys = asSet(set)->keys.get();
  uint64_t mask = static_cast<uint64_t>(asSet(set)->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  int64_t freeslot = -1;
  bool key_is_str = isExactStr(key);
  for (;;) {
    int probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (;;) {
      Value k = asArray(keys)->items[i].get();
      int64_t h = hashesOf(set)[i];
      if (k.isNull()) {
        if (freeslot >= 0) {
          setSlot(set, freeslot, key, hash);
          asSet(set)->used += 1;
          return 0;
        }
        setSlot(set, static_cast<int64_t>(i), key, hash);
        SetObj* s = asSet(set);
        s->fill += 1;
        s->used += 1;
        if (static_cast<uint64_t>(s->fill) * 5 < mask * 3) return 0;
        return tableResize(set, s->used > 50000 ? s->used * 2 : s->used * 4) ? 0 : -1;
      }
      if (h == hash && k != d) {
        if (k == key) return 0;
        if (key_is_str && isExactStr(k)) {
          if (strEquals(k, key)) return 0;
        } else if (!(k.isSmallInt() && key.isSmallInt())) {
          int cmp = richCompareBool(k, key, kEq);
          if (cmp < 0) return -1;
          if (cmp > 0) return 0;
          if (asSet(set)->keys.get() != keys || asArray(keys)->items[i].get() != k) goto restart;
          mask = static_cast<uint64_t>(asSet(set)->mask);
        }
      } else if (k == d && freeslot < 0) {
        freeslot = static_cast<int64_t>(i);
      }
      if (probes-- == 0) break;
      ++i;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// 1 removed, 0 absent, -1 error.
int discardEntry(Value set, Value key, int64_t hash) {
  int64_t i = lookKey(set, key, hash);
  if (i == -2) return -1;
  if (i < 0) return 0;
  setSlot(set, i, dummy(), -1);
  asSet(set)->used -= 1;
  return 1;
}

int containsEntry(Value set, Value key, int64_t hash) {
  int64_t i = lookKey(set, key, hash);
  if (i == -2) return -1;
  return i >= 0 ? 1 : 0;
}

// set_next over the table: the next active slot at or after *pos.
bool nextEntry(Value set, int64_t* pos, Value* key, int64_t* hash) {
  if (!hasTable(set)) return false;
  Value d = g_dummy.get();
  int64_t mask = asSet(set)->mask;
  for (int64_t i = *pos; i <= mask; ++i) {
    Value k = slotKey(set, i);
    if (k.isNull() || k == d) continue;
    *key = k;
    if (hash != nullptr) *hash = hashesOf(set)[i];
    *pos = i + 1;
    return true;
  }
  *pos = mask + 1;
  return false;
}

Value allocSet(Type* type) {
  Obj* o = newObject(type, type->basic_size);
  auto* s = static_cast<SetObj*>(o);
  s->mask = kMinSize - 1;
  s->hash = -1;
  return Value(o);
}

bool isFrozenType(Type* t) { return t == types::frozenset_type || isSubtype(t, types::frozenset_type); }

// set_merge: `other` is a set or frozenset.
int mergeSet(Value set, Value other) {
  if (set == other || setSize(other) == 0) return 0;
  SetObj* s = asSet(set);
  if (static_cast<uint64_t>(s->fill + setSize(other)) * 5 >= static_cast<uint64_t>(s->mask) * 3) {
    if (!tableResize(set, (s->used + setSize(other)) * 2)) return -1;
  }
  if (!ensureTable(set)) return -1;
  s = asSet(set);
  SetObj* o = asSet(other);
  if (s->fill == 0) {
    // Our table is empty: no duplicates, no comparisons.  Same-size tables
    // without dummies keep the other's slot positions.
    Value d = g_dummy.get();
    if (s->mask == o->mask && o->fill == o->used) {
      for (int64_t i = 0; i <= o->mask; ++i) {
        Value k = slotKey(other, i);
        if (!k.isNull()) setSlot(set, i, k, hashesOf(other)[i]);
      }
    } else {
      for (int64_t i = 0; i <= o->mask; ++i) {
        Value k = slotKey(other, i);
        if (k.isNull() || k == d) continue;
        insertClean(asArray(s->keys.get()), hashesOf(set), static_cast<uint64_t>(s->mask), k, hashesOf(other)[i]);
      }
    }
    s->fill = o->used;
    s->used = o->used;
    return 0;
  }
  int64_t pos = 0;
  Value k;
  int64_t h;
  while (nextEntry(other, &pos, &k, &h)) {
    if (addEntry(set, k, h) < 0) return -1;
  }
  return 0;
}

int updateInternal(Value set, Value other) {
  if (isAnySet(other)) return mergeSet(set, other);
  if (isExactDict(other)) {
    int64_t n = dictSize(other);
    SetObj* s = asSet(set);
    if (static_cast<uint64_t>(s->fill + n) * 5 >= static_cast<uint64_t>(s->mask) * 3) {
      if (!tableResize(set, (s->used + n) * 2)) return -1;
    }
    for (int64_t i = 0; i < dictimpl::entryCount(other); ++i) {
      Value k = dictimpl::entryKey(other, i);
      if (k.isNull()) continue;
      if (addEntry(set, k, dictimpl::entryHash(other, i)) < 0) return -1;
    }
    return 0;
  }
  Value it = getIter(other);
  if (it.isNull()) return -1;
  for (;;) {
    Value k = iterNext(it);
    if (k.isNull()) return errorPending() ? -1 : 0;
    if (setAdd(set, k) < 0) return -1;
  }
}

// A new instance of the base type of `like` (set for set subclasses,
// frozenset for frozenset subclasses), filled from `iterable` (may be null).
Value newLike(Value like, Value iterable) {
  Type* t = isFrozenType(typeOf(like)) ? types::frozenset_type : types::set_type;
  Value s = allocSet(t);
  if (!iterable.isNull() && updateInternal(s, iterable) < 0) return Value();
  return s;
}

Value setCopy(Value set) { return newLike(set, set); }

// Retries a lookup of a set key as a frozenset (`{1} in s_of_frozensets`):
// CPython's set_contains / set_remove / set_discard do it on TypeError.
bool retryAsFrozen(Value key, Value* frozen) {
  if (key.isSmallInt() || !isInstance(key, types::set_type) || !errorMatches(exc::TypeError)) return false;
  clearError();
  *frozen = newFrozenSet(key);
  return !frozen->isNull();
}

}  // namespace

// ---------------------------------------------------------------------------
// set.h

bool isAnySet(Value v) {
  if (v.isSmallInt()) return false;
  Type* t = typeOf(v);
  return t == types::set_type || t == types::frozenset_type || isSubtype(t, types::set_type) ||
         isSubtype(t, types::frozenset_type);
}

Value newSet(Value iterable) {
  Value s = allocSet(types::set_type);
  if (!iterable.isNull() && updateInternal(s, iterable) < 0) return Value();
  return s;
}

Value newFrozenSet(Value iterable) {
  Value s = allocSet(types::frozenset_type);
  if (!iterable.isNull() && updateInternal(s, iterable) < 0) return Value();
  return s;
}

int setAdd(Value set, Value key) {
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return -1;
  return addEntry(set, key, hash);
}

int setContains(Value set, Value key) {
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return -1;
  return containsEntry(set, key, hash);
}

int setDiscard(Value set, Value key) {
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return -1;
  return discardEntry(set, key, hash);
}

void setClear(Value set) {
  SetObj* s = asSet(set);
  s->keys.set(Value());
  s->hashes.set(Value());
  s->mask = kMinSize - 1;
  s->fill = 0;
  s->used = 0;
  s->finger = 0;
}

bool setNext(Value set, int64_t* pos, Value* key, int64_t* hash) { return nextEntry(set, pos, key, hash); }

Value setPop(Value set) {
  Value d = dummy();
  SetObj* s = asSet(set);
  if (s->used == 0) return raise(exc::KeyError, "pop from an empty set");
  int64_t i = s->finger & s->mask;
  for (;;) {
    Value k = slotKey(set, i);
    if (!k.isNull() && k != d) break;
    i = (i + 1) & s->mask;
  }
  Value key = slotKey(set, i);
  setSlot(set, i, d, -1);
  s->used -= 1;
  s->finger = i + 1;
  return key;
}

int setUpdate(Value set, Value iterable) { return updateInternal(set, iterable); }

int setDifferenceUpdate(Value set, Value other) {
  if (set == other) {
    setClear(set);
    return 0;
  }
  if (isAnySet(other)) {
    if ((setSize(other) >> 3) > setSize(set)) {
      other = setIntersection(set, other);
      if (other.isNull()) return -1;
    }
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (nextEntry(other, &pos, &k, &h)) {
      if (discardEntry(set, k, h) < 0) return -1;
    }
  } else {
    Value it = getIter(other);
    if (it.isNull()) return -1;
    for (;;) {
      Value k = iterNext(it);
      if (k.isNull()) {
        if (errorPending()) return -1;
        break;
      }
      if (setDiscard(set, k) < 0) return -1;
    }
  }
  SetObj* s = asSet(set);
  if (s->fill - s->used <= s->mask / 4) return 0;
  return tableResize(set, s->used > 50000 ? s->used * 2 : s->used * 4) ? 0 : -1;
}

int setSymmetricDifferenceUpdate(Value set, Value other) {
  if (set == other) {
    setClear(set);
    return 0;
  }
  if (isExactDict(other)) {
    for (int64_t i = 0; i < dictimpl::entryCount(other); ++i) {
      Value k = dictimpl::entryKey(other, i);
      if (k.isNull()) continue;
      int64_t h = dictimpl::entryHash(other, i);
      int r = discardEntry(set, k, h);
      if (r < 0) return -1;
      if (r == 0 && addEntry(set, k, h) < 0) return -1;
    }
    return 0;
  }
  Value otherset = other;
  if (!isAnySet(other)) {
    otherset = newLike(set, other);
    if (otherset.isNull()) return -1;
  }
  int64_t pos = 0;
  Value k;
  int64_t h;
  while (nextEntry(otherset, &pos, &k, &h)) {
    int r = discardEntry(set, k, h);
    if (r < 0) return -1;
    if (r == 0 && addEntry(set, k, h) < 0) return -1;
  }
  return 0;
}

Value setIntersection(Value set, Value other) {
  if (set == other) return setCopy(set);
  Value result = newLike(set, Value());
  if (result.isNull()) return result;
  if (isAnySet(other)) {
    Value a = set, b = other;
    if (setSize(b) > setSize(a)) {
      a = other;
      b = set;
    }
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (nextEntry(b, &pos, &k, &h)) {
      int r = containsEntry(a, k, h);
      if (r < 0) return Value();
      if (r > 0 && addEntry(result, k, h) < 0) return Value();
    }
    return result;
  }
  Value it = getIter(other);
  if (it.isNull()) return it;
  for (;;) {
    Value k = iterNext(it);
    if (k.isNull()) return errorPending() ? Value() : result;
    int64_t h = containers::keyHash(k);
    if (h == -1) return Value();
    int r = containsEntry(set, k, h);
    if (r < 0) return Value();
    if (r > 0 && addEntry(result, k, h) < 0) return Value();
  }
}

namespace {

// ---------------------------------------------------------------------------
// The algebra behind methods and operators

Value setDifference(Value set, Value other) {
  int64_t other_size;
  if (isAnySet(other)) {
    other_size = setSize(other);
  } else if (isExactDict(other)) {
    other_size = dictSize(other);
  } else {
    Value result = setCopy(set);
    if (result.isNull() || setDifferenceUpdate(result, other) < 0) return Value();
    return result;
  }
  if ((setSize(set) >> 2) > other_size) {
    Value result = setCopy(set);
    if (result.isNull() || setDifferenceUpdate(result, other) < 0) return Value();
    return result;
  }
  Value result = newLike(set, Value());
  if (result.isNull()) return result;
  int64_t pos = 0;
  Value k;
  int64_t h;
  bool dict = isExactDict(other);
  while (nextEntry(set, &pos, &k, &h)) {
    int r;
    if (dict) {
      int64_t ix = dictimpl::lookup(other, k, h);
      r = ix == dictimpl::kError ? -1 : ix >= 0;
    } else {
      r = containsEntry(other, k, h);
    }
    if (r < 0) return Value();
    if (r == 0 && addEntry(result, k, h) < 0) return Value();
  }
  return result;
}

Value setSymmetricDifference(Value set, Value other) {
  Value result = newLike(set, other);
  if (result.isNull() || setSymmetricDifferenceUpdate(result, set) < 0) return Value();
  return result;
}

// 1/0/-1
int isSubset(Value set, Value other) {
  if (!isAnySet(other)) {
    Value tmp = newSet(other);
    if (tmp.isNull()) return -1;
    other = tmp;
  }
  if (setSize(set) > setSize(other)) return 0;
  int64_t pos = 0;
  Value k;
  int64_t h;
  while (nextEntry(set, &pos, &k, &h)) {
    int r = containsEntry(other, k, h);
    if (r <= 0) return r;
  }
  return 1;
}

int isSuperset(Value set, Value other) {
  if (isAnySet(other)) return isSubset(other, set);
  Value it = getIter(other);
  if (it.isNull()) return -1;
  for (;;) {
    Value k = iterNext(it);
    if (k.isNull()) return errorPending() ? -1 : 1;
    int r = setContains(set, k);
    if (r <= 0) return r;
  }
}

int64_t frozensetHash(Value self) {
  auto shuffle = [](uint64_t h) -> uint64_t { return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u; };
  uint64_t hash = 0;
  int64_t pos = 0;
  Value k;
  int64_t h;
  while (nextEntry(self, &pos, &k, &h)) hash ^= shuffle(static_cast<uint64_t>(h));
  hash ^= (static_cast<uint64_t>(setSize(self)) + 1) * 1927868237u;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923u;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713u;
  return static_cast<int64_t>(hash);
}

// ---------------------------------------------------------------------------
// Slots

int64_t set_len(Value self) { return setSize(self); }

int set_contains(Value self, Value key) {
  int r = setContains(self, key);
  if (r >= 0) return r;
  Value frozen;
  if (!retryAsFrozen(key, &frozen)) return -1;
  return setContains(self, frozen);
}

Value set_repr(Value self) {
  std::string name = typeNameOf(self);
  if (setSize(self) == 0) return containers::strFromUtf8(name + "()");
  int r = reprEnter(self);
  if (r < 0) return Value();
  if (r > 0) return containers::strFromUtf8(name + "(...)");
  std::string out;
  bool exact = isExactSet(self);
  if (!exact) out = name + "(";
  out += "{";
  // Snapshot the keys first: a key's repr may mutate the set.
  Value keys = newList(setSize(self));
  if (keys.isNull()) {
    reprLeave(self);
    return keys;
  }
  int64_t pos = 0;
  Value k;
  while (nextEntry(self, &pos, &k, nullptr)) {
    if (!listAppend(keys, k)) {
      reprLeave(self);
      return Value();
    }
  }
  for (int64_t i = 0; i < listLength(keys); ++i) {
    if (i > 0) out += ", ";
    if (!containers::appendRepr(out, listItem(keys, i))) {
      reprLeave(self);
      return Value();
    }
  }
  out += "}";
  if (!exact) out += ")";
  reprLeave(self);
  return containers::strFromUtf8(out);
}

Value set_richcompare(Value self, Value other, int op) {
  if (!isAnySet(self) || !isAnySet(other)) return NotImplemented();
  int r = 0;
  switch (op) {
    case kEq:
    case kNe:
      if (setSize(self) != setSize(other)) {
        r = 0;
      } else if (asSet(self)->hash != -1 && asSet(other)->hash != -1 && asSet(self)->hash != asSet(other)->hash) {
        r = 0;
      } else {
        r = isSubset(self, other);
      }
      if (op == kNe && r >= 0) r = !r;
      break;
    case kLe: r = isSubset(self, other); break;
    case kGe: r = isSuperset(self, other); break;
    case kLt: r = setSize(self) >= setSize(other) ? 0 : isSubset(self, other); break;
    case kGt: r = setSize(self) <= setSize(other) ? 0 : isSuperset(self, other); break;
  }
  if (r < 0) return Value();
  return Bool(r != 0);
}

int64_t frozenset_hash(Value self) {
  SetObj* s = asSet(self);
  if (s->hash != -1) return s->hash;
  int64_t h = frozensetHash(self);
  asSet(self)->hash = h;
  return h;
}

Value set_or(Value a, Value b) {
  if (!isAnySet(a) || !isAnySet(b)) return NotImplemented();
  Value result = setCopy(a);
  if (result.isNull() || a == b) return result;
  if (updateInternal(result, b) < 0) return Value();
  return result;
}

Value set_and(Value a, Value b) {
  if (!isAnySet(a) || !isAnySet(b)) return NotImplemented();
  return setIntersection(a, b);
}

Value set_sub(Value a, Value b) {
  if (!isAnySet(a) || !isAnySet(b)) return NotImplemented();
  return setDifference(a, b);
}

Value set_xor(Value a, Value b) {
  if (!isAnySet(a) || !isAnySet(b)) return NotImplemented();
  return setSymmetricDifference(a, b);
}

Value set_ior(Value a, Value b) {
  if (!isAnySet(b)) return NotImplemented();
  if (updateInternal(a, b) < 0) return Value();
  return a;
}

// Replaces the contents of `set` by those of `other` (a fresh set).
void takeBody(Value set, Value other) {
  SetObj* s = asSet(set);
  SetObj* o = asSet(other);
  s->keys.set(o->keys.get());
  s->hashes.set(o->hashes.get());
  s->mask = o->mask;
  s->fill = o->fill;
  s->used = o->used;
  s->finger = 0;
}

Value set_iand(Value a, Value b) {
  if (!isAnySet(b)) return NotImplemented();
  Value tmp = setIntersection(a, b);
  if (tmp.isNull()) return tmp;
  takeBody(a, tmp);
  return a;
}

Value set_isub(Value a, Value b) {
  if (!isAnySet(b)) return NotImplemented();
  if (setDifferenceUpdate(a, b) < 0) return Value();
  return a;
}

Value set_ixor(Value a, Value b) {
  if (!isAnySet(b)) return NotImplemented();
  if (setSymmetricDifferenceUpdate(a, b) < 0) return Value();
  return a;
}

Value set_iter(Value self);

bool noKeywords(const char* name, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

Value set_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value kwnames) {
  if (type == types::set_type && !noKeywords("set", kwnames)) return Value();
  return allocSet(type);
}

int set_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("set", kwnames)) return -1;
  if (nargs > 1) {
    raisef(exc::TypeError, "%s expected at most 1 argument, got %zu", typeNameOf(self).c_str(), nargs);
    return -1;
  }
  if (asSet(self)->fill > 0) setClear(self);
  asSet(self)->hash = -1;
  if (nargs == 1) return updateInternal(self, args[0]);
  return 0;
}

Value frozenset_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  bool plain_init = type == types::frozenset_type || type->slots.tp_init == types::frozenset_type->slots.tp_init;
  if (plain_init && !noKeywords("frozenset", kwnames)) return Value();
  if (nargs > 1) return raisef(exc::TypeError, "%s expected at most 1 argument, got %zu", typeName(type).c_str(), nargs);
  if (type == types::frozenset_type && nargs == 1 && isExactFrozenSet(args[0])) return args[0];
  Value s = allocSet(type);
  if (nargs == 1 && updateInternal(s, args[0]) < 0) return Value();
  return s;
}

// ---------------------------------------------------------------------------
// Methods

Value set_add(Value* args) {
  if (setAdd(args[0], args[1]) < 0) return Value();
  return None();
}

Value set_clear(Value* args) {
  setClear(args[0]);
  return None();
}

Value set_copy(Value* args) {
  if (isExactFrozenSet(args[0])) return args[0];
  return setCopy(args[0]);
}

Value set_discard(Value* args) {
  int r = setDiscard(args[0], args[1]);
  if (r < 0) {
    Value frozen;
    if (!retryAsFrozen(args[1], &frozen)) return Value();
    if (setDiscard(args[0], frozen) < 0) return Value();
  }
  return None();
}

Value set_remove(Value* args) {
  int r = setDiscard(args[0], args[1]);
  if (r < 0) {
    Value frozen;
    if (!retryAsFrozen(args[1], &frozen)) return Value();
    r = setDiscard(args[0], frozen);
    if (r < 0) return Value();
  }
  if (r == 0) return raiseKeyError(args[1]);
  return None();
}

Value set_pop(Value* args) { return setPop(args[0]); }

// Methods taking *others: args[1] is the tuple.
Value set_union(Value* args) {
  Value result = setCopy(args[0]);
  if (result.isNull()) return result;
  Value others = args[1];
  for (int64_t i = 0; i < tupleLength(others); ++i) {
    Value o = tupleItem(others, i);
    if (o == args[0]) continue;
    if (updateInternal(result, o) < 0) return Value();
  }
  return result;
}

Value set_update(Value* args) {
  Value others = args[1];
  for (int64_t i = 0; i < tupleLength(others); ++i) {
    if (updateInternal(args[0], tupleItem(others, i)) < 0) return Value();
  }
  return None();
}

Value set_intersection(Value* args) {
  Value others = args[1];
  if (tupleLength(others) == 0) return setCopy(args[0]);
  Value result = args[0];
  for (int64_t i = 0; i < tupleLength(others); ++i) {
    result = setIntersection(result, tupleItem(others, i));
    if (result.isNull()) return result;
  }
  return result;
}

Value set_intersection_update(Value* args) {
  Value tmp = set_intersection(args);
  if (tmp.isNull()) return tmp;
  if (tmp == args[0]) return None();
  takeBody(args[0], tmp);
  return None();
}

Value set_difference(Value* args) {
  Value others = args[1];
  if (tupleLength(others) == 0) return setCopy(args[0]);
  Value result = setDifference(args[0], tupleItem(others, 0));
  if (result.isNull()) return result;
  for (int64_t i = 1; i < tupleLength(others); ++i) {
    if (setDifferenceUpdate(result, tupleItem(others, i)) < 0) return Value();
  }
  return result;
}

Value set_difference_update(Value* args) {
  Value others = args[1];
  for (int64_t i = 0; i < tupleLength(others); ++i) {
    if (setDifferenceUpdate(args[0], tupleItem(others, i)) < 0) return Value();
  }
  return None();
}

Value set_symmetric_difference(Value* args) { return setSymmetricDifference(args[0], args[1]); }

Value set_symmetric_difference_update(Value* args) {
  if (setSymmetricDifferenceUpdate(args[0], args[1]) < 0) return Value();
  return None();
}

Value set_isdisjoint(Value* args) {
  Value self = args[0], other = args[1];
  if (self == other) return Bool(setSize(self) == 0);
  if (isExactSet(other) || isExactFrozenSet(other)) {
    Value a = self, b = other;
    if (setSize(b) > setSize(a)) {
      a = other;
      b = self;
    }
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (nextEntry(b, &pos, &k, &h)) {
      int r = containsEntry(a, k, h);
      if (r < 0) return Value();
      if (r > 0) return False();
    }
    return True();
  }
  Value it = getIter(other);
  if (it.isNull()) return it;
  for (;;) {
    Value k = iterNext(it);
    if (k.isNull()) return errorPending() ? Value() : True();
    int r = setContains(self, k);
    if (r < 0) return Value();
    if (r > 0) return False();
  }
}

Value set_issubset(Value* args) {
  int r = isSubset(args[0], args[1]);
  if (r < 0) return Value();
  return Bool(r);
}

Value set_issuperset(Value* args) {
  int r = isSuperset(args[0], args[1]);
  if (r < 0) return Value();
  return Bool(r);
}

Value set___reduce__(Value* args) {
  Value self = args[0];
  Value keys = newList(setSize(self));
  if (keys.isNull()) return keys;
  int64_t pos = 0;
  Value k;
  while (nextEntry(self, &pos, &k, nullptr)) {
    if (!listAppend(keys, k)) return Value();
  }
  Value state = lookupAttr(self, names::__dict__);
  if (state.isNull()) {
    if (errorPending()) return Value();
    state = None();
  }
  Value ctor_args = newTupleOf({keys});
  if (ctor_args.isNull()) return ctor_args;
  return newTupleOf({typeValue(typeOf(self)), ctor_args, state});
}

Value set___sizeof__(Value* args) {
  SetObj* s = asSet(args[0]);
  int64_t size = 200;
  if (s->mask + 1 > kMinSize) size += (s->mask + 1) * 16;
  return newInt(size);
}

Value set___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

// ---------------------------------------------------------------------------
// set_iterator

struct SetIterObj : Obj {
  gc::HeapValue set;  // null once exhausted
  int64_t used;
  int64_t pos;
  int64_t len;
};

Value set_iter(Value self) {
  Obj* o = newObject(types::set_iterator_type, sizeof(SetIterObj));
  auto* it = static_cast<SetIterObj*>(o);
  it->set.set(self);
  it->used = setSize(self);
  it->len = setSize(self);
  it->pos = 0;
  return Value(o);
}

Value setiter_next(Value self) {
  auto* it = static_cast<SetIterObj*>(self.asObject());
  Value s = it->set.get();
  if (s.isNull()) return Value();
  if (it->used != setSize(s)) {
    raise(exc::RuntimeError, "Set changed size during iteration");
    static_cast<SetIterObj*>(self.asObject())->used = -1;
    return Value();
  }
  Value k;
  int64_t pos = it->pos;
  if (!nextEntry(s, &pos, &k, nullptr)) {
    it->set.set(Value());
    it->pos = pos;
    return Value();
  }
  it->pos = pos;
  it->len -= 1;
  return k;
}

Value setiter___length_hint__(Value* args) {
  auto* it = static_cast<SetIterObj*>(args[0].asObject());
  Value s = it->set.get();
  if (!s.isNull() && it->used == setSize(s)) return newInt(it->len);
  return newInt(0);
}

// (iter, (list of the items left,)): the list drains a copy of the iterator,
// so `self` keeps its position.
Value setiter___reduce__(Value* args) {
  Obj* o = newObject(types::set_iterator_type, sizeof(SetIterObj));
  auto* copy = static_cast<SetIterObj*>(o);
  auto* it = static_cast<SetIterObj*>(args[0].asObject());
  copy->set.set(it->set.get());
  copy->used = it->used;
  copy->pos = it->pos;
  copy->len = it->len;
  return containers::reduceDrainedCopy(Value(o));
}

// ---------------------------------------------------------------------------
// Tables

const uint32_t kSetFields[] = {offsetof(Obj, ob_type), offsetof(SetObj, keys), offsetof(SetObj, hashes)};
const gc::Layout kSetLayout = {.name = "set", .fields = kSetFields};
const uint32_t kSetIterFields[] = {offsetof(Obj, ob_type), offsetof(SetIterObj, set)};
const gc::Layout kSetIterLayout = {.name = "set_iterator", .fields = kSetIterFields};

const MethodDef kSetMethods[] = {
    {.name = "add", .signature = "($self, object, /)", .fn = set_add,
     .doc = "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {.name = "clear", .signature = "($self, /)", .fn = set_clear, .doc = "Remove all elements from this set."},
    {.name = "copy", .signature = "($self, /)", .fn = set_copy, .doc = "Return a shallow copy of a set."},
    {.name = "discard", .signature = "($self, object, /)", .fn = set_discard,
     .doc = "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not "
            "raise\nan exception when an element is missing from the set."},
    {.name = "difference", .signature = "($self, /, *others)", .fn = set_difference, .flags = method_flags::kVarArgs,
     .doc = "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but "
            "not the others.)"},
    {.name = "difference_update", .signature = "($self, /, *others)", .fn = set_difference_update, .flags = method_flags::kVarArgs,
     .doc = "Remove all elements of another set from this set."},
    {.name = "intersection", .signature = "($self, /, *others)", .fn = set_intersection, .flags = method_flags::kVarArgs,
     .doc = "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"},
    {.name = "intersection_update", .signature = "($self, /, *others)", .fn = set_intersection_update, .flags = method_flags::kVarArgs,
     .doc = "Update a set with the intersection of itself and another."},
    {.name = "isdisjoint", .signature = "($self, other, /)", .fn = set_isdisjoint,
     .doc = "Return True if two sets have a null intersection."},
    {.name = "issubset", .signature = "($self, other, /)", .fn = set_issubset,
     .doc = "Report whether another set contains this set."},
    {.name = "issuperset", .signature = "($self, other, /)", .fn = set_issuperset,
     .doc = "Report whether this set contains another set."},
    {.name = "pop", .signature = "($self, /)", .fn = set_pop,
     .doc = "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = set___reduce__, .doc = "Return state information for pickling."},
    {.name = "remove", .signature = "($self, object, /)", .fn = set_remove,
     .doc = "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = set___sizeof__, .doc = "S.__sizeof__() -> size of S in memory, in bytes"},
    {.name = "symmetric_difference", .signature = "($self, other, /)", .fn = set_symmetric_difference,
     .doc = "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one "
            "of the sets.)"},
    {.name = "symmetric_difference_update", .signature = "($self, other, /)", .fn = set_symmetric_difference_update,
     .doc = "Update a set with the symmetric difference of itself and another."},
    {.name = "union", .signature = "($self, /, *others)", .fn = set_union, .flags = method_flags::kVarArgs,
     .doc = "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {.name = "update", .signature = "($self, /, *others)", .fn = set_update, .flags = method_flags::kVarArgs,
     .doc = "Update a set with the union of itself and others."},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = set___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const MethodDef kFrozenSetMethods[] = {
    {.name = "copy", .signature = "($self, /)", .fn = set_copy, .doc = "Return a shallow copy of a set."},
    {.name = "difference", .signature = "($self, /, *others)", .fn = set_difference, .flags = method_flags::kVarArgs,
     .doc = "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but "
            "not the others.)"},
    {.name = "intersection", .signature = "($self, /, *others)", .fn = set_intersection, .flags = method_flags::kVarArgs,
     .doc = "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"},
    {.name = "isdisjoint", .signature = "($self, other, /)", .fn = set_isdisjoint,
     .doc = "Return True if two sets have a null intersection."},
    {.name = "issubset", .signature = "($self, other, /)", .fn = set_issubset,
     .doc = "Report whether another set contains this set."},
    {.name = "issuperset", .signature = "($self, other, /)", .fn = set_issuperset,
     .doc = "Report whether this set contains another set."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = set___reduce__, .doc = "Return state information for pickling."},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = set___sizeof__, .doc = "S.__sizeof__() -> size of S in memory, in bytes"},
    {.name = "symmetric_difference", .signature = "($self, other, /)", .fn = set_symmetric_difference,
     .doc = "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one "
            "of the sets.)"},
    {.name = "union", .signature = "($self, /, *others)", .fn = set_union, .flags = method_flags::kVarArgs,
     .doc = "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = set___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const TypeSpec kSetSpec = {
    .name = "set",
    .type = &types::set_type,
    .layout = &kSetLayout,
    .basic_size = sizeof(SetObj),
    .flags = type_flags::kBaseType,
    .slots =
        {
            .tp_repr = set_repr,
            .tp_hash = hashNotImplemented,
            .tp_richcompare = set_richcompare,
            .tp_iter = set_iter,
            .tp_init = set_init,
            .tp_new = set_new,
            .nb_subtract = set_sub,
            .nb_and = set_and,
            .nb_xor = set_xor,
            .nb_or = set_or,
            .nb_inplace_subtract = set_isub,
            .nb_inplace_and = set_iand,
            .nb_inplace_xor = set_ixor,
            .nb_inplace_or = set_ior,
            .mp_length = set_len,
            .sq_contains = set_contains,
        },
    .methods = kSetMethods,
    .doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of "
           "unique elements.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kSetSpec);

const TypeSpec kFrozenSetSpec = {
    .name = "frozenset",
    .type = &types::frozenset_type,
    .layout = &kSetLayout,
    .basic_size = sizeof(SetObj),
    .flags = type_flags::kBaseType,
    .slots =
        {
            .tp_repr = set_repr,
            .tp_hash = frozenset_hash,
            .tp_richcompare = set_richcompare,
            .tp_iter = set_iter,
            .tp_new = frozenset_new,
            .nb_subtract = set_sub,
            .nb_and = set_and,
            .nb_xor = set_xor,
            .nb_or = set_or,
            .mp_length = set_len,
            .sq_contains = set_contains,
        },
    .methods = kFrozenSetMethods,
    .doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable "
           "unordered collection of unique elements.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kFrozenSetSpec);

const MethodDef kSetIterMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = setiter___reduce__,
     .doc = "Return state information for pickling."},
    {.name = "__length_hint__", .signature = "($self, /)", .fn = setiter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
};

const TypeSpec kSetIterSpec = {
    .name = "set_iterator",
    .type = &types::set_iterator_type,
    .layout = &kSetIterLayout,
    .basic_size = sizeof(SetIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = setiter_next},
    .methods = kSetIterMethods,
};
TERN_REGISTER_TYPE(kSetIterSpec);

}  // namespace
}  // namespace tern
