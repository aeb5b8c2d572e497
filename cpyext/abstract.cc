// The abstract protocols beyond the object basics of object.cc (CPython's
// Objects/abstract.c surface): PyNumber_*, PySequence_*, PyMapping_*,
// PyObject_Bytes, the PyObject_Call* variants that build their arguments
// (Py_BuildValue formats, NULL-terminated lists), PyIter_Send and
// PyObject_GetAIter.
//
// Where CPython decides by the C slot tables (is this a sequence? does it
// have sq_concat?), so do we: a runtime type's PyTypeObject has the tables
// fillTypeObject made, a C type its own.  The operations themselves go to the
// runtime (binaryOp, getItem, contains, ...), which is what Python code runs,
// so C and Python see one behaviour and one set of error messages.
#include <cstring>
#include <vector>
#include "runtime/objects/abstract.h"

#include <cstdarg>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/generator.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

// CPython's null_error: a NULL argument where an object was required.
std::nullptr_t nullError() {
  if (!errorPending()) raise(exc::SystemError, "null argument to internal routine");
  return nullptr;
}

// TypeError with the type name of `o` in `format` (one %s).
std::nullptr_t typeError(const char* format, PyObject* o) {
  raisef(exc::TypeError, format, typeNameOf(fromC(o)).c_str());
  return nullptr;
}

// builtin dict and mappingproxy are mappings only: CPython gives them no
// sq_length/sq_item, while the tables fillTypeObject makes pair every
// __len__/__getitem__ with both (as CPython does for Python classes).
bool isMappingOnly(PyObject* o) { return PyDict_Check(o) || Py_IS_TYPE(o, &PyDictProxy_Type); }

PySequenceMethods* sequenceMethods(PyObject* o) { return isMappingOnly(o) ? nullptr : Py_TYPE(o)->tp_as_sequence; }

// --- numbers -----------------------------------------------------------------

// CPython's binary_op1 over the runtime slots: the right operand's slot first
// when its type is a proper subclass of the left's; NotImplemented when
// neither operand handles the operation.
Value binaryOp1(Value v, Value w, BinaryFn Slots::*slot) {
  Type* vt = typeOf(v);
  Type* wt = typeOf(w);
  BinaryFn fv = vt->slots.*slot;
  BinaryFn fw = wt != vt ? wt->slots.*slot : nullptr;
  if (fw == fv) fw = nullptr;
  if (fv != nullptr) {
    if (fw != nullptr && isSubtype(wt, vt)) {
      Value x = fw(v, w);
      if (x.isNull() || x != NotImplemented()) return x;
      fw = nullptr;
    }
    Value x = fv(v, w);
    if (x.isNull() || x != NotImplemented()) return x;
  }
  if (fw != nullptr) return fw(v, w);
  return NotImplemented();
}

// binary_iop1: the left operand's in-place slot, then binaryOp1.
Value binaryIOp1(Value v, Value w, BinaryFn Slots::*islot, BinaryFn Slots::*slot) {
  BinaryFn f = typeOf(v)->slots.*islot;
  if (f != nullptr) {
    Value x = f(v, w);
    if (x.isNull() || x != NotImplemented()) return x;
  }
  return binaryOp1(v, w, slot);
}

PyObject* binopTypeError(PyObject* a, PyObject* b, const char* symbol) {
  raisef(exc::TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", symbol, typeNameOf(fromC(a)).c_str(),
         typeNameOf(fromC(b)).c_str());
  return nullptr;
}

PyObject* binary(PyObject* a, PyObject* b, BinOp op) {
  if (a == nullptr || b == nullptr) return nullError();
  return returnNew(binaryOp(fromC(a), fromC(b), op));
}

PyObject* unary(PyObject* o, Value (*f)(Value)) {
  if (o == nullptr) return nullError();
  return returnNew(f(fromC(o)));
}

// sequence_repeat: seq * n through a C type's sq_repeat.
PyObject* sequenceRepeat(ssizeargfunc repeat, PyObject* seq, PyObject* n) {
  if (typeOf(fromC(n))->slots.nb_index == nullptr) {
    return typeError("can't multiply sequence by non-int of type '%s'", n);
  }
  Py_ssize_t count = PyNumber_AsSsize_t(n, PyExc_OverflowError);
  if (count == -1 && PyErr_Occurred()) return nullptr;
  return repeat(seq, count);
}

PySequenceMethods* cSequence(PyObject* o) {
  PySequenceMethods* m = Py_TYPE(o)->tp_as_sequence;
  return m;
}

// a * b: nb_multiply, then a C sequence's sq_repeat (left, then right).
PyObject* multiply(PyObject* a, PyObject* b, bool inplace) {
  if (a == nullptr || b == nullptr) return nullError();
  Value x = inplace ? binaryIOp1(fromC(a), fromC(b), &Slots::nb_inplace_multiply, &Slots::nb_multiply)
                    : binaryOp1(fromC(a), fromC(b), &Slots::nb_multiply);
  if (x.isNull()) return nullptr;
  if (x != NotImplemented()) return toNew(x);
  PySequenceMethods* ma = cSequence(a);
  PySequenceMethods* mb = cSequence(b);
  if (ma != nullptr) {
    if (inplace && ma->sq_inplace_repeat != nullptr) return sequenceRepeat(ma->sq_inplace_repeat, a, b);
    if (ma->sq_repeat != nullptr) return sequenceRepeat(ma->sq_repeat, a, b);
  }
  if (mb != nullptr && mb->sq_repeat != nullptr) return sequenceRepeat(mb->sq_repeat, b, a);
  return binopTypeError(a, b, inplace ? "*=" : "*");
}

