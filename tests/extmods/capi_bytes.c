/* capi_bytes: bytes and bytearray from C.
 *
 * PyBytes_FromString/FromStringAndSize (including the NULL-buffer form that
 * C fills in before anyone else sees the object), AsString/AS_STRING,
 * AsStringAndSize, Size/GET_SIZE, Concat/ConcatAndDel, FromFormat,
 * _PyBytes_Resize; PyByteArray_FromStringAndSize/FromObject, AsString/
 * AS_STRING, Size, Resize, Concat, and a bytearray's buffer written from C
 * and from Python in turn, each side seeing the other's writes.
 * Driver: test_capi_bytes.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---- bytes ------------------------------------------------------------ */

static PyObject *
bytes_from_c(PyObject *self, PyObject *unused)
{
    /* The NULL-buffer form: an uninitialised bytes object that C fills in
     * through PyBytes_AS_STRING before handing it out. */
    PyObject *filled = PyBytes_FromStringAndSize(NULL, 4);
    if (filled == NULL)
        return NULL;
    char *p = PyBytes_AS_STRING(filled);
    memcpy(p, "\x01\x02\x03\x04", 4);
    if (p[4] != '\0') {
        Py_DECREF(filled);
        PyErr_SetString(PyExc_AssertionError, "bytes buffer is not NUL-terminated");
        return NULL;
    }
    return Py_BuildValue("(NNNN)", PyBytes_FromString("plain"),
                         PyBytes_FromStringAndSize("a\0b", 3), filled,
                         PyBytes_FromStringAndSize("", 0));
}

/* bytes_access(b) -> (AsString as bytes up to its NUL, AS_STRING bytes of
 * Size, Size, GET_SIZE); AsString accepts only bytes. */
static PyObject *
bytes_access(PyObject *self, PyObject *b)
{
    char *s = PyBytes_AsString(b);
    if (s == NULL)
        return NULL;
    Py_ssize_t size = PyBytes_Size(b);
    if (size < 0)
        return NULL;
    return Py_BuildValue("(y#y#nn)", s, (Py_ssize_t)strlen(s), PyBytes_AS_STRING(b), size,
                         size, PyBytes_GET_SIZE(b));
}

/* AsStringAndSize with a NULL length pointer rejects embedded NULs. */
static PyObject *
bytes_as_string_and_size(PyObject *self, PyObject *args)
{
    PyObject *b;
    int want_len;
    if (!PyArg_ParseTuple(args, "Op", &b, &want_len))
        return NULL;
    char *s;
    Py_ssize_t len = -1;
    if (PyBytes_AsStringAndSize(b, &s, want_len ? &len : NULL) < 0)
        return NULL;
    if (!want_len)
        len = (Py_ssize_t)strlen(s);
    return PyBytes_FromStringAndSize(s, len);
}

/* PyBytes_Concat replaces *left with the result (or NULL) and leaves the
 * right operand alone; ConcatAndDel also releases the right operand. */
static PyObject *
bytes_concat(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *left = Py_NewRef(a);
    PyBytes_Concat(&left, b);
    if (left == NULL)
        return NULL;
    PyObject *right = Py_NewRef(b);
    PyBytes_ConcatAndDel(&left, right);
    return left; /* a + b + b, or NULL with the error set */
}

static PyObject *
bytes_from_format(PyObject *self, PyObject *unused)
{
    return PyBytes_FromFormat("%s:%d:%zd:%c:%x:%%:%.2s", "key", -5, (Py_ssize_t)123456789012,
                              'z', 255, "abc");
}

/* Grow and shrink a fresh bytes object with _PyBytes_Resize, which many
 * generated extensions (Cython among them) use to build results in place. */
