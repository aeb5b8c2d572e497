/* capi_numbers_impl: the exact results and error messages of the number,
 * str, bytes, argument-parsing and formatting functions, over a grid of
 * argument values (the cpyext families of longobject.cc, floatobject.cc,
 * complexobject.cc, unicodeobject.cc, bytesobject.cc, bytearrayobject.cc,
 * getargs.cc, modsupport.cc, pystrtod.cc, mystrtoul.cc).
 *
 * Each entry point runs one named C-API function (conv, two), a generic
 * PyArg_ParseTuple[AndKeywords] call whose every output is a pointer into a
 * scratch buffer (pt), a fixed PyUnicode/PyBytes_FromFormat or PyOS_* case
 * (fmt) or a Py_BuildValue case (build), and returns the result or
 * (exception type, message).  The driver, test_capi_numbers_impl.py,
 * compares every line with capi_numbers_impl.expected, which python3.11
 * produced from this same module.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <string.h>

static PyObject *err_tuple(void) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *s = v ? PyObject_Str(v) : PyUnicode_FromString("?");
    PyObject *r = Py_BuildValue("(sNs)", ((PyTypeObject *)t)->tp_name, s, "err");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    return r;
}

static PyObject *conv(PyObject *self, PyObject *a) {
    const char *name; PyObject *o;
    if (!PyArg_ParseTuple(a, "sO", &name, &o)) return NULL;
    char buf[128];
#define CASE(fn, fmt, type) if (!strcmp(name, #fn)) { type r = fn(o); if (PyErr_Occurred()) return err_tuple(); snprintf(buf, sizeof buf, fmt, r); return PyUnicode_FromString(buf); }
    CASE(PyLong_AsLong, "%ld", long)
    CASE(PyLong_AsLongLong, "%lld", long long)
    CASE(PyLong_AsUnsignedLong, "%lu", unsigned long)
    CASE(PyLong_AsUnsignedLongLong, "%llu", unsigned long long)
    CASE(PyLong_AsSsize_t, "%zd", Py_ssize_t)
    CASE(PyLong_AsSize_t, "%zu", size_t)
    CASE(PyLong_AsUnsignedLongMask, "%lu", unsigned long)
    CASE(PyLong_AsUnsignedLongLongMask, "%llu", unsigned long long)
    CASE(PyLong_AsDouble, "%.17g", double)
    CASE(PyLong_AsVoidPtr, "%p", void *)
    CASE(_PyLong_AsInt, "%d", int)
    CASE(PyFloat_AsDouble, "%.17g", double)
    CASE(PyComplex_RealAsDouble, "%.17g", double)
    CASE(PyComplex_ImagAsDouble, "%.17g", double)
    CASE(_PyLong_Sign, "%d", int)
    CASE(_PyLong_NumBits, "%zu", size_t)
    CASE(PyUnicode_GetLength, "%zd", Py_ssize_t)
    CASE(PyBytes_Size, "%zd", Py_ssize_t)
    CASE(PyByteArray_Size, "%zd", Py_ssize_t)
    if (!strcmp(name, "AsLongAndOverflow")) { int ov; long r = PyLong_AsLongAndOverflow(o, &ov); if (PyErr_Occurred()) return err_tuple(); return Py_BuildValue("(li)", r, ov); }
    if (!strcmp(name, "AsCComplex")) { Py_complex c = PyComplex_AsCComplex(o); if (PyErr_Occurred()) return err_tuple(); return Py_BuildValue("(dd)", c.real, c.imag); }
    if (!strcmp(name, "AsUTF8")) { Py_ssize_t n; const char *s = PyUnicode_AsUTF8AndSize(o, &n); if (!s) return err_tuple(); return PyBytes_FromStringAndSize(s, n); }
    if (!strcmp(name, "AsString")) { char *s = PyBytes_AsString(o); if (!s) return err_tuple(); return PyBytes_FromString(s); }
    if (!strcmp(name, "FloatFromString")) { PyObject *r = PyFloat_FromString(o); return r ? r : err_tuple(); }
    if (!strcmp(name, "UnicodeFromObject")) { PyObject *r = PyUnicode_FromObject(o); return r ? r : err_tuple(); }
    if (!strcmp(name, "BytesFromObject")) { PyObject *r = PyBytes_FromObject(o); return r ? r : err_tuple(); }
    if (!strcmp(name, "ByteArrayFromObject")) { PyObject *r = PyByteArray_FromObject(o); return r ? r : err_tuple(); }
    if (!strcmp(name, "LongFromUnicode")) { PyObject *r = PyLong_FromUnicodeObject(o, 0); return r ? r : err_tuple(); }
    if (!strcmp(name, "EncodeFS")) { PyObject *r = PyUnicode_EncodeFSDefault(o); return r ? r : err_tuple(); }
    if (!strcmp(name, "AsASCII")) { PyObject *r = PyUnicode_AsASCIIString(o); return r ? r : err_tuple(); }
    if (!strcmp(name, "AsLatin1")) { PyObject *r = PyUnicode_AsLatin1String(o); return r ? r : err_tuple(); }
    if (!strcmp(name, "FSPath")) { PyObject *r = PyOS_FSPath(o); return r ? r : err_tuple(); }
    PyErr_SetString(PyExc_ValueError, name);
    return NULL;
}

static PyObject *two(PyObject *self, PyObject *a) {
    const char *name; PyObject *x, *y;
    if (!PyArg_ParseTuple(a, "sOO", &name, &x, &y)) return NULL;
    PyObject *r = NULL;
    if (!strcmp(name, "Concat")) r = PyUnicode_Concat(x, y);
    else if (!strcmp(name, "Join")) r = PyUnicode_Join(x, y);
    else if (!strcmp(name, "Split")) r = PyUnicode_Split(x, y == Py_None ? NULL : y, -1);
    else if (!strcmp(name, "Format")) r = PyUnicode_Format(x, y);
    else if (!strcmp(name, "RichCompareLT")) r = PyUnicode_RichCompare(x, y, Py_LT);
    else if (!strcmp(name, "Compare")) { int c = PyUnicode_Compare(x, y); if (c == -1 && PyErr_Occurred()) return err_tuple(); return PyLong_FromLong(c); }
    else if (!strcmp(name, "Contains")) { int c = PyUnicode_Contains(x, y); if (c == -1) return err_tuple(); return PyLong_FromLong(c); }
    else if (!strcmp(name, "Find")) { Py_ssize_t c = PyUnicode_Find(x, y, 0, 100, 1); if (c == -2) return err_tuple(); return PyLong_FromSsize_t(c); }
    else if (!strcmp(name, "RFind")) { Py_ssize_t c = PyUnicode_Find(x, y, 0, 100, -1); if (c == -2) return err_tuple(); return PyLong_FromSsize_t(c); }
    else if (!strcmp(name, "Tailmatch")) { Py_ssize_t c = PyUnicode_Tailmatch(x, y, 0, 100, 1); if (c == -1) return err_tuple(); return PyLong_FromSsize_t(c); }
    else if (!strcmp(name, "BytesJoin")) r = _PyBytes_Join(x, y);
    else if (!strcmp(name, "BytesConcat")) { Py_INCREF(x); PyBytes_Concat(&x, y); if (!x) return err_tuple(); return x; }
    else if (!strcmp(name, "ByteArrayConcat")) r = PyByteArray_Concat(x, y);
    else if (!strcmp(name, "Replace")) r = PyUnicode_Replace(x, y, y, -1);
    else if (!strcmp(name, "Decode")) { const char *enc = PyUnicode_AsUTF8(y); r = PyUnicode_Decode(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), enc, NULL); }
    else if (!strcmp(name, "Encode")) { const char *enc = PyUnicode_AsUTF8(y); r = PyUnicode_AsEncodedString(x, enc, NULL); }
    else if (!strcmp(name, "LongFromString")) { char *end; r = PyLong_FromString(PyBytes_AS_STRING(x), &end, (int)PyLong_AsLong(y)); if (r) return Py_BuildValue("(Nn)", r, (Py_ssize_t)(end - PyBytes_AS_STRING(x))); }
    else if (!strcmp(name, "DivmodNear")) r = _PyLong_DivmodNear(x, y);
    else if (!strcmp(name, "Format16")) r = _PyLong_Format(x, 16);
    else if (!strcmp(name, "GCD")) r = _PyLong_GCD(x, y);
    else if (!strcmp(name, "Substring")) r = PyUnicode_Substring(x, PyLong_AsSsize_t(PyTuple_GET_ITEM(y, 0)), PyLong_AsSsize_t(PyTuple_GET_ITEM(y, 1)));
    else { PyErr_SetString(PyExc_ValueError, name); return NULL; }
    return r ? r : err_tuple();
}

/* Generic getargs: every unit's va_arg is one pointer. */
static char bufs[16][64];
static PyObject *pt(PyObject *self, PyObject *a) {
    const char *fmt; PyObject *args, *kw = NULL, *names = NULL;
    if (!PyArg_ParseTuple(a, "sO|OO", &fmt, &args, &kw, &names)) return NULL;
    memset(bufs, 0, sizeof bufs);
    void *p[16];
    for (int i = 0; i < 16; i++) p[i] = bufs[i];
    int ok;
    if (names) {
        char *kwlist[16] = {0};
        Py_ssize_t n = PyList_GET_SIZE(names);
        for (Py_ssize_t i = 0; i < n && i < 15; i++) kwlist[i] = (char *)PyUnicode_AsUTF8(PyList_GET_ITEM(names, i));
        ok = PyArg_ParseTupleAndKeywords(args, kw == Py_None ? NULL : kw, fmt, kwlist, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13], p[14], p[15]);
    } else {
        ok = PyArg_ParseTuple(args, fmt, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13], p[14], p[15]);
    }
    if (!ok) return err_tuple();
    /* numeric units: show the raw bytes */
    int numeric = 1;
    for (const char *f = fmt; *f && *f != ':' && *f != ';'; f++) if (!strchr("bBhHiIlkLKnfdCcp|$", *f)) numeric = 0;
    if (!numeric) return PyUnicode_FromString("ok");
    PyObject *l = PyList_New(0);
    int k = 0;
    for (const char *f = fmt; *f && *f != ':' && *f != ';'; f++) { if (*f == '|' || *f == '$') continue; PyObject *b = PyBytes_FromStringAndSize(bufs[k++], 8); PyList_Append(l, b); Py_DECREF(b); }
    return l;
}

