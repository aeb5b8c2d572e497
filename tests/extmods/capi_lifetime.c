/* capi_lifetime: object lifetime as C sees it.
 *
 * Written to hold on a runtime that has no reference counting of its own but
 * emulates ob_refcnt for C (Tern, DESIGN.md section 6) as well as on CPython:
 * nothing here depends on *when* an unreachable object dies, only that it
 * dies at some collection, and that it does not die while C or Python can
 * still reach it.
 *
 *   Tracked  a plain (non-GC) C type; a live counter moves in tp_new and
 *            tp_dealloc, so the driver sees when instances are freed.
 *   Node     a GC type (tp_traverse / tp_clear) holding one object; a cycle
 *            Node -> list -> Node must be collected.
 *   Final    a type with tp_finalize, which must run before tp_dealloc.
 *   stash / unstash        C keeps the only strong reference in a static.
 *   borrow / read_borrowed C keeps a borrowed pointer while its owner lives.
 *   pin_data / check_data  C keeps raw pointers into str / bytes / tuple
 *                          storage while it holds the object.
 *   weak_*                 PyWeakref_NewRef with a callback, GetObject.
 * Driver: test_capi_lifetime.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <string.h>

static Py_ssize_t tracked_live, node_live, final_live, finalized;

/* ---- Tracked ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    long tag;
} TrackedObject;

static PyObject *
tracked_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long tag = 0;
    static char *kwlist[] = {"tag", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|l:Tracked", kwlist, &tag))
        return NULL;
    TrackedObject *self = (TrackedObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->tag = tag;
    tracked_live++;
    return (PyObject *)self;
}

static void
tracked_dealloc(TrackedObject *self)
{
    tracked_live--;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef tracked_members[] = {
    {"tag", T_LONG, offsetof(TrackedObject, tag), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject Tracked_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_lifetime.Tracked",
    .tp_basicsize = sizeof(TrackedObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = tracked_new,
    .tp_dealloc = (destructor)tracked_dealloc,
    .tp_members = tracked_members,
};

/* ---- Node: a GC type -------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *ref; /* NULL or a strong reference */
} NodeObject;

static PyObject *
node_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *ref = NULL;
    static char *kwlist[] = {"ref", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:Node", kwlist, &ref))
        return NULL;
    NodeObject *self = (NodeObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->ref = Py_XNewRef(ref);
    node_live++;
    return (PyObject *)self;
}

static int
node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->ref);
    return 0;
}

static int
node_clear(NodeObject *self)
{
    Py_CLEAR(self->ref);
    return 0;
}

static void
node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    node_clear(self);
    node_live--;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef node_members[] = {
    {"ref", T_OBJECT, offsetof(NodeObject, ref), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_lifetime.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = node_new,
    .tp_dealloc = (destructor)node_dealloc,
    .tp_traverse = (traverseproc)node_traverse,
    .tp_clear = (inquiry)node_clear,
    .tp_members = node_members,
};

/* ---- Final: tp_finalize ----------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *log; /* a list; the finalizer appends to it */
} FinalObject;

static PyObject *
final_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *log;
    if (!PyArg_ParseTuple(args, "O!:Final", &PyList_Type, &log))
        return NULL;
    FinalObject *self = (FinalObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->log = Py_NewRef(log);
    final_live++;
    return (PyObject *)self;
}

/* Runs with the object still intact; may call into Python.  The pending
 * exception, if any, must be saved around it. */
static void
final_finalize(FinalObject *self)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    finalized++;
    PyObject *msg = PyUnicode_FromString("finalized");
    if (msg == NULL || PyList_Append(self->log, msg) < 0)
        PyErr_WriteUnraisable((PyObject *)self);
    Py_XDECREF(msg);
    PyErr_Restore(type, value, tb);
}

static int
final_traverse(FinalObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->log);
    return 0;
}

static int
final_clear(FinalObject *self)
{
    Py_CLEAR(self->log);
    return 0;
}

