// The slot table (slots.def) and the two things generated from it:
//   - callSlotWrapper: what a wrapper descriptor (`int.__add__`) does with
//     the slot function it wraps, per wrapper kind;
//   - the slot functions of classes defined in Python (CPython's slot_*),
//     one instantiation per table line, which look the dunder up on the
//     instance's type and call it; and updateSlots, which chooses for each
//     slot of a class between such a generic function, the native function
//     a wrapper found on the MRO wraps, or nothing.
#include "runtime/objects/slots.h"

#include <array>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <utility>

#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/runtime.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/method.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

constexpr SlotDef kSlotTable[] = {
#define TERN_SLOT(field, name, kind) {#field, offsetof(Slots, field), &names::name, WrapperKind::kind},
#include "runtime/objects/slots.def"
#undef TERN_SLOT
};
const SlotDef kSlotDefs[] = {
#define TERN_SLOT(field, name, kind) {#field, offsetof(Slots, field), &names::name, WrapperKind::kind},
#include "runtime/objects/slots.def"
#undef TERN_SLOT
};
const size_t kSlotDefCount = sizeof(kSlotDefs) / sizeof(kSlotDefs[0]);

bool toVectorcall(Value args, Value kwargs, Value* storage, Value* kwnames) {
  int64_t np = tupleLength(args);
  int64_t nk = kwargs.isNull() ? 0 : dictSize(kwargs);
  Value t = newTuple(np + nk);
  for (int64_t i = 0; i < np; ++i) tupleInit(t, i, tupleItem(args, i));
  Value names;
  if (nk > 0) {
    names = newTuple(nk);
    int64_t pos = 0, i = 0;
    Value k, v;
    while (dictNext(kwargs, &pos, &k, &v)) {
      if (!isStr(k)) {
        raise(exc::TypeError, "keywords must be strings");
        return false;
      }
      tupleInit(names, i, k);
      tupleInit(t, np + i, v);
      ++i;
    }
  }
  *storage = t;
  *kwnames = names;
  return true;
}

