/* listobject.h — list.
 *
 * ABI: PyListObject is 40 bytes: ob_size @16 (the length), ob_item @24 (a
 * separately allocated array of item pointers), allocated @32.  C code
 * indexes ob_item directly, so while a list has a proxy the runtime keeps
 * this array in step with the list (DESIGN.md §6). */
#ifndef Py_LISTOBJECT_H
#define Py_LISTOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyList_Type;
PyAPI_DATA(PyTypeObject) PyListIter_Type;
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;

#define PyList_Check(op)                                                      \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE((op), &PyList_Type)

PyAPI_FUNC(PyObject *) PyList_New(Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyList_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetItem(PyObject *, Py_ssize_t); /* borrowed */
PyAPI_FUNC(int) PyList_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals */
PyAPI_FUNC(int) PyList_Insert(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PyList_Append(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(int) PyList_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t,
                                PyObject *);
PyAPI_FUNC(int) PyList_Sort(PyObject *);
PyAPI_FUNC(int) PyList_Reverse(PyObject *);
PyAPI_FUNC(PyObject *) PyList_AsTuple(PyObject *);

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_VAR_HEAD
    /* ob_item[0 .. ob_size) are the items; 0 <= ob_size <= allocated. */
    PyObject **ob_item;
    Py_ssize_t allocated;
} PyListObject;

PyAPI_FUNC(PyObject *) _PyList_Extend(PyListObject *, PyObject *);

#define _PyList_CAST(op) _Py_CAST(PyListObject *, (op))

static inline Py_ssize_t PyList_GET_SIZE(PyObject *op) {
    return Py_SIZE(_PyList_CAST(op));
}
#define PyList_GET_SIZE(op) PyList_GET_SIZE(_PyObject_CAST(op))

#define PyList_GET_ITEM(op, index) (_PyList_CAST(op)->ob_item[index])

/* Steals the reference and does not release the old item. */
static inline void PyList_SET_ITEM(PyObject *op, Py_ssize_t index,
                                   PyObject *value) {
    _PyList_CAST(op)->ob_item[index] = value;
}
#define PyList_SET_ITEM(op, index, value)                                     \
    PyList_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_LISTOBJECT_H */
