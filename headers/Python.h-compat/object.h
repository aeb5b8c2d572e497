/* object.h — PyObject, reference counting, and the type object.
 *
 * ABI: a PyObject is 16 bytes (ob_refcnt at 0, ob_type at 8), a PyVarObject
 * adds ob_size at 16, and PyTypeObject is CPython 3.11's 408-byte struct
 * with every slot at CPython's offset.  Extensions compiled against either
 * CPython's headers or these read and write those fields directly through
 * the inline functions below, so Tern's proxies (DESIGN.md §6) carry exactly
 * this layout.  tests/unit/cpyext_abi checks every offset.
 *
 * Reference counts are real counters here: Py_INCREF and Py_DECREF are the
 * inline increments and decrements of CPython 3.11, and a count reaching
 * zero calls _Py_Dealloc, where libtern.so decides what "dealloc" means for
 * a proxy (the runtime object may well outlive it). */
#ifndef Py_OBJECT_H
#define Py_OBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================
 * Object headers
 * ====================================================================== */

/* Py_TRACE_REFS builds would put a list link here; Tern has none. */
#define _PyObject_HEAD_EXTRA
#define _PyObject_EXTRA_INIT

struct _object {
    _PyObject_HEAD_EXTRA
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
};

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size; /* number of items in the variable part */
} PyVarObject;

/* The first member of every object struct. */
#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;

/* Initialisers for statically allocated objects (types above all): the
 * object starts with one reference, which is never released. */
#define PyObject_HEAD_INIT(type) {_PyObject_EXTRA_INIT 1, type},
#define PyVarObject_HEAD_INIT(type, size) {PyObject_HEAD_INIT(type)(size)},

#define _PyObject_CAST(op) _Py_CAST(PyObject *, (op))
#define _PyVarObject_CAST(op) _Py_CAST(PyVarObject *, (op))

#define Py_INVALID_SIZE ((Py_ssize_t)-1)

/* ---- Field accessors (inline functions, as in 3.11: not lvalues) ------- */

PyAPI_FUNC(int) Py_Is(PyObject *x, PyObject *y);
#define Py_Is(x, y) ((x) == (y))

static inline Py_ssize_t Py_REFCNT(PyObject *ob) { return ob->ob_refcnt; }
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_REFCNT(ob) Py_REFCNT(_PyObject_CAST(ob))
#endif

static inline PyTypeObject *Py_TYPE(PyObject *ob) { return ob->ob_type; }
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_TYPE(ob) Py_TYPE(_PyObject_CAST(ob))
#endif

