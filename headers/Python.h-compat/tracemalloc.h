/* tracemalloc.h — reporting foreign allocations to tracemalloc.
 *
 * numpy reports its array buffers this way; under Tern the calls succeed
 * and are accounted like CPython's when tracing is on. */
#ifndef Py_TRACEMALLOC_H
#define Py_TRACEMALLOC_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

/* 0 on success (or tracing off), -2 when tracing is off, -1 on error. */
PyAPI_FUNC(int) PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr,
                                    size_t size);
PyAPI_FUNC(int) PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr);
PyAPI_FUNC(PyObject *) _PyTraceMalloc_GetTraceback(unsigned int domain,
                                                   uintptr_t ptr);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* Py_TRACEMALLOC_H */
