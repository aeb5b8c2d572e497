/* CPython's private API that its own lib-dynload modules call (_sqlite3,
 * _ssl, _hashlib, the CJK codecs, readline, ossaudiodev): the _PyTime
 * conversions and rounding modes, _PyUnicodeWriter, _Py_hashtable,
 * _Py_strhex, _Py_Identifier forms, struct sequence types made at run time,
 * the codec registry and UnicodeError accessors, the ASCII ctype tables and
 * _PyErr_ChainExceptions.  Driver: test_capi_private.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* Declared by CPython's Python.h (cpython/pytime.h), not by Tern's. */
#ifndef _PyTime_MIN
typedef int64_t _PyTime_t;
typedef enum {
    _PyTime_ROUND_FLOOR = 0,
    _PyTime_ROUND_CEILING = 1,
    _PyTime_ROUND_HALF_EVEN = 2,
    _PyTime_ROUND_UP = 3
} _PyTime_round_t;
PyAPI_FUNC(int) _PyTime_FromSecondsObject(_PyTime_t *t, PyObject *obj, _PyTime_round_t round);
PyAPI_FUNC(_PyTime_t) _PyTime_AsMilliseconds(_PyTime_t t, _PyTime_round_t round);
PyAPI_FUNC(_PyTime_t) _PyTime_AsMicroseconds(_PyTime_t t, _PyTime_round_t round);
PyAPI_FUNC(int) _PyTime_ObjectToTimeval(PyObject *obj, time_t *sec, long *usec, _PyTime_round_t);
PyAPI_FUNC(_PyTime_t) _PyDeadline_Init(_PyTime_t timeout);
PyAPI_FUNC(_PyTime_t) _PyDeadline_Get(_PyTime_t deadline);
#endif

/* Internal in both (pycore_hashtable.h, pycore_strhex.h): the prototypes. */
typedef struct _Py_hashtable_t _Py_hashtable_t;
PyAPI_FUNC(_Py_hashtable_t *) _Py_hashtable_new(Py_uhash_t (*hash)(const void *),
                                                int (*compare)(const void *, const void *));
PyAPI_FUNC(int) _Py_hashtable_set(_Py_hashtable_t *ht, const void *key, void *value);
PyAPI_FUNC(void *) _Py_hashtable_get(_Py_hashtable_t *ht, const void *key);
PyAPI_FUNC(void *) _Py_hashtable_steal(_Py_hashtable_t *ht, const void *key);
PyAPI_FUNC(int) _Py_hashtable_foreach(_Py_hashtable_t *ht,
                                      int (*f)(_Py_hashtable_t *, const void *, const void *, void *),
                                      void *data);
PyAPI_FUNC(void) _Py_hashtable_destroy(_Py_hashtable_t *ht);
PyAPI_FUNC(Py_uhash_t) _Py_hashtable_hash_ptr(const void *key);
PyAPI_FUNC(int) _Py_hashtable_compare_direct(const void *key1, const void *key2);
PyAPI_FUNC(PyObject *) _Py_strhex(const char *argbuf, const Py_ssize_t arglen);
PyAPI_FUNC(PyObject *) _Py_strhex_bytes_with_sep(const char *argbuf, const Py_ssize_t arglen,
                                                 PyObject *sep, const int bytes_per_sep_group);
PyAPI_FUNC(PyTypeObject *) _PyStructSequence_NewType(PyStructSequence_Desc *desc,
                                                     unsigned long tp_flags);

/* ---- _PyTime ---------------------------------------------------------- */

/* (milliseconds, microseconds) of a number of seconds, in every rounding
 * mode: a list of four pairs. */
static PyObject *time_round(PyObject *self, PyObject *arg) {
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (int mode = 0; mode < 4; mode++) {
        _PyTime_t t;
        if (_PyTime_FromSecondsObject(&t, arg, (_PyTime_round_t)mode) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        PyObject *pair = Py_BuildValue("(LLL)", (long long)t,
                                       (long long)_PyTime_AsMilliseconds(t, (_PyTime_round_t)mode),
                                       (long long)_PyTime_AsMicroseconds(t, (_PyTime_round_t)mode));
        if (pair == NULL || PyList_Append(out, pair) < 0) {
            Py_XDECREF(pair);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(pair);
    }
    return out;
}

static PyObject *time_timeval(PyObject *self, PyObject *args) {
    PyObject *obj;
    int mode;
    time_t sec;
    long usec;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &mode))
        return NULL;
    if (_PyTime_ObjectToTimeval(obj, &sec, &usec, (_PyTime_round_t)mode) < 0)
        return NULL;
    return Py_BuildValue("(Ll)", (long long)sec, usec);
}

