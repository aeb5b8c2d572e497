// tp_methods of the exported PyLong_Type and PyFloat_Type, for CPython's own
// modules that look a method up there and call its C function directly
// (`_decimal` takes float.as_integer_ratio and int.bit_length so, and fails
// its import without them).  The runtime's types keep their methods in
// their dicts; these tables list the METH_NOARGS ones CPython 3.11 lists,
// each a C function calling the type's own method of that name on self
// (int.bit_length(self), never an override in a subclass of self's: the C
// function is the base type's, as in CPython).
#include "Python.h"
#include "cpyext/pyruntime.h"

namespace tern::cpyext {

namespace {

// The C face of the runtime method `Name` of `Type` taking no arguments.
template <PyTypeObject* Type, const char* Name>
PyObject* callNoArgs(PyObject* self, PyObject*) {
  return PyObject_CallMethod(reinterpret_cast<PyObject*>(Type), Name, "O", self);
}

template <PyTypeObject* Type, const char* Name>
constexpr PyMethodDef noArgs() {
  return {.ml_name = Name, .ml_meth = callNoArgs<Type, Name>, .ml_flags = METH_NOARGS, .ml_doc = nullptr};
}

constexpr char kConjugate[] = "conjugate";
constexpr char kBitLength[] = "bit_length";
constexpr char kBitCount[] = "bit_count";
constexpr char kAsIntegerRatio[] = "as_integer_ratio";
constexpr char kTrunc[] = "__trunc__";
constexpr char kFloor[] = "__floor__";
constexpr char kCeil[] = "__ceil__";
constexpr char kGetNewArgs[] = "__getnewargs__";
constexpr char kSizeOf[] = "__sizeof__";
constexpr char kHex[] = "hex";
constexpr char kIsInteger[] = "is_integer";

constexpr PyMethodDef kEnd = {.ml_name = nullptr, .ml_meth = nullptr, .ml_flags = 0, .ml_doc = nullptr};

PyMethodDef g_long_methods[] = {
    noArgs<&PyLong_Type, kConjugate>(),  noArgs<&PyLong_Type, kBitLength>(),       noArgs<&PyLong_Type, kBitCount>(),
    noArgs<&PyLong_Type, kAsIntegerRatio>(), noArgs<&PyLong_Type, kTrunc>(),       noArgs<&PyLong_Type, kFloor>(),
    noArgs<&PyLong_Type, kCeil>(),       noArgs<&PyLong_Type, kGetNewArgs>(),      noArgs<&PyLong_Type, kSizeOf>(),
    kEnd,
};

PyMethodDef g_float_methods[] = {
    noArgs<&PyFloat_Type, kConjugate>(), noArgs<&PyFloat_Type, kTrunc>(),          noArgs<&PyFloat_Type, kFloor>(),
    noArgs<&PyFloat_Type, kCeil>(),      noArgs<&PyFloat_Type, kAsIntegerRatio>(), noArgs<&PyFloat_Type, kHex>(),
    noArgs<&PyFloat_Type, kIsInteger>(), noArgs<&PyFloat_Type, kGetNewArgs>(),     kEnd,
};

}  // namespace

void installBuiltinTypeMethods() {
  PyLong_Type.tp_methods = g_long_methods;
  PyFloat_Type.tp_methods = g_float_methods;
}

}  // namespace tern::cpyext
