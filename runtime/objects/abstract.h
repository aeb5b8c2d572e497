// The abstract object protocols: what `a + b`, `a.x`, `f(x)`, `a[i]`, `iter`
// and friends do for any object, through the type's slots (object.h).  The
// interpreter, builtins and cpyext (PyObject_*, PyNumber_*, PySequence_*,
// PyMapping_*, PyIter_*) all call these.
//
// Every function returns null (or -1) with an exception pending on failure;
// none of them accepts a null argument unless it says so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/objects/object.h"

namespace tern {

// --- attributes (name is a str) ---
Value getAttr(Value obj, Value name);
// Like getAttr, but an AttributeError is swallowed: null and no exception
// means "absent" (CPython's _PyObject_LookupAttr).
Value lookupAttr(Value obj, Value name);
int setAttr(Value obj, Value name, Value value);
int delAttr(Value obj, Value name);
// The attribute found on the type's MRO without binding it (no instance dict,
// no descriptors called), or null without an exception when absent.
Value lookupSpecial(Type* type, Value name);
// object.__getattribute__ / __setattr__ (PyObject_GenericGetAttr/SetAttr).
Value genericGetAttr(Value obj, Value name);
// The rest of genericGetAttr once typeLookup(t, name) gave `descr` (cpyext's
// PyObject_GetAttr looks the descriptor up itself).
Value genericGetAttrFound(Value obj, Value name, Type* t, Value descr);
int genericSetAttr(Value obj, Value name, Value value);
// The instance dict of `obj` (created on first use), or null without an
// exception if instances of its type have none.
Value instanceDict(Value obj);

// --- calls ---
// The vectorcall convention of object.h.
Value call(Value callable, const Value* args, size_t nargs, Value kwnames = Value());
// f(*args, **kwargs) with a tuple and a dict (or null for none).
Value callTupleDict(Value callable, Value args, Value kwargs);
Value call0(Value callable);
Value call1(Value callable, Value a);
Value call2(Value callable, Value a, Value b);
// obj.name(args...), looking the method up without creating a bound method.
Value callMethod(Value obj, Value name, const Value* args, size_t nargs);
// Special-method call as the runtime does it: looked up on the TYPE, not the
// instance (as CPython's _PyObject_LookupSpecial + call); null without an
// exception when the type has no such method and `*found` is set false.
Value callSpecial(Value obj, Value name, const Value* args, size_t nargs, bool* found);
bool isCallable(Value v);

// --- conversions and comparisons ---
Value repr(Value v);   // always a str
Value str(Value v);    // always a str
Value ascii(Value v);
Value format(Value v, Value spec);  // format(v, spec); spec a str
int64_t hash(Value v);  // -1 on error (e.g. unhashable type)
Value richCompare(Value a, Value b, int op);
// 1 / 0 / -1; identity implies equality for kEq/kNe as in containers.
int richCompareBool(Value a, Value b, int op);
int isTrue(Value v);  // bool(v): 1/0, -1 on error
bool isInstanceOf(Value v, Type* t);  // fast, no __instancecheck__
// isinstance(v, cls) / issubclass(derived, cls) with __instancecheck__,
// __subclasscheck__ and tuples; 1/0/-1.
int isInstanceGeneric(Value v, Value cls);
int isSubclassGeneric(Value derived, Value cls);
// type.__instancecheck__ / type.__subclasscheck__: the checks without the
// hooks (__class__ and the abstract __bases__ protocol are honoured); 1/0/-1.
int realIsInstance(Value v, Value cls);
int realIsSubclass(Value derived, Value cls);

// --- numbers ---
// The operators of BINARY_OP in its argument's order (CPython's NB_* table).
enum class BinOp : uint8_t {
  kAdd = 0, kAnd = 1, kFloorDivide = 2, kLshift = 3, kMatrixMultiply = 4, kMultiply = 5, kRemainder = 6,
  kOr = 7, kPower = 8, kRshift = 9, kSubtract = 10, kTrueDivide = 11, kXor = 12,
  kInplaceAdd = 13, kInplaceAnd = 14, kInplaceFloorDivide = 15, kInplaceLshift = 16,
  kInplaceMatrixMultiply = 17, kInplaceMultiply = 18, kInplaceRemainder = 19, kInplaceOr = 20,
  kInplacePower = 21, kInplaceRshift = 22, kInplaceSubtract = 23, kInplaceTrueDivide = 24, kInplaceXor = 25,
};
Value binaryOp(Value a, Value b, BinOp op);
Value power(Value a, Value b, Value mod);  // pow(a, b, mod); mod None when absent
Value negative(Value v);
Value positive(Value v);
Value invert(Value v);
Value absolute(Value v);
Value divmod(Value a, Value b);

// --- containers ---
int64_t length(Value v);  // len(v): -1 on error
Value getItem(Value obj, Value key);
int setItem(Value obj, Value key, Value value);
int delItem(Value obj, Value key);
int contains(Value container, Value item);  // `item in container`: 1/0/-1
Value getIter(Value v);                     // iter(v)
// next(it): null without an exception when exhausted (StopIteration is
// swallowed), null with one on error.
Value iterNext(Value it);
// Appends every item of `iterable` to the caller's callback; false on error.
// (Helpers that materialise: listFromIterable, tupleFromIterable.)
int64_t lengthHint(Value v, int64_t default_value);  // operator.length_hint

// --- helpers of the container types (implemented in tuple.cc, list.cc, iterators.cc) ---
// Recursion guard of container reprs (CPython's Py_ReprEnter/Py_ReprLeave):
// 1 if `v` is already being repr'd on this thread (the caller prints "[...]"),
// 0 after registering it (call reprLeave when done), -1 on error.
int reprEnter(Value v);
void reprLeave(Value v);
// tp_hash of unhashable types (list, dict, set, ...): raises "unhashable
// type: 'list'".  A type whose tp_hash is this shows `__hash__ = None`
// (CPython's PyObject_HashNotImplemented).
int64_t hashNotImplemented(Value v);
// iter(seq) for an object with __getitem__ only (the "iterator" type), and
// iter(callable, sentinel) (callable_iterator).
Value newSeqIterator(Value seq);
Value newCallableIterator(Value callable, Value sentinel);

// A bound method (the `method` type): func bound to self (objects/method.cc).
Value newMethod(Value func, Value self);

// Zero-argument super(): the `__class__` cell and the first argument of the
// innermost Python frame (interp/frame.cc); false with RuntimeError pending
// ("super(): no arguments", "super(): __class__ cell not found", ...).
bool currentFrameSuperArgs(Value* type, Value* obj);

}  // namespace tern
