// dict views (dict_keys, dict_values, dict_items) and dict iterators.
//
// A view holds only its dict.  An iterator holds its dict (null once
// exhausted), the dict's size when it started (`used`: a change raises
// "dictionary changed size during iteration", and -1 keeps raising), its
// position in the entry table, and how many items it still expects (`len`:
// finding one more means the keys changed, CPython's "dictionary keys changed
// during iteration").
#include <cstddef>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/set.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

using containers::selfIter;

namespace {

struct DictViewObj : Obj {
  gc::HeapValue dict;
};

struct DictIterObj : Obj {
  gc::HeapValue dict;  // null once exhausted
  int64_t used;
  int64_t pos;
  int64_t len;
};

inline Value viewDict(Value v) { return static_cast<DictViewObj*>(v.asObject())->dict.get(); }
inline DictIterObj* asIter(Value v) { return static_cast<DictIterObj*>(v.asObject()); }

// dict_keys or dict_items (PyDictViewSet_Check).
bool isSetView(Value v) {
  if (v.isSmallInt()) return false;
  return isInstance(v, types::dict_keys_type) || isInstance(v, types::dict_items_type);
}

}  // namespace

namespace dictimpl {

Value newView(Type* type, Value dict) {
  Obj* o = newObject(type, sizeof(DictViewObj));
  static_cast<DictViewObj*>(o)->dict.set(dict);
  return Value(o);
}

Value newIterator(Type* type, Value dict) {
  Obj* o = newObject(type, sizeof(DictIterObj));
  auto* it = static_cast<DictIterObj*>(o);
  it->dict.set(dict);
  it->used = dictSize(dict);
  it->len = dictSize(dict);
  bool reversed = type == types::dict_reversekeyiterator_type || type == types::dict_reversevalueiterator_type ||
                  type == types::dict_reverseitemiterator_type;
  it->pos = reversed ? entryCount(dict) - 1 : 0;
  return Value(o);
}

Value dict_iter(Value dict) { return newIterator(types::dict_keyiterator_type, dict); }

}  // namespace dictimpl

