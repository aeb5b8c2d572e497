/* capi_funcs: Python functions, code objects and contexts made and changed
 * from C (cpython/funcobject.h, cpython/code.h, cpython/context.h).
 *
 * Getters that may return NULL without an exception report that as the
 * module's NULL sentinel, and setters take it to mean "pass NULL".
 * Driver: test_capi_funcs.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>
#include <string.h>

static PyObject *null_sentinel;

static PyObject *
arg_or_null(PyObject *o)
{
    return o == null_sentinel ? NULL : o;
}

/* A borrowed result (NULL without an exception: the sentinel) as a new
 * reference. */
static PyObject *
borrowed_result(PyObject *r)
{
    if (r == NULL)
        return PyErr_Occurred() ? NULL : Py_NewRef(null_sentinel);
    return Py_NewRef(r);
}

static PyObject *
status(int r)
{
    if (r < 0)
        return NULL;
    return PyLong_FromLong(r);
}

/* --- functions ----------------------------------------------------------- */

static PyObject *
function_new(PyObject *self, PyObject *args)
{
    PyObject *code, *globals, *qualname = NULL;
    if (!PyArg_ParseTuple(args, "OO|O", &code, &globals, &qualname))
        return NULL;
    if (qualname == NULL)
        return PyFunction_New(arg_or_null(code), arg_or_null(globals));
    return PyFunction_NewWithQualName(arg_or_null(code), arg_or_null(globals), arg_or_null(qualname));
}

static PyObject *
function_get(PyObject *self, PyObject *args)
{
    const char *what;
    PyObject *f;
    if (!PyArg_ParseTuple(args, "sO", &what, &f))
        return NULL;
    PyObject *r;
    if (strcmp(what, "code") == 0)
        r = PyFunction_GetCode(f);
    else if (strcmp(what, "globals") == 0)
        r = PyFunction_GetGlobals(f);
    else if (strcmp(what, "module") == 0)
        r = PyFunction_GetModule(f);
    else if (strcmp(what, "defaults") == 0)
        r = PyFunction_GetDefaults(f);
    else if (strcmp(what, "kwdefaults") == 0)
        r = PyFunction_GetKwDefaults(f);
    else if (strcmp(what, "closure") == 0)
        r = PyFunction_GetClosure(f);
    else if (strcmp(what, "annotations") == 0)
        r = PyFunction_GetAnnotations(f);
    else
        return PyErr_Format(PyExc_ValueError, "unknown getter %s", what);
    return borrowed_result(r);
}

static PyObject *
function_set(PyObject *self, PyObject *args)
{
    const char *what;
    PyObject *f, *value;
    if (!PyArg_ParseTuple(args, "sOO", &what, &f, &value))
        return NULL;
    value = arg_or_null(value);
    if (strcmp(what, "defaults") == 0)
        return status(PyFunction_SetDefaults(f, value));
    if (strcmp(what, "kwdefaults") == 0)
        return status(PyFunction_SetKwDefaults(f, value));
    if (strcmp(what, "closure") == 0)
        return status(PyFunction_SetClosure(f, value));
    if (strcmp(what, "annotations") == 0)
        return status(PyFunction_SetAnnotations(f, value));
    return PyErr_Format(PyExc_ValueError, "unknown setter %s", what);
}

/* The defaults a function keeps, read through a borrowed reference held
 * across a collection and the allocations of a few thousand objects. */
static PyObject *
defaults_kept_borrowed(PyObject *self, PyObject *f)
{
    PyObject *defaults = PyFunction_GetDefaults(f);
    if (defaults == NULL)
        return borrowed_result(NULL);
    PyObject *gc = PyImport_ImportModule("gc");
    if (gc == NULL)
        return NULL;
    for (int i = 0; i < 3000; i++) {
        PyObject *junk = Py_BuildValue("(is)", i, "junk");
        if (junk == NULL) {
            Py_DECREF(gc);
            return NULL;
        }
        Py_DECREF(junk);
    }
    PyObject *r = PyObject_CallMethod(gc, "collect", NULL);
    Py_DECREF(gc);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return PyTuple_GetSlice(defaults, 0, PyTuple_GET_SIZE(defaults));
}

/* A function made in C that C alone holds, then handed to Python. */
static PyObject *
function_from_c(PyObject *self, PyObject *args)
{
    PyObject *code, *globals;
    if (!PyArg_ParseTuple(args, "OO", &code, &globals))
        return NULL;
    PyObject *f = PyFunction_New(code, globals);
    if (f == NULL)
        return NULL;
    PyObject *defaults = Py_BuildValue("(is)", 40, "two");
    if (defaults == NULL || PyFunction_SetDefaults(f, defaults) < 0) {
        Py_XDECREF(defaults);
        Py_DECREF(f);
        return NULL;
    }
    Py_DECREF(defaults); /* the function holds it now */
    return f;
}

/* --- code objects -------------------------------------------------------- */

static PyObject *
code_new(PyObject *self, PyObject *args)
{
    int posonly_api, argcount, posonly, kwonly, nlocals, stacksize, flags, firstlineno;
    PyObject *code, *consts, *names, *varnames, *freevars, *cellvars, *filename, *name, *qualname, *linetable,
        *exceptiontable;
    if (!PyArg_ParseTuple(args, "piiiiiiOOOOOOOOOiOO", &posonly_api, &argcount, &posonly, &kwonly, &nlocals,
                          &stacksize, &flags, &code, &consts, &names, &varnames, &freevars, &cellvars, &filename,
                          &name, &qualname, &firstlineno, &linetable, &exceptiontable))
        return NULL;
    if (posonly_api)
        return (PyObject *)PyCode_NewWithPosOnlyArgs(argcount, posonly, kwonly, nlocals, stacksize, flags, code,
                                                     consts, names, varnames, freevars, cellvars, filename, name,
                                                     qualname, firstlineno, linetable, exceptiontable);
    return (PyObject *)PyCode_New(argcount, kwonly, nlocals, stacksize, flags, code, consts, names, varnames,
                                  freevars, cellvars, filename, name, qualname, firstlineno, linetable,
                                  exceptiontable);
}

