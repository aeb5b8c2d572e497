// cpyext: _Py_hashtable, CPython's private C hash table of void* keys and
// values (internal/pycore_hashtable.h), which Debian's _hashlib (its table
// of OpenSSL digests by name) and _testinternalcapi use.  It holds C
// pointers only; nothing in it is a Python object, so the collector has no
// business with it.
//
// The table struct is CPython 3.11's layout, because the header's inline
// _Py_hashtable_get_entry calls through ht->get_entry_func, and extensions
// compiled with it do so without calling us: separate chaining, one
// singly-linked list per bucket, entries {next, key_hash, key, value}; the
// bucket count is a power of two, grown (doubling) when the table holds more
// than two entries per bucket and shrunk when it holds fewer than one per
// eight.  A key is present at most once (_Py_hashtable_set on a present key
// is the caller's bug, as in CPython: it adds a second entry that get never
// reaches).  Memory comes from the allocator given to _new_full (PyMem_Malloc
// and PyMem_Free by default).
#include <cstring>

#include "Python.h"

extern "C" {

struct TernSlistItem {
  TernSlistItem* next;
};

struct _Py_hashtable_entry_t {
  TernSlistItem link;
  Py_uhash_t key_hash;
  void* key;
  void* value;
};

struct _Py_hashtable_t;
using HashFunc = Py_uhash_t (*)(const void* key);
using CompareFunc = int (*)(const void* key1, const void* key2);
using DestroyFunc = void (*)(void* key);
using GetEntryFunc = _Py_hashtable_entry_t* (*)(_Py_hashtable_t* ht, const void* key);
using ForeachFunc = int (*)(_Py_hashtable_t* ht, const void* key, const void* value, void* user_data);

struct TernHashtableAllocator {
  void* (*malloc)(size_t size);
  void (*free)(void* ptr);
};

struct _Py_hashtable_t {
  size_t nentries;
  size_t nbuckets;
  TernSlistItem** buckets;  // each bucket: the head of its list
  GetEntryFunc get_entry_func;
  HashFunc hash_func;
  CompareFunc compare_func;
  DestroyFunc key_destroy_func;
  DestroyFunc value_destroy_func;
  TernHashtableAllocator alloc;
};

static_assert(sizeof(_Py_hashtable_entry_t) == 32 && sizeof(_Py_hashtable_t) == 80);
static_assert(offsetof(_Py_hashtable_t, get_entry_func) == 24 && offsetof(_Py_hashtable_t, alloc) == 64);

}  // extern "C"

namespace {

constexpr size_t kMinBuckets = 16;

size_t bucketOf(const _Py_hashtable_t* ht, Py_uhash_t hash) { return hash & (ht->nbuckets - 1); }

_Py_hashtable_entry_t* findEntry(_Py_hashtable_t* ht, const void* key) {
  Py_uhash_t hash = ht->hash_func(key);
  for (TernSlistItem* it = ht->buckets[bucketOf(ht, hash)]; it != nullptr; it = it->next) {
    auto* e = reinterpret_cast<_Py_hashtable_entry_t*>(it);
    if (e->key_hash == hash && ht->compare_func(key, e->key)) return e;
  }
  return nullptr;
}

// The same for tables hashing and comparing pointers themselves: no calls.
_Py_hashtable_entry_t* findEntryByPointer(_Py_hashtable_t* ht, const void* key) {
  Py_uhash_t hash = _Py_HashPointerRaw(key);
  for (TernSlistItem* it = ht->buckets[bucketOf(ht, hash)]; it != nullptr; it = it->next) {
    auto* e = reinterpret_cast<_Py_hashtable_entry_t*>(it);
    if (e->key == key) return e;
  }
  return nullptr;
}

// Moves every entry into `n` buckets; false (table unchanged) without memory.
bool rehash(_Py_hashtable_t* ht, size_t n) {
  auto** fresh = static_cast<TernSlistItem**>(ht->alloc.malloc(n * sizeof(TernSlistItem*)));
  if (fresh == nullptr) return false;
  std::memset(fresh, 0, n * sizeof(TernSlistItem*));
  for (size_t b = 0; b < ht->nbuckets; ++b) {
    TernSlistItem* it = ht->buckets[b];
    while (it != nullptr) {
      TernSlistItem* next = it->next;
      size_t to = reinterpret_cast<_Py_hashtable_entry_t*>(it)->key_hash & (n - 1);
      it->next = fresh[to];
      fresh[to] = it;
      it = next;
    }
  }
  ht->alloc.free(ht->buckets);
  ht->buckets = fresh;
  ht->nbuckets = n;
  return true;
}

void destroyEntry(_Py_hashtable_t* ht, _Py_hashtable_entry_t* e) {
  if (ht->key_destroy_func != nullptr) ht->key_destroy_func(e->key);
  if (ht->value_destroy_func != nullptr) ht->value_destroy_func(e->value);
  ht->alloc.free(e);
}

}  // namespace

