/* The compat headers in stable-ABI mode (Py_LIMITED_API = 3.11), as abi3
 * extensions such as CPython's xxlimited are built: a small module using
 * heap types, the buffer API and multi-phase init must compile, and the
 * two object headers keep their layout.  Compiled only. */
#define Py_LIMITED_API 0x030B0000
#define PY_SSIZE_T_CLEAN
#include "Python.h"

static_assert(sizeof(PyObject) == 16, "PyObject");
static_assert(sizeof(PyVarObject) == 24, "PyVarObject");
static_assert(sizeof(Py_buffer) == 80, "Py_buffer is in the 3.11 stable ABI");
static_assert(sizeof(PyModuleDef) == 104, "PyModuleDef");

typedef struct {
    PyObject_HEAD
    long value;
} Box;

static void box_dealloc(PyObject *self) {
    PyTypeObject *type = Py_TYPE(self);
    freefunc free_slot = (freefunc)PyType_GetSlot(type, Py_tp_free);
    free_slot(self);
    Py_DECREF(type);
}

static PyObject *box_add(PyObject *self, PyObject *args) {
    long a, b;
    Py_buffer view;
    (void)self;
    if (!PyArg_ParseTuple(args, "ll", &a, &b)) {
        return NULL;
    }
    if (PyObject_GetBuffer(Py_None, &view, PyBUF_SIMPLE) == 0) {
        PyBuffer_Release(&view);
    } else {
        PyErr_Clear();
    }
    return PyLong_FromLong(a + b);
}

static PyType_Slot box_slots[] = {
    {Py_tp_dealloc, (void *)box_dealloc},
    {Py_tp_doc, (void *)"A box."},
    {0, NULL},
};

static PyType_Spec box_spec = {
    .name = "limited.Box",
    .basicsize = sizeof(Box),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = box_slots,
};

static PyMethodDef limited_methods[] = {
    {"add", box_add, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int limited_exec(PyObject *module) {
    PyObject *type = PyType_FromModuleAndSpec(module, &box_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Box", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot limited_slots[] = {
    {Py_mod_exec, (void *)limited_exec},
    {0, NULL},
};

static struct PyModuleDef limited_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "limited",
    .m_size = 0,
    .m_methods = limited_methods,
    .m_slots = limited_slots,
};

PyMODINIT_FUNC PyInit_limited(void) { return PyModuleDef_Init(&limited_module); }