namespace {

// ---------------------------------------------------------------------------
// Iterators

enum class Kind { kKeys, kValues, kItems };

// The next entry index of a forward iterator, or -1 (exhausted or error).
int64_t nextForward(Value self) {
  DictIterObj* it = asIter(self);
  Value d = it->dict.get();
  if (d.isNull()) return -1;
  if (it->used != dictSize(d)) {
    raise(exc::RuntimeError, "dictionary changed size during iteration");
    asIter(self)->used = -1;
    return -1;
  }
  int64_t n = dictimpl::entryCount(d);
  int64_t i = it->pos;
  while (i < n && dictimpl::entryKey(d, i).isNull()) ++i;
  if (i >= n) {
    it->dict.set(Value());
    return -1;
  }
  if (it->len == 0) {
    raise(exc::RuntimeError, "dictionary keys changed during iteration");
    asIter(self)->dict.set(Value());
    return -1;
  }
  it->pos = i + 1;
  it->len -= 1;
  return i;
}

int64_t nextReverse(Value self) {
  DictIterObj* it = asIter(self);
  Value d = it->dict.get();
  if (d.isNull()) return -1;
  if (it->used != dictSize(d)) {
    raise(exc::RuntimeError, "dictionary changed size during iteration");
    asIter(self)->used = -1;
    return -1;
  }
  int64_t i = it->pos;
  while (i >= 0 && dictimpl::entryKey(d, i).isNull()) --i;
  if (i < 0) {
    it->dict.set(Value());
    return -1;
  }
  it->pos = i - 1;
  it->len -= 1;
  return i;
}

template <Kind kind>
Value produce(Value d, int64_t i) {
  if constexpr (kind == Kind::kKeys) {
    return dictimpl::entryKey(d, i);
  } else if constexpr (kind == Kind::kValues) {
    return dictimpl::entryValue(d, i);
  } else {
    return newTupleOf({dictimpl::entryKey(d, i), dictimpl::entryValue(d, i)});
  }
}

template <Kind kind>
Value dictiter_next(Value self) {
  Value d = asIter(self)->dict.get();
  int64_t i = nextForward(self);
  if (i < 0) return Value();
  return produce<kind>(d, i);
}

template <Kind kind>
Value dictreviter_next(Value self) {
  Value d = asIter(self)->dict.get();
  int64_t i = nextReverse(self);
  if (i < 0) return Value();
  return produce<kind>(d, i);
}

Value dictiter___length_hint__(Value* args) {
  DictIterObj* it = asIter(args[0]);
  Value d = it->dict.get();
  if (!d.isNull() && it->used == dictSize(d)) return newInt(it->len);
  return newInt(0);
}

// (iter, (list of the items left,)): the list drains a copy of the iterator,
// so `self` keeps its position (and a dict changed meanwhile raises as
// iterating would).
Value dictiter___reduce__(Value* args) {
  Obj* o = newObject(typeOf(args[0]), sizeof(DictIterObj));
  auto* copy = static_cast<DictIterObj*>(o);
  DictIterObj* it = asIter(args[0]);
  copy->dict.set(it->dict.get());
  copy->used = it->used;
  copy->pos = it->pos;
  copy->len = it->len;
  return containers::reduceDrainedCopy(Value(o));
}

// ---------------------------------------------------------------------------
// Views

int64_t dictview_len(Value self) { return dictSize(viewDict(self)); }

Value dictview_repr(Value self) {
  int r = reprEnter(self);
  if (r < 0) return Value();
  std::string out = typeNameOf(self);
  if (r > 0) return containers::strFromUtf8(out + "(...)");
  Value list = listFromIterable(self);
  if (list.isNull()) {
    reprLeave(self);
    return list;
  }
  out += "(";
  bool ok = containers::appendRepr(out, list);
  reprLeave(self);
  if (!ok) return Value();
  out += ")";
  return containers::strFromUtf8(out);
}

Value dictkeys_iter(Value self) { return dictimpl::newIterator(types::dict_keyiterator_type, viewDict(self)); }
Value dictvalues_iter(Value self) { return dictimpl::newIterator(types::dict_valueiterator_type, viewDict(self)); }
Value dictitems_iter(Value self) { return dictimpl::newIterator(types::dict_itemiterator_type, viewDict(self)); }

Value dictkeys___reversed__(Value* args) {
  return dictimpl::newIterator(types::dict_reversekeyiterator_type, viewDict(args[0]));
}
Value dictvalues___reversed__(Value* args) {
  return dictimpl::newIterator(types::dict_reversevalueiterator_type, viewDict(args[0]));
}
Value dictitems___reversed__(Value* args) {
  return dictimpl::newIterator(types::dict_reverseitemiterator_type, viewDict(args[0]));
}

int dictkeys_contains(Value self, Value key) { return dictContains(viewDict(self), key); }

int dictitems_contains(Value self, Value item) {
  if (!isTuple(item) || tupleLength(item) != 2) return 0;
  Value d = viewDict(self);
  Value key = tupleItem(item, 0);
  Value found = dictGet(d, key);
  if (found.isNull()) return errorPending() ? -1 : 0;
  return richCompareBool(found, tupleItem(item, 1), kEq);
}

Value dictview_mapping(Value self) {
  return newMappingProxy(viewDict(self));
}

// Is every item of `a` in `b`?  1/0/-1.
int allContainedIn(Value a, Value b) {
  Value it = getIter(a);
  if (it.isNull()) return -1;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? -1 : 1;
    int r = contains(b, item);
    if (r <= 0) return r;
  }
}

Value dictview_richcompare(Value self, Value other, int op) {
  if (!isSetView(self) || (!isAnySet(other) && !isSetView(other))) return NotImplemented();
  int64_t len_self = length(self);
  if (len_self < 0) return Value();
  int64_t len_other = length(other);
  if (len_other < 0) return Value();
  int r = 0;
  switch (op) {
    case kNe:
    case kEq:
      r = len_self == len_other ? allContainedIn(self, other) : 0;
      if (op == kNe && r >= 0) r = !r;
      break;
    case kLt: r = len_self < len_other ? allContainedIn(self, other) : 0; break;
    case kLe: r = len_self <= len_other ? allContainedIn(self, other) : 0; break;
    case kGt: r = len_self > len_other ? allContainedIn(other, self) : 0; break;
    case kGe: r = len_self >= len_other ? allContainedIn(other, self) : 0; break;
  }
  if (r < 0) return Value();
  return Bool(r != 0);
}

