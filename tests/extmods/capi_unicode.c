/* capi_unicode: str from C.
 *
 * Creation (FromString, FromStringAndSize, FromFormat with every common
 * unit, FromOrdinal, FromKindAndData, PyUnicode_New + WRITE), access (AsUTF8,
 * AsUTF8AndSize, GetLength, and the PEP 393 macros KIND / DATA / READ /
 * READ_CHAR / IS_ASCII on ASCII, latin-1, UCS-2 and UCS-4 strings), codecs
 * (DecodeUTF8, AsEncodedString, Decode, AsUTF8String, ...), operations
 * (Concat, Compare, CompareWithASCIIString, Contains, Find, Split, Join,
 * Substring, Replace) and interning.  Driver: test_capi_unicode.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>
#include <wchar.h>

/* ---- creation --------------------------------------------------------- */

static PyObject *
from_string(PyObject *self, PyObject *unused)
{
    /* "héllo €😀" in UTF-8, and a sized string with an embedded NUL. */
    return Py_BuildValue("(NNN)",
                         PyUnicode_FromString("h\xc3\xa9llo \xe2\x82\xac\xf0\x9f\x98\x80"),
                         PyUnicode_FromStringAndSize("ab\0cd", 5),
                         PyUnicode_FromStringAndSize("truncated", 5));
}

/* Invalid UTF-8 must raise UnicodeDecodeError, not produce a string. */
static PyObject *
from_invalid_utf8(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromStringAndSize("ok\xff", 3);
}

/* Every common PyUnicode_FromFormat unit, one per string, so a mismatch
 * points at the unit. */
static PyObject *
from_format(PyObject *self, PyObject *obj)
{
    return Py_BuildValue(
        "[NNNNNNNNNNNNNNNNNNNN]",
        PyUnicode_FromFormat("%s|%s", "ascii", "caf\xc3\xa9"),
        PyUnicode_FromFormat("%d|%i|%u", -12, 34, 56u),
        PyUnicode_FromFormat("%ld|%li|%lu", -1234567890123L, 5L, 18446744073709551615UL),
        PyUnicode_FromFormat("%lld|%llu", -9223372036854775807LL - 1, 1ULL << 63),
        PyUnicode_FromFormat("%zd|%zu|%zi", (Py_ssize_t)-7, (size_t)7, (Py_ssize_t)8),
        PyUnicode_FromFormat("%x", 0xbeef),
        PyUnicode_FromFormat("%c%c%c", 'A', 0xe9, 0x1F600),
        PyUnicode_FromFormat("%U", obj),
        PyUnicode_FromFormat("%V|%V", obj, "unused", (PyObject *)NULL, "fallback"),
        PyUnicode_FromFormat("%S", obj),
        PyUnicode_FromFormat("%R", obj),
        PyUnicode_FromFormat("%A", obj),
        PyUnicode_FromFormat("100%%"),
        PyUnicode_FromFormat("[%5d]", 42),
        PyUnicode_FromFormat("[%05d]", 42), /* 3.11 pads negatives oddly */
        PyUnicode_FromFormat("[%.3s]", "abcdef"),
        PyUnicode_FromFormat("[%.2U]", obj),
        PyUnicode_FromFormat("[%8s]", "pad"),
        PyUnicode_FromFormat("%s=%d, %s=%R", "a", 1, "b", obj),
        PyUnicode_FromFormat("%p", (void *)obj));
}

/* %S, %R and %A call str(), repr() and ascii(); their errors propagate. */
static PyObject *
format_objects(PyObject *self, PyObject *obj)
{
    return PyUnicode_FromFormat("%S|%R|%A", obj, obj, obj);
}

static PyObject *
from_ordinal(PyObject *self, PyObject *arg)
{
    int code = (int)PyLong_AsLong(arg);
    if (code == -1 && PyErr_Occurred())
        return NULL;
    return PyUnicode_FromOrdinal(code);
}

/* One string of each kind from raw code units. */
static PyObject *
from_kind_and_data(PyObject *self, PyObject *unused)
{
    static const Py_UCS1 u1[] = {'a', 0xe9};
    static const Py_UCS2 u2[] = {'b', 0x20ac};
    static const Py_UCS4 u4[] = {'c', 0x1F600};
    return Py_BuildValue("(NNN)",
                         PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, u1, 2),
                         PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, u2, 2),
                         PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, u4, 2));
}