static inline Py_ssize_t Py_SIZE(PyObject *ob) {
    return _PyVarObject_CAST(ob)->ob_size;
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_SIZE(ob) Py_SIZE(_PyObject_CAST(ob))
#endif

static inline int Py_IS_TYPE(PyObject *ob, PyTypeObject *type) {
    return Py_TYPE(ob) == type;
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_IS_TYPE(ob, type) Py_IS_TYPE(_PyObject_CAST(ob), (type))
#endif

static inline void Py_SET_REFCNT(PyObject *ob, Py_ssize_t refcnt) {
    ob->ob_refcnt = refcnt;
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_SET_REFCNT(ob, refcnt) Py_SET_REFCNT(_PyObject_CAST(ob), (refcnt))
#endif

static inline void Py_SET_TYPE(PyObject *ob, PyTypeObject *type) {
    ob->ob_type = type;
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_SET_TYPE(ob, type) Py_SET_TYPE(_PyObject_CAST(ob), (type))
#endif

static inline void Py_SET_SIZE(PyVarObject *ob, Py_ssize_t size) {
    ob->ob_size = size;
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_SET_SIZE(ob, size) Py_SET_SIZE(_PyVarObject_CAST(ob), (size))
#endif

/* ======================================================================
 * Slot function types
 * ====================================================================== */

typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t,
                                    PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);

/* Outcome of am_send / PyIter_Send. */
typedef enum {
    PYGEN_RETURN = 0,
    PYGEN_ERROR = -1,
    PYGEN_NEXT = 1,
} PySendResult;

/* ======================================================================
 * Types created from a specification (the limited API's way)
 * ====================================================================== */

typedef struct {
    int slot;    /* a Py_tp_* / Py_nb_* / ... id from typeslots.h */
    void *pfunc; /* the value for that slot */
} PyType_Slot;

typedef struct {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    PyType_Slot *slots; /* terminated by a slot id of 0 */
} PyType_Spec;

PyAPI_FUNC(PyObject *) PyType_FromSpec(PyType_Spec *);
PyAPI_FUNC(PyObject *) PyType_FromSpecWithBases(PyType_Spec *, PyObject *);
PyAPI_FUNC(void *) PyType_GetSlot(PyTypeObject *, int);
PyAPI_FUNC(PyObject *) PyType_FromModuleAndSpec(PyObject *, PyType_Spec *,
                                                PyObject *);
PyAPI_FUNC(PyObject *) PyType_GetModule(PyTypeObject *);
PyAPI_FUNC(void *) PyType_GetModuleState(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetQualName(PyTypeObject *);

/* ======================================================================
 * Types and generic object operations
 * ====================================================================== */

PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *, PyTypeObject *);

static inline int PyObject_TypeCheck(PyObject *ob, PyTypeObject *type) {
    return Py_IS_TYPE(ob, type) || PyType_IsSubtype(Py_TYPE(ob), type);
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define PyObject_TypeCheck(ob, type) PyObject_TypeCheck(_PyObject_CAST(ob), (type))
#endif

PyAPI_DATA(PyTypeObject) PyType_Type;       /* type */
PyAPI_DATA(PyTypeObject) PyBaseObject_Type; /* object */
PyAPI_DATA(PyTypeObject) PySuper_Type;      /* super */

PyAPI_FUNC(unsigned long) PyType_GetFlags(PyTypeObject *);
PyAPI_FUNC(int) PyType_Ready(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyType_GenericNew(PyTypeObject *, PyObject *,
                                         PyObject *);
PyAPI_FUNC(unsigned int) PyType_ClearCache(void);
PyAPI_FUNC(void) PyType_Modified(PyTypeObject *);

PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Bytes(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *, const char *);
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_SelfIter(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GenericSetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GenericSetDict(PyObject *, PyObject *, void *);
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *);
PyAPI_FUNC(Py_hash_t) PyObject_HashNotImplemented(PyObject *);
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *);
PyAPI_FUNC(int) PyObject_Not(PyObject *);
PyAPI_FUNC(int) PyCallable_Check(PyObject *);
PyAPI_FUNC(void) PyObject_ClearWeakRefs(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *);
#ifndef Py_LIMITED_API
/* The default __getstate__ (object.__getstate__). */
PyAPI_FUNC(PyObject *) _PyObject_GetState(PyObject *);
#endif

/* Recursion guard for repr() of containers that may contain themselves. */
PyAPI_FUNC(int) Py_ReprEnter(PyObject *);
PyAPI_FUNC(void) Py_ReprLeave(PyObject *);

#define Py_PRINT_RAW 1 /* PyObject_Print: str() instead of repr() */

/* ======================================================================
 * Type flags (tp_flags)
 * ====================================================================== */

#define Py_TPFLAGS_HAVE_FINALIZE (1UL << 0)
#ifndef Py_LIMITED_API
#define Py_TPFLAGS_MANAGED_DICT (1 << 4)
#define Py_TPFLAGS_SEQUENCE (1 << 5) /* matches sequence patterns */
#define Py_TPFLAGS_MAPPING (1 << 6)  /* matches mapping patterns */
#endif
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#ifndef Py_LIMITED_API
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define _Py_TPFLAGS_HAVE_VECTORCALL Py_TPFLAGS_HAVE_VECTORCALL
#endif
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_HAVE_STACKLESS_EXTENSION 0
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)

/* "Is a subclass of a builtin": fast checks without walking the MRO. */
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)

#define Py_TPFLAGS_DEFAULT (Py_TPFLAGS_HAVE_STACKLESS_EXTENSION | 0)

/* ======================================================================
 * Reference counting
 * ====================================================================== */

PyAPI_FUNC(void) _Py_Dealloc(PyObject *);

/* Out-of-line versions, for languages that cannot use the inline ones. */
PyAPI_FUNC(void) Py_IncRef(PyObject *);
PyAPI_FUNC(void) Py_DecRef(PyObject *);
PyAPI_FUNC(void) _Py_IncRef(PyObject *);
PyAPI_FUNC(void) _Py_DecRef(PyObject *);

static inline void Py_INCREF(PyObject *op) { op->ob_refcnt++; }
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
#endif

static inline void Py_DECREF(PyObject *op) {
    if (--op->ob_refcnt == 0) {
        _Py_Dealloc(op);
    }
}
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))

static inline void Py_XINCREF(PyObject *op) {
    if (op != _Py_NULL) {
        Py_INCREF(op);
    }
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))
#endif

