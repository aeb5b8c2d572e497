/* capi_getargs: PyArg_ParseTuple, PyArg_ParseTupleAndKeywords,
 * PyArg_UnpackTuple and Py_BuildValue.
 *
 * Each parse_* function parses one group of format units and hands the
 * converted C values back (rebuilt with Py_BuildValue), so the driver can
 * check both the conversion and the error a wrong argument gets.  The build_*
 * functions exercise Py_BuildValue unit by unit.  Driver: test_capi_getargs.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---- integers and floats ---------------------------------------------- */

static PyObject *
parse_ints(PyObject *self, PyObject *args)
{
    int i;
    long l;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "iln:parse_ints", &i, &l, &n))
        return NULL;
    return Py_BuildValue("(iln)", i, l, n);
}

/* The narrower and the unsigned integer units, one call each so that the
 * driver can aim range checks at a single unit. */
static PyObject *
parse_small_ints(PyObject *self, PyObject *args)
{
    unsigned char b;
    short h;
    unsigned short H;
    unsigned int I;
    unsigned long k;
    long long L;
    unsigned long long K;
    if (!PyArg_ParseTuple(args, "bhHIkLK", &b, &h, &H, &I, &k, &L, &K))
        return NULL;
    return Py_BuildValue("(bhHIkLK)", b, h, H, I, k, L, K);
}

static PyObject *
parse_floats(PyObject *self, PyObject *args)
{
    double d;
    float f;
    Py_complex D;
    if (!PyArg_ParseTuple(args, "dfD", &d, &f, &D))
        return NULL;
    return Py_BuildValue("(dfD)", d, (double)f, &D);
}

/* ---- strings and bytes ------------------------------------------------ */

/* "s": a NUL-terminated UTF-8 char*, valid while the argument lives. */
static PyObject *
parse_s(PyObject *self, PyObject *args)
{
    const char *s;
    if (!PyArg_ParseTuple(args, "s", &s))
        return NULL;
    return Py_BuildValue("(sn)", s, (Py_ssize_t)strlen(s));
}

/* "s#": pointer and length; str (as UTF-8) or a read-only bytes-like. */
static PyObject *
parse_s_hash(PyObject *self, PyObject *args)
{
    const char *s;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "s#", &s, &len))
        return NULL;
    return Py_BuildValue("(y#n)", s, len, len);
}

/* "z": like "s" but None gives NULL. */
static PyObject *
parse_z(PyObject *self, PyObject *args)
{
    const char *s = "untouched";
    if (!PyArg_ParseTuple(args, "z", &s))
        return NULL;
    if (s == NULL)
        return PyUnicode_FromString("<NULL>");
    return PyUnicode_FromString(s);
}

/* "y#": bytes only, embedded NULs allowed. */
static PyObject *
parse_y_hash(PyObject *self, PyObject *args)
{
    const char *s;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#", &s, &len))
        return NULL;
    Py_ssize_t nuls = 0;
    for (Py_ssize_t i = 0; i < len; i++)
        nuls += s[i] == '\0';
    return Py_BuildValue("(nn)", len, nuls);
}

/* "y*" and "s*": a Py_buffer that must be released. */
static PyObject *
parse_buffers(PyObject *self, PyObject *args)
{
    Py_buffer y, s;
    if (!PyArg_ParseTuple(args, "y*s*", &y, &s))
        return NULL;
    PyObject *result = Py_BuildValue("(y#y#)", (const char *)y.buf, y.len,
                                     (const char *)s.buf, s.len);
    PyBuffer_Release(&y);
    PyBuffer_Release(&s);
    return result;
}

/* "es": encode a str into a PyMem-allocated buffer that C frees. */
static PyObject *
parse_es(PyObject *self, PyObject *args)
{
    char *buf = NULL;
    if (!PyArg_ParseTuple(args, "es", "latin-1", &buf))
        return NULL;
    PyObject *result = PyBytes_FromString(buf);
    PyMem_Free(buf);
    return result;
}

/* "U" (str), "S" (bytes), "Y" (bytearray), "C" (a one-character str) and
 * "c" (a length-1 bytes or bytearray). */
static PyObject *
parse_typed_objects(PyObject *self, PyObject *args)
{
    PyObject *u, *s, *y;
    int ch;
    char c;
    if (!PyArg_ParseTuple(args, "USYCc", &u, &s, &y, &ch, &c))
        return NULL;
    return Py_BuildValue("(OOOic)", u, s, y, ch, c);
}

/* ---- objects, converters, predicates ---------------------------------- */

/* "O": the very object, borrowed. */
static PyObject *
parse_O(PyObject *self, PyObject *args)
{
    PyObject *o;
    if (!PyArg_ParseTuple(args, "O", &o))
        return NULL;
    return Py_NewRef(o);
}

