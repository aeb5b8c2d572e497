/* capi_capsule: PyCapsule, the way extensions share C pointers.
 *
 * The module exports `_C_API`, a capsule named "capi_capsule._C_API" holding
 * a table of function pointers -- the pattern numpy and datetime use -- and
 * fetches it back with PyCapsule_Import to call through it.  Capsules made
 * at run time carry a heap-allocated payload and a destructor that frees it
 * and counts, so the driver can see the destructor run once the capsule is
 * unreachable.  Driver: test_capi_capsule.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

/* ---- the exported C API ----------------------------------------------- */

typedef struct {
    int version;
    long (*add)(long, long);
    PyObject *(*make_pair)(PyObject *, PyObject *);
} capi_capsule_api;

static long
api_add(long a, long b)
{
    return a + b;
}

static PyObject *
api_make_pair(PyObject *a, PyObject *b)
{
    return PyTuple_Pack(2, a, b);
}

static const capi_capsule_api exported_api = {
    .version = 3,
    .add = api_add,
    .make_pair = api_make_pair,
};

/* use_imported_api(a, b): import our own capsule by its dotted name, as a
 * client extension would, and call through the table. */
static PyObject *
use_imported_api(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    const capi_capsule_api *api = PyCapsule_Import("capi_capsule._C_API", 0);
    if (api == NULL)
        return NULL;
    PyObject *x = PyLong_FromLong(api->add(a, b));
    if (x == NULL)
        return NULL;
    PyObject *pair = api->make_pair(x, Py_None);
    Py_DECREF(x);
    if (pair == NULL)
        return NULL;
    return Py_BuildValue("(iN)", api->version, pair);
}

/* import_capsule(dotted_name): PyCapsule_Import of any name; the error for a
 * missing module, attribute or wrong capsule name propagates. */
static PyObject *
import_capsule(PyObject *self, PyObject *name)
{
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL)
        return NULL;
    void *p = PyCapsule_Import(cname, 0);
    if (p == NULL)
        return NULL;
    return PyBool_FromLong(p == &exported_api);
}

/* ---- capsules made at run time ---------------------------------------- */

typedef struct {
    long value;
    char note[32];
} payload;

static long destructor_calls;
static long last_destroyed_value = -1;

/* The destructor gets the capsule, still valid, and frees what it owns. */
static void
payload_destructor(PyObject *capsule)
{
    const char *name = PyCapsule_GetName(capsule);
    payload *p = PyCapsule_GetPointer(capsule, name);
    if (p == NULL) {
        PyErr_WriteUnraisable(capsule);
        return;
    }
    last_destroyed_value = p->value;
    destructor_calls++;
    free(p);
}

/* The name must outlive the capsule: keep them in static storage. */
static const char *const known_names[] = {"capi_capsule.payload", "other.name"};

/* make(value, name_index or None, with_destructor) */
static PyObject *
make(PyObject *self, PyObject *args)
{
    long value;
    PyObject *name_index;
    int with_destructor;
    if (!PyArg_ParseTuple(args, "lOp", &value, &name_index, &with_destructor))
        return NULL;
    const char *name = NULL;
    if (name_index != Py_None) {
        long i = PyLong_AsLong(name_index);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0 || i > 1) {
            PyErr_SetString(PyExc_IndexError, "name index must be 0 or 1");
            return NULL;
        }
        name = known_names[i];
    }
    payload *p = malloc(sizeof *p);
    if (p == NULL)
        return PyErr_NoMemory();
    p->value = value;
    snprintf(p->note, sizeof p->note, "value=%ld", value);
    PyObject *cap = PyCapsule_New(p, name, with_destructor ? payload_destructor : NULL);
    if (cap == NULL)
        free(p);
    return cap;
}

/* read_capsule(capsule, name_index or None) -> (value, note) via GetPointer with
 * that name; a name mismatch is a ValueError. */
static PyObject *
read_capsule(PyObject *self, PyObject *args)
{
    PyObject *cap, *name_index;
    if (!PyArg_ParseTuple(args, "OO", &cap, &name_index))
        return NULL;
    const char *name = NULL;
    if (name_index != Py_None)
        name = known_names[PyLong_AsLong(name_index) ? 1 : 0];
    payload *p = PyCapsule_GetPointer(cap, name);
    if (p == NULL)
        return NULL;
    return Py_BuildValue("(ls)", p->value, p->note);
}

/* info(capsule) -> (IsValid with its own name, GetName or None,
 * CheckExact, context or None) */
static PyObject *
info(PyObject *self, PyObject *cap)
{
    int exact = PyCapsule_CheckExact(cap);
    if (!exact)
        return Py_BuildValue("(OOOO)", Py_False, Py_None, Py_False, Py_None);
    const char *name = PyCapsule_GetName(cap);
    if (name == NULL && PyErr_Occurred())
        return NULL;
    void *ctx = PyCapsule_GetContext(cap);
    if (ctx == NULL && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(NzNz)", PyBool_FromLong(PyCapsule_IsValid(cap, name)), name,
                         PyBool_FromLong(exact), (const char *)ctx);
}

static PyObject *
set_context(PyObject *self, PyObject *cap)
{
    static const char context[] = "some context";
    if (PyCapsule_SetContext(cap, (void *)context) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Replace the payload's value in place through SetPointer with a new block;
 * the old block is C's to free. */
static PyObject *
set_value(PyObject *self, PyObject *args)
{
    PyObject *cap;
    long value;
    if (!PyArg_ParseTuple(args, "Ol", &cap, &value))
        return NULL;
    const char *name = PyCapsule_GetName(cap);
    payload *old = PyCapsule_GetPointer(cap, name);
    if (old == NULL)
        return NULL;
    payload *p = malloc(sizeof *p);
    if (p == NULL)
        return PyErr_NoMemory();
    p->value = value;
    snprintf(p->note, sizeof p->note, "value=%ld", value);
    if (PyCapsule_SetPointer(cap, p) < 0) {
        free(p);
        return NULL;
    }
    free(old);
    Py_RETURN_NONE;
}

static PyObject *
destroyed(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ll)", destructor_calls, last_destroyed_value);
}

/* PyCapsule_New refuses a NULL pointer. */
static PyObject *
make_null(PyObject *self, PyObject *unused)
{
    return PyCapsule_New(NULL, "x", NULL);
}

static PyMethodDef capi_capsule_methods[] = {
    {"use_imported_api", use_imported_api, METH_VARARGS, NULL},
    {"import_capsule", import_capsule, METH_O, NULL},
    {"make", make, METH_VARARGS, NULL},
    {"read", read_capsule, METH_VARARGS, NULL},
    {"info", info, METH_O, NULL},
    {"set_context", set_context, METH_O, NULL},
    {"set_value", set_value, METH_VARARGS, NULL},
    {"destroyed", destroyed, METH_NOARGS, NULL},
    {"make_null", make_null, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_capsule_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_capsule",
    .m_doc = "PyCapsule: C pointers shared between extensions.",
    .m_size = -1,
    .m_methods = capi_capsule_methods,
};

PyMODINIT_FUNC
PyInit_capi_capsule(void)
{
    PyObject *m = PyModule_Create(&capi_capsule_def);
    if (m == NULL)
        return NULL;
    /* The table is const; capsules hold void*, and nobody writes through it. */
    PyObject *api = PyCapsule_New((void *)&exported_api, "capi_capsule._C_API", NULL);
    if (api == NULL || PyModule_AddObject(m, "_C_API", api) < 0) {
        Py_XDECREF(api);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
