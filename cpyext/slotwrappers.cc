// The slot methods of a C type's dict (`Shape.__init__`, `Vec.__add__`): each
// calls the C function of that very type, as CPython's slot wrappers do.  The
// runtime's slots of a C type dispatch on the instance's type (typeobject.cc),
// which is right for `x + y` but wrong for `Base.__init__(self, ...)` or
// `super().__init__(...)` from a C subtype: those need the base's function,
// which these carry.
#include <string>
#include <vector>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pystate.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/tuple.h"

namespace tern::cpyext {

namespace {

enum class Shape : uint8_t {
  kInit,       // initproc: (self, args, kwargs) -> int
  kCall,       // ternaryfunc with kwargs: (self, args, kwargs)
  kUnary,      // unaryfunc / reprfunc / getiterfunc
  kNext,       // iternextfunc: NULL without an error is StopIteration
  kBinary,     // binaryfunc (self, other)
  kBinaryR,    // binaryfunc (other, self): the reflected operator
  kTernary,    // ternaryfunc (self, other, mod=None): __pow__
  kRichCmp,    // richcmpfunc (self, other, op)
  kHash,       // hashfunc
  kLen,        // lenfunc
  kInquiry,    // inquiry: __bool__
  kContains,   // objobjproc
  kSetItem,    // objobjargproc (self, key, value)
  kDelItem,    // objobjargproc (self, key, NULL)
};

struct SlotMethod {
  void* fn;
  Shape shape;
  int op;  // kRichCmp
};

bool arity(const char* name, size_t nargs, size_t want, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    raisef(exc::TypeError, "wrapper %s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != want) {
    raisef(exc::TypeError, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

Value callSlot(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames) {
  const auto* sm = static_cast<const SlotMethod*>(def->data);
  CCallScope scope;
  CallProxies held(3);  // self and at most two operands
  PyObject* s = held.add(self);
  auto hold = [&](Value v) { return held.add(v); };
  auto result = [&](PyObject* r) { return takeSlotResult(r, def->name); };
  switch (sm->shape) {
    case Shape::kInit:
    case Shape::kCall: {
      CallTupleDict td;
      if (!td.make(args, nargs, kwnames)) return Value();
      if (sm->shape == Shape::kInit) {
        if (reinterpret_cast<initproc>(sm->fn)(s, td.tuple, td.dict) < 0) return Value();
        return None();
      }
      return result(reinterpret_cast<ternaryfunc>(sm->fn)(s, td.tuple, td.dict));
    }
    case Shape::kUnary:
      if (!arity(def->name, nargs, 0, kwnames)) return Value();
      return result(reinterpret_cast<unaryfunc>(sm->fn)(s));
    case Shape::kNext: {
      if (!arity(def->name, nargs, 0, kwnames)) return Value();
      PyObject* r = reinterpret_cast<iternextfunc>(sm->fn)(s);
      if (r == nullptr) return errorPending() ? Value() : raiseStopIteration(Value());
      return takeNew(r);
    }
    case Shape::kBinary:
      if (!arity(def->name, nargs, 1, kwnames)) return Value();
      return result(reinterpret_cast<binaryfunc>(sm->fn)(s, hold(args[0])));
    case Shape::kBinaryR:
      if (!arity(def->name, nargs, 1, kwnames)) return Value();
      return result(reinterpret_cast<binaryfunc>(sm->fn)(hold(args[0]), s));
    case Shape::kTernary: {
      if (nargs < 1 || nargs > 2) return raisef(exc::TypeError, "expected 1 or 2 arguments, got %zu", nargs);
      PyObject* mod = nargs == 2 ? hold(args[1]) : Py_None;
      return result(reinterpret_cast<ternaryfunc>(sm->fn)(s, hold(args[0]), mod));
    }
    case Shape::kRichCmp:
      if (!arity(def->name, nargs, 1, kwnames)) return Value();
      return result(reinterpret_cast<richcmpfunc>(sm->fn)(s, hold(args[0]), sm->op));
    case Shape::kHash: {
      if (!arity(def->name, nargs, 0, kwnames)) return Value();
      Py_hash_t h = reinterpret_cast<hashfunc>(sm->fn)(s);
      if (h == -1 && errorPending()) return Value();
      return newInt(h);
    }
    case Shape::kLen: {
      if (!arity(def->name, nargs, 0, kwnames)) return Value();
      Py_ssize_t n = reinterpret_cast<lenfunc>(sm->fn)(s);
      if (n < 0) return errorPending() ? Value() : raise(exc::ValueError, "__len__() should return >= 0");
      return newInt(n);
    }
    case Shape::kInquiry: {
      if (!arity(def->name, nargs, 0, kwnames)) return Value();
      int r = reinterpret_cast<inquiry>(sm->fn)(s);
      if (r < 0) return Value();
      return Value(r ? singletons::True : singletons::False);
    }
    case Shape::kContains: {
      if (!arity(def->name, nargs, 1, kwnames)) return Value();
      int r = reinterpret_cast<objobjproc>(sm->fn)(s, hold(args[0]));
      if (r < 0) return Value();
      return Value(r ? singletons::True : singletons::False);
    }
    case Shape::kSetItem:
      if (!arity(def->name, nargs, 2, kwnames)) return Value();
      if (reinterpret_cast<objobjargproc>(sm->fn)(s, hold(args[0]), hold(args[1])) < 0) return Value();
      return None();
    case Shape::kDelItem:
      if (!arity(def->name, nargs, 1, kwnames)) return Value();
      if (reinterpret_cast<objobjargproc>(sm->fn)(s, hold(args[0]), nullptr) < 0) return Value();
      return None();
  }
  return Value();
}

}  // namespace

std::span<const MethodDef> slotMethodsFor(PyTypeObject* t, std::span<const MethodDef> methods) {
  std::vector<MethodDef> defs(methods.begin(), methods.end());
  auto add = [&](const char* name, void* fn, Shape shape, int op = 0) {
    if (fn == nullptr) return;
    for (const MethodDef& d : defs) {
      if (std::string(d.name) == name) return;  // the type's own method wins
    }
    MethodDef d;
    d.name = name;
    d.raw = callSlot;
    d.data = new SlotMethod{.fn = fn, .shape = shape, .op = op};
    defs.push_back(d);
  };
  auto fp = [](auto f) { return reinterpret_cast<void*>(f); };
  add("__init__", fp(t->tp_init), Shape::kInit);
  add("__call__", fp(t->tp_call), Shape::kCall);
  add("__repr__", fp(t->tp_repr), Shape::kUnary);
  add("__str__", fp(t->tp_str), Shape::kUnary);
  add("__iter__", fp(t->tp_iter), Shape::kUnary);
  add("__next__", fp(t->tp_iternext), Shape::kNext);
  if (PyAsyncMethods* am = t->tp_as_async) {
    add("__await__", fp(am->am_await), Shape::kUnary);
    add("__aiter__", fp(am->am_aiter), Shape::kUnary);
    add("__anext__", fp(am->am_anext), Shape::kUnary);
  }
  if (t->tp_hash != PyObject_HashNotImplemented) add("__hash__", fp(t->tp_hash), Shape::kHash);
  if (t->tp_richcompare != nullptr) {
    static const char* const kNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    for (int op = 0; op < 6; ++op) add(kNames[op], fp(t->tp_richcompare), Shape::kRichCmp, op);
  }
  if (PyNumberMethods* nb = t->tp_as_number) {
    struct Binary {
      const char* name;
      const char* rname;
      binaryfunc fn;
    };
    const Binary binaries[] = {
        {"__add__", "__radd__", nb->nb_add},
        {"__sub__", "__rsub__", nb->nb_subtract},
        {"__mul__", "__rmul__", nb->nb_multiply},
        {"__mod__", "__rmod__", nb->nb_remainder},
        {"__divmod__", "__rdivmod__", nb->nb_divmod},
        {"__lshift__", "__rlshift__", nb->nb_lshift},
        {"__rshift__", "__rrshift__", nb->nb_rshift},
        {"__and__", "__rand__", nb->nb_and},
        {"__xor__", "__rxor__", nb->nb_xor},
        {"__or__", "__ror__", nb->nb_or},
        {"__floordiv__", "__rfloordiv__", nb->nb_floor_divide},
        {"__truediv__", "__rtruediv__", nb->nb_true_divide},
        {"__matmul__", "__rmatmul__", nb->nb_matrix_multiply},
    };
    for (const Binary& b : binaries) {
      add(b.name, fp(b.fn), Shape::kBinary);
      add(b.rname, fp(b.fn), Shape::kBinaryR);
    }
    const Binary inplaces[] = {
        {"__iadd__", nullptr, nb->nb_inplace_add},
        {"__isub__", nullptr, nb->nb_inplace_subtract},
        {"__imul__", nullptr, nb->nb_inplace_multiply},
        {"__imod__", nullptr, nb->nb_inplace_remainder},
        {"__ilshift__", nullptr, nb->nb_inplace_lshift},
        {"__irshift__", nullptr, nb->nb_inplace_rshift},
        {"__iand__", nullptr, nb->nb_inplace_and},
        {"__ixor__", nullptr, nb->nb_inplace_xor},
        {"__ior__", nullptr, nb->nb_inplace_or},
        {"__ifloordiv__", nullptr, nb->nb_inplace_floor_divide},
        {"__itruediv__", nullptr, nb->nb_inplace_true_divide},
        {"__imatmul__", nullptr, nb->nb_inplace_matrix_multiply},
    };
    for (const Binary& b : inplaces) add(b.name, fp(b.fn), Shape::kBinary);
    add("__ipow__", fp(nb->nb_inplace_power), Shape::kTernary);
    add("__pow__", fp(nb->nb_power), Shape::kTernary);
    add("__neg__", fp(nb->nb_negative), Shape::kUnary);
    add("__pos__", fp(nb->nb_positive), Shape::kUnary);
    add("__abs__", fp(nb->nb_absolute), Shape::kUnary);
    add("__invert__", fp(nb->nb_invert), Shape::kUnary);
    add("__int__", fp(nb->nb_int), Shape::kUnary);
    add("__float__", fp(nb->nb_float), Shape::kUnary);
    add("__index__", fp(nb->nb_index), Shape::kUnary);
    add("__bool__", fp(nb->nb_bool), Shape::kInquiry);
  }
  PyMappingMethods* mp = t->tp_as_mapping;
  PySequenceMethods* sq = t->tp_as_sequence;
  if (mp != nullptr) {
    add("__len__", fp(mp->mp_length), Shape::kLen);
    add("__getitem__", fp(mp->mp_subscript), Shape::kBinary);
    add("__setitem__", fp(mp->mp_ass_subscript), Shape::kSetItem);
    add("__delitem__", fp(mp->mp_ass_subscript), Shape::kDelItem);
  }
  if (sq != nullptr) {
    add("__len__", fp(sq->sq_length), Shape::kLen);
    add("__contains__", fp(sq->sq_contains), Shape::kContains);
  }
  if (defs.empty()) return {};
  auto* out = new MethodDef[defs.size()];
  std::copy(defs.begin(), defs.end(), out);
  return {out, defs.size()};
}

}  // namespace tern::cpyext
