/* capi_interactive: the interactive loop from C (PyRun_InteractiveOne*,
 * PyRun_InteractiveLoop*) over a file.  Driver: test_capi_interactive.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errcode.h>

static FILE *
open_path(PyObject *path)
{
    PyObject *bytes = PyUnicode_EncodeFSDefault(path);
    if (bytes == NULL)
        return NULL;
    FILE *fp = fopen(PyBytes_AS_STRING(bytes), "r");
    Py_DECREF(bytes);
    if (fp == NULL)
        PyErr_SetFromErrno(PyExc_OSError);
    return fp;
}

/* loop(path) -> PyRun_InteractiveLoop's result */
static PyObject *
loop(PyObject *self, PyObject *path)
{
    FILE *fp = open_path(path);
    if (fp == NULL)
        return NULL;
    int r = PyRun_InteractiveLoop(fp, "<interactive>");
    fclose(fp);
    return PyLong_FromLong(r);
}

/* one_by_one(path) -> the results of PyRun_InteractiveOne until E_EOF
 * (at most 50), with "EOF" for E_EOF */
static PyObject *
one_by_one(PyObject *self, PyObject *path)
{
    FILE *fp = open_path(path);
    if (fp == NULL)
        return NULL;
    PyObject *results = PyList_New(0);
    for (int i = 0; results != NULL && i < 50; i++) {
        int r = PyRun_InteractiveOne(fp, "<one>");
        PyObject *v = r == E_EOF ? PyUnicode_FromString("EOF") : PyLong_FromLong(r);
        if (v == NULL || PyList_Append(results, v) < 0)
            Py_CLEAR(results);
        Py_XDECREF(v);
        if (r == E_EOF)
            break;
    }
    fclose(fp);
    return results;
}

static PyMethodDef methods[] = {
    {"loop", loop, METH_O, NULL},
    {"one_by_one", one_by_one, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_interactive", "The interactive loop from C.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_interactive(void)
{
    return PyModule_Create(&module);
}
