/* What CPython's own lib-dynload modules (_zoneinfo, _asyncio, _lsprof,
 * _decimal) rely on in the C API, each shown on a small type of its own:
 *   - Zone, Offset: C types with fields of their own deriving from
 *     datetime.tzinfo (the datetime C API's TZInfoType), as _zoneinfo's
 *     ZoneInfo, with and without a tp_new of their own;
 *   - Waiter: the async slots (am_await, am_aiter, am_anext) seen as
 *     __await__, __aiter__, __anext__, also by Python subclasses;
 *   - Watched: a weakly referenceable C type whose tp_dealloc calls
 *     PyObject_ClearWeakRefs and counts; the driver checks that no weak
 *     reference outlives the deallocation;
 *   - Plain, Initialised, Bare: tp_new PyType_GenericNew or object's, and
 *     object's rule on excess arguments for Python subclasses
 *     (cProfile.Profile(timer) derives from _lsprof.Profiler);
 *   - the number slots of PyFloat_Type and PyLong_Type called directly on
 *     instances of subclasses that override them (_decimal);
 *   - _PyGen_FetchStopIterationValue (_asyncio).
 * Driver: test_capi_dynload.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <structmember.h>

/* ---------------------------------------------------------------- Zone */

typedef struct {
    PyObject_HEAD
    int minutes;        /* the fixed offset from UTC */
    PyObject *name;
    PyObject *weakrefs;
} ZoneObject;

static PyTypeObject Zone_Type;

static PyObject *
Zone_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"minutes", "name", NULL};
    int minutes;
    PyObject *name;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "iU:Zone", keywords, &minutes, &name))
        return NULL;
    if (minutes <= -24 * 60 || minutes >= 24 * 60) {
        PyErr_SetString(PyExc_ValueError, "offset out of range");
        return NULL;
    }
    ZoneObject *self = (ZoneObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->minutes = minutes;
    Py_INCREF(name);
    self->name = name;
    return (PyObject *)self;
}

