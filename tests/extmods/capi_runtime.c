/* capi_runtime: the runtime services extensions call into.
 *
 * Importing (PyImport_ImportModule, PyImport_Import, ImportModuleLevel with
 * a fromlist, AddModule, GetModuleDict), the sys module (PySys_GetObject,
 * SetObject, WriteStdout), running code (PyRun_String, Py_CompileString +
 * PyEval_EvalCode), the caller's frame (PyEval_GetGlobals, GetBuiltins,
 * GetFrame, PyFrame_GetCode / GetLineNumber), small object families that
 * have no module of their own (slices, cells, bound methods, builtin
 * functions made at run time), the memory allocators, and version and
 * formatting helpers.  Driver: test_capi_runtime.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---- import ----------------------------------------------------------- */

static PyObject *
import_module(PyObject *self, PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL)
        return NULL;
    return PyImport_ImportModule(s);
}

static PyObject *
import_object(PyObject *self, PyObject *name)
{
    return PyImport_Import(name);
}

/* import_from(module, name): `from module import name` through
 * PyImport_ImportModuleLevel with a fromlist; returns the attribute. */
static PyObject *
import_from(PyObject *self, PyObject *args)
{
    const char *module;
    PyObject *name;
    if (!PyArg_ParseTuple(args, "sU", &module, &name))
        return NULL;
    PyObject *fromlist = PyTuple_Pack(1, name);
    if (fromlist == NULL)
        return NULL;
    PyObject *mod = PyImport_ImportModuleLevel(module, NULL, NULL, fromlist, 0);
    Py_DECREF(fromlist);
    if (mod == NULL)
        return NULL;
    PyObject *attr = PyObject_GetAttr(mod, name);
    Py_DECREF(mod);
    return attr;
}

/* add_module(name) -> (the module PyImport_AddModule returns, whether it is
 * sys.modules[name] as seen through PyImport_GetModuleDict) */
static PyObject *
add_module(PyObject *self, PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL)
        return NULL;
    PyObject *mod = PyImport_AddModule(s); /* borrowed */
    if (mod == NULL)
        return NULL;
    PyObject *modules = PyImport_GetModuleDict(); /* borrowed */
    PyObject *entry = PyDict_GetItemWithError(modules, name);
    if (entry == NULL && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(ON)", mod, PyBool_FromLong(entry == mod));
}

/* ---- sys -------------------------------------------------------------- */

static PyObject *
sys_get(PyObject *self, PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL)
        return NULL;
    PyObject *v = PySys_GetObject(s); /* borrowed, no exception when missing */
    return Py_NewRef(v ? v : Py_None);
}

