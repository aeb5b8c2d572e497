/* capi_stubs: calls the exported stubs of the C API Tern does not implement
 * yet (cpyext/unimplemented.cc, docs/cpyext-inventory.md) by name.
 *
 * call(name, kind) looks the function up in the process (dlsym) and calls it
 * without arguments (the stubs ignore theirs), returning what it returned
 * with the exception it raised.  Under CPython the functions are real, so
 * the driver runs only under Tern.  Driver: test_capi_stubs.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dlfcn.h>

static PyObject *
call(PyObject *self, PyObject *args)
{
    const char *name, *kind;
    if (!PyArg_ParseTuple(args, "ss", &name, &kind))
        return NULL;
    void *fn = dlsym(RTLD_DEFAULT, name);
    if (fn == NULL) {
        PyErr_Format(PyExc_LookupError, "%s is not exported", name);
        return NULL;
    }
    PyObject *result;
    switch (kind[0]) {
    case 'p': {
        void *r = ((void *(*)(void))fn)();
        result = r == NULL ? Py_NewRef(Py_None) : PyLong_FromVoidPtr(r);
        break;
    }
    case 'i':
        result = PyLong_FromLong(((int (*)(void))fn)());
        break;
    case 'l':
        result = PyLong_FromLong(((long (*)(void))fn)());
        break;
    case 'u':
        result = PyLong_FromUnsignedLong(((unsigned (*)(void))fn)());
        break;
    case 'U':
        result = PyLong_FromUnsignedLong(((unsigned long (*)(void))fn)());
        break;
    case 'd':
        result = PyFloat_FromDouble(((double (*)(void))fn)());
        break;
    case 'v':
        ((void (*)(void))fn)();
        result = Py_NewRef(Py_None);
        break;
    default:
        PyErr_Format(PyExc_ValueError, "unknown kind %s", kind);
        return NULL;
    }
    /* (result, exception raised or None) */
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *pair = Py_BuildValue("(NO)", result, value ? value : Py_None);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return pair;
}

static PyMethodDef methods[] = {
    {"call", call, METH_VARARGS, "call(name, kind): call an exported function without arguments"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_stubs", "The stubs of the unimplemented C API.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_stubs(void)
{
    return PyModule_Create(&module);
}
