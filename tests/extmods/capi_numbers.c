/* capi_numbers: int, float, bool and complex from C.
 *
 * PyLong_From* for every C integer type (limits included), PyLong_As* with
 * their overflow and type errors, big integers through PyLong_FromString,
 * PyLong_AsLongAndOverflow and PyLong_AsDouble; PyFloat, PyBool and
 * PyComplex conversions and macros; PyOS_string_to_double and
 * PyOS_double_to_string.  Driver: test_capi_numbers.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <limits.h>
#include <stdint.h>

/* ---- int from C ------------------------------------------------------- */

static PyObject *
long_from_c(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(NNNNNNNNNN)",
                         PyLong_FromLong(LONG_MIN),
                         PyLong_FromLong(LONG_MAX),
                         PyLong_FromUnsignedLong(ULONG_MAX),
                         PyLong_FromLongLong(LLONG_MIN),
                         PyLong_FromUnsignedLongLong(ULLONG_MAX),
                         PyLong_FromSsize_t(PY_SSIZE_T_MIN),
                         PyLong_FromSize_t(SIZE_MAX),
                         PyLong_FromLong(0),
                         PyLong_FromDouble(1e20),
                         PyLong_FromDouble(-2.75));
}

/* PyLong_FromDouble of inf or nan raises. */
static PyObject *
long_from_double(PyObject *self, PyObject *arg)
{
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    return PyLong_FromDouble(d);
}