static void
Zone_dealloc(ZoneObject *self)
{
    if (self->weakrefs != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    Py_CLEAR(self->name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Zone_utcoffset(ZoneObject *self, PyObject *dt)
{
    return PyDelta_FromDSU(0, self->minutes * 60, 0);
}

static PyObject *
Zone_dst(ZoneObject *self, PyObject *dt)
{
    return PyDelta_FromDSU(0, 0, 0);
}

static PyObject *
Zone_tzname(ZoneObject *self, PyObject *dt)
{
    Py_INCREF(self->name);
    return self->name;
}

/* As _zoneinfo's fromutc: the sum of a datetime and a delta, marked as the
 * second of two equal wall times by writing `fold` into the result. */
static PyObject *
Zone_fromutc(ZoneObject *self, PyObject *dt)
{
    if (!PyDateTime_Check(dt)) {
        PyErr_SetString(PyExc_TypeError, "fromutc: argument must be a datetime");
        return NULL;
    }
    PyObject *delta = PyDelta_FromDSU(0, self->minutes * 60, 0);
    if (delta == NULL)
        return NULL;
    PyObject *result = PyNumber_Add(dt, delta);
    Py_DECREF(delta);
    if (result != NULL && PyDateTime_CheckExact(result) && self->minutes < 0)
        ((PyDateTime_DateTime *)result)->fold = 1;
    return result;
}

static PyMethodDef Zone_methods[] = {
    {"utcoffset", (PyCFunction)Zone_utcoffset, METH_O, NULL},
    {"dst", (PyCFunction)Zone_dst, METH_O, NULL},
    {"tzname", (PyCFunction)Zone_tzname, METH_O, NULL},
    {"fromutc", (PyCFunction)Zone_fromutc, METH_O, NULL},
    {NULL}
};

static PyMemberDef Zone_members[] = {
    {"minutes", T_INT, offsetof(ZoneObject, minutes), READONLY, NULL},
    {"name", T_OBJECT, offsetof(ZoneObject, name), READONLY, NULL},
    {NULL}
};

static PyTypeObject Zone_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_dynload.Zone",
    .tp_basicsize = sizeof(ZoneObject),
    .tp_dealloc = (destructor)Zone_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(ZoneObject, weakrefs),
    .tp_methods = Zone_methods,
    .tp_members = Zone_members,
    .tp_new = Zone_new,
};

/* Without a tp_new of its own: tzinfo's (PyType_GenericNew) allocates it,
 * tp_init sets its field. */
typedef struct {
    PyObject_HEAD
    int minutes;
} OffsetObject;

static int
Offset_init(OffsetObject *self, PyObject *args, PyObject *kwds)
{
    return PyArg_ParseTuple(args, "i:Offset", &self->minutes) ? 0 : -1;
}

static PyObject *
Offset_utcoffset(OffsetObject *self, PyObject *dt)
{
    return PyDelta_FromDSU(0, self->minutes * 60, 0);
}

static PyMethodDef Offset_methods[] = {
    {"utcoffset", (PyCFunction)Offset_utcoffset, METH_O, NULL},
    {NULL}
};

static PyMemberDef Offset_members[] = {
    {"minutes", T_INT, offsetof(OffsetObject, minutes), 0, NULL},
    {NULL}
};

static PyTypeObject Offset_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_dynload.Offset",
    .tp_basicsize = sizeof(OffsetObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = Offset_methods,
    .tp_members = Offset_members,
    .tp_init = (initproc)Offset_init,
};

/* ---------------------------------------------------------------- Waiter */

/* Awaiting a Waiter yields its `value` once (as a future that is not done
 * yet), then returns it.  As an async iterator it counts down from value. */
typedef struct {
    PyObject_HEAD
    long value;
} WaiterObject;

typedef struct {
    PyObject_HEAD
    PyObject *waiter;
    int yielded;
} WaiterIterObject;

static PyTypeObject Waiter_Type, WaiterIter_Type;

static PyObject *
Waiter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long value = 0;
    if (!PyArg_ParseTuple(args, "|l:Waiter", &value))
        return NULL;
    WaiterObject *self = (WaiterObject *)type->tp_alloc(type, 0);
    if (self != NULL)
        self->value = value;
    return (PyObject *)self;
}

static PyObject *
Waiter_await(PyObject *self)
{
    WaiterIterObject *it = PyObject_New(WaiterIterObject, &WaiterIter_Type);
    if (it == NULL)
        return NULL;
    Py_INCREF(self);
    it->waiter = self;
    it->yielded = 0;
    return (PyObject *)it;
}

static PyObject *
Waiter_aiter(PyObject *self)
{
    Py_INCREF(self);
    return self;
}

/* __anext__: an awaitable of the next value, StopAsyncIteration at 0. */
static PyObject *
Waiter_anext(WaiterObject *self)
{
    if (self->value <= 0) {
        PyErr_SetNone(PyExc_StopAsyncIteration);
        return NULL;
    }
    PyObject *args = Py_BuildValue("(l)", self->value--);
    if (args == NULL)
        return NULL;
    PyObject *next = PyObject_Call((PyObject *)&Waiter_Type, args, NULL);
    Py_DECREF(args);
    return next;
}

static PyMemberDef Waiter_members[] = {
    {"value", T_LONG, offsetof(WaiterObject, value), 0, NULL},
    {NULL}
};

static PyAsyncMethods Waiter_as_async = {
    .am_await = Waiter_await,
    .am_aiter = Waiter_aiter,
    .am_anext = (unaryfunc)Waiter_anext,
};

static PyTypeObject Waiter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_dynload.Waiter",
    .tp_basicsize = sizeof(WaiterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_as_async = &Waiter_as_async,
    .tp_members = Waiter_members,
    .tp_new = Waiter_new,
};

static void
WaiterIter_dealloc(WaiterIterObject *self)
{
    Py_XDECREF(self->waiter);
    PyObject_Free(self);
}

static PyObject *
WaiterIter_next(WaiterIterObject *self)
{
    long value = ((WaiterObject *)self->waiter)->value;
    if (!self->yielded) {
        self->yielded = 1;
        return PyLong_FromLong(value);
    }
    PyObject *result = PyLong_FromLong(value * 10);
    if (result == NULL)
        return NULL;
    PyErr_SetObject(PyExc_StopIteration, result);
    Py_DECREF(result);
    return NULL;
}

static PyTypeObject WaiterIter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_dynload.WaiterIter",
    .tp_basicsize = sizeof(WaiterIterObject),
    .tp_dealloc = (destructor)WaiterIter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)WaiterIter_next,
};

/* ---------------------------------------------------------------- Watched */

static long watched_deallocs = 0;
/* The weak references found dead by the last tp_dealloc that looked. */
static long watched_dead_at_dealloc = 0;

typedef struct {
    PyObject_HEAD
    PyObject *weakrefs;
    PyObject *probe;    /* a weak reference to this object, or NULL */
} WatchedObject;

static PyObject *
Watched_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

/* Keeps a weak reference to the object itself, which tp_dealloc checks. */
static PyObject *
Watched_probe(WatchedObject *self, PyObject *unused)
{
    if (self->probe == NULL) {
        self->probe = PyWeakref_NewRef((PyObject *)self, NULL);
        if (self->probe == NULL)
            return NULL;
    }
    Py_RETURN_NONE;
}