namespace {

// ===========================================================================
// Wrapper calls

bool noKeywords(const SlotDef* def, Value kwnames) {
  if (kwnames.isNull() || tupleLength(kwnames) == 0) return true;
  raisef(exc::TypeError, "wrapper %s() takes no keyword arguments", strToUtf8(*def->name).c_str());
  return false;
}

bool checkArgs(size_t nargs, size_t n) {
  if (nargs == n) return true;
  raisef(exc::TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
  return false;
}

template <class F>
F as(void* fn) {
  return reinterpret_cast<F>(fn);
}

Value noneOrNull(int r) { return r < 0 ? Value() : None(); }

// CPython's hackcheck: object.__setattr__(x, ...) must not bypass the
// setattr of the builtin type x's class extends (type.__setattr__ on classes).
bool hackcheck(Value self, void* fn, const char* what) {
  Type* t = typeOf(self);
  Value mro = t->mro.get();
  Type* defining = t;
  if (!mro.isNull()) {
    for (int64_t i = 0; i < tupleLength(mro); ++i) {
      defining = static_cast<Type*>(tupleItem(mro, i).asObject());
      if (!defining->hasFlag(type_flags::kHeapType)) break;
    }
  }
  if (reinterpret_cast<void*>(defining->slots.tp_setattro) != fn) {
    raisef(exc::TypeError, "can't apply this %s to %s object", what, typeName(defining).c_str());
    return false;
  }
  return true;
}

}  // namespace

Value callSlotWrapper(const SlotDef* def, void* fn, Value self, const Value* args, size_t nargs, Value kwnames) {
  WrapperKind k = def->kind;
  if (k != WrapperKind::kCall && k != WrapperKind::kInit && !noKeywords(def, kwnames)) return Value();
  switch (k) {
    case WrapperKind::kNone:
    case WrapperKind::kNew:
      return raiseSystemError("callSlotWrapper", "no wrapper for this slot");
    case WrapperKind::kUnary:
      if (!checkArgs(nargs, 0)) return Value();
      return as<UnaryFn>(fn)(self);
    case WrapperKind::kDel:
      if (!checkArgs(nargs, 0)) return Value();
      as<void (*)(Value)>(fn)(self);
      return errorPending() ? Value() : None();
    case WrapperKind::kBinary:
    case WrapperKind::kBinaryL:
      if (!checkArgs(nargs, 1)) return Value();
      return as<BinaryFn>(fn)(self, args[0]);
    case WrapperKind::kBinaryR:
      if (!checkArgs(nargs, 1)) return Value();
      return as<BinaryFn>(fn)(args[0], self);
    case WrapperKind::kTernaryL:
    case WrapperKind::kTernaryInplace:
    case WrapperKind::kTernaryR: {
      if (nargs < 1 || nargs > 2) {
        if (nargs < 1) return raisef(exc::TypeError, "expected at least 1 argument, got %zu", nargs);
        return raisef(exc::TypeError, "expected at most 2 arguments, got %zu", nargs);
      }
      Value third = nargs == 2 ? args[1] : None();
      if (k == WrapperKind::kTernaryR) return as<TernaryFn>(fn)(args[0], self, third);
      return as<TernaryFn>(fn)(self, args[0], third);
    }
    case WrapperKind::kInquiry: {
      if (!checkArgs(nargs, 0)) return Value();
      int r = as<InquiryFn>(fn)(self);
      return r < 0 ? Value() : Bool(r);
    }
    case WrapperKind::kLen: {
      if (!checkArgs(nargs, 0)) return Value();
      int64_t r = as<LenFn>(fn)(self);
      return r < 0 ? Value() : newInt(r);
    }
    case WrapperKind::kHash: {
      if (!checkArgs(nargs, 0)) return Value();
      int64_t r = as<HashFn>(fn)(self);
      return r == -1 ? Value() : newInt(r);
    }
    case WrapperKind::kCall:
      return as<VectorcallFn>(fn)(self, args, nargs, kwnames);
    case WrapperKind::kInit: {
      int r = as<InitFn>(fn)(self, args, nargs, kwnames);
      return noneOrNull(r);
    }
    case WrapperKind::kGetattr:
      if (!checkArgs(nargs, 1)) return Value();
      if (!isStr(args[0]))
        return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(args[0]).c_str());
      return as<GetAttrFn>(fn)(self, args[0]);
    case WrapperKind::kSetattr:
      if (!checkArgs(nargs, 2)) return Value();
      if (!hackcheck(self, fn, "__setattr__")) return Value();
      if (!isStr(args[0]))
        return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(args[0]).c_str());
      return noneOrNull(as<SetAttrFn>(fn)(self, args[0], args[1]));
    case WrapperKind::kDelattr:
      if (!checkArgs(nargs, 1)) return Value();
      if (!hackcheck(self, fn, "__delattr__")) return Value();
      if (!isStr(args[0]))
        return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(args[0]).c_str());
      return noneOrNull(as<SetAttrFn>(fn)(self, args[0], Value()));
    case WrapperKind::kRichLt:
    case WrapperKind::kRichLe:
    case WrapperKind::kRichEq:
    case WrapperKind::kRichNe:
    case WrapperKind::kRichGt:
    case WrapperKind::kRichGe: {
      if (!checkArgs(nargs, 1)) return Value();
      int op = static_cast<int>(k) - static_cast<int>(WrapperKind::kRichLt);
      return as<RichCompareFn>(fn)(self, args[0], op);
    }
    case WrapperKind::kNext: {
      if (!checkArgs(nargs, 0)) return Value();
      Value r = as<UnaryFn>(fn)(self);
      if (r.isNull() && !errorPending()) return raiseEmpty(exc::StopIteration);
      return r;
    }
    case WrapperKind::kDescrGet: {
      if (nargs < 1 || nargs > 2) {
        if (nargs < 1) return raisef(exc::TypeError, "expected at least 1 argument, got %zu", nargs);
        return raisef(exc::TypeError, "expected at most 2 arguments, got %zu", nargs);
      }
      Value obj = isNone(args[0]) ? Value() : args[0];
      Value type = nargs == 2 && !isNone(args[1]) ? args[1] : Value();
      if (obj.isNull() && type.isNull()) return raise(exc::TypeError, "__get__(None, None) is invalid");
      return as<DescrGetFn>(fn)(self, obj, type);
    }
    case WrapperKind::kDescrSet:
      if (!checkArgs(nargs, 2)) return Value();
      return noneOrNull(as<DescrSetFn>(fn)(self, args[0], args[1]));
    case WrapperKind::kDescrDelete:
      if (!checkArgs(nargs, 1)) return Value();
      return noneOrNull(as<DescrSetFn>(fn)(self, args[0], Value()));
    case WrapperKind::kSetItem:
      if (!checkArgs(nargs, 2)) return Value();
      return noneOrNull(as<AssSubscriptFn>(fn)(self, args[0], args[1]));
    case WrapperKind::kDelItem:
      if (!checkArgs(nargs, 1)) return Value();
      return noneOrNull(as<AssSubscriptFn>(fn)(self, args[0], Value()));
    case WrapperKind::kContains: {
      if (!checkArgs(nargs, 1)) return Value();
      int r = as<ObjObjFn>(fn)(self, args[0]);
      return r < 0 ? Value() : Bool(r);
    }
  }
  return raiseSystemError("callSlotWrapper", "bad wrapper kind");
}

