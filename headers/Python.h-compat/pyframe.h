/* pyframe.h — frame objects, the part every extension may use.
 *
 * PyFrameObject is opaque here; frameobject.h declares more functions and
 * internal/pycore_frame.h the layout.  Tern materialises a frame object
 * only when one is asked for (DESIGN.md §5). */
#ifndef Py_PYFRAME_H
#define Py_PYFRAME_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(int) PyFrame_GetLineNumber(PyFrameObject *);
PyAPI_FUNC(PyCodeObject *) PyFrame_GetCode(PyFrameObject *frame);

#ifndef Py_LIMITED_API
PyAPI_DATA(PyTypeObject) PyFrame_Type;
#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)

PyAPI_FUNC(PyFrameObject *) PyFrame_GetBack(PyFrameObject *frame);
PyAPI_FUNC(PyObject *) PyFrame_GetLocals(PyFrameObject *frame);
PyAPI_FUNC(PyObject *) PyFrame_GetGlobals(PyFrameObject *frame);
PyAPI_FUNC(PyObject *) PyFrame_GetBuiltins(PyFrameObject *frame);
PyAPI_FUNC(PyObject *) PyFrame_GetGenerator(PyFrameObject *frame);
PyAPI_FUNC(int) PyFrame_GetLasti(PyFrameObject *frame);
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_PYFRAME_H */
