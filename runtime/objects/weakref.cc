// weakref.ReferenceType, weakref.ProxyType and weakref.CallableProxyType.
//
// The referent table.  CPython keeps a list of weak references in every
// weakly referenceable object (tp_weaklistoffset); Tern reserves no word in
// the referent (TypeSpec::weakrefable) and keeps the lists on the side: a map
// from the referent's gc::identity (stable while it lives) to a root vector of
// boxes, each a tiny heap object holding one weakref weakly.  The lists give
// getweakrefcount/getweakrefs, the reuse of the "basic" ref and proxy (those
// made without a callback, which CPython hands out again for the same
// referent), and the order of callbacks.
//
// Order in a list, as CPython's: the basic ref, then the basic proxy, then
// every other weakref, newest first.
//
// Invariants of the table:
//   - a box whose weakref was collected is cleared by the collector and
//     dropped from its list by the box's weak_cleared hook (or earlier, by any
//     insertion into the same list);
//   - a weakref whose referent died stays listed until its own weak_cleared
//     hook runs; the hook takes every weakref of that list whose referent is
//     null (they all died in the same collection), unlists them (key = 0) and
//     calls their callbacks in list order: callbacks of weakrefs to the same
//     object run newest first, as in CPython;
//   - an identity may be reused by a new object once the old one died, before
//     the hooks ran: lookups therefore compare the referent, not just the key.
#include "runtime/objects/weakref.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// ===========================================================================
// Helpers

// CPython's tp_name: "weakref.ProxyType" for a native type of a module,
// "int" for builtins, the __name__ of a class.
std::string tpName(Type* t) {
  if (!t->hasFlag(type_flags::kHeapType) && t->spec != nullptr && t->spec->module != nullptr &&
      std::string(t->spec->module) != "builtins") {
    return std::string(t->spec->module) + "." + typeBareName(t);
  }
  return typeBareName(t);
}

std::string address(Value v) {
  char buffer[32];
  uintptr_t id = v.isObject() ? gc::identity(v.asObject()) : v.bits();
  std::snprintf(buffer, sizeof buffer, "0x%" PRIxPTR, id);
  return buffer;
}

// Prints the pending exception as CPython's PyErr_WriteUnraisable(obj):
// "Exception ignored in: <repr of obj>" and the traceback, then clears it.
void writeUnraisable(Value obj) { printUnraisable(obj); }

// ===========================================================================
// The referent table

struct WeakBox : gc::Object {
  gc::WeakHeapValue ref;  // the weakref; null once it was collected
  uint64_t key;           // its list in the table
};

void boxCleared(gc::Object* box);

const uint32_t kBoxWeak[] = {offsetof(WeakBox, ref)};
const gc::Layout kBoxLayout = {.name = "weakref_box", .weak_fields = kBoxWeak, .weak_cleared = boxCleared};

gc::LayoutId boxLayout() {
  static gc::LayoutId id = gc::registerLayout(&kBoxLayout);
  return id;
}

using EntryList = gc::RootVector;  // boxes
std::unordered_map<uint64_t, std::unique_ptr<EntryList>>& table() {
  static auto* entries = new std::unordered_map<uint64_t, std::unique_ptr<EntryList>>();
  return *entries;
}

Value boxRef(Value box) { return static_cast<WeakBox*>(box.asObject())->ref.get(); }

EntryList* findList(uint64_t key) {
  auto it = table().find(key);
  return it == table().end() ? nullptr : it->second.get();
}

// Drops the boxes whose weakref was collected or unlisted; forgets an empty list.
void compactList(uint64_t key) {
  auto it = table().find(key);
  if (it == table().end()) return;
  EntryList& list = *it->second;
  size_t kept = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    Value ref = boxRef(list[i]);
    if (ref.isNull() || asWeakref(ref)->key != key) continue;
    list.set(kept++, list[i]);
  }
  list.resize(kept);
  if (kept == 0) table().erase(it);
}