// ===========================================================================
// Slot functions of classes defined in Python

namespace {

// The dunder `name` of type(self), bound or not: *unbound is set when the
// caller must pass `self` first (functions and method descriptors).
Value lookupMaybeMethod(Value self, Value name, bool* unbound) {
  Type* t = typeOf(self);
  Value res = typeLookup(t, name);
  *unbound = false;
  if (res.isNull()) return Value();
  Type* rt = typeOf(res);
  if (rt->hasFlag(type_flags::kMethodDescriptor)) {
    *unbound = true;
    return res;
  }
  if (rt->slots.tp_descr_get != nullptr) return rt->slots.tp_descr_get(res, self, typeValue(t));
  return res;
}

Value callFound(Value fn, bool unbound, Value self, const Value* args, size_t nargs, Value kwnames = Value()) {
  if (unbound) return callWithSelf(fn, self, args, nargs, kwnames);
  return call(fn, args, nargs, kwnames);
}

// self.<name>(*args) looked up on the type; AttributeError if absent.
Value callDunder(Value self, Value name, const Value* args, size_t nargs, Value kwnames = Value()) {
  bool unbound;
  Value fn = lookupMaybeMethod(self, name, &unbound);
  if (fn.isNull()) {
    if (!errorPending()) raiseException(newException(exc::AttributeError, newTupleOf({name})));
    return Value();
  }
  return callFound(fn, unbound, self, args, nargs, kwnames);
}

template <size_t I>
Value slotUnary(Value self) {
  return callDunder(self, *kSlotTable[I].name, nullptr, 0);
}

template <size_t I>
Value slotBinary(Value self, Value other) {
  Value args[1] = {other};
  return callDunder(self, *kSlotTable[I].name, args, 1);
}

// Does `name` resolve to something different on type(b) than on type(a)?
bool methodIsOverloaded(Type* left, Type* right, Value name) {
  Value a = typeLookup(right, name);
  if (a.isNull()) return false;
  Value b = typeLookup(left, name);
  if (b.isNull()) return true;
  return a != b;
}

// CPython's SLOT1BINFULL: a binary operator slot of a class defined in Python
// gets the operands in source order and must tell which of them is its own.
template <size_t I>
Value binaryFull(Value self, Value other, void* me) {
  const SlotDef& d = kSlotTable[I];
  Value lname = *d.name;
  Value rname = *kSlotTable[I + 1].name;
  Type* st = typeOf(self);
  Type* ot = typeOf(other);
  bool do_other = st != ot && slotGet(ot->slots, d.offset) == me;
  if (do_other) {
    Value r = typeLookup(ot, rname);
    if (r.isNull()) {
      if (errorPending()) return Value();
      do_other = false;
    }
  }
  if (slotGet(st->slots, d.offset) == me) {
    if (do_other && isSubtype(ot, st) && methodIsOverloaded(st, ot, rname)) {
      Value args[1] = {self};
      bool unbound;
      Value fn = lookupMaybeMethod(other, rname, &unbound);
      if (fn.isNull() && errorPending()) return Value();
      if (!fn.isNull()) {
        Value r = callFound(fn, unbound, other, args, 1);
        if (r.isNull() || r != NotImplemented()) return r;
      }
      do_other = false;
    }
    bool unbound;
    Value fn = lookupMaybeMethod(self, lname, &unbound);
    Value r;
    if (fn.isNull()) {
      if (errorPending()) return Value();
      r = NotImplemented();
    } else {
      Value args[1] = {other};
      r = callFound(fn, unbound, self, args, 1);
    }
    if (r.isNull() || r != NotImplemented() || st == ot) return r;
  }
  if (do_other) {
    bool unbound;
    Value fn = lookupMaybeMethod(other, rname, &unbound);
    if (fn.isNull()) return errorPending() ? Value() : NotImplemented();
    Value args[1] = {self};
    return callFound(fn, unbound, other, args, 1);
  }
  return NotImplemented();
}

template <size_t I>
Value slotBinaryFull(Value self, Value other) {
  return binaryFull<I>(self, other, reinterpret_cast<void*>(&slotBinaryFull<I>));
}

template <size_t I>
Value slotPower(Value self, Value other, Value mod) {
  if (mod.isNull() || isNone(mod)) return binaryFull<I>(self, other, reinterpret_cast<void*>(&slotPower<I>));
  // Three-argument pow never tries __rpow__.
  if (slotGet(typeOf(self)->slots, kSlotTable[I].offset) == reinterpret_cast<void*>(&slotPower<I>)) {
    Value args[2] = {other, mod};
    return callDunder(self, *kSlotTable[I].name, args, 2);
  }
  return NotImplemented();
}

template <size_t I>
Value slotInplacePower(Value self, Value other, Value) {
  // As CPython: __ipow__ gets the one operand (three-argument pow is never in-place).
  Value args[1] = {other};
  return callDunder(self, *kSlotTable[I].name, args, 1);
}

Value slotRichCompare(Value self, Value other, int op) {
  static const Value* kNames[6] = {&names::__lt__, &names::__le__, &names::__eq__,
                                   &names::__ne__, &names::__gt__, &names::__ge__};
  bool unbound;
  Value fn = lookupMaybeMethod(self, *kNames[op], &unbound);
  if (fn.isNull()) return errorPending() ? Value() : NotImplemented();
  Value args[1] = {other};
  return callFound(fn, unbound, self, args, 1);
}

int64_t slotHash(Value self) {
  bool unbound;
  Value fn = lookupMaybeMethod(self, names::__hash__, &unbound);
  if (fn.isNull() || isNone(fn)) {
    if (!errorPending()) return hashNotImplemented(self);
    return -1;
  }
  Value r = callFound(fn, unbound, self, nullptr, 0);
  if (r.isNull()) return -1;
  if (!isInt(r)) {
    raise(exc::TypeError, "__hash__ method should return an integer");
    return -1;
  }
  int64_t h;
  if (r.isSmallInt()) {
    h = r.asSmallInt();
  } else if (!intToInt64(r, &h)) {
    clearError();
    // Too big: hash the int itself (as CPython reduces it).
    h = hash(r);
    if (h == -1 && errorPending()) return -1;
  } else if (!isExactInt(r)) {
    h = hash(r);
  }
  return h == -1 ? -2 : h;
}

// Guarded: a __call__ that is itself an instance with a __call__ recurses
// here without a Python frame in between (`B.__call__ = B()`).
Value slotCall(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!enterRecursiveCall(" while calling a Python object")) return Value();
  Value r = callDunder(self, names::__call__, args, nargs, kwnames);
  leaveRecursiveCall();
  return r;
}

