/* capi_helpers: small functions of the C API extensions call: C function
 * fields, PyMember_GetOne/SetOne, struct sequence items,
 * PyExceptionClass_Name, PyModule_GetFilename, _PyDict_Pop,
 * _PyObject_GetMethod, the GC and weak-reference queries, the old buffer API,
 * PyPickleBuffer_*, PyHash_GetFuncDef, PyCompile_OpcodeStackEffect*,
 * PyMem_GetAllocator/SetAllocator, PyToken_*, PySys_SetPath,
 * PyEval_AcquireLock/ReleaseLock.
 * Driver: test_capi_helpers.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"
#include <string.h>

/* Deprecated in CPython, still part of its API: what this module tests. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* token.h is not part of Python.h. */
int PyToken_OneChar(int);
int PyToken_TwoChars(int, int);
int PyToken_ThreeChars(int, int, int);

/* --- a C type with members and a weak-reference list --- */

typedef struct {
    PyObject_HEAD
    int i;
    double d;
    PyObject *obj;
    PyObject *weakreflist;
} Rec;

static PyMemberDef rec_members[] = {
    {"i", T_INT, offsetof(Rec, i), 0, NULL},
    {"d", T_DOUBLE, offsetof(Rec, d), 0, NULL},
    {"obj", T_OBJECT_EX, offsetof(Rec, obj), 0, NULL},
    {"ro", T_INT, offsetof(Rec, i), READONLY, NULL},
    {NULL},
};

static int
rec_traverse(Rec *self, visitproc visit, void *arg)
{
    Py_VISIT(self->obj);
    return 0;
}

static int
rec_clear(Rec *self)
{
    Py_CLEAR(self->obj);
    return 0;
}

static void
rec_dealloc(Rec *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    rec_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject RecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_helpers.Rec",
    .tp_basicsize = sizeof(Rec),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = (destructor)rec_dealloc,
    .tp_traverse = (traverseproc)rec_traverse,
    .tp_clear = (inquiry)rec_clear,
    .tp_members = rec_members,
    .tp_weaklistoffset = offsetof(Rec, weakreflist),
};

static PyMemberDef *
member_named(const char *name)
{
    for (PyMemberDef *m = rec_members; m->name != NULL; m++) {
        if (strcmp(m->name, name) == 0)
            return m;
    }
    PyErr_Format(PyExc_KeyError, "%s", name);
    return NULL;
}

static PyObject *
member_get(PyObject *self, PyObject *args)
{
    PyObject *rec;
    const char *name;
    if (!PyArg_ParseTuple(args, "O!s", &RecType, &rec, &name))
        return NULL;
    PyMemberDef *m = member_named(name);
    return m == NULL ? NULL : PyMember_GetOne((const char *)rec, m);
}

