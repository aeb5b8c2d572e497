/* capi_support: file objects (PyFile_*, Py_UniversalNewlineFgets), the repr recursion guard
 * (Py_ReprEnter/Leave), the collector (PyGC_*), the deprecated thread-key
 * API (PyThread_*_key*), _Py_IncRef/_Py_DecRef, the Py_buffer helpers
 * (PyBuffer_GetPointer, ToContiguous, FromContiguous, ...), PyTraceBack_Print,
 * PyImport_ReloadModule, GetMagicNumber, GetMagicTag, the ExecCodeModule forms,
 * GetImporter, PyMarshal_* to and from bytes and FILE*.
 * Driver: test_capi_support.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <marshal.h>
#include <pythread.h>
#include <stdio.h>
#include <string.h>
#include <structmember.h>

/* --- files --------------------------------------------------------------- */

static PyObject *
file_get_line(PyObject *self, PyObject *args)
{
    PyObject *f;
    int n;
    if (!PyArg_ParseTuple(args, "Oi", &f, &n))
        return NULL;
    return PyFile_GetLine(f, n);
}

static PyObject *
file_write_object(PyObject *self, PyObject *args)
{
    PyObject *v, *f;
    int raw;
    if (!PyArg_ParseTuple(args, "OOp", &v, &f, &raw))
        return NULL;
    if (PyFile_WriteObject(v, f == Py_None ? NULL : f, raw ? Py_PRINT_RAW : 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Writes the strings in turn with PyFile_WriteString, checking only at the
 * end (what the function's contract allows). */
static PyObject *
file_write_strings(PyObject *self, PyObject *args)
{
    PyObject *f, *strings;
    if (!PyArg_ParseTuple(args, "OO!", &f, &PyTuple_Type, &strings))
        return NULL;
    int r = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(strings); i++) {
        const char *s = PyUnicode_AsUTF8(PyTuple_GET_ITEM(strings, i));
        if (s == NULL)
            return NULL;
        r = PyFile_WriteString(s, f == Py_None ? NULL : f);
    }
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
file_from_fd(PyObject *self, PyObject *args)
{
    int fd, buffering, closefd;
    const char *mode, *encoding, *newline;
    if (!PyArg_ParseTuple(args, "isizzp", &fd, &mode, &buffering, &encoding, &newline, &closefd))
        return NULL;
    return PyFile_FromFd(fd, "ignored", mode, buffering, encoding, NULL, newline, closefd);
}

/* --- a container whose repr guards against recursion --------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *item;
} BoxObject;

static int
box_traverse(BoxObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->item);
    return 0;
}

static int
box_clear(BoxObject *self)
{
    Py_CLEAR(self->item);
    return 0;
}

static void
box_dealloc(BoxObject *self)
{
    PyObject_GC_UnTrack(self);
    box_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
box_repr(BoxObject *self)
{
    int r = Py_ReprEnter((PyObject *)self);
    if (r != 0)
        return r > 0 ? PyUnicode_FromString("Box(...)") : NULL;
    PyObject *s = PyUnicode_FromFormat("Box(%R)", self->item ? self->item : Py_None);
    Py_ReprLeave((PyObject *)self);
    return s;
}

static PyMemberDef box_members[] = {
    {"item", T_OBJECT, offsetof(BoxObject, item), 0, NULL},
    {NULL},
};

static PyTypeObject BoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_support.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = (destructor)box_dealloc,
    .tp_traverse = (traverseproc)box_traverse,
    .tp_clear = (inquiry)box_clear,
    .tp_repr = (reprfunc)box_repr,
    .tp_members = box_members,
};

/* repr_enter(obj) / repr_leave(obj): the guard by itself. */
static PyObject *
repr_enter(PyObject *self, PyObject *obj)
{
    int r = Py_ReprEnter(obj);
    if (r < 0)
        return NULL;
    return PyLong_FromLong(r);
}

/* Leaves with an exception pending, which must survive. */
static PyObject *
repr_leave_keeps_error(PyObject *self, PyObject *obj)
{
    PyErr_SetString(PyExc_KeyError, "kept");
    Py_ReprLeave(obj);
    return NULL;
}

static PyObject *
repr_leave(PyObject *self, PyObject *obj)
{
    Py_ReprLeave(obj);
    Py_RETURN_NONE;
}

/* --- gc ------------------------------------------------------------------ */

static PyObject *
gc_call(PyObject *self, PyObject *arg)
{
    const char *what = PyUnicode_AsUTF8(arg);
    if (what == NULL)
        return NULL;
    if (strcmp(what, "collect") == 0)
        return PyLong_FromSsize_t(PyGC_Collect());
    int r;
    if (strcmp(what, "enable") == 0)
        r = PyGC_Enable();
    else if (strcmp(what, "disable") == 0)
        r = PyGC_Disable();
    else
        r = PyGC_IsEnabled();
    if (r < 0)
        return NULL;
    return PyLong_FromLong(r);
}

/* Collects with an exception pending, which must survive. */
static PyObject *
gc_collect_keeps_error(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_LookupError, "pending");
    PyGC_Collect();
    return NULL;
}

/* --- thread keys --------------------------------------------------------- */

static int key_values[4];

/* The API is deprecated (since 3.7), not gone: what is tested is that it works. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* (key usable, value read back, value after delete_key_value) */
static PyObject *
thread_keys(PyObject *self, PyObject *unused)
{
    int key = PyThread_create_key();
    if (key == -1)
        return PyErr_NoMemory();
    int ok = PyThread_get_key_value(key) == NULL;
    ok = ok && PyThread_set_key_value(key, &key_values[2]) == 0;
    int index = (int *)PyThread_get_key_value(key) - key_values;
    PyThread_delete_key_value(key);
    int cleared = PyThread_get_key_value(key) == NULL;
    PyThread_delete_key(key);
    PyThread_ReInitTLS();
    return Py_BuildValue("(iii)", ok, index, cleared);
}

static PyObject *
thread_info(PyObject *self, PyObject *unused)
{
    return PyThread_GetInfo();
}

/* --- reference counts ----------------------------------------------------- */

/* A tuple made, counted up and down through the function forms. */
static PyObject *
incref_decref(PyObject *self, PyObject *unused)
{
    PyObject *t = Py_BuildValue("(ss)", "kept", "alive");
    if (t == NULL)
        return NULL;
    _Py_IncRef(t);
    _Py_DecRef(t);
    _Py_IncRef(t);
    _Py_DecRef(t);
    return t;
}

/* --- Py_buffer helpers ---------------------------------------------------- */

static int
order_arg(const char *order)
{
    return order[0];
}

/* The bytes of the item at `indices` of obj's buffer. */
static PyObject *
buffer_item(PyObject *self, PyObject *args)
{
    PyObject *obj, *indices;
    if (!PyArg_ParseTuple(args, "OO!", &obj, &PyTuple_Type, &indices))
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_FULL_RO) < 0)
        return NULL;
    Py_ssize_t idx[PyBUF_MAX_NDIM];
    for (int k = 0; k < view.ndim && k < PyTuple_GET_SIZE(indices); k++)
        idx[k] = PyLong_AsSsize_t(PyTuple_GET_ITEM(indices, k));
    PyObject *r = PyBytes_FromStringAndSize(PyBuffer_GetPointer(&view, idx), view.itemsize);
    PyBuffer_Release(&view);
    return r;
}

static PyObject *
fill_strides(PyObject *self, PyObject *args)
{
    PyObject *shape_arg;
    int itemsize;
    const char *order;
    if (!PyArg_ParseTuple(args, "O!is", &PyTuple_Type, &shape_arg, &itemsize, &order))
        return NULL;
    Py_ssize_t shape[PyBUF_MAX_NDIM], strides[PyBUF_MAX_NDIM];
    int nd = (int)PyTuple_GET_SIZE(shape_arg);
    for (int k = 0; k < nd; k++)
        shape[k] = PyLong_AsSsize_t(PyTuple_GET_ITEM(shape_arg, k));
    PyBuffer_FillContiguousStrides(nd, shape, strides, itemsize, order_arg(order));
    PyObject *r = PyTuple_New(nd);
    for (int k = 0; r != NULL && k < nd; k++)
        PyTuple_SET_ITEM(r, k, PyLong_FromSsize_t(strides[k]));
    return r;
}

static PyObject *
size_from_format(PyObject *self, PyObject *args)
{
    const char *format;
    if (!PyArg_ParseTuple(args, "s", &format))
        return NULL;
    Py_ssize_t n = PyBuffer_SizeFromFormat(format);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

/* obj's items as contiguous bytes in `order`; `delta` makes len wrong. */
static PyObject *
to_contiguous(PyObject *self, PyObject *args)
{
    PyObject *obj;
    const char *order;
    Py_ssize_t delta = 0;
    if (!PyArg_ParseTuple(args, "Os|n", &obj, &order, &delta))
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_FULL_RO) < 0)
        return NULL;
    PyObject *r = PyBytes_FromStringAndSize(NULL, view.len);
    if (r != NULL && PyBuffer_ToContiguous(PyBytes_AS_STRING(r), &view, view.len + delta, order_arg(order)) < 0)
        Py_CLEAR(r);
    PyBuffer_Release(&view);
    return r;
}

