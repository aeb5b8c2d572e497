/* C calls for bench/ext/run.py: one function per calling convention, a
 * method, a member and len() of a C type, getattr from C, and C calling
 * back into Python. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"

static PyObject *noargs(PyObject *self, PyObject *unused) { Py_RETURN_NONE; }

static PyObject *onearg(PyObject *self, PyObject *arg) { return Py_NewRef(arg); }

static PyObject *fastcall(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    return nargs > 0 ? Py_NewRef(args[0]) : Py_NewRef(Py_None);
}

static PyObject *varargs(PyObject *self, PyObject *args) {
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b)) return NULL;
    return PyLong_FromLong(a + b);
}

static PyObject *sum_list(PyObject *self, PyObject *list) {
    long total = 0;
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t i = 0; i < n; i++) total += PyLong_AsLong(PyList_GET_ITEM(list, i));
    return PyLong_FromLong(total);
}

static PyObject *call_back(PyObject *self, PyObject *fn) { return PyObject_CallNoArgs(fn); }

static PyObject *build(PyObject *self, PyObject *unused) { return Py_BuildValue("(isd)", 1, "two", 3.0); }

static PyObject *value_name;

static PyObject *get_attr(PyObject *self, PyObject *obj) { return PyObject_GetAttr(obj, value_name); }

typedef struct {
    PyObject_HEAD
    long value;
} Point;

static PyObject *Point_get(Point *self, PyObject *unused) { return PyLong_FromLong(self->value); }

static Py_ssize_t Point_length(Point *self) { return self->value; }

static PySequenceMethods Point_as_sequence = {.sq_length = (lenfunc)Point_length};

static PyMethodDef Point_methods[] = {{"get", (PyCFunction)Point_get, METH_NOARGS, NULL}, {NULL}};
static PyMemberDef Point_members[] = {{"value", T_LONG, offsetof(Point, value), 0, NULL}, {NULL}};

static PyTypeObject PointType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cbench.Point",
    .tp_basicsize = sizeof(Point),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_methods = Point_methods,
    .tp_members = Point_members,
    .tp_as_sequence = &Point_as_sequence,
};

static PyMethodDef methods[] = {
    {"noargs", noargs, METH_NOARGS, NULL},
    {"onearg", onearg, METH_O, NULL},
    {"fastcall", (PyCFunction)(void (*)(void))fastcall, METH_FASTCALL, NULL},
    {"varargs", varargs, METH_VARARGS, NULL},
    {"sum_list", sum_list, METH_O, NULL},
    {"call_back", call_back, METH_O, NULL},
    {"build", build, METH_NOARGS, NULL},
    {"get_attr", get_attr, METH_O, NULL},
    {NULL}
};

static struct PyModuleDef cbench_module = {PyModuleDef_HEAD_INIT, "cbench", NULL, -1, methods};

PyMODINIT_FUNC PyInit_cbench(void) {
    if (PyType_Ready(&PointType) < 0) return NULL;
    value_name = PyUnicode_InternFromString("value");
    if (value_name == NULL) return NULL;
    PyObject *m = PyModule_Create(&cbench_module);
    if (m == NULL) return NULL;
    Py_INCREF(&PointType);
    if (PyModule_AddObject(m, "Point", (PyObject *)&PointType) < 0) return NULL;
    return m;
}
