/* memoryobject.h — memoryview.
 *
 * ABI: PyMemoryViewObject is 152 bytes: mbuf @24, hash @32, flags @40,
 * exports @48, and its own Py_buffer copy at 56, which
 * PyMemoryView_GET_BUFFER returns a pointer to. */
#ifndef Py_MEMORYOBJECT_H
#define Py_MEMORYOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
PyAPI_DATA(PyTypeObject) _PyManagedBuffer_Type;
#endif
PyAPI_DATA(PyTypeObject) PyMemoryView_Type;

#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)

#ifndef Py_LIMITED_API
/* Unchecked: the view's buffer, and the object it came from. */
#define PyMemoryView_GET_BUFFER(op) (&((PyMemoryViewObject *)(op))->view)
#define PyMemoryView_GET_BASE(op) (((PyMemoryViewObject *)(op))->view.obj)
#endif

PyAPI_FUNC(PyObject *) PyMemoryView_FromObject(PyObject *base);
/* flags: PyBUF_READ or PyBUF_WRITE. */
PyAPI_FUNC(PyObject *) PyMemoryView_FromMemory(char *mem, Py_ssize_t size,
                                               int flags);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API + 0 >= 0x030B0000
PyAPI_FUNC(PyObject *) PyMemoryView_FromBuffer(const Py_buffer *info);
#endif
/* buffertype: PyBUF_READ or PyBUF_WRITE; order: 'C', 'F' or 'A'. */
PyAPI_FUNC(PyObject *) PyMemoryView_GetContiguous(PyObject *base,
                                                  int buffertype, char order);

#ifndef Py_LIMITED_API
/* The structs are public only so that the macros above work. */
#define _Py_MANAGED_BUFFER_RELEASED 0x001
#define _Py_MANAGED_BUFFER_FREE_FORMAT 0x002

typedef struct {
    PyObject_HEAD
    int flags;
    Py_ssize_t exports; /* memoryviews sharing this buffer */
    Py_buffer master;   /* the view obtained from the exporter */
} _PyManagedBufferObject;

#define _Py_MEMORYVIEW_RELEASED 0x001
#define _Py_MEMORYVIEW_C 0x002
#define _Py_MEMORYVIEW_FORTRAN 0x004
#define _Py_MEMORYVIEW_SCALAR 0x008
#define _Py_MEMORYVIEW_PIL 0x010

typedef struct {
    PyObject_VAR_HEAD
    _PyManagedBufferObject *mbuf;
    Py_hash_t hash; /* read-only views only; -1 until computed */
    int flags;      /* _Py_MEMORYVIEW_* */
    Py_ssize_t exports;
    Py_buffer view;
    PyObject *weakreflist;
    Py_ssize_t ob_array[1]; /* storage for shape, strides, suboffsets */
} PyMemoryViewObject;
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_MEMORYOBJECT_H */
