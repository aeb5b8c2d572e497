/* picklebufobject.h — pickle.PickleBuffer (PEP 574) from C. */
#ifndef Py_PICKLEBUFOBJECT_H
#define Py_PICKLEBUFOBJECT_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyPickleBuffer_Type;

#define PyPickleBuffer_Check(op) Py_IS_TYPE((op), &PyPickleBuffer_Type)

/* A PickleBuffer over obj's buffer. */
PyAPI_FUNC(PyObject *) PyPickleBuffer_FromObject(PyObject *);
/* The underlying view (borrowed), or NULL once released. */
PyAPI_FUNC(const Py_buffer *) PyPickleBuffer_GetBuffer(PyObject *);
PyAPI_FUNC(int) PyPickleBuffer_Release(PyObject *);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* Py_PICKLEBUFOBJECT_H */
