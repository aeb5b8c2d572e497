/* capi_buffer: the buffer protocol from both ends.
 *
 * Exporter: `Grid`, a C type whose instances own a rows x cols array of C
 * ints and fill a Py_buffer by hand (format, shape, strides only when the
 * consumer's flags ask for them), counting live exports in bf_releasebuffer.
 * Consumer: PyObject_GetBuffer with assorted flags on builtins, reporting
 * what C sees; a writable buffer held in a static across calls (the storage
 * must stay put while exported, even if the runtime moves objects, and the
 * exporter must refuse to resize); memoryviews made from objects, from raw
 * memory and from a PyBuffer_FillInfo'd Py_buffer.
 * Driver: test_capi_buffer.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---- exporter --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t rows, cols;
    int *data;        /* rows * cols ints, row-major */
    int readonly;
    Py_ssize_t exports;
    Py_ssize_t shape[2];   /* what the exported Py_buffer points at */
    Py_ssize_t strides[2];
} GridObject;

static PyObject *
grid_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"rows", "cols", "readonly", NULL};
    Py_ssize_t rows, cols;
    int readonly = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "nn|p:Grid", kwlist, &rows, &cols, &readonly))
        return NULL;
    if (rows < 0 || cols < 0) {
        PyErr_SetString(PyExc_ValueError, "Grid dimensions must be >= 0");
        return NULL;
    }
    GridObject *g = (GridObject *)type->tp_alloc(type, 0);
    if (g == NULL)
        return NULL;
    /* At least one int, so that an empty Grid still has a valid pointer. */
    Py_ssize_t n = rows * cols;
    g->data = PyMem_Calloc((size_t)(n > 0 ? n : 1), sizeof(int));
    if (g->data == NULL) {
        Py_DECREF(g);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < rows * cols; i++)
        g->data[i] = (int)i;
    g->rows = rows;
    g->cols = cols;
    g->readonly = readonly;
    g->shape[0] = rows;
    g->shape[1] = cols;
    g->strides[0] = cols * (Py_ssize_t)sizeof(int);
    g->strides[1] = sizeof(int);
    return (PyObject *)g;
}

static void
grid_dealloc(GridObject *g)
{
    PyMem_Free(g->data);
    Py_TYPE(g)->tp_free((PyObject *)g);
}

/* Fill `view` for the consumer's `flags`: a C-contiguous 2-D int array.
 * A consumer that cannot take shape information (no PyBUF_ND) gets the flat
 * bytes; one that asks for writable memory of a read-only Grid gets
 * BufferError. */
static int
grid_getbuffer(GridObject *g, Py_buffer *view, int flags)
{
    if ((flags & PyBUF_WRITABLE) && g->readonly) {
        PyErr_SetString(PyExc_BufferError, "Grid is read-only");
        view->obj = NULL;
        return -1;
    }
    view->buf = g->data;
    view->obj = Py_NewRef(g);
    view->len = g->rows * g->cols * (Py_ssize_t)sizeof(int);
    view->readonly = g->readonly;
    view->itemsize = sizeof(int);
    view->format = (flags & PyBUF_FORMAT) ? "i" : NULL;
    view->ndim = 2;
    view->shape = (flags & PyBUF_ND) ? g->shape : NULL;
    view->strides = ((flags & PyBUF_STRIDES) == PyBUF_STRIDES) ? g->strides : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    if (!(flags & PyBUF_ND))
        view->ndim = 1;
    g->exports++;
    return 0;
}

static void
grid_releasebuffer(GridObject *g, Py_buffer *view)
{
    g->exports--;
}

static PyBufferProcs grid_as_buffer = {
    .bf_getbuffer = (getbufferproc)grid_getbuffer,
    .bf_releasebuffer = (releasebufferproc)grid_releasebuffer,
};

static PyObject *
grid_get(GridObject *g, PyObject *args)
{
    Py_ssize_t r, c;
    if (!PyArg_ParseTuple(args, "nn", &r, &c))
        return NULL;
    if (r < 0 || r >= g->rows || c < 0 || c >= g->cols) {
        PyErr_SetString(PyExc_IndexError, "Grid index out of range");
        return NULL;
    }
    return PyLong_FromLong(g->data[r * g->cols + c]);
}

static PyObject *
grid_get_exports(GridObject *g, void *closure)
{
    return PyLong_FromSsize_t(g->exports);
}

static PyMethodDef grid_methods[] = {
    {"get", (PyCFunction)grid_get, METH_VARARGS, "get(row, col) read from C."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef grid_getset[] = {
    {"exports", (getter)grid_get_exports, NULL, "Buffers currently exported.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Grid_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_buffer.Grid",
    .tp_basicsize = sizeof(GridObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = grid_new,
    .tp_dealloc = (destructor)grid_dealloc,
    .tp_as_buffer = &grid_as_buffer,
    .tp_methods = grid_methods,
    .tp_getset = grid_getset,
};

/* ---- consumer --------------------------------------------------------- */

static PyObject *
tuple_of(Py_ssize_t *values, int n)
{
    if (values == NULL)
        Py_RETURN_NONE;
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, PyLong_FromSsize_t(values[i]));
    return t;
}

/* describe(obj, flags) -> dict of what PyObject_GetBuffer handed C. */
static PyObject *
describe(PyObject *self, PyObject *args)
{
    PyObject *obj;
    int flags;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &flags))
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, flags) < 0)
        return NULL;
    PyObject *first = view.len > 0 ? PyBytes_FromStringAndSize(view.buf, 1)
                                   : Py_NewRef(Py_None);
    PyObject *d = Py_BuildValue(
        "{snsnsNsisNsNsNsNsNsOsN}", "len", view.len, "itemsize", view.itemsize, "readonly",
        PyBool_FromLong(view.readonly), "ndim", view.ndim, "format",
        view.format ? PyUnicode_FromString(view.format) : Py_NewRef(Py_None), "shape",
        tuple_of(view.shape, view.ndim), "strides", tuple_of(view.strides, view.ndim),
        "c_contiguous", PyBool_FromLong(PyBuffer_IsContiguous(&view, 'C')), "f_contiguous",
        PyBool_FromLong(PyBuffer_IsContiguous(&view, 'F')), "obj_is_exporter",
        view.obj == obj ? Py_True : Py_False, "first_byte", first);
    PyBuffer_Release(&view);
    return d;
}

