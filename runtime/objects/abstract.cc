// The abstract object protocols (abstract.h): attributes, calls,
// conversions, comparisons, numbers and containers for any object, through
// the type's slots, with CPython 3.11's semantics and error messages.
#include "runtime/objects/abstract.h"

#include <cstdio>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/instance_attrs.h"
#include "runtime/objects/int.h"
#include "runtime/objects/method.h"
#include "runtime/objects/slots.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

bool isTypeObject(Value v) { return v.isObject() && hasTypeFlag(v, type_flags::kTypeSubclass); }
Type* asType(Value v) { return static_cast<Type*>(v.asObject()); }

Value raiseAttrNameType(Value name) {
  return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(name).c_str());
}

}  // namespace

// ===========================================================================
// Attributes

Value genericGetAttrImpl(Value obj, Value name, bool suppress);  // object.cc
Value typeGetAttrImpl(Value type, Value name, bool suppress);    // type.cc

Value getAttr(Value obj, Value name) {
  if (!isStr(name)) return raiseAttrNameType(name);
  GetAttrFn f = typeOf(obj)->slots.tp_getattro;
  if (f == nullptr || f == genericGetAttr) return genericGetAttrImpl(obj, name, false);
  return f(obj, name);
}

Value lookupAttr(Value obj, Value name) {
  if (isStr(name)) {
    GetAttrFn f = typeOf(obj)->slots.tp_getattro;
    if (f == genericGetAttr) return genericGetAttrImpl(obj, name, true);
    if (f == typeGetAttr) return typeGetAttrImpl(obj, name, true);
  }
  Value v = getAttr(obj, name);
  if (v.isNull() && errorMatches(exc::AttributeError)) clearError();
  return v;
}

int setAttr(Value obj, Value name, Value value) {
  if (!isStr(name)) {
    raiseAttrNameType(name);
    return -1;
  }
  SetAttrFn f = typeOf(obj)->slots.tp_setattro;
  if (f == nullptr) {
    raisef(exc::AttributeError, "'%s' object has no attribute '%s'", typeNameOf(obj).c_str(), strToUtf8(name).c_str());
    return -1;
  }
  return f(obj, name, value);
}

int delAttr(Value obj, Value name) { return setAttr(obj, name, Value()); }

Value lookupSpecial(Type* type, Value name) { return typeLookup(type, name); }

// ===========================================================================
// Calls

Value call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  VectorcallFn f = typeOf(callable)->slots.tp_call;
  if (f == nullptr) return raisef(exc::TypeError, "'%s' object is not callable", typeNameOf(callable).c_str());
  Value r = f(callable, args, nargs, kwnames);
#ifndef NDEBUG
  if (r.isNull() && !errorPending()) {
    return raisef(exc::SystemError, "%s returned NULL without setting an exception", strToUtf8(repr(callable)).c_str());
  }
#endif
  return r;
}

Value callTupleDict(Value callable, Value args, Value kwargs) {
  if (args.isNull()) args = newTuple(0);
  if (kwargs.isNull() || dictSize(kwargs) == 0) {
    return call(callable, tupleItems(args), static_cast<size_t>(tupleLength(args)), Value());
  }
  Value storage, kwnames;
  if (!toVectorcall(args, kwargs, &storage, &kwnames)) return Value();
  return call(callable, tupleItems(storage), static_cast<size_t>(tupleLength(args)), kwnames);
}

Value call0(Value callable) { return call(callable, nullptr, 0); }
Value call1(Value callable, Value a) {
  Value args[1] = {a};
  return call(callable, args, 1);
}
Value call2(Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return call(callable, args, 2);
}

Value callMethod(Value obj, Value name, const Value* args, size_t nargs) {
  Type* t = typeOf(obj);
  if (t->slots.tp_getattro == genericGetAttr) {
    Value descr = typeLookup(t, name);
    if (!descr.isNull() && typeOf(descr)->hasFlag(type_flags::kMethodDescriptor)) {
      // An instance attribute would shadow it.
      Value d = t->dict_offset != 0 ? instanceSlot(obj, t->dict_offset)->get() : Value();
      Value shadow = d.isNull()   ? Value()
                     : isShape(d) ? inlineGet(obj, t, asShape(d), name)
                                  : dictGet(d, name);
      if (shadow.isNull()) {
        if (errorPending()) return Value();
        return callWithSelf(descr, obj, args, nargs, Value());
      }
    }
  }
  Value fn = getAttr(obj, name);
  if (fn.isNull()) return Value();
  return call(fn, args, nargs);
}