// a + b: nb_add, then a C sequence's sq_concat.
PyObject* add(PyObject* a, PyObject* b, bool inplace) {
  if (a == nullptr || b == nullptr) return nullError();
  Value x = inplace ? binaryIOp1(fromC(a), fromC(b), &Slots::nb_inplace_add, &Slots::nb_add)
                    : binaryOp1(fromC(a), fromC(b), &Slots::nb_add);
  if (x.isNull()) return nullptr;
  if (x != NotImplemented()) return toNew(x);
  if (PySequenceMethods* m = cSequence(a)) {
    if (inplace && m->sq_inplace_concat != nullptr) return m->sq_inplace_concat(a, b);
    if (m->sq_concat != nullptr) return m->sq_concat(a, b);
  }
  return binopTypeError(a, b, inplace ? "+=" : "+");
}

// --- calls -------------------------------------------------------------------

// callable(*args) for the value Py_BuildValue made of `format`: a tuple is
// the argument list, anything else the single argument.
PyObject* callWithFormat(PyObject* callable, const char* format, va_list va, bool size_t_lengths) {
  if (callable == nullptr) return nullError();
  if (format == nullptr || *format == '\0') return PyObject_CallNoArgs(callable);
  PyObject* args = size_t_lengths ? _Py_VaBuildValue_SizeT(format, va) : Py_VaBuildValue(format, va);
  if (args == nullptr) return nullptr;
  PyObject* r = PyTuple_Check(args) ? PyObject_Call(callable, args, nullptr) : PyObject_CallOneArg(callable, args);
  Py_DECREF(args);
  return r;
}

PyObject* callMethodWithFormat(PyObject* callable, const char* format, va_list va, bool size_t_lengths) {
  if (!PyCallable_Check(callable)) {
    typeError("attribute of type '%s' is not callable", callable);
    Py_DECREF(callable);
    return nullptr;
  }
  PyObject* r = callWithFormat(callable, format, va, size_t_lengths);
  Py_DECREF(callable);
  return r;
}

// The NULL-terminated arguments after the last named one, as a runtime tuple.
Value tupleOfArgs(va_list va) {
  // First every argument is made a runtime value (a container C filled is
  // realised here, which allocates), so that filling the new tuple below
  // allocates nothing.
  va_list count;
  va_copy(count, va);
  int64_t n = 0;
  while (PyObject* arg = va_arg(count, PyObject*)) {
    fromC(arg);
    ++n;
  }
  va_end(count);
  Value tuple = newTuple(n);
  for (int64_t i = 0; i < n; ++i) tupleInit(tuple, i, fromC(va_arg(va, PyObject*)));
  return tuple;
}

// --- sequences and mappings --------------------------------------------------

// The list made of obj.<name>() (PyMapping_Keys & co. for non-dicts).
PyObject* methodOutputAsList(PyObject* o, const char* name) {
  Value output = callMethod(fromC(o), internStr(name), nullptr, 0);
  if (output.isNull()) return nullptr;
  if (isExactList(output)) return toNew(output);
  Value it = getIter(output);
  if (it.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raisef(exc::TypeError, "%s.%s() returned a non-iterable (type %s)", typeNameOf(fromC(o)).c_str(), name,
             typeNameOf(output).c_str());
    }
    return nullptr;
  }
  return returnNew(listFromIterable(it));
}

// _PySequence_IterSearch's COUNT and INDEX.
enum class Search { kCount, kIndex };

Py_ssize_t iterSearch(PyObject* seq, PyObject* item, Search what) {
  if (seq == nullptr || item == nullptr) return nullError(), -1;
  Value it = getIter(fromC(seq));
  if (it.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      typeError("argument of type '%s' is not iterable", seq);
    }
    return -1;
  }
  Value target = fromC(item);
  Py_ssize_t n = 0;
  for (Py_ssize_t i = 0;; ++i) {
    Value x = iterNext(it);
    if (x.isNull()) break;
    int cmp = richCompareBool(x, target, kEq);
    if (cmp < 0) return -1;
    if (cmp > 0) {
      if (what == Search::kIndex) return i;
      ++n;
    }
  }
  if (errorPending()) return -1;
  if (what == Search::kIndex) {
    raise(exc::ValueError, "sequence.index(x): x not in sequence");
    return -1;
  }
  return n;
}

// An index made non-negative through sq_length, as PySequence_GetItem does.
bool adjustIndex(PyObject* s, PySequenceMethods* m, Py_ssize_t* i) {
  if (*i >= 0 || m->sq_length == nullptr) return true;
  Py_ssize_t n = m->sq_length(s);
  if (n < 0) return false;
  *i += n;
  return true;
}