Value slotGetattrHook(Value self, Value name);

int slotSetattro(Value self, Value name, Value value) {
  Value r;
  if (value.isNull()) {
    Value args[1] = {name};
    r = callDunder(self, names::__delattr__, args, 1);
  } else {
    Value args[2] = {name, value};
    r = callDunder(self, names::__setattr__, args, 2);
  }
  return r.isNull() ? -1 : 0;
}

Value slotIter(Value self) {
  bool unbound;
  Value fn = lookupMaybeMethod(self, names::__iter__, &unbound);
  if (fn.isNull() && errorPending()) return Value();
  if (fn.isNull() || isNone(fn)) return raisef(exc::TypeError, "'%s' object is not iterable", typeNameOf(self).c_str());
  return callFound(fn, unbound, self, nullptr, 0);
}

Value slotIternext(Value self) {
  // A StopIteration raised by __next__ stays pending: its args and value
  // reach `next()` and `yield from` (object.h allows both forms of the end).
  return callDunder(self, names::__next__, nullptr, 0);
}

Value slotDescrGet(Value self, Value obj, Value type) {
  bool unbound = false;
  Type* t = typeOf(self);
  Value get = typeLookup(t, names::__get__);
  if (get.isNull()) return errorPending() ? Value() : self;
  if (obj.isNull()) obj = None();
  if (type.isNull()) type = None();
  Value args[3] = {self, obj, type};
  (void)unbound;
  if (typeOf(get)->hasFlag(type_flags::kMethodDescriptor)) return call(get, args, 3);
  Value bound = lookupMaybeMethod(self, names::__get__, &unbound);
  if (bound.isNull()) return Value();
  return callFound(bound, unbound, self, args + 1, 2);
}

int slotDescrSet(Value self, Value obj, Value value) {
  Value r;
  if (value.isNull()) {
    Value args[1] = {obj};
    r = callDunder(self, names::__delete__, args, 1);
  } else {
    Value args[2] = {obj, value};
    r = callDunder(self, names::__set__, args, 2);
  }
  return r.isNull() ? -1 : 0;
}

