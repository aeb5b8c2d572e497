/* capi_errors: raising, inspecting and clearing exceptions from C.
 *
 * Covers PyErr_SetString/SetObject/SetNone/Format, PyErr_Occurred/Clear,
 * Fetch/Restore/NormalizeException, ExceptionMatches/GivenExceptionMatches,
 * NewException(WithDoc), SetFromErrno(WithFilename), WarnEx/WarnFormat,
 * WriteUnraisable, Get/SetExcInfo, exception cause/context,
 * Py_EnterRecursiveCall, and the
 * runtime's SystemError for a C function that breaks the NULL-means-error
 * contract.  Driver: test_capi_errors.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <frameobject.h>

/* Created at import time with PyErr_NewException(WithDoc). */
static PyObject *CustomError;
static PyObject *DetailedError;

static PyObject *
raise_string(PyObject *self, PyObject *args)
{
    PyObject *type;
    const char *msg;
    if (!PyArg_ParseTuple(args, "Os", &type, &msg))
        return NULL;
    PyErr_SetString(type, msg);
    return NULL;
}

static PyObject *
raise_object(PyObject *self, PyObject *args)
{
    PyObject *type, *value;
    if (!PyArg_ParseTuple(args, "OO", &type, &value))
        return NULL;
    PyErr_SetObject(type, value);
    return NULL;
}

static PyObject *
raise_none(PyObject *self, PyObject *type)
{
    PyErr_SetNone(type);
    return NULL;
}

/* PyErr_Format returns NULL so that it can end a function in one line. */
static PyObject *
raise_format(PyObject *self, PyObject *obj)
{
    return PyErr_Format(PyExc_ValueError, "%s=%d, obj=%R, str=%S, %%, size=%zd", "x", 42,
                        obj, obj, (Py_ssize_t)-3);
}

static PyObject *
raise_custom(PyObject *self, PyObject *msg)
{
    PyErr_SetObject(CustomError, msg);
    return NULL;
}

/* Call `callable`; it must raise.  Fetch the exception (type, value,
 * traceback), check that nothing is pending any more, and return the
 * normalised triple. */
static PyObject *
fetch(PyObject *self, PyObject *callable)
{
    PyObject *result = PyObject_CallNoArgs(callable);
    if (result != NULL) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_AssertionError, "fetch: the callable did not raise");
        return NULL;
    }
    if (PyErr_Occurred() == NULL) {
        PyErr_SetString(PyExc_AssertionError, "fetch: NULL result but no exception");
        return NULL;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (PyErr_Occurred() != NULL) {
        PyErr_SetString(PyExc_AssertionError, "fetch: exception still set after PyErr_Fetch");
        return NULL;
    }
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb != NULL)
        PyException_SetTraceback(value, tb);
    return Py_BuildValue("(NNN)", type, value, tb ? tb : Py_NewRef(Py_None));
}

/* Fetch the exception `callable` raises and put it back untouched: the caller
 * must see the very same exception object. */
static PyObject *
fetch_restore(PyObject *self, PyObject *callable)
{
    PyObject *result = PyObject_CallNoArgs(callable);
    if (result != NULL)
        return result;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    /* Allocation between fetch and restore must not disturb the saved error. */
    PyObject *junk = Py_BuildValue("[iii]", 1, 2, 3);
    Py_XDECREF(junk);
    PyErr_Restore(type, value, tb);
    return NULL;
}

/* Call `callable`, swallow what it raises, report whether it raised. */
static PyObject *
call_and_clear(PyObject *self, PyObject *callable)
{
    PyObject *result = PyObject_CallNoArgs(callable);
    if (result != NULL) {
        Py_DECREF(result);
        Py_RETURN_FALSE;
    }
    PyErr_Clear();
    if (PyErr_Occurred() != NULL) {
        PyErr_SetString(PyExc_AssertionError, "call_and_clear: PyErr_Clear left an error");
        return NULL;
    }
    Py_RETURN_TRUE;
}

/* Call `callable` and pass whatever happens straight through. */
static PyObject *
call_through(PyObject *self, PyObject *callable)
{
    return PyObject_CallNoArgs(callable);
}

/* matches(callable, cls): does the exception `callable` raises match `cls`
 * (a class or tuple of classes) according to PyErr_ExceptionMatches? */
static PyObject *
matches(PyObject *self, PyObject *args)
{
    PyObject *callable, *cls;
    if (!PyArg_ParseTuple(args, "OO", &callable, &cls))
        return NULL;
    PyObject *result = PyObject_CallNoArgs(callable);
    if (result != NULL) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_AssertionError, "matches: the callable did not raise");
        return NULL;
    }
    int m = PyErr_ExceptionMatches(cls);
    PyErr_Clear();
    return PyBool_FromLong(m);
}

static PyObject *
given_matches(PyObject *self, PyObject *args)
{
    PyObject *given, *cls;
    if (!PyArg_ParseTuple(args, "OO", &given, &cls))
        return NULL;
    return PyBool_FromLong(PyErr_GivenExceptionMatches(given, cls));
}