/* member_set(rec, name[, value]): without value, deletes */
static PyObject *
member_set(PyObject *self, PyObject *args)
{
    PyObject *rec, *value = NULL;
    const char *name;
    if (!PyArg_ParseTuple(args, "O!s|O", &RecType, &rec, &name, &value))
        return NULL;
    PyMemberDef *m = member_named(name);
    if (m == NULL || PyMember_SetOne((char *)rec, m, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* weaklist_is_field(rec) -> PyObject_GET_WEAKREFS_LISTPTR is the struct's field */
static PyObject *
weaklist_is_field(PyObject *self, PyObject *rec)
{
    if (!PyObject_TypeCheck(rec, &RecType))
        return PyErr_Format(PyExc_TypeError, "Rec expected");
    return PyBool_FromLong(PyObject_GET_WEAKREFS_LISTPTR(rec) == &((Rec *)rec)->weakreflist);
}

/* --- C functions --- */

static PyObject *
cfunc_fields(PyObject *self, PyObject *f)
{
    int flags = PyCFunction_GetFlags(f);
    if (flags == -1 && PyErr_Occurred())
        return NULL;
    PyObject *s = PyCFunction_GetSelf(f);
    if (s == NULL && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(iO)", flags, s != NULL ? s : Py_None);
}

static PyObject *
cfunc_self(PyObject *self, PyObject *f)
{
    PyObject *s = PyCFunction_GetSelf(f);
    if (s == NULL && PyErr_Occurred())
        return NULL;
    return Py_NewRef(s != NULL ? s : Py_None);
}

static PyObject *
cfunc_call(PyObject *self, PyObject *args)
{
    PyObject *f, *a, *kw = NULL;
    if (!PyArg_ParseTuple(args, "OO!|O!", &f, &PyTuple_Type, &a, &PyDict_Type, &kw))
        return NULL;
    return PyCFunction_Call(f, a, kw);
}

static PyObject *
meth_o(PyObject *self, PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyObject *
meth_static(PyObject *self, PyObject *args)
{
    return Py_NewRef(self != NULL ? self : Py_None);
}

/* --- struct sequences --- */

static PyStructSequence_Field pair_fields[] = {{"first", NULL}, {"second", NULL}, {NULL, NULL}};
static PyStructSequence_Desc pair_desc = {"capi_helpers.pair", NULL, pair_fields, 2};
static PyTypeObject *PairType;

/* make_pair(a, b) -> a struct sequence filled with PyStructSequence_SetItem */
static PyObject *
make_pair(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *p = PyStructSequence_New(PairType);
    if (p == NULL)
        return NULL;
    PyStructSequence_SetItem(p, 0, Py_NewRef(a));
    PyStructSequence_SetItem(p, 1, Py_NewRef(b));
    return p;
}

static PyObject *
pair_item(PyObject *self, PyObject *args)
{
    PyObject *p;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "On", &p, &i))
        return NULL;
    return Py_NewRef(PyStructSequence_GetItem(p, i));
}

/* --- objects --- */

static PyObject *
exception_class_name(PyObject *self, PyObject *cls)
{
    return PyUnicode_FromString(PyExceptionClass_Name(cls));
}

static PyObject *
module_filename(PyObject *self, PyObject *module)
{
    const char *name = PyModule_GetFilename(module);
    return name == NULL ? NULL : PyUnicode_FromString(name);
}

/* dict_pop(d, key[, default]) */
static PyObject *
dict_pop(PyObject *self, PyObject *args)
{
    PyObject *d, *key, *deflt = NULL;
    if (!PyArg_ParseTuple(args, "O!O|O", &PyDict_Type, &d, &key, &deflt))
        return NULL;
    return _PyDict_Pop(d, key, deflt);
}

/* get_method(obj, name) -> (found, method) */
static PyObject *
get_method(PyObject *self, PyObject *args)
{
    PyObject *obj, *name, *method = NULL;
    if (!PyArg_ParseTuple(args, "OU", &obj, &name))
        return NULL;
    int found = _PyObject_GetMethod(obj, name, &method);
    if (method == NULL)
        return NULL;
    return Py_BuildValue("(iN)", found, method);
}

static PyObject *
is_gc(PyObject *self, PyObject *obj)
{
    return PyBool_FromLong(PyObject_IS_GC(obj));
}

static PyObject *
supports_weakrefs(PyObject *self, PyObject *type)
{
    if (!PyType_Check(type))
        return PyErr_Format(PyExc_TypeError, "type expected");
    return PyBool_FromLong(PyType_SUPPORTS_WEAKREFS((PyTypeObject *)type));
}

/* --- the old buffer API --- */

static PyObject *
as_char_buffer(PyObject *self, PyObject *obj)
{
    const char *buf;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(obj, &buf, &len) < 0)
        return NULL;
    return PyBytes_FromStringAndSize(buf, len);
}

static PyObject *
as_read_buffer(PyObject *self, PyObject *obj)
{
    const void *buf;
    Py_ssize_t len;
    if (PyObject_AsReadBuffer(obj, &buf, &len) < 0)
        return NULL;
    return PyBytes_FromStringAndSize(buf, len);
}

/* fill_write_buffer(obj, byte) -> the length, every byte set to `byte` */
static PyObject *
fill_write_buffer(PyObject *self, PyObject *args)
{
    PyObject *obj;
    int byte;
    void *buf;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &byte))
        return NULL;
    if (PyObject_AsWriteBuffer(obj, &buf, &len) < 0)
        return NULL;
    memset(buf, byte, (size_t)len);
    return PyLong_FromSsize_t(len);
}