/* long_from_string(text, base) -> (value, number of chars consumed). */
static PyObject *
long_from_string(PyObject *self, PyObject *args)
{
    const char *text;
    int base;
    if (!PyArg_ParseTuple(args, "si", &text, &base))
        return NULL;
    char *end = NULL;
    PyObject *value = PyLong_FromString(text, &end, base);
    if (value == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", value, (Py_ssize_t)(end - text));
}

static PyObject *
long_from_unicode_object(PyObject *self, PyObject *args)
{
    PyObject *text;
    int base;
    if (!PyArg_ParseTuple(args, "Ui", &text, &base))
        return NULL;
    return PyLong_FromUnicodeObject(text, base);
}

/* ---- int to C --------------------------------------------------------- */

/* Each as_* returns the converted value rebuilt as an int, or lets the
 * conversion's exception through; -1 with an error set is the signal. */
static PyObject *
as_long(PyObject *self, PyObject *arg)
{
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(v);
}

static PyObject *
as_long_and_overflow(PyObject *self, PyObject *arg)
{
    int overflow = 99;
    long v = PyLong_AsLongAndOverflow(arg, &overflow);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(li)", v, overflow);
}

static PyObject *
as_long_long(PyObject *self, PyObject *arg)
{
    long long v = PyLong_AsLongLong(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLongLong(v);
}

static PyObject *
as_unsigned_long(PyObject *self, PyObject *arg)
{
    unsigned long v = PyLong_AsUnsignedLong(arg);
    if (v == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromUnsignedLong(v);
}

static PyObject *
as_unsigned_long_long(PyObject *self, PyObject *arg)
{
    unsigned long long v = PyLong_AsUnsignedLongLong(arg);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromUnsignedLongLong(v);
}

/* The *Mask variants wrap modulo 2**64 instead of raising. */
static PyObject *
as_unsigned_long_long_mask(PyObject *self, PyObject *arg)
{
    unsigned long long v = PyLong_AsUnsignedLongLongMask(arg);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromUnsignedLongLong(v);
}

static PyObject *
as_ssize_t(PyObject *self, PyObject *arg)
{
    Py_ssize_t v = PyLong_AsSsize_t(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(v);
}

static PyObject *
as_size_t(PyObject *self, PyObject *arg)
{
    size_t v = PyLong_AsSize_t(arg);
    if (v == (size_t)-1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSize_t(v);
}

static PyObject *
long_as_double(PyObject *self, PyObject *arg)
{
    double v = PyLong_AsDouble(arg);
    if (v == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(v);
}

/* A pointer survives the trip through an int. */
static PyObject *
void_ptr_round_trip(PyObject *self, PyObject *unused)
{
    static int target;
    PyObject *as_int = PyLong_FromVoidPtr(&target);
    if (as_int == NULL)
        return NULL;
    void *back = PyLong_AsVoidPtr(as_int);
    Py_DECREF(as_int);
    if (back == NULL && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(back == &target);
}

/* (PyLong_Check, PyLong_CheckExact) */
static PyObject *
long_checks(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("(NN)", PyBool_FromLong(PyLong_Check(arg)),
                         PyBool_FromLong(PyLong_CheckExact(arg)));
}

/* ---- float ------------------------------------------------------------ */

static PyObject *
float_from_c(PyObject *self, PyObject *unused)
{
    PyObject *from_str = PyUnicode_FromString("  -1.5e3 ");
    if (from_str == NULL)
        return NULL;
    PyObject *parsed = PyFloat_FromString(from_str);
    Py_DECREF(from_str);
    if (parsed == NULL)
        return NULL;
    return Py_BuildValue("(NNNNN)", PyFloat_FromDouble(0.1), PyFloat_FromDouble(-0.0),
                         PyFloat_FromDouble(PyFloat_GetMax()),
                         PyFloat_FromDouble(PyFloat_GetMin()), parsed);
}

static PyObject *
float_as_double(PyObject *self, PyObject *arg)
{
    double v = PyFloat_AsDouble(arg);
    if (v == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(v);
}

/* PyFloat_AS_DOUBLE reads the proxy's ob_fval directly; only for exact or
 * subclass floats, which the check guarantees. */
static PyObject *
float_macro(PyObject *self, PyObject *arg)
{
    if (!PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "float_macro: need a float");
        return NULL;
    }
    return Py_BuildValue("(dN)", PyFloat_AS_DOUBLE(arg),
                         PyBool_FromLong(PyFloat_CheckExact(arg)));
}

/* float_info as a structseq, from C. */
static PyObject *
float_info(PyObject *self, PyObject *unused)
{
    return PyFloat_GetInfo();
}

/* ---- bool ------------------------------------------------------------- */

static PyObject *
bools(PyObject *self, PyObject *unused)
{
    PyObject *t = PyBool_FromLong(5);
    PyObject *f = PyBool_FromLong(0);
    /* The singletons are the only bools there are. */
    int same = t == Py_True && f == Py_False;
    Py_DECREF(t);
    Py_DECREF(f);
    return Py_BuildValue("(NOON)", PyBool_FromLong(same), Py_True, Py_False,
                         PyBool_FromLong(PyBool_Check(Py_True) && !PyBool_Check(Py_None)));
}

static PyObject *
return_true(PyObject *self, PyObject *unused)
{
    Py_RETURN_TRUE;
}

static PyObject *
return_false(PyObject *self, PyObject *unused)
{
    Py_RETURN_FALSE;
}

static PyObject *
return_none(PyObject *self, PyObject *unused)
{
    Py_RETURN_NONE;
}

/* ---- complex ---------------------------------------------------------- */

static PyObject *
complex_from_doubles(PyObject *self, PyObject *args)
{
    double re, im;
    if (!PyArg_ParseTuple(args, "dd", &re, &im))
        return NULL;
    return PyComplex_FromDoubles(re, im);
}

/* complex_parts(x) -> (RealAsDouble, ImagAsDouble, AsCComplex as a tuple). */
static PyObject *
complex_parts(PyObject *self, PyObject *arg)
{
    double re = PyComplex_RealAsDouble(arg);
    if (re == -1.0 && PyErr_Occurred())
        return NULL;
    double im = PyComplex_ImagAsDouble(arg);
    if (im == -1.0 && PyErr_Occurred())
        return NULL;
    Py_complex c = PyComplex_AsCComplex(arg);
    if (c.real == -1.0 && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(dd(dd))", re, im, c.real, c.imag);
}

static PyObject *
complex_from_ccomplex(PyObject *self, PyObject *unused)
{
    Py_complex c = {.real = 1.5, .imag = -2.0};
    PyObject *z = PyComplex_FromCComplex(c);
    if (z == NULL)
        return NULL;
    return Py_BuildValue("(NN)", z, PyBool_FromLong(PyComplex_CheckExact(z)));
}

/* ---- PyOS float helpers ----------------------------------------------- */

static PyObject *
string_to_double(PyObject *self, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL)
        return NULL;
    char *end;
    double v = PyOS_string_to_double(s, &end, PyExc_OverflowError);
    if (v == -1.0 && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(dn)", v, (Py_ssize_t)(end - s));
}

/* double_to_string(value, format_code, precision) */
static PyObject *
double_to_string(PyObject *self, PyObject *args)
{
    double v;
    int code, precision;
    if (!PyArg_ParseTuple(args, "dCi", &v, &code, &precision))
        return NULL;
    char *s = PyOS_double_to_string(v, (char)code, precision, 0, NULL);
    if (s == NULL)
        return NULL;
    PyObject *result = PyUnicode_FromString(s);
    PyMem_Free(s);
    return result;
}

static PyMethodDef capi_numbers_methods[] = {
    {"long_from_c", long_from_c, METH_NOARGS, NULL},
    {"long_from_double", long_from_double, METH_O, NULL},
    {"long_from_string", long_from_string, METH_VARARGS, NULL},
    {"long_from_unicode_object", long_from_unicode_object, METH_VARARGS, NULL},
    {"as_long", as_long, METH_O, NULL},
    {"as_long_and_overflow", as_long_and_overflow, METH_O, NULL},
    {"as_long_long", as_long_long, METH_O, NULL},
    {"as_unsigned_long", as_unsigned_long, METH_O, NULL},
    {"as_unsigned_long_long", as_unsigned_long_long, METH_O, NULL},
    {"as_unsigned_long_long_mask", as_unsigned_long_long_mask, METH_O, NULL},
    {"as_ssize_t", as_ssize_t, METH_O, NULL},
    {"as_size_t", as_size_t, METH_O, NULL},
    {"long_as_double", long_as_double, METH_O, NULL},
    {"void_ptr_round_trip", void_ptr_round_trip, METH_NOARGS, NULL},
    {"long_checks", long_checks, METH_O, NULL},
    {"float_from_c", float_from_c, METH_NOARGS, NULL},
    {"float_as_double", float_as_double, METH_O, NULL},
    {"float_macro", float_macro, METH_O, NULL},
    {"float_info", float_info, METH_NOARGS, NULL},
    {"bools", bools, METH_NOARGS, NULL},
    {"return_true", return_true, METH_NOARGS, NULL},
    {"return_false", return_false, METH_NOARGS, NULL},
    {"return_none", return_none, METH_NOARGS, NULL},
    {"complex_from_doubles", complex_from_doubles, METH_VARARGS, NULL},
    {"complex_parts", complex_parts, METH_O, NULL},
    {"complex_from_ccomplex", complex_from_ccomplex, METH_NOARGS, NULL},
    {"string_to_double", string_to_double, METH_O, NULL},
    {"double_to_string", double_to_string, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_numbers_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_numbers",
    .m_doc = "int, float, bool and complex conversions.",
    .m_size = -1,
    .m_methods = capi_numbers_methods,
};

PyMODINIT_FUNC
PyInit_capi_numbers(void)
{
    return PyModule_Create(&capi_numbers_def);
}