static inline void Py_XDECREF(PyObject *op) {
    if (op != _Py_NULL) {
        Py_DECREF(op);
    }
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_XDECREF(op) Py_XDECREF(_PyObject_CAST(op))
#endif

/* Py_CLEAR sets the variable to NULL *before* dropping the reference, so a
 * destructor that reaches the variable again finds it already cleared. */
#define Py_CLEAR(op)                                                          \
    do {                                                                      \
        PyObject *_py_clear_old = _PyObject_CAST(op);                         \
        if (_py_clear_old != _Py_NULL) {                                      \
            (op) = _Py_NULL;                                                  \
            Py_DECREF(_py_clear_old);                                         \
        }                                                                     \
    } while (0)

PyAPI_FUNC(PyObject *) Py_NewRef(PyObject *obj);
PyAPI_FUNC(PyObject *) Py_XNewRef(PyObject *obj);

static inline PyObject *_Py_NewRef(PyObject *obj) {
    Py_INCREF(obj);
    return obj;
}
static inline PyObject *_Py_XNewRef(PyObject *obj) {
    Py_XINCREF(obj);
    return obj;
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define Py_NewRef(obj) _Py_NewRef(_PyObject_CAST(obj))
#define Py_XNewRef(obj) _Py_XNewRef(_PyObject_CAST(obj))
#else
#define Py_NewRef(obj) _Py_NewRef(obj)
#define Py_XNewRef(obj) _Py_XNewRef(obj)
#endif

/* ======================================================================
 * Singletons
 * ====================================================================== */

PyAPI_DATA(PyObject) _Py_NoneStruct; /* use Py_None */
#define Py_None (&_Py_NoneStruct)
PyAPI_FUNC(int) Py_IsNone(PyObject *x);
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_RETURN_NONE return Py_NewRef(Py_None)

PyAPI_DATA(PyObject) _Py_NotImplementedStruct; /* use Py_NotImplemented */
#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_RETURN_NOTIMPLEMENTED return Py_NewRef(Py_NotImplemented)

/* Rich comparison opcodes (the third argument of tp_richcompare). */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

/* Returns the truth of `val1 op val2` as Py_True / Py_False. */
#define Py_RETURN_RICHCOMPARE(val1, val2, op)                                 \
    do {                                                                      \
        switch (op) {                                                         \
        case Py_EQ: if ((val1) == (val2)) { Py_RETURN_TRUE; } break;          \
        case Py_NE: if ((val1) != (val2)) { Py_RETURN_TRUE; } break;          \
        case Py_LT: if ((val1) < (val2)) { Py_RETURN_TRUE; } break;           \
        case Py_GT: if ((val1) > (val2)) { Py_RETURN_TRUE; } break;           \
        case Py_LE: if ((val1) <= (val2)) { Py_RETURN_TRUE; } break;          \
        case Py_GE: if ((val1) >= (val2)) { Py_RETURN_TRUE; } break;          \
        default: Py_UNREACHABLE();                                            \
        }                                                                     \
        Py_RETURN_FALSE;                                                      \
    } while (0)

/* ======================================================================
 * The full type object (not part of the limited API)
 * ====================================================================== */

#ifndef Py_LIMITED_API

/* _Py_IDENTIFIER: a lazily interned attribute name, still offered to
 * extensions by 3.11 (CPython's own core no longer uses it). */
typedef struct _Py_Identifier {
    const char *string;
    Py_ssize_t index; /* process-wide slot of the interned string; -1 */
} _Py_Identifier;

#ifndef Py_BUILD_CORE
#define _Py_static_string_init(value) {.string = (value), .index = -1}
#define _Py_static_string(varname, value)                                     \
    static _Py_Identifier varname = _Py_static_string_init(value)
#define _Py_IDENTIFIER(varname) _Py_static_string(PyId_##varname, #varname)
#endif

typedef int (*getbufferproc)(PyObject *, Py_buffer *, int);
typedef void (*releasebufferproc)(PyObject *, Py_buffer *);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);
typedef PySendResult (*sendfunc)(PyObject *iter, PyObject *value,
                                 PyObject **result);

/* tp_vectorcall_offset took over tp_print's slot in 3.8. */
typedef Py_ssize_t printfunc;

/* The number protocol: 36 slots, 288 bytes. */
typedef struct {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved; /* was nb_long */
    unaryfunc nb_float;

    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;

    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;

    unaryfunc nb_index;

    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} PyNumberMethods;

/* The sequence protocol; the two was_* words are the slice slots of
 * Python 2, kept so that the later slots stay at their offsets. */
typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} PySequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} PyMappingMethods;

