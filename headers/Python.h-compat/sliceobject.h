/* sliceobject.h — slice objects and Ellipsis.
 *
 * ABI: PySliceObject is 40 bytes: start @16, stop @24, step @32 (never
 * NULL: None when omitted). */
#ifndef Py_SLICEOBJECT_H
#define Py_SLICEOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyObject) _Py_EllipsisObject; /* use Py_Ellipsis */
#define Py_Ellipsis (&_Py_EllipsisObject)

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step;
} PySliceObject;
#endif

PyAPI_DATA(PyTypeObject) PySlice_Type;
PyAPI_DATA(PyTypeObject) PyEllipsis_Type;

#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)

PyAPI_FUNC(PyObject *) PySlice_New(PyObject *start, PyObject *stop,
                                   PyObject *step);
#ifndef Py_LIMITED_API
PyAPI_FUNC(PyObject *) _PySlice_FromIndices(Py_ssize_t start, Py_ssize_t stop);
PyAPI_FUNC(int) _PySlice_GetLongIndices(PySliceObject *self,
                                        PyObject *length,
                                        PyObject **start_ptr,
                                        PyObject **stop_ptr,
                                        PyObject **step_ptr);
#endif
PyAPI_FUNC(int) PySlice_GetIndices(PyObject *r, Py_ssize_t length,
                                   Py_ssize_t *start, Py_ssize_t *stop,
                                   Py_ssize_t *step);
Py_DEPRECATED(3.7) PyAPI_FUNC(int) PySlice_GetIndicesEx(
    PyObject *r, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
    Py_ssize_t *step, Py_ssize_t *slicelength);

/* Pull the raw indices out of a slice (clamped to Py_ssize_t), then fit
 * them to a sequence length; returns the slice length. */
PyAPI_FUNC(int) PySlice_Unpack(PyObject *slice, Py_ssize_t *start,
                               Py_ssize_t *stop, Py_ssize_t *step);
PyAPI_FUNC(Py_ssize_t) PySlice_AdjustIndices(Py_ssize_t length,
                                             Py_ssize_t *start,
                                             Py_ssize_t *stop,
                                             Py_ssize_t step);

/* Since 3.6.1 the old entry point is this macro over the two above, so
 * that user __index__ code cannot change the length under it. */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API + 0 >= 0x03060100
#define PySlice_GetIndicesEx(slice, length, start, stop, step, slicelen)      \
    (PySlice_Unpack((slice), (start), (stop), (step)) < 0                     \
         ? ((*(slicelen) = 0), -1)                                            \
         : ((*(slicelen) = PySlice_AdjustIndices((length), (start), (stop),   \
                                                 *(step))),                   \
            0))
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_SLICEOBJECT_H */
