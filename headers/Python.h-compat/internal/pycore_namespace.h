/* internal/pycore_namespace.h — types.SimpleNamespace from C.
 *
 * CPython keeps this declaration internal (Py_BUILD_CORE); its own test
 * modules call it.  Under Tern it is exported like the public API. */
#ifndef Py_INTERNAL_NAMESPACE_H
#define Py_INTERNAL_NAMESPACE_H

#ifdef __cplusplus
extern "C" {
#endif

/* A new types.SimpleNamespace whose __dict__ holds the items of kwds (a
 * mapping, or NULL for none).  New reference; NULL with an exception set. */
PyAPI_FUNC(PyObject *) _PyNamespace_New(PyObject *kwds);

#ifdef __cplusplus
}
#endif
#endif /* !Py_INTERNAL_NAMESPACE_H */
