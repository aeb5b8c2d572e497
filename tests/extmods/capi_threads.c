/* capi_threads: threads created in C calling back into Python, and C code
 * that gives up the GIL around blocking work.
 *
 *   run_in_threads(callable, nthreads, calls)
 *       starts `nthreads` pthreads; each takes the GIL with PyGILState_Ensure,
 *       calls callable(thread_index, i) `calls` times, and releases it with
 *       PyGILState_Release.  The calling thread waits for them with the GIL
 *       released (Py_BEGIN_ALLOW_THREADS), or they could never run.
 *   sleep_nogil(seconds)      nanosleep inside Py_BEGIN/END_ALLOW_THREADS.
 *   sleep_save_restore(s)     the same with PyEval_SaveThread/RestoreThread.
 *   gil_checks()              PyGILState_Check with and without the GIL.
 * Driver: test_capi_threads.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <time.h>

static void
sleep_seconds(double s)
{
    struct timespec ts;
    ts.tv_sec = (time_t)s;
    ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) != 0)
        ; /* interrupted: sleep the rest */
}

/* ---- C threads calling Python ----------------------------------------- */

typedef struct {
    pthread_t thread;
    PyObject *callable; /* borrowed from the caller, which outlives the thread */
    long index;
    long calls;
    PyObject *results;  /* a list owned by this struct, made by the thread */
    PyObject *exc_type, *exc_value, *exc_tb; /* what the callable raised */
    unsigned long ident; /* PyThread_get_thread_ident() inside the thread */
    int had_gil_before;  /* PyGILState_Check() before Ensure */
} worker;

/* Runs on a thread Python has never seen: PyGILState_Ensure creates its
 * thread state and takes the GIL; Release gives both up. */
static void *
worker_main(void *arg)
{
    worker *w = arg;
    w->had_gil_before = PyGILState_Check();
    PyGILState_STATE gstate = PyGILState_Ensure();
    w->ident = PyThread_get_thread_ident();
    w->results = PyList_New(0);
    for (long i = 0; w->results != NULL && i < w->calls; i++) {
        PyObject *r = PyObject_CallFunction(w->callable, "ll", w->index, i);
        if (r == NULL)
            break;
        int rc = PyList_Append(w->results, r);
        Py_DECREF(r);
        if (rc < 0)
            break;
    }
    /* Hand any exception over to the joining thread. */
    if (PyErr_Occurred())
        PyErr_Fetch(&w->exc_type, &w->exc_value, &w->exc_tb);
    PyGILState_Release(gstate);
    return NULL;
}

/* run_in_threads(callable, nthreads, calls) ->
 *     [(results list, thread ident, had the GIL before Ensure), ...] */
static PyObject *
run_in_threads(PyObject *self, PyObject *args)
{
    PyObject *callable;
    long nthreads, calls;
    if (!PyArg_ParseTuple(args, "Oll", &callable, &nthreads, &calls))
        return NULL;
    if (nthreads < 1 || nthreads > 64) {
        PyErr_SetString(PyExc_ValueError, "nthreads must be in 1..64");
        return NULL;
    }
    worker *ws = PyMem_Calloc((size_t)nthreads, sizeof(worker));
    if (ws == NULL)
        return PyErr_NoMemory();
    long started = 0;
    int start_error = 0;
    Py_BEGIN_ALLOW_THREADS
    for (; started < nthreads; started++) {
        worker *w = &ws[started];
        w->callable = callable;
        w->index = started;
        w->calls = calls;
        if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
            start_error = 1;
            break;
        }
    }
    for (long i = 0; i < started; i++)
        pthread_join(ws[i].thread, NULL);
    Py_END_ALLOW_THREADS

    PyObject *out = NULL;
    if (start_error) {
        PyErr_SetString(PyExc_RuntimeError, "pthread_create failed");
        goto done;
    }
    /* Re-raise the first exception a worker saw. */
    for (long i = 0; i < started; i++) {
        if (ws[i].exc_type != NULL) {
            PyErr_Restore(ws[i].exc_type, ws[i].exc_value, ws[i].exc_tb);
            ws[i].exc_type = ws[i].exc_value = ws[i].exc_tb = NULL;
            goto done;
        }
    }
    out = PyList_New(started);
    if (out == NULL)
        goto done;
    for (long i = 0; i < started; i++) {
        PyObject *entry = Py_BuildValue("(OkN)", ws[i].results ? ws[i].results : Py_None,
                                        ws[i].ident, PyBool_FromLong(ws[i].had_gil_before));
        if (entry == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, i, entry);
    }