/* "O!": type-checked object. */
static PyObject *
parse_O_bang(PyObject *self, PyObject *args)
{
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &list))
        return NULL;
    return PyLong_FromSsize_t(PyList_GET_SIZE(list));
}

/* The "O&" converter: the argument must be an int; store twice its value.
 * Returning 0 with an exception set makes the parse fail. */
static int
double_it(PyObject *obj, void *out)
{
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred())
        return 0;
    if (v < 0) {
        PyErr_SetString(PyExc_ValueError, "double_it: negative");
        return 0;
    }
    *(long *)out = 2 * v;
    return 1;
}

static PyObject *
parse_O_amp(PyObject *self, PyObject *args)
{
    long doubled;
    if (!PyArg_ParseTuple(args, "O&", double_it, &doubled))
        return NULL;
    return PyLong_FromLong(doubled);
}

/* "p": truth value, through __bool__/__len__. */
static PyObject *
parse_p(PyObject *self, PyObject *args)
{
    int flag = 42;
    if (!PyArg_ParseTuple(args, "p", &flag))
        return NULL;
    return PyLong_FromLong(flag);
}

/* "(ii)": a nested sequence unpacked in place. */
static PyObject *
parse_nested(PyObject *self, PyObject *args)
{
    int a, b;
    const char *s;
    if (!PyArg_ParseTuple(args, "(ii)s", &a, &b, &s))
        return NULL;
    return Py_BuildValue("(iis)", a, b, s);
}

/* A METH_VARARGS function keeping its argument tuple: each call returns the
 * tuple of the previous one (a new reference to it moves to the caller), so
 * the tuple must outlive the call that made it. */
static PyObject *kept_args;

static PyObject *
keep_args(PyObject *self, PyObject *args)
{
    PyObject *previous = kept_args;
    Py_INCREF(args);
    kept_args = args;
    if (previous == NULL)
        Py_RETURN_NONE;
    return previous;
}

/* "|": optional units keep the C defaults when not given. */
static PyObject *
parse_optional(PyObject *self, PyObject *args)
{
    int a, b = -1;
    PyObject *o = NULL;
    if (!PyArg_ParseTuple(args, "i|iO:parse_optional", &a, &b, &o))
        return NULL;
    return Py_BuildValue("(iiO)", a, b, o ? o : Py_None);
}

/* ";": the text after it replaces the whole message of the errors the
 * parser itself raises (wrong count, wrong type for "O!"); errors raised
 * inside a conversion, such as PyLong_AsLong's, keep their own text. */
static PyObject *
parse_custom_message(PyObject *self, PyObject *args)
{
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O!;custom message for a", &PyList_Type, &list))
        return NULL;
    return PyLong_FromSsize_t(PyList_GET_SIZE(list));
}

/* ---- keywords --------------------------------------------------------- */

/* kwfunc(a, b="dflt", *, flag=False): "i|s$p:kwfunc". */
static PyObject *
kwfunc(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"a", "b", "flag", NULL};
    int a;
    const char *b = "dflt";
    int flag = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|s$p:kwfunc", kwlist, &a, &b, &flag))
        return NULL;
    return Py_BuildValue("(isN)", a, b, PyBool_FromLong(flag));
}

/* posonly(x, /, y, z=0): an empty name marks a positional-only parameter. */
static PyObject *
posonly(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "y", "z", NULL};
    PyObject *x, *y;
    long z = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|l:posonly", kwlist, &x, &y, &z))
        return NULL;
    return Py_BuildValue("(OOl)", x, y, z);
}

/* unpack(a[, b[, c]]): PyArg_UnpackTuple with 1..3 arguments. */
static PyObject *
unpack(PyObject *self, PyObject *args)
{
    PyObject *a = NULL, *b = NULL, *c = NULL;
    if (!PyArg_UnpackTuple(args, "unpack", 1, 3, &a, &b, &c))
        return NULL;
    return Py_BuildValue("(OOO)", a, b ? b : Py_None, c ? c : Py_None);
}

/* ---- Py_BuildValue ---------------------------------------------------- */

static PyObject *
build_scalars(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(i l n d f k K L b h H I)", -5, 1L << 40, (Py_ssize_t)-12345,
                         2.5, 0.25, 4000000000UL, 18446744073709551615ULL,
                         -9223372036854775807LL - 1, 200, -300, 60000, 4000000000U);
}

static PyObject *
build_strings(PyObject *self, PyObject *unused)
{
    const char *nul = NULL;
    /* s#/y# with embedded NULs; s/z with NULL give None; C is a code point. */
    return Py_BuildValue("(s s# y# y z s C c)", "caf\xc3\xa9", "ab\0cd", (Py_ssize_t)5,
                         "x\0y", (Py_ssize_t)3, "bytes", nul, nul, 0x1F600, 'Q');
}