PyObject* sliceOf(Py_ssize_t lo, Py_ssize_t hi) { return returnNew(newSlice(newInt(lo), newInt(hi), None())); }

}  // namespace

namespace {

// func(callable, items..., kwnames) for a (tuple, dict) call: the keyword
// values follow the positional ones, their names in a tuple.
PyObject* callVectorcallFunc(vectorcallfunc func, PyObject* callable, PyObject* tuple, PyObject* kwargs) {
  Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
  Py_ssize_t nkw = kwargs != nullptr ? PyDict_GET_SIZE(kwargs) : 0;
  std::vector<PyObject*> stack(static_cast<size_t>(nargs + nkw) + 1);
  for (Py_ssize_t i = 0; i < nargs; ++i) stack[static_cast<size_t>(i) + 1] = PyTuple_GET_ITEM(tuple, i);
  PyObject* kwnames = nullptr;
  if (nkw > 0) {
    kwnames = PyTuple_New(nkw);
    if (kwnames == nullptr) return nullptr;
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
      Py_INCREF(key);
      PyTuple_SET_ITEM(kwnames, i, key);
      stack[static_cast<size_t>(nargs + i) + 1] = value;
      ++i;
    }
  }
  PyObject* r = func(callable, stack.data() + 1, static_cast<size_t>(nargs) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
  Py_XDECREF(kwnames);
  return r;
}

}  // namespace

extern "C" {

// The exported name of the PyObject_Length macro.
#undef PyObject_Length
Py_ssize_t PyObject_Length(PyObject* o) { return PyObject_Size(o); }

int _PyObject_HasLen(PyObject* o) {
  PySequenceMethods* sq = sequenceMethods(o);
  PyMappingMethods* mp = Py_TYPE(o)->tp_as_mapping;
  return (sq != nullptr && sq->sq_length != nullptr) || (mp != nullptr && mp->mp_length != nullptr);
}

int _PyObject_RealIsInstance(PyObject* inst, PyObject* cls) { return realIsInstance(fromC(inst), fromC(cls)); }
int _PyObject_RealIsSubclass(PyObject* derived, PyObject* cls) { return realIsSubclass(fromC(derived), fromC(cls)); }

Py_ssize_t _PySequence_IterSearch(PyObject* seq, PyObject* obj, int operation) {
  switch (operation) {
    case PY_ITERSEARCH_COUNT:
      return iterSearch(seq, obj, Search::kCount);
    case PY_ITERSEARCH_INDEX:
      return iterSearch(seq, obj, Search::kIndex);
    case PY_ITERSEARCH_CONTAINS:
      if (seq == nullptr || obj == nullptr) return nullError(), -1;
      return contains(fromC(seq), fromC(obj));
    default:
      return badInternalCall("_PySequence_IterSearch"), -1;
  }
}

// The "n?" converter of Argument Clinic: None leaves *out unchanged.
int _Py_convert_optional_to_ssize_t(PyObject* o, void* out) {
  if (o == Py_None) return 1;
  if (!PyIndex_Check(o)) {
    typeError("argument should be integer or None, not '%s'", o);
    return 0;
  }
  Py_ssize_t n = PyNumber_AsSsize_t(o, PyExc_OverflowError);
  if (n == -1 && PyErr_Occurred()) return 0;
  *static_cast<Py_ssize_t*>(out) = n;
  return 1;
}

// ===========================================================================
// Numbers

int PyNumber_Check(PyObject* o) {
  if (o == nullptr) return 0;
  Value v = fromC(o);
  const Slots& s = typeOf(v)->slots;
  return s.nb_index != nullptr || s.nb_int != nullptr || s.nb_float != nullptr || isInstance(v, types::complex_type);
}

int PyIndex_Check(PyObject* o) { return o != nullptr && typeOf(fromC(o))->slots.nb_index != nullptr; }

PyObject* PyNumber_Add(PyObject* a, PyObject* b) { return add(a, b, false); }
PyObject* PyNumber_Subtract(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kSubtract); }
PyObject* PyNumber_Multiply(PyObject* a, PyObject* b) { return multiply(a, b, false); }
PyObject* PyNumber_MatrixMultiply(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kMatrixMultiply); }
PyObject* PyNumber_FloorDivide(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kFloorDivide); }
PyObject* PyNumber_TrueDivide(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kTrueDivide); }
PyObject* PyNumber_Remainder(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kRemainder); }
PyObject* PyNumber_Lshift(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kLshift); }
PyObject* PyNumber_Rshift(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kRshift); }
PyObject* PyNumber_And(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kAnd); }
PyObject* PyNumber_Xor(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kXor); }
PyObject* PyNumber_Or(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kOr); }
PyObject* PyNumber_Divmod(PyObject* a, PyObject* b) {
  if (a == nullptr || b == nullptr) return nullError();
  return returnNew(divmod(fromC(a), fromC(b)));
}
PyObject* PyNumber_Power(PyObject* a, PyObject* b, PyObject* c) {
  if (a == nullptr || b == nullptr || c == nullptr) return nullError();
  return returnNew(power(fromC(a), fromC(b), fromC(c)));
}

