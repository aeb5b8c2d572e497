/* weakrefobject.h — weak references and proxies.
 *
 * ABI: PyWeakReference is 64 bytes: wr_object @16 (the referent, or
 * Py_None once it died; not an owned reference), wr_callback @24, hash
 * @32, the list links and vectorcall after.  PyWeakref_GET_OBJECT reads
 * wr_object inline. */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _PyWeakReference PyWeakReference;

PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op)                                              \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) ||                               \
     Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref); /* borrowed */

#ifndef Py_LIMITED_API
struct _PyWeakReference {
    PyObject_HEAD
    PyObject *wr_object;   /* referent, or Py_None once it is gone */
    PyObject *wr_callback; /* called with the weakref when it dies, or NULL */
    Py_hash_t hash;        /* referent's hash, -1 until computed */
    /* The referent's weakrefs form a doubly-linked list through these. */
    PyWeakReference *wr_prev;
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
};

PyAPI_FUNC(Py_ssize_t) _PyWeakref_GetWeakrefCount(PyWeakReference *head);
PyAPI_FUNC(void) _PyWeakref_ClearRef(PyWeakReference *self);

/* Borrowed referent; a referent whose count already reached zero counts as
 * dead (its weakrefs may be cleared only a little later). */
static inline PyObject *PyWeakref_GET_OBJECT(PyObject *ref_obj) {
    PyObject *obj = _Py_CAST(PyWeakReference *, ref_obj)->wr_object;
    if (Py_REFCNT(obj) > 0) {
        return obj;
    }
    return Py_None;
}
#define PyWeakref_GET_OBJECT(ref) PyWeakref_GET_OBJECT(_PyObject_CAST(ref))
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_WEAKREFOBJECT_H */
