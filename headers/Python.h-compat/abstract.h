/* abstract.h — the abstract object protocols: calling, attributes, items,
 * iteration, numbers, sequences and mappings.
 *
 * These work on any object, as the corresponding Python syntax does; each
 * returns NULL or -1 with an exception set on failure. */
#ifndef Py_ABSTRACTOBJECT_H
#define Py_ABSTRACTOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================
 * Attributes
 * ====================================================================== */

#define PyObject_DelAttrString(O, A) PyObject_SetAttrString((O), (A), _Py_NULL)
#define PyObject_DelAttr(O, A) PyObject_SetAttr((O), (A), _Py_NULL)

/* ======================================================================
 * Calling
 * ====================================================================== */

/* With PY_SSIZE_T_CLEAN, "#" formats take Py_ssize_t lengths and the names
 * below bind to the _SizeT entry points (both are exported). */
#ifdef PY_SSIZE_T_CLEAN
#define PyObject_CallFunction _PyObject_CallFunction_SizeT
#define PyObject_CallMethod _PyObject_CallMethod_SizeT
#endif

PyAPI_FUNC(PyObject *) PyObject_CallNoArgs(PyObject *func);
/* args must be a tuple, kwargs a dict or NULL. */
PyAPI_FUNC(PyObject *) PyObject_Call(PyObject *callable, PyObject *args,
                                     PyObject *kwargs);
PyAPI_FUNC(PyObject *) PyObject_CallObject(PyObject *callable,
                                           PyObject *args);
/* Arguments built by Py_BuildValue(format, ...). */
PyAPI_FUNC(PyObject *) PyObject_CallFunction(PyObject *callable,
                                             const char *format, ...);
PyAPI_FUNC(PyObject *) PyObject_CallMethod(PyObject *obj, const char *name,
                                           const char *format, ...);
PyAPI_FUNC(PyObject *) _PyObject_CallFunction_SizeT(PyObject *callable,
                                                    const char *format, ...);
PyAPI_FUNC(PyObject *) _PyObject_CallMethod_SizeT(PyObject *obj,
                                                  const char *name,
                                                  const char *format, ...);
/* Arguments as a NULL-terminated list of objects. */
PyAPI_FUNC(PyObject *) PyObject_CallFunctionObjArgs(PyObject *callable, ...);
PyAPI_FUNC(PyObject *) PyObject_CallMethodObjArgs(PyObject *obj,
                                                  PyObject *name, ...);

/* ======================================================================
 * Generic object protocol
 * ====================================================================== */

