// dict: CPython's compact, insertion-ordered hash table (dict.h).
//
// Storage.  `entries` is an ArrayObj of 2 * capacity traced slots, the (key,
// value) pairs in insertion order; a deleted entry has null key and value.
// `index` is a _rawbytes object (never traced) holding
//
//     IndexHeader | int64_t hashes[capacity] | slot table[1 << log2_size]
//
// where each table slot is an entry number, kEmpty or kDummy (a deleted
// entry's slot, which keeps probe chains intact), stored in 1, 2, 4 or 8
// bytes depending on the table size.  capacity = 2/3 of the table size.
//
// Invariants: an empty dict that never held a key may have null `entries`
// and `index` (both or neither); every live entry's key occurs in exactly one
// slot, reached from its hash by the probe sequence
//     i = hash & mask; then repeatedly perturb >>= 5; i = (i*5 + perturb + 1) & mask
// (CPython's); used == number of live entries <= nentries <= capacity.
//
// Who may break them: nothing between two statements that may run Python
// code.  Lookups call __eq__, which may mutate the dict: the lookup then
// notices that the index object changed or the entry was replaced, and
// restarts (CPython does the same).  Allocations may move the entries and the
// index, so every function re-derives raw pointers after any call that may
// allocate.
#include "runtime/objects/dict.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/dict_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

constexpr int64_t kEmpty = -1;
constexpr int64_t kDummy = -2;
constexpr int kMinLog2 = 3;  // PyDict_MINSIZE 8

// Versions come from one counter for all dicts, so a (dict, version) pair
// never repeats even when a dict is replaced by another.
int64_t g_next_version = 1;
inline int64_t nextVersion() { return g_next_version++; }

struct IndexHeader {
  int64_t log2_size;
  int64_t usable;    // entries that can still be appended before a resize
  int64_t nentries;  // entries appended (deleted included)
  int64_t capacity;  // entries the storage has room for
};

inline ArrayObj* asArray(Value v) { return static_cast<ArrayObj*>(v.asObject()); }
inline IndexHeader* header(Value index) { return reinterpret_cast<IndexHeader*>(rawBytesData(index)); }
inline int64_t* hashesOf(IndexHeader* h) { return reinterpret_cast<int64_t*>(h + 1); }
inline int slotWidth(int64_t log2_size) {
  if (log2_size <= 7) return 1;
  if (log2_size <= 15) return 2;
  if (log2_size <= 31) return 4;
  return 8;
}
inline char* slotsOf(IndexHeader* h) { return reinterpret_cast<char*>(hashesOf(h) + h->capacity); }

inline int64_t getSlot(IndexHeader* h, uint64_t i) {
  char* s = slotsOf(h);
  switch (slotWidth(h->log2_size)) {
    case 1: return reinterpret_cast<int8_t*>(s)[i];
    case 2: return reinterpret_cast<int16_t*>(s)[i];
    case 4: return reinterpret_cast<int32_t*>(s)[i];
    default: return reinterpret_cast<int64_t*>(s)[i];
  }
}

inline void setSlot(IndexHeader* h, uint64_t i, int64_t ix) {
  char* s = slotsOf(h);
  switch (slotWidth(h->log2_size)) {
    case 1: reinterpret_cast<int8_t*>(s)[i] = static_cast<int8_t>(ix); break;
    case 2: reinterpret_cast<int16_t*>(s)[i] = static_cast<int16_t>(ix); break;
    case 4: reinterpret_cast<int32_t*>(s)[i] = static_cast<int32_t>(ix); break;
    default: reinterpret_cast<int64_t*>(s)[i] = ix; break;
  }
}

inline int64_t usableFor(int64_t log2_size) { return ((int64_t{1} << log2_size) << 1) / 3; }

// The smallest log2 table size whose table holds `minsize` slots.
int log2SizeFor(int64_t minsize) {
  int log2 = kMinLog2;
  while ((int64_t{1} << log2) < minsize) ++log2;
  return log2;
}