void boxCleared(gc::Object* box) { compactList(static_cast<WeakBox*>(box)->key); }

// Is `ref` a weakref to `obj` without a callback, of exactly type `t`?
bool isBasic(Value ref, Value obj, Type* t) {
  WeakrefObj* w = asWeakref(ref);
  return typeOf(ref) == t && w->callback.get().isNull() && w->referent.get() == obj;
}

// The index of the basic weakref of type `t` to `obj` in `list`, or -1.
int64_t findBasic(EntryList& list, Value obj, Type* t) {
  for (size_t i = 0; i < list.size(); ++i) {
    Value ref = boxRef(list[i]);
    if (!ref.isNull() && isBasic(ref, obj, t)) return static_cast<int64_t>(i);
  }
  return -1;
}

// Lists the new weakref `ref` to `obj` under `key`, where CPython puts it.
void listWeakref(uint64_t key, Value obj, Value ref) {
  auto* box = static_cast<WeakBox*>(gc::allocate(boxLayout(), sizeof(WeakBox)));
  box->ref.set(ref);
  box->key = key;
  Value box_value(box);
  compactList(key);
  std::unique_ptr<EntryList>& slot = table()[key];
  if (!slot) slot = std::make_unique<EntryList>();
  EntryList& list = *slot;
  size_t position = 0;
  if (!isBasic(ref, obj, types::weakref_type)) {
    int64_t basic_ref = findBasic(list, obj, types::weakref_type);
    int64_t basic_proxy = findBasic(list, obj, types::weakproxy_type);
    int64_t basic_callable = findBasic(list, obj, types::weakcallableproxy_type);
    bool new_is_basic_proxy = isBasic(ref, obj, typeOf(ref)) &&
                              (typeOf(ref) == types::weakproxy_type || typeOf(ref) == types::weakcallableproxy_type);
    int64_t after = basic_ref;
    if (!new_is_basic_proxy) after = std::max({after, basic_proxy, basic_callable});
    position = static_cast<size_t>(after + 1);
  }
  list.push_back(Value());
  for (size_t i = list.size() - 1; i > position; --i) list.set(i, list[i - 1]);
  list.set(position, box_value);
}

// The weak_cleared hook of every weakref: its referent died.
void weakrefCleared(gc::Object* holder) {
  Value self(holder);
  if (asWeakref(self)->key == 0) return;  // handled with an earlier weakref of its list
  Value saved = takeError();
  uint64_t key = asWeakref(self)->key;
  gc::RootVector batch;
  bool self_found = false;
  if (EntryList* list = findList(key)) {
    for (size_t i = 0; i < list->size(); ++i) {
      Value ref = boxRef((*list)[i]);
      if (ref.isNull() || !asWeakref(ref)->referent.get().isNull() || asWeakref(ref)->key != key) continue;
      batch.push_back(ref);
      if (ref == self) self_found = true;
    }
  }
  if (!self_found) batch.push_back(self);
  for (size_t i = 0; i < batch.size(); ++i) asWeakref(batch[i])->key = 0;
  compactList(key);
  for (size_t i = 0; i < batch.size(); ++i) {
    Value ref = batch[i];
    Value callback = asWeakref(ref)->callback.get();
    if (callback.isNull()) continue;
    asWeakref(ref)->callback.set(Value());
    if (call1(callback, ref).isNull()) writeUnraisable(callback);
  }
  if (!saved.isNull()) restoreError(saved);
}

// ===========================================================================
// Creation

const uint32_t kWeakrefFields[] = {offsetof(WeakrefObj, ob_type), offsetof(WeakrefObj, callback)};
const uint32_t kWeakrefWeak[] = {offsetof(WeakrefObj, referent)};
const gc::Layout kWeakrefLayout = {.name = "weakref",
                                   .fields = kWeakrefFields,
                                   .weak_fields = kWeakrefWeak,
                                   .weak_cleared = weakrefCleared};

