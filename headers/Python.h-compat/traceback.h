/* traceback.h — traceback objects.
 *
 * ABI: tb_next @16, tb_frame @24, then tb_lasti and tb_lineno as ints. */
#ifndef Py_TRACEBACK_H
#define Py_TRACEBACK_H

#ifdef __cplusplus
extern "C" {
#endif

/* Add an entry for frame to the pending exception's traceback. */
PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *);
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *, PyObject *);

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;
#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

#ifndef Py_LIMITED_API
typedef struct _traceback PyTracebackObject;

struct _traceback {
    PyObject_HEAD
    PyTracebackObject *tb_next;
    PyFrameObject *tb_frame;
    int tb_lasti;
    int tb_lineno;
};

PyAPI_FUNC(int) _Py_DisplaySourceLine(PyObject *, PyObject *, int, int, int *,
                                      PyObject **);
/* Add a synthetic entry (funcname at filename:lineno) to the pending
 * exception's traceback. */
PyAPI_FUNC(void) _PyTraceback_Add(const char *, const char *, int);
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_TRACEBACK_H */