/* make(length, maxchar, start): a fresh string filled in with
 * PyUnicode_WRITE, code points start, start+1, ...  Writing is legal only
 * into a string nobody else has seen yet. */
static PyObject *
make(PyObject *self, PyObject *args)
{
    Py_ssize_t len;
    unsigned int maxchar, start;
    if (!PyArg_ParseTuple(args, "nII", &len, &maxchar, &start))
        return NULL;
    PyObject *s = PyUnicode_New(len, (Py_UCS4)maxchar);
    if (s == NULL)
        return NULL;
    int kind = PyUnicode_KIND(s);
    void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < len; i++)
        PyUnicode_WRITE(kind, data, i, (Py_UCS4)(start + i));
    return s;
}

/* ---- access ----------------------------------------------------------- */

/* as_utf8(s) -> (bytes via AsUTF8 + strlen, bytes via AsUTF8AndSize, size,
 * whether both calls returned the same cached pointer). */
static PyObject *
as_utf8(PyObject *self, PyObject *s)
{
    const char *p = PyUnicode_AsUTF8(s);
    if (p == NULL)
        return NULL;
    Py_ssize_t size = -1;
    const char *q = PyUnicode_AsUTF8AndSize(s, &size);
    if (q == NULL)
        return NULL;
    return Py_BuildValue("(y#y#nN)", p, (Py_ssize_t)strlen(p), q, size, size,
                         PyBool_FromLong(p == q));
}

static PyObject *
get_length(PyObject *self, PyObject *s)
{
    Py_ssize_t n = PyUnicode_GetLength(s);
    if (n < 0)
        return NULL;
    if (n != PyUnicode_GET_LENGTH(s)) {
        PyErr_SetString(PyExc_AssertionError, "GetLength != GET_LENGTH");
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

/* pep393(s) -> (kind, is_ascii, length, raw data bytes, [READ_CHAR(i)],
 * [READ(kind, data, i)], max char by PyUnicode_MAX_CHAR_VALUE). */
static PyObject *
pep393(PyObject *self, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "pep393: need a str");
        return NULL;
    }
    if (PyUnicode_READY(s) < 0)
        return NULL;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    PyObject *by_read_char = PyList_New(len);
    PyObject *by_read = PyList_New(len);
    if (by_read_char == NULL || by_read == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < len; i++) {
        PyObject *a = PyLong_FromUnsignedLong(PyUnicode_READ_CHAR(s, i));
        PyObject *b = PyLong_FromUnsignedLong(PyUnicode_READ(kind, data, i));
        if (a == NULL || b == NULL) {
            Py_XDECREF(a);
            Py_XDECREF(b);
            goto error;
        }
        PyList_SET_ITEM(by_read_char, i, a);
        PyList_SET_ITEM(by_read, i, b);
    }
    /* The data is NUL-terminated with a code unit of the string's kind. */
    if (PyUnicode_READ(kind, data, len) != 0) {
        PyErr_SetString(PyExc_AssertionError, "pep393: data not NUL-terminated");
        goto error;
    }
    return Py_BuildValue("(iNny#NNk)", kind, PyBool_FromLong(PyUnicode_IS_ASCII(s)), len,
                         (const char *)data, len * kind, by_read_char, by_read,
                         (unsigned long)PyUnicode_MAX_CHAR_VALUE(s));
error:
    Py_XDECREF(by_read_char);
    Py_XDECREF(by_read);
    return NULL;
}

static PyObject *
read_char(PyObject *self, PyObject *args)
{
    PyObject *s;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "Un", &s, &i))
        return NULL;
    Py_UCS4 c = PyUnicode_ReadChar(s, i);
    if (c == (Py_UCS4)-1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromUnsignedLong(c);
}

/* AsUCS4Copy and AsWideCharString: NUL-terminated copies that C owns. */
static PyObject *
copies(PyObject *self, PyObject *s)
{
    Py_UCS4 *u4 = PyUnicode_AsUCS4Copy(s);
    if (u4 == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    PyObject *from_u4 = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, u4, n);
    PyMem_Free(u4);
    if (from_u4 == NULL)
        return NULL;
    Py_ssize_t wlen;
    wchar_t *w = PyUnicode_AsWideCharString(s, &wlen);
    if (w == NULL) {
        Py_DECREF(from_u4);
        return NULL;
    }
    PyObject *from_w = PyUnicode_FromWideChar(w, wlen);
    PyMem_Free(w);
    return Py_BuildValue("(NNn)", from_u4, from_w, wlen);
}