static PyObject *
from_contiguous(PyObject *self, PyObject *args)
{
    PyObject *obj;
    const char *order;
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "Oy*s", &obj, &data, &order))
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_FULL) < 0) {
        PyBuffer_Release(&data);
        return NULL;
    }
    int r = PyBuffer_FromContiguous(&view, data.buf, data.len, order_arg(order));
    PyBuffer_Release(&view);
    PyBuffer_Release(&data);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
copy_data(PyObject *self, PyObject *args)
{
    PyObject *dest, *src;
    if (!PyArg_ParseTuple(args, "OO", &dest, &src))
        return NULL;
    if (PyObject_CopyData(dest, src) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* --- tracebacks and imports ---------------------------------------------- */

static PyObject *
traceback_print(PyObject *self, PyObject *args)
{
    PyObject *tb, *f;
    if (!PyArg_ParseTuple(args, "OO", &tb, &f))
        return NULL;
    if (PyTraceBack_Print(tb, f) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
reload_module(PyObject *self, PyObject *module)
{
    return PyImport_ReloadModule(module);
}

static PyObject *
magic(PyObject *self, PyObject *unused)
{
    long number = PyImport_GetMagicNumber();
    if (number == -1 && PyErr_Occurred())
        return NULL;
    const char *tag = PyImport_GetMagicTag();
    if (tag == NULL && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(lz)", number, tag);
}

/* exec_code_module(kind, name, code, pathname, cpathname): kind 0
 * ExecCodeModule, 1 ExecCodeModuleEx, 2 ExecCodeModuleWithPathnames,
 * 3 ExecCodeModuleObject (None: NULL). */
static PyObject *
exec_code_module(PyObject *self, PyObject *args)
{
    int kind;
    PyObject *name, *code, *path, *cpath;
    if (!PyArg_ParseTuple(args, "iUOOO", &kind, &name, &code, &path, &cpath))
        return NULL;
    const char *cname = PyUnicode_AsUTF8(name);
    const char *cpathname = cpath == Py_None ? NULL : PyUnicode_AsUTF8(cpath);
    const char *pathname = path == Py_None ? NULL : PyUnicode_AsUTF8(path);
    switch (kind) {
    case 0:
        return PyImport_ExecCodeModule(cname, code);
    case 1:
        return PyImport_ExecCodeModuleEx(cname, code, pathname);
    case 2:
        return PyImport_ExecCodeModuleWithPathnames(cname, code, pathname, cpathname);
    default:
        return PyImport_ExecCodeModuleObject(name, code, path == Py_None ? NULL : path,
                                             cpath == Py_None ? NULL : cpath);
    }
}

static PyObject *
get_importer(PyObject *self, PyObject *path)
{
    return PyImport_GetImporter(path);
}

/* --- marshal ------------------------------------------------------------- */

static PyObject *
marshal_string(PyObject *self, PyObject *args)
{
    PyObject *obj;
    int version;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &version))
        return NULL;
    PyObject *data = PyMarshal_WriteObjectToString(obj, version);
    if (data == NULL)
        return NULL;
    PyObject *back = PyMarshal_ReadObjectFromString(PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data));
    if (back == NULL) {
        Py_DECREF(data);
        return NULL;
    }
    return Py_BuildValue("(NN)", data, back);
}

static PyObject *
unmarshal_string(PyObject *self, PyObject *args)
{
    const char *data;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#", &data, &len))
        return NULL;
    return PyMarshal_ReadObjectFromString(data, len);
}

/* Writes n, first and second to a temporary file, reads them back with
 * ReadLongFromFile, ReadObjectFromFile (then a short after it) and
 * ReadLastObjectFromFile: (n, first, short, second, file bytes). */
static PyObject *
marshal_file(PyObject *self, PyObject *args)
{
    long n;
    int marker;
    PyObject *first, *second;
    if (!PyArg_ParseTuple(args, "lOiO", &n, &first, &marker, &second))
        return NULL;
    FILE *fp = tmpfile();
    if (fp == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    PyMarshal_WriteLongToFile(n, fp, Py_MARSHAL_VERSION);
    PyMarshal_WriteObjectToFile(first, fp, Py_MARSHAL_VERSION);
    PyMarshal_WriteLongToFile(marker, fp, Py_MARSHAL_VERSION); /* read back as a short: low half */
    PyMarshal_WriteObjectToFile(second, fp, Py_MARSHAL_VERSION);
    PyObject *r = NULL;
    if (PyErr_Occurred())
        goto done;
    long size = ftell(fp);
    rewind(fp);
    PyObject *contents = PyBytes_FromStringAndSize(NULL, size);
    if (contents == NULL || fread(PyBytes_AS_STRING(contents), 1, size, fp) != (size_t)size) {
        Py_XDECREF(contents);
        goto done;
    }
    rewind(fp);
    long back = PyMarshal_ReadLongFromFile(fp);
    PyObject *a = back == -1 && PyErr_Occurred() ? NULL : PyMarshal_ReadObjectFromFile(fp);
    int low = a == NULL ? -1 : PyMarshal_ReadShortFromFile(fp);
    int high = a == NULL ? -1 : PyMarshal_ReadShortFromFile(fp);
    PyObject *b = a == NULL || PyErr_Occurred() ? NULL : PyMarshal_ReadLastObjectFromFile(fp);
    if (b != NULL)
        r = Py_BuildValue("(lOiiON)", back, a, low, high, b, contents);
    else
        Py_DECREF(contents);
    Py_XDECREF(a);
    Py_XDECREF(b);
done:
    fclose(fp);
    return r;
}

/* The file holds `data`: ReadLongFromFile or ReadShortFromFile of it. */
static PyObject *
marshal_read_number(PyObject *self, PyObject *args)
{
    const char *data;
    Py_ssize_t len;
    int is_short;
    if (!PyArg_ParseTuple(args, "y#p", &data, &len, &is_short))
        return NULL;
    FILE *fp = tmpfile();
    if (fp == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    fwrite(data, 1, len, fp);
    rewind(fp);
    long n = is_short ? PyMarshal_ReadShortFromFile(fp) : PyMarshal_ReadLongFromFile(fp);
    fclose(fp);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(n);
}

/* Every piece Py_UniversalNewlineFgets reads from a file holding `data`,
 * with a buffer of n bytes. */
static PyObject *
fgets_pieces(PyObject *self, PyObject *args)
{
    const char *data;
    Py_ssize_t len;
    int n;
    if (!PyArg_ParseTuple(args, "y#i", &data, &len, &n))
        return NULL;
    if (n < 1 || n > 64)
        return PyErr_Format(PyExc_ValueError, "n out of range");
    FILE *fp = tmpfile();
    if (fp == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    fwrite(data, 1, len, fp);
    rewind(fp);
    PyObject *pieces = PyList_New(0);
    char buf[64];
    while (pieces != NULL && Py_UniversalNewlineFgets(buf, n, fp, NULL) != NULL) {
        PyObject *piece = PyBytes_FromString(buf);
        if (piece == NULL || PyList_Append(pieces, piece) < 0)
            Py_CLEAR(pieces);
        Py_XDECREF(piece);
    }
    int refused = Py_UniversalNewlineFgets(buf, n, fp, Py_None) == NULL && errno == ENXIO;
    fclose(fp);
    return pieces == NULL ? NULL : Py_BuildValue("(Ni)", pieces, refused);
}

static PyObject *
open_code(PyObject *self, PyObject *path)
{
    if (PyBytes_Check(path))
        return PyFile_OpenCode(PyBytes_AS_STRING(path));
    return PyFile_OpenCodeObject(path);
}

static PyMethodDef methods[] = {
    {"fgets_pieces", fgets_pieces, METH_VARARGS, NULL},
    {"open_code", open_code, METH_O, NULL},
    {"marshal_string", marshal_string, METH_VARARGS, NULL},
    {"unmarshal_string", unmarshal_string, METH_VARARGS, NULL},
    {"marshal_file", marshal_file, METH_VARARGS, NULL},
    {"marshal_read_number", marshal_read_number, METH_VARARGS, NULL},
    {"exec_code_module", exec_code_module, METH_VARARGS, NULL},
    {"get_importer", get_importer, METH_O, NULL},
    {"traceback_print", traceback_print, METH_VARARGS, NULL},
    {"reload_module", reload_module, METH_O, NULL},
    {"magic", magic, METH_NOARGS, NULL},
    {"buffer_item", buffer_item, METH_VARARGS, NULL},
    {"fill_strides", fill_strides, METH_VARARGS, NULL},
    {"size_from_format", size_from_format, METH_VARARGS, NULL},
    {"to_contiguous", to_contiguous, METH_VARARGS, NULL},
    {"from_contiguous", from_contiguous, METH_VARARGS, NULL},
    {"copy_data", copy_data, METH_VARARGS, NULL},
    {"file_get_line", file_get_line, METH_VARARGS, NULL},
    {"file_write_object", file_write_object, METH_VARARGS, NULL},
    {"file_write_strings", file_write_strings, METH_VARARGS, NULL},
    {"file_from_fd", file_from_fd, METH_VARARGS, NULL},
    {"repr_enter", repr_enter, METH_O, NULL},
    {"repr_leave", repr_leave, METH_O, NULL},
    {"repr_leave_keeps_error", repr_leave_keeps_error, METH_O, NULL},
    {"gc_call", gc_call, METH_O, NULL},
    {"gc_collect_keeps_error", gc_collect_keeps_error, METH_NOARGS, NULL},
    {"thread_keys", thread_keys, METH_NOARGS, NULL},
    {"thread_info", thread_info, METH_NOARGS, NULL},
    {"incref_decref", incref_decref, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_support", "Files, the repr guard, gc and thread keys from C.", -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_support(void)
{
    if (PyType_Ready(&BoxType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Box", (PyObject *)&BoxType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
