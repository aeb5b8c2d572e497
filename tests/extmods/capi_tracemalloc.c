/* capi_tracemalloc: tracemalloc's view of C memory.
 *
 * Blocks from each allocator family (PyMem_Raw*, PyMem_*, PyObject_*),
 * handed to Python as addresses, so the driver can see their traces come and
 * go; PyTraceMalloc_Track/Untrack in any domain, as numpy tracks its array
 * data; a raw block freed by a thread that released the GIL; and `Blob`, a
 * static type whose instances tp_alloc makes, for get_object_traceback().
 * Driver: test_capi_tracemalloc.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* ---- blocks --------------------------------------------------------------- */

enum family { RAW, MEM, OBJ };

static int
family_of(const char *name, enum family *out)
{
    if (strcmp(name, "raw") == 0) *out = RAW;
    else if (strcmp(name, "mem") == 0) *out = MEM;
    else if (strcmp(name, "obj") == 0) *out = OBJ;
    else {
        PyErr_Format(PyExc_ValueError, "unknown allocator family %s", name);
        return -1;
    }
    return 0;
}

static PyObject *
address(void *p)
{
    if (p == NULL)
        return PyErr_NoMemory();
    return PyLong_FromVoidPtr(p);
}

/* malloc(family, n, zeroed=False) -> address */
static PyObject *
block_malloc(PyObject *self, PyObject *args)
{
    const char *name;
    Py_ssize_t n;
    int zeroed = 0;
    enum family f;
    if (!PyArg_ParseTuple(args, "sn|p", &name, &n, &zeroed) || family_of(name, &f) < 0)
        return NULL;
    switch (f) {
    case RAW: return address(zeroed ? PyMem_RawCalloc(1, n) : PyMem_RawMalloc(n));
    case MEM: return address(zeroed ? PyMem_Calloc(1, n) : PyMem_Malloc(n));
    default:  return address(zeroed ? PyObject_Calloc(1, n) : PyObject_Malloc(n));
    }
}

/* realloc(family, address, n) -> address */
static PyObject *
block_realloc(PyObject *self, PyObject *args)
{
    const char *name;
    PyObject *addr;
    Py_ssize_t n;
    enum family f;
    if (!PyArg_ParseTuple(args, "sOn", &name, &addr, &n) || family_of(name, &f) < 0)
        return NULL;
    void *p = PyLong_AsVoidPtr(addr);
    if (p == NULL && PyErr_Occurred())
        return NULL;
    switch (f) {
    case RAW: return address(PyMem_RawRealloc(p, n));
    case MEM: return address(PyMem_Realloc(p, n));
    default:  return address(PyObject_Realloc(p, n));
    }
}

/* free(family, address) */
static PyObject *
block_free(PyObject *self, PyObject *args)
{
    const char *name;
    PyObject *addr;
    enum family f;
    if (!PyArg_ParseTuple(args, "sO", &name, &addr) || family_of(name, &f) < 0)
        return NULL;
    void *p = PyLong_AsVoidPtr(addr);
    if (p == NULL && PyErr_Occurred())
        return NULL;
    switch (f) {
    case RAW: PyMem_RawFree(p); break;
    case MEM: PyMem_Free(p); break;
    default:  PyObject_Free(p); break;
    }
    Py_RETURN_NONE;
}

/* raw_free_without_gil(address): PyMem_RawFree with the GIL released. */
static PyObject *
raw_free_without_gil(PyObject *self, PyObject *addr)
{
    void *p = PyLong_AsVoidPtr(addr);
    if (p == NULL && PyErr_Occurred())
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    PyMem_RawFree(p);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

/* ---- PyTraceMalloc_Track / Untrack ------------------------------------------ */

/* track(domain, address, size) -> int */
static PyObject *
track(PyObject *self, PyObject *args)
{
    unsigned int domain;
    unsigned long long ptr;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "IKn", &domain, &ptr, &size))
        return NULL;
    return PyLong_FromLong(PyTraceMalloc_Track(domain, (uintptr_t)ptr, (size_t)size));
}

/* untrack(domain, address) -> int */
static PyObject *
untrack(PyObject *self, PyObject *args)
{
    unsigned int domain;
    unsigned long long ptr;
    if (!PyArg_ParseTuple(args, "IK", &domain, &ptr))
        return NULL;
    return PyLong_FromLong(PyTraceMalloc_Untrack(domain, (uintptr_t)ptr));
}

/* ---- Blob: instances made by tp_alloc ------------------------------------------ */

typedef struct {
    PyObject_HEAD
    char payload[200];
} BlobObject;

static PyTypeObject Blob_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_tracemalloc.Blob",
    .tp_basicsize = sizeof(BlobObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

static PyMethodDef methods[] = {
    {"malloc", block_malloc, METH_VARARGS, NULL},
    {"realloc", block_realloc, METH_VARARGS, NULL},
    {"free", block_free, METH_VARARGS, NULL},
    {"raw_free_without_gil", raw_free_without_gil, METH_O, NULL},
    {"track", track, METH_VARARGS, NULL},
    {"untrack", untrack, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_tracemalloc", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_tracemalloc(void)
{
    if (PyType_Ready(&Blob_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&Blob_Type);
    if (PyModule_AddObject(m, "Blob", (PyObject *)&Blob_Type) < 0) {
        Py_DECREF(&Blob_Type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
