/* tupleobject.h — tuple.
 *
 * ABI: PyTupleObject is a PyVarObject whose item pointers are inline from
 * offset 24.  PyTuple_GET_ITEM indexes them directly, so a tuple proxy
 * holds a proxy (owned reference) for every item (DESIGN.md §6). */
#ifndef Py_TUPLEOBJECT_H
#define Py_TUPLEOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyTuple_Type;
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;

#define PyTuple_Check(op)                                                     \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)

PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *, Py_ssize_t); /* borrowed */
/* Steals the reference to the item, even on failure. */
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(PyObject *) PyTuple_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t, ...);

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_VAR_HEAD
    /* ob_size items; NULL only while a new tuple is being filled. */
    PyObject *ob_item[1];
} PyTupleObject;

PyAPI_FUNC(int) _PyTuple_Resize(PyObject **, Py_ssize_t);
PyAPI_FUNC(void) _PyTuple_MaybeUntrack(PyObject *);

#define _PyTuple_CAST(op) _Py_CAST(PyTupleObject *, (op))

static inline Py_ssize_t PyTuple_GET_SIZE(PyObject *op) {
    return Py_SIZE(_PyTuple_CAST(op));
}
#define PyTuple_GET_SIZE(op) PyTuple_GET_SIZE(_PyObject_CAST(op))

/* An lvalue, as in CPython (some code takes &PyTuple_GET_ITEM(t, 0)). */
#define PyTuple_GET_ITEM(op, index) (_PyTuple_CAST(op)->ob_item[index])

/* Steals the reference; for filling new tuples only (no old item released). */
static inline void PyTuple_SET_ITEM(PyObject *op, Py_ssize_t index,
                                    PyObject *value) {
    _PyTuple_CAST(op)->ob_item[index] = value;
}
#define PyTuple_SET_ITEM(op, index, value)                                    \
    PyTuple_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_TUPLEOBJECT_H */
