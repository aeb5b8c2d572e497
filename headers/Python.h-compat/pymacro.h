/* pymacro.h — small helper macros with CPython 3.11's names and meaning. */
#ifndef Py_PYMACRO_H
#define Py_PYMACRO_H

/* glibc's <assert.h> provides static_assert only from C11 on; make the
 * keyword spelling available to C code the way CPython does. */
#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif

/* Each argument may be evaluated twice. */
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))

#define _Py_XSTRINGIFY(x) #x
#define Py_STRINGIFY(x) _Py_XSTRINGIFY(x)

#define Py_MEMBER_SIZE(type, member) sizeof(((type *)0)->member)
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))

/* A compile-time check usable as an expression (value 0) or a statement. */
#define Py_BUILD_ASSERT_EXPR(cond) (sizeof(char[1 - 2 * !(cond)]) - 1)
#define Py_BUILD_ASSERT(cond)                                                 \
    do {                                                                      \
        static_assert((cond), #cond);                                         \
    } while (0)

/* Element count of a true array; with gcc in C a pointer argument is a
 * compile error rather than a silent wrong answer. */
#if defined(__GNUC__) && !defined(__cplusplus) && !defined(__STRICT_ANSI__)
#define Py_ARRAY_LENGTH(array)                                                \
    (sizeof(array) / sizeof((array)[0]) +                                     \
     Py_BUILD_ASSERT_EXPR(!__builtin_types_compatible_p(                      \
         __typeof__(array), __typeof__(&(array)[0]))))
#else
#define Py_ARRAY_LENGTH(array) (sizeof(array) / sizeof((array)[0]))
#endif

#define PyDoc_VAR(name) static const char name[]
#define PyDoc_STR(str) str
#define PyDoc_STRVAR(name, str) PyDoc_VAR(name) = PyDoc_STR(str)

/* Rounding of sizes and pointers to a power-of-two alignment a. */
#define _Py_SIZE_ROUND_DOWN(n, a) ((size_t)(n) & ~(size_t)((a)-1))
#define _Py_SIZE_ROUND_UP(n, a)                                               \
    (((size_t)(n) + (size_t)((a)-1)) & ~(size_t)((a)-1))
#define _Py_ALIGN_DOWN(p, a) ((void *)((uintptr_t)(p) & ~(uintptr_t)((a)-1)))
#define _Py_ALIGN_UP(p, a)                                                    \
    ((void *)(((uintptr_t)(p) + (uintptr_t)((a)-1)) & ~(uintptr_t)((a)-1)))
#define _Py_IS_ALIGNED(p, a) (!((uintptr_t)(p) & (uintptr_t)((a)-1)))

/* Renames an unused parameter so it cannot be used by mistake. */
#define Py_UNUSED(name) _unused_##name __attribute__((unused))

#define Py_UNREACHABLE() __builtin_unreachable()

/* Makes a macro's result an rvalue, so it cannot be assigned to. */
#define _Py_RVALUE(EXPR) ((void)0, (EXPR))

#endif /* Py_PYMACRO_H */