static const char *volatile unknown_unit_format = "a %q b %d";

static PyObject *fmt(PyObject *self, PyObject *a) {
    int which; if (!PyArg_ParseTuple(a, "i", &which)) return NULL;
    PyObject *o = PyUnicode_FromString("h\xc3\xa9llo");
    PyObject *r = NULL;
    switch (which) {
    case 0: r = PyUnicode_FromFormat("%d|%i|%u|%ld|%li|%lu|%lld|%lli|%llu|%zd|%zi|%zu|%x", -5, 6, 7u, -8L, 9L, 10UL, -11LL, 12LL, 13ULL, (Py_ssize_t)-14, (Py_ssize_t)15, (size_t)16, 255); break;
    case 1: r = PyUnicode_FromFormat("[%5d][%-5d][%05d][%.3d][%8.3d][%08.3d][%05d]", 42, 42, 42, 7, 7, 7, -42); break;
    case 2: r = PyUnicode_FromFormat("[%s][%10s][%.3s][%10.3s][%c][%c]", "h\xc3\xa9llo", "ab", "abcdef", "abcdef", 65, 0x20ac); break;
    case 3: r = PyUnicode_FromFormat("[%U][%10U][%.2U][%V][%V]", o, o, o, o, "x", NULL, "fallback"); break;
    case 4: r = PyUnicode_FromFormat("[%S][%R][%A][%.3R][%8S]", o, o, o, o, o); break;
    case 5: r = PyUnicode_FromFormat("100%% %lx %q rest %d", 5L, 3); break;
    case 6: r = PyUnicode_FromFormat("%c", 0x110000); break;
    case 7: r = PyUnicode_FromFormat("caf\xc3\xa9 %d", 1); break;
    case 8: r = PyBytes_FromFormat("%d|%u|%ld|%lu|%zd|%zu|%i|%x|%s|%.2s|%c|%%|%5d", -1, 2u, -3L, 4UL, (Py_ssize_t)5, (size_t)6, 7, 255, "str", "abc", 'Z', 9); break;
    case 9: { int c = 300; r = PyBytes_FromFormat("%c", c); break; }
    case 10: { const char *bad = unknown_unit_format; r = PyBytes_FromFormat(bad, 1); break; } /* not a literal: the unit is unknown on purpose */
    case 11: { char *s = PyOS_double_to_string(3.14159, 'f', 2, 0, NULL); r = PyUnicode_FromString(s); PyMem_Free(s); break; }
    case 12: { PyObject *l = PyList_New(0); double vals[] = {0.1, -0.0, 1e16, 1e-5, 123.0, 1.5, -2.5e300, 1.0/0.0, -1.0/0.0, 0.0/0.0};
        const char codes[] = "rgeEfFG"; int flags[] = {0, 1, 2, 4, 8, 3};
        for (int i = 0; i < 10; i++) for (int c = 0; c < 7; c++) for (int fl = 0; fl < 6; fl++) { int type; char *s = PyOS_double_to_string(vals[i], codes[c], codes[c] == 'r' ? 0 : 3, flags[fl], &type); PyObject *x = Py_BuildValue("(si)", s, type); PyList_Append(l, x); Py_DECREF(x); PyMem_Free(s); }
        r = l; break; }
    case 13: { PyObject *l = PyList_New(0); const char *ins[] = {"1.5", " 1.5", "1.5x", "inf", "-Infinity", "nan", "+1e500", "1e-500", "0x10", "", "-", ".5", "5.", "1_0", "1e", NULL};
        for (int i = 0; ins[i]; i++) { char *end; double d = PyOS_string_to_double(ins[i], &end, PyExc_OverflowError); PyObject *x; if (d == -1.0 && PyErr_Occurred()) x = err_tuple(); else x = Py_BuildValue("(dn)", d, (Py_ssize_t)(end - ins[i])); PyList_Append(l, x); Py_DECREF(x);
            d = PyOS_string_to_double(ins[i], NULL, NULL); if (d == -1.0 && PyErr_Occurred()) x = err_tuple(); else x = PyFloat_FromDouble(d); PyList_Append(l, x); Py_DECREF(x); }
        r = l; break; }
    case 14: { PyObject *l = PyList_New(0); const char *ins[] = {"12", " 0x1f", "0o17", "0b101", "012", "000", "-5", "+7", "99999999999999999999999", "-9223372036854775808", "zz", "0x", "  ", NULL}; int bases[] = {0, 10, 16, 2, 8, 36};
        for (int i = 0; ins[i]; i++) for (int b = 0; b < 6; b++) { char *end; errno = 0; long v = PyOS_strtol(ins[i], &end, bases[b]); int e = errno; errno = 0; unsigned long u = PyOS_strtoul(ins[i], NULL, bases[b]); PyObject *x = Py_BuildValue("(lnik)", v, (Py_ssize_t)(end - ins[i]), e == ERANGE, u); PyList_Append(l, x); Py_DECREF(x); }
        r = l; break; }
    default: Py_RETURN_NONE;
    }
    Py_DECREF(o);
    return r ? r : err_tuple();
}