static PyObject *deadline_left(PyObject *self, PyObject *unused) {
    _PyTime_t d = _PyDeadline_Init(5000000000LL);  /* 5 s */
    _PyTime_t left = _PyDeadline_Get(d);
    return PyBool_FromLong(left > 4000000000LL && left <= 5000000000LL);
}

/* ---- _PyUnicodeWriter ------------------------------------------------- */

/* Writes the items of a list in order: an int is a code point
 * (WriteChar), a str is written whole (WriteStr), a bytes as ASCII, a tuple
 * (str, start, end) as a substring; `overallocate` and `min_length` are the
 * writer's knobs. */
static PyObject *writer_build(PyObject *self, PyObject *args) {
    PyObject *items;
    int overallocate;
    Py_ssize_t min_length;
    if (!PyArg_ParseTuple(args, "O!in", &PyList_Type, &items, &overallocate, &min_length))
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = (unsigned char)overallocate;
    w.min_length = min_length;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *it = PyList_GET_ITEM(items, i);
        int r;
        if (PyLong_Check(it)) {
            r = _PyUnicodeWriter_WriteChar(&w, (Py_UCS4)PyLong_AsUnsignedLong(it));
        } else if (PyUnicode_Check(it)) {
            r = _PyUnicodeWriter_WriteStr(&w, it);
        } else if (PyBytes_Check(it)) {
            r = _PyUnicodeWriter_WriteASCIIString(&w, PyBytes_AS_STRING(it), PyBytes_GET_SIZE(it));
        } else {
            PyObject *s;
            Py_ssize_t start, end;
            if (!PyArg_ParseTuple(it, "Unn", &s, &start, &end)) {
                _PyUnicodeWriter_Dealloc(&w);
                return NULL;
            }
            r = _PyUnicodeWriter_WriteSubstring(&w, s, start, end);
        }
        if (r < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            return NULL;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* What the CJK codecs do: Prepare, then PyUnicode_WRITE into writer->data. */
static PyObject *writer_inline(PyObject *self, PyObject *arg) {
    Py_ssize_t n = PyUnicode_GetLength(arg);
    if (n < 0)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_ReadChar(arg, i);
        if (_PyUnicodeWriter_Prepare(&w, 1, c) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            return NULL;
        }
        PyUnicode_WRITE(w.kind, w.data, w.pos, c);
        w.pos++;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* ---- _Py_hashtable ---------------------------------------------------- */

static int sum_values(_Py_hashtable_t *ht, const void *key, const void *value, void *data) {
    *(Py_ssize_t *)data += (Py_ssize_t)(intptr_t)value;
    return 0;
}

/* n pointer keys (1..n) mapped to themselves times 2; steals every third;
 * returns (found, sum of what foreach sees, a missing key's value). */
static PyObject *hashtable_roundtrip(PyObject *self, PyObject *arg) {
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n < 0 && PyErr_Occurred())
        return NULL;
    _Py_hashtable_t *ht = _Py_hashtable_new(_Py_hashtable_hash_ptr, _Py_hashtable_compare_direct);
    if (ht == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 1; i <= n; i++) {
        if (_Py_hashtable_set(ht, (void *)(intptr_t)i, (void *)(intptr_t)(2 * i)) < 0) {
            _Py_hashtable_destroy(ht);
            return PyErr_NoMemory();
        }
    }
    Py_ssize_t found = 0, stolen = 0;
    for (Py_ssize_t i = 1; i <= n; i++) {
        if ((Py_ssize_t)(intptr_t)_Py_hashtable_get(ht, (void *)(intptr_t)i) == 2 * i)
            found++;
        if (i % 3 == 0 && _Py_hashtable_steal(ht, (void *)(intptr_t)i) != NULL)
            stolen++;
    }
    Py_ssize_t sum = 0;
    _Py_hashtable_foreach(ht, sum_values, &sum);
    void *missing = _Py_hashtable_get(ht, (void *)(intptr_t)(n + 1));
    _Py_hashtable_destroy(ht);
    return Py_BuildValue("(nnnO)", found, stolen, sum, missing == NULL ? Py_True : Py_False);
}

/* ---- hex, identifiers, struct sequences, ctype ------------------------ */

static PyObject *strhex(PyObject *self, PyObject *args) {
    Py_buffer b;
    PyObject *sep = NULL;
    int group = 1;
    if (!PyArg_ParseTuple(args, "y*|Oi", &b, &sep, &group))
        return NULL;
    PyObject *r = sep == NULL ? _Py_strhex(b.buf, b.len) : _Py_strhex_bytes_with_sep(b.buf, b.len, sep, group);
    PyBuffer_Release(&b);
    return r;
}

_Py_IDENTIFIER(spam);

static PyObject *identifiers(PyObject *self, PyObject *args) {
    PyObject *o, *d, *value;
    if (!PyArg_ParseTuple(args, "OO!O", &o, &PyDict_Type, &d, &value))
        return NULL;
    if (_PyObject_SetAttrId(o, &PyId_spam, value) < 0)
        return NULL;
    PyObject *got = _PyObject_GetAttrId(o, &PyId_spam);
    if (got == NULL)
        return NULL;
    PyObject *looked = NULL;
    int r = _PyObject_LookupAttrId(d, &PyId_spam, &looked);
    if (r < 0 || _PyDict_SetItemId(d, &PyId_spam, got) < 0) {
        Py_DECREF(got);
        return NULL;
    }
    int contains = _PyDict_ContainsId(d, &PyId_spam);
    PyObject *item = _PyDict_GetItemIdWithError(d, &PyId_spam); /* borrowed */
    char *copy = _PyMem_Strdup("copied");
    PyObject *out = Py_BuildValue("(NiiOs)", got, r, contains, item ? item : Py_None, copy);
    PyMem_Free(copy);
    Py_XDECREF(looked);
    return out;
}

static PyStructSequence_Field version_fields[] = {{"major", "the major"}, {"minor", NULL}, {NULL, NULL}};
static PyStructSequence_Desc version_desc = {"capi_private.version", "A version.", version_fields, 2};

static PyObject *structseq_type(PyObject *self, PyObject *arg) {
    int disallow = PyObject_IsTrue(arg);
    if (disallow < 0)
        return NULL;
    PyTypeObject *t = _PyStructSequence_NewType(&version_desc, disallow ? Py_TPFLAGS_DISALLOW_INSTANTIATION : 0);
    if (t == NULL)
        return NULL;
    PyObject *v = PyStructSequence_New(t);
    if (v == NULL)
        return NULL;
    PyStructSequence_SET_ITEM(v, 0, PyLong_FromLong(3));
    PyStructSequence_SET_ITEM(v, 1, PyLong_FromLong(11));
    return v;
}

static PyObject *ctype(PyObject *self, PyObject *arg) {
    Py_buffer b;
    if (!PyArg_Parse(arg, "y*", &b))
        return NULL;
    PyObject *out = PyBytes_FromStringAndSize(NULL, b.len * 2);
    if (out == NULL) {
        PyBuffer_Release(&b);
        return NULL;
    }
    char *p = PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < b.len; i++) {
        unsigned char c = ((unsigned char *)b.buf)[i];
        p[2 * i] = (char)Py_TOUPPER(c);
        p[2 * i + 1] = (char)('0' + (Py_ISALPHA(c) ? 1 : 0) + (Py_ISDIGIT(c) ? 2 : 0) + (Py_ISSPACE(c) ? 4 : 0));
    }
    PyBuffer_Release(&b);
    return out;
}

static PyObject *strnicmp(PyObject *self, PyObject *args) {
    const char *a, *b;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "ssn", &a, &b, &n))
        return NULL;
    int r = PyOS_strnicmp(a, b, n);
    return PyLong_FromLong(r < 0 ? -1 : r > 0 ? 1 : 0);
}

