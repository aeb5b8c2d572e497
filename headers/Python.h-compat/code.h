/* code.h — code objects.
 *
 * ABI: PyCodeObject is CPython 3.11's layout (192 bytes with one byte of
 * co_code_adaptive at 184).  Cython reads co_flags, co_argcount,
 * co_nlocals, co_firstlineno, co_filename and co_name directly when it
 * builds tracebacks and frames for its functions, so a code-object proxy
 * carries those fields at CPython's offsets.  The bytecode area at the end
 * (co_code_adaptive) holds CPython's instruction format and is empty for
 * Tern's code objects: Tern's bytecode is its own. */
#ifndef Py_CODE_H
#define Py_CODE_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

/* CPython's 16-bit instruction word: opcode in the low byte. */
typedef uint16_t _Py_CODEUNIT;
#define _Py_OPCODE(word) ((word)&255)
#define _Py_OPARG(word) ((word) >> 8)
#define _Py_MAKECODEUNIT(opcode, oparg) ((opcode) | ((oparg) << 8))
#define _Py_SET_OPCODE(word, opcode) (((unsigned char *)&(word))[0] = (opcode))

/* The fields of a code object whose bytecode area holds SIZE bytes. */
#define _PyCode_DEF(SIZE)                                                     \
    {                                                                         \
        PyObject_VAR_HEAD /* ob_size: number of code units */                 \
        PyObject *co_consts;    /* tuple of constants */                      \
        PyObject *co_names;     /* tuple of names used */                     \
        PyObject *co_exceptiontable;                                          \
        int co_flags;           /* CO_* */                                    \
        short co_warmup;                                                      \
        short _co_linearray_entry_size;                                       \
        int co_argcount;        /* positional parameters, without *args */    \
        int co_posonlyargcount;                                               \
        int co_kwonlyargcount;                                                \
        int co_stacksize;                                                     \
        int co_firstlineno;                                                   \
        int co_nlocalsplus;     /* locals + cells + free variables */         \
        int co_nlocals;                                                       \
        int co_nplaincellvars;                                                \
        int co_ncellvars;                                                     \
        int co_nfreevars;                                                     \
        PyObject *co_localsplusnames; /* tuple of all those names */          \
        PyObject *co_localspluskinds; /* bytes, one kind per name */          \
        PyObject *co_filename;                                                \
        PyObject *co_name;                                                    \
        PyObject *co_qualname;                                                \
        PyObject *co_linetable;                                               \
        PyObject *co_weakreflist;                                             \
        PyObject *_co_code;     /* cached co_code bytes */                    \
        char *_co_linearray;                                                  \
        int _co_firsttraceable;                                               \
        void *co_extra;         /* _PyCode_SetExtra storage */                \
        char co_code_adaptive[(SIZE)];                                        \
    }

struct PyCodeObject _PyCode_DEF(1);

/* co_flags bits. */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200

/* __future__ features, shared with the compiler's PyCF_ flags. */
#define CO_FUTURE_DIVISION 0x20000
#define CO_FUTURE_ABSOLUTE_IMPORT 0x40000
#define CO_FUTURE_WITH_STATEMENT 0x80000
#define CO_FUTURE_PRINT_FUNCTION 0x100000
#define CO_FUTURE_UNICODE_LITERALS 0x200000
#define CO_FUTURE_BARRY_AS_BDFL 0x400000
#define CO_FUTURE_GENERATOR_STOP 0x800000
#define CO_FUTURE_ANNOTATIONS 0x1000000

#define PY_PARSER_REQUIRES_FUTURE_KEYWORD
#define CO_MAXBLOCKS 20

PyAPI_DATA(PyTypeObject) PyCode_Type;

#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)
#define PyCode_GetNumFree(op) ((op)->co_nfreevars)
#define _PyCode_CODE(CO) ((_Py_CODEUNIT *)(CO)->co_code_adaptive)
#define _PyCode_NBYTES(CO) (Py_SIZE(CO) * (Py_ssize_t)sizeof(_Py_CODEUNIT))

/* Parameters: argcount, kwonlyargcount, nlocals, stacksize, flags, code,
 * consts, names, varnames, freevars, cellvars, filename, name, qualname,
 * firstlineno, linetable, exceptiontable (the WithPosOnlyArgs variant takes
 * posonlyargcount second). */
PyAPI_FUNC(PyCodeObject *) PyCode_New(int, int, int, int, int, PyObject *,
                                      PyObject *, PyObject *, PyObject *,
                                      PyObject *, PyObject *, PyObject *,
                                      PyObject *, PyObject *, int, PyObject *,
                                      PyObject *);
PyAPI_FUNC(PyCodeObject *) PyCode_NewWithPosOnlyArgs(
    int, int, int, int, int, int, PyObject *, PyObject *, PyObject *,
    PyObject *, PyObject *, PyObject *, PyObject *, PyObject *, PyObject *,
    int, PyObject *, PyObject *);
/* A code object with no code, for frames and tracebacks of C functions. */
PyAPI_FUNC(PyCodeObject *) PyCode_NewEmpty(const char *filename,
                                           const char *funcname,
                                           int firstlineno);

PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *, int);
PyAPI_FUNC(int) PyCode_Addr2Location(PyCodeObject *, int, int *, int *,
                                     int *, int *);

/* Iteration state over a code object's line table. */
struct _opaque {
    int computed_line;
    const uint8_t *lo_next;
    const uint8_t *limit;
};

typedef struct _line_offsets {
    int ar_start;
    int ar_end;
    int ar_line;
    struct _opaque opaque;
} PyCodeAddressRange;

PyAPI_FUNC(int) _PyCode_CheckLineNumber(int lasti, PyCodeAddressRange *bounds);
PyAPI_FUNC(PyObject *) _PyCode_ConstantKey(PyObject *obj);
PyAPI_FUNC(PyObject *) PyCode_Optimize(PyObject *code, PyObject *consts,
                                       PyObject *names, PyObject *lnotab);

/* Per-code-object slots for tools such as profilers (index from
 * _PyEval_RequestCodeExtraIndex). */
PyAPI_FUNC(int) _PyCode_GetExtra(PyObject *code, Py_ssize_t index,
                                 void **extra);
PyAPI_FUNC(int) _PyCode_SetExtra(PyObject *code, Py_ssize_t index,
                                 void *extra);

PyAPI_FUNC(PyObject *) PyCode_GetCode(PyCodeObject *code);
PyAPI_FUNC(PyObject *) PyCode_GetVarnames(PyCodeObject *code);
PyAPI_FUNC(PyObject *) PyCode_GetCellvars(PyCodeObject *code);
PyAPI_FUNC(PyObject *) PyCode_GetFreevars(PyCodeObject *code);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* Py_CODE_H */