Value cannotCreate(Value obj) {
  return raisef(exc::TypeError, "cannot create weak reference to '%s' object", tpName(typeOf(obj)).c_str());
}

// A weakref of type `t` (ref, a subclass of it, or a proxy type); reuses the
// basic one when `t` is exactly a basic type and there is no callback.
Value makeWeakref(Type* t, Value obj, Value callback) {
  if (!isWeakrefable(obj)) return cannotCreate(obj);
  if (!callback.isNull() && isNone(callback)) callback = Value();
  uint64_t key = gc::identity(obj.asObject());
  bool basic_type = t == types::weakref_type || t == types::weakproxy_type || t == types::weakcallableproxy_type;
  if (callback.isNull() && basic_type) {
    if (EntryList* list = findList(key)) {
      int64_t i = findBasic(*list, obj, t);
      if (i >= 0) return boxRef((*list)[static_cast<size_t>(i)]);
    }
  }
  Value ref(newObject(t, t->basic_size));
  WeakrefObj* w = asWeakref(ref);
  w->referent.set(obj);
  w->callback.set(callback);
  w->hash = -1;
  w->key = key;
  listWeakref(key, obj, ref);
  return ref;
}

// CPython's PyArg_UnpackTuple(args, name, 1, 2): "ob[, callback]".
bool unpackObCallback(const char* name, const Value* args, size_t nargs, Value* ob, Value* callback) {
  if (nargs < 1) {
    raisef(exc::TypeError, "%s expected at least 1 argument, got %zu", name, nargs);
    return false;
  }
  if (nargs > 2) {
    raisef(exc::TypeError, "%s expected at most 2 arguments, got %zu", name, nargs);
    return false;
  }
  *ob = args[0];
  *callback = nargs == 2 ? args[1] : Value();
  return true;
}

bool noKeywords(const char* name, Value kwnames) {
  if (kwnames.isNull() || tupleLength(kwnames) == 0) return true;
  raisef(exc::TypeError, "%s takes no keyword arguments", name);
  return false;
}

// ===========================================================================
// ReferenceType

Value weakref___new__(Type* type, const Value* args, size_t nargs, Value /*kwnames: ignored, as CPython*/) {
  Value ob, callback;
  if (!unpackObCallback("__new__", args, nargs, &ob, &callback)) return Value();
  return makeWeakref(type, ob, callback);
}

int weakref___init__(Value /*self*/, const Value* args, size_t nargs, Value kwnames) {
  Value ob, callback;
  if (!noKeywords("ref()", kwnames)) return -1;
  return unpackObCallback("__init__", args, nargs, &ob, &callback) ? 0 : -1;
}

Value weakref___call__(Value self, const Value* /*args*/, size_t nargs, Value kwnames) {
  if (!noKeywords("weakref()", kwnames)) return Value();
  if (nargs != 0) return raisef(exc::TypeError, "weakref expected 0 arguments, got %zu", nargs);
  return weakrefObject(self);
}

int64_t weakref___hash__(Value self) {
  WeakrefObj* w = asWeakref(self);
  if (w->hash != -1) return w->hash;
  Value obj = w->referent.get();
  if (obj.isNull()) {
    raise(exc::TypeError, "weak object has gone away");
    return -1;
  }
  int64_t h = hash(obj);
  if (h == -1) return -1;
  asWeakref(self)->hash = h;
  return h;
}

Value weakref_richcompare(Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || !isWeakref(a) || !isWeakref(b)) return NotImplemented();
  Value x = asWeakref(a)->referent.get(), y = asWeakref(b)->referent.get();
  if (x.isNull() || y.isNull()) return Bool((a == b) == (op == kEq));
  return richCompare(x, y, op);
}

