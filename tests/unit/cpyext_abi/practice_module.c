/* A module in the style real extensions are written in, compiled against the
 * compat headers as C (practice_module.c) and as C++20 (practice_module.cc
 * includes this file): multi-phase init with a heap type from a spec,
 * PyMemberDef, METH_VARARGS|METH_KEYWORDS, METH_FASTCALL, METH_O and
 * METH_NOARGS functions, argument parsing and value building, the PEP 393
 * accessors, the GIL release macros, datetime and thread locks.  It is
 * compiled only: running such modules is tests/extmods/' job. */
#define PY_SSIZE_T_CLEAN
#include "Python.h"
#include "datetime.h"
#include "pythread.h"
#include "structmember.h"

typedef struct {
    PyObject_HEAD
    PyObject *name;
    int count;
    double ratio;
    PyObject *weakreflist;
} Counter;

static PyMemberDef Counter_members[] = {
    {(char *)"name", T_OBJECT_EX, offsetof(Counter, name), 0, (char *)"the name"},
    {(char *)"count", T_INT, offsetof(Counter, count), READONLY, NULL},
    {(char *)"ratio", T_DOUBLE, offsetof(Counter, ratio), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int Counter_traverse(PyObject *self, visitproc visit, void *arg) {
    Py_VISIT(((Counter *)self)->name);
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static int Counter_clear(PyObject *self) {
    Py_CLEAR(((Counter *)self)->name);
    return 0;
}

static void Counter_dealloc(PyObject *self) {
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (((Counter *)self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Counter_clear(self);
    type->tp_free(self);
    Py_DECREF(type);
}

static int Counter_init(PyObject *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {(char *)"name", (char *)"count", NULL};
    PyObject *name = NULL;
    int count = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|i", kwlist, &name, &count)) {
        return -1;
    }
    Py_XSETREF(((Counter *)self)->name, Py_NewRef(name));
    ((Counter *)self)->count = count;
    return 0;
}

static PyObject *Counter_incr(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    long by = 1;
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "incr() takes at most 1 argument");
        return NULL;
    }
    if (nargs == 1) {
        by = PyLong_AsLong(args[0]);
        if (by == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    ((Counter *)self)->count += (int)by;
    return PyLong_FromLong(((Counter *)self)->count);
}

static PyObject *Counter_richcompare(PyObject *a, PyObject *b, int op) {
    if (!PyObject_TypeCheck(b, Py_TYPE(a))) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_RETURN_RICHCOMPARE(((Counter *)a)->count, ((Counter *)b)->count, op);
}

static PyMethodDef Counter_methods[] = {
    {"incr", _PyCFunction_CAST(Counter_incr), METH_FASTCALL, "Add to the count."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_dealloc, (void *)Counter_dealloc},
    {Py_tp_traverse, (void *)Counter_traverse},
    {Py_tp_clear, (void *)Counter_clear},
    {Py_tp_init, (void *)Counter_init},
    {Py_tp_members, (void *)Counter_members},
    {Py_tp_methods, (void *)Counter_methods},
    {Py_tp_richcompare, (void *)Counter_richcompare},
    {Py_tp_doc, (void *)"A counter."},
    {0, NULL},
};

static PyType_Spec Counter_spec = {
    .name = "practice.Counter",
    .basicsize = sizeof(Counter),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .slots = Counter_slots,
};

static PyObject *practice_join(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {(char *)"parts", (char *)"sep", NULL};
    PyObject *parts;
    const char *sep = ",";
    Py_ssize_t seplen = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|s#:join", kwlist, &parts, &sep, &seplen)) {
        return NULL;
    }
    PyObject *fast = PySequence_Fast(parts, "parts must be a sequence");
    if (fast == NULL) {
        return NULL;
    }
    Py_ssize_t total = 0;
    PyObject **items = PySequence_Fast_ITEMS(fast);
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
        Py_ssize_t len;
        if (PyUnicode_AsUTF8AndSize(items[i], &len) == NULL) {
            Py_DECREF(fast);
            return NULL;
        }
        total += len;
    }
    PyObject *separator = PyUnicode_FromStringAndSize(sep, seplen);
    PyObject *joined = separator ? PyUnicode_Join(separator, fast) : NULL;
    Py_XDECREF(separator);
    Py_DECREF(fast);
    if (joined == NULL) {
        return NULL;
    }
    Py_UCS4 first = 0;
    if (PyUnicode_GET_LENGTH(joined) > 0) {
        int kind = PyUnicode_KIND(joined);
        first = PyUnicode_READ(kind, PyUnicode_DATA(joined), 0);
    }
    return Py_BuildValue("(NnI)", joined, total, (unsigned int)first);
}

static PyObject *practice_wait(PyObject *Py_UNUSED(module), PyObject *arg) {
    double seconds = PyFloat_AsDouble(arg);
    if (seconds == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    seconds = seconds * 2;
    Py_END_ALLOW_THREADS
    return PyFloat_FromDouble(seconds);
}

static PyObject *practice_info(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored)) {
    PyObject *info = PyTuple_New(3);
    if (info == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(info, 0, Py_NewRef(Py_True));
    PyTuple_SET_ITEM(info, 1, PyFloat_FromDouble(Py_MATH_PI));
    PyTuple_SET_ITEM(info, 2, PyBytes_FromString(PY_VERSION));
    return info;
}

static PyMethodDef practice_methods[] = {
    {"join", _PyCFunction_CAST(practice_join), METH_VARARGS | METH_KEYWORDS, "Join strings."},
    {"wait", practice_wait, METH_O, "Compute without the GIL."},
    {"info", practice_info, METH_NOARGS, "Version facts."},
    {NULL, NULL, 0, NULL},
};

static int practice_exec(PyObject *module) {
    PyObject *type = PyType_FromModuleAndSpec(module, &Counter_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Counter", type);
    Py_DECREF(type);
    if (rc < 0 || PyModule_AddIntConstant(module, "ANSWER", 42) < 0) {
        return -1;
    }
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) {
        return -1;
    }
    PyThread_type_lock lock = PyThread_allocate_lock();
    if (lock == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyThread_acquire_lock(lock, WAIT_LOCK);
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
    return 0;
}

static PyModuleDef_Slot practice_slots[] = {
    {Py_mod_exec, (void *)practice_exec},
    {0, NULL},
};

static struct PyModuleDef practice_module = {
    .m_base = PyModuleDef_HEAD_INIT,
    .m_name = "practice",
    .m_doc = "Compile check of the compat headers.",
    .m_size = 0,
    .m_methods = practice_methods,
    .m_slots = practice_slots,
    .m_traverse = NULL,
    .m_clear = NULL,
    .m_free = NULL,
};

PyMODINIT_FUNC PyInit_practice(void) { return PyModuleDef_Init(&practice_module); }