static PyObject *
check_read_buffer(PyObject *self, PyObject *obj)
{
    int r = PyObject_CheckReadBuffer(obj);
    if (PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
old_buffer_null_args(PyObject *self, PyObject *unused)
{
    if (PyObject_AsCharBuffer(NULL, NULL, NULL) != -1)
        return PyErr_Format(PyExc_AssertionError, "no error");
    return NULL; /* with its error */
}

/* --- PickleBuffer --- */

static PyObject *
picklebuffer_from(PyObject *self, PyObject *obj)
{
    return PyPickleBuffer_FromObject(obj);
}

/* picklebuffer_view(pb) -> (bytes, len, readonly, view.obj) */
static PyObject *
picklebuffer_view(PyObject *self, PyObject *pb)
{
    const Py_buffer *view = PyPickleBuffer_GetBuffer(pb);
    if (view == NULL)
        return NULL;
    return Py_BuildValue("(y#niO)", (const char *)view->buf, view->len, view->len, view->readonly,
                         view->obj != NULL ? view->obj : Py_None);
}

static PyObject *
picklebuffer_release(PyObject *self, PyObject *pb)
{
    if (PyPickleBuffer_Release(pb) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* --- interpreter facts --- */

/* hash_funcdef(data) -> (name, hash_bits, seed_bits, hash of data) */
static PyObject *
hash_funcdef(PyObject *self, PyObject *args)
{
    const char *data;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#", &data, &len))
        return NULL;
    PyHash_FuncDef *def = PyHash_GetFuncDef();
    return Py_BuildValue("(siin)", def->name, def->hash_bits, def->seed_bits, def->hash(data, len));
}

/* stack_effect(opcode, oparg[, jump]) -> the effect, None for PY_INVALID_STACK_EFFECT */
static PyObject *
stack_effect(PyObject *self, PyObject *args)
{
    int opcode, oparg, jump = -2;
    if (!PyArg_ParseTuple(args, "ii|i", &opcode, &oparg, &jump))
        return NULL;
    int r = jump == -2 ? PyCompile_OpcodeStackEffect(opcode, oparg)
                       : PyCompile_OpcodeStackEffectWithJump(opcode, oparg, jump);
    if (PyErr_Occurred())
        return NULL;
    if (r == PY_INVALID_STACK_EFFECT)
        Py_RETURN_NONE;
    return PyLong_FromLong(r);
}

/* token_of(text) -> the token PyToken_{One,Two,Three}Char(s) give for 1-3 chars */
static PyObject *
token_of(PyObject *self, PyObject *args)
{
    const char *s;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "s#", &s, &n))
        return NULL;
    switch (n) {
    case 1: return PyLong_FromLong(PyToken_OneChar(s[0]));
    case 2: return PyLong_FromLong(PyToken_TwoChars(s[0], s[1]));
    case 3: return PyLong_FromLong(PyToken_ThreeChars(s[0], s[1], s[2]));
    }
    return PyErr_Format(PyExc_ValueError, "1 to 3 characters");
}

static PyObject *
sys_set_path(PyObject *self, PyObject *arg)
{
    wchar_t *w = PyUnicode_AsWideCharString(arg, NULL);
    if (w == NULL)
        return NULL;
    PySys_SetPath(w);
    PyMem_Free(w);
    Py_RETURN_NONE;
}

/* release_and_acquire(callable) -> callable(), called after the GIL was
 * dropped and taken again with the deprecated pair */
static PyObject *
release_and_acquire(PyObject *self, PyObject *callable)
{
    PyEval_ReleaseLock();
    PyEval_AcquireLock();
    return PyObject_CallNoArgs(callable);
}

/* --- allocators --- */

static PyMemAllocatorEx old_raw;
static size_t raw_calls;

static void *
hook_malloc(void *ctx, size_t n)
{
    raw_calls++;
    return old_raw.malloc(old_raw.ctx, n);
}

static void *
hook_calloc(void *ctx, size_t n, size_t size)
{
    raw_calls++;
    return old_raw.calloc(old_raw.ctx, n, size);
}

static void *
hook_realloc(void *ctx, void *p, size_t n)
{
    raw_calls++;
    return old_raw.realloc(old_raw.ctx, p, n);
}

static void
hook_free(void *ctx, void *p)
{
    raw_calls++;
    old_raw.free(old_raw.ctx, p);
}

/* raw_hook() -> (calls seen while hooked, calls seen after restoring) */
static PyObject *
raw_hook(PyObject *self, PyObject *unused)
{
    PyMemAllocatorEx hook = {NULL, hook_malloc, hook_calloc, hook_realloc, hook_free};
    PyMem_GetAllocator(PYMEM_DOMAIN_RAW, &old_raw);
    raw_calls = 0;
    PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &hook);
    char *p = PyMem_RawMalloc(10);
    p = PyMem_RawRealloc(p, 20);
    char *q = PyMem_RawCalloc(2, 3);
    PyMem_RawFree(p);
    PyMem_RawFree(q);
    PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &old_raw);
    size_t hooked = raw_calls;
    PyMem_RawFree(PyMem_RawMalloc(1));
    return Py_BuildValue("(nn)", (Py_ssize_t)hooked, (Py_ssize_t)(raw_calls - hooked));
}