Value callSpecial(Value obj, Value name, const Value* args, size_t nargs, bool* found) {
  Type* t = typeOf(obj);
  Value fn = typeLookup(t, name);
  if (fn.isNull()) {
    *found = false;
    return Value();
  }
  *found = true;
  Type* ft = typeOf(fn);
  if (ft->hasFlag(type_flags::kMethodDescriptor)) return callWithSelf(fn, obj, args, nargs, Value());
  if (ft->slots.tp_descr_get != nullptr) {
    fn = ft->slots.tp_descr_get(fn, obj, typeValue(t));
    if (fn.isNull()) return Value();
  }
  return call(fn, args, nargs);
}

bool isCallable(Value v) { return typeOf(v)->slots.tp_call != nullptr; }

// ===========================================================================
// Conversions

// repr() and str() are a level of recursion each, as CPython counts them
// (PyObject_Repr, PyObject_Str): a __repr__ that recurses ends in their
// RecursionError when it is their turn to pass the limit.
Value repr(Value v) {
  UnaryFn f = typeOf(v)->slots.tp_repr;
  if (f == nullptr) return newStr("<" + typeNameOf(v) + " object>");
  if (!enterRecursiveCall(" while getting the repr of an object")) return Value();
  Value r = f(v);
  leaveRecursiveCall();
  if (r.isNull()) return r;
  if (!isStr(r)) return raisef(exc::TypeError, "__repr__ returned non-string (type %s)", typeNameOf(r).c_str());
  return r;
}

Value str(Value v) {
  if (isExactStr(v)) return v;
  UnaryFn f = typeOf(v)->slots.tp_str;
  if (f == nullptr) return repr(v);
  if (!enterRecursiveCall(" while getting the str of an object")) return Value();
  Value r = f(v);
  leaveRecursiveCall();
  if (r.isNull()) return r;
  if (!isStr(r)) return raisef(exc::TypeError, "__str__ returned non-string (type %s)", typeNameOf(r).c_str());
  return r;
}

Value ascii(Value v) {
  Value r = repr(v);
  if (r.isNull()) return r;
  StrObj* s = asStr(r);
  if (s->ascii) return r;
  std::u32string units = strToUcs4(r);
  std::string out;
  char buf[16];
  for (char32_t c : units) {
    if (c < 128) {
      out += static_cast<char>(c);
    } else if (c < 0x100) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if (c < 0x10000) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
      out += buf;
    }
  }
  return newStr(out);
}

Value format(Value v, Value spec) {
  if (spec.isNull()) spec = names::empty;
  if (isExactStr(v) && isExactStr(spec) && asStr(spec)->length == 0) return v;
  bool found;
  Value args[1] = {spec};
  Value r = callSpecial(v, names::__format__, args, 1, &found);
  if (!found) {
    if (errorPending()) return Value();
    return raisef(exc::TypeError, "Type %s doesn't define __format__", typeNameOf(v).c_str());
  }
  if (r.isNull()) return r;
  if (!isStr(r)) return raisef(exc::TypeError, "__format__ must return a str, not %s", typeNameOf(r).c_str());
  return r;
}

int64_t hash(Value v) {
  if (v.isSmallInt()) {
    HashFn f = types::int_type->slots.tp_hash;
    if (f != nullptr) return f(v);
  }
  HashFn f = typeOf(v)->slots.tp_hash;
  if (f == nullptr) return hashNotImplemented(v);
  return f(v);
}

namespace {

const char* const kOpSymbols[6] = {"<", "<=", "==", "!=", ">", ">="};
const int kSwapped[6] = {kGt, kGe, kEq, kNe, kLt, kLe};

}  // namespace

