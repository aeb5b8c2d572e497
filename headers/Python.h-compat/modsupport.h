/* modsupport.h — argument parsing, value building and module creation.
 *
 * The parsing and building functions come in two flavours: the plain names
 * take int lengths for "#" formats (an error since 3.10), the _SizeT names
 * take Py_ssize_t.  Defining PY_SSIZE_T_CLEAN before including Python.h
 * maps the plain names onto the _SizeT ones, exactly as in CPython; both
 * sets are exported by libtern.so because binaries use both. */
#ifndef Py_MODSUPPORT_H
#define Py_MODSUPPORT_H

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef PY_SSIZE_T_CLEAN
#define PyArg_Parse _PyArg_Parse_SizeT
#define PyArg_ParseTuple _PyArg_ParseTuple_SizeT
#define PyArg_ParseTupleAndKeywords _PyArg_ParseTupleAndKeywords_SizeT
#define PyArg_VaParse _PyArg_VaParse_SizeT
#define PyArg_VaParseTupleAndKeywords _PyArg_VaParseTupleAndKeywords_SizeT
#define Py_BuildValue _Py_BuildValue_SizeT
#define Py_VaBuildValue _Py_VaBuildValue_SizeT
#endif

/* ======================================================================
 * Parsing arguments
 * ====================================================================== */

#if !defined(PY_SSIZE_T_CLEAN) || !defined(Py_LIMITED_API) ||                 \
    Py_LIMITED_API + 0 >= 0x03030000
PyAPI_FUNC(int) PyArg_Parse(PyObject *, const char *, ...);
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *, const char *, ...);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *, PyObject *,
                                            const char *, char **, ...);
PyAPI_FUNC(int) PyArg_VaParse(PyObject *, const char *, va_list);
PyAPI_FUNC(int) PyArg_VaParseTupleAndKeywords(PyObject *, PyObject *,
                                              const char *, char **, va_list);
#endif
/* TypeError unless kwargs is a dict with only str keys. */
PyAPI_FUNC(int) PyArg_ValidateKeywordArguments(PyObject *);
/* Store min..max positional arguments from a tuple into PyObject **s. */
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *, const char *, Py_ssize_t,
                                  Py_ssize_t, ...);

/* ======================================================================
 * Building values
 * ====================================================================== */

PyAPI_FUNC(PyObject *) Py_BuildValue(const char *, ...);
PyAPI_FUNC(PyObject *) _Py_BuildValue_SizeT(const char *, ...);
PyAPI_FUNC(PyObject *) Py_VaBuildValue(const char *, va_list);

#define ANY_VARARGS(n) ((n) == PY_SSIZE_T_MAX)

/* ======================================================================
 * Filling modules
 * ====================================================================== */

/* AddObjectRef does not steal value; AddObject steals it on success only. */
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *mod, const char *name,
                                      PyObject *value);
PyAPI_FUNC(int) PyModule_AddObject(PyObject *mod, const char *,
                                   PyObject *value);
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *, const char *, long);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *, const char *,
                                           const char *);
/* Readies the type and adds it under its short name. */
PyAPI_FUNC(int) PyModule_AddType(PyObject *module, PyTypeObject *type);

#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))

PyAPI_FUNC(int) PyModule_SetDocString(PyObject *, const char *);
PyAPI_FUNC(int) PyModule_AddFunctions(PyObject *, PyMethodDef *);
/* Run the Py_mod_exec slots of def on module. */
PyAPI_FUNC(int) PyModule_ExecDef(PyObject *module, PyModuleDef *def);

/* An "O&" converter returning this also gets a cleanup call. */
#define Py_CLEANUP_SUPPORTED 0x20000

/* The C API version an extension was built against, passed to
 * PyModule_Create2; the stable ABI passes PYTHON_ABI_VERSION instead. */
#define PYTHON_API_VERSION 1013
#define PYTHON_API_STRING "1013"
#define PYTHON_ABI_VERSION 3
#define PYTHON_ABI_STRING "3"

/* ======================================================================
 * Creating modules
 * ====================================================================== */

PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *, int apiver);
PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *def,
                                                PyObject *spec,
                                                int module_api_version);

#ifdef Py_LIMITED_API
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_ABI_VERSION)
#define PyModule_FromDefAndSpec(module, spec)                                 \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_ABI_VERSION)
#else
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_API_VERSION)
#define PyModule_FromDefAndSpec(module, spec)                                 \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)
#endif

/* ======================================================================
 * CPython-specific parsing support (Argument Clinic's runtime)
 * ====================================================================== */

#ifndef Py_LIMITED_API

#ifdef PY_SSIZE_T_CLEAN
#define _Py_VaBuildStack _Py_VaBuildStack_SizeT
#else
/* Without PY_SSIZE_T_CLEAN the renaming above does not declare the
 * Py_ssize_t flavours, which binaries call all the same. */
PyAPI_FUNC(int) _PyArg_Parse_SizeT(PyObject *, const char *, ...);
PyAPI_FUNC(int) _PyArg_ParseTuple_SizeT(PyObject *, const char *, ...);
PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywords_SizeT(PyObject *, PyObject *,
                                                   const char *, char **,
                                                   ...);
PyAPI_FUNC(int) _PyArg_VaParse_SizeT(PyObject *, const char *, va_list);
PyAPI_FUNC(int) _PyArg_VaParseTupleAndKeywords_SizeT(PyObject *, PyObject *,
                                                     const char *, char **,
                                                     va_list);
PyAPI_FUNC(PyObject *) _Py_VaBuildValue_SizeT(const char *, va_list);
PyAPI_FUNC(PyObject **) _Py_VaBuildStack_SizeT(PyObject **small_stack,
                                               Py_ssize_t small_stack_len,
                                               const char *format,
                                               va_list va,
                                               Py_ssize_t *p_nargs);
