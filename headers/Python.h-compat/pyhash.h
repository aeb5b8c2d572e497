/* pyhash.h — hashing helpers and the numeric-hash constants.
 *
 * hash() of numbers is defined modulo the Mersenne prime 2**61 - 1 on
 * 64-bit builds; extensions that implement __hash__ for numeric types use
 * these constants to agree with int, float and complex. */
#ifndef Py_HASH_H
#define Py_HASH_H

#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
PyAPI_FUNC(Py_hash_t) _Py_HashDouble(PyObject *, double);
PyAPI_FUNC(Py_hash_t) _Py_HashPointer(const void *);
PyAPI_FUNC(Py_hash_t) _Py_HashPointerRaw(const void *);
PyAPI_FUNC(Py_hash_t) _Py_HashBytes(const void *, Py_ssize_t);
#endif

/* The string hash in use: SipHash-1-3, without the small-string cutoff. */
#define Py_HASH_EXTERNAL 0
#define Py_HASH_SIPHASH24 1
#define Py_HASH_FNV 2
#define Py_HASH_SIPHASH13 3
#define Py_HASH_ALGORITHM Py_HASH_SIPHASH13
#define Py_HASH_CUTOFF 0

#ifndef Py_LIMITED_API
typedef struct {
    Py_hash_t (*const hash)(const void *, Py_ssize_t);
    const char *name;
    const int hash_bits;
    const int seed_bits;
} PyHash_FuncDef;

PyAPI_FUNC(PyHash_FuncDef *) PyHash_GetFuncDef(void);
#endif

#define _PyHASH_MULTIPLIER 1000003UL
#define _PyHASH_BITS 61
#define _PyHASH_MODULUS (((size_t)1 << _PyHASH_BITS) - 1)
#define _PyHASH_INF 314159
#define _PyHASH_IMAG _PyHASH_MULTIPLIER

#ifdef __cplusplus
}
#endif
#endif /* Py_HASH_H */
