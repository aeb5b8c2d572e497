/* bytearrayobject.h — bytearray.
 *
 * ABI: PyByteArrayObject is 56 bytes: ob_alloc @24, ob_bytes @32 (the
 * allocation), ob_start @40 (the logical start inside it), ob_exports @48.
 * PyByteArray_AS_STRING hands C a raw pointer to the buffer, so the buffer
 * is shared between the runtime object and its proxy and does not move
 * while C can see it (DESIGN.md §3, §6). */
#ifndef Py_BYTEARRAYOBJECT_H
#define Py_BYTEARRAYOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyByteArray_Type;
PyAPI_DATA(PyTypeObject) PyByteArrayIter_Type;

#define PyByteArray_Check(self) PyObject_TypeCheck((self), &PyByteArray_Type)
#define PyByteArray_CheckExact(self) Py_IS_TYPE((self), &PyByteArray_Type)

PyAPI_FUNC(PyObject *) PyByteArray_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyByteArray_Concat(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyByteArray_FromStringAndSize(const char *,
                                                     Py_ssize_t);
PyAPI_FUNC(Py_ssize_t) PyByteArray_Size(PyObject *);
PyAPI_FUNC(char *) PyByteArray_AsString(PyObject *);
PyAPI_FUNC(int) PyByteArray_Resize(PyObject *, Py_ssize_t);

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc; /* bytes allocated at ob_bytes */
    char *ob_bytes;      /* the allocation */
    char *ob_start;      /* first logical byte, inside ob_bytes */
    Py_ssize_t ob_exports; /* live buffer exports: no resizing while > 0 */
} PyByteArrayObject;

/* What AS_STRING yields for a bytearray that has no buffer yet. */
PyAPI_DATA(char) _PyByteArray_empty_string[];

#define _PyByteArray_CAST(op) _Py_CAST(PyByteArrayObject *, (op))

static inline char *PyByteArray_AS_STRING(PyObject *op) {
    PyByteArrayObject *self = _PyByteArray_CAST(op);
    if (Py_SIZE(self)) {
        return self->ob_start;
    }
    return _PyByteArray_empty_string;
}
#define PyByteArray_AS_STRING(self) PyByteArray_AS_STRING(_PyObject_CAST(self))

static inline Py_ssize_t PyByteArray_GET_SIZE(PyObject *op) {
    return Py_SIZE(_PyByteArray_CAST(op));
}
#define PyByteArray_GET_SIZE(self) PyByteArray_GET_SIZE(_PyObject_CAST(self))
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_BYTEARRAYOBJECT_H */