/* mem_allocator_roundtrip() -> True: the MEM and OBJ allocators set back as they were */
static PyObject *
mem_allocator_roundtrip(PyObject *self, PyObject *unused)
{
    PyMemAllocatorEx mem, obj;
    PyMem_GetAllocator(PYMEM_DOMAIN_MEM, &mem);
    PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &obj);
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &mem);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &obj);
    void *p = mem.malloc(mem.ctx, 16);
    void *q = PyMem_Realloc(p, 32);
    PyMem_Free(q);
    void *o = obj.calloc(obj.ctx, 4, 4);
    int zero = o != NULL && ((char *)o)[15] == 0;
    obj.free(obj.ctx, o);
    return PyBool_FromLong(q != NULL && zero);
}

static PyMethodDef methods[] = {
    {"raw_hook", raw_hook, METH_NOARGS, NULL},
    {"mem_allocator_roundtrip", mem_allocator_roundtrip, METH_NOARGS, NULL},
    {"member_get", member_get, METH_VARARGS, NULL},
    {"member_set", member_set, METH_VARARGS, NULL},
    {"weaklist_is_field", weaklist_is_field, METH_O, NULL},
    {"cfunc_fields", cfunc_fields, METH_O, NULL},
    {"cfunc_self", cfunc_self, METH_O, NULL},
    {"cfunc_call", cfunc_call, METH_VARARGS, NULL},
    {"meth_o", meth_o, METH_O, NULL},
    {"make_pair", make_pair, METH_VARARGS, NULL},
    {"pair_item", pair_item, METH_VARARGS, NULL},
    {"exception_class_name", exception_class_name, METH_O, NULL},
    {"module_filename", module_filename, METH_O, NULL},
    {"dict_pop", dict_pop, METH_VARARGS, NULL},
    {"get_method", get_method, METH_VARARGS, NULL},
    {"is_gc", is_gc, METH_O, NULL},
    {"supports_weakrefs", supports_weakrefs, METH_O, NULL},
    {"as_char_buffer", as_char_buffer, METH_O, NULL},
    {"as_read_buffer", as_read_buffer, METH_O, NULL},
    {"fill_write_buffer", fill_write_buffer, METH_VARARGS, NULL},
    {"check_read_buffer", check_read_buffer, METH_O, NULL},
    {"old_buffer_null_args", old_buffer_null_args, METH_NOARGS, NULL},
    {"picklebuffer_from", picklebuffer_from, METH_O, NULL},
    {"picklebuffer_view", picklebuffer_view, METH_O, NULL},
    {"picklebuffer_release", picklebuffer_release, METH_O, NULL},
    {"hash_funcdef", hash_funcdef, METH_VARARGS, NULL},
    {"stack_effect", stack_effect, METH_VARARGS, NULL},
    {"token_of", token_of, METH_VARARGS, NULL},
    {"sys_set_path", sys_set_path, METH_O, NULL},
    {"release_and_acquire", release_and_acquire, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef static_def = {"meth_static", meth_static, METH_VARARGS | METH_STATIC, NULL};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_helpers", "Small functions of the C API.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_helpers(void)
{
    if (PyType_Ready(&RecType) < 0)
        return NULL;
    PairType = PyStructSequence_NewType(&pair_desc);
    if (PairType == NULL)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    PyObject *st = PyCFunction_New(&static_def, m);
    if (PyModule_AddObjectRef(m, "Rec", (PyObject *)&RecType) < 0 ||
        PyModule_AddObjectRef(m, "Pair", (PyObject *)PairType) < 0 || st == NULL ||
        PyModule_AddObject(m, "meth_static", st) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