PyObject* PyNumber_InPlaceAdd(PyObject* a, PyObject* b) { return add(a, b, true); }
PyObject* PyNumber_InPlaceSubtract(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceSubtract); }
PyObject* PyNumber_InPlaceMultiply(PyObject* a, PyObject* b) { return multiply(a, b, true); }
PyObject* PyNumber_InPlaceMatrixMultiply(PyObject* a, PyObject* b) {
  return binary(a, b, BinOp::kInplaceMatrixMultiply);
}
PyObject* PyNumber_InPlaceFloorDivide(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceFloorDivide); }
PyObject* PyNumber_InPlaceTrueDivide(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceTrueDivide); }
PyObject* PyNumber_InPlaceRemainder(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceRemainder); }
PyObject* PyNumber_InPlaceLshift(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceLshift); }
PyObject* PyNumber_InPlaceRshift(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceRshift); }
PyObject* PyNumber_InPlaceAnd(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceAnd); }
PyObject* PyNumber_InPlaceXor(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceXor); }
PyObject* PyNumber_InPlaceOr(PyObject* a, PyObject* b) { return binary(a, b, BinOp::kInplaceOr); }
PyObject* PyNumber_InPlacePower(PyObject* a, PyObject* b, PyObject* c) {
  if (a == nullptr || b == nullptr || c == nullptr) return nullError();
  if (c == Py_None) return binary(a, b, BinOp::kInplacePower);
  // pow(a, b, c) in place: the left operand's __ipow__ first, as CPython's
  // ternary_iop does.
  Value va = fromC(a);
  if (TernaryFn f = typeOf(va)->slots.nb_inplace_power) {
    Value x = f(va, fromC(b), fromC(c));
    if (x.isNull() || x != NotImplemented()) return returnNew(x);
  }
  return returnNew(power(va, fromC(b), fromC(c)));
}

PyObject* PyNumber_Negative(PyObject* o) { return unary(o, negative); }
PyObject* PyNumber_Positive(PyObject* o) { return unary(o, positive); }
PyObject* PyNumber_Absolute(PyObject* o) { return unary(o, absolute); }
PyObject* PyNumber_Invert(PyObject* o) { return unary(o, invert); }

PyObject* PyNumber_Index(PyObject* o) { return unary(o, index); }
PyObject* _PyNumber_Index(PyObject* o) { return unary(o, index); }

PyObject* PyNumber_Long(PyObject* o) {
  if (o == nullptr) return nullError();
  return returnNew(call1(typeValue(types::int_type), fromC(o)));
}

PyObject* PyNumber_Float(PyObject* o) { return unary(o, toFloat); }

Py_ssize_t PyNumber_AsSsize_t(PyObject* o, PyObject* overflow) {
  if (o == nullptr) return nullError(), -1;
  Value i = index(fromC(o));
  if (i.isNull()) return -1;
  int64_t n;
  if (intToInt64(i, &n)) return n;
  if (!errorMatches(exc::OverflowError)) return -1;
  clearError();
  if (overflow == nullptr) return intSign(i) < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
  PyErr_Format(overflow, "cannot fit '%s' into an index-sized integer", typeNameOf(fromC(o)).c_str());
  return -1;
}

PyObject* PyNumber_ToBase(PyObject* n, int base) {
  const char* spec;
  switch (base) {
    case 2:
      spec = "#b";
      break;
    case 8:
      spec = "#o";
      break;
    case 10:
      spec = "";
      break;
    case 16:
      spec = "#x";
      break;
    default:
      raise(exc::SystemError, "PyNumber_ToBase: base must be 2, 8, 10 or 16");
      return nullptr;
  }
  if (n == nullptr) return nullError();
  Value i = index(fromC(n));
  if (i.isNull()) return nullptr;
  return returnNew(base == 10 ? str(i) : format(i, newStr(spec)));
}

// ===========================================================================
// Sequences

int PySequence_Check(PyObject* s) {
  if (s == nullptr) return 0;
  PySequenceMethods* m = sequenceMethods(s);
  return m != nullptr && m->sq_item != nullptr;
}

Py_ssize_t PySequence_Size(PyObject* s) {
  if (s == nullptr) return nullError(), -1;
  PySequenceMethods* m = sequenceMethods(s);
  if (m != nullptr && m->sq_length != nullptr) return m->sq_length(s);
  if (Py_TYPE(s)->tp_as_mapping != nullptr && Py_TYPE(s)->tp_as_mapping->mp_length != nullptr) {
    return typeError("%s is not a sequence", s), -1;
  }
  return typeError("object of type '%s' has no len()", s), -1;
}

// The exported name of the PySequence_Length macro.
#undef PySequence_Length
Py_ssize_t PySequence_Length(PyObject* s) { return PySequence_Size(s); }

