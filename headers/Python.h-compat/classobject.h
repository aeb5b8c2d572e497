/* classobject.h — bound methods and instancemethod.
 *
 * ABI: PyMethodObject is 48 bytes (im_func @16, im_self @24,
 * im_weakreflist @32, vectorcall @40); Cython unpacks bound methods through
 * PyMethod_GET_FUNCTION / _SELF to call the function directly. */
#ifndef Py_CLASSOBJECT_H
#define Py_CLASSOBJECT_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    PyObject_HEAD
    PyObject *im_func; /* the callable */
    PyObject *im_self; /* the instance it is bound to (never NULL) */
    PyObject *im_weakreflist;
    vectorcallfunc vectorcall;
} PyMethodObject;

PyAPI_DATA(PyTypeObject) PyMethod_Type;

#define PyMethod_Check(op) Py_IS_TYPE((op), &PyMethod_Type)

PyAPI_FUNC(PyObject *) PyMethod_New(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyMethod_Function(PyObject *);
PyAPI_FUNC(PyObject *) PyMethod_Self(PyObject *);

/* Unchecked accessors. */
#define PyMethod_GET_FUNCTION(meth) (((PyMethodObject *)(meth))->im_func)
#define PyMethod_GET_SELF(meth) (((PyMethodObject *)(meth))->im_self)

typedef struct {
    PyObject_HEAD
    PyObject *func;
} PyInstanceMethodObject;

PyAPI_DATA(PyTypeObject) PyInstanceMethod_Type;

#define PyInstanceMethod_Check(op) Py_IS_TYPE((op), &PyInstanceMethod_Type)

PyAPI_FUNC(PyObject *) PyInstanceMethod_New(PyObject *);
PyAPI_FUNC(PyObject *) PyInstanceMethod_Function(PyObject *);

#define PyInstanceMethod_GET_FUNCTION(meth)                                   \
    (((PyInstanceMethodObject *)(meth))->func)

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* Py_CLASSOBJECT_H */
