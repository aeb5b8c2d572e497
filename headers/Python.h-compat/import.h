/* import.h — importing modules from C. */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(long) PyImport_GetMagicNumber(void);
PyAPI_FUNC(const char *) PyImport_GetMagicTag(void);

/* Create (or reinitialise) module name by executing code object co. */
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModule(const char *name,
                                               PyObject *co);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleEx(const char *name,
                                                 PyObject *co,
                                                 const char *pathname);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleWithPathnames(
    const char *name, PyObject *co, const char *pathname,
    const char *cpathname);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleObject(PyObject *name,
                                                     PyObject *co,
                                                     PyObject *pathname,
                                                     PyObject *cpathname);

PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void); /* borrowed sys.modules */
PyAPI_FUNC(PyObject *) PyImport_GetModule(PyObject *name);
/* sys.modules[name], created empty if missing; borrowed. */
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleNoBlock(const char *name);
/* __import__(name, globals, locals, fromlist, level). */
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *name,
                                                  PyObject *globals,
                                                  PyObject *locals,
                                                  PyObject *fromlist,
                                                  int level);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevelObject(PyObject *name,
                                                        PyObject *globals,
                                                        PyObject *locals,
                                                        PyObject *fromlist,
                                                        int level);

#define PyImport_ImportModuleEx(n, g, l, f)                                   \
    PyImport_ImportModuleLevel((n), (g), (l), (f), 0)

PyAPI_FUNC(PyObject *) PyImport_GetImporter(PyObject *path);
/* Import through the current __import__ (honours import hooks). */
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_ReloadModule(PyObject *m);
PyAPI_FUNC(int) PyImport_ImportFrozenModuleObject(PyObject *name);
PyAPI_FUNC(int) PyImport_ImportFrozenModule(const char *name);

/* Register a builtin module before the interpreter starts (embedders). */
PyAPI_FUNC(int) PyImport_AppendInittab(const char *name,
                                       PyObject *(*initfunc)(void));

#ifndef Py_LIMITED_API
PyAPI_FUNC(int) _PyImport_IsInitialized(PyInterpreterState *);
PyAPI_FUNC(PyObject *) _PyImport_GetModuleId(_Py_Identifier *name);
PyAPI_FUNC(int) _PyImport_SetModule(PyObject *name, PyObject *module);
PyAPI_FUNC(int) _PyImport_SetModuleString(const char *name, PyObject *module);
PyAPI_FUNC(void) _PyImport_AcquireLock(void);
PyAPI_FUNC(int) _PyImport_ReleaseLock(void);

struct _inittab {
    const char *name;
    PyObject *(*initfunc)(void);
};
PyAPI_DATA(struct _inittab *) PyImport_Inittab;
PyAPI_FUNC(int) PyImport_ExtendInittab(struct _inittab *newtab);

struct _frozen {
    const char *name;
    const unsigned char *code; /* marshalled code object */
    int size;
    int is_package;
    PyObject *(*get_code)(void);
};
/* NULL-name-terminated table of frozen modules. */
PyAPI_DATA(const struct _frozen *) PyImport_FrozenModules;
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_IMPORT_H */