static PyObject *build(PyObject *self, PyObject *a) {
    int which; if (!PyArg_ParseTuple(a, "i", &which)) return NULL;
    PyObject *o = PyUnicode_FromString("o");
    Py_complex c = {1.5, -2.0};
    PyObject *r = NULL;
    switch (which) {
    case 0: r = Py_BuildValue(""); break;
    case 1: r = Py_BuildValue("i", 5); break;
    case 2: r = Py_BuildValue("(i)", 5); break;
    case 3: r = Py_BuildValue("ii", 5, 6); break;
    case 4: r = Py_BuildValue("[i,(s,y#)]{s:O,s:d}", 1, "a", "bc", (Py_ssize_t)2, "k", o, "f", 2.5); break;
    case 5: r = Py_BuildValue("bBhHiIlkLKn", -1, 255, -3, 65535, -5, 4000000000u, -7L, 8UL, -9LL, 10ULL, (Py_ssize_t)11); break;
    case 6: r = Py_BuildValue("(cCzsDN)", 'x', 0x20ac, NULL, NULL, &c, Py_NewRef(o)); break;
    case 7: r = Py_BuildValue("{i}", 1); break;
    case 8: r = Py_BuildValue("(i", 1); break;
    case 9: r = Py_BuildValue("i)", 1); break;
    case 10: r = Py_BuildValue("q", 1); break;
    case 11: r = Py_BuildValue("(O)", NULL); break;
    case 12: r = Py_BuildValue("s#", "abc", (Py_ssize_t)2); break;
    case 13: r = Py_BuildValue("u#", L"abc", (Py_ssize_t)2); break;
    default: Py_RETURN_NONE;
    }
    Py_DECREF(o);
    return r ? r : err_tuple();
}


