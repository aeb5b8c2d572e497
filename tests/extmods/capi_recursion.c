/* capi_recursion: the C stack guarded by Py_EnterRecursiveCall /
 * Py_LeaveRecursiveCall, and recursion that alternates between C and Python.
 *
 * Covers recursion inside C alone (each level under the guard), C calling a
 * Python callback that calls back into C (with and without the guard), and
 * that the depth is restored after a RecursionError.  Driver:
 * test_capi_recursion.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* depth(n): recurses n levels in C, each under the guard; returns n.  With n
 * beyond the recursion limit the guard raises RecursionError. */
static long
c_depth(long n)
{
    if (n == 0)
        return 0;
    if (Py_EnterRecursiveCall(" in capi_recursion.depth"))
        return -1;
    long r = c_depth(n - 1);
    Py_LeaveRecursiveCall();
    return r < 0 ? -1 : r + 1;
}

static PyObject *
depth(PyObject *self, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    long r = c_depth(n);
    if (r < 0)
        return NULL;
    return PyLong_FromLong(r);
}

/* guarded(f, arg): f(arg) under the guard. */
static PyObject *
guarded(PyObject *self, PyObject *args)
{
    PyObject *f, *arg;
    if (!PyArg_ParseTuple(args, "OO", &f, &arg))
        return NULL;
    if (Py_EnterRecursiveCall(" in capi_recursion.guarded"))
        return NULL;
    PyObject *r = PyObject_CallOneArg(f, arg);
    Py_LeaveRecursiveCall();
    return r;
}

/* unguarded(f, arg): f(arg) with no guard of its own: only the runtime's
 * limits stop a Python -> C -> Python loop through it. */
static PyObject *
unguarded(PyObject *self, PyObject *args)
{
    PyObject *f, *arg;
    if (!PyArg_ParseTuple(args, "OO", &f, &arg))
        return NULL;
    return PyObject_CallOneArg(f, arg);
}

/* stack_heavy(f, arg): like unguarded, with a large C frame, so that the C
 * stack runs out long before a high recursion limit is reached. */
static PyObject *
stack_heavy(PyObject *self, PyObject *args)
{
    volatile char pad[16384];
    pad[0] = 1;
    pad[sizeof pad - 1] = pad[0];
    PyObject *f, *arg;
    if (!PyArg_ParseTuple(args, "OO", &f, &arg))
        return NULL;
    if (Py_EnterRecursiveCall(" in capi_recursion.stack_heavy"))
        return NULL;
    PyObject *r = PyObject_CallOneArg(f, arg);
    Py_LeaveRecursiveCall();
    return pad[sizeof pad - 1] == 1 ? r : NULL;
}

static PyMethodDef methods[] = {
    {"depth", depth, METH_O, "depth(n): n levels of C recursion under the guard"},
    {"guarded", guarded, METH_VARARGS, "guarded(f, arg): f(arg) under Py_EnterRecursiveCall"},
    {"unguarded", unguarded, METH_VARARGS, "unguarded(f, arg): f(arg)"},
    {"stack_heavy", stack_heavy, METH_VARARGS, "stack_heavy(f, arg): f(arg) from a 16 KiB C frame"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_recursion", "The recursion guard.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_recursion(void)
{
    return PyModule_Create(&module);
}