static PyObject *
sys_set(PyObject *self, PyObject *args)
{
    const char *name;
    PyObject *v;
    if (!PyArg_ParseTuple(args, "sO", &name, &v))
        return NULL;
    if (PySys_SetObject(name, v == Py_None ? NULL : v) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Writes through sys.stdout, so redirecting sys.stdout captures it. */
static PyObject *
sys_write(PyObject *self, PyObject *args)
{
    const char *s;
    int n;
    if (!PyArg_ParseTuple(args, "si", &s, &n))
        return NULL;
    PySys_WriteStdout("%s=%d\n", s, n);
    PySys_FormatStdout("%R!\n", PyTuple_GET_ITEM(args, 0));
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

/* ---- running code ----------------------------------------------------- */

/* run_string(source, mode, globals[, locals]) with mode "eval", "exec" or
 * "single". */
static PyObject *
run_string(PyObject *self, PyObject *args)
{
    const char *source, *mode;
    PyObject *globals, *locals = NULL;
    if (!PyArg_ParseTuple(args, "ssO!|O", &source, &mode, &PyDict_Type, &globals, &locals))
        return NULL;
    int start = strcmp(mode, "eval") == 0   ? Py_eval_input
                : strcmp(mode, "exec") == 0 ? Py_file_input
                                            : Py_single_input;
    return PyRun_String(source, start, globals, locals ? locals : globals);
}

/* compile_eval(source, filename, globals): compile to a code object in C,
 * then evaluate it; returns (result, code.co_filename). */
static PyObject *
compile_eval(PyObject *self, PyObject *args)
{
    const char *source, *filename;
    PyObject *globals;
    if (!PyArg_ParseTuple(args, "ssO!", &source, &filename, &PyDict_Type, &globals))
        return NULL;
    PyObject *code = Py_CompileString(source, filename, Py_eval_input);
    if (code == NULL)
        return NULL;
    PyObject *result = PyEval_EvalCode(code, globals, globals);
    if (result == NULL) {
        Py_DECREF(code);
        return NULL;
    }
    PyObject *fn = PyObject_GetAttrString(code, "co_filename");
    Py_DECREF(code);
    return Py_BuildValue("(NN)", result, fn);
}

/* ---- the calling frame ------------------------------------------------ */

/* caller() -> (PyEval_GetGlobals(), PyEval_GetBuiltins(), the caller's code
 * name, its current line) for the Python function that called us. */
static PyObject *
caller(PyObject *self, PyObject *unused)
{
    PyObject *globals = PyEval_GetGlobals();   /* borrowed */
    PyObject *builtins = PyEval_GetBuiltins(); /* borrowed */
    PyFrameObject *frame = PyEval_GetFrame();  /* borrowed */
    if (globals == NULL || builtins == NULL || frame == NULL) {
        PyErr_SetString(PyExc_AssertionError, "no Python frame");
        return NULL;
    }
    PyCodeObject *code = PyFrame_GetCode(frame); /* new reference */
    PyObject *name = PyObject_GetAttrString((PyObject *)code, "co_name");
    Py_DECREF(code);
    if (name == NULL)
        return NULL;
    return Py_BuildValue("(OONi)", globals, builtins, name, PyFrame_GetLineNumber(frame));
}

/* ---- small object families -------------------------------------------- */

/* slice_indices(start, stop, step, length) -> (slice object,
 * PySlice_GetIndicesEx's (start, stop, step, slicelength)) */
static PyObject *
slice_indices(PyObject *self, PyObject *args)
{
    PyObject *start, *stop, *step;
    Py_ssize_t length;
    if (!PyArg_ParseTuple(args, "OOOn", &start, &stop, &step, &length))
        return NULL;
    PyObject *slice = PySlice_New(start, stop, step);
    if (slice == NULL)
        return NULL;
    Py_ssize_t b, e, s, n;
    if (PySlice_GetIndicesEx(slice, length, &b, &e, &s, &n) < 0) {
        Py_DECREF(slice);
        return NULL;
    }
    return Py_BuildValue("(N(nnnn))", slice, b, e, s, n);
}

/* cell(value) -> (a new cell, PyCell_Get before, cell after PyCell_Set(value*2)) */
static PyObject *
cell(PyObject *self, PyObject *value)
{
    PyObject *c = PyCell_New(value);
    if (c == NULL)
        return NULL;
    PyObject *before = PyCell_Get(c); /* new reference */
    PyObject *doubled = PyNumber_Add(value, value);
    if (before == NULL || doubled == NULL || PyCell_Set(c, doubled) < 0) {
        Py_XDECREF(before);
        Py_XDECREF(doubled);
        Py_DECREF(c);
        return NULL;
    }
    Py_DECREF(doubled);
    return Py_BuildValue("(NN)", c, before);
}

/* bind(func, obj) -> a bound method made with PyMethod_New. */
static PyObject *
bind(PyObject *self, PyObject *args)
{
    PyObject *func, *obj;
    if (!PyArg_ParseTuple(args, "OO", &func, &obj))
        return NULL;
    return PyMethod_New(func, obj);
}

static PyObject *
made_at_runtime(PyObject *self, PyObject *arg)
{
    /* `self` is what PyCFunction_NewEx bound: the module-independent tag. */
    return Py_BuildValue("(OO)", self, arg);
}

static PyMethodDef runtime_def = {"made_at_runtime", made_at_runtime, METH_O,
                                  "A builtin created by PyCFunction_NewEx."};

/* make_builtin(tag) -> a builtin function whose self is `tag`. */
static PyObject *
make_builtin(PyObject *self, PyObject *tag)
{
    return PyCFunction_NewEx(&runtime_def, tag, NULL);
}

/* ---- memory ----------------------------------------------------------- */

/* Exercise every allocator family: grow a block with realloc and check the
 * old contents survived; calloc must zero. */
static int
check_family(void *(*alloc)(size_t), void *(*calloc_)(size_t, size_t),
             void *(*realloc_)(void *, size_t), void (*free_)(void *), size_t n)
{
    unsigned char *p = alloc(n);
    if (p == NULL)
        return 0;
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)i;
    unsigned char *q = realloc_(p, 4 * n);
    if (q == NULL) {
        free_(p);
        return 0;
    }
    int ok = 1;
    for (size_t i = 0; i < n; i++)
        ok &= q[i] == (unsigned char)i;
    free_(q);
    unsigned char *z = calloc_(n, 3);
    if (z == NULL)
        return 0;
    for (size_t i = 0; i < 3 * n; i++)
        ok &= z[i] == 0;
    free_(z);
    /* Zero-size requests return a unique non-NULL pointer. */
    void *zero = alloc(0);
    ok &= zero != NULL;
    free_(zero);
    return ok;
}

/* Requests no machine can satisfy return NULL (the caller raises
 * MemoryError), and a failed realloc leaves the block as it was. */
static PyObject *
huge_allocations(PyObject *self, PyObject *unused)
{
    size_t huge = (size_t)PY_SSIZE_T_MAX / 2;
    void *m = PyMem_Malloc(huge), *o = PyObject_Malloc(huge), *c = PyMem_Calloc(huge / 8, 8);
    char *p = PyMem_Malloc(16);
    if (p == NULL)
        return PyErr_NoMemory();
    strcpy(p, "still here");
    void *r = PyMem_Realloc(p, huge);
    int kept = strcmp(p, "still here") == 0;
    PyMem_Free(p);
    return Py_BuildValue("(NNNNN)", PyBool_FromLong(m == NULL), PyBool_FromLong(o == NULL),
                         PyBool_FromLong(c == NULL), PyBool_FromLong(r == NULL), PyBool_FromLong(kept));
}

static PyObject *
memory_families(PyObject *self, PyObject *n_obj)
{
    Py_ssize_t n = PyLong_AsSsize_t(n_obj);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    int mem = check_family(PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free, (size_t)n);
    int obj = check_family(PyObject_Malloc, PyObject_Calloc, PyObject_Realloc, PyObject_Free,
                           (size_t)n);
    int raw = check_family(PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree,
                           (size_t)n);
    return Py_BuildValue("(NNN)", PyBool_FromLong(mem), PyBool_FromLong(obj),
                         PyBool_FromLong(raw));
}

/* ---- version, formatting, status -------------------------------------- */

static PyObject *
misc(PyObject *self, PyObject *unused)
{
    char buf[64];
    int n = PyOS_snprintf(buf, sizeof buf, "%d-%s-%.2f", 42, "x", 1.5);
    char small[5];
    PyOS_snprintf(small, sizeof small, "%s", "truncated"); /* always NUL-terminated */
    return Py_BuildValue("(ssisNN)", Py_GetVersion(), buf, n, small,
                         PyBool_FromLong(Py_IsInitialized()),
                         PyBool_FromLong(PyErr_CheckSignals() == 0));
}

static PyMethodDef capi_runtime_methods[] = {
    {"import_module", import_module, METH_O, NULL},
    {"import_object", import_object, METH_O, NULL},
    {"import_from", import_from, METH_VARARGS, NULL},
    {"add_module", add_module, METH_O, NULL},
    {"sys_get", sys_get, METH_O, NULL},
    {"sys_set", sys_set, METH_VARARGS, NULL},
    {"sys_write", sys_write, METH_VARARGS, NULL},
    {"run_string", run_string, METH_VARARGS, NULL},
    {"compile_eval", compile_eval, METH_VARARGS, NULL},
    {"caller", caller, METH_NOARGS, NULL},
    {"slice_indices", slice_indices, METH_VARARGS, NULL},
    {"cell", cell, METH_O, NULL},
    {"bind", bind, METH_VARARGS, NULL},
    {"make_builtin", make_builtin, METH_O, NULL},
    {"huge_allocations", huge_allocations, METH_NOARGS, NULL},
    {"memory_families", memory_families, METH_O, NULL},
    {"misc", misc, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_runtime_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_runtime",
    .m_doc = "Runtime services: import, sys, running code, frames, memory.",
    .m_size = -1,
    .m_methods = capi_runtime_methods,
};

PyMODINIT_FUNC
PyInit_capi_runtime(void)
{
    return PyModule_Create(&capi_runtime_def);
}
