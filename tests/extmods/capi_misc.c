/* Odds and ends of the C API that real extensions import: context
 * variables, hashes, PyObject_Print, file descriptors, exception chaining,
 * the interpreter flags, _PyList_Extend.  Driver: test_capi_misc.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *cv_new(PyObject *self, PyObject *args) {
    const char *name;
    PyObject *def = NULL;
    if (!PyArg_ParseTuple(args, "s|O", &name, &def))
        return NULL;
    return PyContextVar_New(name, def);
}

static PyObject *cv_get(PyObject *self, PyObject *args) {
    PyObject *var, *def = NULL, *value;
    if (!PyArg_ParseTuple(args, "O|O", &var, &def))
        return NULL;
    if (PyContextVar_Get(var, def, &value) < 0)
        return NULL;
    if (value == NULL)
        return Py_BuildValue("(Os)", Py_False, "no value");
    return Py_BuildValue("(ON)", Py_True, value);
}

static PyObject *cv_set(PyObject *self, PyObject *args) {
    PyObject *var, *value;
    if (!PyArg_ParseTuple(args, "OO", &var, &value))
        return NULL;
    return PyContextVar_Set(var, value);
}

static PyObject *hash_double(PyObject *self, PyObject *arg) {
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(_Py_HashDouble(arg, d));
}

static PyObject *hash_pointer_ok(PyObject *self, PyObject *unused) {
    /* Rotated by 4 bits, never -1. */
    static int x;
    Py_hash_t h = _Py_HashPointer(&x);
    uintptr_t p = (uintptr_t)&x;
    uintptr_t want = (p >> 4) | (p << (8 * sizeof(uintptr_t) - 4));
    return PyBool_FromLong(h == (Py_hash_t)want && h != -1);
}

static PyObject *print_to(PyObject *self, PyObject *args) {
    PyObject *obj;
    const char *path;
    int raw;
    if (!PyArg_ParseTuple(args, "Osp", &obj, &path, &raw))
        return NULL;
    FILE *fp = fopen(path, "w");
    if (fp == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    int r = PyObject_Print(obj, fp, raw ? Py_PRINT_RAW : 0);
    fclose(fp);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *as_fd(PyObject *self, PyObject *arg) {
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    return PyLong_FromLong(fd);
}

static PyObject *from_cause(PyObject *self, PyObject *arg) {
    PyErr_SetString(PyExc_KeyError, "inner");
    return _PyErr_FormatFromCause(PyExc_RuntimeError, "outer %S", arg);
}

static PyObject *flags(PyObject *self, PyObject *unused) {
    return Py_BuildValue("(ii)", Py_OptimizeFlag, Py_VerboseFlag);
}

static PyObject *extend(PyObject *self, PyObject *args) {
    PyObject *list, *it;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &list, &it))
        return NULL;
    PyObject *r = _PyList_Extend((PyListObject *)list, it);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return PyLong_FromSsize_t(PyList_GET_SIZE(list));
}

static PyObject *get_function_is_self(PyObject *self, PyObject *fn) {
    /* This module's own function gives back its C function pointer. */
    return PyBool_FromLong(PyCFunction_GetFunction(fn) == (PyCFunction)get_function_is_self);
}

static PyStructSequence_Field point_fields[] = {
    {"x", "the x coordinate"},
    {"y", "the y coordinate"},
    {NULL, NULL},
};
static PyStructSequence_Desc point_desc = {"capi_misc.Point", "A point.", point_fields, 2};
static PyTypeObject PointType;

static PyObject *make_point(PyObject *self, PyObject *args) {
    long x, y;
    if (!PyArg_ParseTuple(args, "ll", &x, &y))
        return NULL;
    PyObject *p = PyStructSequence_New(&PointType);
    if (p == NULL)
        return NULL;
    PyStructSequence_SET_ITEM(p, 0, PyLong_FromLong(x));
    PyStructSequence_SET_ITEM(p, 1, PyLong_FromLong(y));
    return p;
}

static PyMethodDef methods[] = {
    {"make_point", make_point, METH_VARARGS, NULL},
    {"cv_new", cv_new, METH_VARARGS, NULL},
    {"cv_get", cv_get, METH_VARARGS, NULL},
    {"cv_set", cv_set, METH_VARARGS, NULL},
    {"hash_double", hash_double, METH_O, NULL},
    {"hash_pointer_ok", hash_pointer_ok, METH_NOARGS, NULL},
    {"print_to", print_to, METH_VARARGS, NULL},
    {"as_fd", as_fd, METH_O, NULL},
    {"from_cause", from_cause, METH_O, NULL},
    {"flags", flags, METH_NOARGS, NULL},
    {"extend", extend, METH_VARARGS, NULL},
    {"get_function_is_self", get_function_is_self, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_misc", NULL, -1, methods};

PyMODINIT_FUNC PyInit_capi_misc(void) {
    if (PyStructSequence_InitType2(&PointType, &point_desc) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&PointType);
    if (PyModule_AddObject(m, "Point", (PyObject *)&PointType) < 0)
        return NULL;
    return m;
}
