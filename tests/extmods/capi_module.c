/* capi_module: module basics.
 *
 * Single-phase initialisation (PyModule_Create), one function per calling
 * convention (METH_NOARGS, METH_O, METH_VARARGS, METH_VARARGS|METH_KEYWORDS,
 * METH_FASTCALL, METH_FASTCALL|METH_KEYWORDS), module constants and
 * docstrings.  Each function hands back what it received, unchanged, so the
 * driver (test_capi_module.py) can check that the runtime delivered exactly
 * the arguments the convention promises, with `is`-identity intact.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef capi_module_def;

/* METH_NOARGS: `self` is the module object itself for module-level
 * functions; returning it lets the driver check `noargs() is module`. */
static PyObject *
noargs(PyObject *self, PyObject *unused)
{
    (void)unused;
    return Py_NewRef(self);
}

/* METH_O: the single argument, wrapped in a 1-tuple so that the driver can
 * tell "received None" from "returned None by mistake". */
static PyObject *
meth_o(PyObject *self, PyObject *arg)
{
    (void)self;
    return PyTuple_Pack(1, arg);
}

/* METH_VARARGS: the positional tuple as the runtime built it. */
static PyObject *
varargs(PyObject *self, PyObject *args)
{
    (void)self;
    if (!PyTuple_CheckExact(args)) {
        PyErr_SetString(PyExc_AssertionError, "varargs: args is not a tuple");
        return NULL;
    }
    return Py_NewRef(args);
}

/* METH_VARARGS|METH_KEYWORDS: (args, kwargs-or-None).  kwargs may be NULL
 * when the caller passed no keywords. */
static PyObject *
varargs_kw(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_AssertionError, "varargs_kw: kwargs is not a dict");
        return NULL;
    }
    return Py_BuildValue("(OO)", args, kwargs ? kwargs : Py_None);
}

/* METH_FASTCALL: a C array of borrowed references and a count. */
static PyObject *
fastcall(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *result = PyTuple_New(nargs);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++)
        PyTuple_SET_ITEM(result, i, Py_NewRef(args[i]));
    return result;
}

/* METH_FASTCALL|METH_KEYWORDS: keyword values follow the positional ones in
 * `args`; their names are in the `kwnames` tuple (NULL when there are none).
 * Returns (positional-tuple, {name: value}). */
static PyObject *
fastcall_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
            PyObject *kwnames)
{
    (void)self;
    PyObject *pos = fastcall(self, args, nargs);
    if (pos == NULL)
        return NULL;
    PyObject *kw = PyDict_New();
    if (kw == NULL) {
        Py_DECREF(pos);
        return NULL;
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (!PyUnicode_Check(name)) {
            PyErr_SetString(PyExc_AssertionError, "fastcall_kw: keyword name is not a str");
            goto error;
        }
        if (PyDict_SetItem(kw, name, args[nargs + i]) < 0)
            goto error;
    }
    return Py_BuildValue("(NN)", pos, kw);
error:
    Py_DECREF(pos);
    Py_DECREF(kw);
    return NULL;
}

/* The facts about this module that only C can see, as a tuple:
 * (PyModule_GetName, PyModule_GetDict is __dict__, PyModule_GetDef is ours,
 *  PyState_FindModule is self, PyModule_GetNameObject). */
static PyObject *
module_info(PyObject *self, PyObject *unused)
{
    (void)unused;
    const char *name = PyModule_GetName(self);
    if (name == NULL)
        return NULL;
    PyObject *dict = PyModule_GetDict(self); /* borrowed */
    PyObject *attr_dict = PyObject_GetAttrString(self, "__dict__");
    if (attr_dict == NULL)
        return NULL;
    int same_dict = dict == attr_dict;
    Py_DECREF(attr_dict);
    int same_def = PyModule_GetDef(self) == &capi_module_def;
    int found = PyState_FindModule(&capi_module_def) == self;
    return Py_BuildValue("(sNNNN)", name, PyBool_FromLong(same_dict),
                         PyBool_FromLong(same_def), PyBool_FromLong(found),
                         PyModule_GetNameObject(self));
}

/* A module made from C at run time, with an attribute set through its dict. */
static PyObject *
new_module(PyObject *self, PyObject *name)
{
    (void)self;
    PyObject *mod = PyModule_NewObject(name);
    if (mod == NULL)
        return NULL;
    PyObject *dict = PyModule_GetDict(mod);
    if (PyDict_SetItemString(dict, "answer", Py_None) < 0 ||
        PyModule_AddIntConstant(mod, "answer", 42) < 0) {
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}

/* A function whose docstring carries a text signature in the form
 * Argument Clinic emits; the runtime splits it off into __text_signature__. */
static PyObject *
with_signature(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    static char *kwlist[] = {"a", "b", NULL};
    PyObject *a, *b = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O:with_signature", kwlist, &a, &b))
        return NULL;
    return Py_BuildValue("(OO)", a, b ? b : Py_None);
}

static PyMethodDef capi_module_methods[] = {
    {"noargs", noargs, METH_NOARGS, "Return the module (self of a module function)."},
    {"meth_o", meth_o, METH_O, "Return (arg,)."},
    {"varargs", varargs, METH_VARARGS, "Return the positional-argument tuple."},
    {"varargs_kw", (PyCFunction)(void (*)(void))varargs_kw, METH_VARARGS | METH_KEYWORDS,
     "Return (args, kwargs or None)."},
    {"fastcall", (PyCFunction)(void (*)(void))fastcall, METH_FASTCALL,
     "Return the positional arguments as a tuple."},
    {"fastcall_kw", (PyCFunction)(void (*)(void))fastcall_kw, METH_FASTCALL | METH_KEYWORDS,
     "Return (positional tuple, keyword dict)."},
    {"module_info", module_info, METH_NOARGS, NULL},
    {"new_module", new_module, METH_O, "Make a module named by the argument."},
    {"with_signature", (PyCFunction)(void (*)(void))with_signature,
     METH_VARARGS | METH_KEYWORDS,
     "with_signature($module, /, a, b=None)\n--\n\nReturn (a, b)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_module",
    .m_doc = "Module basics: calling conventions, constants, docstrings.",
    .m_size = -1,
    .m_methods = capi_module_methods,
};

PyMODINIT_FUNC
PyInit_capi_module(void)
{
    PyObject *m = PyModule_Create(&capi_module_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "INT_CONST", 42) < 0)
        goto error;
    if (PyModule_AddIntConstant(m, "NEG_CONST", -7) < 0)
        goto error;
    if (PyModule_AddStringConstant(m, "STR_CONST", "h\xc3\xa9llo") < 0)
        goto error;
#define CAPI_MODULE_MACRO 1234
    if (PyModule_AddIntMacro(m, CAPI_MODULE_MACRO) < 0)
        goto error;

    /* PyModule_AddObject steals the reference only on success. */
    PyObject *tuple = Py_BuildValue("(isd)", 1, "two", 3.0);
    if (tuple == NULL)
        goto error;
    if (PyModule_AddObject(m, "TUPLE_CONST", tuple) < 0) {
        Py_DECREF(tuple);
        goto error;
    }

    /* PyModule_AddObjectRef never steals. */
    PyObject *list = PyList_New(0);
    if (list == NULL)
        goto error;
    int rc = PyModule_AddObjectRef(m, "LIST_CONST", list);
    Py_DECREF(list);
    if (rc < 0)
        goto error;

    /* Single-phase modules may register themselves for PyState_FindModule. */
    if (PyState_AddModule(m, &capi_module_def) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