static void
final_dealloc(FinalObject *self)
{
    /* PEP 442: run tp_finalize first (it is a no-op if it already ran). */
    if (PyObject_CallFinalizerFromDealloc((PyObject *)self) < 0)
        return; /* resurrected */
    PyObject_GC_UnTrack(self);
    final_clear(self);
    final_live--;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Final_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_lifetime.Final",
    .tp_basicsize = sizeof(FinalObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = final_new,
    .tp_dealloc = (destructor)final_dealloc,
    .tp_finalize = (destructor)final_finalize,
    .tp_traverse = (traverseproc)final_traverse,
    .tp_clear = (inquiry)final_clear,
};

/* ---- counters --------------------------------------------------------- */

static PyObject *
counts(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("{snsnsnsn}", "tracked", tracked_live, "node", node_live, "final",
                         final_live, "finalized", finalized);
}

/* ---- references held by C --------------------------------------------- */

static PyObject *stashed;       /* strong */
static PyObject *borrowed;      /* borrowed from `borrow_owner`'s item */

/* The identity function: a round trip through C changes nothing. */
static PyObject *
identity(PyObject *self, PyObject *obj)
{
    return Py_NewRef(obj);
}

/* C takes a strong reference and keeps it in a static. */
static PyObject *
stash(PyObject *self, PyObject *obj)
{
    Py_XSETREF(stashed, Py_NewRef(obj));
    Py_RETURN_NONE;
}

/* Give the stashed object back, transferring C's reference to the caller. */
static PyObject *
unstash(PyObject *self, PyObject *unused)
{
    if (stashed == NULL) {
        PyErr_SetString(PyExc_LookupError, "nothing stashed");
        return NULL;
    }
    PyObject *obj = stashed;
    stashed = NULL;
    return obj;
}

/* Look at the stashed object without taking it. */
static PyObject *
peek_stash(PyObject *self, PyObject *unused)
{
    if (stashed == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(stashed);
}

/* borrow(container, index): keep a borrowed pointer to container[index]
 * (a list or tuple); valid exactly as long as the container keeps it. */
static PyObject *
borrow(PyObject *self, PyObject *args)
{
    PyObject *container;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "On", &container, &i))
        return NULL;
    PyObject *item = PyList_Check(container) ? PyList_GetItem(container, i)
                                             : PyTuple_GetItem(container, i);
    if (item == NULL)
        return NULL;
    borrowed = item;
    Py_RETURN_NONE;
}

static PyObject *
read_borrowed(PyObject *self, PyObject *unused)
{
    if (borrowed == NULL) {
        PyErr_SetString(PyExc_LookupError, "nothing borrowed");
        return NULL;
    }
    return Py_NewRef(borrowed);
}

static PyObject *
forget_borrowed(PyObject *self, PyObject *unused)
{
    borrowed = NULL;
    Py_RETURN_NONE;
}

/* ---- raw pointers into object storage --------------------------------- */

static PyObject *pinned_str, *pinned_bytes, *pinned_tuple;
static const char *pinned_utf8;
static const char *pinned_bytes_data;
static PyObject **pinned_tuple_items;
static PyTypeObject *pinned_tuple_types[8];
static char pinned_utf8_copy[256], pinned_bytes_copy[256];

/* pin_data(str, bytes, tuple): hold all three and remember pointers into
 * their storage (the UTF-8 buffer, the bytes buffer, the tuple's item
 * array).  They must stay valid and unchanged while C holds the objects,
 * however the runtime moves its own objects around in the meantime. */
static PyObject *
pin_data(PyObject *self, PyObject *args)
{
    PyObject *s, *b, *t;
    if (!PyArg_ParseTuple(args, "UO!O!", &s, &PyBytes_Type, &b, &PyTuple_Type, &t))
        return NULL;
    const char *utf8 = PyUnicode_AsUTF8(s);
    if (utf8 == NULL)
        return NULL;
    if (strlen(utf8) >= sizeof pinned_utf8_copy ||
        (size_t)PyBytes_GET_SIZE(b) >= sizeof pinned_bytes_copy ||
        PyTuple_GET_SIZE(t) > 8) {
        PyErr_SetString(PyExc_ValueError, "pin_data: under 256 bytes, at most 8 items");
        return NULL;
    }
    Py_XSETREF(pinned_str, Py_NewRef(s));
    Py_XSETREF(pinned_bytes, Py_NewRef(b));
    Py_XSETREF(pinned_tuple, Py_NewRef(t));
    pinned_utf8 = utf8;
    strcpy(pinned_utf8_copy, utf8);
    pinned_bytes_data = PyBytes_AS_STRING(b);
    memcpy(pinned_bytes_copy, pinned_bytes_data, (size_t)PyBytes_GET_SIZE(b));
    pinned_tuple_items = &PyTuple_GET_ITEM(t, 0);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t) && i < 8; i++)
        pinned_tuple_types[i] = Py_TYPE(PyTuple_GET_ITEM(t, i));
    Py_RETURN_NONE;
}

/* check_data() -> (str, bytes, tuple) after verifying every remembered
 * pointer still shows what it showed when pinned. */
