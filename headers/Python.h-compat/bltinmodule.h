/* bltinmodule.h — builtin iterator types with no header of their own. */
#ifndef Py_BLTINMODULE_H
#define Py_BLTINMODULE_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyFilter_Type;
PyAPI_DATA(PyTypeObject) PyMap_Type;
PyAPI_DATA(PyTypeObject) PyZip_Type;

#ifdef __cplusplus
}
#endif
#endif /* Py_BLTINMODULE_H */
