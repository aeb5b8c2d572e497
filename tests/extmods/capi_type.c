/* capi_type: a static PyTypeObject with most slots, subclassable from Python.
 *
 * `Vec` is a growable vector of C longs with a label and two plain C fields.
 * It fills tp_new, tp_init, tp_dealloc, tp_members, tp_getset, tp_methods
 * (instance, class and static methods), tp_repr, tp_richcompare, tp_hash,
 * tp_iter (a second static type, `VecIter`, with tp_iternext), nb_add,
 * sq_length, mp_subscript, mp_ass_subscript and tp_call.  It is a
 * BASETYPE: the driver (test_capi_type.py) subclasses it in Python, overrides
 * methods, and checks that C calling through the type (call_hook) reaches
 * the Python override.  A live-instance counter, decremented in tp_dealloc,
 * lets the driver see deallocation.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

static Py_ssize_t vec_live; /* Vec instances allocated and not yet deallocated */

typedef struct {
    PyObject_HEAD
    Py_ssize_t n;
    Py_ssize_t cap;
    long *items;     /* PyMem-allocated, n used out of cap */
    PyObject *label; /* never NULL after tp_new; a member that Python may set */
    int flags;       /* a T_INT member */
    double scale;    /* a read-only T_DOUBLE member */
} VecObject;

static PyTypeObject Vec_Type;
static PyTypeObject VecIter_Type;

#define Vec_Check(op) PyObject_TypeCheck(op, &Vec_Type)

static int
vec_reserve(VecObject *v, Py_ssize_t want)
{
    if (want <= v->cap)
        return 0;
    Py_ssize_t cap = v->cap ? v->cap : 4;
    while (cap < want)
        cap *= 2;
    long *items = PyMem_Realloc(v->items, sizeof(long) * (size_t)cap);
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    v->items = items;
    v->cap = cap;
    return 0;
}

static int
vec_push(VecObject *v, PyObject *obj)
{
    long x = PyLong_AsLong(obj);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (vec_reserve(v, v->n + 1) < 0)
        return -1;
    v->items[v->n++] = x;
    return 0;
}

/* A new, empty Vec of exactly `type` (which may be a Python subclass):
 * allocation goes through type->tp_alloc so that subclasses get their
 * __dict__ and GC header. */
static PyObject *
vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    VecObject *v = (VecObject *)type->tp_alloc(type, 0);
    if (v == NULL)
        return NULL;
    v->n = v->cap = 0;
    v->items = NULL;
    v->label = Py_NewRef(Py_None);
    v->flags = 0;
    v->scale = 1.0;
    vec_live++;
    return (PyObject *)v;
}

/* Vec(iterable=(), label=None) */
static int
vec_init(VecObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"items", "label", NULL};
    PyObject *iterable = NULL, *label = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:Vec", kwlist, &iterable, &label))
        return -1;
    self->n = 0; /* __init__ may run twice */
    if (iterable != NULL) {
        PyObject *it = PyObject_GetIter(iterable);
        if (it == NULL)
            return -1;
        PyObject *item;
        while ((item = PyIter_Next(it)) != NULL) {
            int rc = vec_push(self, item);
            Py_DECREF(item);
            if (rc < 0)
                break;
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            return -1;
    }
    if (label != NULL)
        Py_SETREF(self->label, Py_NewRef(label));
    return 0;
}