typedef struct {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    sendfunc am_send;
} PyAsyncMethods;

typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} PyBufferProcs;

struct _typeobject {
    PyObject_VAR_HEAD
    const char *tp_name; /* "module.qualname" for C types */
    Py_ssize_t tp_basicsize, tp_itemsize;

    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    PyAsyncMethods *tp_as_async;
    reprfunc tp_repr;

    PyNumberMethods *tp_as_number;
    PySequenceMethods *tp_as_sequence;
    PyMappingMethods *tp_as_mapping;

    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;

    PyBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;

    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;

    getiterfunc tp_iter;
    iternextfunc tp_iternext;

    PyMethodDef *tp_methods;
    PyMemberDef *tp_members;
    PyGetSetDef *tp_getset;
    PyTypeObject *tp_base;
    PyObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    PyObject *tp_bases;
    PyObject *tp_mro;
    PyObject *tp_cache;
    PyObject *tp_subclasses;
    PyObject *tp_weaklist;
    destructor tp_del;

    unsigned int tp_version_tag;
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
};

/* Opaque to everyone but CPython's specialising interpreter; here only so
 * that PyHeapTypeObject has CPython's size. */
struct _specialization_cache {
    PyObject *getitem;
};

/* A type allocated by PyType_FromSpec & co.: the protocol tables live inside
 * the type, the mapping before the sequence so that mapping slots win. */
typedef struct _heaptypeobject {
    PyTypeObject ht_type;
    PyAsyncMethods as_async;
    PyNumberMethods as_number;
    PyMappingMethods as_mapping;
    PySequenceMethods as_sequence;
    PyBufferProcs as_buffer;
    PyObject *ht_name, *ht_slots, *ht_qualname;
    struct _dictkeysobject *ht_cached_keys;
    PyObject *ht_module;
    char *_ht_tpname; /* owns tp_name */
    struct _specialization_cache _spec_cache;
} PyHeapTypeObject;

/* Give memory that already holds an object a fresh reference count of 1. */
PyAPI_FUNC(void) _Py_NewReference(PyObject *op);