// set(view), taking the dict itself for a keys view of an exact dict.
Value viewToSet(Value v) {
  if (!v.isSmallInt() && isInstance(v, types::dict_keys_type) && isExactDict(viewDict(v))) {
    return newSet(viewDict(v));
  }
  return newSet(v);
}

Value dictviews_sub(Value a, Value b) {
  Value result = viewToSet(a);
  if (result.isNull() || setDifferenceUpdate(result, b) < 0) return Value();
  return result;
}

Value dictviews_or(Value a, Value b) {
  Value result = viewToSet(a);
  if (result.isNull() || setUpdate(result, b) < 0) return Value();
  return result;
}

Value dictviews_xor(Value a, Value b) {
  Value result = viewToSet(a);
  if (result.isNull() || setSymmetricDifferenceUpdate(result, b) < 0) return Value();
  return result;
}

Value dictviews_and(Value a, Value b) {
  Value self = a, other = b;
  if (!isSetView(self)) {
    self = b;
    other = a;
  }
  int64_t len_self = dictview_len(self);
  if (isExactSet(other) && len_self <= setSize(other)) return setIntersection(other, self);
  if (isSetView(other)) {
    int64_t len_other = dictview_len(other);
    if (len_other > len_self) {
      Value t = self;
      self = other;
      other = t;
    }
  }
  Value result = newSet();
  if (result.isNull()) return result;
  Value it = getIter(other);
  if (it.isNull()) return it;
  bool keys = isInstance(self, types::dict_keys_type);
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? Value() : result;
    int r = keys ? dictkeys_contains(self, item) : dictitems_contains(self, item);
    if (r < 0) return Value();
    if (r > 0 && setAdd(result, item) < 0) return Value();
  }
}

Value dictview_isdisjoint(Value* args) {
  Value self = args[0], other = args[1];
  if (self == other) return Bool(dictview_len(self) == 0);
  if (isAnySet(other) || isSetView(other)) {
    int64_t len_other = length(other);
    if (len_other < 0) return Value();
    if (len_other > dictview_len(self)) {
      Value t = self;
      self = other;
      other = t;
    }
  }
  Value it = getIter(other);
  if (it.isNull()) return it;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? Value() : True();
    int r = contains(self, item);
    if (r < 0) return Value();
    if (r > 0) return False();
  }
}

// ---------------------------------------------------------------------------
// Tables

const uint32_t kViewFields[] = {offsetof(Obj, ob_type), offsetof(DictViewObj, dict)};
const gc::Layout kViewLayout = {.name = "dict_view", .fields = kViewFields};
const uint32_t kIterFields[] = {offsetof(Obj, ob_type), offsetof(DictIterObj, dict)};
const gc::Layout kIterLayout = {.name = "dict_iterator", .fields = kIterFields};

const GetSetDef kViewGetSets[] = {
    {.name = "mapping", .get = dictview_mapping, .doc = "dictionary that this view refers to"},
};

const MethodDef kKeysMethods[] = {
    {.name = "isdisjoint", .signature = "($self, other, /)", .fn = dictview_isdisjoint,
     .doc = "Return True if the view and the given iterable have a null intersection."},
    {.name = "__reversed__", .signature = "($self, /)", .fn = dictkeys___reversed__,
     .doc = "Return a reverse iterator over the dict keys."},
};
const MethodDef kItemsMethods[] = {
    {.name = "isdisjoint", .signature = "($self, other, /)", .fn = dictview_isdisjoint,
     .doc = "Return True if the view and the given iterable have a null intersection."},
    {.name = "__reversed__", .signature = "($self, /)", .fn = dictitems___reversed__,
     .doc = "Return a reverse iterator over the dict items."},
};
const MethodDef kValuesMethods[] = {
    {.name = "__reversed__", .signature = "($self, /)", .fn = dictvalues___reversed__,
     .doc = "Return a reverse iterator over the dict values."},
};

