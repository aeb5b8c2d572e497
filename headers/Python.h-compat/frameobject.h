/* frameobject.h — creating frames and syncing their locals.
 *
 * Extensions include this themselves (Cython does, to build frames for
 * tracebacks of its functions); Python.h does not. */
#ifndef Py_FRAMEOBJECT_H
#define Py_FRAMEOBJECT_H

#include "Python.h"

#ifndef Py_LIMITED_API
#ifdef __cplusplus
extern "C" {
#endif

/* A new frame for code running with the given globals and locals. */
PyAPI_FUNC(PyFrameObject *) PyFrame_New(PyThreadState *, PyCodeObject *,
                                        PyObject *, PyObject *);

/* Copy between the frame's fast locals and its f_locals dict. */
PyAPI_FUNC(void) PyFrame_LocalsToFast(PyFrameObject *, int);
PyAPI_FUNC(int) PyFrame_FastToLocalsWithError(PyFrameObject *f);
PyAPI_FUNC(void) PyFrame_FastToLocals(PyFrameObject *);

PyAPI_FUNC(int) _PyFrame_IsEntryFrame(PyFrameObject *frame);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* Py_FRAMEOBJECT_H */