static PyObject *
bytes_resize(PyObject *self, PyObject *args)
{
    Py_ssize_t first, second;
    if (!PyArg_ParseTuple(args, "nn", &first, &second))
        return NULL;
    PyObject *b = PyBytes_FromStringAndSize(NULL, first);
    if (b == NULL)
        return NULL;
    memset(PyBytes_AS_STRING(b), 'x', (size_t)first);
    if (_PyBytes_Resize(&b, second) < 0)
        return NULL; /* b is NULL and freed */
    for (Py_ssize_t i = first; i < second; i++)
        PyBytes_AS_STRING(b)[i] = 'y';
    return b;
}

static PyObject *
bytes_checks(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("(NN)", PyBool_FromLong(PyBytes_Check(arg)),
                         PyBool_FromLong(PyBytes_CheckExact(arg)));
}

/* ---- bytearray -------------------------------------------------------- */

static PyObject *
bytearray_from_c(PyObject *self, PyObject *arg)
{
    PyObject *from_obj = PyByteArray_FromObject(arg);
    if (from_obj == NULL)
        return NULL;
    return Py_BuildValue("(NN)", PyByteArray_FromStringAndSize("ab\0c", 4), from_obj);
}

/* bytearray_info(ba) -> (AsString bytes of Size, AS_STRING bytes of GET_SIZE,
 * Size, PyByteArray_Check, PyByteArray_CheckExact). */
static PyObject *
bytearray_info(PyObject *self, PyObject *ba)
{
    char *s = PyByteArray_AsString(ba);
    if (s == NULL)
        return NULL;
    Py_ssize_t n = PyByteArray_Size(ba);
    if (n < 0)
        return NULL;
    return Py_BuildValue("(y#y#nNN)", s, n, PyByteArray_AS_STRING(ba), PyByteArray_GET_SIZE(ba),
                         n, PyBool_FromLong(PyByteArray_Check(ba)),
                         PyBool_FromLong(PyByteArray_CheckExact(ba)));
}

/* Write into a bytearray's buffer from C: byte i becomes value + i.
 * Python must see the change, which is the point of the test. */
static PyObject *
bytearray_fill(PyObject *self, PyObject *args)
{
    PyObject *ba;
    int value;
    if (!PyArg_ParseTuple(args, "O!i", &PyByteArray_Type, &ba, &value))
        return NULL;
    char *p = PyByteArray_AS_STRING(ba);
    Py_ssize_t n = PyByteArray_GET_SIZE(ba);
    for (Py_ssize_t i = 0; i < n; i++)
        p[i] = (char)(value + i);
    Py_RETURN_NONE;
}

/* Resize from C, then fill the new tail. */
static PyObject *
bytearray_resize(PyObject *self, PyObject *args)
{
    PyObject *ba;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "O!n", &PyByteArray_Type, &ba, &size))
        return NULL;
    Py_ssize_t old = PyByteArray_GET_SIZE(ba);
    if (PyByteArray_Resize(ba, size) < 0)
        return NULL;
    char *p = PyByteArray_AS_STRING(ba);
    for (Py_ssize_t i = old; i < size; i++)
        p[i] = '+';
    Py_RETURN_NONE;
}

static PyObject *
bytearray_concat(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return PyByteArray_Concat(a, b);
}

/* Read the whole buffer after Python-side mutation: the macro must reflect
 * the current contents and size. */
static PyObject *
bytearray_snapshot(PyObject *self, PyObject *ba)
{
    if (!PyByteArray_Check(ba)) {
        PyErr_SetString(PyExc_TypeError, "need a bytearray");
        return NULL;
    }
    return PyBytes_FromStringAndSize(PyByteArray_AS_STRING(ba), PyByteArray_GET_SIZE(ba));
}

/* bytearray_around(ba, fn) -> (contents before, contents after fn()): C
 * keeps its pointer to ba while Python code in fn mutates (and resizes) it,
 * then reads it again through the macros and writes '!' into its first byte
 * through PyByteArray_AS_STRING (re-read after the call, as CPython
 * requires). */
