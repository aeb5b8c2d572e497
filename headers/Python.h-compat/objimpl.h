/* objimpl.h — allocating objects, and the cyclic-GC hooks.
 *
 * Memory from PyObject_Malloc/_New/_GC_New is C memory that does not move:
 * objects of C-defined types live there (DESIGN.md §6) and the runtime
 * follows their tp_traverse.  The word in front of every object that
 * PyObject_GC_New returns is reserved for the runtime's link, where CPython
 * keeps its GC header, so GC objects must be released with PyObject_GC_Del
 * and never with PyObject_Free. */
#ifndef Py_OBJIMPL_H
#define Py_OBJIMPL_H

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Raw object-domain memory ------------------------------------------- */

PyAPI_FUNC(void *) PyObject_Malloc(size_t size);
PyAPI_FUNC(void *) PyObject_Calloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyObject_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyObject_Free(void *ptr);

/* Old spellings; Del/DEL are used without parentheses as function names. */
#define PyObject_MALLOC PyObject_Malloc
#define PyObject_REALLOC PyObject_Realloc
#define PyObject_FREE PyObject_Free
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free

/* ---- Objects without GC support ----------------------------------------- */

/* Set type and a first reference on memory the caller allocated. */
PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *, PyTypeObject *);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *, PyTypeObject *,
                                           Py_ssize_t);
#define PyObject_INIT(op, typeobj) PyObject_Init(_PyObject_CAST(op), (typeobj))
#define PyObject_INIT_VAR(op, typeobj, size)                                  \
    PyObject_InitVar(_PyVarObject_CAST(op), (typeobj), (size))

/* Allocate tp_basicsize (+ n * tp_itemsize) bytes and initialise them. */
PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *, Py_ssize_t);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NEW(type, typeobj) PyObject_New(type, typeobj)
#define PyObject_NewVar(type, typeobj, n)                                     \
    ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_NEW_VAR(type, typeobj, n) PyObject_NewVar(type, typeobj, n)

/* ---- The cycle collector ------------------------------------------------ */

PyAPI_FUNC(Py_ssize_t) PyGC_Collect(void);
PyAPI_FUNC(int) PyGC_Enable(void);
PyAPI_FUNC(int) PyGC_Disable(void);
PyAPI_FUNC(int) PyGC_IsEnabled(void);

#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)

PyAPI_FUNC(PyVarObject *) _PyObject_GC_Resize(PyVarObject *, Py_ssize_t);
#define PyObject_GC_Resize(type, op, n)                                       \
    ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))

PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n)                                  \
    ((type *)_PyObject_GC_NewVar((typeobj), (n)))

/* Tracking makes tp_traverse visible to the collector; untrack before
 * tearing an object down. */
PyAPI_FUNC(void) PyObject_GC_Track(void *);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *);
PyAPI_FUNC(void) PyObject_GC_Del(void *);
PyAPI_FUNC(int) PyObject_GC_IsTracked(PyObject *);
PyAPI_FUNC(int) PyObject_GC_IsFinalized(PyObject *);

/* For tp_traverse: report one referent, stop early on a non-zero result.
 * Expects the traverse function's parameters to be named visit and arg. */
#define Py_VISIT(op)                                                          \
    do {                                                                      \
        if (op) {                                                             \
            int _py_visit_result = visit(_PyObject_CAST(op), arg);            \
            if (_py_visit_result) {                                           \
                return _py_visit_result;                                      \
            }                                                                 \
        }                                                                     \
    } while (0)

#ifndef Py_LIMITED_API
#define _PyObject_SIZE(typeobj) ((typeobj)->tp_basicsize)

/* Size of a variable object, rounded up to pointer alignment because some
 * types keep pointers after their variable part. */
#define _PyObject_VAR_SIZE(typeobj, nitems)                                   \
    _Py_SIZE_ROUND_UP((typeobj)->tp_basicsize + (nitems) * (typeobj)->tp_itemsize, \
                      SIZEOF_VOID_P)

PyAPI_FUNC(int) PyObject_IS_GC(PyObject *obj);
#define _PyGC_FINALIZED(o) PyObject_GC_IsFinalized(o)
PyAPI_FUNC(int) PyType_SUPPORTS_WEAKREFS(PyTypeObject *type);
PyAPI_FUNC(PyObject **) PyObject_GET_WEAKREFS_LISTPTR(PyObject *op);
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_OBJIMPL_H */