/* ---- codecs ----------------------------------------------------------- */

/* decode_utf8(data, errors) */
static PyObject *
decode_utf8(PyObject *self, PyObject *args)
{
    const char *data, *errors;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#z", &data, &len, &errors))
        return NULL;
    return PyUnicode_DecodeUTF8(data, len, errors);
}

/* decode(data, encoding, errors) through PyUnicode_Decode. */
static PyObject *
decode(PyObject *self, PyObject *args)
{
    const char *data, *encoding, *errors;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#sz", &data, &len, &encoding, &errors))
        return NULL;
    return PyUnicode_Decode(data, len, encoding, errors);
}

/* encode(s, encoding, errors) through PyUnicode_AsEncodedString. */
static PyObject *
encode(PyObject *self, PyObject *args)
{
    PyObject *s;
    const char *encoding, *errors;
    if (!PyArg_ParseTuple(args, "Usz", &s, &encoding, &errors))
        return NULL;
    return PyUnicode_AsEncodedString(s, encoding, errors);
}

/* The codec shortcuts, each on the same string. */
static PyObject *
encode_shortcuts(PyObject *self, PyObject *s)
{
    PyObject *utf8 = PyUnicode_AsUTF8String(s);
    if (utf8 == NULL)
        return NULL;
    PyObject *latin1 = PyUnicode_AsLatin1String(s);
    if (latin1 == NULL) {
        PyErr_Clear();
        latin1 = Py_NewRef(Py_None);
    }
    PyObject *ascii = PyUnicode_AsASCIIString(s);
    if (ascii == NULL) {
        PyErr_Clear();
        ascii = Py_NewRef(Py_None);
    }
    return Py_BuildValue("(NNN)", utf8, latin1, ascii);
}

static PyObject *
decode_shortcuts(PyObject *self, PyObject *arg)
{
    const char *data;
    Py_ssize_t len;
    if (!PyArg_Parse(arg, "y#", &data, &len))
        return NULL;
    PyObject *latin1 = PyUnicode_DecodeLatin1(data, len, NULL);
    if (latin1 == NULL)
        return NULL;
    PyObject *ascii = PyUnicode_DecodeASCII(data, len, "replace");
    if (ascii == NULL) {
        Py_DECREF(latin1);
        return NULL;
    }
    return Py_BuildValue("(NN)", latin1, ascii);
}

static PyObject *
fs_round_trip(PyObject *self, PyObject *s)
{
    PyObject *encoded = PyUnicode_EncodeFSDefault(s);
    if (encoded == NULL)
        return NULL;
    PyObject *decoded = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(encoded),
                                                         PyBytes_GET_SIZE(encoded));
    return Py_BuildValue("(NN)", encoded, decoded);
}

/* ---- operations ------------------------------------------------------- */

static PyObject *
concat(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return PyUnicode_Concat(a, b);
}

/* compare(a, b) -> (PyUnicode_Compare, RichCompare(Py_LT) result) */
static PyObject *
compare(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    int c = PyUnicode_Compare(a, b);
    if (c == -1 && PyErr_Occurred())
        return NULL;
    PyObject *lt = PyUnicode_RichCompare(a, b, Py_LT);
    if (lt == NULL)
        return NULL;
    return Py_BuildValue("(iN)", c, lt);
}

static PyObject *
compare_ascii(PyObject *self, PyObject *args)
{
    PyObject *a;
    const char *b;
    if (!PyArg_ParseTuple(args, "Us", &a, &b))
        return NULL;
    return PyLong_FromLong(PyUnicode_CompareWithASCIIString(a, b));
}