static PyObject *
bytearray_around(PyObject *self, PyObject *args)
{
    PyObject *ba, *fn;
    if (!PyArg_ParseTuple(args, "O!O", &PyByteArray_Type, &ba, &fn))
        return NULL;
    PyObject *before = bytearray_snapshot(self, ba);
    if (before == NULL)
        return NULL;
    PyObject *r = PyObject_CallNoArgs(fn);
    if (r == NULL) {
        Py_DECREF(before);
        return NULL;
    }
    Py_DECREF(r);
    PyObject *after = bytearray_snapshot(self, ba);
    if (after == NULL) {
        Py_DECREF(before);
        return NULL;
    }
    if (PyByteArray_GET_SIZE(ba) > 0)
        PyByteArray_AS_STRING(ba)[0] = '!';
    return Py_BuildValue("(NN)", before, after);
}

/* A bytearray C keeps between calls. */
static PyObject *stashed_bytearray;

static PyObject *
bytearray_stash(PyObject *self, PyObject *ba)
{
    if (!PyByteArray_Check(ba)) {
        PyErr_SetString(PyExc_TypeError, "need a bytearray");
        return NULL;
    }
    Py_XSETREF(stashed_bytearray, Py_NewRef(ba));
    Py_RETURN_NONE;
}

/* bytearray_stash_poke(i, c) -> the stashed contents after stashed[i] = c,
 * written through the macro; stash_poke(-1, 0) only reads. */
static PyObject *
bytearray_stash_poke(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    int c;
    if (!PyArg_ParseTuple(args, "ni", &i, &c))
        return NULL;
    if (stashed_bytearray == NULL)
        Py_RETURN_NONE;
    if (i >= PyByteArray_GET_SIZE(stashed_bytearray)) {
        PyErr_SetString(PyExc_IndexError, "bytearray_stash_poke: index out of range");
        return NULL;
    }
    if (i >= 0)
        PyByteArray_AS_STRING(stashed_bytearray)[i] = (char)c;
    return bytearray_snapshot(self, stashed_bytearray);
}

static PyObject *
bytearray_stash_drop(PyObject *self, PyObject *unused)
{
    Py_CLEAR(stashed_bytearray);
    Py_RETURN_NONE;
}

static PyMethodDef capi_bytes_methods[] = {
    {"bytes_from_c", bytes_from_c, METH_NOARGS, NULL},
    {"bytes_access", bytes_access, METH_O, NULL},
    {"bytes_as_string_and_size", bytes_as_string_and_size, METH_VARARGS, NULL},
    {"bytes_concat", bytes_concat, METH_VARARGS, NULL},
    {"bytes_from_format", bytes_from_format, METH_NOARGS, NULL},
    {"bytes_resize", bytes_resize, METH_VARARGS, NULL},
    {"bytes_checks", bytes_checks, METH_O, NULL},
    {"bytearray_from_c", bytearray_from_c, METH_O, NULL},
    {"bytearray_info", bytearray_info, METH_O, NULL},
    {"bytearray_fill", bytearray_fill, METH_VARARGS, NULL},
    {"bytearray_resize", bytearray_resize, METH_VARARGS, NULL},
    {"bytearray_concat", bytearray_concat, METH_VARARGS, NULL},
    {"bytearray_snapshot", bytearray_snapshot, METH_O, NULL},
    {"bytearray_around", bytearray_around, METH_VARARGS, NULL},
    {"bytearray_stash", bytearray_stash, METH_O, NULL},
    {"bytearray_stash_poke", bytearray_stash_poke, METH_VARARGS, NULL},
    {"bytearray_stash_drop", bytearray_stash_drop, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_bytes_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_bytes",
    .m_doc = "bytes and bytearray from C.",
    .m_size = -1,
    .m_methods = capi_bytes_methods,
};

PyMODINIT_FUNC
PyInit_capi_bytes(void)
{
    return PyModule_Create(&capi_bytes_def);
}
