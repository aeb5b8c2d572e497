/* funcobject.h — Python functions, classmethod and staticmethod.
 *
 * ABI: PyFunctionObject is 136 bytes; the first eight pointers (globals
 * @16 through closure @72) are the fields a function is built from, the
 * same ones PyFrameConstructor lists; func_version is a uint32 at 128. */
#ifndef Py_FUNCOBJECT_H
#define Py_FUNCOBJECT_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

/* The "constructor" fields shared by functions and frame constructors. */
#define COMMON_FIELDS(PREFIX)                                                 \
    PyObject *PREFIX##globals;                                                \
    PyObject *PREFIX##builtins;                                               \
    PyObject *PREFIX##name;                                                   \
    PyObject *PREFIX##qualname;                                               \
    PyObject *PREFIX##code;       /* __code__ */                              \
    PyObject *PREFIX##defaults;   /* tuple or NULL */                         \
    PyObject *PREFIX##kwdefaults; /* dict or NULL */                          \
    PyObject *PREFIX##closure;    /* tuple of cells or NULL */

typedef struct {
    COMMON_FIELDS(fc_)
} PyFrameConstructor;

typedef struct {
    PyObject_HEAD
    COMMON_FIELDS(func_)
    PyObject *func_doc;
    PyObject *func_dict; /* __dict__, or NULL */
    PyObject *func_weakreflist;
    PyObject *func_module;
    PyObject *func_annotations; /* dict or NULL */
    vectorcallfunc vectorcall;
    /* Non-zero while CPython's specialiser may rely on the function's
     * defaults, code and annotations staying as they are. */
    uint32_t func_version;
} PyFunctionObject;

PyAPI_DATA(PyTypeObject) PyFunction_Type;

#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)

PyAPI_FUNC(PyObject *) PyFunction_New(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_NewWithQualName(PyObject *, PyObject *,
                                                  PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetCode(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetGlobals(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetModule(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetDefaults(PyObject *);
PyAPI_FUNC(int) PyFunction_SetDefaults(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetKwDefaults(PyObject *);
PyAPI_FUNC(int) PyFunction_SetKwDefaults(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetClosure(PyObject *);
PyAPI_FUNC(int) PyFunction_SetClosure(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetAnnotations(PyObject *);
PyAPI_FUNC(int) PyFunction_SetAnnotations(PyObject *, PyObject *);

PyAPI_FUNC(PyObject *) _PyFunction_Vectorcall(PyObject *func,
                                              PyObject *const *stack,
                                              size_t nargsf,
                                              PyObject *kwnames);

/* Unchecked accessors. */
#define PyFunction_GET_CODE(func) (((PyFunctionObject *)(func))->func_code)
#define PyFunction_GET_GLOBALS(func) (((PyFunctionObject *)(func))->func_globals)
#define PyFunction_GET_MODULE(func) (((PyFunctionObject *)(func))->func_module)
#define PyFunction_GET_DEFAULTS(func)                                         \
    (((PyFunctionObject *)(func))->func_defaults)
#define PyFunction_GET_KW_DEFAULTS(func)                                      \
    (((PyFunctionObject *)(func))->func_kwdefaults)
#define PyFunction_GET_CLOSURE(func) (((PyFunctionObject *)(func))->func_closure)
#define PyFunction_GET_ANNOTATIONS(func)                                      \
    (((PyFunctionObject *)(func))->func_annotations)

PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;

PyAPI_FUNC(PyObject *) PyClassMethod_New(PyObject *);
PyAPI_FUNC(PyObject *) PyStaticMethod_New(PyObject *);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* Py_FUNCOBJECT_H */