Value weakref___repr__(Value self) {
  Value obj = asWeakref(self)->referent.get();
  if (obj.isNull()) return newStr("<weakref at " + address(self) + "; dead>");
  Value name = lookupAttr(obj, names::__name__);
  if (name.isNull() && errorPending()) return Value();
  std::string out = "<weakref at " + address(self) + "; to '" + tpName(typeOf(obj)) + "' at " + address(obj);
  if (!name.isNull() && isStr(name)) out += " (" + strToUtf8(name) + ")";
  return newStr(out + ">");
}

Value weakref___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

// ===========================================================================
// ProxyType and CallableProxyType: every operation forwards to the referent.

// The referent, or null with ReferenceError pending.
Value proxyReferent(Value proxy) {
  Value obj = asWeakref(proxy)->referent.get();
  if (obj.isNull()) return raise(exc::ReferenceError, "weakly-referenced object no longer exists");
  return obj;
}

// CPython's UNWRAP: a proxy stands for its referent; false once it died.
bool unwrap(Value* v) {
  if (!v->isObject() || !isWeakrefProxy(*v)) return true;
  *v = proxyReferent(*v);
  return !v->isNull();
}

Value proxy___repr__(Value self) {
  Value obj = asWeakref(self)->referent.get();
  Value shown = obj.isNull() ? None() : obj;
  return newStr("<weakproxy at " + address(self) + " to " + tpName(typeOf(shown)) + " at " + address(shown) + ">");
}

Value proxy___str__(Value self) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? obj : str(obj);
}

int64_t proxy___hash__(Value self) {
  raisef(exc::TypeError, "unhashable type: '%s'", tpName(typeOf(self)).c_str());
  return -1;
}

Value proxy___getattribute__(Value self, Value name) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? obj : getAttr(obj, name);
}

int proxy___setattr__(Value self, Value name, Value value) {
  Value obj = proxyReferent(self);
  if (obj.isNull()) return -1;
  return value.isNull() ? delAttr(obj, name) : setAttr(obj, name, value);
}

Value proxy_richcompare(Value a, Value b, int op) {
  if (!unwrap(&a) || !unwrap(&b)) return Value();
  return richCompare(a, b, op);
}

Value proxy___call__(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? obj : call(obj, args, nargs, kwnames);
}

Value proxy___iter__(Value self) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? obj : getIter(obj);
}

Value proxy___next__(Value self) {
  Value obj = proxyReferent(self);
  if (obj.isNull()) return obj;
  UnaryFn next = typeOf(obj)->slots.tp_iternext;
  if (next == nullptr) {
    return raisef(exc::TypeError, "Weakref proxy referenced a non-iterator '%s' object", tpName(typeOf(obj)).c_str());
  }
  return next(obj);
}

template <BinOp kOp>
Value proxyBinary(Value a, Value b) {
  if (!unwrap(&a) || !unwrap(&b)) return Value();
  return binaryOp(a, b, kOp);
}

Value proxy___pow__(Value a, Value b, Value mod) {
  if (!unwrap(&a) || !unwrap(&b) || !unwrap(&mod)) return Value();
  return power(a, b, mod);
}

Value proxy___ipow__(Value a, Value b, Value mod) {
  if (!unwrap(&a) || !unwrap(&b) || !unwrap(&mod)) return Value();
  return isNone(mod) ? binaryOp(a, b, BinOp::kInplacePower) : power(a, b, mod);
}

template <Value (*kFn)(Value)>
Value proxyUnary(Value self) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? obj : kFn(obj);
}

Value toIntValue(Value v) { return call1(typeValue(types::int_type), v); }

int proxy___bool__(Value self) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? -1 : isTrue(obj);
}

int64_t proxy___len__(Value self) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? -1 : length(obj);
}

Value proxy___getitem__(Value self, Value key) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? obj : getItem(obj, key);
}

int proxy___setitem__(Value self, Value key, Value value) {
  Value obj = proxyReferent(self);
  if (obj.isNull()) return -1;
  return value.isNull() ? delItem(obj, key) : setItem(obj, key, value);
}