PyObject* PySequence_Concat(PyObject* s, PyObject* o) {
  if (s == nullptr || o == nullptr) return nullError();
  PySequenceMethods* m = sequenceMethods(s);
  if (m != nullptr && m->sq_concat != nullptr) return m->sq_concat(s, o);
  // Classes with __add__ have nb_add only: used when both look like sequences.
  if (PySequence_Check(s) && PySequence_Check(o)) {
    Value x = binaryOp1(fromC(s), fromC(o), &Slots::nb_add);
    if (x.isNull()) return nullptr;
    if (x != NotImplemented()) return toNew(x);
  }
  return typeError("'%s' object can't be concatenated", s);
}

PyObject* PySequence_Repeat(PyObject* o, Py_ssize_t count) {
  if (o == nullptr) return nullError();
  PySequenceMethods* m = sequenceMethods(o);
  if (m != nullptr && m->sq_repeat != nullptr) return m->sq_repeat(o, count);
  if (PySequence_Check(o)) {
    Value x = binaryOp1(fromC(o), newInt(count), &Slots::nb_multiply);
    if (x.isNull()) return nullptr;
    if (x != NotImplemented()) return toNew(x);
  }
  return typeError("'%s' object can't be repeated", o);
}

PyObject* PySequence_InPlaceConcat(PyObject* s, PyObject* o) {
  if (s == nullptr || o == nullptr) return nullError();
  PySequenceMethods* m = sequenceMethods(s);
  if (m != nullptr && m->sq_inplace_concat != nullptr) return m->sq_inplace_concat(s, o);
  if (m != nullptr && m->sq_concat != nullptr) return m->sq_concat(s, o);
  if (PySequence_Check(s) && PySequence_Check(o)) {
    Value x = binaryIOp1(fromC(s), fromC(o), &Slots::nb_inplace_add, &Slots::nb_add);
    if (x.isNull()) return nullptr;
    if (x != NotImplemented()) return toNew(x);
  }
  return typeError("'%s' object can't be concatenated", s);
}

PyObject* PySequence_InPlaceRepeat(PyObject* o, Py_ssize_t count) {
  if (o == nullptr) return nullError();
  PySequenceMethods* m = sequenceMethods(o);
  if (m != nullptr && m->sq_inplace_repeat != nullptr) return m->sq_inplace_repeat(o, count);
  if (m != nullptr && m->sq_repeat != nullptr) return m->sq_repeat(o, count);
  if (PySequence_Check(o)) {
    Value x = binaryIOp1(fromC(o), newInt(count), &Slots::nb_inplace_multiply, &Slots::nb_multiply);
    if (x.isNull()) return nullptr;
    if (x != NotImplemented()) return toNew(x);
  }
  return typeError("'%s' object can't be repeated", o);
}

PyObject* PySequence_GetItem(PyObject* s, Py_ssize_t i) {
  if (s == nullptr) return nullError();
  PySequenceMethods* m = sequenceMethods(s);
  if (m != nullptr && m->sq_item != nullptr) {
    if (!adjustIndex(s, m, &i)) return nullptr;
    return m->sq_item(s, i);
  }
  if (Py_TYPE(s)->tp_as_mapping != nullptr && Py_TYPE(s)->tp_as_mapping->mp_subscript != nullptr) {
    return typeError("%s is not a sequence", s);
  }
  return typeError("'%s' object does not support indexing", s);
}

PyObject* PySequence_GetSlice(PyObject* s, Py_ssize_t lo, Py_ssize_t hi) {
  if (s == nullptr) return nullError();
  PyMappingMethods* mp = Py_TYPE(s)->tp_as_mapping;
  if (mp == nullptr || mp->mp_subscript == nullptr) return typeError("'%s' object is unsliceable", s);
  PyObject* slice = sliceOf(lo, hi);
  if (slice == nullptr) return nullptr;
  PyObject* r = mp->mp_subscript(s, slice);
  Py_DECREF(slice);
  return r;
}

int PySequence_SetItem(PyObject* s, Py_ssize_t i, PyObject* v) {
  if (s == nullptr) return nullError(), -1;
  PySequenceMethods* m = sequenceMethods(s);
  if (m != nullptr && m->sq_ass_item != nullptr) {
    if (!adjustIndex(s, m, &i)) return -1;
    return m->sq_ass_item(s, i, v);
  }
  if (Py_TYPE(s)->tp_as_mapping != nullptr && Py_TYPE(s)->tp_as_mapping->mp_ass_subscript != nullptr) {
    return typeError("%s is not a sequence", s), -1;
  }
  return typeError("'%s' object does not support item assignment", s), -1;
}

int PySequence_DelItem(PyObject* s, Py_ssize_t i) {
  if (s == nullptr) return nullError(), -1;
  PySequenceMethods* m = sequenceMethods(s);
  if (m != nullptr && m->sq_ass_item != nullptr) {
    if (!adjustIndex(s, m, &i)) return -1;
    return m->sq_ass_item(s, i, nullptr);
  }
  if (Py_TYPE(s)->tp_as_mapping != nullptr && Py_TYPE(s)->tp_as_mapping->mp_ass_subscript != nullptr) {
    return typeError("%s is not a sequence", s), -1;
  }
  return typeError("'%s' object doesn't support item deletion", s), -1;
}