Value richCompare(Value v, Value w, int op) {
  Type* vt = typeOf(v);
  Type* wt = typeOf(w);
  bool checked_reverse = false;
  RichCompareFn vf = vt->slots.tp_richcompare;
  RichCompareFn wf = wt->slots.tp_richcompare;
  if (vt != wt && isSubtype(wt, vt) && wf != nullptr) {
    checked_reverse = true;
    Value r = wf(w, v, kSwapped[op]);
    if (r.isNull() || r != NotImplemented()) return r;
  }
  if (vf != nullptr) {
    Value r = vf(v, w, op);
    if (r.isNull() || r != NotImplemented()) return r;
  }
  if (!checked_reverse && wf != nullptr) {
    Value r = wf(w, v, kSwapped[op]);
    if (r.isNull() || r != NotImplemented()) return r;
  }
  switch (op) {
    case kEq:
      return Bool(v == w);
    case kNe:
      return Bool(v != w);
    default:
      return raisef(exc::TypeError, "'%s' not supported between instances of '%s' and '%s'", kOpSymbols[op],
                    vt == nullptr ? "?" : typeName(vt).c_str(), typeName(wt).c_str());
  }
}

int richCompareBool(Value a, Value b, int op) {
  if (a == b) {
    if (op == kEq) return 1;
    if (op == kNe) return 0;
  }
  Value r = richCompare(a, b, op);
  if (r.isNull()) return -1;
  if (r == True()) return 1;
  if (r == False()) return 0;
  return isTrue(r);
}

int isTrue(Value v) {
  if (v == True()) return 1;
  if (v == False() || isNone(v)) return 0;
  if (v.isSmallInt()) return v.asSmallInt() != 0;
  Type* t = typeOf(v);
  if (t->slots.nb_bool != nullptr) return t->slots.nb_bool(v);
  if (t->slots.mp_length != nullptr) {
    int64_t n = t->slots.mp_length(v);
    return n < 0 ? -1 : (n > 0);
  }
  return 1;
}

bool isInstanceOf(Value v, Type* t) { return isInstance(v, t); }

// ===========================================================================
// isinstance / issubclass

namespace {

// cls.__bases__ if it is a tuple (the abstract class protocol), else null.
Value abstractBases(Value cls) {
  Value b = lookupAttr(cls, names::__bases__);
  if (b.isNull() || !isTuple(b)) return Value();
  return b;
}

int abstractIsSubclass(Value derived, Value cls) {
  for (int depth = 0; depth < 10000; ++depth) {
    if (derived == cls) return 1;
    Value bases = abstractBases(derived);
    if (bases.isNull()) return errorPending() ? -1 : 0;
    int64_t n = tupleLength(bases);
    if (n == 0) return 0;
    if (n == 1) {
      derived = tupleItem(bases, 0);
      continue;
    }
    for (int64_t i = 0; i < n; ++i) {
      int r = abstractIsSubclass(tupleItem(bases, i), cls);
      if (r != 0) return r;
    }
    return 0;
  }
  raise(exc::RecursionError, "maximum recursion depth exceeded in __subclasscheck__");
  return -1;
}

bool checkClass(Value cls, const char* error) {
  Value b = abstractBases(cls);
  if (b.isNull()) {
    if (!errorPending()) raise(exc::TypeError, error);
    return false;
  }
  return true;
}

}  // namespace

