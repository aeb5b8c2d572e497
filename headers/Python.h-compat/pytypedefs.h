/* pytypedefs.h — forward names for the structs headers refer to each other
 * by.  The struct tags are CPython's, so C++ code that mangles these types
 * (pybind11 symbols, typeid) sees the same names under both runtimes. */
#ifndef Py_PYTYPEDEFS_H
#define Py_PYTYPEDEFS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct PyModuleDef PyModuleDef;
typedef struct PyModuleDef_Slot PyModuleDef_Slot;
typedef struct PyMethodDef PyMethodDef;
typedef struct PyGetSetDef PyGetSetDef;
typedef struct PyMemberDef PyMemberDef;

typedef struct _object PyObject;
typedef struct _longobject PyLongObject;
typedef struct _typeobject PyTypeObject;
typedef struct PyCodeObject PyCodeObject;
typedef struct _frame PyFrameObject;

typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;

#ifdef __cplusplus
}
#endif
#endif /* Py_PYTYPEDEFS_H */
