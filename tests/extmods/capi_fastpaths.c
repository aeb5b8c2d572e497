/* capi_fastpaths: what Tern's shorter paths for frequent C-API uses must
 * keep exactly as the general ones (docs/cpyext.md, the C-call path):
 * PyObject_GetAttr of a member or getset of a C type read through the C
 * object, and a Py_BuildValue tuple built and handed over at once. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"

#include <float.h>

/* ---- Rec: one member of each common type, and getsets ------------------ */

typedef struct {
    PyObject_HEAD
    int i;
    long l;
    Py_ssize_t n;
    double d;
    float f;
    char b;
    char c;
    const char *s;
    PyObject *obj;   /* T_OBJECT: NULL reads as None */
    PyObject *objex; /* T_OBJECT_EX: NULL raises AttributeError */
} RecObject;

static PyObject *
rec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    RecObject *self = (RecObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->s = "text";
    self->c = 'q';
    return (PyObject *)self;
}

static int
rec_traverse(RecObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->obj);
    Py_VISIT(self->objex);
    return 0;
}

static int
rec_clear(RecObject *self)
{
    Py_CLEAR(self->obj);
    Py_CLEAR(self->objex);
    return 0;
}

static void
rec_dealloc(RecObject *self)
{
    PyObject_GC_UnTrack(self);
    rec_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef rec_members[] = {
    {"i", T_INT, offsetof(RecObject, i), 0, NULL},
    {"l", T_LONG, offsetof(RecObject, l), 0, NULL},
    {"n", T_PYSSIZET, offsetof(RecObject, n), 0, NULL},
    {"d", T_DOUBLE, offsetof(RecObject, d), 0, NULL},
    {"f", T_FLOAT, offsetof(RecObject, f), 0, NULL},
    {"b", T_BOOL, offsetof(RecObject, b), 0, NULL},
    {"c", T_CHAR, offsetof(RecObject, c), READONLY, NULL},
    {"s", T_STRING, offsetof(RecObject, s), READONLY, NULL},
    {"obj", T_OBJECT, offsetof(RecObject, obj), 0, NULL},
    {"objex", T_OBJECT_EX, offsetof(RecObject, objex), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
rec_get_twice(RecObject *self, void *closure)
{
    return PyLong_FromLong(2 * self->l);
}

static PyObject *
rec_get_broken(RecObject *self, void *closure)
{
    PyErr_SetString(PyExc_ValueError, "broken getter");
    return NULL;
}

static PyObject *
rec_get_closure(RecObject *self, void *closure)
{
    return PyUnicode_FromString((const char *)closure);
}

static int
rec_set_writeonly(RecObject *self, PyObject *value, void *closure)
{
    return 0;
}

static PyGetSetDef rec_getset[] = {
    {"twice", (getter)rec_get_twice, NULL, NULL, NULL},
    {"broken", (getter)rec_get_broken, NULL, NULL, NULL},
    {"closure", (getter)rec_get_closure, NULL, NULL, "closure-data"},
    {"writeonly", NULL, (setter)rec_set_writeonly, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *
rec_describe(RecObject *self, PyObject *unused)
{
    return PyUnicode_FromFormat("Rec(l=%ld)", self->l);
}

static PyMethodDef rec_methods[] = {
    {"describe", (PyCFunction)rec_describe, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Rec_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_fastpaths.Rec",
    .tp_basicsize = sizeof(RecObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = rec_new,
    .tp_dealloc = (destructor)rec_dealloc,
    .tp_traverse = (traverseproc)rec_traverse,
    .tp_clear = (inquiry)rec_clear,
    .tp_methods = rec_methods,
    .tp_members = rec_members,
    .tp_getset = rec_getset,
};

/* ---- Other: a second C type with a member at another offset ------------ */

typedef struct {
    PyObject_HEAD
    long x;
} OtherObject;

static PyMemberDef other_members[] = {
    {"x", T_LONG, offsetof(OtherObject, x), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject Other_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_fastpaths.Other",
    .tp_basicsize = sizeof(OtherObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = PyType_GenericNew,
    .tp_members = other_members,
};

/* ---- module functions --------------------------------------------------- */

static PyObject *
getattr(PyObject *self, PyObject *args)
{
    PyObject *o, *name;
    if (!PyArg_ParseTuple(args, "OO", &o, &name))
        return NULL;
    return PyObject_GetAttr(o, name);
}

static PyObject *
getattr_string(PyObject *self, PyObject *args)
{
    PyObject *o;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &o, &name))
        return NULL;
    return PyObject_GetAttrString(o, name);
}

/* Reads `name` of o `count` times from C, returning the last value: a
 * member read repeatedly must stay right while objects move. */
static PyObject *
getattr_repeat(PyObject *self, PyObject *args)
{
    PyObject *o, *name, *r = NULL;
    Py_ssize_t count;
    if (!PyArg_ParseTuple(args, "OOn", &o, &name, &count))
        return NULL;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_XDECREF(r);
        r = PyObject_GetAttr(o, name);
        if (r == NULL)
            return NULL;
    }
    return r;
}

/* The tuple shapes Py_BuildValue's common units make, in a list. */
static PyObject *
build_common(PyObject *self, PyObject *args)
{
    long l;
    double d;
    const char *s;
    if (!PyArg_ParseTuple(args, "lds", &l, &d, &s))
        return NULL;
    PyObject *items[7] = {
        Py_BuildValue("(isd)", (int)l, s, d),
        Py_BuildValue("(l)", l),
        Py_BuildValue("( s, d)", s, d),
        Py_BuildValue("()"),
        Py_BuildValue("((i)(s)[d])", (int)l, s, d),
        Py_BuildValue("(ld)(s)", l, d, s),
        Py_BuildValue("(zs#)", (const char *)NULL, s, (Py_ssize_t)1),
    };
    PyObject *r = PyList_New(7);
    for (int k = 0; k < 7; k++) {
        if (r == NULL || items[k] == NULL) {
            Py_XDECREF(r);
            for (int j = k; j < 7; j++)
                Py_XDECREF(items[j]);
            return NULL;
        }
        PyList_SET_ITEM(r, k, items[k]);
    }
    return r;
}

/* A tuple C builds and keeps a borrowed item of while handing it over. */
static PyObject *
build_then_borrow(PyObject *self, PyObject *unused)
{
    PyObject *t = Py_BuildValue("(sd)", "kept", 1.5);
    if (t == NULL)
        return NULL;
    PyObject *first = PyTuple_GET_ITEM(t, 0);
    PyObject *r = Py_BuildValue("(OO)", t, first);
    Py_DECREF(t);
    return r;
}

/* Items whose making fails half-way: nothing is leaked or crossed. */
static PyObject *
build_failing(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(isO)", 1, "two", (PyObject *)NULL);
}

static PyMethodDef methods[] = {
    {"getattr", getattr, METH_VARARGS, NULL},
    {"getattr_string", getattr_string, METH_VARARGS, NULL},
    {"getattr_repeat", getattr_repeat, METH_VARARGS, NULL},
    {"build_common", build_common, METH_VARARGS, NULL},
    {"build_then_borrow", build_then_borrow, METH_NOARGS, NULL},
    {"build_failing", build_failing, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_fastpaths", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_fastpaths(void)
{
    if (PyType_Ready(&Rec_Type) < 0 || PyType_Ready(&Other_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&Rec_Type);
    if (PyModule_AddObject(m, "Rec", (PyObject *)&Rec_Type) < 0)
        return NULL;
    Py_INCREF(&Other_Type);
    if (PyModule_AddObject(m, "Other", (PyObject *)&Other_Type) < 0)
        return NULL;
    return m;
}