void slotFinalize(Value self) {
  Value saved = takeError();
  Value r = callDunder(self, names::__del__, nullptr, 0);
  if (r.isNull()) {
    // Reported with the __del__ function as the object, as CPython does.
    Value e = takeError();
    Value fn = typeLookup(typeOf(self), names::__del__);
    if (errorPending()) clearError();
    restoreError(e);
    printUnraisable(fn);
  }
  if (!saved.isNull()) restoreError(saved);
}

int slotBool(Value self) {
  Value r = callDunder(self, names::__bool__, nullptr, 0);
  if (r.isNull()) return -1;
  if (!isBool(r)) {
    raisef(exc::TypeError, "__bool__ should return bool, returned %s", typeNameOf(r).c_str());
    return -1;
  }
  return r == True() ? 1 : 0;
}

int64_t slotLength(Value self) {
  Value r = callDunder(self, names::__len__, nullptr, 0);
  if (r.isNull()) return -1;
  Value i = index(r);
  if (i.isNull()) return -1;
  if (intSign(i) < 0) {
    raise(exc::ValueError, "__len__() should return >= 0");
    return -1;
  }
  int64_t n;
  if (!intToInt64(i, &n)) {
    clearError();
    raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer", typeNameOf(r).c_str());
    return -1;
  }
  return n;
}

int slotAssSubscript(Value self, Value key, Value value) {
  Value r;
  if (value.isNull()) {
    Value args[1] = {key};
    r = callDunder(self, names::__delitem__, args, 1);
  } else {
    Value args[2] = {key, value};
    r = callDunder(self, names::__setitem__, args, 2);
  }
  return r.isNull() ? -1 : 0;
}

int slotContains(Value self, Value item) {
  bool unbound;
  Value fn = lookupMaybeMethod(self, names::__contains__, &unbound);
  if (fn.isNull() && errorPending()) return -1;
  if (!fn.isNull() && isNone(fn)) {
    raisef(exc::TypeError, "'%s' object is not a container", typeNameOf(self).c_str());
    return -1;
  }
  if (fn.isNull()) {
    // Iteration fallback (CPython's _PySequence_IterSearch).
    Value it = getIter(self);
    if (it.isNull()) {
      if (errorMatches(exc::TypeError)) {
        clearError();
        raisef(exc::TypeError, "argument of type '%s' is not iterable", typeNameOf(self).c_str());
      }
      return -1;
    }
    for (;;) {
      Value x = iterNext(it);
      if (x.isNull()) return errorPending() ? -1 : 0;
      int c = richCompareBool(x, item, kEq);
      if (c != 0) return c;
    }
  }
  Value args[1] = {item};
  Value r = callFound(fn, unbound, self, args, 1);
  if (r.isNull()) return -1;
  return isTrue(r);
}

void slotDel(Value self) { slotFinalize(self); }

template <size_t I>
constexpr void* genericFor() {
  constexpr SlotDef d = kSlotTable[I];
  constexpr WrapperKind k = d.kind;
  if constexpr (k == WrapperKind::kBinaryL) {
    return reinterpret_cast<void*>(&slotBinaryFull<I>);
  } else if constexpr (k == WrapperKind::kBinaryR) {
    return reinterpret_cast<void*>(&slotBinaryFull<I - 1>);
  } else if constexpr (k == WrapperKind::kTernaryL) {
    return reinterpret_cast<void*>(&slotPower<I>);
  } else if constexpr (k == WrapperKind::kTernaryR) {
    return reinterpret_cast<void*>(&slotPower<I - 1>);
  } else if constexpr (k == WrapperKind::kTernaryInplace) {
    return reinterpret_cast<void*>(&slotInplacePower<I>);
  } else if constexpr (k == WrapperKind::kBinary) {
    return reinterpret_cast<void*>(&slotBinary<I>);
  } else if constexpr (k == WrapperKind::kUnary) {
    return reinterpret_cast<void*>(&slotUnary<I>);
  } else if constexpr (k == WrapperKind::kRichLt || k == WrapperKind::kRichLe || k == WrapperKind::kRichEq ||
                       k == WrapperKind::kRichNe || k == WrapperKind::kRichGt || k == WrapperKind::kRichGe) {
    return reinterpret_cast<void*>(&slotRichCompare);
  } else if constexpr (k == WrapperKind::kHash) {
    return reinterpret_cast<void*>(&slotHash);
  } else if constexpr (k == WrapperKind::kCall) {
    return reinterpret_cast<void*>(&slotCall);
  } else if constexpr (k == WrapperKind::kGetattr || k == WrapperKind::kNone) {
    return reinterpret_cast<void*>(&slotGetattrHook);
  } else if constexpr (k == WrapperKind::kSetattr || k == WrapperKind::kDelattr) {
    return reinterpret_cast<void*>(&slotSetattro);
  } else if constexpr (k == WrapperKind::kNext) {
    return reinterpret_cast<void*>(&slotIternext);
  } else if constexpr (k == WrapperKind::kDescrGet) {
    return reinterpret_cast<void*>(&slotDescrGet);
  } else if constexpr (k == WrapperKind::kDescrSet || k == WrapperKind::kDescrDelete) {
    return reinterpret_cast<void*>(&slotDescrSet);
  } else if constexpr (k == WrapperKind::kInit) {
    return reinterpret_cast<void*>(&slot_tp_init);
  } else if constexpr (k == WrapperKind::kNew) {
    return reinterpret_cast<void*>(&slot_tp_new);
  } else if constexpr (k == WrapperKind::kDel) {
    return reinterpret_cast<void*>(&slotDel);
  } else if constexpr (k == WrapperKind::kInquiry) {
    return reinterpret_cast<void*>(&slotBool);
  } else if constexpr (k == WrapperKind::kLen) {
    return reinterpret_cast<void*>(&slotLength);
  } else if constexpr (k == WrapperKind::kSetItem || k == WrapperKind::kDelItem) {
    return reinterpret_cast<void*>(&slotAssSubscript);
  } else if constexpr (k == WrapperKind::kContains) {
    return reinterpret_cast<void*>(&slotContains);
  } else {
    return nullptr;
  }
}