static void
Watched_dealloc(WatchedObject *self)
{
    if (self->weakrefs != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    if (self->probe != NULL) {
        if (PyWeakref_GetObject(self->probe) == Py_None)
            watched_dead_at_dealloc++;
        Py_CLEAR(self->probe);
    }
    watched_deallocs++;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Watched_methods[] = {
    {"probe", (PyCFunction)Watched_probe, METH_NOARGS, NULL},
    {NULL}
};

static PyTypeObject Watched_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_dynload.Watched",
    .tp_basicsize = sizeof(WatchedObject),
    .tp_dealloc = (destructor)Watched_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(WatchedObject, weakrefs),
    .tp_methods = Watched_methods,
    .tp_new = Watched_new,
};

static PyObject *
watched_counts(PyObject *module, PyObject *unused)
{
    return Py_BuildValue("(ll)", watched_deallocs, watched_dead_at_dealloc);
}

/* ---------------------------------------------------------------- Plain */

typedef struct {
    PyObject_HEAD
    PyObject *args;
} PlainObject;

static int
Plain_init(PlainObject *self, PyObject *args, PyObject *kwds)
{
    Py_INCREF(args);
    Py_XSETREF(self->args, args);
    return 0;
}

static void
Plain_dealloc(PlainObject *self)
{
    Py_XDECREF(self->args);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef Plain_members[] = {
    {"args", T_OBJECT, offsetof(PlainObject, args), READONLY, NULL},
    {NULL}
};

static PyTypeObject Plain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_dynload.Plain",
    .tp_basicsize = sizeof(PlainObject),
    .tp_dealloc = (destructor)Plain_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_members = Plain_members,
    .tp_init = (initproc)Plain_init,
    .tp_new = PyType_GenericNew,
};

/* Heap types without tp_new inherit object's, with its rule: no arguments
 * unless __init__ (the type's tp_init or a subclass's) takes them.  As
 * _lsprof.Profiler: */
static PyType_Slot Initialised_slots[] = {
    {Py_tp_init, Plain_init},
    {Py_tp_dealloc, Plain_dealloc},
    {Py_tp_members, Plain_members},
    {0, NULL},
};

static PyType_Spec Initialised_spec = {
    .name = "capi_dynload.Initialised",
    .basicsize = sizeof(PlainObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = Initialised_slots,
};

static PyType_Slot Bare_slots[] = {
    {0, NULL},
};

static PyType_Spec Bare_spec = {
    .name = "capi_dynload.Bare",
    .basicsize = sizeof(PyObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = Bare_slots,
};

/* ------------------------------------------------- builtin slots, directly */

static PyObject *
float_abs(PyObject *module, PyObject *x)
{
    return PyFloat_Type.tp_as_number->nb_absolute(x);
}

static PyObject *
long_multiply(PyObject *module, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return PyLong_Type.tp_as_number->nb_multiply(a, b);
}

static PyObject *
long_negative(PyObject *module, PyObject *x)
{
    return PyLong_Type.tp_as_number->nb_negative(x);
}

/* ---------------------------------------------- _PyGen_FetchStopIterationValue */

/* Calls it's tp_iternext (which, unlike PyIter_Next, leaves the
 * StopIteration carrying a generator's return value) and gives ("value", v) for what it returned through
 * StopIteration, ("yield", v) for a value it yielded, or lets another
 * exception through. */
static PyObject *
fetch_stop_value(PyObject *module, PyObject *it)
{
    PyObject *item = Py_TYPE(it)->tp_iternext(it);
    if (item != NULL)
        return Py_BuildValue("(sN)", "yield", item);
    PyObject *value;
    if (_PyGen_FetchStopIterationValue(&value) < 0)
        return NULL;
    return Py_BuildValue("(sN)", "value", value);
}

/* With `exc` set as the pending exception. */
static PyObject *
fetch_with_pending(PyObject *module, PyObject *exc)
{
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    PyObject *value;
    if (_PyGen_FetchStopIterationValue(&value) < 0)
        return NULL;
    return value;
}

static PyMethodDef module_methods[] = {
    {"watched_counts", watched_counts, METH_NOARGS, NULL},
    {"float_abs", float_abs, METH_O, NULL},
    {"long_multiply", long_multiply, METH_VARARGS, NULL},
    {"long_negative", long_negative, METH_O, NULL},
    {"fetch_stop_value", fetch_stop_value, METH_O, NULL},
    {"fetch_with_pending", fetch_with_pending, METH_O, NULL},
    {NULL}
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "capi_dynload", NULL, -1, module_methods,
};

static int
add_spec(PyObject *module, PyType_Spec *spec, const char *name)
{
    PyObject *type = PyType_FromSpec(spec);
    if (type == NULL)
        return -1;
    if (PyModule_AddObject(module, name, type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    return 0;
}

static int
add_type(PyObject *module, PyTypeObject *type, const char *name)
{
    if (PyType_Ready(type) < 0)
        return -1;
    Py_INCREF(type);
    if (PyModule_AddObject(module, name, (PyObject *)type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    return 0;
}

PyMODINIT_FUNC
PyInit_capi_dynload(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL)
        return NULL;
    Zone_Type.tp_base = PyDateTimeAPI->TZInfoType;
    Offset_Type.tp_base = PyDateTimeAPI->TZInfoType;
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL)
        return NULL;
    if (add_type(module, &Zone_Type, "Zone") < 0 || add_type(module, &Offset_Type, "Offset") < 0 ||
        add_type(module, &Waiter_Type, "Waiter") < 0 ||
        PyType_Ready(&WaiterIter_Type) < 0 || add_type(module, &Watched_Type, "Watched") < 0 ||
        add_type(module, &Plain_Type, "Plain") < 0 || add_spec(module, &Initialised_spec, "Initialised") < 0 ||
        add_spec(module, &Bare_spec, "Bare") < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