extern "C" {

Py_EXPORTED_SYMBOL Py_uhash_t _Py_hashtable_hash_ptr(const void* key) { return static_cast<Py_uhash_t>(_Py_HashPointerRaw(key)); }

// CPython 3.11 compares the keys themselves (pointer identity).
Py_EXPORTED_SYMBOL int _Py_hashtable_compare_direct(const void* key1, const void* key2) { return key1 == key2; }

Py_EXPORTED_SYMBOL _Py_hashtable_t* _Py_hashtable_new_full(HashFunc hash_func, CompareFunc compare_func, DestroyFunc key_destroy_func,
                                        DestroyFunc value_destroy_func, TernHashtableAllocator* allocator) {
  if (hash_func == nullptr || compare_func == nullptr) {
    PyErr_SetString(PyExc_SystemError, "_Py_hashtable_new_full: bad argument to internal function");
    return nullptr;
  }
  TernHashtableAllocator alloc = allocator != nullptr ? *allocator : TernHashtableAllocator{PyMem_Malloc, PyMem_Free};
  auto* ht = static_cast<_Py_hashtable_t*>(alloc.malloc(sizeof(_Py_hashtable_t)));
  if (ht == nullptr) return nullptr;
  ht->nentries = 0;
  ht->nbuckets = kMinBuckets;
  ht->buckets = static_cast<TernSlistItem**>(alloc.malloc(kMinBuckets * sizeof(TernSlistItem*)));
  if (ht->buckets == nullptr) {
    alloc.free(ht);
    return nullptr;
  }
  std::memset(ht->buckets, 0, kMinBuckets * sizeof(TernSlistItem*));
  bool by_pointer = hash_func == _Py_hashtable_hash_ptr && compare_func == _Py_hashtable_compare_direct;
  ht->get_entry_func = by_pointer ? findEntryByPointer : findEntry;
  ht->hash_func = hash_func;
  ht->compare_func = compare_func;
  ht->key_destroy_func = key_destroy_func;
  ht->value_destroy_func = value_destroy_func;
  ht->alloc = alloc;
  return ht;
}

Py_EXPORTED_SYMBOL _Py_hashtable_t* _Py_hashtable_new(HashFunc hash_func, CompareFunc compare_func) {
  return _Py_hashtable_new_full(hash_func, compare_func, nullptr, nullptr, nullptr);
}

Py_EXPORTED_SYMBOL size_t _Py_hashtable_len(const _Py_hashtable_t* ht) { return ht->nentries; }

// What the table takes in memory, itself included (tracemalloc reports it).
Py_EXPORTED_SYMBOL size_t _Py_hashtable_size(const _Py_hashtable_t* ht) {
  return sizeof(*ht) + ht->nbuckets * sizeof(TernSlistItem*) + ht->nentries * sizeof(_Py_hashtable_entry_t);
}

Py_EXPORTED_SYMBOL int _Py_hashtable_set(_Py_hashtable_t* ht, const void* key, void* value) {
  auto* e = static_cast<_Py_hashtable_entry_t*>(ht->alloc.malloc(sizeof(_Py_hashtable_entry_t)));
  if (e == nullptr) return -1;
  e->key_hash = ht->hash_func(key);
  e->key = const_cast<void*>(key);
  e->value = value;
  ht->nentries++;
  if (ht->nentries > ht->nbuckets * 2) rehash(ht, ht->nbuckets * 2);  // no memory: longer chains
  TernSlistItem** head = &ht->buckets[bucketOf(ht, e->key_hash)];
  e->link.next = *head;
  *head = &e->link;
  return 0;
}

Py_EXPORTED_SYMBOL void* _Py_hashtable_get(_Py_hashtable_t* ht, const void* key) {
  _Py_hashtable_entry_t* e = ht->get_entry_func(ht, key);
  return e != nullptr ? e->value : nullptr;
}

Py_EXPORTED_SYMBOL void* _Py_hashtable_steal(_Py_hashtable_t* ht, const void* key) {
  Py_uhash_t hash = ht->hash_func(key);
  TernSlistItem** at = &ht->buckets[bucketOf(ht, hash)];
  for (; *at != nullptr; at = &(*at)->next) {
    auto* e = reinterpret_cast<_Py_hashtable_entry_t*>(*at);
    if (e->key_hash == hash && ht->compare_func(key, e->key)) break;
  }
  if (*at == nullptr) return nullptr;
  auto* e = reinterpret_cast<_Py_hashtable_entry_t*>(*at);
  *at = e->link.next;
  void* value = e->value;
  ht->alloc.free(e);
  ht->nentries--;
  if (ht->nbuckets > kMinBuckets && ht->nentries * 8 < ht->nbuckets) rehash(ht, ht->nbuckets / 2);
  return value;
}

Py_EXPORTED_SYMBOL int _Py_hashtable_foreach(_Py_hashtable_t* ht, ForeachFunc func, void* user_data) {
  for (size_t b = 0; b < ht->nbuckets; ++b) {
    for (TernSlistItem* it = ht->buckets[b]; it != nullptr; it = it->next) {
      auto* e = reinterpret_cast<_Py_hashtable_entry_t*>(it);
      int r = func(ht, e->key, e->value, user_data);
      if (r != 0) return r;
    }
  }
  return 0;
}

Py_EXPORTED_SYMBOL void _Py_hashtable_clear(_Py_hashtable_t* ht) {
  for (size_t b = 0; b < ht->nbuckets; ++b) {
    TernSlistItem* it = ht->buckets[b];
    while (it != nullptr) {
      TernSlistItem* next = it->next;
      destroyEntry(ht, reinterpret_cast<_Py_hashtable_entry_t*>(it));
      it = next;
    }
    ht->buckets[b] = nullptr;
  }
  ht->nentries = 0;
  if (ht->nbuckets > kMinBuckets) rehash(ht, kMinBuckets);
}

Py_EXPORTED_SYMBOL void _Py_hashtable_destroy(_Py_hashtable_t* ht) {
  if (ht == nullptr) return;
  _Py_hashtable_clear(ht);
  ht->alloc.free(ht->buckets);
  ht->alloc.free(ht);
}

}  // extern "C"