/* fill(obj, byte): memset a writable buffer through C. */
static PyObject *
fill(PyObject *self, PyObject *args)
{
    PyObject *obj;
    int byte;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &byte))
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) < 0)
        return NULL;
    memset(view.buf, byte, (size_t)view.len);
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

static PyObject *
check_buffer(PyObject *self, PyObject *obj)
{
    return PyBool_FromLong(PyObject_CheckBuffer(obj));
}

/* A writable buffer kept by C between calls: its memory must not move and
 * the exporter must stay alive (the Py_buffer owns a reference). */
static Py_buffer held;
static int holding;

static PyObject *
hold(PyObject *self, PyObject *obj)
{
    if (holding) {
        PyErr_SetString(PyExc_RuntimeError, "already holding a buffer");
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &held, PyBUF_WRITABLE) < 0)
        return NULL;
    holding = 1;
    Py_RETURN_NONE;
}

static PyObject *
held_write(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    int byte;
    if (!PyArg_ParseTuple(args, "ni", &i, &byte))
        return NULL;
    if (!holding || i < 0 || i >= held.len) {
        PyErr_SetString(PyExc_IndexError, "held_write: nothing held or index out of range");
        return NULL;
    }
    ((char *)held.buf)[i] = (char)byte;
    Py_RETURN_NONE;
}

static PyObject *
held_read(PyObject *self, PyObject *unused)
{
    if (!holding) {
        PyErr_SetString(PyExc_RuntimeError, "nothing held");
        return NULL;
    }
    return PyBytes_FromStringAndSize(held.buf, held.len);
}

static PyObject *
release_held(PyObject *self, PyObject *unused)
{
    if (holding) {
        PyBuffer_Release(&held);
        holding = 0;
    }
    Py_RETURN_NONE;
}

/* ---- memoryviews ------------------------------------------------------ */

static char raw_memory[16] = "raw memory here";

/* A writable memoryview over C memory that outlives it. */
static PyObject *
view_of_raw_memory(PyObject *self, PyObject *unused)
{
    return PyMemoryView_FromMemory(raw_memory, sizeof raw_memory, PyBUF_WRITE);
}

static PyObject *
raw_memory_bytes(PyObject *self, PyObject *unused)
{
    return PyBytes_FromStringAndSize(raw_memory, sizeof raw_memory);
}

/* A read-only memoryview from a Py_buffer that PyBuffer_FillInfo set up
 * over the same C memory (no exporting object). */
static PyObject *
view_from_fill_info(PyObject *self, PyObject *unused)
{
    Py_buffer info;
    if (PyBuffer_FillInfo(&info, NULL, raw_memory, 4, 1, PyBUF_FULL_RO) < 0)
        return NULL;
    return PyMemoryView_FromBuffer(&info);
}

/* memview(obj) -> (PyMemoryView_FromObject(obj), PyMemoryView_Check of it,
 * its Py_buffer's len and readonly as seen through GET_BUFFER) */
static PyObject *
memview(PyObject *self, PyObject *obj)
{
    PyObject *mv = PyMemoryView_FromObject(obj);
    if (mv == NULL)
        return NULL;
    Py_buffer *b = PyMemoryView_GET_BUFFER(mv);
    return Py_BuildValue("(NNnN)", mv, PyBool_FromLong(PyMemoryView_Check(mv)), b->len,
                         PyBool_FromLong(b->readonly));
}

static PyMethodDef capi_buffer_methods[] = {
    {"describe", describe, METH_VARARGS, NULL},
    {"fill", fill, METH_VARARGS, NULL},
    {"check_buffer", check_buffer, METH_O, NULL},
    {"hold", hold, METH_O, NULL},
    {"held_write", held_write, METH_VARARGS, NULL},
    {"held_read", held_read, METH_NOARGS, NULL},
    {"release_held", release_held, METH_NOARGS, NULL},
    {"view_of_raw_memory", view_of_raw_memory, METH_NOARGS, NULL},
    {"raw_memory_bytes", raw_memory_bytes, METH_NOARGS, NULL},
    {"view_from_fill_info", view_from_fill_info, METH_NOARGS, NULL},
    {"memview", memview, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_buffer_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_buffer",
    .m_doc = "The buffer protocol: exporting, consuming, holding, memoryviews.",
    .m_size = -1,
    .m_methods = capi_buffer_methods,
};

PyMODINIT_FUNC
PyInit_capi_buffer(void)
{
    if (PyType_Ready(&Grid_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&capi_buffer_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &Grid_Type) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_SIMPLE) < 0 || PyModule_AddIntMacro(m, PyBUF_WRITABLE) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_FORMAT) < 0 || PyModule_AddIntMacro(m, PyBUF_ND) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_STRIDES) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_C_CONTIGUOUS) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_FULL_RO) < 0 || PyModule_AddIntMacro(m, PyBUF_RECORDS) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