int PySequence_SetSlice(PyObject* s, Py_ssize_t lo, Py_ssize_t hi, PyObject* v) {
  if (s == nullptr) return nullError(), -1;
  PyMappingMethods* mp = Py_TYPE(s)->tp_as_mapping;
  if (mp == nullptr || mp->mp_ass_subscript == nullptr) {
    return typeError("'%s' object doesn't support slice assignment", s), -1;
  }
  PyObject* slice = sliceOf(lo, hi);
  if (slice == nullptr) return -1;
  int r = mp->mp_ass_subscript(s, slice, v);
  Py_DECREF(slice);
  return r;
}

int PySequence_DelSlice(PyObject* s, Py_ssize_t lo, Py_ssize_t hi) {
  if (s == nullptr) return nullError(), -1;
  PyMappingMethods* mp = Py_TYPE(s)->tp_as_mapping;
  if (mp == nullptr || mp->mp_ass_subscript == nullptr) {
    return typeError("'%s' object doesn't support slice deletion", s), -1;
  }
  PyObject* slice = sliceOf(lo, hi);
  if (slice == nullptr) return -1;
  int r = mp->mp_ass_subscript(s, slice, nullptr);
  Py_DECREF(slice);
  return r;
}

PyObject* PySequence_Tuple(PyObject* o) {
  if (o == nullptr) return nullError();
  Value v = fromC(o);
  if (isExactTuple(v)) return Py_NewRef(o);
  if (isList(v)) return returnNew(listAsTuple(v));
  return returnNew(tupleFromIterable(v));
}

PyObject* PySequence_List(PyObject* o) {
  if (o == nullptr) return nullError();
  return returnNew(listFromIterable(fromC(o)));
}

PyObject* PySequence_Fast(PyObject* o, const char* message) {
  if (o == nullptr) return nullError();
  Value v = fromC(o);
  if (isExactList(v) || isExactTuple(v)) return Py_NewRef(o);
  Value it = getIter(v);
  if (it.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raise(exc::TypeError, message);
    }
    return nullptr;
  }
  return returnNew(listFromIterable(it));
}

Py_ssize_t PySequence_Count(PyObject* s, PyObject* v) { return iterSearch(s, v, Search::kCount); }
Py_ssize_t PySequence_Index(PyObject* s, PyObject* v) { return iterSearch(s, v, Search::kIndex); }

int PySequence_Contains(PyObject* s, PyObject* v) {
  if (s == nullptr || v == nullptr) return nullError(), -1;
  return contains(fromC(s), fromC(v));
}

// The exported name of the PySequence_In macro.
#undef PySequence_In
int PySequence_In(PyObject* s, PyObject* v) { return PySequence_Contains(s, v); }

// ===========================================================================
// Mappings

int PyMapping_Check(PyObject* o) {
  return o != nullptr && Py_TYPE(o)->tp_as_mapping != nullptr && Py_TYPE(o)->tp_as_mapping->mp_subscript != nullptr;
}

Py_ssize_t PyMapping_Size(PyObject* o) {
  if (o == nullptr) return nullError(), -1;
  PyMappingMethods* m = Py_TYPE(o)->tp_as_mapping;
  if (m != nullptr && m->mp_length != nullptr) return m->mp_length(o);
  PySequenceMethods* sq = sequenceMethods(o);
  if (sq != nullptr && sq->sq_length != nullptr) return typeError("%s is not a mapping", o), -1;
  return typeError("object of type '%s' has no len()", o), -1;
}

#undef PyMapping_Length
Py_ssize_t PyMapping_Length(PyObject* o) { return PyMapping_Size(o); }

PyObject* PyMapping_GetItemString(PyObject* o, const char* key) {
  if (o == nullptr || key == nullptr) return nullError();
  Value k = newStr(key);
  if (k.isNull()) return nullptr;
  return returnNew(getItem(fromC(o), k));
}

int PyMapping_SetItemString(PyObject* o, const char* key, PyObject* value) {
  if (o == nullptr || key == nullptr || value == nullptr) return nullError(), -1;
  Value k = newStr(key);
  if (k.isNull()) return -1;
  return setItem(fromC(o), k, fromC(value));
}

int PyMapping_HasKeyString(PyObject* o, const char* key) {
  PyObject* v = PyMapping_GetItemString(o, key);
  if (v == nullptr) {
    clearError();
    return 0;
  }
  Py_DECREF(v);
  return 1;
}

int PyMapping_HasKey(PyObject* o, PyObject* key) {
  if (o == nullptr || key == nullptr) {
    clearError();
    return 0;
  }
  Value v = getItem(fromC(o), fromC(key));
  if (v.isNull()) {
    clearError();
    return 0;
  }
  return 1;
}

PyObject* PyMapping_Keys(PyObject* o) {
  if (o == nullptr) return nullError();
  if (PyDict_CheckExact(o)) return PyDict_Keys(o);
  return methodOutputAsList(o, "keys");
}

PyObject* PyMapping_Values(PyObject* o) {
  if (o == nullptr) return nullError();
  if (PyDict_CheckExact(o)) return PyDict_Values(o);
  return methodOutputAsList(o, "values");
}

PyObject* PyMapping_Items(PyObject* o) {
  if (o == nullptr) return nullError();
  if (PyDict_CheckExact(o)) return PyDict_Items(o);
  return methodOutputAsList(o, "items");
}