#endif
PyAPI_FUNC(PyObject **) _Py_VaBuildStack(PyObject **small_stack,
                                         Py_ssize_t small_stack_len,
                                         const char *format, va_list va,
                                         Py_ssize_t *p_nargs);

PyAPI_FUNC(int) _PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs,
                                   const char *name, Py_ssize_t min,
                                   Py_ssize_t max, ...);

/* Each check is inline for the common case and calls out to raise. */
PyAPI_FUNC(int) _PyArg_NoKeywords(const char *funcname, PyObject *kwargs);
PyAPI_FUNC(int) _PyArg_NoKwnames(const char *funcname, PyObject *kwnames);
PyAPI_FUNC(int) _PyArg_NoPositional(const char *funcname, PyObject *args);
#define _PyArg_NoKeywords(funcname, kwargs)                                   \
    ((kwargs) == _Py_NULL || _PyArg_NoKeywords((funcname), (kwargs)))
#define _PyArg_NoKwnames(funcname, kwnames)                                   \
    ((kwnames) == _Py_NULL || _PyArg_NoKwnames((funcname), (kwnames)))
#define _PyArg_NoPositional(funcname, args)                                   \
    ((args) == _Py_NULL || _PyArg_NoPositional((funcname), (args)))

PyAPI_FUNC(void) _PyArg_BadArgument(const char *, const char *, const char *,
                                    PyObject *);
PyAPI_FUNC(int) _PyArg_CheckPositional(const char *, Py_ssize_t, Py_ssize_t,
                                       Py_ssize_t);
#define _PyArg_CheckPositional(funcname, nargs, min, max)                     \
    ((!ANY_VARARGS(max) && (min) <= (nargs) && (nargs) <= (max)) ||           \
     _PyArg_CheckPositional((funcname), (nargs), (min), (max)))

/* A cached description of a function's parameters. */
typedef struct _PyArg_Parser {
    const char *format;
    const char *const *keywords; /* NULL-terminated, "" for positional-only */
    const char *fname;
    const char *custom_msg;
    int pos;           /* positional-only parameters */
    int min;           /* required arguments */
    int max;           /* positional arguments */
    PyObject *kwtuple; /* the keyword names as a tuple */
    struct _PyArg_Parser *next;
} _PyArg_Parser;

#ifdef PY_SSIZE_T_CLEAN
#define _PyArg_ParseTupleAndKeywordsFast _PyArg_ParseTupleAndKeywordsFast_SizeT
#define _PyArg_ParseStack _PyArg_ParseStack_SizeT
#define _PyArg_ParseStackAndKeywords _PyArg_ParseStackAndKeywords_SizeT
#define _PyArg_VaParseTupleAndKeywordsFast _PyArg_VaParseTupleAndKeywordsFast_SizeT
#endif

PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywordsFast(PyObject *, PyObject *,
                                                 struct _PyArg_Parser *, ...);
PyAPI_FUNC(int) _PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs,
                                  const char *format, ...);
PyAPI_FUNC(int) _PyArg_ParseStackAndKeywords(PyObject *const *args,
                                             Py_ssize_t nargs,
                                             PyObject *kwnames,
                                             struct _PyArg_Parser *, ...);
PyAPI_FUNC(int) _PyArg_VaParseTupleAndKeywordsFast(PyObject *, PyObject *,
                                                   struct _PyArg_Parser *,
                                                   va_list);
#ifndef PY_SSIZE_T_CLEAN
/* Their Py_ssize_t flavours (declared by the renaming otherwise). */
PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywordsFast_SizeT(PyObject *, PyObject *,
                                                       struct _PyArg_Parser *,
                                                       ...);
PyAPI_FUNC(int) _PyArg_ParseStack_SizeT(PyObject *const *args,
                                        Py_ssize_t nargs, const char *format,
                                        ...);
PyAPI_FUNC(int) _PyArg_ParseStackAndKeywords_SizeT(PyObject *const *args,
                                                   Py_ssize_t nargs,
                                                   PyObject *kwnames,
                                                   struct _PyArg_Parser *,
                                                   ...);
PyAPI_FUNC(int) _PyArg_VaParseTupleAndKeywordsFast_SizeT(
    PyObject *, PyObject *, struct _PyArg_Parser *, va_list);
#endif

PyAPI_FUNC(PyObject *const *) _PyArg_UnpackKeywords(
    PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
    PyObject *kwnames, struct _PyArg_Parser *parser, int minpos, int maxpos,
    int minkw, PyObject **buf);
PyAPI_FUNC(PyObject *const *) _PyArg_UnpackKeywordsWithVararg(
    PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
    PyObject *kwnames, struct _PyArg_Parser *parser, int minpos, int maxpos,
    int minkw, int vararg, PyObject **buf);

/* Fast path: positional arguments only, within bounds, need no unpacking. */
#define _PyArg_UnpackKeywords(args, nargs, kwargs, kwnames, parser, minpos,   \
                              maxpos, minkw, buf)                             \
    (((minkw) == 0 && (kwargs) == _Py_NULL && (kwnames) == _Py_NULL &&        \
      (minpos) <= (nargs) && (nargs) <= (maxpos) && (args) != _Py_NULL)       \
         ? (args)                                                             \
         : _PyArg_UnpackKeywords((args), (nargs), (kwargs), (kwnames),        \
                                 (parser), (minpos), (maxpos), (minkw),       \
                                 (buf)))

PyAPI_FUNC(PyObject *) _PyModule_CreateInitialized(PyModuleDef *, int apiver);

/* The package a single-phase PyInit_* is being imported into. */
PyAPI_DATA(const char *) _Py_PackageContext;

#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_MODSUPPORT_H */