/* The _PyArg_Parser functions.  Each call gets a parser of its own, never
 * freed (CPython links initialised parsers into a list for good). */
static PyObject *fast(PyObject *self, PyObject *a) {
    const char *fmt; PyObject *names, *args, *kw; int mode, minpos = 0, maxpos = 0, minkw = 0;
    if (!PyArg_ParseTuple(a, "zOOOi|iii", &fmt, &names, &args, &kw, &mode, &minpos, &maxpos, &minkw)) return NULL;
    Py_ssize_t nnames = PyList_GET_SIZE(names);
    const char **kwlist = calloc(nnames + 1, sizeof(char *));
    for (Py_ssize_t i = 0; i < nnames; i++) kwlist[i] = strdup(PyUnicode_AsUTF8(PyList_GET_ITEM(names, i)));
    _PyArg_Parser *parser = calloc(1, sizeof(_PyArg_Parser));
    parser->format = fmt ? strdup(fmt) : NULL;
    parser->keywords = kwlist;
    if (!fmt) parser->fname = "uk";
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = kw == Py_None ? 0 : PyDict_GET_SIZE(kw);
    PyObject *stack[32];
    PyObject *kwnames = NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) stack[i] = PyTuple_GET_ITEM(args, i);
    if (nkw) {
        kwnames = PyTuple_New(nkw);
        Py_ssize_t pos = 0, i = 0; PyObject *k, *v;
        while (PyDict_Next(kw, &pos, &k, &v)) { Py_INCREF(k); PyTuple_SET_ITEM(kwnames, i, k); stack[nargs + i] = v; i++; }
    }
    memset(bufs, 0, sizeof bufs);
    void *p[16];
    for (int i = 0; i < 16; i++) p[i] = bufs[i];
    int ok;
    PyObject *result = NULL;
    if (mode == 0) {
        ok = _PyArg_ParseStackAndKeywords(stack, nargs, kwnames, parser, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
    } else if (mode == 1) {
        ok = _PyArg_ParseTupleAndKeywordsFast(args, kw == Py_None ? NULL : kw, parser, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
    } else {
        PyObject *buf[16] = {0};
        PyObject *const *r = (mode == 2)
            ? _PyArg_UnpackKeywords(stack, nargs, NULL, kwnames, parser, minpos, maxpos, minkw, buf)
            : _PyArg_UnpackKeywords(&PyTuple_GET_ITEM(args, 0), nargs, kw == Py_None ? NULL : kw, NULL, parser, minpos, maxpos, minkw, buf);
        ok = r != NULL;
        if (ok) {
            Py_ssize_t total = nnames;
            result = PyList_New(0);
            for (Py_ssize_t i = 0; i < total; i++) PyList_Append(result, (r == buf || i < nargs) && r[i] ? r[i] : Py_None);
        }
    }
    Py_XDECREF(kwnames);
    if (!ok) return err_tuple();
    if (result) return result;
    PyObject *l = PyList_New(0);
    int k = 0;
    for (const char *f = fmt; *f && *f != ':' && *f != ';'; f++) {
        if (*f == '|' || *f == '$') continue;
        if (strchr("bBhHiIlkLKnfdCcp", *f)) { PyObject *b = PyBytes_FromStringAndSize(bufs[k], 8); PyList_Append(l, b); Py_DECREF(b); }
        else { PyObject *s = PyUnicode_FromString("?"); PyList_Append(l, s); Py_DECREF(s); }
        k++;
    }
    return l;
}

static PyObject *checks(PyObject *self, PyObject *a) {
    int which; PyObject *o;
    if (!PyArg_ParseTuple(a, "iO", &which, &o)) return NULL;
    int r = 1;
    switch (which) {
    case 0: r = _PyArg_NoKeywords("nk", o == Py_None ? NULL : o); break;
    case 1: r = _PyArg_NoPositional("np", o == Py_None ? NULL : o); break;
    case 2: r = _PyArg_CheckPositional("cp", PyLong_AsSsize_t(o), 1, 3); break;
    case 3: r = _PyArg_CheckPositional(NULL, PyLong_AsSsize_t(o), 2, 2); break;
    case 4: _PyArg_BadArgument("ba", "argument 2", "str", o); return err_tuple();
    case 5: { PyObject *x = NULL, *y = NULL; r = PyArg_UnpackTuple(o, "ut", 1, 2, &x, &y); break; }
    case 6: { PyObject *x = NULL, *y = NULL; r = PyArg_UnpackTuple(o, NULL, 2, 2, &x, &y); break; }
    case 7: { int v = 0; r = PyArg_Parse(o, "i", &v); if (r) return PyLong_FromLong(v); break; }
    case 8: { r = PyArg_Parse(o, ":empty"); break; }
    case 9: r = PyArg_ValidateKeywordArguments(o); break;
    }
    if (!r) return err_tuple();
    return PyLong_FromLong(r);
}

/* The units whose va_list entries are not plain output pointers. */
static int cleanups_run;
static int counting_converter(PyObject *o, void *addr) {
    if (o == NULL) { cleanups_run++; return 1; }
    *(PyObject **)addr = o;
    return Py_CLEANUP_SUPPORTED;
}
static PyObject *encparse(PyObject *self, PyObject *a) {
    int which; PyObject *args;
    if (!PyArg_ParseTuple(a, "iO", &which, &args)) return NULL;
    char *buf = NULL; Py_ssize_t len = 0; char small[4]; PyObject *o = NULL; int i = 0;
    int ok = 0;
    switch (which) {
    case 0: ok = PyArg_ParseTuple(args, "es", "utf-8", &buf); break;
    case 1: ok = PyArg_ParseTuple(args, "es#", "utf-16-le", &buf, &len); break;
    case 2:
        buf = small;
        len = 4;
        ok = PyArg_ParseTuple(args, "es#", "utf-8", &buf, &len);
        if (ok) return PyBytes_FromStringAndSize(small, len);
        buf = NULL;
        break;
    case 3: ok = PyArg_ParseTuple(args, "et", "latin-1", &buf); break;
    case 4: ok = PyArg_ParseTuple(args, "es", "ascii", &buf); break;
    case 5:
        ok = PyArg_ParseTuple(args, "O!", &PyLong_Type, &o);
        if (ok) return Py_NewRef(o);
        break;
    case 6:
        cleanups_run = 0;
        ok = PyArg_ParseTuple(args, "O&i", counting_converter, &o, &i);
        if (!ok) {
            PyObject *r = err_tuple();
            return Py_BuildValue("(Ni)", r, cleanups_run);
        }
        return Py_BuildValue("(Oi)", o, cleanups_run);
    case 7: ok = PyArg_ParseTuple(args, "es", NULL, &buf); break;
    case 8: ok = PyArg_ParseTuple(args, "et#", "utf-8", &buf, &len); break;
    case 9:
        ok = PyArg_ParseTuple(args, "O&", PyUnicode_FSConverter, &o);
        if (ok) return o;
        break;
    case 10:
        ok = PyArg_ParseTuple(args, "O&", PyUnicode_FSDecoder, &o);
        if (ok) return o;
        break;
    case 11: {
        double d;
        const char *text;
        ok = PyArg_ParseTuple(args, "(is)|(d)", &i, &text, &d);
        if (ok) return PyLong_FromLong(i);
        break;
    }
    }
    if (!ok) return err_tuple();
    PyObject *r = len ? PyBytes_FromStringAndSize(buf, len) : PyBytes_FromString(buf);
    PyMem_Free(buf);
    return r;
}

/* An int's 30-bit digits as C code reads them (Cython's fast paths):
 * (ob_size, [ob_digit...]) straight from the PyLongObject, and whether two
 * conversions of a small int CPython caches (-5..256) give the same object
 * (-1 for others: their identity is unspecified). */
static PyObject *digits(PyObject *self, PyObject *o) {
    if (!PyLong_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "need an int");
        return NULL;
    }
    PyLongObject *lo = (PyLongObject *)o;
    Py_ssize_t size = Py_SIZE(o);
    Py_ssize_t n = size < 0 ? -size : size;
    PyObject *l = PyList_New(n);
    for (Py_ssize_t i = 0; i < n; i++) PyList_SET_ITEM(l, i, PyLong_FromUnsignedLong(lo->ob_digit[i]));
    long small = PyLong_AsLong(o);
    int cached = -1;
    if (!PyErr_Occurred() && small >= -5 && small <= 256) {
        PyObject *a = PyLong_FromLong(small), *b = PyLong_FromLong(small);
        cached = a == b;
        Py_DECREF(a);
        Py_DECREF(b);
    }
    PyErr_Clear();
    return Py_BuildValue("(nNi)", size, l, cached);
}

