/* pystrtod.h — locale-independent conversions between double and text. */
#ifndef Py_STRTOD_H
#define Py_STRTOD_H

#ifdef __cplusplus
extern "C" {
#endif

/* Parse a float as float() would (no surrounding whitespace).  endptr
 * NULL means the whole string must be consumed.  On overflow, raise
 * overflow_exception, or return +-Py_HUGE_VAL when it is NULL. */
PyAPI_FUNC(double) PyOS_string_to_double(const char *str, char **endptr,
                                         PyObject *overflow_exception);

/* Format val with format_code 'e', 'f', 'g' or 'r' (repr); the result is
 * PyMem_Malloc'd and *type (if not NULL) receives a Py_DTST_* value. */
PyAPI_FUNC(char *) PyOS_double_to_string(double val, char format_code,
                                         int precision, int flags, int *type);

#ifndef Py_LIMITED_API
PyAPI_FUNC(PyObject *) _Py_string_to_number_with_underscores(
    const char *str, Py_ssize_t len, const char *what, PyObject *obj,
    void *arg, PyObject *(*innerfunc)(const char *, Py_ssize_t, void *));
PyAPI_FUNC(double) _Py_parse_inf_or_nan(const char *p, char **endptr);
#endif

/* PyOS_double_to_string flags. */
#define Py_DTSF_SIGN 0x01      /* always write the sign */
#define Py_DTSF_ADD_DOT_0 0x02 /* integral results get ".0" */
#define Py_DTSF_ALT 0x04       /* the "#" alternate form */
#define Py_DTSF_NO_NEG_0 0x08  /* -0.0 prints as 0.0 */

/* PyOS_double_to_string result kinds. */
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2

#ifdef __cplusplus
}
#endif
#endif /* Py_STRTOD_H */
