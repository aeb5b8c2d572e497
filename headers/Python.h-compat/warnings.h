/* warnings.h — issuing warnings from C (the warnings module's machinery).
 *
 * Each returns 0, or -1 when the warning was turned into an exception. */
#ifndef Py_WARNINGS_H
#define Py_WARNINGS_H

#ifdef __cplusplus
extern "C" {
#endif

/* stack_level 1 blames the C function's caller, as warnings.warn does. */
PyAPI_FUNC(int) PyErr_WarnEx(PyObject *category, const char *message,
                             Py_ssize_t stack_level);
PyAPI_FUNC(int) PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level,
                                 const char *format, ...);
/* ResourceWarning about source (passed to the warning as its source). */
PyAPI_FUNC(int) PyErr_ResourceWarning(PyObject *source,
                                      Py_ssize_t stack_level,
                                      const char *format, ...);
PyAPI_FUNC(int) PyErr_WarnExplicit(PyObject *category, const char *message,
                                   const char *filename, int lineno,
                                   const char *module, PyObject *registry);

#ifndef Py_LIMITED_API
PyAPI_FUNC(int) PyErr_WarnExplicitObject(PyObject *category,
                                         PyObject *message,
                                         PyObject *filename, int lineno,
                                         PyObject *module,
                                         PyObject *registry);
PyAPI_FUNC(int) PyErr_WarnExplicitFormat(PyObject *category,
                                         const char *filename, int lineno,
                                         const char *module,
                                         PyObject *registry,
                                         const char *format, ...);

#define PyErr_Warn(category, msg) PyErr_WarnEx((category), (msg), 1)
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_WARNINGS_H */