int PyObject_DelItemString(PyObject* o, const char* key) {
  if (o == nullptr || key == nullptr) return nullError(), -1;
  Value k = newStr(key);
  if (k.isNull()) return -1;
  return delItem(fromC(o), k);
}

// ===========================================================================
// bytes(o), the object protocol's way

PyObject* PyObject_Bytes(PyObject* o) {
  if (o == nullptr) return PyBytes_FromString("<NULL>");
  Value v = fromC(o);
  if (isExactBytes(v)) return Py_NewRef(o);
  bool found = false;
  Value r = callSpecial(v, names::__bytes__, nullptr, 0, &found);
  if (found) {
    if (r.isNull()) return nullptr;
    if (!isBytes(r)) {
      raisef(exc::TypeError, "__bytes__ returned non-bytes (type %s)", typeNameOf(r).c_str());
      return nullptr;
    }
    return toNew(r);
  }
  if (errorPending()) return nullptr;
  // PyBytes_FromObject: a buffer, else an iterable of ints other than a str
  // (which has no encoding to be converted with); never bytes(n).
  if (hasBuffer(v)) return returnNew(bytesFromObject(v));
  if (!isStr(v)) {
    Value it = getIter(v);
    if (!it.isNull()) return returnNew(bytesFromObject(it));
    if (!errorMatches(exc::TypeError)) return nullptr;
    clearError();
  }
  return typeError("cannot convert '%s' object to bytes", o);
}

// ===========================================================================
// Calls with built arguments

PyObject* PyObject_CallFunction(PyObject* callable, const char* format, ...) {
  va_list va;
  va_start(va, format);
  PyObject* r = callWithFormat(callable, format, va, false);
  va_end(va);
  return r;
}

PyObject* _PyObject_CallFunction_SizeT(PyObject* callable, const char* format, ...) {
  va_list va;
  va_start(va, format);
  PyObject* r = callWithFormat(callable, format, va, true);
  va_end(va);
  return r;
}

PyObject* PyObject_CallMethod(PyObject* o, const char* name, const char* format, ...) {
  if (o == nullptr || name == nullptr) return nullError();
  PyObject* callable = PyObject_GetAttrString(o, name);
  if (callable == nullptr) return nullptr;
  va_list va;
  va_start(va, format);
  PyObject* r = callMethodWithFormat(callable, format, va, false);
  va_end(va);
  return r;
}

PyObject* _PyObject_CallMethod_SizeT(PyObject* o, const char* name, const char* format, ...) {
  if (o == nullptr || name == nullptr) return nullError();
  PyObject* callable = PyObject_GetAttrString(o, name);
  if (callable == nullptr) return nullptr;
  va_list va;
  va_start(va, format);
  PyObject* r = callMethodWithFormat(callable, format, va, true);
  va_end(va);
  return r;
}

PyObject* _PyObject_CallMethod(PyObject* o, PyObject* name, const char* format, ...) {
  if (o == nullptr || name == nullptr) return nullError();
  PyObject* callable = PyObject_GetAttr(o, name);
  if (callable == nullptr) return nullptr;
  va_list va;
  va_start(va, format);
  PyObject* r = callMethodWithFormat(callable, format, va, true);
  va_end(va);
  return r;
}

// Every runtime object is called the vectorcall way, and PyObject_Vectorcall
// has vectorcallfunc's signature: it is every object's vectorcall function.
vectorcallfunc PyVectorcall_Function(PyObject* callable) {
  return callable != nullptr && PyCallable_Check(callable) ? PyObject_Vectorcall : nullptr;
}

PyObject* _PyObject_FastCall(PyObject* callable, PyObject* const* args, Py_ssize_t nargs) {
  return PyObject_Vectorcall(callable, args, static_cast<size_t>(nargs), nullptr);
}

// A dict of keyword arguments from vectorcall's values and names.
PyObject* _PyStack_AsDict(PyObject* const* values, PyObject* kwnames) {
  PyObject* d = PyDict_New();
  if (d == nullptr) return nullptr;
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); ++i) {
    if (PyDict_SetItem(d, PyTuple_GET_ITEM(kwnames, i), values[i]) < 0) {
      Py_DECREF(d);
      return nullptr;
    }
  }
  return d;
}

PyObject* _PyObject_CallMethodId(PyObject* o, _Py_Identifier* name, const char* format, ...) {
  if (o == nullptr || name == nullptr) return nullError();
  PyObject* attr = _PyUnicode_FromId(name);  // borrowed
  if (attr == nullptr) return nullptr;
  PyObject* callable = PyObject_GetAttr(o, attr);
  if (callable == nullptr) return nullptr;
  va_list va;
  va_start(va, format);
  PyObject* r = callMethodWithFormat(callable, format, va, false);
  va_end(va);
  return r;
}

PyObject* _PyObject_CallMethodId_SizeT(PyObject* o, _Py_Identifier* name, const char* format, ...) {
  if (o == nullptr || name == nullptr) return nullError();
  PyObject* attr = _PyUnicode_FromId(name);  // borrowed
  if (attr == nullptr) return nullptr;
  PyObject* callable = PyObject_GetAttr(o, attr);
  if (callable == nullptr) return nullptr;
  va_list va;
  va_start(va, format);
  PyObject* r = callMethodWithFormat(callable, format, va, true);
  va_end(va);
  return r;
}

