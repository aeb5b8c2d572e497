/* capi_lifecycle: the C API around the interpreter's own machinery --
 * fork hooks (PyOS_BeforeFork / AfterFork_Parent / AfterFork_Child),
 * asynchronous exceptions (PyThreadState_SetAsyncExc), the type cache
 * (PyType_ClearCache), the trashcan (Py_TRASHCAN_BEGIN / END) and special
 * method lookup (_PyObject_LookupSpecialId).  Driver: test_capi_lifecycle.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <sys/wait.h>
#include <unistd.h>

/* --- fork hooks --- */

/* Forks with the hooks run as an extension forking itself must: the child
 * runs PyOS_AfterFork_Child and exits with status 0 (or 1 when the hooks
 * raised); the parent returns the child's pid. */
static PyObject *
fork_with_hooks(PyObject *self, PyObject *unused)
{
    PyOS_BeforeFork();
    pid_t pid = fork();
    if (pid == 0) {
        PyOS_AfterFork_Child();
        _exit(PyErr_Occurred() ? 1 : 0);
    }
    PyOS_AfterFork_Parent();
    if (pid < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(pid);
}

/* --- asynchronous exceptions --- */

static PyObject *
set_async_exc(PyObject *self, PyObject *args)
{
    unsigned long id;
    PyObject *exc;
    if (!PyArg_ParseTuple(args, "kO", &id, &exc))
        return NULL;
    return PyLong_FromLong(PyThreadState_SetAsyncExc(id, exc == Py_None ? NULL : exc));
}

/* --- the type cache --- */

static PyObject *
clear_type_cache(PyObject *self, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyType_ClearCache());
}

/* --- the trashcan: a chain of Links, each holding the next --- */

typedef struct {
    PyObject_HEAD
    PyObject *next;
} Link;

static long live_links, max_depth, depth;

static void
Link_dealloc(Link *self)
{
    Py_TRASHCAN_BEGIN(self, Link_dealloc)
    if (++depth > max_depth)
        max_depth = depth;
    Py_CLEAR(self->next);
    Py_TYPE(self)->tp_free((PyObject *)self);
    --live_links;
    --depth;
    Py_TRASHCAN_END
}

static PyTypeObject Link_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_lifecycle.Link",
    .tp_basicsize = sizeof(Link),
    .tp_dealloc = (destructor)Link_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A link of a chain made by make_chain().",
};

/* A chain of n Links, the first returned: dropping it releases the rest,
 * each from the dealloc of the one before. */
static PyObject *
make_chain(PyObject *self, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    PyObject *head = NULL;
    for (long i = 0; i < n; i++) {
        Link *link = PyObject_New(Link, &Link_Type);
        if (link == NULL) {
            Py_XDECREF(head);
            return NULL;
        }
        link->next = head;
        head = (PyObject *)link;
        ++live_links;
    }
    if (head == NULL)
        Py_RETURN_NONE;
    return head;
}

/* (links alive, deepest nesting of Link_dealloc seen); resets the depth. */
static PyObject *
chain_stats(PyObject *self, PyObject *unused)
{
    PyObject *r = Py_BuildValue("(ll)", live_links, max_depth);
    max_depth = 0;
    return r;
}

/* --- special methods --- */

_Py_IDENTIFIER(__enter__);
_Py_IDENTIFIER(__length_hint__);

/* type(obj).__enter__ bound to obj, or None when the type has none. */
static PyObject *
lookup_special(PyObject *self, PyObject *args)
{
    PyObject *obj;
    const char *which;
    if (!PyArg_ParseTuple(args, "Os", &obj, &which))
        return NULL;
    _Py_Identifier *id = which[0] == 'e' ? &PyId___enter__ : &PyId___length_hint__;
    PyObject *r = _PyObject_LookupSpecial(obj, id);
    if (r == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return r;
}

static PyMethodDef methods[] = {
    {"fork_with_hooks", fork_with_hooks, METH_NOARGS, NULL},
    {"set_async_exc", set_async_exc, METH_VARARGS, NULL},
    {"clear_type_cache", clear_type_cache, METH_NOARGS, NULL},
    {"make_chain", make_chain, METH_O, NULL},
    {"chain_stats", chain_stats, METH_NOARGS, NULL},
    {"lookup_special", lookup_special, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_lifecycle", "Fork hooks, async exceptions, the type cache, the trashcan.", -1,
    methods,
};

PyMODINIT_FUNC
PyInit_capi_lifecycle(void)
{
    if (PyType_Ready(&Link_Type) < 0)
        return NULL;
    return PyModule_Create(&module);
}