static PyObject *
code_get(PyObject *self, PyObject *args)
{
    const char *what;
    PyObject *co;
    if (!PyArg_ParseTuple(args, "sO!", &what, &PyCode_Type, &co))
        return NULL;
    if (strcmp(what, "code") == 0)
        return PyCode_GetCode((PyCodeObject *)co);
    if (strcmp(what, "varnames") == 0)
        return PyCode_GetVarnames((PyCodeObject *)co);
    if (strcmp(what, "cellvars") == 0)
        return PyCode_GetCellvars((PyCodeObject *)co);
    if (strcmp(what, "freevars") == 0)
        return PyCode_GetFreevars((PyCodeObject *)co);
    if (strcmp(what, "fields") == 0) {
        PyCodeObject *c = (PyCodeObject *)co;
        return Py_BuildValue("(iiiiiOO)", c->co_argcount, c->co_posonlyargcount, c->co_kwonlyargcount,
                             c->co_firstlineno, c->co_flags, c->co_name, c->co_filename);
    }
    return PyErr_Format(PyExc_ValueError, "unknown getter %s", what);
}

/* PyCode_Addr2Location of a frame's current instruction, or of `addr`. */
static PyObject *
frame_location(PyObject *self, PyObject *args)
{
    PyObject *frame;
    int addr = 0, use_addr = 0;
    if (!PyArg_ParseTuple(args, "O!|i", &PyFrame_Type, &frame, &addr))
        return NULL;
    use_addr = PyTuple_GET_SIZE(args) > 1;
    PyCodeObject *code = PyFrame_GetCode((PyFrameObject *)frame);
    if (!use_addr)
        addr = PyFrame_GetLasti((PyFrameObject *)frame);
    int sl = -7, sc = -7, el = -7, ec = -7;
    int r = PyCode_Addr2Location(code, addr, &sl, &sc, &el, &ec);
    Py_DECREF(code);
    return Py_BuildValue("(iiiii)", r, sl, sc, el, ec);
}

static PyObject *
code_optimize(PyObject *self, PyObject *code)
{
    return PyCode_Optimize(code, Py_None, Py_None, Py_None);
}

/* --- contexts ------------------------------------------------------------ */

static PyObject *
context_new(PyObject *self, PyObject *unused)
{
    return PyContext_New();
}

static PyObject *
context_copy(PyObject *self, PyObject *ctx)
{
    return PyContext_Copy(ctx);
}

static PyObject *
context_copy_current(PyObject *self, PyObject *unused)
{
    return PyContext_CopyCurrent();
}

static PyObject *
context_enter(PyObject *self, PyObject *ctx)
{
    return status(PyContext_Enter(ctx));
}

static PyObject *
context_exit(PyObject *self, PyObject *ctx)
{
    return status(PyContext_Exit(ctx));
}

static PyObject *
contextvar_reset(PyObject *self, PyObject *args)
{
    PyObject *var, *token;
    if (!PyArg_ParseTuple(args, "OO", &var, &token))
        return NULL;
    return status(PyContextVar_Reset(var, token));
}

/* Calls fn() inside ctx, entered and left from C; ctx is left also when fn
 * raises, and the call's exception wins over none from leaving. */
static PyObject *
run_in_context(PyObject *self, PyObject *args)
{
    PyObject *ctx, *fn;
    if (!PyArg_ParseTuple(args, "OO", &ctx, &fn))
        return NULL;
    if (PyContext_Enter(ctx) < 0)
        return NULL;
    PyObject *r = PyObject_CallNoArgs(fn);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (PyContext_Exit(ctx) < 0) {
        Py_XDECREF(r);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return NULL;
    }
    PyErr_Restore(type, value, tb);
    return r;
}

static PyMethodDef methods[] = {
    {"function_new", function_new, METH_VARARGS, NULL},
    {"function_get", function_get, METH_VARARGS, NULL},
    {"function_set", function_set, METH_VARARGS, NULL},
    {"defaults_kept_borrowed", defaults_kept_borrowed, METH_O, NULL},
    {"function_from_c", function_from_c, METH_VARARGS, NULL},
    {"code_new", code_new, METH_VARARGS, NULL},
    {"code_get", code_get, METH_VARARGS, NULL},
    {"frame_location", frame_location, METH_VARARGS, NULL},
    {"code_optimize", code_optimize, METH_O, NULL},
    {"context_new", context_new, METH_NOARGS, NULL},
    {"context_copy", context_copy, METH_O, NULL},
    {"context_copy_current", context_copy_current, METH_NOARGS, NULL},
    {"context_enter", context_enter, METH_O, NULL},
    {"context_exit", context_exit, METH_O, NULL},
    {"contextvar_reset", contextvar_reset, METH_VARARGS, NULL},
    {"run_in_context", run_in_context, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_funcs", "Functions, code objects and contexts from C.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_funcs(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    null_sentinel = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (null_sentinel == NULL || PyModule_AddObjectRef(m, "NULL", null_sentinel) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