const TypeSpec kKeysSpec = {
    .name = "dict_keys",
    .type = &types::dict_keys_type,
    .layout = &kViewLayout,
    .basic_size = sizeof(DictViewObj),
    .slots =
        {
            .tp_repr = dictview_repr,
            .tp_hash = hashNotImplemented,
            .tp_richcompare = dictview_richcompare,
            .tp_iter = dictkeys_iter,
            .nb_subtract = dictviews_sub,
            .nb_and = dictviews_and,
            .nb_xor = dictviews_xor,
            .nb_or = dictviews_or,
            .mp_length = dictview_len,
            .sq_contains = dictkeys_contains,
        },
    .methods = kKeysMethods,
    .getsets = kViewGetSets,
};
TERN_REGISTER_TYPE(kKeysSpec);

const TypeSpec kItemsSpec = {
    .name = "dict_items",
    .type = &types::dict_items_type,
    .layout = &kViewLayout,
    .basic_size = sizeof(DictViewObj),
    .slots =
        {
            .tp_repr = dictview_repr,
            .tp_hash = hashNotImplemented,
            .tp_richcompare = dictview_richcompare,
            .tp_iter = dictitems_iter,
            .nb_subtract = dictviews_sub,
            .nb_and = dictviews_and,
            .nb_xor = dictviews_xor,
            .nb_or = dictviews_or,
            .mp_length = dictview_len,
            .sq_contains = dictitems_contains,
        },
    .methods = kItemsMethods,
    .getsets = kViewGetSets,
};
TERN_REGISTER_TYPE(kItemsSpec);

const TypeSpec kValuesSpec = {
    .name = "dict_values",
    .type = &types::dict_values_type,
    .layout = &kViewLayout,
    .basic_size = sizeof(DictViewObj),
    .slots =
        {
            .tp_repr = dictview_repr,
            .tp_iter = dictvalues_iter,
            .mp_length = dictview_len,
        },
    .methods = kValuesMethods,
    .getsets = kViewGetSets,
};
TERN_REGISTER_TYPE(kValuesSpec);

const MethodDef kIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = dictiter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = dictiter___reduce__,
     .doc = "Return state information for pickling."},
};

#define TERN_DICT_ITER_SPEC(var, pyname, typevar, nextfn)                                                        \
  const TypeSpec var = {                                                                                          \
      .name = pyname,                                                                                             \
      .type = &types::typevar,                                                                                    \
      .layout = &kIterLayout,                                                                                     \
      .basic_size = sizeof(DictIterObj),                                                                          \
      .slots = {.tp_iter = selfIter, .tp_iternext = nextfn},                                                      \
      .methods = kIterMethods,                                                                                    \
  };                                                                                                              \
  TERN_REGISTER_TYPE(var)

TERN_DICT_ITER_SPEC(kKeyIterSpec, "dict_keyiterator", dict_keyiterator_type, dictiter_next<Kind::kKeys>);
TERN_DICT_ITER_SPEC(kValueIterSpec, "dict_valueiterator", dict_valueiterator_type, dictiter_next<Kind::kValues>);
TERN_DICT_ITER_SPEC(kItemIterSpec, "dict_itemiterator", dict_itemiterator_type, dictiter_next<Kind::kItems>);
TERN_DICT_ITER_SPEC(kRevKeyIterSpec, "dict_reversekeyiterator", dict_reversekeyiterator_type,
                    dictreviter_next<Kind::kKeys>);
TERN_DICT_ITER_SPEC(kRevValueIterSpec, "dict_reversevalueiterator", dict_reversevalueiterator_type,
                    dictreviter_next<Kind::kValues>);
TERN_DICT_ITER_SPEC(kRevItemIterSpec, "dict_reverseitemiterator", dict_reverseitemiterator_type,
                    dictreviter_next<Kind::kItems>);
#undef TERN_DICT_ITER_SPEC

}  // namespace
}  // namespace tern
