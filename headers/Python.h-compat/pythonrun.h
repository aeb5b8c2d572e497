/* pythonrun.h — running source code and printing exceptions. */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) Py_CompileString(const char *, const char *, int);

/* Print the pending exception to sys.stderr and clear it; PrintEx(1) also
 * sets sys.last_type/value/traceback. */
PyAPI_FUNC(void) PyErr_Print(void);
PyAPI_FUNC(void) PyErr_PrintEx(int);
PyAPI_FUNC(void) PyErr_Display(PyObject *, PyObject *, PyObject *);

/* Called by the interactive prompt while waiting for input. */
PyAPI_DATA(int) (*PyOS_InputHook)(void);

#define PYOS_STACK_MARGIN 2048

#ifndef Py_LIMITED_API
PyAPI_FUNC(int) PyRun_SimpleStringFlags(const char *, PyCompilerFlags *);
PyAPI_FUNC(int) PyRun_AnyFileExFlags(FILE *fp, const char *filename,
                                     int closeit, PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_SimpleFileExFlags(FILE *fp, const char *filename,
                                        int closeit, PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_InteractiveOneFlags(FILE *fp, const char *filename,
                                          PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_InteractiveOneObject(FILE *fp, PyObject *filename,
                                           PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_InteractiveLoopFlags(FILE *fp, const char *filename,
                                           PyCompilerFlags *flags);
/* Compile and run str with the start symbol (Py_eval_input, ...). */
PyAPI_FUNC(PyObject *) PyRun_StringFlags(const char *, int, PyObject *,
                                         PyObject *, PyCompilerFlags *);
PyAPI_FUNC(PyObject *) PyRun_FileExFlags(FILE *fp, const char *filename,
                                         int start, PyObject *globals,
                                         PyObject *locals, int closeit,
                                         PyCompilerFlags *flags);
PyAPI_FUNC(PyObject *) Py_CompileStringExFlags(const char *str,
                                               const char *filename, int start,
                                               PyCompilerFlags *flags,
                                               int optimize);
PyAPI_FUNC(PyObject *) Py_CompileStringObject(const char *str,
                                              PyObject *filename, int start,
                                              PyCompilerFlags *flags,
                                              int optimize);

#define Py_CompileString(str, p, s)                                           \
    Py_CompileStringExFlags((str), (p), (s), _Py_NULL, -1)
#define Py_CompileStringFlags(str, p, s, f)                                   \
    Py_CompileStringExFlags((str), (p), (s), (f), -1)

/* The plain names are exported functions too, for other languages. */
PyAPI_FUNC(PyObject *) PyRun_String(const char *str, int s, PyObject *g,
                                    PyObject *l);
PyAPI_FUNC(int) PyRun_AnyFile(FILE *fp, const char *name);
PyAPI_FUNC(int) PyRun_AnyFileEx(FILE *fp, const char *name, int closeit);
PyAPI_FUNC(int) PyRun_AnyFileFlags(FILE *, const char *, PyCompilerFlags *);
PyAPI_FUNC(int) PyRun_SimpleString(const char *s);
PyAPI_FUNC(int) PyRun_SimpleFile(FILE *f, const char *p);
PyAPI_FUNC(int) PyRun_SimpleFileEx(FILE *f, const char *p, int c);
PyAPI_FUNC(int) PyRun_InteractiveOne(FILE *f, const char *p);
PyAPI_FUNC(int) PyRun_InteractiveLoop(FILE *f, const char *p);
PyAPI_FUNC(PyObject *) PyRun_File(FILE *fp, const char *p, int s, PyObject *g,
                                  PyObject *l);
PyAPI_FUNC(PyObject *) PyRun_FileEx(FILE *fp, const char *p, int s,
                                    PyObject *g, PyObject *l, int c);
PyAPI_FUNC(PyObject *) PyRun_FileFlags(FILE *fp, const char *p, int s,
                                       PyObject *g, PyObject *l,
                                       PyCompilerFlags *flags);

#define PyRun_String(str, s, g, l) PyRun_StringFlags((str), (s), (g), (l), _Py_NULL)
#define PyRun_AnyFile(fp, name) PyRun_AnyFileExFlags((fp), (name), 0, _Py_NULL)
#define PyRun_AnyFileEx(fp, name, closeit)                                    \
    PyRun_AnyFileExFlags((fp), (name), (closeit), _Py_NULL)
#define PyRun_AnyFileFlags(fp, name, flags)                                   \
    PyRun_AnyFileExFlags((fp), (name), 0, (flags))
#define PyRun_SimpleString(s) PyRun_SimpleStringFlags((s), _Py_NULL)
#define PyRun_SimpleFile(f, p) PyRun_SimpleFileExFlags((f), (p), 0, _Py_NULL)
#define PyRun_SimpleFileEx(f, p, c) PyRun_SimpleFileExFlags((f), (p), (c), _Py_NULL)
#define PyRun_InteractiveOne(f, p) PyRun_InteractiveOneFlags((f), (p), _Py_NULL)
#define PyRun_InteractiveLoop(f, p) PyRun_InteractiveLoopFlags((f), (p), _Py_NULL)
#define PyRun_File(fp, p, s, g, l)                                            \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, _Py_NULL)
#define PyRun_FileEx(fp, p, s, g, l, c)                                       \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), (c), _Py_NULL)
#define PyRun_FileFlags(fp, p, s, g, l, flags)                                \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, (flags))

PyAPI_FUNC(char *) PyOS_Readline(FILE *, FILE *, const char *);
PyAPI_DATA(char) *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *,
                                                  const char *);
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_PYTHONRUN_H */
