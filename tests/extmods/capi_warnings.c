/* capi_warnings: warnings with an explicit location (PyErr_WarnExplicit*),
 * resource warnings, syntax-error locations (PyErr_SyntaxLocation*) and
 * source lines (PyErr_ProgramText*); also PyODict_*, collections.OrderedDict
 * from C.  Driver: test_capi_warnings.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
none_or(PyObject *o)
{
    return o == Py_None ? NULL : o;
}

static PyObject *
status(int r)
{
    if (r < 0)
        return NULL;
    return PyLong_FromLong(r);
}

/* warn_explicit_object(category, message, filename, lineno, module, registry):
 * None for category, module and registry passes NULL. */
static PyObject *
warn_explicit_object(PyObject *self, PyObject *args)
{
    PyObject *category, *message, *filename, *module, *registry;
    int lineno;
    if (!PyArg_ParseTuple(args, "OOOiOO", &category, &message, &filename, &lineno, &module, &registry))
        return NULL;
    return status(PyErr_WarnExplicitObject(none_or(category), message, filename, lineno, none_or(module),
                                           none_or(registry)));
}

static PyObject *
warn_explicit(PyObject *self, PyObject *args)
{
    PyObject *category, *registry;
    const char *message, *filename, *module;
    int lineno;
    if (!PyArg_ParseTuple(args, "OssizO", &category, &message, &filename, &lineno, &module, &registry))
        return NULL;
    return status(PyErr_WarnExplicit(none_or(category), message, filename, lineno, module, none_or(registry)));
}

/* The message is "<text> #<number>". */
static PyObject *
warn_explicit_format(PyObject *self, PyObject *args)
{
    PyObject *category;
    const char *text, *filename, *module;
    int lineno, number;
    if (!PyArg_ParseTuple(args, "Osizsi", &category, &filename, &lineno, &module, &text, &number))
        return NULL;
    return status(PyErr_WarnExplicitFormat(none_or(category), filename, lineno, module, NULL, "%s #%d", text,
                                           number));
}

static PyObject *
resource_warning(PyObject *self, PyObject *args)
{
    PyObject *source;
    const char *text;
    Py_ssize_t stacklevel;
    if (!PyArg_ParseTuple(args, "Ons", &source, &stacklevel, &text))
        return NULL;
    return status(PyErr_ResourceWarning(none_or(source), stacklevel, "unclosed %s", text));
}

/* Raises `exc` (an instance) located by one of the SyntaxLocation forms:
 * kind 0 SyntaxLocation, 1 SyntaxLocationEx, 2 SyntaxLocationObject,
 * 3 RangedSyntaxLocationObject. */
static PyObject *
raise_located(PyObject *self, PyObject *args)
{
    PyObject *exc, *filename;
    int kind, lineno, col = -1, end_lineno = -1, end_col = -1;
    if (!PyArg_ParseTuple(args, "iOOi|iii", &kind, &exc, &filename, &lineno, &col, &end_lineno, &end_col))
        return NULL;
    const char *fname = NULL;
    if (filename != Py_None && kind < 2) {
        fname = PyUnicode_AsUTF8(filename);
        if (fname == NULL)
            return NULL;
    }
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    switch (kind) {
    case 0:
        PyErr_SyntaxLocation(fname, lineno);
        break;
    case 1:
        PyErr_SyntaxLocationEx(fname, lineno, col);
        break;
    case 2:
        PyErr_SyntaxLocationObject(none_or(filename), lineno, col);
        break;
    default:
        PyErr_RangedSyntaxLocationObject(none_or(filename), lineno, col, end_lineno, end_col);
        break;
    }
    return NULL;
}

/* (PyErr_ProgramText, PyErr_ProgramTextObject, whether an exception is
 * pending) for the line; NULL results are None. */
static PyObject *
program_text(PyObject *self, PyObject *args)
{
    PyObject *filename;
    int lineno;
    if (!PyArg_ParseTuple(args, "Oi", &filename, &lineno))
        return NULL;
    PyObject *bytes = PyUnicode_EncodeFSDefault(filename);
    if (bytes == NULL)
        return NULL;
    PyObject *a = PyErr_ProgramText(PyBytes_AS_STRING(bytes), lineno);
    Py_DECREF(bytes);
    if (a == NULL && PyErr_Occurred())
        return NULL;
    PyObject *b = PyErr_ProgramTextObject(filename, lineno);
    if (b == NULL && PyErr_Occurred()) {
        Py_XDECREF(a);
        return NULL;
    }
    return Py_BuildValue("(NN)", a ? a : Py_NewRef(Py_None), b ? b : Py_NewRef(Py_None));
}

/* --- OrderedDict --------------------------------------------------------- */

/* An OrderedDict built in C from (key, value) pairs, then the keys deleted
 * in `delete`, read back through the dict functions. */
static PyObject *
odict_build(PyObject *self, PyObject *args)
{
    PyObject *pairs, *delete;
    if (!PyArg_ParseTuple(args, "OO", &pairs, &delete))
        return NULL;
    PyObject *od = PyODict_New();
    if (od == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(pairs); i++) {
        PyObject *pair = PyList_GET_ITEM(pairs, i);
        if (PyODict_SetItem(od, PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1)) < 0)
            goto error;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(delete); i++) {
        if (PyODict_DelItem(od, PyList_GET_ITEM(delete, i)) < 0)
            goto error;
    }
    return od;
error:
    Py_DECREF(od);
    return NULL;
}

static PyObject *
odict_set(PyObject *self, PyObject *args)
{
    PyObject *od, *key, *value;
    if (!PyArg_ParseTuple(args, "OOO", &od, &key, &value))
        return NULL;
    return status(PyODict_SetItem(od, key, value));
}

static PyObject *
odict_del(PyObject *self, PyObject *args)
{
    PyObject *od, *key;
    if (!PyArg_ParseTuple(args, "OO", &od, &key))
        return NULL;
    return status(PyODict_DelItem(od, key));
}

/* (PyODict_Size, PyODict_Contains(key), PyODict_GetItem(key) or None). */
static PyObject *
odict_read(PyObject *self, PyObject *args)
{
    PyObject *od, *key;
    if (!PyArg_ParseTuple(args, "OO", &od, &key))
        return NULL;
    int contains = PyODict_Contains(od, key);
    if (contains < 0)
        return NULL;
    PyObject *item = PyODict_GetItem(od, key);
    return Py_BuildValue("(niO)", PyODict_Size(od), contains, item ? item : Py_None);
}

static PyMethodDef methods[] = {
    {"warn_explicit_object", warn_explicit_object, METH_VARARGS, NULL},
    {"warn_explicit", warn_explicit, METH_VARARGS, NULL},
    {"warn_explicit_format", warn_explicit_format, METH_VARARGS, NULL},
    {"resource_warning", resource_warning, METH_VARARGS, NULL},
    {"raise_located", raise_located, METH_VARARGS, NULL},
    {"program_text", program_text, METH_VARARGS, NULL},
    {"odict_build", odict_build, METH_VARARGS, NULL},
    {"odict_set", odict_set, METH_VARARGS, NULL},
    {"odict_del", odict_del, METH_VARARGS, NULL},
    {"odict_read", odict_read, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_warnings", "Warnings, syntax-error locations and OrderedDict from C.", -1,
    methods,
};

PyMODINIT_FUNC
PyInit_capi_warnings(void)
{
    return PyModule_Create(&module);
}
