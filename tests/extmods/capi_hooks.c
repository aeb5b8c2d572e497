/* capi_hooks: hooks C gives the runtime for good: an audit hook
 * (PySys_AddAuditHook) and the open-code hook (PyFile_SetOpenCodeHook).
 * Driver: test_capi_hooks.py (hooks stay for the whole process).
 *
 * The audit hook records (event, args) of the events whose name starts
 * with "capi." into `audited`; event "capi.veto" makes it fail with
 * PermissionError.  The open-code hook records each path into `opened`
 * and opens the file with io.open(path, "rb").
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static PyObject *audited; /* list */
static PyObject *opened;  /* list */

static int
audit_hook(const char *event, PyObject *args, void *data)
{
    if (data != (void *)&audited) {
        PyErr_SetString(PyExc_AssertionError, "wrong user data");
        return -1;
    }
    if (strncmp(event, "capi.", 5) != 0)
        return 0;
    if (strcmp(event, "capi.veto") == 0) {
        PyErr_SetString(PyExc_PermissionError, "vetoed by the C hook");
        return -1;
    }
    PyObject *t = Py_BuildValue("(sO)", event, args);
    int r = t == NULL ? -1 : PyList_Append(audited, t);
    Py_XDECREF(t);
    return r;
}

static PyObject *
open_code_hook(PyObject *path, void *data)
{
    if (data != (void *)&opened) {
        PyErr_SetString(PyExc_AssertionError, "wrong user data");
        return NULL;
    }
    if (PyList_Append(opened, path) < 0)
        return NULL;
    PyObject *io = PyImport_ImportModule("io");
    if (io == NULL)
        return NULL;
    PyObject *f = PyObject_CallMethod(io, "open", "Os", path, "rb");
    Py_DECREF(io);
    return f;
}

static PyObject *
add_audit_hook(PyObject *self, PyObject *unused)
{
    if (PySys_AddAuditHook(audit_hook, &audited) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* set_open_code_hook() -> the result of PyFile_SetOpenCodeHook */
static PyObject *
set_open_code_hook(PyObject *self, PyObject *unused)
{
    int r = PyFile_SetOpenCodeHook(open_code_hook, &opened);
    if (r < 0 && !PyErr_Occurred())
        return PyErr_Format(PyExc_AssertionError, "-1 without an exception");
    if (r < 0)
        return NULL;
    return PyLong_FromLong(r);
}

static PyObject *
open_code(PyObject *self, PyObject *path)
{
    return PyFile_OpenCodeObject(path);
}

static PyMethodDef methods[] = {
    {"add_audit_hook", add_audit_hook, METH_NOARGS, NULL},
    {"set_open_code_hook", set_open_code_hook, METH_NOARGS, NULL},
    {"open_code", open_code, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_hooks", "Audit and open-code hooks from C.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_hooks(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    audited = PyList_New(0);
    opened = PyList_New(0);
    if (audited == NULL || opened == NULL || PyModule_AddObjectRef(m, "audited", audited) < 0 ||
        PyModule_AddObjectRef(m, "opened", opened) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
