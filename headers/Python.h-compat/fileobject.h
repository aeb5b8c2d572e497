/* fileobject.h — file helpers and the file-system encoding globals. */
#ifndef Py_FILEOBJECT_H
#define Py_FILEOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

#define PY_STDIOTEXTMODE "b"

/* io.open(fd, mode, buffering, encoding, errors, newline, closefd=...). */
PyAPI_FUNC(PyObject *) PyFile_FromFd(int, const char *, const char *, int,
                                     const char *, const char *, const char *,
                                     int);
PyAPI_FUNC(PyObject *) PyFile_GetLine(PyObject *, int);
PyAPI_FUNC(int) PyFile_WriteObject(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyFile_WriteString(const char *, PyObject *);
/* An int, or an object with fileno(), as a file descriptor. */
PyAPI_FUNC(int) PyObject_AsFileDescriptor(PyObject *);

/* "utf-8" and "surrogateescape" under Tern (UTF-8 mode semantics). */
PyAPI_DATA(const char *) Py_FileSystemDefaultEncoding;
PyAPI_DATA(const char *) Py_FileSystemDefaultEncodeErrors;
PyAPI_DATA(int) Py_HasFileSystemDefaultEncoding;
PyAPI_DATA(int) Py_UTF8Mode;

#ifndef Py_LIMITED_API
PyAPI_FUNC(char *) Py_UniversalNewlineFgets(char *, int, FILE *, PyObject *);
PyAPI_FUNC(PyObject *) PyFile_NewStdPrinter(int);
PyAPI_DATA(PyTypeObject) PyStdPrinter_Type;

typedef PyObject *(*Py_OpenCodeHookFunction)(PyObject *, void *);
PyAPI_FUNC(PyObject *) PyFile_OpenCode(const char *utf8path);
PyAPI_FUNC(PyObject *) PyFile_OpenCodeObject(PyObject *path);
PyAPI_FUNC(int) PyFile_SetOpenCodeHook(Py_OpenCodeHookFunction hook,
                                       void *userData);
PyAPI_FUNC(int) _PyLong_FileDescriptor_Converter(PyObject *, void *);
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_FILEOBJECT_H */