int realIsInstance(Value inst, Value cls) {
  if (isTypeObject(cls)) {
    if (isSubtype(typeOf(inst), asType(cls))) return 1;
    Value c = lookupAttr(inst, names::__class__);
    if (c.isNull()) return errorPending() ? -1 : 0;
    if (c != typeValue(typeOf(inst)) && isTypeObject(c)) return isSubtype(asType(c), asType(cls)) ? 1 : 0;
    return 0;
  }
  if (!checkClass(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) return -1;
  Value c = lookupAttr(inst, names::__class__);
  if (c.isNull()) return errorPending() ? -1 : 0;
  return abstractIsSubclass(c, cls);
}

int realIsSubclass(Value derived, Value cls) {
  if (isTypeObject(cls) && isTypeObject(derived)) return isSubtype(asType(derived), asType(cls)) ? 1 : 0;
  if (!checkClass(derived, "issubclass() arg 1 must be a class")) return -1;
  if (!isTuple(cls) && !checkClass(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    return -1;
  return abstractIsSubclass(derived, cls);
}

int isInstanceGeneric(Value inst, Value cls) {
  if (typeValue(typeOf(inst)) == cls) return 1;
  if (cls.isObject() && typeOf(cls) == types::type_type) return realIsInstance(inst, cls);
  if (Value u = unionArgs(cls); !u.isNull()) cls = u;  // members in order, as a tuple
  if (isTuple(cls)) {
    for (int64_t i = 0; i < tupleLength(cls); ++i) {
      int r = isInstanceGeneric(inst, tupleItem(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  bool found;
  Value args[1] = {inst};
  Value r = callSpecial(cls, names::__instancecheck__, args, 1, &found);
  if (found) {
    if (r.isNull()) return -1;
    return isTrue(r);
  }
  if (errorPending()) return -1;
  return realIsInstance(inst, cls);
}

int isSubclassGeneric(Value derived, Value cls) {
  if (cls.isObject() && typeOf(cls) == types::type_type) {
    if (derived == cls) return 1;
    return realIsSubclass(derived, cls);
  }
  if (Value u = unionArgs(cls); !u.isNull()) cls = u;
  if (isTuple(cls)) {
    for (int64_t i = 0; i < tupleLength(cls); ++i) {
      int r = isSubclassGeneric(derived, tupleItem(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  bool found;
  Value args[1] = {derived};
  Value r = callSpecial(cls, names::__subclasscheck__, args, 1, &found);
  if (found) {
    if (r.isNull()) return -1;
    return isTrue(r);
  }
  if (errorPending()) return -1;
  return realIsSubclass(derived, cls);
}

// ===========================================================================
// Numbers

namespace {

struct BinOpInfo {
  size_t offset;        // binary slot
  size_t inplace;       // in-place slot, or SIZE_MAX
  const char* symbol;   // for the error message
};

constexpr size_t kNone = SIZE_MAX;

const BinOpInfo kBinOps[] = {
    {offsetof(Slots, nb_add), kNone, "+"},
    {offsetof(Slots, nb_and), kNone, "&"},
    {offsetof(Slots, nb_floor_divide), kNone, "//"},
    {offsetof(Slots, nb_lshift), kNone, "<<"},
    {offsetof(Slots, nb_matrix_multiply), kNone, "@"},
    {offsetof(Slots, nb_multiply), kNone, "*"},
    {offsetof(Slots, nb_remainder), kNone, "%"},
    {offsetof(Slots, nb_or), kNone, "|"},
    {offsetof(Slots, nb_power), kNone, "** or pow()"},
    {offsetof(Slots, nb_rshift), kNone, ">>"},
    {offsetof(Slots, nb_subtract), kNone, "-"},
    {offsetof(Slots, nb_true_divide), kNone, "/"},
    {offsetof(Slots, nb_xor), kNone, "^"},
    {offsetof(Slots, nb_add), offsetof(Slots, nb_inplace_add), "+="},
    {offsetof(Slots, nb_and), offsetof(Slots, nb_inplace_and), "&="},
    {offsetof(Slots, nb_floor_divide), offsetof(Slots, nb_inplace_floor_divide), "//="},
    {offsetof(Slots, nb_lshift), offsetof(Slots, nb_inplace_lshift), "<<="},
    {offsetof(Slots, nb_matrix_multiply), offsetof(Slots, nb_inplace_matrix_multiply), "@="},
    {offsetof(Slots, nb_multiply), offsetof(Slots, nb_inplace_multiply), "*="},
    {offsetof(Slots, nb_remainder), offsetof(Slots, nb_inplace_remainder), "%="},
    {offsetof(Slots, nb_or), offsetof(Slots, nb_inplace_or), "|="},
    {offsetof(Slots, nb_power), offsetof(Slots, nb_inplace_power), "**="},
    {offsetof(Slots, nb_rshift), offsetof(Slots, nb_inplace_rshift), ">>="},
    {offsetof(Slots, nb_subtract), offsetof(Slots, nb_inplace_subtract), "-="},
    {offsetof(Slots, nb_true_divide), offsetof(Slots, nb_inplace_true_divide), "/="},
    {offsetof(Slots, nb_xor), offsetof(Slots, nb_inplace_xor), "^="},
};

bool isPowerSlot(size_t offset) { return offset == offsetof(Slots, nb_power) || offset == offsetof(Slots, nb_inplace_power); }

Value callBinarySlot(void* fn, size_t offset, Value a, Value b) {
  if (isPowerSlot(offset)) return reinterpret_cast<TernaryFn>(fn)(a, b, None());
  return reinterpret_cast<BinaryFn>(fn)(a, b);
}

// CPython's binary_op1: both operands' slots, the right one first when its
// type is a proper subclass of the left one's.
Value binaryOp1(Value v, Value w, size_t offset) {
  Type* vt = typeOf(v);
  Type* wt = typeOf(w);
  void* slotv = slotGet(vt->slots, offset);
  void* slotw = nullptr;
  if (wt != vt) {
    slotw = slotGet(wt->slots, offset);
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv != nullptr) {
    if (slotw != nullptr && isSubtype(wt, vt)) {
      Value x = callBinarySlot(slotw, offset, v, w);
      if (x.isNull() || x != NotImplemented()) return x;
      slotw = nullptr;
    }
    Value x = callBinarySlot(slotv, offset, v, w);
    if (x.isNull() || x != NotImplemented()) return x;
  }
  if (slotw != nullptr) return callBinarySlot(slotw, offset, v, w);
  return NotImplemented();
}

Value binopTypeError(Value v, Value w, const char* symbol) {
  return raisef(exc::TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", symbol, typeNameOf(v).c_str(),
                typeNameOf(w).c_str());
}

}  // namespace

Value binaryOp(Value a, Value b, BinOp op) {
  const BinOpInfo& info = kBinOps[static_cast<size_t>(op)];
  if (info.inplace != kNone) {
    void* islot = slotGet(typeOf(a)->slots, info.inplace);
    if (islot != nullptr) {
      Value x = callBinarySlot(islot, info.inplace, a, b);
      if (x.isNull() || x != NotImplemented()) return x;
    }
  }
  Value x = binaryOp1(a, b, info.offset);
  if (x.isNull() || x != NotImplemented()) return x;
  return binopTypeError(a, b, info.symbol);
}

Value power(Value v, Value w, Value z) {
  if (z.isNull() || isNone(z)) return binaryOp(v, w, BinOp::kPower);
  Type* vt = typeOf(v);
  Type* wt = typeOf(w);
  TernaryFn slotv = vt->slots.nb_power;
  TernaryFn slotw = wt != vt ? wt->slots.nb_power : nullptr;
  if (slotw == slotv) slotw = nullptr;
  if (slotv != nullptr) {
    if (slotw != nullptr && isSubtype(wt, vt)) {
      Value x = slotw(v, w, z);
      if (x.isNull() || x != NotImplemented()) return x;
      slotw = nullptr;
    }
    Value x = slotv(v, w, z);
    if (x.isNull() || x != NotImplemented()) return x;
  }
  if (slotw != nullptr) {
    Value x = slotw(v, w, z);
    if (x.isNull() || x != NotImplemented()) return x;
  }
  TernaryFn slotz = typeOf(z)->slots.nb_power;
  if (slotz != nullptr && slotz != slotv && slotz != slotw) {
    Value x = slotz(v, w, z);
    if (x.isNull() || x != NotImplemented()) return x;
  }
  return raisef(exc::TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                typeNameOf(v).c_str(), typeNameOf(w).c_str(), typeNameOf(z).c_str());
}

namespace {

Value unaryOp(Value v, UnaryFn f, const char* what) {
  if (f == nullptr) return raisef(exc::TypeError, "bad operand type for %s: '%s'", what, typeNameOf(v).c_str());
  return f(v);
}

}  // namespace

Value negative(Value v) { return unaryOp(v, typeOf(v)->slots.nb_negative, "unary -"); }
Value positive(Value v) { return unaryOp(v, typeOf(v)->slots.nb_positive, "unary +"); }
Value invert(Value v) { return unaryOp(v, typeOf(v)->slots.nb_invert, "unary ~"); }
Value absolute(Value v) { return unaryOp(v, typeOf(v)->slots.nb_absolute, "abs()"); }

Value divmod(Value a, Value b) {
  Value x = binaryOp1(a, b, offsetof(Slots, nb_divmod));
  if (x.isNull() || x != NotImplemented()) return x;
  return binopTypeError(a, b, "divmod()");
}

// ===========================================================================
// Containers

int64_t length(Value v) {
  LenFn f = typeOf(v)->slots.mp_length;
  if (f == nullptr) {
    raisef(exc::TypeError, "object of type '%s' has no len()", typeNameOf(v).c_str());
    return -1;
  }
  return f(v);
}

Value getItem(Value obj, Value key) {
  BinaryFn f = typeOf(obj)->slots.mp_subscript;
  if (f != nullptr) return f(obj, key);
  if (isTypeObject(obj)) {
    if (obj == typeValue(types::type_type)) return newGenericAlias(obj, key);  // type[int] (PEP 585)
    Value meth = lookupAttr(obj, names::__class_getitem__);
    if (!meth.isNull()) return call1(meth, key);
    if (errorPending()) return Value();
    return raisef(exc::TypeError, "type '%s' is not subscriptable", typeName(asType(obj)).c_str());
  }
  return raisef(exc::TypeError, "'%s' object is not subscriptable", typeNameOf(obj).c_str());
}

int setItem(Value obj, Value key, Value value) {
  AssSubscriptFn f = typeOf(obj)->slots.mp_ass_subscript;
  if (f == nullptr) {
    if (typeOf(obj)->slots.mp_subscript != nullptr) {
      raisef(exc::TypeError, "'%s' object does not support item assignment", typeNameOf(obj).c_str());
    } else {
      raisef(exc::TypeError, "'%s' object does not support item assignment", typeNameOf(obj).c_str());
    }
    return -1;
  }
  return f(obj, key, value);
}

int delItem(Value obj, Value key) {
  AssSubscriptFn f = typeOf(obj)->slots.mp_ass_subscript;
  if (f == nullptr) {
    if (typeOf(obj)->slots.mp_subscript != nullptr) {
      raisef(exc::TypeError, "'%s' object doesn't support item deletion", typeNameOf(obj).c_str());
    } else {
      raisef(exc::TypeError, "'%s' object does not support item deletion", typeNameOf(obj).c_str());
    }
    return -1;
  }
  return f(obj, key, Value());
}

int contains(Value container, Value item) {
  ObjObjFn f = typeOf(container)->slots.sq_contains;
  if (f != nullptr) return f(container, item);
  Type* t = typeOf(container);
  if (t->slots.tp_iter == nullptr && t->slots.mp_subscript == nullptr) {
    raisef(exc::TypeError, "argument of type '%s' is not iterable", typeNameOf(container).c_str());
    return -1;
  }
  Value it = getIter(container);
  if (it.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raisef(exc::TypeError, "argument of type '%s' is not iterable", typeNameOf(container).c_str());
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

Value getIter(Value v) {
  Type* t = typeOf(v);
  UnaryFn f = t->slots.tp_iter;
  if (f == nullptr) {
    if (t->slots.mp_subscript != nullptr && !hasTypeFlag(v, type_flags::kDictSubclass)) return newSeqIterator(v);
    return raisef(exc::TypeError, "'%s' object is not iterable", typeNameOf(v).c_str());
  }
  Value it = f(v);
  if (it.isNull()) return it;
  if (typeOf(it)->slots.tp_iternext == nullptr)
    return raisef(exc::TypeError, "iter() returned non-iterator of type '%s'", typeNameOf(it).c_str());
  return it;
}

Value iterNext(Value it) {
  UnaryFn f = typeOf(it)->slots.tp_iternext;
  if (f == nullptr) return raisef(exc::TypeError, "'%s' object is not an iterator", typeNameOf(it).c_str());
  Value r = f(it);
  if (r.isNull() && errorMatches(exc::StopIteration)) clearError();
  return r;
}

int64_t lengthHint(Value v, int64_t default_value) {
  if (typeOf(v)->slots.mp_length != nullptr) {
    int64_t n = length(v);
    if (n >= 0) return n;
    if (!errorMatches(exc::TypeError)) return -1;
    clearError();
  }
  bool found;
  Value r = callSpecial(v, names::__length_hint__, nullptr, 0, &found);
  if (!found) return errorPending() ? -1 : default_value;
  if (r.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      return default_value;
    }
    return -1;
  }
  if (r == NotImplemented()) return default_value;
  if (!isInt(r)) {
    raisef(exc::TypeError, "__length_hint__ must be an integer, not %s", typeNameOf(r).c_str());
    return -1;
  }
  int64_t n;
  if (!intToInt64(r, &n)) return -1;
  if (n < 0) {
    raise(exc::ValueError, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

}  // namespace tern