PyAPI_FUNC(const char *) _PyType_Name(PyTypeObject *);
PyAPI_FUNC(PyObject *) _PyType_Lookup(PyTypeObject *, PyObject *);
PyAPI_FUNC(PyObject *) _PyType_LookupId(PyTypeObject *, _Py_Identifier *);
PyAPI_FUNC(PyObject *) _PyObject_LookupSpecialId(PyObject *, _Py_Identifier *);
#define _PyObject_LookupSpecial _PyObject_LookupSpecialId
PyAPI_FUNC(PyTypeObject *) _PyType_CalculateMetaclass(PyTypeObject *,
                                                      PyObject *);
PyAPI_FUNC(PyObject *) PyType_GetModuleByDef(PyTypeObject *, PyModuleDef *);
/* __doc__ and __text_signature__ from a C docstring that starts with a
 * "name(sig)\n--\n\n" signature block. */
PyAPI_FUNC(PyObject *) _PyType_GetDocFromInternalDoc(const char *,
                                                     const char *);
PyAPI_FUNC(PyObject *) _PyType_GetTextSignatureFromInternalDoc(const char *,
                                                               const char *);

PyAPI_FUNC(int) PyObject_Print(PyObject *, FILE *, int);
PyAPI_FUNC(void) _Py_BreakPoint(void);
PyAPI_FUNC(void) _PyObject_Dump(PyObject *);
PyAPI_FUNC(int) _PyObject_IsFreed(PyObject *);
PyAPI_FUNC(int) _PyObject_IsAbstract(PyObject *);
PyAPI_FUNC(PyObject *) _PyObject_GetAttrId(PyObject *, _Py_Identifier *);
PyAPI_FUNC(int) _PyObject_SetAttrId(PyObject *, _Py_Identifier *, PyObject *);
/* 1 and *result set if found, 0 and NULL if not (no AttributeError), -1 on
 * other errors. */
PyAPI_FUNC(int) _PyObject_LookupAttr(PyObject *, PyObject *, PyObject **);
PyAPI_FUNC(int) _PyObject_LookupAttrId(PyObject *, _Py_Identifier *,
                                       PyObject **);
PyAPI_FUNC(int) _PyObject_GetMethod(PyObject *obj, PyObject *name,
                                    PyObject **method);
PyAPI_FUNC(PyObject **) _PyObject_GetDictPtr(PyObject *);
PyAPI_FUNC(PyObject *) _PyObject_NextNotImplemented(PyObject *);
PyAPI_FUNC(void) PyObject_CallFinalizer(PyObject *);
PyAPI_FUNC(int) PyObject_CallFinalizerFromDealloc(PyObject *);
PyAPI_FUNC(PyObject *) _PyObject_GenericGetAttrWithDict(PyObject *, PyObject *,
                                                        PyObject *, int);
PyAPI_FUNC(int) _PyObject_GenericSetAttrWithDict(PyObject *, PyObject *,
                                                 PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) _PyObject_FunctionStr(PyObject *);

PyAPI_DATA(PyTypeObject) _PyNone_Type;
PyAPI_DATA(PyTypeObject) _PyNotImplemented_Type;

/* Object-aware assertions: on failure, dump obj and abort.  Compiled away
 * under NDEBUG like assert(); the reporting function always exists so that
 * extensions built either way link. */
PyAPI_FUNC(void) _Py_NO_RETURN _PyObject_AssertFailed(PyObject *obj,
                                                      const char *expr,
                                                      const char *msg,
                                                      const char *file,
                                                      int line,
                                                      const char *function);
#ifdef NDEBUG
#define _PyObject_ASSERT_FROM(obj, expr, msg, filename, lineno, func) ((void)0)
#else
#define _PyObject_ASSERT_FROM(obj, expr, msg, filename, lineno, func)         \
    ((expr) ? (void)0                                                         \
            : _PyObject_AssertFailed((obj), Py_STRINGIFY(expr), (msg),        \
                                     (filename), (lineno), (func)))
#endif
#define _PyObject_ASSERT_WITH_MSG(obj, expr, msg)                             \
    _PyObject_ASSERT_FROM((obj), expr, (msg), __FILE__, __LINE__, __func__)
