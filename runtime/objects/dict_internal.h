// Private to dict.cc and dict_views.cc: the entry table and lookups by hash
// the views and iterators need.
#pragma once

#include <cstdint>

#include "runtime/objects/dict.h"
#include "runtime/objects/object.h"

namespace tern::dictimpl {

// Entries ever appended (deleted ones included): iteration runs over
// [0, entryCount).  A deleted entry has a null key.
int64_t entryCount(Value dict);
Value entryKey(Value dict, int64_t i);
Value entryValue(Value dict, int64_t i);
int64_t entryHash(Value dict, int64_t i);

// The entry index of `key` (whose hash is `hash`), -1 when absent, -3 on error.
int64_t lookup(Value dict, Value key, int64_t hash);
inline constexpr int64_t kAbsent = -1;
inline constexpr int64_t kError = -3;

// dict.update(arg) (dict_update_arg): a dict, a mapping with keys(), or an
// iterable of pairs.  -1 on error.
int updateArg(Value dict, Value arg);

// dict.__iter__ (tp_iter): a dict_keyiterator.
Value dict_iter(Value dict);
// A view (dict_keys_type etc.) or iterator (dict_keyiterator_type, the
// reversed ones ...) of `dict`.
Value newView(Type* type, Value dict);
Value newIterator(Type* type, Value dict);

}  // namespace tern::dictimpl
