/* capi_trace: C trace and profile functions (PyEval_SetTrace,
 * PyEval_SetProfile).  Driver: test_capi_trace.py.
 *
 * The function records each event into its object, a list, as
 * (what, code name, line, arg): arg is the event's argument for 'return'
 * and 'c_call'/'c_return' (the builtin's __name__), the exception type for
 * 'exception', None otherwise.  A frame of a function named "fail_here"
 * makes it fail with RuntimeError at the 'line' event.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>
#include <string.h>

static int
record(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    PyCodeObject *code = PyFrame_GetCode(frame);
    PyObject *name = code->co_name;
    PyObject *detail = Py_None;
    Py_INCREF(detail);
    if (what == PyTrace_RETURN) {
        Py_SETREF(detail, Py_NewRef(arg != NULL ? arg : Py_None));
    } else if (what == PyTrace_C_CALL || what == PyTrace_C_RETURN || what == PyTrace_C_EXCEPTION) {
        Py_SETREF(detail, PyObject_GetAttrString(arg, "__name__"));
    } else if (what == PyTrace_EXCEPTION) {
        Py_SETREF(detail, Py_NewRef(PyTuple_GET_ITEM(arg, 0)));
    }
    int r = -1;
    if (detail != NULL) {
        PyObject *t = Py_BuildValue("(iOiO)", what, name, PyFrame_GetLineNumber(frame), detail);
        r = t == NULL ? -1 : PyList_Append(obj, t);
        Py_XDECREF(t);
    }
    Py_XDECREF(detail);
    if (r == 0 && what == PyTrace_LINE && PyUnicode_CompareWithASCIIString(name, "fail_here") == 0) {
        PyErr_SetString(PyExc_RuntimeError, "trace function failed");
        r = -1;
    }
    Py_DECREF(code);
    return r;
}

static PyObject *
set_trace(PyObject *self, PyObject *list)
{
    PyEval_SetTrace(record, list);
    Py_RETURN_NONE;
}

static PyObject *
set_profile(PyObject *self, PyObject *list)
{
    PyEval_SetProfile(record, list);
    Py_RETURN_NONE;
}

static PyObject *
stop(PyObject *self, PyObject *unused)
{
    PyEval_SetTrace(NULL, NULL);
    PyEval_SetProfile(NULL, NULL);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"set_trace", set_trace, METH_O, NULL},
    {"set_profile", set_profile, METH_O, NULL},
    {"stop", stop, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_trace", "C trace and profile functions.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_trace(void)
{
    return PyModule_Create(&module);
}