/* ---- codecs ----------------------------------------------------------- */

static PyObject *codec_roundtrip(PyObject *self, PyObject *args) {
    PyObject *text;
    const char *encoding, *errors;
    if (!PyArg_ParseTuple(args, "Uss", &text, &encoding, &errors))
        return NULL;
    PyObject *encoded = PyCodec_Encode(text, encoding, errors);
    if (encoded == NULL)
        return NULL;
    PyObject *decoded = PyCodec_Decode(encoded, encoding, errors);
    if (decoded == NULL) {
        Py_DECREF(encoded);
        return NULL;
    }
    return Py_BuildValue("(NNi)", encoded, decoded, PyCodec_KnownEncoding(encoding));
}

/* A UnicodeEncodeError built and adjusted through the accessors, then
 * handed to the named error handler (or raised by PyCodec_StrictErrors). */
static PyObject *encode_error(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t start, end;
    const char *handler;
    if (!PyArg_ParseTuple(args, "Unns", &text, &start, &end, &handler))
        return NULL;
    PyObject *exc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", "ascii", text, (Py_ssize_t)0,
                                          (Py_ssize_t)1, "first");
    if (exc == NULL)
        return NULL;
    if (PyUnicodeEncodeError_SetStart(exc, start) < 0 || PyUnicodeEncodeError_SetEnd(exc, end) < 0 ||
        PyUnicodeEncodeError_SetReason(exc, "adjusted") < 0) {
        Py_DECREF(exc);
        return NULL;
    }
    Py_ssize_t s, e;
    if (PyUnicodeEncodeError_GetStart(exc, &s) < 0 || PyUnicodeEncodeError_GetEnd(exc, &e) < 0) {
        Py_DECREF(exc);
        return NULL;
    }
    PyObject *h = PyCodec_LookupError(handler);
    if (h == NULL) {
        Py_DECREF(exc);
        return NULL;
    }
    PyObject *r = strcmp(handler, "strict") == 0 ? PyCodec_StrictErrors(exc) : PyObject_CallOneArg(h, exc);
    Py_DECREF(h);
    Py_DECREF(exc);
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(nnN)", s, e, r);
}

