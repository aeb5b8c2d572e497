/* An embedding program: starts the runtime from C, runs code, gets results
 * back through the C API, calls into Python and back into C, runs a script
 * file, and finalizes.  Built twice by tests/embed/meson.build: against
 * libtern.so (compat headers) and, when python3-embed is installed, against
 * libpython3.11; both must print embed_basic.expected exactly.
 *
 * Output goes through one unbuffered stream (stdout; tracebacks are sent
 * there too by redirecting sys.stderr) so that the order is deterministic. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#define CHECK(cond)                                                       \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,        \
                    __LINE__, #cond);                                     \
            if (PyErr_Occurred()) PyErr_Print();                          \
            exit(3);                                                      \
        }                                                                 \
    } while (0)

/* --- a module defined by the embedder ------------------------------------ */

static PyObject *
embedded_twice(PyObject *self, PyObject *arg)
{
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(2 * v);
}

/* call(f, n): f(n) called from C, so Python -> C -> Python nests. */
static PyObject *
embedded_call(PyObject *self, PyObject *args)
{
    PyObject *f, *n;
    if (!PyArg_ParseTuple(args, "OO", &f, &n))
        return NULL;
    return PyObject_CallOneArg(f, n);
}

static PyMethodDef embedded_methods[] = {
    {"twice", embedded_twice, METH_O, "2 * n"},
    {"call", embedded_call, METH_VARARGS, "f(n)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef embedded_def = {
    PyModuleDef_HEAD_INIT, "embedded", "defined by the host program", -1,
    embedded_methods,
};

/* Built-in modules of the host (PyImport_AppendInittab before
 * Py_Initialize): a single-phase one and a multi-phase one. */
static struct PyModuleDef hostmod_def = {
    PyModuleDef_HEAD_INIT, "hostmod", "single-phase, from the inittab", -1,
    embedded_methods,
};

static PyObject *
PyInit_hostmod(void)
{
    return PyModule_Create(&hostmod_def);
}

static int
hostmulti_exec(PyObject *module)
{
    return PyModule_AddIntConstant(module, "VALUE", 1234);
}

static PyModuleDef_Slot hostmulti_slots[] = {
    {Py_mod_exec, hostmulti_exec},
    {0, NULL},
};

static struct PyModuleDef hostmulti_def = {
    PyModuleDef_HEAD_INIT, "hostmulti", "multi-phase, from the inittab", 0,
    NULL, hostmulti_slots,
};

static PyObject *
PyInit_hostmulti(void)
{
    return PyModuleDef_Init(&hostmulti_def);
}

/* --- helpers ---------------------------------------------------------------- */

static void
print_repr(const char *label, PyObject *o)
{
    PyObject *r = PyObject_Repr(o);
    CHECK(r != NULL);
    printf("%s: %s\n", label, PyUnicode_AsUTF8(r));
    Py_DECREF(r);
}

/* The message of the pending exception, cleared. */
static void
print_error(const char *label)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    CHECK(type != NULL);
    PyObject *s = PyObject_Str(value);
    printf("%s: %s: %s\n", label, ((PyTypeObject *)type)->tp_name,
           s ? PyUnicode_AsUTF8(s) : "?");
    Py_XDECREF(s);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

/* --- a thread of the host calling Python while main released the GIL ------ */

static void *
thread_main(void *arg)
{
    PyGILState_STATE st = PyGILState_Ensure();
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *d = PyModule_GetDict(main);
    PyObject *r = PyRun_String("sum(x * x for x in range(100))",
                               Py_eval_input, d, d);
    *(long *)arg = r ? PyLong_AsLong(r) : -1;
    Py_XDECREF(r);
    PyGILState_Release(st);
    return NULL;
}

int
main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    wchar_t *program = Py_DecodeLocale(argv[0], NULL);
    CHECK(program != NULL);
    Py_SetProgramName(program);
    Py_UnbufferedStdioFlag = 1;
    CHECK(PyImport_AppendInittab("hostmod", PyInit_hostmod) == 0);
    CHECK(PyImport_AppendInittab("hostmulti", PyInit_hostmulti) == 0);
    printf("initialized before: %d\n", Py_IsInitialized());
    Py_InitializeEx(0);
    printf("initialized after: %d\n", Py_IsInitialized());

    /* One ordered stream: Python's stderr goes to stdout. */
    CHECK(PyRun_SimpleString("import sys\nsys.stderr = sys.stdout") == 0);

    /* sys.argv before and after PySys_SetArgvEx. */
    CHECK(PyRun_SimpleString("print('argv:', sys.argv)") == 0);
    wchar_t *args[] = {L"host-program", L"--flag", L"caf\u00e9"};
    PySys_SetArgvEx(3, args, 0);
    CHECK(PyRun_SimpleString("print('argv:', sys.argv)") == 0);

    /* Running code; results come back through __main__'s dict. */
    CHECK(PyRun_SimpleString(
              "x = sum(range(10))\n"
              "words = 'embedding works'.split()\n"
              "print('hello from Python,', x)\n") == 0);
    PyObject *main_module = PyImport_AddModule("__main__");   /* borrowed */
    CHECK(main_module != NULL);
    PyObject *globals = PyModule_GetDict(main_module);        /* borrowed */
    PyObject *x = PyDict_GetItemString(globals, "x");         /* borrowed */
    CHECK(x != NULL);
    printf("x from C: %ld\n", PyLong_AsLong(x));
    print_repr("words from C", PyDict_GetItemString(globals, "words"));

    /* PyRun_String in each mode. */
    PyObject *r = PyRun_String("[i * i for i in range(6)]", Py_eval_input,
                               globals, globals);
    CHECK(r != NULL);
    print_repr("eval", r);
    Py_DECREF(r);
    r = PyRun_String("y = x * 3\n", Py_file_input, globals, globals);
    CHECK(r == Py_None);
    Py_DECREF(r);
    printf("y: %ld\n", PyLong_AsLong(PyDict_GetItemString(globals, "y")));
    PyObject *locals = PyDict_New();
    r = PyRun_String("z = x + 1", Py_file_input, globals, locals);
    CHECK(r != NULL);
    Py_DECREF(r);
    print_repr("separate locals", locals);
    Py_DECREF(locals);

    /* Errors come back as exceptions. */
    r = PyRun_String("1 / 0", Py_eval_input, globals, globals);
    CHECK(r == NULL);
    printf("matches ZeroDivisionError: %d\n",
           PyErr_ExceptionMatches(PyExc_ZeroDivisionError));
    print_error("error");
    r = PyRun_String("def broken(:", Py_file_input, globals, globals);
    CHECK(r == NULL);
    printf("matches SyntaxError: %d\n",
           PyErr_ExceptionMatches(PyExc_SyntaxError));
    PyErr_Clear();
    /* PyRun_SimpleString prints the traceback and returns -1. */
    printf("simple with error: %d\n",
           PyRun_SimpleString("def f():\n    raise ValueError('shown')\nf()\n"));
    CHECK(!PyErr_Occurred());
    CHECK(PyRun_SimpleString("print('last_value:', repr(sys.last_value))") == 0);

    /* Calling Python from C. */
    CHECK(PyRun_SimpleString("def scale(a, b=2):\n    return a * b\n") == 0);
    PyObject *scale = PyDict_GetItemString(globals, "scale");
    CHECK(scale != NULL && PyCallable_Check(scale));
    r = PyObject_CallFunction(scale, "i", 21);
    CHECK(r != NULL);
    printf("scale(21): %ld\n", PyLong_AsLong(r));
    Py_DECREF(r);
    r = PyObject_CallFunction(scale, "si", "ab", 3);
    CHECK(r != NULL);
    print_repr("scale('ab', 3)", r);
    Py_DECREF(r);

    /* The old call API (deprecated, still used by embedders). */
    r = PyEval_CallFunction(scale, "ii", 4, 5);
    CHECK(r != NULL);
    printf("PyEval_CallFunction: %ld\n", PyLong_AsLong(r));
    Py_DECREF(r);
    r = PyEval_CallMethod(PyDict_GetItemString(globals, "words"), "index", "s", "works");
    CHECK(r != NULL);
    printf("PyEval_CallMethod: %ld\n", PyLong_AsLong(r));
    Py_DECREF(r);
    PyObject *call_args = Py_BuildValue("(i)", 3);
    PyObject *call_kwargs = Py_BuildValue("{s:i}", "b", 7);
    r = PyEval_CallObjectWithKeywords(scale, call_args, call_kwargs);
    CHECK(r != NULL);
    printf("PyEval_CallObjectWithKeywords: %ld\n", PyLong_AsLong(r));
    Py_DECREF(r);
    CHECK(PyEval_CallObjectWithKeywords(scale, call_kwargs, NULL) == NULL);
    print_error("not a tuple");
    Py_DECREF(call_args);
    Py_DECREF(call_kwargs);

    /* A module of the host, imported and called by Python, calling back. */
    PyObject *mod = PyModule_Create(&embedded_def);
    CHECK(mod != NULL);
    CHECK(PyDict_SetItemString(PyImport_GetModuleDict(), "embedded", mod) == 0);
    Py_DECREF(mod);
    CHECK(PyRun_SimpleString(
              "import embedded\n"
              "print('twice:', embedded.twice(21))\n"
              "print('nested:', embedded.call(lambda n: embedded.twice(n) + 1, 20))\n"
              "try:\n"
              "    embedded.twice('x')\n"
              "except TypeError as e:\n"
              "    print('TypeError from C:', e)\n") == 0);

    /* A C extension loaded by the embedded runtime (Debian's own cp311
     * binary): its Py* symbols resolve against the library this program
     * linked. */
    CHECK(PyRun_SimpleString(
              "import xxlimited\n"
              "print('extension:', xxlimited.foo(2, 3), type(xxlimited.Xxo()).__name__)\n") == 0);

    /* The host's built-in modules, imported by name. */
    CHECK(PyRun_SimpleString(
              "import hostmod, hostmulti\n"
              "print('inittab:', hostmod.twice(4), hostmulti.VALUE, hostmod.__doc__, hostmulti.__doc__)\n"
              "print('inittab origin:', hostmod.__spec__.origin, hostmulti.__spec__.name)\n"
              "import importlib\n"
              "print('same module again:', importlib.import_module('hostmod') is hostmod)\n") == 0);

    /* References held by C locals survive collections; a list built from C
     * and filled while the collector runs. */
    PyObject *keep = PyList_New(0);
    for (int i = 0; i < 2000; i++) {
        PyObject *item = PyUnicode_FromFormat("item-%d", i);
        CHECK(item != NULL && PyList_Append(keep, item) == 0);
        Py_DECREF(item);
        if (i % 500 == 0)
            CHECK(PyRun_SimpleString("import gc; gc.collect()") == 0);
    }
    print_repr("kept[1999]", PyList_GetItem(keep, 1999));
    printf("kept: %zd\n", PyList_Size(keep));
    Py_DECREF(keep);

    /* A script file. */
    char path[] = "/tmp/tern-embed-XXXXXX.py";
    int fd = mkstemps(path, 3);
    CHECK(fd >= 0);
    const char *script =
        "# -*- coding: utf-8 -*-\n"
        "print('script __name__:', __name__)\n"
        "print('script has __file__:', '__file__' in globals())\n"
        "print('script text: caf\\u00e9', 'caf\u00e9' == 'caf\\xe9')\n"
        "script_result = [n for n in range(3)]\n";
    CHECK(write(fd, script, strlen(script)) == (ssize_t)strlen(script));
    close(fd);
    FILE *fp = fopen(path, "r");
    CHECK(fp != NULL);
    printf("simple file: %d\n", PyRun_SimpleFileExFlags(fp, path, 1, NULL));
    CHECK(PyRun_SimpleString(
              "print('after: __file__ kept:', '__file__' in globals(), script_result)") == 0);
    fp = fopen(path, "r");
    CHECK(fp != NULL);
    PyObject *file_globals = PyDict_New();
    CHECK(PyDict_SetItemString(file_globals, "__builtins__", PyEval_GetBuiltins()) == 0);
    r = PyRun_FileEx(fp, path, Py_file_input, file_globals, file_globals, 1);
    CHECK(r != NULL);
    Py_DECREF(r);
    print_repr("file globals result", PyDict_GetItemString(file_globals, "script_result"));
    Py_DECREF(file_globals);
    unlink(path);

    /* Another thread of the host runs Python while this one waits without
     * the GIL. */
    long thread_result = 0;
    PyThreadState *saved = PyEval_SaveThread();
    pthread_t t;
    CHECK(pthread_create(&t, NULL, thread_main, &thread_result) == 0);
    pthread_join(t, NULL);
    PyEval_RestoreThread(saved);
    printf("thread result: %ld\n", thread_result);

    /* The locale codec. */
    size_t pos = 0;
    char *bytes = Py_EncodeLocale(L"h\u00e9llo", &pos);
    CHECK(bytes != NULL);
    printf("encoded: %zu bytes\n", strlen(bytes));
    wchar_t *back = Py_DecodeLocale(bytes, NULL);
    printf("round trip: %d\n", wcscmp(back, L"h\u00e9llo") == 0);
    PyMem_Free(bytes);
    PyMem_RawFree(back);

    /* atexit callbacks run in Py_FinalizeEx. */
    CHECK(PyRun_SimpleString(
              "import atexit\n"
              "atexit.register(lambda: print('atexit callback ran'))\n") == 0);
    int status = Py_FinalizeEx();
    printf("finalize: %d\n", status);
    printf("initialized at the end: %d\n", Py_IsInitialized());
    PyMem_RawFree(program);
    return 0;
}