PyAPI_FUNC(PyObject *) PyObject_Type(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PyObject_Size(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PyObject_Length(PyObject *o);
#define PyObject_Length PyObject_Size

PyAPI_FUNC(PyObject *) PyObject_GetItem(PyObject *o, PyObject *key);
PyAPI_FUNC(int) PyObject_SetItem(PyObject *o, PyObject *key, PyObject *v);
PyAPI_FUNC(int) PyObject_DelItemString(PyObject *o, const char *key);
PyAPI_FUNC(int) PyObject_DelItem(PyObject *o, PyObject *key);

/* The pre-PEP-3118 buffer API, kept for old extensions. */
Py_DEPRECATED(3.0) PyAPI_FUNC(int) PyObject_AsCharBuffer(
    PyObject *obj, const char **buffer, Py_ssize_t *buffer_len);
Py_DEPRECATED(3.0) PyAPI_FUNC(int) PyObject_CheckReadBuffer(PyObject *obj);
Py_DEPRECATED(3.0) PyAPI_FUNC(int) PyObject_AsReadBuffer(
    PyObject *obj, const void **buffer, Py_ssize_t *buffer_len);
Py_DEPRECATED(3.0) PyAPI_FUNC(int) PyObject_AsWriteBuffer(
    PyObject *obj, void **buffer, Py_ssize_t *buffer_len);

PyAPI_FUNC(PyObject *) PyObject_Format(PyObject *obj, PyObject *format_spec);

/* ======================================================================
 * Iteration
 * ====================================================================== */

PyAPI_FUNC(PyObject *) PyObject_GetIter(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetAIter(PyObject *);
PyAPI_FUNC(int) PyIter_Check(PyObject *);
PyAPI_FUNC(int) PyAIter_Check(PyObject *);
/* NULL without an exception set when the iterator is exhausted. */
PyAPI_FUNC(PyObject *) PyIter_Next(PyObject *);
PyAPI_FUNC(PySendResult) PyIter_Send(PyObject *, PyObject *, PyObject **);

/* ======================================================================
 * Numbers
 * ====================================================================== */

PyAPI_FUNC(int) PyNumber_Check(PyObject *o);
PyAPI_FUNC(PyObject *) PyNumber_Add(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Subtract(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Multiply(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_MatrixMultiply(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_FloorDivide(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_TrueDivide(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Remainder(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Divmod(PyObject *o1, PyObject *o2);
/* o3 is the modulus of three-argument pow(), or Py_None. */
PyAPI_FUNC(PyObject *) PyNumber_Power(PyObject *o1, PyObject *o2,
                                      PyObject *o3);
PyAPI_FUNC(PyObject *) PyNumber_Negative(PyObject *o);
PyAPI_FUNC(PyObject *) PyNumber_Positive(PyObject *o);
PyAPI_FUNC(PyObject *) PyNumber_Absolute(PyObject *o);
PyAPI_FUNC(PyObject *) PyNumber_Invert(PyObject *o);
PyAPI_FUNC(PyObject *) PyNumber_Lshift(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Rshift(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_And(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Xor(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Or(PyObject *o1, PyObject *o2);

/* 1 if o has __index__. */
PyAPI_FUNC(int) PyIndex_Check(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Index(PyObject *o);
/* o.__index__() as a Py_ssize_t; on overflow raise exc, or clamp when exc
 * is NULL. */
PyAPI_FUNC(Py_ssize_t) PyNumber_AsSsize_t(PyObject *o, PyObject *exc);
PyAPI_FUNC(PyObject *) PyNumber_Long(PyObject *o);
PyAPI_FUNC(PyObject *) PyNumber_Float(PyObject *o);

PyAPI_FUNC(PyObject *) PyNumber_InPlaceAdd(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceSubtract(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceMultiply(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceMatrixMultiply(PyObject *o1,
                                                      PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceFloorDivide(PyObject *o1,
                                                   PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceTrueDivide(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceRemainder(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlacePower(PyObject *o1, PyObject *o2,
                                             PyObject *o3);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceLshift(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceRshift(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceAnd(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceXor(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceOr(PyObject *o1, PyObject *o2);

/* bin()/oct()/hex() of n for base 2, 8 or 16; str() for 10. */
PyAPI_FUNC(PyObject *) PyNumber_ToBase(PyObject *n, int base);

/* ======================================================================
 * Sequences
 * ====================================================================== */

PyAPI_FUNC(int) PySequence_Check(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PySequence_Size(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PySequence_Length(PyObject *o);
#define PySequence_Length PySequence_Size
PyAPI_FUNC(PyObject *) PySequence_Concat(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PySequence_Repeat(PyObject *o, Py_ssize_t count);
PyAPI_FUNC(PyObject *) PySequence_GetItem(PyObject *o, Py_ssize_t i);
PyAPI_FUNC(PyObject *) PySequence_GetSlice(PyObject *o, Py_ssize_t i1,
                                           Py_ssize_t i2);
PyAPI_FUNC(int) PySequence_SetItem(PyObject *o, Py_ssize_t i, PyObject *v);
PyAPI_FUNC(int) PySequence_DelItem(PyObject *o, Py_ssize_t i);
PyAPI_FUNC(int) PySequence_SetSlice(PyObject *o, Py_ssize_t i1, Py_ssize_t i2,
                                    PyObject *v);
PyAPI_FUNC(int) PySequence_DelSlice(PyObject *o, Py_ssize_t i1,
                                    Py_ssize_t i2);
PyAPI_FUNC(PyObject *) PySequence_Tuple(PyObject *o);
PyAPI_FUNC(PyObject *) PySequence_List(PyObject *o);

/* o itself if it is a list or tuple, else a new list of its items; m is
 * the TypeError message for non-iterables.  The _Fast_ macros below
 * accept only such results. */
PyAPI_FUNC(PyObject *) PySequence_Fast(PyObject *o, const char *m);
#define PySequence_Fast_GET_SIZE(o)                                           \
    (PyList_Check(o) ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o))
#define PySequence_Fast_GET_ITEM(o, i)                                        \
    (PyList_Check(o) ? PyList_GET_ITEM((o), (i)) : PyTuple_GET_ITEM((o), (i)))
#define PySequence_Fast_ITEMS(sf)                                             \
    (PyList_Check(sf) ? ((PyListObject *)(sf))->ob_item                       \
                      : ((PyTupleObject *)(sf))->ob_item)

PyAPI_FUNC(Py_ssize_t) PySequence_Count(PyObject *o, PyObject *value);
PyAPI_FUNC(int) PySequence_Contains(PyObject *seq, PyObject *ob);
PyAPI_FUNC(int) PySequence_In(PyObject *o, PyObject *value);
#define PySequence_In PySequence_Contains
PyAPI_FUNC(Py_ssize_t) PySequence_Index(PyObject *o, PyObject *value);
PyAPI_FUNC(PyObject *) PySequence_InPlaceConcat(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PySequence_InPlaceRepeat(PyObject *o,
                                                Py_ssize_t count);

/* ======================================================================
 * Mappings
 * ====================================================================== */

PyAPI_FUNC(int) PyMapping_Check(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PyMapping_Size(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PyMapping_Length(PyObject *o);
#define PyMapping_Length PyMapping_Size
#define PyMapping_DelItemString(O, K) PyObject_DelItemString((O), (K))
#define PyMapping_DelItem(O, K) PyObject_DelItem((O), (K))
/* These two swallow errors and answer 0. */
PyAPI_FUNC(int) PyMapping_HasKeyString(PyObject *o, const char *key);
PyAPI_FUNC(int) PyMapping_HasKey(PyObject *o, PyObject *key);
/* Lists (never views) of keys, values and (key, value) tuples. */
PyAPI_FUNC(PyObject *) PyMapping_Keys(PyObject *o);
PyAPI_FUNC(PyObject *) PyMapping_Values(PyObject *o);
PyAPI_FUNC(PyObject *) PyMapping_Items(PyObject *o);
PyAPI_FUNC(PyObject *) PyMapping_GetItemString(PyObject *o, const char *key);
PyAPI_FUNC(int) PyMapping_SetItemString(PyObject *o, const char *key,
                                        PyObject *value);

PyAPI_FUNC(int) PyObject_IsInstance(PyObject *object, PyObject *typeorclass);
PyAPI_FUNC(int) PyObject_IsSubclass(PyObject *object, PyObject *typeorclass);

/* ======================================================================
 * Vectorcall (PEP 590) and other CPython-specific calls
 * ====================================================================== */

#ifndef Py_LIMITED_API

#ifdef PY_SSIZE_T_CLEAN
#define _PyObject_CallMethodId _PyObject_CallMethodId_SizeT
#endif

PyAPI_FUNC(PyObject *) _PyStack_AsDict(PyObject *const *values,
                                       PyObject *kwnames);
#define _PY_FASTCALL_SMALL_STACK 5

PyAPI_FUNC(PyObject *) _Py_CheckFunctionResult(PyThreadState *tstate,
                                               PyObject *callable,
                                               PyObject *result,
                                               const char *where);
PyAPI_FUNC(PyObject *) _PyObject_MakeTpCall(PyThreadState *tstate,
                                            PyObject *callable,
                                            PyObject *const *args,
                                            Py_ssize_t nargs,
                                            PyObject *keywords);

/* Set in nargsf when the callee may overwrite args[-1] temporarily (to
 * prepend self without copying the arguments). */
#define PY_VECTORCALL_ARGUMENTS_OFFSET                                        \
    (_Py_STATIC_CAST(size_t, 1) << (8 * sizeof(size_t) - 1))

static inline Py_ssize_t PyVectorcall_NARGS(size_t n) {
    return (Py_ssize_t)(n & ~PY_VECTORCALL_ARGUMENTS_OFFSET);
}

PyAPI_FUNC(vectorcallfunc) PyVectorcall_Function(PyObject *callable);
/* args[0 .. nargs) positional, then one value per name in the kwnames
 * tuple (or kwnames NULL). */
PyAPI_FUNC(PyObject *) PyObject_Vectorcall(PyObject *callable,
                                           PyObject *const *args,
                                           size_t nargsf, PyObject *kwnames);

#define _PyObject_Vectorcall PyObject_Vectorcall
#define _PyObject_VectorcallMethod PyObject_VectorcallMethod
#define _PyObject_FastCallDict PyObject_VectorcallDict
#define _PyVectorcall_Function PyVectorcall_Function
#define _PyObject_CallOneArg PyObject_CallOneArg
#define _PyObject_CallMethodNoArgs PyObject_CallMethodNoArgs
#define _PyObject_CallMethodOneArg PyObject_CallMethodOneArg

/* As PyObject_Vectorcall, keywords in a dict (or NULL). */
PyAPI_FUNC(PyObject *) PyObject_VectorcallDict(PyObject *callable,
                                               PyObject *const *args,
                                               size_t nargsf,
                                               PyObject *kwargs);
PyAPI_FUNC(PyObject *) PyVectorcall_Call(PyObject *callable, PyObject *tuple,
                                         PyObject *dict);
PyAPI_FUNC(PyObject *) _PyObject_FastCall(PyObject *func,
                                          PyObject *const *args,
                                          Py_ssize_t nargs);
PyAPI_FUNC(PyObject *) PyObject_CallOneArg(PyObject *func, PyObject *arg);
/* Calls args[0].name(*args[1:]). */
PyAPI_FUNC(PyObject *) PyObject_VectorcallMethod(PyObject *name,
                                                 PyObject *const *args,
                                                 size_t nargsf,
                                                 PyObject *kwnames);

static inline PyObject *PyObject_CallMethodNoArgs(PyObject *self,
                                                  PyObject *name) {
    return PyObject_VectorcallMethod(
        name, &self, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, _Py_NULL);
}

static inline PyObject *PyObject_CallMethodOneArg(PyObject *self,
                                                  PyObject *name,
                                                  PyObject *arg) {
    PyObject *stack[2] = {self, arg};
    assert(arg != _Py_NULL);
    return PyObject_VectorcallMethod(
        name, stack, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, _Py_NULL);
}

PyAPI_FUNC(PyObject *) _PyObject_CallMethod(PyObject *obj, PyObject *name,
                                            const char *format, ...);
PyAPI_FUNC(PyObject *) _PyObject_CallMethodId(PyObject *obj,
                                              _Py_Identifier *name,
                                              const char *format, ...);
PyAPI_FUNC(PyObject *) _PyObject_CallMethodId_SizeT(PyObject *obj,
                                                    _Py_Identifier *name,
                                                    const char *format, ...);
PyAPI_FUNC(PyObject *) _PyObject_CallMethodIdObjArgs(PyObject *obj,
                                                     _Py_Identifier *name,
                                                     ...);

static inline PyObject *_PyObject_VectorcallMethodId(_Py_Identifier *name,
                                                     PyObject *const *args,
                                                     size_t nargsf,
                                                     PyObject *kwnames) {
    PyObject *method_name = _PyUnicode_FromId(name); /* borrowed */
    if (method_name == _Py_NULL) {
        return _Py_NULL;
    }
    return PyObject_VectorcallMethod(method_name, args, nargsf, kwnames);
}

static inline PyObject *_PyObject_CallMethodIdNoArgs(PyObject *self,
                                                     _Py_Identifier *name) {
    return _PyObject_VectorcallMethodId(
        name, &self, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, _Py_NULL);
}

static inline PyObject *_PyObject_CallMethodIdOneArg(PyObject *self,
                                                     _Py_Identifier *name,
                                                     PyObject *arg) {
    PyObject *stack[2] = {self, arg};
    assert(arg != _Py_NULL);
    return _PyObject_VectorcallMethodId(
        name, stack, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, _Py_NULL);
}

PyAPI_FUNC(int) _PyObject_HasLen(PyObject *o);
/* len(o) if known, else o.__length_hint__(), else the default. */
PyAPI_FUNC(Py_ssize_t) PyObject_LengthHint(PyObject *o, Py_ssize_t);

/* Unchecked sq_item call: o's type must have one. */
#define PySequence_ITEM(o, i) (Py_TYPE(o)->tp_as_sequence->sq_item((o), (i)))

#define PY_ITERSEARCH_COUNT 1
#define PY_ITERSEARCH_INDEX 2
#define PY_ITERSEARCH_CONTAINS 3
PyAPI_FUNC(Py_ssize_t) _PySequence_IterSearch(PyObject *seq, PyObject *obj,
                                              int operation);

PyAPI_FUNC(int) _PyObject_RealIsInstance(PyObject *inst, PyObject *cls);
PyAPI_FUNC(int) _PyObject_RealIsSubclass(PyObject *derived, PyObject *cls);
PyAPI_FUNC(char *const *) _PySequence_BytesToCharpArray(PyObject *self);
PyAPI_FUNC(void) _Py_FreeCharPArray(char *const array[]);
PyAPI_FUNC(void) _Py_add_one_to_index_F(int nd, Py_ssize_t *index,
                                        const Py_ssize_t *shape);
PyAPI_FUNC(void) _Py_add_one_to_index_C(int nd, Py_ssize_t *index,
                                        const Py_ssize_t *shape);
PyAPI_FUNC(int) _Py_convert_optional_to_ssize_t(PyObject *, void *);
PyAPI_FUNC(PyObject *) _PyNumber_Index(PyObject *o);

#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_ABSTRACTOBJECT_H */
