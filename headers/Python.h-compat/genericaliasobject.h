/* genericaliasobject.h — types.GenericAlias (list[int] and friends). */
#ifndef Py_GENERICALIASOBJECT_H
#define Py_GENERICALIASOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

/* origin[args]; what a __class_getitem__ written in C usually returns. */
PyAPI_FUNC(PyObject *) Py_GenericAlias(PyObject *, PyObject *);
PyAPI_DATA(PyTypeObject) Py_GenericAliasType;

#ifdef __cplusplus
}
#endif
#endif /* Py_GENERICALIASOBJECT_H */
