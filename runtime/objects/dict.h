// dict: CPython's compact, insertion-ordered hash table (docs/architecture.md).
//
// Layout: `entries` is an ArrayObj of 2 * capacity slots (key, value pairs in
// insertion order; a deleted entry has a null key and value); `index` is a
// raw-bytes object holding the open-addressing table of entry indices and the
// hashes of the entries (raw words the collector must not trace).  The probe
// sequence is CPython's (perturb), so iteration order of dicts and sets
// matches CPython's for the same hashes.
//
// Invariants: used <= number of non-deleted entries == used; every live key
// appears exactly once in the index; `version` changes on every mutation that
// adds or removes a key (the interpreter's global caches compare it).
//
// Lookups call __hash__/__eq__ of keys, which may run Python code, fail, or
// mutate the dict: every function here may return an error, and a lookup
// that sees the dict mutated under it restarts, as CPython's does.
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

struct DictObj : Obj {
  int64_t used;         // live entries
  int64_t version;      // bumped on every key insertion or removal
  // Bit (hash & 63) is set for the hash of every live key (and maybe of keys
  // since deleted, until the next resize or clear): a clear bit proves a key
  // with that hash absent without probing (dictMayContain).
  uint64_t hash_filter;
  gc::HeapValue entries;  // ArrayObj of key/value pairs, or null when empty
  gc::HeapValue index;    // raw bytes: hashes and index table, or null
};

inline DictObj* asDict(Value v) { return static_cast<DictObj*>(v.asObject()); }
inline bool isDict(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kDictSubclass); }
inline bool isExactDict(Value v) { return !v.isSmallInt() && typeOf(v) == types::dict_type; }
inline int64_t dictSize(Value d) { return asDict(d)->used; }
inline uint64_t dictHashFilterBit(int64_t hash) { return uint64_t{1} << (static_cast<uint64_t>(hash) & 63); }
// False when `dict` certainly has no key with this hash.
inline bool dictMayContain(Value dict, int64_t hash) { return (asDict(dict)->hash_filter & dictHashFilterBit(hash)) != 0; }

Value newDict();
// An empty dict with room for `n` entries before it first resizes (CPython's
// _PyDict_NewPresized); null on MemoryError.
Value newDictSized(int64_t n);
// Called after every change to a dict that carries gc::header::kHasExternal
// (cpyext keeps its proxy's ma_used and ma_version_tag current).
inline void (*g_dict_watcher)(DictObj* d) = nullptr;
// The value for `key`, or null: check errorPending() to tell "absent" from an error.
Value dictGet(Value dict, Value key);
// Fast path for an exact str key whose hash is cached (interned names).
Value dictGetStr(Value dict, Value key);
// The entry index of an exact-str `key` in an exact dict, -1 when absent, -2
// when a key of another type has the same hash (only the general lookup may
// run its __eq__).  Never raises.
int64_t dictStrEntryIndex(Value dict, Value key);
// 0 on success, -1 on error.
int dictSet(Value dict, Value key, Value value);
// 1 removed, 0 absent (no exception), -1 error.
int dictDel(Value dict, Value key);
// 1 present, 0 absent, -1 error.
int dictContains(Value dict, Value key);
// Iteration over a snapshot-free cursor: start with *pos = 0; true while an
// entry was produced.  The caller must not mutate the dict while iterating.
bool dictNext(Value dict, int64_t* pos, Value* key, Value* value);
void dictClear(Value dict);
Value dictCopy(Value dict);
// dict.update(other) semantics for a mapping or iterable of pairs; -1 on error.
int dictUpdate(Value dict, Value other);
// {**other} merge: when `override` is false an existing key raises KeyError
// (used by the interpreter's DICT_MERGE for `f(**a, **b)`).
int dictMerge(Value dict, Value other, bool override);
Value dictKeysList(Value dict);

}  // namespace tern