/* set_from_errno(errno[, filename]) */
static PyObject *
set_from_errno(PyObject *self, PyObject *args)
{
    int err;
    const char *filename = NULL;
    if (!PyArg_ParseTuple(args, "i|s", &err, &filename))
        return NULL;
    errno = err;
    if (filename != NULL)
        return PyErr_SetFromErrnoWithFilename(PyExc_OSError, filename);
    return PyErr_SetFromErrno(PyExc_OSError);
}

/* warn(category, message, stacklevel) -> PyErr_WarnEx's result when it did
 * not turn into an error. */
static PyObject *
warn(PyObject *self, PyObject *args)
{
    PyObject *category;
    const char *message;
    Py_ssize_t stacklevel;
    if (!PyArg_ParseTuple(args, "Osn", &category, &message, &stacklevel))
        return NULL;
    if (PyErr_WarnEx(category, message, stacklevel) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
warn_format(PyObject *self, PyObject *arg)
{
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "value %d is deprecated (%U)", 7,
                         arg) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Breaks the contract: NULL without an exception.  The runtime must turn this
 * into a SystemError rather than crash or return None. */
static PyObject *
null_without_exception(PyObject *self, PyObject *unused)
{
    return NULL;
}

/* Breaks the contract the other way: a result with an exception pending. */
static PyObject *
result_with_exception(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_ValueError, "left pending");
    Py_RETURN_NONE;
}

static PyObject *
bad_argument(PyObject *self, PyObject *unused)
{
    PyErr_BadArgument();
    return NULL;
}

static PyObject *
no_memory(PyObject *self, PyObject *unused)
{
    return PyErr_NoMemory();
}

static PyObject *
bad_internal_call(PyObject *self, PyObject *unused)
{
    PyErr_BadInternalCall();
    return NULL;
}

/* Report an exception that cannot propagate: it goes to sys.unraisablehook
 * with `obj` as the context object. */
static PyObject *
write_unraisable(PyObject *self, PyObject *obj)
{
    PyErr_SetString(PyExc_RuntimeError, "nobody can catch this");
    PyErr_WriteUnraisable(obj);
    if (PyErr_Occurred() != NULL) {
        PyErr_SetString(PyExc_AssertionError, "WriteUnraisable left an error set");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The exception being handled by the caller's `except` block. */
static PyObject *
get_exc_info(PyObject *self, PyObject *unused)
{
    PyObject *type, *value, *tb;
    PyErr_GetExcInfo(&type, &value, &tb);
    return Py_BuildValue("(NNN)", type ? type : Py_NewRef(Py_None),
                         value ? value : Py_NewRef(Py_None), tb ? tb : Py_NewRef(Py_None));
}

/* The handled exception read and written through the thread state's
 * exc_info directly, as Cython 3's __Pyx_ExceptionSave/Reset do. */
static PyObject *
read_exc_info_value(PyObject *self, PyObject *unused)
{
    PyObject *value = PyThreadState_Get()->exc_info->exc_value;
    return Py_NewRef(value != NULL ? value : Py_None);
}

static PyObject *
write_exc_info_value(PyObject *self, PyObject *value)
{
    _PyErr_StackItem *info = PyThreadState_Get()->exc_info;
    PyObject *old = info->exc_value;
    info->exc_value = value == Py_None ? NULL : Py_NewRef(value);
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

/* Raise CustomError("outer") whose __cause__ is the exception `callable`
 * raised, as `raise CustomError("outer") from exc` would. */
static PyObject *
raise_with_cause(PyObject *self, PyObject *callable)
{
    PyObject *result = PyObject_CallNoArgs(callable);
    if (result != NULL) {
        Py_DECREF(result);
        Py_RETURN_NONE;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb != NULL)
        PyException_SetTraceback(value, tb);
    Py_DECREF(type);
    Py_XDECREF(tb);
    PyObject *outer = PyObject_CallFunction(CustomError, "s", "outer");
    if (outer == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    PyException_SetCause(outer, value); /* steals value */
    PyErr_SetObject(CustomError, outer);
    Py_DECREF(outer);
    return NULL;
}

/* (PyException_GetCause, PyException_GetContext, PyException_GetTraceback is
 * not None) of an exception instance. */
static PyObject *
exception_links(PyObject *self, PyObject *exc)
{
    if (!PyExceptionInstance_Check(exc)) {
        PyErr_SetString(PyExc_TypeError, "exception_links: not an exception instance");
        return NULL;
    }
    PyObject *cause = PyException_GetCause(exc);
    PyObject *context = PyException_GetContext(exc);
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *has_tb = PyBool_FromLong(tb != NULL && tb != Py_None);
    Py_XDECREF(tb);
    return Py_BuildValue("(NNN)", cause ? cause : Py_NewRef(Py_None),
                         context ? context : Py_NewRef(Py_None), has_tb);
}

static PyObject *
is_exception_class(PyObject *self, PyObject *obj)
{
    return PyBool_FromLong(PyExceptionClass_Check(obj));
}

static PyObject *
raise_import_error(PyObject *self, PyObject *args)
{
    PyObject *msg, *name, *path;
    if (!PyArg_ParseTuple(args, "UOO", &msg, &name, &path))
        return NULL;
    return PyErr_SetImportError(msg, name, path);
}

/* recurse(callable): call callable() under Py_EnterRecursiveCall.  A
 * callable that calls recurse again loops Python -> C -> Python; the guard
 * (together with the interpreter's own limit) must end it with a
 * RecursionError rather than a blown C stack. */
static PyObject *
recurse(PyObject *self, PyObject *callable)
{
    if (Py_EnterRecursiveCall(" in capi_errors.recurse"))
        return NULL;
    PyObject *r = PyObject_CallNoArgs(callable);
    Py_LeaveRecursiveCall();
    return r;
}

/* Raise ValueError and add a traceback entry for a C-level "function" the
 * way Cython does (PyCode_NewEmpty + PyFrame_New + PyTraceBack_Here), so the
 * traceback names C code that has no Python frame of its own. */
static PyObject *
raise_with_c_frame(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_ValueError, "raised in C");
    PyObject *type, *value, *tb;
    /* The error must not be pending while the code and frame are made. */
    PyErr_Fetch(&type, &value, &tb);
    PyCodeObject *code = PyCode_NewEmpty("capi_errors.c", "c_level_function", 123);
    PyFrameObject *frame = NULL;
    if (code != NULL)
        frame = PyFrame_New(PyThreadState_Get(), code, PyModule_GetDict(self), NULL);
    Py_XDECREF(code);
    PyErr_Restore(type, value, tb);
    if (frame != NULL) {
        PyTraceBack_Here(frame);
        Py_DECREF(frame);
    }
    return NULL;
}

static PyMethodDef capi_errors_methods[] = {
    {"raise_with_c_frame", raise_with_c_frame, METH_NOARGS, NULL},
    {"recurse", recurse, METH_O, NULL},
    {"raise_string", raise_string, METH_VARARGS, NULL},
    {"raise_object", raise_object, METH_VARARGS, NULL},
    {"raise_none", raise_none, METH_O, NULL},
    {"raise_format", raise_format, METH_O, NULL},
    {"raise_custom", raise_custom, METH_O, NULL},
    {"fetch", fetch, METH_O, NULL},
    {"fetch_restore", fetch_restore, METH_O, NULL},
    {"call_and_clear", call_and_clear, METH_O, NULL},
    {"call_through", call_through, METH_O, NULL},
    {"matches", matches, METH_VARARGS, NULL},
    {"given_matches", given_matches, METH_VARARGS, NULL},
    {"set_from_errno", set_from_errno, METH_VARARGS, NULL},
    {"warn", warn, METH_VARARGS, NULL},
    {"warn_format", warn_format, METH_O, NULL},
    {"null_without_exception", null_without_exception, METH_NOARGS, NULL},
    {"result_with_exception", result_with_exception, METH_NOARGS, NULL},
    {"bad_argument", bad_argument, METH_NOARGS, NULL},
    {"no_memory", no_memory, METH_NOARGS, NULL},
    {"bad_internal_call", bad_internal_call, METH_NOARGS, NULL},
    {"write_unraisable", write_unraisable, METH_O, NULL},
    {"get_exc_info", get_exc_info, METH_NOARGS, NULL},
    {"read_exc_info_value", read_exc_info_value, METH_NOARGS, NULL},
    {"write_exc_info_value", write_exc_info_value, METH_O, NULL},
    {"raise_with_cause", raise_with_cause, METH_O, NULL},
    {"exception_links", exception_links, METH_O, NULL},
    {"is_exception_class", is_exception_class, METH_O, NULL},
    {"raise_import_error", raise_import_error, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_errors_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_errors",
    .m_doc = "Exceptions and warnings from C.",
    .m_size = -1,
    .m_methods = capi_errors_methods,
};

PyMODINIT_FUNC
PyInit_capi_errors(void)
{
    PyObject *m = PyModule_Create(&capi_errors_def);
    if (m == NULL)
        return NULL;

    /* A class attribute passed through the dict argument. */
    PyObject *dict = Py_BuildValue("{si}", "code", 17);
    if (dict == NULL)
        goto error;
    CustomError = PyErr_NewException("capi_errors.CustomError", NULL, dict);
    Py_DECREF(dict);
    if (CustomError == NULL || PyModule_AddObjectRef(m, "CustomError", CustomError) < 0)
        goto error;

    /* Two bases, given as a tuple, and a docstring. */
    PyObject *bases = PyTuple_Pack(2, CustomError, PyExc_KeyError);
    if (bases == NULL)
        goto error;
    DetailedError = PyErr_NewExceptionWithDoc("capi_errors.DetailedError",
                                              "A CustomError that is also a KeyError.",
                                              bases, NULL);
    Py_DECREF(bases);
    if (DetailedError == NULL || PyModule_AddObjectRef(m, "DetailedError", DetailedError) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
