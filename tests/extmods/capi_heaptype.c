/* capi_heaptype: heap types and multi-phase module initialisation.
 *
 * The module is created through PyModuleDef_Init with a Py_mod_exec slot,
 * keeps its state in PyModule_GetState memory (m_size > 0, with m_traverse,
 * m_clear and m_free), and defines its types in exec:
 *   Counter    PyType_FromModuleAndSpec; GC-tracked (tp_traverse/tp_clear),
 *              a member, a getset, a repr, nb_add, sq_length, and a
 *              METH_METHOD method that finds the module state through its
 *              defining class, so that it works on Python subclasses too;
 *   SubCounter PyType_FromModuleAndSpec with Counter as its base;
 *   Plain      PyType_FromSpec, no module, inheriting object's tp_new;
 *   Sealed     Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE.
 * Loading the module twice gives two modules with separate state and
 * separate types.  Driver: test_capi_heaptype.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <string.h>

typedef struct {
    PyObject *Counter;    /* the module's own type objects, strong refs */
    PyObject *SubCounter;
    PyObject *Error;
    long calls;           /* bumped by Counter.bump through the defining class */
    long exec_runs;       /* how often exec ran for this module object */
} module_state;

static struct PyModuleDef capi_heaptype_def;

/* How many module objects have had their state freed (m_free), and how many
 * Counter instances are alive; both process-wide on purpose. */
static long modules_freed;
static Py_ssize_t counters_live;

static module_state *
get_state(PyObject *module)
{
    return (module_state *)PyModule_GetState(module);
}

/* ---- Counter ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    long value;
    PyObject *payload; /* any object; may form cycles, hence GC */
} CounterObject;

static int
counter_init(CounterObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", "payload", NULL};
    long value = 0;
    PyObject *payload = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|lO:Counter", kwlist, &value, &payload))
        return -1;
    self->value = value;
    Py_XSETREF(self->payload, Py_NewRef(payload));
    return 0;
}

/* tp_new that counts instances; allocation through tp_alloc (GC-aware). */
static PyObject *
counter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    CounterObject *self = (CounterObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->value = 0;
    self->payload = NULL;
    counters_live++;
    return (PyObject *)self;
}

/* A heap type's instances hold a reference to the type: traverse visits it,
 * dealloc releases it. */
static int
counter_traverse(CounterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->payload);
    return 0;
}

static int
counter_clear(CounterObject *self)
{
    Py_CLEAR(self->payload);
    return 0;
}