PyObject* _PyObject_CallMethodIdObjArgs(PyObject* o, _Py_Identifier* name, ...) {
  if (o == nullptr || name == nullptr) return nullError();
  PyObject* attr = _PyUnicode_FromId(name);  // borrowed
  if (attr == nullptr) return nullptr;
  PyObject* callable = PyObject_GetAttr(o, attr);
  if (callable == nullptr) return nullptr;
  va_list va;
  va_start(va, name);
  Value args = tupleOfArgs(va);
  va_end(va);
  Value r = callTupleDict(fromC(callable), args, Value());
  Py_DECREF(callable);
  return returnNew(r);
}

// An object of a C type with Py_TPFLAGS_HAVE_VECTORCALL (whose tp_call is
// often this function) is called through the vectorcallfunc in its memory;
// every runtime callable is called the vectorcall way already.
PyObject* PyVectorcall_Call(PyObject* callable, PyObject* tuple, PyObject* kwargs) {
  if (callable == nullptr || tuple == nullptr || !PyTuple_Check(tuple)) return badInternalCall("PyVectorcall_Call");
  PyTypeObject* type = Py_TYPE(callable);
  if ((type->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) && type->tp_vectorcall_offset > 0) {
    vectorcallfunc func;
    std::memcpy(&func, reinterpret_cast<char*>(callable) + type->tp_vectorcall_offset, sizeof func);
    if (func == nullptr) return typeError("'%s' object does not support vectorcall", callable);
    return callVectorcallFunc(func, callable, tuple, kwargs);
  }
  Value f = fromC(callable);
  if (!isCallable(f)) return typeError("'%s' object does not support vectorcall", callable);
  return returnNew(callTupleDict(f, fromC(tuple), fromCOrNull(kwargs)));
}

PyObject* PyObject_CallFunctionObjArgs(PyObject* callable, ...) {
  if (callable == nullptr) return nullError();
  va_list va;
  va_start(va, callable);
  Value args = tupleOfArgs(va);
  va_end(va);
  return returnNew(callTupleDict(fromC(callable), args, Value()));
}

PyObject* PyObject_CallMethodObjArgs(PyObject* o, PyObject* name, ...) {
  if (o == nullptr || name == nullptr) return nullError();
  PyObject* callable = PyObject_GetAttr(o, name);
  if (callable == nullptr) return nullptr;
  va_list va;
  va_start(va, name);
  Value args = tupleOfArgs(va);
  va_end(va);
  Value r = callTupleDict(fromC(callable), args, Value());
  Py_DECREF(callable);
  return returnNew(r);
}

// ===========================================================================
// Iterators

PySendResult PyIter_Send(PyObject* iter, PyObject* arg, PyObject** result) {
  if (iter == nullptr || arg == nullptr || result == nullptr) {
    badInternalCall("PyIter_Send");
    if (result != nullptr) *result = nullptr;
    return PYGEN_ERROR;
  }
  Value it = fromC(iter);
  Value value = fromC(arg);
  Value r;
  if (isGenerator(it) || isCoroutine(it)) {
    bool returned = false;
    r = genSend(it, value, &returned);
    if (!r.isNull()) {
      *result = toNew(r);
      return returned ? PYGEN_RETURN : PYGEN_NEXT;
    }
  } else if (isNone(value) && typeOf(it)->slots.tp_iternext != nullptr) {
    r = typeOf(it)->slots.tp_iternext(it);
  } else {
    r = callMethod(it, internStr("send"), &value, 1);
  }
  if (!r.isNull()) {
    *result = toNew(r);
    return PYGEN_NEXT;
  }
  // Finished: a StopIteration's value (or None when nothing was raised) is
  // the return value.
  if (!errorPending()) {
    *result = Py_NewRef(Py_None);
    return PYGEN_RETURN;
  }
  if (errorMatches(exc::StopIteration)) {
    Value stop = takeError();
    Value v = static_cast<StopIterationObj*>(stop.asObject())->value.get();
    *result = toNew(v.isNull() ? None() : v);
    return PYGEN_RETURN;
  }
  *result = nullptr;
  return PYGEN_ERROR;
}

int PyAIter_Check(PyObject* o) { return o != nullptr && typeOf(fromC(o))->slots.am_anext != nullptr; }

PyObject* PyObject_GetAIter(PyObject* o) {
  if (o == nullptr) return nullError();
  Value v = fromC(o);
  UnaryFn f = typeOf(v)->slots.am_aiter;
  if (f == nullptr) return typeError("'%s' object is not an async iterable", o);
  Value it = f(v);
  if (it.isNull()) return nullptr;
  if (typeOf(it)->slots.am_anext == nullptr) {
    raisef(exc::TypeError, "aiter() returned not an async iterator of type '%s'", typeNameOf(it).c_str());
    return nullptr;
  }
  return toNew(it);
}

}  // extern "C"