int proxy___contains__(Value self, Value item) {
  Value obj = proxyReferent(self);
  return obj.isNull() ? -1 : contains(obj, item);
}

Value proxy___bytes__(Value* args) {
  Value obj = proxyReferent(args[0]);
  return obj.isNull() ? obj : callMethod(obj, names::__bytes__, nullptr, 0);
}

Value proxy___reversed__(Value* args) {
  Value obj = proxyReferent(args[0]);
  return obj.isNull() ? obj : callMethod(obj, names::__reversed__, nullptr, 0);
}

// ===========================================================================
// Tables

const MethodDef kWeakrefMethods[] = {
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = weakref___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const MemberDef kWeakrefMembers[] = {
    {.name = "__callback__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(WeakrefObj, callback),
     .readonly = true},
};

const TypeSpec kWeakrefSpec = {
    .name = "ReferenceType",
    .module = "weakref",
    .type = &types::weakref_type,
    .layout = &kWeakrefLayout,
    .basic_size = sizeof(WeakrefObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = weakref___repr__,
              .tp_hash = weakref___hash__,
              .tp_call = weakref___call__,
              .tp_richcompare = weakref_richcompare,
              .tp_init = weakref___init__,
              .tp_new = weakref___new__},
    .methods = kWeakrefMethods,
    .members = kWeakrefMembers,
};
TERN_REGISTER_TYPE(kWeakrefSpec);

Value proxy___divmod__(Value a, Value b) {
  if (!unwrap(&a) || !unwrap(&b)) return Value();
  return divmod(a, b);
}

// The slots both proxy types share; the callable one adds tp_call.
constexpr Slots proxySlots(VectorcallFn call) {
  return Slots{
      .tp_repr = proxy___repr__,
      .tp_str = proxy___str__,
      .tp_hash = proxy___hash__,
      .tp_call = call,
      .tp_getattro = proxy___getattribute__,
      .tp_setattro = proxy___setattr__,
      .tp_richcompare = proxy_richcompare,
      .tp_iter = proxy___iter__,
      .tp_iternext = proxy___next__,
      .nb_add = proxyBinary<BinOp::kAdd>,
      .nb_subtract = proxyBinary<BinOp::kSubtract>,
      .nb_multiply = proxyBinary<BinOp::kMultiply>,
      .nb_remainder = proxyBinary<BinOp::kRemainder>,
      .nb_divmod = proxy___divmod__,
      .nb_lshift = proxyBinary<BinOp::kLshift>,
      .nb_rshift = proxyBinary<BinOp::kRshift>,
      .nb_and = proxyBinary<BinOp::kAnd>,
      .nb_xor = proxyBinary<BinOp::kXor>,
      .nb_or = proxyBinary<BinOp::kOr>,
      .nb_floor_divide = proxyBinary<BinOp::kFloorDivide>,
      .nb_true_divide = proxyBinary<BinOp::kTrueDivide>,
      .nb_matrix_multiply = proxyBinary<BinOp::kMatrixMultiply>,
      .nb_power = proxy___pow__,
      .nb_inplace_add = proxyBinary<BinOp::kInplaceAdd>,
      .nb_inplace_subtract = proxyBinary<BinOp::kInplaceSubtract>,
      .nb_inplace_multiply = proxyBinary<BinOp::kInplaceMultiply>,
      .nb_inplace_remainder = proxyBinary<BinOp::kInplaceRemainder>,
      .nb_inplace_lshift = proxyBinary<BinOp::kInplaceLshift>,
      .nb_inplace_rshift = proxyBinary<BinOp::kInplaceRshift>,
      .nb_inplace_and = proxyBinary<BinOp::kInplaceAnd>,
      .nb_inplace_xor = proxyBinary<BinOp::kInplaceXor>,
      .nb_inplace_or = proxyBinary<BinOp::kInplaceOr>,
      .nb_inplace_floor_divide = proxyBinary<BinOp::kInplaceFloorDivide>,
      .nb_inplace_true_divide = proxyBinary<BinOp::kInplaceTrueDivide>,
      .nb_inplace_matrix_multiply = proxyBinary<BinOp::kInplaceMatrixMultiply>,
      .nb_inplace_power = proxy___ipow__,
      .nb_negative = proxyUnary<negative>,
      .nb_positive = proxyUnary<positive>,
      .nb_absolute = proxyUnary<absolute>,
      .nb_invert = proxyUnary<invert>,
      .nb_bool = proxy___bool__,
      .nb_int = proxyUnary<toIntValue>,
      .nb_float = proxyUnary<toFloat>,
      .nb_index = proxyUnary<index>,
      .mp_length = proxy___len__,
      .mp_subscript = proxy___getitem__,
      .mp_ass_subscript = proxy___setitem__,
      .sq_contains = proxy___contains__,
  };
}

const MethodDef kProxyMethods[] = {
    {.name = "__bytes__", .signature = "($self, /)", .fn = proxy___bytes__},
    {.name = "__reversed__", .signature = "($self, /)", .fn = proxy___reversed__},
};

const TypeSpec kProxySpec = {
    .name = "ProxyType",
    .module = "weakref",
    .type = &types::weakproxy_type,
    .layout = &kWeakrefLayout,
    .basic_size = sizeof(WeakrefObj),
    .slots = proxySlots(nullptr),
    .methods = kProxyMethods,
};
TERN_REGISTER_TYPE(kProxySpec);

const TypeSpec kCallableProxySpec = {
    .name = "CallableProxyType",
    .module = "weakref",
    .type = &types::weakcallableproxy_type,
    .layout = &kWeakrefLayout,
    .basic_size = sizeof(WeakrefObj),
    .slots = proxySlots(proxy___call__),
};
TERN_REGISTER_TYPE(kCallableProxySpec);

}  // namespace