template <size_t... I>
constexpr auto makeGenericTable(std::index_sequence<I...>) {
  return std::array<void*, sizeof...(I)>{genericFor<I>()...};
}

}  // namespace

namespace {
const std::array<void*, sizeof(kSlotTable) / sizeof(kSlotTable[0])> kGenericSlots =
    makeGenericTable(std::make_index_sequence<sizeof(kSlotTable) / sizeof(kSlotTable[0])>());

// Special cases the generic table does not cover: iterators (a None __iter__
// means "not iterable"), and the slots wrappers are not generic for.
void* genericAt(size_t i) {
  if (kSlotTable[i].offset == offsetof(Slots, tp_iter)) return reinterpret_cast<void*>(&slotIter);
  return kGenericSlots[i];
}
}  // namespace

void* genericSlotFunction(const SlotDef* def) { return genericAt(static_cast<size_t>(def - kSlotDefs)); }

Value slot_tp_getattr_hook(Value self, Value name) { return slotGetattrHook(self, name); }

namespace {

Value slotGetattrHook(Value self, Value name) {
  Type* t = typeOf(self);
  Value getattr = typeLookup(t, names::__getattr__);
  Value getattribute = typeLookup(t, names::__getattribute__);
  if (getattr.isNull() && errorPending()) return Value();
  Value res;
  if (!getattribute.isNull() && typeOf(getattribute) == types::wrapper_descriptor_type &&
      static_cast<WrapperDescrObj*>(getattribute.asObject())->slot->offset == offsetof(Slots, tp_getattro) &&
      isInstance(self, static_cast<Type*>(static_cast<WrapperDescrObj*>(getattribute.asObject())->type.get().asObject()))) {
    // A native __getattribute__ (object's, type's, ...): call it directly.
    res = reinterpret_cast<GetAttrFn>(static_cast<WrapperDescrObj*>(getattribute.asObject())->fn)(self, name);
  } else if (getattribute.isNull()) {
    res = genericGetAttr(self, name);
  } else {
    Value args[1] = {name};
    Type* gt = typeOf(getattribute);
    if (gt->hasFlag(type_flags::kMethodDescriptor)) {
      res = callWithSelf(getattribute, self, args, 1, Value());
    } else {
      Value fn = getattribute;
      if (gt->slots.tp_descr_get != nullptr) fn = gt->slots.tp_descr_get(getattribute, self, typeValue(t));
      res = fn.isNull() ? Value() : call(fn, args, 1);
    }
  }
  if (!res.isNull() || getattr.isNull()) return res;
  if (!errorMatches(exc::AttributeError)) return Value();
  clearError();
  Value args[1] = {name};
  Type* gt = typeOf(getattr);
  if (gt->hasFlag(type_flags::kMethodDescriptor)) return callWithSelf(getattr, self, args, 1, Value());
  Value fn = getattr;
  if (gt->slots.tp_descr_get != nullptr) fn = gt->slots.tp_descr_get(getattr, self, typeValue(t));
  return fn.isNull() ? Value() : call(fn, args, 1);
}

}  // namespace