static void
vec_dealloc(VecObject *self)
{
    PyMem_Free(self->items);
    Py_XDECREF(self->label);
    vec_live--;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
vec_to_list(VecObject *self)
{
    PyObject *list = PyList_New(self->n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < self->n; i++) {
        PyObject *x = PyLong_FromLong(self->items[i]);
        if (x == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, x);
    }
    return list;
}

/* "Name([1, 2])" with the runtime type's name, so subclasses show theirs. */
static PyObject *
vec_repr(VecObject *self)
{
    PyObject *name = PyType_GetName(Py_TYPE(self));
    if (name == NULL)
        return NULL;
    PyObject *list = vec_to_list(self);
    if (list == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("%U(%R)", name, list);
    Py_DECREF(name);
    Py_DECREF(list);
    return r;
}

/* == and != compare contents with any Vec; ordering is undefined, so the
 * other comparisons return NotImplemented and Python raises TypeError. */
static PyObject *
vec_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!Vec_Check(a) || !Vec_Check(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    VecObject *x = (VecObject *)a, *y = (VecObject *)b;
    int equal = x->n == y->n;
    for (Py_ssize_t i = 0; equal && i < x->n; i++)
        equal = x->items[i] == y->items[i];
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

/* Equal to hash(tuple(self)), which keeps hash and == consistent with the
 * tuple a driver would compare against. */
static Py_hash_t
vec_hash(VecObject *self)
{
    PyObject *list = vec_to_list(self);
    if (list == NULL)
        return -1;
    PyObject *tuple = PyList_AsTuple(list);
    Py_DECREF(list);
    if (tuple == NULL)
        return -1;
    Py_hash_t h = PyObject_Hash(tuple);
    Py_DECREF(tuple);
    return h;
}

/* ---- iterator type ---------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    VecObject *vec; /* strong reference; NULL once exhausted */
    Py_ssize_t pos;
} VecIterObject;

static PyObject *
vec_iter(VecObject *self)
{
    VecIterObject *it = PyObject_New(VecIterObject, &VecIter_Type);
    if (it == NULL)
        return NULL;
    it->vec = (VecObject *)Py_NewRef(self);
    it->pos = 0;
    return (PyObject *)it;
}

static PyObject *
veciter_next(VecIterObject *it)
{
    if (it->vec == NULL)
        return NULL;
    if (it->pos < it->vec->n)
        return PyLong_FromLong(it->vec->items[it->pos++]);
    /* Exhausted: drop the Vec and signal the end by NULL without an error. */
    Py_CLEAR(it->vec);
    return NULL;
}

static void
veciter_dealloc(VecIterObject *it)
{
    Py_XDECREF(it->vec);
    PyObject_Free(it);
}

static PyTypeObject VecIter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_type.VecIter",
    .tp_basicsize = sizeof(VecIterObject),
    .tp_dealloc = (destructor)veciter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)veciter_next,
};

/* ---- number, sequence and mapping slots ------------------------------- */

/* Elementwise sum of two equally long Vecs; the result is a plain Vec. */
static PyObject *
vec_add(PyObject *a, PyObject *b)
{
    if (!Vec_Check(a) || !Vec_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    VecObject *x = (VecObject *)a, *y = (VecObject *)b;
    if (x->n != y->n) {
        PyErr_Format(PyExc_ValueError, "length mismatch: %zd vs %zd", x->n, y->n);
        return NULL;
    }
    VecObject *r = (VecObject *)vec_new(&Vec_Type, NULL, NULL);
    if (r == NULL)
        return NULL;
    if (vec_reserve(r, x->n) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < x->n; i++)
        r->items[i] = x->items[i] + y->items[i];
    r->n = x->n;
    return (PyObject *)r;
}

static Py_ssize_t
vec_length(VecObject *self)
{
    return self->n;
}

/* v[i] with negative indices, or v[slice] as a list. */
static PyObject *
vec_subscript(VecObject *self, PyObject *key)
{
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += self->n;
        if (i < 0 || i >= self->n) {
            PyErr_SetString(PyExc_IndexError, "Vec index out of range");
            return NULL;
        }
        return PyLong_FromLong(self->items[i]);
    }
    if (PySlice_Check(key)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t len = PySlice_AdjustIndices(self->n, &start, &stop, step);
        PyObject *list = PyList_New(len);
        if (list == NULL)
            return NULL;
        for (Py_ssize_t k = 0, i = start; k < len; k++, i += step) {
            PyObject *x = PyLong_FromLong(self->items[i]);
            if (x == NULL) {
                Py_DECREF(list);
                return NULL;
            }
            PyList_SET_ITEM(list, k, x);
        }
        return list;
    }
    return PyErr_Format(PyExc_TypeError, "Vec indices must be integers or slices, not %.200s",
                        Py_TYPE(key)->tp_name);
}

