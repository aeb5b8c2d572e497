/* capi_ceval: calls queued for the main thread (Py_AddPendingCall,
 * Py_MakePendingCalls).  Driver: test_capi_ceval.py.
 *
 * A pending call appends its tag (a str kept in a static table, by index)
 * to the module's list `ran`; tag "fail" raises ValueError instead.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#define MAX_TAGS 64

static PyObject *ran;             /* list */
static char tags[MAX_TAGS][16];   /* the pending calls' arguments */
static int ntags;

static int
pending(void *arg)
{
    const char *tag = arg;
    if (strcmp(tag, "fail") == 0) {
        PyErr_SetString(PyExc_ValueError, "pending call failed");
        return -1;
    }
    PyObject *s = PyUnicode_FromString(tag);
    if (s == NULL)
        return -1;
    int r = PyList_Append(ran, s);
    Py_DECREF(s);
    return r;
}

static void *
new_tag(const char *tag)
{
    if (ntags == MAX_TAGS)
        ntags = 0; /* callers never have that many queued */
    snprintf(tags[ntags], sizeof tags[ntags], "%s", tag);
    return tags[ntags++];
}

/* add_pending(tag, ...) -> how many were queued (stops at the first refusal) */
static PyObject *
add_pending(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    for (i = 0; i < PyTuple_GET_SIZE(args); i++) {
        const char *tag = PyUnicode_AsUTF8(PyTuple_GET_ITEM(args, i));
        if (tag == NULL)
            return NULL;
        if (Py_AddPendingCall(pending, new_tag(tag)) < 0)
            break;
    }
    return PyLong_FromSsize_t(i);
}

/* add_and_make(tag, ...): queue, then run them at once with
 * Py_MakePendingCalls (before any Python code could). */
static PyObject *
add_and_make(PyObject *self, PyObject *args)
{
    PyObject *n = add_pending(self, args);
    if (n == NULL)
        return NULL;
    Py_DECREF(n);
    if (Py_MakePendingCalls() < 0)
        return NULL;
    return PyList_GetSlice(ran, 0, PyList_GET_SIZE(ran));
}

static void *
add_from_thread(void *arg)
{
    usleep(1000);
    while (Py_AddPendingCall(pending, arg) < 0)
        usleep(1000);
    return NULL;
}

/* add_in_thread(tag): a C thread that never takes the GIL queues the call. */
static PyObject *
add_in_thread(PyObject *self, PyObject *args)
{
    const char *tag;
    if (!PyArg_ParseTuple(args, "s", &tag))
        return NULL;
    pthread_t thread;
    void *arg = new_tag(tag);
    int err;
    Py_BEGIN_ALLOW_THREADS
    err = pthread_create(&thread, NULL, add_from_thread, arg);
    if (err == 0)
        err = pthread_join(thread, NULL);
    Py_END_ALLOW_THREADS
    if (err != 0)
        return PyErr_Format(PyExc_OSError, "pthread: %d", err);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"add_pending", add_pending, METH_VARARGS, NULL},
    {"add_and_make", add_and_make, METH_VARARGS, NULL},
    {"add_in_thread", add_in_thread, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_ceval", "Pending calls from C.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_ceval(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    ran = PyList_New(0);
    if (ran == NULL || PyModule_AddObjectRef(m, "ran", ran) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
