/* methodobject.h — C functions exposed to Python (builtin_function_or_method).
 *
 * ABI: PyMethodDef is 32 bytes (name, function, flags as an int at 16, doc
 * at 24); extensions hand static arrays of them to the runtime, which keeps
 * pointing into them.  PyCFunctionObject (56 bytes) and PyCMethodObject
 * (64) are read by the PyCFunction_GET_* inline functions. */
#ifndef Py_METHODOBJECT_H
#define Py_METHODOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyCFunction_Type;

#define PyCFunction_CheckExact(op) Py_IS_TYPE((op), &PyCFunction_Type)
#define PyCFunction_Check(op) PyObject_TypeCheck((op), &PyCFunction_Type)

/* The signatures behind each METH_* calling convention. */
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*_PyCFunctionFast)(PyObject *, PyObject *const *,
                                      Py_ssize_t);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *,
                                             PyObject *);
typedef PyObject *(*_PyCFunctionFastWithKeywords)(PyObject *,
                                                  PyObject *const *,
                                                  Py_ssize_t, PyObject *);
typedef PyObject *(*PyCMethod)(PyObject *, PyTypeObject *, PyObject *const *,
                               size_t, PyObject *);

/* Store any of the signatures above in ml_meth without a cast warning:
 * going through void(*)(void) is what gcc's -Wcast-function-type allows. */
#define _PyCFunction_CAST(func)                                               \
    _Py_CAST(PyCFunction, _Py_CAST(void (*)(void), (func)))

PyAPI_FUNC(PyCFunction) PyCFunction_GetFunction(PyObject *);
PyAPI_FUNC(PyObject *) PyCFunction_GetSelf(PyObject *);
PyAPI_FUNC(int) PyCFunction_GetFlags(PyObject *);
Py_DEPRECATED(3.9) PyAPI_FUNC(PyObject *) PyCFunction_Call(PyObject *,
                                                           PyObject *,
                                                           PyObject *);

struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth; /* really of the type ml_flags selects */
    int ml_flags;        /* METH_* */
    const char *ml_doc;
};

/* The New/NewEx names are both functions (for the stable ABI) and macros
 * funnelling into PyCMethod_New. */
PyAPI_FUNC(PyObject *) PyCFunction_New(PyMethodDef *, PyObject *);
#define PyCFunction_New(ML, SELF) PyCFunction_NewEx((ML), (SELF), _Py_NULL)
PyAPI_FUNC(PyObject *) PyCFunction_NewEx(PyMethodDef *, PyObject *,
                                         PyObject *);
#define PyCFunction_NewEx(ML, SELF, MOD) PyCMethod_New((ML), (SELF), (MOD), _Py_NULL)
PyAPI_FUNC(PyObject *) PyCMethod_New(PyMethodDef *, PyObject *, PyObject *,
                                     PyTypeObject *);

/* Calling conventions (ml_flags). */
#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
/* Binding: receive the class (as for classmethod) or nothing (staticmethod). */
#define METH_CLASS 0x0010
#define METH_STATIC 0x0020
/* Replace a slot wrapper of the same name instead of yielding to it. */
#define METH_COEXIST 0x0040
#if !defined(Py_LIMITED_API) || Py_LIMITED_API + 0 >= 0x030A0000
#define METH_FASTCALL 0x0080
#endif
#define METH_STACKLESS 0x0000
/* Also receive the defining class (PyCMethod signature). */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API + 0 >= 0x03090000
#define METH_METHOD 0x0200
#endif

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_HEAD
    PyMethodDef *m_ml;        /* the definition: function and flags */
    PyObject *m_self;         /* first argument, or NULL */
    PyObject *m_module;       /* __module__ */
    PyObject *m_weakreflist;
    vectorcallfunc vectorcall;
} PyCFunctionObject;

typedef struct {
    PyCFunctionObject func;
    PyTypeObject *mm_class; /* the class that defines the method */
} PyCMethodObject;

PyAPI_DATA(PyTypeObject) PyCMethod_Type;

#define PyCMethod_CheckExact(op) Py_IS_TYPE((op), &PyCMethod_Type)
#define PyCMethod_Check(op) PyObject_TypeCheck((op), &PyCMethod_Type)

#define _PyCFunctionObject_CAST(func) _Py_CAST(PyCFunctionObject *, (func))
#define _PyCMethodObject_CAST(func) _Py_CAST(PyCMethodObject *, (func))

static inline PyCFunction PyCFunction_GET_FUNCTION(PyObject *func) {
    return _PyCFunctionObject_CAST(func)->m_ml->ml_meth;
}
#define PyCFunction_GET_FUNCTION(func) PyCFunction_GET_FUNCTION(_PyObject_CAST(func))

/* NULL for METH_STATIC functions, whatever m_self holds. */
static inline PyObject *PyCFunction_GET_SELF(PyObject *func_obj) {
    PyCFunctionObject *func = _PyCFunctionObject_CAST(func_obj);
    if (func->m_ml->ml_flags & METH_STATIC) {
        return _Py_NULL;
    }
    return func->m_self;
}
#define PyCFunction_GET_SELF(func) PyCFunction_GET_SELF(_PyObject_CAST(func))

static inline int PyCFunction_GET_FLAGS(PyObject *func) {
    return _PyCFunctionObject_CAST(func)->m_ml->ml_flags;
}
#define PyCFunction_GET_FLAGS(func) PyCFunction_GET_FLAGS(_PyObject_CAST(func))

static inline PyTypeObject *PyCFunction_GET_CLASS(PyObject *func_obj) {
    PyCFunctionObject *func = _PyCFunctionObject_CAST(func_obj);
    if (func->m_ml->ml_flags & METH_METHOD) {
        return _PyCMethodObject_CAST(func)->mm_class;
    }
    return _Py_NULL;
}
#define PyCFunction_GET_CLASS(func) PyCFunction_GET_CLASS(_PyObject_CAST(func))
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_METHODOBJECT_H */
