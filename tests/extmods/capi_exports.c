/* capi_exports: the exported data of the C API beyond the common types:
 * the iterator types, the context, OrderedDict, PickleBuffer and
 * GenericAlias types, PyCMethod_Type, PyStdPrinter_Type (and
 * PyFile_NewStdPrinter), Py_hexdigits, PyImport_Inittab and
 * PyImport_FrozenModules.  Driver: test_capi_exports.py.
 *
 * An extension referencing any of these symbols only loads where they are
 * exported, so this module loading is the first check.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

struct exported {
    const char *name;
    PyTypeObject *type;
};

static const struct exported types[] = {
    {"PyListIter_Type", &PyListIter_Type},
    {"PyListRevIter_Type", &PyListRevIter_Type},
    {"PyTupleIter_Type", &PyTupleIter_Type},
    {"PyDictIterKey_Type", &PyDictIterKey_Type},
    {"PyDictIterValue_Type", &PyDictIterValue_Type},
    {"PyDictIterItem_Type", &PyDictIterItem_Type},
    {"PyDictRevIterKey_Type", &PyDictRevIterKey_Type},
    {"PyDictRevIterValue_Type", &PyDictRevIterValue_Type},
    {"PyDictRevIterItem_Type", &PyDictRevIterItem_Type},
    {"PyRangeIter_Type", &PyRangeIter_Type},
    {"PyLongRangeIter_Type", &PyLongRangeIter_Type},
    {"PyUnicodeIter_Type", &PyUnicodeIter_Type},
    {"PySetIter_Type", &PySetIter_Type},
    {"PyBytesIter_Type", &PyBytesIter_Type},
    {"PyByteArrayIter_Type", &PyByteArrayIter_Type},
    {"Py_GenericAliasType", &Py_GenericAliasType},
    {"PyContext_Type", &PyContext_Type},
    {"PyContextVar_Type", &PyContextVar_Type},
    {"PyContextToken_Type", &PyContextToken_Type},
    {"PyPickleBuffer_Type", &PyPickleBuffer_Type},
    {"PyODict_Type", &PyODict_Type},
    {"PyODictKeys_Type", &PyODictKeys_Type},
    {"PyODictValues_Type", &PyODictValues_Type},
    {"PyODictItems_Type", &PyODictItems_Type},
    {"PyODictIter_Type", &PyODictIter_Type},
    {"PyCMethod_Type", &PyCMethod_Type},
    {"PyStdPrinter_Type", &PyStdPrinter_Type},
    {NULL, NULL},
};

static PyTypeObject *
find_type(const char *name)
{
    for (const struct exported *e = types; e->name != NULL; e++) {
        if (strcmp(e->name, name) == 0)
            return e->type;
    }
    PyErr_Format(PyExc_KeyError, "%s", name);
    return NULL;
}

/* exported(name) -> the type object the data symbol is */
static PyObject *
exported(PyObject *self, PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8(arg);
    PyTypeObject *t = name == NULL ? NULL : find_type(name);
    return t == NULL ? NULL : Py_NewRef((PyObject *)t);
}

/* is_type(obj, name) -> Py_TYPE(obj) == &name, compared in C */
static PyObject *
is_type(PyObject *self, PyObject *args)
{
    PyObject *obj;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &obj, &name))
        return NULL;
    PyTypeObject *t = find_type(name);
    if (t == NULL)
        return NULL;
    return PyBool_FromLong(Py_TYPE(obj) == t);
}

/* names() -> the names of the table, in order */
static PyObject *
names(PyObject *self, PyObject *unused)
{
    PyObject *list = PyList_New(0);
    for (const struct exported *e = types; list != NULL && e->name != NULL; e++) {
        PyObject *s = PyUnicode_FromString(e->name);
        if (s == NULL || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    return list;
}

/* type_fields(name) -> (tp_name, tp_basicsize, tp_base or None) */
static PyObject *
type_fields(PyObject *self, PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8(arg);
    PyTypeObject *t = name == NULL ? NULL : find_type(name);
    if (t == NULL)
        return NULL;
    return Py_BuildValue("(snO)", t->tp_name, t->tp_basicsize,
                         t->tp_base != NULL ? (PyObject *)t->tp_base : Py_None);
}

/* checks(obj) -> the Check macros that hold for obj, by name */
static PyObject *
checks(PyObject *self, PyObject *obj)
{
    PyObject *out = PyList_New(0);
    struct { const char *name; int holds; } all[] = {
        {"PyContext_CheckExact", PyContext_CheckExact(obj)},
        {"PyContextVar_CheckExact", PyContextVar_CheckExact(obj)},
        {"PyContextToken_CheckExact", PyContextToken_CheckExact(obj)},
        {"PyODict_Check", PyODict_Check(obj)},
        {"PyODict_CheckExact", PyODict_CheckExact(obj)},
        {"PyPickleBuffer_Check", PyPickleBuffer_Check(obj)},
        {"PyCMethod_Check", PyCMethod_Check(obj)},
    };
    for (size_t i = 0; out != NULL && i < sizeof all / sizeof all[0]; i++) {
        if (!all[i].holds)
            continue;
        PyObject *s = PyUnicode_FromString(all[i].name);
        if (s == NULL || PyList_Append(out, s) < 0)
            Py_CLEAR(out);
        Py_XDECREF(s);
    }
    return out;
}

static PyObject *
hexdigits(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString(Py_hexdigits);
}

/* inittab_names() -> the names of PyImport_Inittab, up to its terminator */
static PyObject *
inittab_names(PyObject *self, PyObject *unused)
{
    PyObject *list = PyList_New(0);
    for (struct _inittab *p = PyImport_Inittab; list != NULL && p->name != NULL; p++) {
        PyObject *s = PyUnicode_FromString(p->name);
        if (s == NULL || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    return list;
}

/* frozen_names() -> None when PyImport_FrozenModules is NULL, else its names */
static PyObject *
frozen_names(PyObject *self, PyObject *unused)
{
    if (PyImport_FrozenModules == NULL)
        Py_RETURN_NONE;
    PyObject *list = PyList_New(0);
    for (const struct _frozen *p = PyImport_FrozenModules; list != NULL && p->name != NULL; p++) {
        PyObject *s = PyUnicode_FromString(p->name);
        if (s == NULL || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    return list;
}

static PyObject *
new_std_printer(PyObject *self, PyObject *arg)
{
    int fd = (int)PyLong_AsLong(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    return PyFile_NewStdPrinter(fd);
}

static PyMethodDef methods[] = {
    {"new_std_printer", new_std_printer, METH_O, NULL},
    {"exported", exported, METH_O, NULL},
    {"is_type", is_type, METH_VARARGS, NULL},
    {"names", names, METH_NOARGS, NULL},
    {"type_fields", type_fields, METH_O, NULL},
    {"checks", checks, METH_O, NULL},
    {"hexdigits", hexdigits, METH_NOARGS, NULL},
    {"inittab_names", inittab_names, METH_NOARGS, NULL},
    {"frozen_names", frozen_names, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_exports", "Exported data of the C API.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_exports(void)
{
    return PyModule_Create(&module);
}