done:
    for (long i = 0; i < started; i++) {
        Py_XDECREF(ws[i].results);
        Py_XDECREF(ws[i].exc_type);
        Py_XDECREF(ws[i].exc_value);
        Py_XDECREF(ws[i].exc_tb);
    }
    PyMem_Free(ws);
    return out;
}

/* ---- releasing the GIL ------------------------------------------------ */

static PyObject *
sleep_nogil(PyObject *self, PyObject *arg)
{
    double s = PyFloat_AsDouble(arg);
    if (s == -1.0 && PyErr_Occurred())
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    sleep_seconds(s);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyObject *
sleep_save_restore(PyObject *self, PyObject *arg)
{
    double s = PyFloat_AsDouble(arg);
    if (s == -1.0 && PyErr_Occurred())
        return NULL;
    PyThreadState *ts = PyEval_SaveThread();
    sleep_seconds(s);
    PyEval_RestoreThread(ts);
    Py_RETURN_NONE;
}

/* Sleep while holding the GIL: other Python threads must wait. */
static PyObject *
sleep_with_gil(PyObject *self, PyObject *arg)
{
    double s = PyFloat_AsDouble(arg);
    if (s == -1.0 && PyErr_Occurred())
        return NULL;
    sleep_seconds(s);
    Py_RETURN_NONE;
}

/* gil_checks() -> (PyGILState_Check with the GIL, without it,
 *                  PyThreadState_Get() is PyGILState_GetThisThreadState(),
 *                  PyThread_get_thread_ident()) */
static PyObject *
gil_checks(PyObject *self, PyObject *unused)
{
    int with = PyGILState_Check();
    int without;
    Py_BEGIN_ALLOW_THREADS
    without = PyGILState_Check();
    Py_END_ALLOW_THREADS
    int same_ts = PyThreadState_Get() == PyGILState_GetThisThreadState();
    return Py_BuildValue("(NNNk)", PyBool_FromLong(with), PyBool_FromLong(without),
                         PyBool_FromLong(same_ts), PyThread_get_thread_ident());
}

/* Nested PyGILState_Ensure on a thread that already holds the GIL is allowed
 * and must be balanced. */
static PyObject *
nested_ensure(PyObject *self, PyObject *callable)
{
    PyGILState_STATE outer = PyGILState_Ensure();
    PyGILState_STATE inner = PyGILState_Ensure();
    PyObject *r = PyObject_CallNoArgs(callable);
    PyGILState_Release(inner);
    PyGILState_Release(outer);
    return r;
}

static PyMethodDef capi_threads_methods[] = {
    {"run_in_threads", run_in_threads, METH_VARARGS, NULL},
    {"sleep_nogil", sleep_nogil, METH_O, NULL},
    {"sleep_save_restore", sleep_save_restore, METH_O, NULL},
    {"sleep_with_gil", sleep_with_gil, METH_O, NULL},
    {"gil_checks", gil_checks, METH_NOARGS, NULL},
    {"nested_ensure", nested_ensure, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_threads_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_threads",
    .m_doc = "C threads calling Python; releasing the GIL.",
    .m_size = -1,
    .m_methods = capi_threads_methods,
};

PyMODINIT_FUNC
PyInit_capi_threads(void)
{
    return PyModule_Create(&capi_threads_def);
}