// ===========================================================================
// The C++ API

bool isWeakrefRef(Value v) { return v.isObject() && isInstance(v, types::weakref_type); }

bool isWeakrefProxy(Value v) {
  if (!v.isObject()) return false;
  Type* t = typeOf(v);
  return t == types::weakproxy_type || t == types::weakcallableproxy_type;
}

bool isWeakrefable(Value obj) { return obj.isObject() && typeOf(obj)->weaklist_offset != 0; }

Value newWeakref(Value obj, Value callback) { return makeWeakref(types::weakref_type, obj, callback); }

Value newWeakProxy(Value obj, Value callback) {
  Type* t = isCallable(obj) ? types::weakcallableproxy_type : types::weakproxy_type;
  return makeWeakref(t, obj, callback);
}

Value weakrefObject(Value ref) {
  Value obj = asWeakref(ref)->referent.get();
  return obj.isNull() ? None() : obj;
}

int64_t weakrefCount(Value obj) {
  if (!isWeakrefable(obj)) return 0;
  EntryList* list = findList(gc::identity(obj.asObject()));
  if (list == nullptr) return 0;
  int64_t n = 0;
  for (size_t i = 0; i < list->size(); ++i) {
    Value ref = boxRef((*list)[i]);
    if (!ref.isNull() && asWeakref(ref)->referent.get() == obj) ++n;
  }
  return n;
}

Value weakrefList(Value obj) {
  Value result = newList();
  if (!isWeakrefable(obj)) return result;
  EntryList* list = findList(gc::identity(obj.asObject()));
  if (list == nullptr) return result;
  for (size_t i = 0; i < list->size(); ++i) {
    Value ref = boxRef((*list)[i]);
    if (!ref.isNull() && asWeakref(ref)->referent.get() == obj && !listAppend(result, ref)) return Value();
  }
  return result;
}

}  // namespace tern