// A table size for `n` entries without a resize on the way (ESTIMATE_SIZE).
inline int64_t estimateSize(int64_t n) { return (n * 3 + 1) >> 1; }

// The first slot for `hash` that holds no live entry (kEmpty or kDummy).
uint64_t findEmptySlot(IndexHeader* h, int64_t hash) {
  uint64_t mask = (uint64_t{1} << h->log2_size) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (getSlot(h, i) >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Replaces the storage by one with a table of at least `minsize` slots,
// compacting the live entries in order.  False on MemoryError.
bool resize(Value dict, int64_t minsize) {
  int log2 = log2SizeFor(minsize);
  int64_t size = int64_t{1} << log2;
  int64_t capacity = usableFor(log2);
  size_t bytes = sizeof(IndexHeader) + sizeof(int64_t) * capacity + static_cast<size_t>(slotWidth(log2)) * size;
  Value index = newRawBytes(bytes);
  if (index.isNull()) return false;
  Value entries = newArray(2 * capacity);
  if (entries.isNull()) return false;
  IndexHeader* h = header(index);
  h->log2_size = log2;
  h->capacity = capacity;
  std::memset(slotsOf(h), 0xff, static_cast<size_t>(slotWidth(log2)) * size);  // every slot kEmpty
  DictObj* d = asDict(dict);
  int64_t n = 0;
  uint64_t filter = 0;
  Value old_index = d->index.get();
  if (!old_index.isNull()) {
    IndexHeader* oh = header(old_index);
    ArrayObj* oe = asArray(d->entries.get());
    ArrayObj* ne = asArray(entries);
    for (int64_t i = 0; i < oh->nentries; ++i) {
      Value key = oe->items[2 * i].get();
      if (key.isNull()) continue;
      int64_t hash = hashesOf(oh)[i];
      ne->items[2 * n].set(key);
      ne->items[2 * n + 1].set(oe->items[2 * i + 1].get());
      hashesOf(h)[n] = hash;
      setSlot(h, findEmptySlot(h, hash), n);
      filter |= dictHashFilterBit(hash);
      ++n;
    }
  }
  d->hash_filter = filter;
  h->nentries = n;
  h->usable = capacity - n;
  d->entries.set(entries);
  d->index.set(index);
  return true;
}

// A dict C sees (one with a cpyext proxy) has C-visible fields to update.
void noteChanged(DictObj* d) {
  if (d->hasFlag(gc::header::kHasExternal) && g_dict_watcher != nullptr) g_dict_watcher(d);
}

// Appends a new entry for a key known to be absent.  May resize (allocates);
// never runs Python code.  False on MemoryError.
bool insertAbsent(Value dict, Value key, int64_t hash, Value value) {
  DictObj* d = asDict(dict);
  if (d->index.get().isNull() || header(d->index.get())->usable <= 0) {
    int64_t minsize = d->index.get().isNull() ? (int64_t{1} << kMinLog2) : d->used * 3;
    if (!resize(dict, minsize)) return false;
    d = asDict(dict);
  }
  IndexHeader* h = header(d->index.get());
  int64_t n = h->nentries;
  ArrayObj* e = asArray(d->entries.get());
  e->items[2 * n].set(key);
  e->items[2 * n + 1].set(value);
  hashesOf(h)[n] = hash;
  setSlot(h, findEmptySlot(h, hash), n);
  h->nentries = n + 1;
  h->usable -= 1;
  d->used += 1;
  d->hash_filter |= dictHashFilterBit(hash);
  d->version = nextVersion();
  noteChanged(d);
  return true;
}

// The table slot holding entry `ix` (which is live).
uint64_t slotOfEntry(IndexHeader* h, int64_t hash, int64_t ix) {
  uint64_t mask = (uint64_t{1} << h->log2_size) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (getSlot(h, i) != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Removes live entry `ix`: its slot becomes kDummy.
void deleteEntry(Value dict, int64_t ix) {
  DictObj* d = asDict(dict);
  IndexHeader* h = header(d->index.get());
  setSlot(h, slotOfEntry(h, hashesOf(h)[ix], ix), kDummy);
  ArrayObj* e = asArray(d->entries.get());
  e->items[2 * ix].set(Value());
  e->items[2 * ix + 1].set(Value());
  d->used -= 1;
  d->version = nextVersion();
  noteChanged(d);
}

// Inserts or replaces; -1 on error.
int setWithHash(Value dict, Value key, int64_t hash, Value value) {
  int64_t ix = dictimpl::lookup(dict, key, hash);
  if (ix == dictimpl::kError) return -1;
  if (ix >= 0) {
    // The key stays the one first inserted, as in CPython.
    asArray(asDict(dict)->entries.get())->items[2 * ix + 1].set(value);
    noteChanged(asDict(dict));
    return 0;
  }
  return insertAbsent(dict, key, hash, value) ? 0 : -1;
}

Value allocDict(Type* type) {
  Obj* o = newObject(type, type->basic_size);
  static_cast<DictObj*>(o)->version = nextVersion();
  return Value(o);
}

// Makes room for `n` more entries at once (dict.copy, update from a dict).
bool presize(Value dict, int64_t n) {
  DictObj* d = asDict(dict);
  int64_t usable = d->index.get().isNull() ? 0 : header(d->index.get())->usable;
  if (usable >= n) return true;
  return resize(dict, estimateSize(d->used + n));
}

}  // namespace

// ---------------------------------------------------------------------------
// dict_internal.h

namespace dictimpl {

int64_t entryCount(Value dict) {
  Value index = asDict(dict)->index.get();
  return index.isNull() ? 0 : header(index)->nentries;
}
Value entryKey(Value dict, int64_t i) { return asArray(asDict(dict)->entries.get())->items[2 * i].get(); }
Value entryValue(Value dict, int64_t i) { return asArray(asDict(dict)->entries.get())->items[2 * i + 1].get(); }
int64_t entryHash(Value dict, int64_t i) { return hashesOf(header(asDict(dict)->index.get()))[i]; }

int64_t lookup(Value dict, Value key, int64_t hash) {
restart:
  Value index = asDict(dict)->index.get();  // a stack root: pinned while we look
  if (index.isNull()) return kAbsent;
  IndexHeader* h = header(index);
  uint64_t mask = (uint64_t{1} << h->log2_size) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  bool key_is_str = isExactStr(key);
  for (;;) {
    int64_t ix = getSlot(h, i);
    if (ix == kEmpty) return kAbsent;
    if (ix >= 0) {
      Value k = entryKey(dict, ix);
      if (k == key) return ix;
      if (hashesOf(h)[ix] == hash && !(k.isSmallInt() && key.isSmallInt())) {
        if (key_is_str && isExactStr(k)) {
          if (strEquals(k, key)) return ix;
        } else {
          int cmp = richCompareBool(k, key, kEq);
          if (cmp < 0) return kError;
          if (asDict(dict)->index.get() != index || entryKey(dict, ix) != k) goto restart;
          if (cmp > 0) return ix;
          h = header(index);
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

int updateArg(Value dict, Value arg) {
  if (isExactDict(arg)) return dictMerge(dict, arg, true);
  Value keys = lookupAttr(arg, names::keys);
  if (keys.isNull()) {
    if (errorPending()) return -1;
    // An iterable of pairs (PyDict_MergeFromSeq2).
    Value it = getIter(arg);
    if (it.isNull()) return -1;
    for (int64_t n = 0;; ++n) {
      Value item = iterNext(it);
      if (item.isNull()) return errorPending() ? -1 : 0;
      Value seq = item;
      if (!isExactList(item) && !isExactTuple(item)) {
        seq = listFromIterable(item);
        if (seq.isNull()) {
          if (errorMatches(exc::TypeError)) {
            clearError();
            raisef(exc::TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                   static_cast<long long>(n));
          }
          return -1;
        }
      }
      bool is_list = isList(seq);
      int64_t len = is_list ? listLength(seq) : tupleLength(seq);
      if (len != 2) {
        raisef(exc::ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
               static_cast<long long>(n), static_cast<long long>(len));
        return -1;
      }
      Value key = is_list ? listItem(seq, 0) : tupleItem(seq, 0);
      Value value = is_list ? listItem(seq, 1) : tupleItem(seq, 1);
      if (dictSet(dict, key, value) < 0) return -1;
    }
  }
  return dictMerge(dict, arg, true);
}

}  // namespace dictimpl

// ---------------------------------------------------------------------------
// dict.h

Value newDict() { return allocDict(types::dict_type); }

Value newDictSized(int64_t n) {
  Value d = allocDict(types::dict_type);
  if (n > 0 && !presize(d, n)) return Value();
  return d;
}

Value dictGet(Value dict, Value key) {
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return Value();
  int64_t ix = dictimpl::lookup(dict, key, hash);
  if (ix < 0) return Value();
  return dictimpl::entryValue(dict, ix);
}

int64_t dictStrEntryIndex(Value dict, Value key) {
  Value index = asDict(dict)->index.get();
  if (index.isNull()) return -1;
  int64_t hash = asStr(key)->hash;
  if (hash == -1) hash = strHash(key);
  if (!dictMayContain(dict, hash)) return -1;
  IndexHeader* h = header(index);
  uint64_t mask = (uint64_t{1} << h->log2_size) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int64_t ix = getSlot(h, i);
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      Value k = dictimpl::entryKey(dict, ix);
      if (k == key) return ix;
      if (hashesOf(h)[ix] == hash) {
        if (!isExactStr(k)) return -2;  // its __eq__ may run: the general path decides
        if (strEquals(k, key)) return ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

Value dictGetStr(Value dict, Value key) {
  int64_t ix = dictStrEntryIndex(dict, key);
  if (ix == -2) return dictGet(dict, key);
  return ix < 0 ? Value() : dictimpl::entryValue(dict, ix);
}

int dictSet(Value dict, Value key, Value value) {
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return -1;
  return setWithHash(dict, key, hash, value);
}

int dictDel(Value dict, Value key) {
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return -1;
  int64_t ix = dictimpl::lookup(dict, key, hash);
  if (ix == dictimpl::kError) return -1;
  if (ix < 0) return 0;
  deleteEntry(dict, ix);
  return 1;
}

int dictContains(Value dict, Value key) {
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return -1;
  int64_t ix = dictimpl::lookup(dict, key, hash);
  if (ix == dictimpl::kError) return -1;
  return ix >= 0 ? 1 : 0;
}

bool dictNext(Value dict, int64_t* pos, Value* key, Value* value) {
  int64_t n = dictimpl::entryCount(dict);
  for (int64_t i = *pos; i < n; ++i) {
    Value k = dictimpl::entryKey(dict, i);
    if (k.isNull()) continue;
    *key = k;
    if (value != nullptr) *value = dictimpl::entryValue(dict, i);
    *pos = i + 1;
    return true;
  }
  *pos = n;
  return false;
}

void dictClear(Value dict) {
  DictObj* d = asDict(dict);
  if (d->index.get().isNull() && d->used == 0) return;
  d->entries.set(Value());
  d->index.set(Value());
  d->used = 0;
  d->hash_filter = 0;
  d->version = nextVersion();
  noteChanged(d);
}

Value dictCopy(Value dict) {
  Value copy = newDict();
  if (typeOf(dict)->slots.tp_iter != dictimpl::dict_iter) {
    // A subclass that iterates its own way (OrderedDict): its keys() order.
    if (copy.isNull() || dictMerge(copy, dict, true) < 0) return Value();
    return copy;
  }
  int64_t n = dictSize(dict);
  if (n == 0) return copy;
  if (!presize(copy, n)) return Value();
  for (int64_t i = 0; i < dictimpl::entryCount(dict); ++i) {
    Value k = dictimpl::entryKey(dict, i);
    if (k.isNull()) continue;
    if (!insertAbsent(copy, k, dictimpl::entryHash(dict, i), dictimpl::entryValue(dict, i))) return Value();
  }
  return copy;
}

int dictUpdate(Value dict, Value other) { return dictimpl::updateArg(dict, other); }

int dictMerge(Value dict, Value other, bool override) {
  if (isDict(other) && typeOf(other)->slots.tp_iter == dictimpl::dict_iter) {
    if (other == dict || dictSize(other) == 0) return 0;
    if (!presize(dict, dictSize(other))) return -1;
    for (int64_t i = 0; i < dictimpl::entryCount(other); ++i) {
      Value k = dictimpl::entryKey(other, i);
      if (k.isNull()) continue;
      Value v = dictimpl::entryValue(other, i);
      int64_t hash = dictimpl::entryHash(other, i);
      int64_t size_before = dictSize(other);
      if (override) {
        if (setWithHash(dict, k, hash, v) < 0) return -1;
      } else {
        int64_t ix = dictimpl::lookup(dict, k, hash);
        if (ix == dictimpl::kError) return -1;
        if (ix >= 0) {
          raiseKeyError(k);
          return -1;
        }
        if (!insertAbsent(dict, k, hash, v)) return -1;
      }
      if (dictSize(other) != size_before) {
        raise(exc::RuntimeError, "dict mutated during update");
        return -1;
      }
    }
    return 0;
  }
  // A generic mapping: its keys(), then other[key] for each.
  Value keys = isExactDict(other) ? dictKeysList(other) : callMethod(other, names::keys, nullptr, 0);
  if (keys.isNull()) return -1;
  Value it = getIter(keys);
  if (it.isNull()) return -1;
  for (;;) {
    Value k = iterNext(it);
    if (k.isNull()) return errorPending() ? -1 : 0;
    if (!override) {
      int r = dictContains(dict, k);
      if (r < 0) return -1;
      if (r > 0) {
        raiseKeyError(k);
        return -1;
      }
    }
    Value v = getItem(other, k);
    if (v.isNull() || dictSet(dict, k, v) < 0) return -1;
  }
}

Value dictKeysList(Value dict) {
  Value list = newList(dictSize(dict));
  if (list.isNull()) return list;
  for (int64_t i = 0; i < dictimpl::entryCount(dict); ++i) {
    Value k = dictimpl::entryKey(dict, i);
    if (!k.isNull() && !listAppend(list, k)) return Value();
  }
  return list;
}

namespace {

// ---------------------------------------------------------------------------
// Slots

Value dict_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) { return allocDict(type); }

// dict(arg, **kwargs) and dict.update(arg, **kwargs).
int updateCommon(Value self, const Value* args, size_t nargs, Value kwnames, const char* name) {
  if (nargs > 1) {
    raisef(exc::TypeError, "%s expected at most 1 argument, got %zu", name, nargs);
    return -1;
  }
  if (nargs == 1 && dictimpl::updateArg(self, args[0]) < 0) return -1;
  if (!kwnames.isNull()) {
    for (int64_t i = 0; i < tupleLength(kwnames); ++i) {
      if (dictSet(self, tupleItem(kwnames, i), args[nargs + i]) < 0) return -1;
    }
  }
  return 0;
}

int dict_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return updateCommon(self, args, nargs, kwnames, "dict");
}

Value dict_repr(Value self) {
  if (dictSize(self) == 0) return containers::strFromUtf8("{}");
  int r = reprEnter(self);
  if (r < 0) return Value();
  if (r > 0) return containers::strFromUtf8("{...}");
  std::string out = "{";
  bool first = true;
  for (int64_t i = 0; i < dictimpl::entryCount(self); ++i) {
    Value k = dictimpl::entryKey(self, i);
    if (k.isNull()) continue;
    Value v = dictimpl::entryValue(self, i);
    if (!first) out += ", ";
    first = false;
    if (!containers::appendRepr(out, k)) goto fail;
    out += ": ";
    if (!containers::appendRepr(out, v)) goto fail;
  }
  out += "}";
  reprLeave(self);
  return containers::strFromUtf8(out);
fail:
  reprLeave(self);
  return Value();
}

int64_t dict_len(Value self) { return dictSize(self); }

Value dict_subscript(Value self, Value key) {
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return Value();
  int64_t ix = dictimpl::lookup(self, key, hash);
  if (ix == dictimpl::kError) return Value();
  if (ix >= 0) return dictimpl::entryValue(self, ix);
  if (!isExactDict(self)) {
    bool found = false;
    Value r = callSpecial(self, names::__missing__, &key, 1, &found);
    if (found || errorPending()) return r;
  }
  return raiseKeyError(key);
}

int dict_ass_subscript(Value self, Value key, Value value) {
  if (!value.isNull()) return dictSet(self, key, value);
  int r = dictDel(self, key);
  if (r == 0) {
    raiseKeyError(key);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

int dict_contains(Value self, Value key) { return dictContains(self, key); }

// 1 equal, 0 not, -1 error.
int dictEqual(Value a, Value b) {
  containers::RecursionGuard guard(containers::kInComparison);
  if (!guard.ok()) return -1;
  if (dictSize(a) != dictSize(b)) return 0;
  for (int64_t i = 0; i < dictimpl::entryCount(a); ++i) {
    Value k = dictimpl::entryKey(a, i);
    if (k.isNull()) continue;
    Value av = dictimpl::entryValue(a, i);
    int64_t ix = dictimpl::lookup(b, k, dictimpl::entryHash(a, i));
    if (ix == dictimpl::kError) return -1;
    if (ix < 0) return 0;
    Value bv = dictimpl::entryValue(b, ix);
    int cmp = richCompareBool(av, bv, kEq);
    if (cmp <= 0) return cmp;
  }
  return 1;
}

Value dict_richcompare(Value a, Value b, int op) {
  if (!isDict(a) || !isDict(b) || (op != kEq && op != kNe)) return NotImplemented();
  int r = dictEqual(a, b);
  if (r < 0) return Value();
  return Bool((r == 1) == (op == kEq));
}

Value dict_or(Value a, Value b) {
  if (!isDict(a) || !isDict(b)) return NotImplemented();
  Value d = dictCopy(a);
  if (d.isNull() || dictimpl::updateArg(d, b) < 0) return Value();
  return d;
}

Value dict_ior(Value a, Value b) {
  if (!isDict(a)) return NotImplemented();
  if (dictimpl::updateArg(a, b) < 0) return Value();
  return a;
}

// ---------------------------------------------------------------------------
// Methods

Value dict_get(Value* args) {
  Value v = dictGet(args[0], args[1]);
  if (!v.isNull()) return v;
  if (errorPending()) return Value();
  return args[2];
}

Value dict_setdefault(Value* args) {
  Value self = args[0], key = args[1];
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return Value();
  int64_t ix = dictimpl::lookup(self, key, hash);
  if (ix == dictimpl::kError) return Value();
  if (ix >= 0) return dictimpl::entryValue(self, ix);
  if (!insertAbsent(self, key, hash, args[2])) return Value();
  return args[2];
}

Value dict_pop(Value* args) {
  Value self = args[0], key = args[1];
  if (dictSize(self) == 0) {
    if (!args[2].isNull()) return args[2];
    return raiseKeyError(key);
  }
  int64_t hash = containers::keyHash(key);
  if (hash == -1) return Value();
  int64_t ix = dictimpl::lookup(self, key, hash);
  if (ix == dictimpl::kError) return Value();
  if (ix < 0) {
    if (!args[2].isNull()) return args[2];
    return raiseKeyError(key);
  }
  Value v = dictimpl::entryValue(self, ix);
  deleteEntry(self, ix);
  return v;
}

Value dict_popitem(Value* args) {
  Value self = args[0];
  if (dictSize(self) == 0) return raise(exc::KeyError, "popitem(): dictionary is empty");
  int64_t i = dictimpl::entryCount(self) - 1;
  while (dictimpl::entryKey(self, i).isNull()) --i;
  Value k = dictimpl::entryKey(self, i);
  Value v = dictimpl::entryValue(self, i);
  Value pair = newTupleOf({k, v});
  if (pair.isNull()) return pair;
  deleteEntry(self, i);
  // The freed tail is reused, as CPython does (its entries stay ordered).
  header(asDict(self)->index.get())->nentries = i;
  return pair;
}

Value dict_keys(Value* args) { return dictimpl::newView(types::dict_keys_type, args[0]); }
Value dict_values(Value* args) { return dictimpl::newView(types::dict_values_type, args[0]); }
Value dict_items(Value* args) { return dictimpl::newView(types::dict_items_type, args[0]); }

Value dict_clear(Value* args) {
  dictClear(args[0]);
  return None();
}

Value dict_copy(Value* args) { return dictCopy(args[0]); }

Value dict_update(Value* args) {
  Value self = args[0];
  Value pos = args[1];
  if (tupleLength(pos) > 1) {
    return raisef(exc::TypeError, "update expected at most 1 argument, got %lld", static_cast<long long>(tupleLength(pos)));
  }
  if (tupleLength(pos) == 1 && dictimpl::updateArg(self, tupleItem(pos, 0)) < 0) return Value();
  Value kwargs = args[2];
  if (!kwargs.isNull() && dictSize(kwargs) > 0 && dictMerge(self, kwargs, true) < 0) return Value();
  return None();
}

Value dict_fromkeys(Value* args) {
  Value cls = args[0], iterable = args[1], value = args[2];
  Value d = call0(cls);
  if (d.isNull()) return d;
  bool fast = isExactDict(d) && dictSize(d) == 0;
  if (fast && isExactDict(iterable)) {
    if (!presize(d, dictSize(iterable))) return Value();
    for (int64_t i = 0; i < dictimpl::entryCount(iterable); ++i) {
      Value k = dictimpl::entryKey(iterable, i);
      if (k.isNull()) continue;
      if (!insertAbsent(d, k, dictimpl::entryHash(iterable, i), value)) return Value();
    }
    return d;
  }
  Value it = getIter(iterable);
  if (it.isNull()) return it;
  for (;;) {
    Value k = iterNext(it);
    if (k.isNull()) return errorPending() ? Value() : d;
    int r = isExactDict(d) ? dictSet(d, k, value) : setItem(d, k, value);
    if (r < 0) return Value();
  }
}

Value dict___reversed__(Value* args) {
  return dictimpl::newIterator(types::dict_reversekeyiterator_type, args[0]);
}

Value dict___sizeof__(Value* args) {
  DictObj* d = asDict(args[0]);
  int64_t size = 48;
  Value index = d->index.get();
  if (!index.isNull()) {
    IndexHeader* h = header(index);
    // CPython keeps 16-byte entries while every key is an exact str, 24 otherwise.
    bool all_str = true;
    for (int64_t i = 0; i < h->nentries && all_str; ++i) {
      Value k = dictimpl::entryKey(args[0], i);
      if (!k.isNull() && !isExactStr(k)) all_str = false;
    }
    size += 32 + (int64_t{slotWidth(h->log2_size)} << h->log2_size) + (all_str ? 16 : 24) * h->capacity;
  }
  return newInt(size);
}

Value dict___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

// ---------------------------------------------------------------------------
// Tables

const uint32_t kDictFields[] = {offsetof(Obj, ob_type), offsetof(DictObj, entries), offsetof(DictObj, index)};
const gc::Layout kDictLayout = {.name = "dict", .fields = kDictFields};

const MethodDef kDictMethods[] = {
    {.name = "__sizeof__", .signature = "($self, /)", .fn = dict___sizeof__, .doc = "D.__sizeof__() -> size of D in memory, in bytes"},
    {.name = "get", .signature = "($self, key, default=None, /)", .fn = dict_get,
     .doc = "Return the value for key if key is in the dictionary, else default."},
    {.name = "setdefault", .signature = "($self, key, default=None, /)", .fn = dict_setdefault,
     .doc = "Insert key with a value of default if key is not in the dictionary.\n\n"
            "Return the value for key if key is in the dictionary, else default."},
    {.name = "pop", .signature = "($self, key, default=<unrepresentable>, /)", .fn = dict_pop,
     .doc = "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
            "If the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {.name = "popitem", .signature = "($self, /)", .fn = dict_popitem,
     .doc = "Remove and return a (key, value) pair as a 2-tuple.\n\n"
            "Pairs are returned in LIFO (last-in, first-out) order.\n"
            "Raises KeyError if the dict is empty."},
    {.name = "keys", .signature = "($self, /)", .fn = dict_keys,
     .doc = "D.keys() -> a set-like object providing a view on D's keys"},
    {.name = "items", .signature = "($self, /)", .fn = dict_items,
     .doc = "D.items() -> a set-like object providing a view on D's items"},
    {.name = "values", .signature = "($self, /)", .fn = dict_values,
     .doc = "D.values() -> an object providing a view on D's values"},
    {.name = "update", .signature = "($self, /, *args, **kwargs)", .fn = dict_update,
     .doc = "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {.name = "fromkeys", .signature = "($type, iterable, value=None, /)", .fn = dict_fromkeys,
     .flags = method_flags::kClassMethod,
     .doc = "Create a new dictionary with keys from iterable and values set to value."},
    {.name = "clear", .signature = "($self, /)", .fn = dict_clear, .doc = "D.clear() -> None.  Remove all items from D."},
    {.name = "copy", .signature = "($self, /)", .fn = dict_copy, .doc = "D.copy() -> a shallow copy of D"},
    {.name = "__reversed__", .signature = "($self, /)", .fn = dict___reversed__,
     .doc = "Return a reverse iterator over the dict keys."},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = dict___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const TypeSpec kDictSpec = {
    .name = "dict",
    .type = &types::dict_type,
    .layout = &kDictLayout,
    .basic_size = sizeof(DictObj),
    .flags = type_flags::kBaseType | type_flags::kDictSubclass | type_flags::kMapping,
    .slots =
        {
            .tp_repr = dict_repr,
            .tp_hash = hashNotImplemented,
            .tp_richcompare = dict_richcompare,
            .tp_iter = dictimpl::dict_iter,
            .tp_init = dict_init,
            .tp_new = dict_new,
            .nb_or = dict_or,
            .nb_inplace_or = dict_ior,
            .mp_length = dict_len,
            .mp_subscript = dict_subscript,
            .mp_ass_subscript = dict_ass_subscript,
            .sq_contains = dict_contains,
        },
    .methods = kDictMethods,
    .doc = "dict() -> new empty dictionary\n"
           "dict(mapping) -> new dictionary initialized from a mapping object's\n"
           "    (key, value) pairs\n"
           "dict(iterable) -> new dictionary initialized as if via:\n"
           "    d = {}\n"
           "    for k, v in iterable:\n"
           "        d[k] = v\n"
           "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
           "    in the keyword argument list.  For example:  dict(one=1, two=2)",
};
TERN_REGISTER_TYPE(kDictSpec);

}  // namespace
}  // namespace tern