static PyObject *
check_data(PyObject *self, PyObject *unused)
{
    if (pinned_str == NULL) {
        PyErr_SetString(PyExc_LookupError, "nothing pinned");
        return NULL;
    }
    if (PyUnicode_AsUTF8(pinned_str) != pinned_utf8 ||
        strcmp(pinned_utf8, pinned_utf8_copy) != 0) {
        PyErr_SetString(PyExc_AssertionError, "UTF-8 buffer moved or changed");
        return NULL;
    }
    if (PyBytes_AS_STRING(pinned_bytes) != pinned_bytes_data ||
        memcmp(pinned_bytes_data, pinned_bytes_copy, (size_t)PyBytes_GET_SIZE(pinned_bytes))) {
        PyErr_SetString(PyExc_AssertionError, "bytes buffer moved or changed");
        return NULL;
    }
    if (&PyTuple_GET_ITEM(pinned_tuple, 0) != pinned_tuple_items) {
        PyErr_SetString(PyExc_AssertionError, "tuple item array moved");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(pinned_tuple); i++) {
        if (pinned_tuple_items[i] != PyTuple_GetItem(pinned_tuple, i) ||
            Py_TYPE(pinned_tuple_items[i]) != pinned_tuple_types[i]) {
            PyErr_SetString(PyExc_AssertionError, "tuple item changed");
            return NULL;
        }
    }
    return Py_BuildValue("(OOO)", pinned_str, pinned_bytes, pinned_tuple);
}

static PyObject *
unpin_data(PyObject *self, PyObject *unused)
{
    Py_CLEAR(pinned_str);
    Py_CLEAR(pinned_bytes);
    Py_CLEAR(pinned_tuple);
    pinned_utf8 = pinned_bytes_data = NULL;
    pinned_tuple_items = NULL;
    Py_RETURN_NONE;
}

/* ---- reference counts C can rely on ----------------------------------- */

/* An object C allocates itself starts with one reference, which C owns;
 * INCREF and DECREF move the count by one.  Dropping the last reference
 * makes the object garbage; the driver checks it is freed (at once under
 * CPython, at a later collection under Tern). */
static PyObject *
own_refcount(PyObject *self, PyObject *unused)
{
    PyObject *obj = PyObject_CallNoArgs((PyObject *)&Tracked_Type);
    if (obj == NULL)
        return NULL;
    Py_ssize_t start = Py_REFCNT(obj);
    Py_INCREF(obj);
    Py_ssize_t up = Py_REFCNT(obj);
    Py_DECREF(obj);
    Py_ssize_t down = Py_REFCNT(obj);
    Py_DECREF(obj);
    return Py_BuildValue("(nnn)", start, up, down);
}

/* A fresh list built in C, filled, and handed out: the caller gets the only
 * reference and the items are intact. */
static PyObject *
fresh_list(PyObject *self, PyObject *n_obj)
{
    Py_ssize_t n = PyLong_AsSsize_t(n_obj);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyUnicode_FromFormat("item%zd", i);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(item); /* the list holds it now */
    }
    return list;
}

/* ---- weak references -------------------------------------------------- */

/* weak_ref(obj, callback) -> a weakref made in C. */
static PyObject *
weak_ref(PyObject *self, PyObject *args)
{
    PyObject *obj, *callback;
    if (!PyArg_ParseTuple(args, "OO", &obj, &callback))
        return NULL;
    return PyWeakref_NewRef(obj, callback);
}

/* weak_get(ref) -> the referent or None, through PyWeakref_GetObject
 * (which returns a borrowed reference). */
static PyObject *
weak_get(PyObject *self, PyObject *ref)
{
    if (!PyWeakref_Check(ref)) {
        PyErr_SetString(PyExc_TypeError, "weak_get: need a weakref");
        return NULL;
    }
    PyObject *obj = PyWeakref_GetObject(ref);
    if (obj == NULL)
        return NULL;
    return Py_NewRef(obj);
}

static PyMethodDef capi_lifetime_methods[] = {
    {"counts", counts, METH_NOARGS, NULL},
    {"identity", identity, METH_O, NULL},
    {"stash", stash, METH_O, NULL},
    {"unstash", unstash, METH_NOARGS, NULL},
    {"peek_stash", peek_stash, METH_NOARGS, NULL},
    {"borrow", borrow, METH_VARARGS, NULL},
    {"read_borrowed", read_borrowed, METH_NOARGS, NULL},
    {"forget_borrowed", forget_borrowed, METH_NOARGS, NULL},
    {"pin_data", pin_data, METH_VARARGS, NULL},
    {"check_data", check_data, METH_NOARGS, NULL},
    {"unpin_data", unpin_data, METH_NOARGS, NULL},
    {"own_refcount", own_refcount, METH_NOARGS, NULL},
    {"fresh_list", fresh_list, METH_O, NULL},
    {"weak_ref", weak_ref, METH_VARARGS, NULL},
    {"weak_get", weak_get, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_lifetime_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_lifetime",
    .m_doc = "Object lifetime seen from C.",
    .m_size = -1,
    .m_methods = capi_lifetime_methods,
};

PyMODINIT_FUNC
PyInit_capi_lifetime(void)
{
    if (PyType_Ready(&Tracked_Type) < 0 || PyType_Ready(&Node_Type) < 0 ||
        PyType_Ready(&Final_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&capi_lifetime_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &Tracked_Type) < 0 || PyModule_AddType(m, &Node_Type) < 0 ||
        PyModule_AddType(m, &Final_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
