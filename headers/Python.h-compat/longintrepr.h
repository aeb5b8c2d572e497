/* longintrepr.h — the digits of an int, as C sees them.
 *
 * ABI: an int is a PyVarObject (32 bytes with its first digit) whose
 * |ob_size| counts 30-bit digits stored in 32-bit words, least significant
 * first; the sign of ob_size is the sign of the number and zero has
 * ob_size 0.  Cython reads ob_digit directly for its fast paths, so Tern's
 * int proxies are materialised in exactly this form (DESIGN.md §6). */
#ifndef Py_LONGINTREPR_H
#define Py_LONGINTREPR_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits; /* wide enough for the product of two digits */
typedef int64_t stwodigits;

#define PyLong_SHIFT 30
#define _PyLong_DECIMAL_SHIFT 9            /* base 10**9 for str() */
#define _PyLong_DECIMAL_BASE ((digit)1000000000)

#define PyLong_BASE ((digit)1 << PyLong_SHIFT)
#define PyLong_MASK ((digit)(PyLong_BASE - 1))

struct _longobject {
    PyObject_VAR_HEAD
    digit ob_digit[1];
};

PyAPI_FUNC(PyLongObject *) _PyLong_New(Py_ssize_t);
PyAPI_FUNC(PyObject *) _PyLong_Copy(PyLongObject *src);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* Py_LONGINTREPR_H */