Value slot_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value fn = typeGetAttr(typeValue(type), names::__new__);
  if (fn.isNull()) return Value();
  return callWithSelf(fn, typeValue(type), args, nargs, kwnames);
}

int slot_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value r = callDunder(self, names::__init__, args, nargs, kwnames);
  if (r.isNull()) return -1;
  if (!isNone(r)) {
    raisef(exc::TypeError, "__init__() should return None, not '%s'", typeNameOf(r).c_str());
    return -1;
  }
  return 0;
}

// ===========================================================================
// Choosing the slots of classes defined in Python

namespace {

// What slot `offset` of `type` should be, from the dunders on its MRO.
void* computeSlot(Type* type, size_t first, size_t last) {
  size_t offset = kSlotDefs[first].offset;
  void* specific = nullptr;
  bool use_generic = false;
  bool any = false;
  size_t generic_index = first;
  for (size_t i = first; i < last; ++i) {
    const SlotDef& d = kSlotDefs[i];
    Value descr = typeLookup(type, *d.name);
    if (descr.isNull()) {
      if (errorPending()) clearError();
      continue;
    }
    any = true;
    if (d.kind == WrapperKind::kNone) {  // __getattr__
      use_generic = true;
      generic_index = i;
      continue;
    }
    if (typeOf(descr) == types::wrapper_descriptor_type) {
      auto* w = static_cast<WrapperDescrObj*>(descr.asObject());
      Type* owner = static_cast<Type*>(w->type.get().asObject());
      if (w->slot->offset == offset && isSubtype(type, owner)) {
        if (specific == nullptr || specific == w->fn) {
          specific = w->fn;
          continue;
        }
      }
      use_generic = true;
      continue;
    }
    if (offset == offsetof(Slots, tp_hash) && isNone(descr)) {
      specific = reinterpret_cast<void*>(&hashNotImplemented);
      continue;
    }
    if (offset == offsetof(Slots, tp_new) && isBuiltinFunctionOf(descr, &kTpNewWrapperDef)) {
      Value owner = static_cast<BuiltinFunctionObj*>(descr.asObject())->self.get();
      void* fn = reinterpret_cast<void*>(static_cast<Type*>(owner.asObject())->slots.tp_new);
      if (specific == nullptr || specific == fn) {
        specific = fn;
        continue;
      }
    }
    use_generic = true;
  }
  if (!any) return nullptr;
  if (use_generic) return genericAt(generic_index);
  return specific;
}

// Is `type`'s MRO `base`'s with `type` in front?
bool mroExtends(Type* type, Type* base) {
  Value mro = type->mro.get(), base_mro = base->mro.get();
  if (mro.isNull() || base_mro.isNull()) return false;
  int64_t n = tupleLength(base_mro);
  if (tupleLength(mro) != n + 1) return false;
  for (int64_t i = 0; i < n; ++i)
    if (tupleItem(mro, i + 1) != tupleItem(base_mro, i)) return false;
  return true;
}

// A base whose slots `type`'s equal wherever `type`'s own namespace defines
// none of a slot's names: a class (so its slots are computeSlot's results, kept
// current by updateSlots) whose MRO is the rest of `type`'s, so that every
// lookup missing `type`'s dict finds what it finds from that base.  Null when
// there is none (multiple inheritance, a builtin base).
Type* slotTwin(Type* type) {
  Value b = type->base.get();
  if (b.isNull() || !static_cast<Type*>(b.asObject())->hasFlag(type_flags::kHeapType)) return nullptr;
  Type* base = static_cast<Type*>(b.asObject());
  return mroExtends(type, base) ? base : nullptr;
}

// For a builtin base, whose own slots are its C++ functions rather than
// computeSlot's results: what computeSlot gives a class deriving from it alone
// for each slot group its namespace leaves alone.  That depends on the base's
// MRO only, so it is computed for the first such class and reused, while the
// base's version_tag (which changes whenever a dict on its MRO does) holds.
struct EmptySubclassSlots {
  uint64_t version = 0;
  Slots slots{};
  std::array<bool, kSlotDefCount> known{};  // by the index of a group's first SlotDef
};

// Keyed by builtin types, which never move and never die.
std::unordered_map<const Type*, EmptySubclassSlots>* g_empty_subclass_slots = nullptr;

EmptySubclassSlots* emptySubclassSlots(Type* type) {
  Value b = type->base.get();
  if (b.isNull()) return nullptr;
  auto* base = static_cast<Type*>(b.asObject());
  if (base->hasFlag(type_flags::kHeapType) || base->version_tag == 0 || !mroExtends(type, base)) return nullptr;
  if (g_empty_subclass_slots == nullptr) g_empty_subclass_slots = new std::unordered_map<const Type*, EmptySubclassSlots>();
  EmptySubclassSlots& entry = (*g_empty_subclass_slots)[base];
  if (entry.version != base->version_tag) entry = EmptySubclassSlots{.version = base->version_tag};
  return &entry;
}

bool definesAnyOf(Value dict, size_t first, size_t last) {
  for (size_t k = first; k < last; ++k)
    if (!dictGetStr(dict, *kSlotDefs[k].name).isNull()) return true;
  return false;
}

void updateSlotsRecursive(Type* type, void* data) {
  Value name = *static_cast<Value*>(data);
  if (!type->hasFlag(type_flags::kHeapType)) return;
  Type* twin = name.isNull() ? slotTwin(type) : nullptr;
  EmptySubclassSlots* empty = name.isNull() && twin == nullptr ? emptySubclassSlots(type) : nullptr;
  Value own = type->dict.get();
  size_t i = 0;
  while (i < kSlotDefCount) {
    size_t j = i + 1;
    while (j < kSlotDefCount && kSlotDefs[j].offset == kSlotDefs[i].offset) ++j;
    size_t offset = kSlotDefs[i].offset;
    if (twin != nullptr && !definesAnyOf(own, i, j)) {
      slotSet(type->slots, offset, slotGet(twin->slots, offset));
    } else if (empty != nullptr && !definesAnyOf(own, i, j)) {
      if (!empty->known[i]) {
        slotSet(empty->slots, offset, computeSlot(type, i, j));
        empty->known[i] = true;
      }
      slotSet(type->slots, offset, slotGet(empty->slots, offset));
    } else {
      bool relevant = name.isNull();
      for (size_t k = i; k < j && !relevant; ++k)
        if (strEquals(*kSlotDefs[k].name, name)) relevant = true;
      if (relevant) slotSet(type->slots, offset, computeSlot(type, i, j));
    }
    i = j;
  }
  forEachSubclass(type, updateSlotsRecursive, data);
}

}  // namespace