/* Tuples of the commonest units, one at the end of its tuple, one before
 * "#", a NULL string (None), and the empty tuple. */
static PyObject *
build_common(PyObject *self, PyObject *unused)
{
    const char *nul = NULL;
    return Py_BuildValue("((isdl)(ssi)(s#i)())", 1, "two", 3.0, -(1L << 40), "a", nul, 5, "ab\0cd",
                         (Py_ssize_t)3, 7);
}

/* "O" adds a reference, "N" steals one: both give the same object back. */
static PyObject *
build_objects(PyObject *self, PyObject *obj)
{
    PyObject *fresh = PyList_New(0);
    if (fresh == NULL)
        return NULL;
    return Py_BuildValue("(ONS)", obj, fresh, obj);
}

static PyObject *
build_containers(PyObject *self, PyObject *unused)
{
    /* Nested tuple/list/dict, empty ones, and ',' / ':' separators ("(i)"
     * is a 1-tuple; a trailing comma would be a format error). */
    return Py_BuildValue("((), [], {}, (i), [i, (s, [d])], {s:i, s:[i,i], i:()})", 1, 2,
                         "t", 3.5, "k1", 10, "k2", 20, 30, 99);
}

/* Py_BuildValue("") is None; a single unit is not wrapped in a tuple. */
static PyObject *
build_special(PyObject *self, PyObject *unused)
{
    PyObject *none = Py_BuildValue("");
    PyObject *single = Py_BuildValue("i", 7);
    PyObject *one_tuple = Py_BuildValue("(i)", 7);
    if (none == NULL || single == NULL || one_tuple == NULL) {
        Py_XDECREF(none);
        Py_XDECREF(single);
        Py_XDECREF(one_tuple);
        return NULL;
    }
    return Py_BuildValue("(NNN)", none, single, one_tuple);
}

/* A NULL object for "O" means "an error is already set": Py_BuildValue
 * must return NULL and leave that error alone. */
static PyObject *
build_propagates_error(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_KeyError, "from before");
    return Py_BuildValue("(iO)", 1, (PyObject *)NULL);
}

static PyMethodDef capi_getargs_methods[] = {
    {"parse_ints", parse_ints, METH_VARARGS, NULL},
    {"parse_small_ints", parse_small_ints, METH_VARARGS, NULL},
    {"parse_floats", parse_floats, METH_VARARGS, NULL},
    {"parse_s", parse_s, METH_VARARGS, NULL},
    {"parse_s_hash", parse_s_hash, METH_VARARGS, NULL},
    {"parse_z", parse_z, METH_VARARGS, NULL},
    {"parse_y_hash", parse_y_hash, METH_VARARGS, NULL},
    {"parse_buffers", parse_buffers, METH_VARARGS, NULL},
    {"parse_es", parse_es, METH_VARARGS, NULL},
    {"parse_typed_objects", parse_typed_objects, METH_VARARGS, NULL},
    {"parse_O", parse_O, METH_VARARGS, NULL},
    {"parse_O_bang", parse_O_bang, METH_VARARGS, NULL},
    {"parse_O_amp", parse_O_amp, METH_VARARGS, NULL},
    {"parse_p", parse_p, METH_VARARGS, NULL},
    {"parse_nested", parse_nested, METH_VARARGS, NULL},
    {"keep_args", keep_args, METH_VARARGS, NULL},
    {"parse_optional", parse_optional, METH_VARARGS, NULL},
    {"parse_custom_message", parse_custom_message, METH_VARARGS, NULL},
    {"kwfunc", (PyCFunction)(void (*)(void))kwfunc, METH_VARARGS | METH_KEYWORDS, NULL},
    {"posonly", (PyCFunction)(void (*)(void))posonly, METH_VARARGS | METH_KEYWORDS, NULL},
    {"unpack", unpack, METH_VARARGS, NULL},
    {"build_scalars", build_scalars, METH_NOARGS, NULL},
    {"build_strings", build_strings, METH_NOARGS, NULL},
    {"build_common", build_common, METH_NOARGS, NULL},
    {"build_objects", build_objects, METH_O, NULL},
    {"build_containers", build_containers, METH_NOARGS, NULL},
    {"build_special", build_special, METH_NOARGS, NULL},
    {"build_propagates_error", build_propagates_error, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_getargs_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_getargs",
    .m_doc = "Argument parsing and Py_BuildValue.",
    .m_size = -1,
    .m_methods = capi_getargs_methods,
};

PyMODINIT_FUNC
PyInit_capi_getargs(void)
{
    return PyModule_Create(&capi_getargs_def);
}
