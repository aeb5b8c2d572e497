/* fileutils.h — conversions between bytes and wide strings in the locale
 * encoding, with surrogateescape for undecodable bytes. */
#ifndef Py_FILEUTILS_H
#define Py_FILEUTILS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Results are PyMem_RawMalloc'd; NULL on failure (*size / *error_pos say
 * why). */
PyAPI_FUNC(wchar_t *) Py_DecodeLocale(const char *arg, size_t *size);
PyAPI_FUNC(char *) Py_EncodeLocale(const wchar_t *text, size_t *error_pos);

#ifndef Py_LIMITED_API
/* fopen() with a str/bytes/os.PathLike path, raising OSError on failure
 * and auditing the open like io.open does. */
PyAPI_FUNC(FILE *) _Py_fopen_obj(PyObject *path, const char *mode);
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_FILEUTILS_H */