/* v[i] = x; `del v[i]` (value NULL) is refused. */
static int
vec_ass_subscript(VecObject *self, PyObject *key, PyObject *value)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "Vec items cannot be deleted");
        return -1;
    }
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred())
        return -1;
    if (i < 0)
        i += self->n;
    if (i < 0 || i >= self->n) {
        PyErr_SetString(PyExc_IndexError, "Vec assignment index out of range");
        return -1;
    }
    long x = PyLong_AsLong(value);
    if (x == -1 && PyErr_Occurred())
        return -1;
    self->items[i] = x;
    return 0;
}

/* v(k) -> a new Vec with every item multiplied by k. */
static PyObject *
vec_call(VecObject *self, PyObject *args, PyObject *kwargs)
{
    long k;
    static char *kwlist[] = {"factor", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "l:Vec.__call__", kwlist, &k))
        return NULL;
    VecObject *r = (VecObject *)vec_new(&Vec_Type, NULL, NULL);
    if (r == NULL)
        return NULL;
    if (vec_reserve(r, self->n) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < self->n; i++)
        r->items[i] = self->items[i] * k;
    r->n = self->n;
    return (PyObject *)r;
}

/* ---- methods ---------------------------------------------------------- */

static PyObject *
vec_append(VecObject *self, PyObject *x)
{
    if (vec_push(self, x) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
vec_tolist(VecObject *self, PyObject *unused)
{
    return vec_to_list(self);
}

/* Calls self.hook(x) by name, so a Python subclass's override runs: the
 * C side dispatches through the instance like any Python caller. */
static PyObject *
vec_call_hook(VecObject *self, PyObject *x)
{
    return PyObject_CallMethod((PyObject *)self, "hook", "O", x);
}

/* The default hook: (label, x). */
static PyObject *
vec_hook(VecObject *self, PyObject *x)
{
    return PyTuple_Pack(2, self->label, x);
}

/* Vec.zeros(n): a classmethod; builds an instance of `cls` (a subclass when
 * called on one) by calling it. */
static PyObject *
vec_zeros(PyObject *cls, PyObject *n_obj)
{
    Py_ssize_t n = PyLong_AsSsize_t(n_obj);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        PyList_SET_ITEM(list, i, PyLong_FromLong(0));
    PyObject *r = PyObject_CallOneArg(cls, list);
    Py_DECREF(list);
    return r;
}

/* Vec.describe(): a staticmethod. */
static PyObject *
vec_describe(PyObject *unused_self, PyObject *unused)
{
    return PyUnicode_FromString("a vector of C longs");
}

static PyMethodDef vec_methods[] = {
    {"append", (PyCFunction)vec_append, METH_O, "Append an int."},
    {"tolist", (PyCFunction)vec_tolist, METH_NOARGS, "The items as a list."},
    {"hook", (PyCFunction)vec_hook, METH_O, "Return (label, x); meant to be overridden."},
    {"call_hook", (PyCFunction)vec_call_hook, METH_O, "Call self.hook(x) from C."},
    {"zeros", (PyCFunction)vec_zeros, METH_CLASS | METH_O, "A Vec of n zeros."},
    {"describe", (PyCFunction)vec_describe, METH_STATIC | METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef vec_members[] = {
    {"label", T_OBJECT_EX, offsetof(VecObject, label), 0, "A free-form label."},
    {"flags", T_INT, offsetof(VecObject, flags), 0, NULL},
    {"scale", T_DOUBLE, offsetof(VecObject, scale), READONLY, NULL},
    {"size", T_PYSSIZET, offsetof(VecObject, n), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
vec_get_total(VecObject *self, void *closure)
{
    long total = 0;
    for (Py_ssize_t i = 0; i < self->n; i++)
        total += self->items[i];
    return PyLong_FromLong(total);
}

static PyObject *
vec_get_first(VecObject *self, void *closure)
{
    if (self->n == 0) {
        PyErr_SetString(PyExc_AttributeError, "empty Vec has no first item");
        return NULL;
    }
    return PyLong_FromLong(self->items[0]);
}

static int
vec_set_first(VecObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete first");
        return -1;
    }
    if (self->n == 0)
        return vec_push(self, value);
    long x = PyLong_AsLong(value);
    if (x == -1 && PyErr_Occurred())
        return -1;
    self->items[0] = x;
    return 0;
}

/* The closure pointer reaches the getter: here it carries a constant. */
static PyObject *
vec_get_closure(VecObject *self, void *closure)
{
    return PyUnicode_FromString((const char *)closure);
}

static PyGetSetDef vec_getset[] = {
    {"total", (getter)vec_get_total, NULL, "Sum of the items.", NULL},
    {"first", (getter)vec_get_first, (setter)vec_set_first, NULL, NULL},
    {"closure", (getter)vec_get_closure, NULL, NULL, "closure-data"},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods vec_as_number = {
    .nb_add = vec_add,
};

static PySequenceMethods vec_as_sequence = {
    .sq_length = (lenfunc)vec_length,
};

static PyMappingMethods vec_as_mapping = {
    .mp_length = (lenfunc)vec_length,
    .mp_subscript = (binaryfunc)vec_subscript,
    .mp_ass_subscript = (objobjargproc)vec_ass_subscript,
};

static PyTypeObject Vec_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_type.Vec",
    .tp_doc = "Vec(items=(), label=None)\n--\n\nA growable vector of C longs.",
    .tp_basicsize = sizeof(VecObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = vec_new,
    .tp_init = (initproc)vec_init,
    .tp_dealloc = (destructor)vec_dealloc,
    .tp_repr = (reprfunc)vec_repr,
    .tp_richcompare = vec_richcompare,
    .tp_hash = (hashfunc)vec_hash,
    .tp_iter = (getiterfunc)vec_iter,
    .tp_call = (ternaryfunc)vec_call,
    .tp_as_number = &vec_as_number,
    .tp_as_sequence = &vec_as_sequence,
    .tp_as_mapping = &vec_as_mapping,
    .tp_methods = vec_methods,
    .tp_members = vec_members,
    .tp_getset = vec_getset,
};

/* ---- module ----------------------------------------------------------- */

static PyObject *
live_count(PyObject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(vec_live);
}

/* C's view of an instance (possibly of a Python subclass): the struct fields
 * read directly, proving the subclass instance still starts with VecObject. */
static PyObject *
peek(PyObject *self, PyObject *obj)
{
    if (!Vec_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "peek: need a Vec");
        return NULL;
    }
    VecObject *v = (VecObject *)obj;
    return Py_BuildValue("(nOid)", v->n, v->label, v->flags, v->scale);
}

/* A Vec made from C by calling the type object. */
static PyObject *
make_vec(PyObject *self, PyObject *args)
{
    return PyObject_Call((PyObject *)&Vec_Type, args, NULL);
}

/* The type's slots as C sees them after PyType_Ready. */
static PyObject *
type_info(PyObject *self, PyObject *unused)
{
    PyTypeObject *t = &Vec_Type;
    return Py_BuildValue("(sNNNN)", t->tp_name,
                         PyBool_FromLong(t->tp_getattro == PyObject_GenericGetAttr),
                         PyBool_FromLong(t->tp_base == &PyBaseObject_Type),
                         PyBool_FromLong((t->tp_flags & Py_TPFLAGS_READY) != 0),
                         PyBool_FromLong(PyType_HasFeature(t, Py_TPFLAGS_BASETYPE)));
}

static PyMethodDef capi_type_methods[] = {
    {"live_count", live_count, METH_NOARGS, NULL},
    {"peek", peek, METH_O, NULL},
    {"make_vec", make_vec, METH_VARARGS, NULL},
    {"type_info", type_info, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_type_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_type",
    .m_doc = "A static type with most slots, subclassable from Python.",
    .m_size = -1,
    .m_methods = capi_type_methods,
};

PyMODINIT_FUNC
PyInit_capi_type(void)
{
    if (PyType_Ready(&Vec_Type) < 0 || PyType_Ready(&VecIter_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&capi_type_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &Vec_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
