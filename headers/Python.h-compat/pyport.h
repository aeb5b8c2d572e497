/* pyport.h — integer types, export macros and compiler glue.
 *
 * Py_ssize_t and friends are plain aliases of the C types CPython uses on
 * x86-64 Linux (ssize_t, size_t), so that C++ code mangling them, and
 * _Generic selections over them, see the same types as under CPython.
 *
 * PyAPI_FUNC / PyAPI_DATA mark what libtern.so exports: default visibility,
 * so a definition in cpyext/ compiled with -fvisibility=hidden is still
 * exported when its declaration came from these headers.  C linkage comes
 * from the extern "C" block every declaring header opens. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>

/* ---- Casts usable from both C and C++ ------------------------------------ */

#define _Py_CAST(type, expr) ((type)(expr))
#ifdef __cplusplus
#define _Py_STATIC_CAST(type, expr) static_cast<type>(expr)
#define _Py_NULL nullptr
#else
#define _Py_STATIC_CAST(type, expr) ((type)(expr))
#define _Py_NULL NULL
#endif
#define Py_SAFE_DOWNCAST(value, wide, narrow) _Py_STATIC_CAST(narrow, value)

/* Before the 3.11 stable ABI, the object macros cast their argument to
 * PyObject *; code targeting the 3.11 limited API gets the plain inline
 * functions, which type-check it.  The headers test this in one place. */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API + 0 < 0x030B0000
#define _Py_CASTING_OBJECT_MACROS 1
#endif

/* ---- Integer types ------------------------------------------------------- */

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef intptr_t Py_intptr_t;
typedef uintptr_t Py_uintptr_t;

#define PY_SSIZE_T_MAX SSIZE_MAX
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_SIZE_MAX SIZE_MAX
#define SIZEOF_PY_HASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_UHASH_T SIZEOF_SIZE_T

/* printf length modifier for size_t / Py_ssize_t (C99's "z"). */
#define PY_FORMAT_SIZE_T "z"

#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX
#define HAVE_LONG_LONG 1

#define PY_UINT32_T uint32_t
#define PY_UINT64_T uint64_t
#define PY_INT32_T int32_t
#define PY_INT64_T int64_t

/* Digits of a Python int are 30 bits wide in 32-bit words (longintrepr.h). */
#define PYLONG_BITS_IN_DIGIT 30

#define PY_LITTLE_ENDIAN 1
#define PY_BIG_ENDIAN 0

/* Right shift of a negative signed value is arithmetic with gcc and clang. */
#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))

#define Py_FORCE_EXPANSION(X) X
#define Py_LL(x) x##LL
#define Py_ULL(x) Py_LL(x##U)
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_MEMCPY memcpy
#endif
#define Py_VA_COPY va_copy
#define Py_ALIGNED(x) __attribute__((aligned(x)))
#define PY_DWORD_MAX 4294967295U
#ifndef LONG_BIT
#define LONG_BIT (8 * SIZEOF_LONG)
#endif

/* Threads are always available; the macro remains for old #ifdefs. */
#ifndef WITH_THREAD
#define WITH_THREAD
#endif

/* ---- Symbol visibility and linkage --------------------------------------- */

#include "exports.h"

#define PyAPI_FUNC(RTYPE) Py_EXPORTED_SYMBOL RTYPE
#define PyAPI_DATA(RTYPE) extern Py_EXPORTED_SYMBOL RTYPE

/* An extension's init function must be found by dlsym whatever visibility
 * the extension was built with, and must not be C++-mangled. */
#ifdef __cplusplus
#define PyMODINIT_FUNC extern "C" Py_EXPORTED_SYMBOL PyObject *
#else
#define PyMODINIT_FUNC Py_EXPORTED_SYMBOL PyObject *
#endif

/* ---- Function attributes ------------------------------------------------- */

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define Py_DEPRECATED(VERSION_UNUSED) __attribute__((__deprecated__))
#define _Py_NO_RETURN __attribute__((__noreturn__))
#define _Py_HOT_FUNCTION __attribute__((hot))
#define Py_GCC_ATTRIBUTE(x) __attribute__(x)

/* Bracket code that must use a deprecated declaration without a warning. */
#define _Py_COMP_DIAG_PUSH _Pragma("GCC diagnostic push")
#define _Py_COMP_DIAG_IGNORE_DEPR_DECLS                                       \
    _Pragma("GCC diagnostic ignored \"-Wdeprecated-declarations\"")
#define _Py_COMP_DIAG_POP _Pragma("GCC diagnostic pop")

#endif /* Py_PYPORT_H */