/* The less common codec entry points and _Py_IDENTIFIER strings (the
 * deprecated functions are called on purpose). */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static PyObject *codecs_more(PyObject *self, PyObject *a) {
    int which; PyObject *x, *y;
    if (!PyArg_ParseTuple(a, "iOO", &which, &x, &y)) return NULL;
    PyObject *r = NULL;
    switch (which) {
    case 0: r = PyUnicode_DecodeCharmap(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), y == Py_None ? NULL : y, NULL); break;
    case 1: r = PyUnicode_AsCharmapString(x, y); break;
    case 2: r = PyUnicode_DecodeUTF7(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), NULL); break;
    case 3: r = PyUnicode_AsDecodedObject(x, PyUnicode_AsUTF8(y), NULL); break;
    case 4: r = PyUnicode_AsEncodedObject(x, PyUnicode_AsUTF8(y), NULL); break;
    case 5: r = PyUnicode_AsEncodedUnicode(x, PyUnicode_AsUTF8(y), NULL); break;
    case 6: r = PyUnicode_AsDecodedUnicode(x, PyUnicode_AsUTF8(y), NULL); break;
    case 7: {
        _Py_IDENTIFIER(spam);
        PyObject *first = _PyUnicode_FromId(&PyId_spam);
        PyObject *second = _PyUnicode_FromId(&PyId_spam);
        if (!first) return err_tuple();
        return Py_BuildValue("(Oii)", first, first == second, _PyUnicode_EqualToASCIIId(first, &PyId_spam));
    }
    case 8: {
        int bo = 0;
        r = PyUnicode_DecodeUTF16(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), NULL, &bo);
        if (r) return Py_BuildValue("(Ni)", r, bo);
        break;
    }
    case 9: { int bo = 1; r = PyUnicode_DecodeUTF32(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), NULL, &bo); break; }
    case 10: r = PyUnicode_AsUTF16String(x); break;
    case 11: {
        Py_ssize_t consumed = -1;
        r = PyUnicode_DecodeUTF8Stateful(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), NULL, &consumed);
        if (r) return Py_BuildValue("(Nn)", r, consumed);
        break;
    }
    }
    return r ? r : err_tuple();
}

static PyMethodDef methods[] = {
    {"conv", conv, METH_VARARGS, NULL},
    {"two", two, METH_VARARGS, NULL},
    {"pt", pt, METH_VARARGS, NULL},
    {"fmt", fmt, METH_VARARGS, NULL},
    {"build", build, METH_VARARGS, NULL},
    {"fast", fast, METH_VARARGS, NULL},
    {"checks", checks, METH_VARARGS, NULL},
    {"encparse", encparse, METH_VARARGS, NULL},
    {"digits", digits, METH_O, NULL},
    {"codecs_more", codecs_more, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "capi_numbers_impl", NULL, -1, methods};
PyMODINIT_FUNC PyInit_capi_numbers_impl(void) { return PyModule_Create(&def); }