static void
counter_dealloc(CounterObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    counter_clear(self);
    counters_live--;
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *
counter_repr(CounterObject *self)
{
    PyObject *name = PyType_GetQualName(Py_TYPE(self));
    if (name == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("<%U value=%ld>", name, self->value);
    Py_DECREF(name);
    return r;
}

/* Counter + int -> a new instance of the same type as the left operand. */
static PyObject *
counter_add(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    long delta = PyLong_AsLong(b);
    if (delta == -1 && PyErr_Occurred())
        return NULL;
    PyObject *r = PyObject_CallFunction((PyObject *)Py_TYPE(a), "l",
                                        ((CounterObject *)a)->value + delta);
    return r;
}

static Py_ssize_t
counter_length(CounterObject *self)
{
    return self->value < 0 ? 0 : (Py_ssize_t)self->value;
}

/* bump(by=1): METH_METHOD passes the class that defined the method, which
 * leads to the module state even when `self` is a Python subclass instance
 * (whose own type has no module). */
static PyObject *
counter_bump(CounterObject *self, PyTypeObject *defining_class, PyObject *const *args,
             Py_ssize_t nargs, PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "bump() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "bump() takes at most 1 argument (%zd given)", nargs);
        return NULL;
    }
    long by = 1;
    if (nargs == 1) {
        by = PyLong_AsLong(args[0]);
        if (by == -1 && PyErr_Occurred())
            return NULL;
    }
    module_state *st = PyType_GetModuleState(defining_class);
    if (st == NULL)
        return NULL;
    st->calls++;
    self->value += by;
    return PyLong_FromLong(self->value);
}

/* The module this instance's defining class belongs to, three ways. */
static PyObject *
counter_module(CounterObject *self, PyTypeObject *defining_class, PyObject *const *args,
               Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *by_class = PyType_GetModule(defining_class); /* borrowed */
    if (by_class == NULL)
        return NULL;
    PyObject *by_def = PyType_GetModuleByDef(Py_TYPE(self), &capi_heaptype_def); /* borrowed */
    if (by_def == NULL)
        return NULL;
    return Py_BuildValue("(OO)", by_class, by_def);
}

/* raise_error(msg): raise the module's own exception type from its state. */
static PyObject *
counter_raise_error(CounterObject *self, PyTypeObject *defining_class, PyObject *const *args,
                    Py_ssize_t nargs, PyObject *kwnames)
{
    module_state *st = PyType_GetModuleState(defining_class);
    if (st == NULL)
        return NULL;
    PyErr_SetString(st->Error, "raised through the module state");
    return NULL;
}

static PyMethodDef counter_methods[] = {
    {"bump", (PyCFunction)(void (*)(void))counter_bump,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, "Add to the value; count the call."},
    {"module", (PyCFunction)(void (*)(void))counter_module,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"raise_error", (PyCFunction)(void (*)(void))counter_raise_error,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef counter_members[] = {
    {"value", T_LONG, offsetof(CounterObject, value), 0, NULL},
    {"payload", T_OBJECT, offsetof(CounterObject, payload), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
counter_get_double(CounterObject *self, void *closure)
{
    return PyLong_FromLong(2 * self->value);
}

static PyGetSetDef counter_getset[] = {
    {"double", (getter)counter_get_double, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot counter_slots[] = {
    {Py_tp_doc, "Counter(value=0, payload=None)\n--\n\nA counter in a heap type."},
    {Py_tp_new, counter_new},
    {Py_tp_init, counter_init},
    {Py_tp_dealloc, counter_dealloc},
    {Py_tp_traverse, counter_traverse},
    {Py_tp_clear, counter_clear},
    {Py_tp_repr, counter_repr},
    {Py_tp_methods, counter_methods},
    {Py_tp_members, counter_members},
    {Py_tp_getset, counter_getset},
    {Py_nb_add, counter_add},
    {Py_sq_length, counter_length},
    {0, NULL},
};

static PyType_Spec counter_spec = {
    .name = "capi_heaptype.Counter",
    .basicsize = sizeof(CounterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = counter_slots,
};

/* ---- SubCounter: a C subclass made from a spec with a base ------------ */

static PyObject *
subcounter_describe(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromFormat("sub of value %ld", ((CounterObject *)self)->value);
}

static PyMethodDef subcounter_methods[] = {
    {"describe", subcounter_describe, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* A spec that sets Py_TPFLAGS_HAVE_GC must name its traverse function even
 * when the base already has one. */
static PyType_Slot subcounter_slots[] = {
    {Py_tp_methods, subcounter_methods},
    {Py_tp_traverse, counter_traverse},
    {0, NULL},
};

static PyType_Spec subcounter_spec = {
    .name = "capi_heaptype.SubCounter",
    .basicsize = sizeof(CounterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = subcounter_slots,
};

/* ---- Plain: PyType_FromSpec without a module -------------------------- */

typedef struct {
    PyObject_HEAD
    double x;
} PlainObject;

static PyMemberDef plain_members[] = {
    {"x", T_DOUBLE, offsetof(PlainObject, x), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* Heap-type dealloc without GC: free, then release the type. */
static void
plain_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyType_Slot plain_slots[] = {
    {Py_tp_members, plain_members},
    {Py_tp_dealloc, plain_dealloc},
    {0, NULL},
};

static PyType_Spec plain_spec = {
    .name = "capi_heaptype.Plain",
    .basicsize = sizeof(PlainObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = plain_slots,
};

/* ---- Sealed: no instances from Python, no attribute changes ----------- */

static PyType_Slot sealed_slots[] = {
    {Py_tp_doc, "Cannot be instantiated or modified."},
    {0, NULL},
};

static PyType_Spec sealed_spec = {
    .name = "capi_heaptype.Sealed",
    .basicsize = sizeof(PyObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = sealed_slots,
};

/* ---- module functions ------------------------------------------------- */

/* state() -> (calls, exec_runs, Counter is module.Counter) */
static PyObject *
state(PyObject *module, PyObject *unused)
{
    module_state *st = get_state(module);
    PyObject *attr = PyObject_GetAttrString(module, "Counter");
    if (attr == NULL)
        return NULL;
    int same = attr == st->Counter;
    Py_DECREF(attr);
    return Py_BuildValue("(llN)", st->calls, st->exec_runs, PyBool_FromLong(same));
}

static PyObject *
counters_alive(PyObject *module, PyObject *unused)
{
    return PyLong_FromSsize_t(counters_live);
}

static PyObject *
freed_modules(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(modules_freed);
}

/* A Counter made from C with the type kept in the module state. */
static PyObject *
make_counter(PyObject *module, PyObject *value)
{
    return PyObject_CallOneArg(get_state(module)->Counter, value);
}

static PyMethodDef capi_heaptype_methods[] = {
    {"state", state, METH_NOARGS, NULL},
    {"counters_alive", counters_alive, METH_NOARGS, NULL},
    {"freed_modules", freed_modules, METH_NOARGS, NULL},
    {"make_counter", make_counter, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- multi-phase initialisation --------------------------------------- */

static int
add_type(PyObject *module, PyObject *type)
{
    /* The name after the last dot of tp_name is the attribute name. */
    const char *dotted = ((PyTypeObject *)type)->tp_name;
    const char *dot = strrchr(dotted, '.');
    return PyModule_AddObjectRef(module, dot ? dot + 1 : dotted, type);
}

static int
capi_heaptype_exec(PyObject *module)
{
    module_state *st = get_state(module);
    st->exec_runs++;

    st->Counter = PyType_FromModuleAndSpec(module, &counter_spec, NULL);
    if (st->Counter == NULL || add_type(module, st->Counter) < 0)
        return -1;
    st->SubCounter = PyType_FromModuleAndSpec(module, &subcounter_spec, st->Counter);
    if (st->SubCounter == NULL || add_type(module, st->SubCounter) < 0)
        return -1;

    PyObject *plain = PyType_FromSpec(&plain_spec);
    if (plain == NULL)
        return -1;
    int rc = add_type(module, plain);
    Py_DECREF(plain);
    if (rc < 0)
        return -1;

    PyObject *sealed = PyType_FromSpec(&sealed_spec);
    if (sealed == NULL)
        return -1;
    rc = add_type(module, sealed);
    Py_DECREF(sealed);
    if (rc < 0)
        return -1;

    st->Error = PyErr_NewException("capi_heaptype.Error", NULL, NULL);
    if (st->Error == NULL || PyModule_AddObjectRef(module, "Error", st->Error) < 0)
        return -1;
    return 0;
}

/* A second exec slot: slots run in order, after the first. */
static int
capi_heaptype_exec_second(PyObject *module)
{
    return PyModule_AddIntConstant(module, "EXEC_ORDER_OK",
                                   PyObject_HasAttrString(module, "Counter"));
}

static int
capi_heaptype_traverse(PyObject *module, visitproc visit, void *arg)
{
    module_state *st = get_state(module);
    Py_VISIT(st->Counter);
    Py_VISIT(st->SubCounter);
    Py_VISIT(st->Error);
    return 0;
}

static int
capi_heaptype_clear(PyObject *module)
{
    module_state *st = get_state(module);
    Py_CLEAR(st->Counter);
    Py_CLEAR(st->SubCounter);
    Py_CLEAR(st->Error);
    return 0;
}

static void
capi_heaptype_free(void *module)
{
    capi_heaptype_clear((PyObject *)module);
    modules_freed++;
}

static PyModuleDef_Slot capi_heaptype_slots[] = {
    {Py_mod_exec, capi_heaptype_exec},
    {Py_mod_exec, capi_heaptype_exec_second},
    {0, NULL},
};

static struct PyModuleDef capi_heaptype_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_heaptype",
    .m_doc = "Heap types and multi-phase initialisation with module state.",
    .m_size = sizeof(module_state),
    .m_methods = capi_heaptype_methods,
    .m_slots = capi_heaptype_slots,
    .m_traverse = capi_heaptype_traverse,
    .m_clear = capi_heaptype_clear,
    .m_free = capi_heaptype_free,
};

PyMODINIT_FUNC
PyInit_capi_heaptype(void)
{
    return PyModuleDef_Init(&capi_heaptype_def);
}
