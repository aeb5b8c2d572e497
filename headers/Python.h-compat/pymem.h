/* pymem.h — raw and object-domain-independent memory allocation.
 *
 * PyMem_* memory may only be released with PyMem_Free and PyMem_Raw*
 * memory with PyMem_RawFree; libtern.so keeps the families apart even
 * where today they share an allocator. */
#ifndef Py_PYMEM_H
#define Py_PYMEM_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(void *) PyMem_Malloc(size_t size);
PyAPI_FUNC(void *) PyMem_Calloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyMem_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_Free(void *ptr);

/* Typed helpers: NULL when n elements of type would overflow a Py_ssize_t. */
#define PyMem_New(type, n)                                                    \
    (((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type))                            \
         ? NULL                                                               \
         : ((type *)PyMem_Malloc((n) * sizeof(type))))
#define PyMem_Resize(p, type, n)                                              \
    ((p) = ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type))                      \
               ? NULL                                                         \
               : (type *)PyMem_Realloc((p), (n) * sizeof(type)))

/* Old spellings kept by 3.11 (Del/DEL take no parentheses of their own). */
#define PyMem_MALLOC(n) PyMem_Malloc(n)
#define PyMem_NEW(type, n) PyMem_New(type, n)
#define PyMem_REALLOC(p, n) PyMem_Realloc(p, n)
#define PyMem_RESIZE(p, type, n) PyMem_Resize(p, type, n)
#define PyMem_FREE(p) PyMem_Free(p)
#define PyMem_Del PyMem_Free
#define PyMem_DEL PyMem_Free

#ifndef Py_LIMITED_API
/* Usable without the GIL. */
PyAPI_FUNC(void *) PyMem_RawMalloc(size_t size);
PyAPI_FUNC(void *) PyMem_RawCalloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyMem_RawRealloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_RawFree(void *ptr);

PyAPI_FUNC(char *) _PyMem_RawStrdup(const char *str);
PyAPI_FUNC(char *) _PyMem_Strdup(const char *str);

typedef enum {
    PYMEM_DOMAIN_RAW,
    PYMEM_DOMAIN_MEM,
    PYMEM_DOMAIN_OBJ
} PyMemAllocatorDomain;

typedef struct {
    void *ctx;
    void *(*malloc)(void *ctx, size_t size);
    void *(*calloc)(void *ctx, size_t nelem, size_t elsize);
    void *(*realloc)(void *ctx, void *ptr, size_t new_size);
    void (*free)(void *ctx, void *ptr);
} PyMemAllocatorEx;

PyAPI_FUNC(void) PyMem_GetAllocator(PyMemAllocatorDomain domain,
                                    PyMemAllocatorEx *allocator);
PyAPI_FUNC(void) PyMem_SetAllocator(PyMemAllocatorDomain domain,
                                    PyMemAllocatorEx *allocator);
PyAPI_FUNC(void) PyMem_SetupDebugHooks(void);
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_PYMEM_H */