#define _PyObject_ASSERT(obj, expr) _PyObject_ASSERT_WITH_MSG((obj), expr, _Py_NULL)
#define _PyObject_ASSERT_FAILED_MSG(obj, msg)                                 \
    _PyObject_AssertFailed((obj), _Py_NULL, (msg), __FILE__, __LINE__, __func__)

/* Py_SETREF / Py_XSETREF: store the new value first, then release the old
 * one, for the same reason as Py_CLEAR. */
#define Py_SETREF(op, op2)                                                    \
    do {                                                                      \
        PyObject *_py_setref_old = _PyObject_CAST(op);                        \
        (op) = (op2);                                                         \
        Py_DECREF(_py_setref_old);                                            \
    } while (0)

#define Py_XSETREF(op, op2)                                                   \
    do {                                                                      \
        PyObject *_py_setref_old = _PyObject_CAST(op);                        \
        (op) = (op2);                                                         \
        Py_XDECREF(_py_setref_old);                                           \
    } while (0)

/* The trashcan bounds C stack depth when deallocating deeply nested
 * containers: a dealloc that would nest too deep is deferred. */
PyAPI_FUNC(int) _PyTrash_begin(PyThreadState *tstate, PyObject *op);
PyAPI_FUNC(void) _PyTrash_end(PyThreadState *tstate);
PyAPI_FUNC(int) _PyTrash_cond(PyObject *op, destructor dealloc);

#define Py_TRASHCAN_BEGIN_CONDITION(op, cond)                                 \
    do {                                                                      \
        PyThreadState *_py_trash_ts = _Py_NULL;                               \
        if (cond) {                                                           \
            _py_trash_ts = PyThreadState_Get();                               \
            if (_PyTrash_begin(_py_trash_ts, _PyObject_CAST(op))) {           \
                break;                                                        \
            }                                                                 \
        }

#define Py_TRASHCAN_END                                                       \
        if (_py_trash_ts != _Py_NULL) {                                       \
            _PyTrash_end(_py_trash_ts);                                       \
        }                                                                     \
    } while (0);

#define Py_TRASHCAN_BEGIN(op, dealloc)                                        \
    Py_TRASHCAN_BEGIN_CONDITION(op, _PyTrash_cond(_PyObject_CAST(op),         \
                                                  (destructor)(dealloc)))

/* The pre-3.8 spelling, deprecated in 3.11: using it declares a variable
 * of a deprecated type, which is what makes the compiler warn. */
Py_DEPRECATED(3.11) typedef int UsingDeprecatedTrashcanMacro;
#define Py_TRASHCAN_SAFE_BEGIN(op)                                            \
    do {                                                                      \
        UsingDeprecatedTrashcanMacro _py_trash_always = 1;                    \
        Py_TRASHCAN_BEGIN_CONDITION(op, _py_trash_always);
#define Py_TRASHCAN_SAFE_END(op)                                              \
        Py_TRASHCAN_END;                                                      \
    } while (0);

#endif /* !Py_LIMITED_API */

/* ======================================================================
 * Feature tests on types
 * ====================================================================== */

static inline int PyType_HasFeature(PyTypeObject *type, unsigned long feature) {
#ifdef Py_LIMITED_API
    unsigned long flags = PyType_GetFlags(type);
#else
    unsigned long flags = type->tp_flags;
#endif
    return (flags & feature) != 0;
}

#define PyType_FastSubclass(type, flag) PyType_HasFeature((type), (flag))

static inline int PyType_Check(PyObject *op) {
    return PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS);
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define PyType_Check(op) PyType_Check(_PyObject_CAST(op))
#endif

#define _PyType_CAST(op) _Py_CAST(PyTypeObject *, (op))

static inline int PyType_CheckExact(PyObject *op) {
    return Py_IS_TYPE(op, &PyType_Type);
}
#ifdef _Py_CASTING_OBJECT_MACROS
#define PyType_CheckExact(op) PyType_CheckExact(_PyObject_CAST(op))
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_OBJECT_H */
