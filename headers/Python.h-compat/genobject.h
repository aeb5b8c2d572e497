/* genobject.h — generators, coroutines and async generators.
 *
 * The structs are CPython's layouts up to the frame area; C code (Cython)
 * only tests types and calls functions on them. */
#ifndef Py_GENOBJECT_H
#define Py_GENOBJECT_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

/* The fields generators, coroutines and async generators share; the names
 * take the prefix (gi_, cr_, ag_) Python shows as attributes. */
#define _PyGenObject_HEAD(prefix)                                             \
    PyObject_HEAD                                                             \
    PyCodeObject *prefix##_code;                                              \
    PyObject *prefix##_weakreflist;                                           \
    PyObject *prefix##_name;                                                  \
    PyObject *prefix##_qualname;                                              \
    _PyErr_StackItem prefix##_exc_state;                                      \
    PyObject *prefix##_origin_or_finalizer;                                   \
    char prefix##_hooks_inited;                                               \
    char prefix##_closed;                                                     \
    char prefix##_running_async;                                              \
    int8_t prefix##_frame_state;                                              \
    PyObject *prefix##_iframe[1]; /* the suspended frame */

typedef struct {
    _PyGenObject_HEAD(gi)
} PyGenObject;

PyAPI_DATA(PyTypeObject) PyGen_Type;

#define PyGen_Check(op) PyObject_TypeCheck((op), &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE((op), &PyGen_Type)

PyAPI_FUNC(PyObject *) PyGen_New(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyGen_NewWithQualName(PyFrameObject *, PyObject *name,
                                             PyObject *qualname);
/* Raise StopIteration carrying value (wrapped if it is a tuple or an
 * exception, so that it survives unpacking). */
PyAPI_FUNC(int) _PyGen_SetStopIterationValue(PyObject *);
PyAPI_FUNC(int) _PyGen_FetchStopIterationValue(PyObject **);
PyAPI_FUNC(void) _PyGen_Finalize(PyObject *self);

typedef struct {
    _PyGenObject_HEAD(cr)
} PyCoroObject;

PyAPI_DATA(PyTypeObject) PyCoro_Type;
PyAPI_DATA(PyTypeObject) _PyCoroWrapper_Type;

#define PyCoro_CheckExact(op) Py_IS_TYPE((op), &PyCoro_Type)
PyAPI_FUNC(PyObject *) PyCoro_New(PyFrameObject *, PyObject *name,
                                  PyObject *qualname);

typedef struct {
    _PyGenObject_HEAD(ag)
} PyAsyncGenObject;

#undef _PyGenObject_HEAD

PyAPI_DATA(PyTypeObject) PyAsyncGen_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenASend_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenWrappedValue_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenAThrow_Type;

PyAPI_FUNC(PyObject *) PyAsyncGen_New(PyFrameObject *, PyObject *name,
                                      PyObject *qualname);

#define PyAsyncGen_CheckExact(op) Py_IS_TYPE((op), &PyAsyncGen_Type)

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* Py_GENOBJECT_H */
