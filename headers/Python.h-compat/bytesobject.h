/* bytesobject.h — bytes.
 *
 * ABI: PyBytesObject is a PyVarObject (ob_size = length) with the cached
 * hash at 24 and the NUL-terminated bytes inline from offset 32, so
 * PyBytes_AS_STRING is plain pointer arithmetic on the proxy. */
#ifndef Py_BYTESOBJECT_H
#define Py_BYTESOBJECT_H

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;

#define PyBytes_Check(op)                                                     \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE((op), &PyBytes_Type)

PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyBytes_FromString(const char *);
PyAPI_FUNC(PyObject *) PyBytes_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyBytes_FromFormatV(const char *, va_list)
    Py_GCC_ATTRIBUTE((format(printf, 1, 0)));
PyAPI_FUNC(PyObject *) PyBytes_FromFormat(const char *, ...)
    Py_GCC_ATTRIBUTE((format(printf, 1, 2)));
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *);
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *);
PyAPI_FUNC(PyObject *) PyBytes_Repr(PyObject *, int);
/* Replace *pbytes by the concatenation (NULL on error); AndDel also
 * releases the second argument. */
PyAPI_FUNC(void) PyBytes_Concat(PyObject **, PyObject *);
PyAPI_FUNC(void) PyBytes_ConcatAndDel(PyObject **, PyObject *);
PyAPI_FUNC(PyObject *) PyBytes_DecodeEscape(const char *, Py_ssize_t,
                                            const char *, Py_ssize_t,
                                            const char *);
/* *s points into the object (no copy); with len NULL, embedded NULs are an
 * error. */
PyAPI_FUNC(int) PyBytes_AsStringAndSize(PyObject *obj, char **s,
                                        Py_ssize_t *len);

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_VAR_HEAD
    Py_DEPRECATED(3.11) Py_hash_t ob_shash; /* -1 until computed */
    char ob_sval[1]; /* ob_size bytes and a terminating NUL */
} PyBytesObject;

/* Only for a bytes object with a single reference that nobody has seen:
 * resize in place, or release it and set *pv to NULL on failure. */
PyAPI_FUNC(int) _PyBytes_Resize(PyObject **, Py_ssize_t);
PyAPI_FUNC(PyObject *) _PyBytes_FormatEx(const char *format,
                                         Py_ssize_t format_len,
                                         PyObject *args, int use_bytearray);
PyAPI_FUNC(PyObject *) _PyBytes_FromHex(PyObject *string, int use_bytearray);
PyAPI_FUNC(PyObject *) _PyBytes_DecodeEscape2(const char *, Py_ssize_t,
                                              const char *, int *,
                                              const char **);
PyAPI_FUNC(PyObject *) _PyBytes_DecodeEscape(const char *, Py_ssize_t,
                                             const char *, const char **);
/* sep.join(x) for bytes. */
PyAPI_FUNC(PyObject *) _PyBytes_Join(PyObject *sep, PyObject *x);

/* A growable output buffer that becomes a bytes (or bytearray) object.
 * It starts in small_buffer, so declare it last among a function's locals;
 * `str` arguments are the current write position. */
typedef struct {
    PyObject *buffer; /* the object being built once past small_buffer */
    Py_ssize_t allocated;
    Py_ssize_t min_size; /* bytes still to be written, promised by Prepare */
    int use_bytearray;
    int overallocate;
    int use_small_buffer;
    char small_buffer[512];
} _PyBytesWriter;

PyAPI_FUNC(void) _PyBytesWriter_Init(_PyBytesWriter *writer);
PyAPI_FUNC(PyObject *) _PyBytesWriter_Finish(_PyBytesWriter *writer,
                                             void *str);
PyAPI_FUNC(void) _PyBytesWriter_Dealloc(_PyBytesWriter *writer);
PyAPI_FUNC(void *) _PyBytesWriter_Alloc(_PyBytesWriter *writer,
                                        Py_ssize_t size);
PyAPI_FUNC(void *) _PyBytesWriter_Prepare(_PyBytesWriter *writer, void *str,
                                          Py_ssize_t size);
PyAPI_FUNC(void *) _PyBytesWriter_Resize(_PyBytesWriter *writer, void *str,
                                         Py_ssize_t size);
PyAPI_FUNC(void *) _PyBytesWriter_WriteBytes(_PyBytesWriter *writer,
                                             void *str, const void *bytes,
                                             Py_ssize_t size);

#define _PyBytes_CAST(op) _Py_CAST(PyBytesObject *, (op))

static inline char *PyBytes_AS_STRING(PyObject *op) {
    return _PyBytes_CAST(op)->ob_sval;
}
#define PyBytes_AS_STRING(op) PyBytes_AS_STRING(_PyObject_CAST(op))

static inline Py_ssize_t PyBytes_GET_SIZE(PyObject *op) {
    return Py_SIZE(_PyBytes_CAST(op));
}
#define PyBytes_GET_SIZE(self) PyBytes_GET_SIZE(_PyObject_CAST(self))
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_BYTESOBJECT_H */