/* ops(s) runs the container-style operations on `s` with fixed operands. */
static PyObject *
ops(PyObject *self, PyObject *s)
{
    PyObject *sep = PyUnicode_FromString(",");
    PyObject *needle = PyUnicode_FromString("b");
    PyObject *repl = PyUnicode_FromString("BB");
    PyObject *parts = NULL, *joined = NULL, *result = NULL;
    if (sep == NULL || needle == NULL || repl == NULL)
        goto done;
    int contains = PyUnicode_Contains(s, needle);
    if (contains < 0)
        goto done;
    Py_ssize_t find = PyUnicode_Find(s, needle, 0, PY_SSIZE_T_MAX, 1);
    Py_ssize_t rfind = PyUnicode_Find(s, needle, 0, PY_SSIZE_T_MAX, -1);
    Py_ssize_t findchar = PyUnicode_FindChar(s, 'b', 0, PyUnicode_GET_LENGTH(s), 1);
    Py_ssize_t count = PyUnicode_Count(s, needle, 0, PY_SSIZE_T_MAX);
    Py_ssize_t tail = PyUnicode_Tailmatch(s, needle, 0, PY_SSIZE_T_MAX, 1);
    if (find == -2 || rfind == -2 || findchar == -2 || count < 0 || tail < 0)
        goto done;
    parts = PyUnicode_Split(s, sep, -1);
    if (parts == NULL)
        goto done;
    joined = PyUnicode_Join(needle, parts);
    if (joined == NULL)
        goto done;
    result = Py_BuildValue("(NnnnnnONNN)", PyBool_FromLong(contains), find, rfind, findchar,
                           count, tail, parts, joined,
                           PyUnicode_Substring(s, 1, 3),
                           PyUnicode_Replace(s, needle, repl, -1));
done:
    Py_XDECREF(sep);
    Py_XDECREF(needle);
    Py_XDECREF(repl);
    Py_XDECREF(parts);
    return result;
}

static PyObject *
intern_from_string(PyObject *self, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL)
        return NULL;
    return PyUnicode_InternFromString(s);
}

/* Interns a fresh copy in place and returns what the pointer now names. */
static PyObject *
intern_in_place(PyObject *self, PyObject *arg)
{
    PyObject *s = PyUnicode_FromString(PyUnicode_AsUTF8(arg));
    if (s == NULL)
        return NULL;
    PyUnicode_InternInPlace(&s);
    return s;
}

/* (PyUnicode_Check, PyUnicode_CheckExact) */
static PyObject *
checks(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("(NN)", PyBool_FromLong(PyUnicode_Check(arg)),
                         PyBool_FromLong(PyUnicode_CheckExact(arg)));
}

static PyMethodDef capi_unicode_methods[] = {
    {"from_string", from_string, METH_NOARGS, NULL},
    {"from_invalid_utf8", from_invalid_utf8, METH_NOARGS, NULL},
    {"from_format", from_format, METH_O, NULL},
    {"format_objects", format_objects, METH_O, NULL},
    {"from_ordinal", from_ordinal, METH_O, NULL},
    {"from_kind_and_data", from_kind_and_data, METH_NOARGS, NULL},
    {"make", make, METH_VARARGS, NULL},
    {"as_utf8", as_utf8, METH_O, NULL},
    {"get_length", get_length, METH_O, NULL},
    {"pep393", pep393, METH_O, NULL},
    {"read_char", read_char, METH_VARARGS, NULL},
    {"copies", copies, METH_O, NULL},
    {"decode_utf8", decode_utf8, METH_VARARGS, NULL},
    {"decode", decode, METH_VARARGS, NULL},
    {"encode", encode, METH_VARARGS, NULL},
    {"encode_shortcuts", encode_shortcuts, METH_O, NULL},
    {"decode_shortcuts", decode_shortcuts, METH_O, NULL},
    {"fs_round_trip", fs_round_trip, METH_O, NULL},
    {"concat", concat, METH_VARARGS, NULL},
    {"compare", compare, METH_VARARGS, NULL},
    {"compare_ascii", compare_ascii, METH_VARARGS, NULL},
    {"ops", ops, METH_O, NULL},
    {"intern_from_string", intern_from_string, METH_O, NULL},
    {"intern_in_place", intern_in_place, METH_O, NULL},
    {"checks", checks, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_unicode_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_unicode",
    .m_doc = "str from C: creation, PEP 393 access, codecs, operations.",
    .m_size = -1,
    .m_methods = capi_unicode_methods,
};

PyMODINIT_FUNC
PyInit_capi_unicode(void)
{
    return PyModule_Create(&capi_unicode_def);
}