void updateSlots(Type* type, Value name) {
  Value n = name;
  updateSlotsRecursive(type, &n);
}

// ===========================================================================
// __new__ of builtin types

namespace {

Value tp_new_wrapper(Value* args) {
  Type* self_type = static_cast<Type*>(args[0].asObject());
  Value rest = args[1];
  Value kwargs = args[2];
  std::string me = typeName(self_type);
  if (tupleLength(rest) < 1) return raisef(exc::TypeError, "%s.__new__(): not enough arguments", me.c_str());
  Value arg0 = tupleItem(rest, 0);
  if (!arg0.isObject() || !hasTypeFlag(arg0, type_flags::kTypeSubclass))
    return raisef(exc::TypeError, "%s.__new__(X): X is not a type object (%s)", me.c_str(), typeNameOf(arg0).c_str());
  Type* sub = static_cast<Type*>(arg0.asObject());
  if (!isSubtype(sub, self_type)) {
    return raisef(exc::TypeError, "%s.__new__(%s): %s is not a subtype of %s", me.c_str(), typeName(sub).c_str(),
                  typeName(sub).c_str(), me.c_str());
  }
  Type* staticbase = sub;
  while (staticbase != nullptr && staticbase->slots.tp_new == &slot_tp_new)
    staticbase = static_cast<Type*>(staticbase->base.get().asObject());
  if (staticbase != nullptr && staticbase->slots.tp_new != self_type->slots.tp_new) {
    return raisef(exc::TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", me.c_str(), typeName(sub).c_str(),
                  typeName(staticbase).c_str());
  }
  Value rest_args = newTuple(tupleLength(rest) - 1);
  for (int64_t i = 1; i < tupleLength(rest); ++i) tupleInit(rest_args, i - 1, tupleItem(rest, i));
  Value storage, kwnames;
  if (!toVectorcall(rest_args, kwargs, &storage, &kwnames)) return Value();
  size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  return self_type->slots.tp_new(sub, tupleItems(storage), static_cast<size_t>(tupleLength(storage)) - nk, kwnames);
}

}  // namespace

const MethodDef kTpNewWrapperDef = {
    .name = "__new__",
    .signature = "($type, *args, **kwargs)",
    .fn = tp_new_wrapper,
    .doc = "Create and return a new object.  See help(type) for accurate signature."};

}  // namespace tern