static PyObject *decode_error(PyObject *self, PyObject *args) {
    const char *data;
    Py_ssize_t len, start, end;
    if (!PyArg_ParseTuple(args, "y#nn", &data, &len, &start, &end))
        return NULL;
    PyObject *exc = PyUnicodeDecodeError_Create("utf-8", data, len, start, end, "made in C");
    if (exc == NULL)
        return NULL;
    PyObject *r = PyCodec_ReplaceErrors(exc);
    Py_DECREF(exc);
    return r;
}

/* ---- chaining --------------------------------------------------------- */

/* Raises KeyError("inner"), fetches it, raises ValueError("outer") and
 * chains the first as its context. */
static PyObject *chain(PyObject *self, PyObject *unused) {
    PyErr_SetString(PyExc_KeyError, "inner");
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_SetString(PyExc_ValueError, "outer");
    _PyErr_ChainExceptions(t, v, tb);
    return NULL;
}

static PyMethodDef methods[] = {
    {"time_round", time_round, METH_O, NULL},
    {"time_timeval", time_timeval, METH_VARARGS, NULL},
    {"deadline_left", deadline_left, METH_NOARGS, NULL},
    {"writer_build", writer_build, METH_VARARGS, NULL},
    {"writer_inline", writer_inline, METH_O, NULL},
    {"hashtable_roundtrip", hashtable_roundtrip, METH_O, NULL},
    {"strhex", strhex, METH_VARARGS, NULL},
    {"identifiers", identifiers, METH_VARARGS, NULL},
    {"structseq_type", structseq_type, METH_O, NULL},
    {"ctype", ctype, METH_O, NULL},
    {"strnicmp", strnicmp, METH_VARARGS, NULL},
    {"codec_roundtrip", codec_roundtrip, METH_VARARGS, NULL},
    {"encode_error", encode_error, METH_VARARGS, NULL},
    {"decode_error", decode_error, METH_VARARGS, NULL},
    {"chain", chain, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_private", NULL, -1, methods};

PyMODINIT_FUNC PyInit_capi_private(void) { return PyModule_Create(&module); }
