/* boolobject.h — bool, a subclass of int with two instances.
 *
 * The instances are exported data (_Py_FalseStruct, _Py_TrueStruct) with
 * int's layout, so Py_True is an address constant as under CPython. */
#ifndef Py_BOOLOBJECT_H
#define Py_BOOLOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyBool_Type;
#define PyBool_Check(x) Py_IS_TYPE((x), &PyBool_Type)

PyAPI_DATA(struct _longobject) _Py_FalseStruct; /* use Py_False */
PyAPI_DATA(struct _longobject) _Py_TrueStruct;  /* use Py_True */
#define Py_False _PyObject_CAST(&_Py_FalseStruct)
#define Py_True _PyObject_CAST(&_Py_TrueStruct)

PyAPI_FUNC(int) Py_IsTrue(PyObject *x);
PyAPI_FUNC(int) Py_IsFalse(PyObject *x);
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)

#define Py_RETURN_TRUE return Py_NewRef(Py_True)
#define Py_RETURN_FALSE return Py_NewRef(Py_False)

PyAPI_FUNC(PyObject *) PyBool_FromLong(long);

#ifdef __cplusplus
}
#endif
#endif /* Py_BOOLOBJECT_H */
