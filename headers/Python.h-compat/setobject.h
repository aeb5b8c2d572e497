/* setobject.h — set and frozenset.
 *
 * ABI: PySetObject is 200 bytes (fill @16, used @24, mask @32, table @40,
 * hash @48, finger @56, an 8-entry smalltable @64, weakreflist @192).
 * Only `used` (PySet_GET_SIZE) is read by macros; the hash table itself
 * is CPython's private business and is not mirrored by Tern. */
#ifndef Py_SETOBJECT_H
#define Py_SETOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PySet_Type;
PyAPI_DATA(PyTypeObject) PyFrozenSet_Type;
PyAPI_DATA(PyTypeObject) PySetIter_Type;

PyAPI_FUNC(PyObject *) PySet_New(PyObject *);
PyAPI_FUNC(PyObject *) PyFrozenSet_New(PyObject *);
PyAPI_FUNC(int) PySet_Add(PyObject *set, PyObject *key);
PyAPI_FUNC(int) PySet_Clear(PyObject *set);
PyAPI_FUNC(int) PySet_Contains(PyObject *anyset, PyObject *key);
PyAPI_FUNC(int) PySet_Discard(PyObject *set, PyObject *key);
PyAPI_FUNC(PyObject *) PySet_Pop(PyObject *set);
PyAPI_FUNC(Py_ssize_t) PySet_Size(PyObject *anyset);

#define PySet_CheckExact(op) Py_IS_TYPE((op), &PySet_Type)
#define PySet_Check(ob)                                                       \
    (Py_IS_TYPE((ob), &PySet_Type) ||                                         \
     PyType_IsSubtype(Py_TYPE(ob), &PySet_Type))
#define PyFrozenSet_CheckExact(ob) Py_IS_TYPE((ob), &PyFrozenSet_Type)
#define PyFrozenSet_Check(ob)                                                 \
    (Py_IS_TYPE((ob), &PyFrozenSet_Type) ||                                   \
     PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))
#define PyAnySet_CheckExact(ob)                                               \
    (Py_IS_TYPE((ob), &PySet_Type) || Py_IS_TYPE((ob), &PyFrozenSet_Type))
#define PyAnySet_Check(ob)                                                    \
    (PyAnySet_CheckExact(ob) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type) || \
     PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))

#ifndef Py_LIMITED_API
#define PySet_MINSIZE 8

typedef struct {
    PyObject *key;
    Py_hash_t hash;
} setentry;

typedef struct {
    PyObject_HEAD
    Py_ssize_t fill; /* active + dummy entries */
    Py_ssize_t used; /* active entries: the size */
    Py_ssize_t mask; /* table has mask + 1 slots */
    setentry *table;
    Py_hash_t hash; /* frozenset only; -1 until computed */
    Py_ssize_t finger;
    setentry smalltable[PySet_MINSIZE];
    PyObject *weakreflist;
} PySetObject;

#define PySet_GET_SIZE(so) (assert(PyAnySet_Check(so)), ((PySetObject *)(so))->used)

PyAPI_DATA(PyObject *) _PySet_Dummy;
/* Like PyDict_Next, also yielding the stored hash. */
PyAPI_FUNC(int) _PySet_NextEntry(PyObject *set, Py_ssize_t *pos,
                                 PyObject **key, Py_hash_t *hash);
PyAPI_FUNC(int) _PySet_Update(PyObject *set, PyObject *iterable);
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_SETOBJECT_H */
