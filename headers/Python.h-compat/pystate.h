/* pystate.h — interpreters, thread states and the GIL state API.
 *
 * ABI: PyThreadState is CPython 3.11's 360-byte struct.  Cython reads and
 * writes some of its fields directly instead of calling functions:
 *   curexc_type/value/traceback @96..112  the pending exception
 *   exc_info @120                         top of the handled-exception stack
 *   exc_state @320                        the thread's bottom stack entry
 *   cframe @56, recursion_* @32/36, interp @16, tracing @44
 * so libtern.so keeps one such struct per thread whose exception fields
 * stay coherent with the runtime's own state (DESIGN.md §6).  The other
 * fields exist so that the known ones land at CPython's offsets; Tern
 * leaves most of them zero. */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H

#ifdef __cplusplus
extern "C" {
#endif

/* Per-interpreter limit on code-object extra slots (_PyCode_SetExtra). */
#define MAX_CO_EXTRA_USERS 255

PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_New(void);
PyAPI_FUNC(void) PyInterpreterState_Clear(PyInterpreterState *);
PyAPI_FUNC(void) PyInterpreterState_Delete(PyInterpreterState *);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
PyAPI_FUNC(PyObject *) PyInterpreterState_GetDict(PyInterpreterState *);
PyAPI_FUNC(int64_t) PyInterpreterState_GetID(PyInterpreterState *);

/* Single-phase modules registered with the interpreter by definition. */
PyAPI_FUNC(int) PyState_AddModule(PyObject *, PyModuleDef *);
PyAPI_FUNC(int) PyState_RemoveModule(PyModuleDef *);
PyAPI_FUNC(PyObject *) PyState_FindModule(PyModuleDef *); /* borrowed */

PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *);
PyAPI_FUNC(void) PyThreadState_Clear(PyThreadState *);
PyAPI_FUNC(void) PyThreadState_Delete(PyThreadState *);
/* The current thread's state; fatal error if it holds no GIL. */
PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
#define PyThreadState_GET() PyThreadState_Get()
PyAPI_FUNC(PyThreadState *) PyThreadState_Swap(PyThreadState *);
PyAPI_FUNC(PyObject *) PyThreadState_GetDict(void); /* borrowed */
PyAPI_FUNC(int) PyThreadState_SetAsyncExc(unsigned long, PyObject *);
PyAPI_FUNC(PyInterpreterState *) PyThreadState_GetInterpreter(
    PyThreadState *tstate);
PyAPI_FUNC(PyFrameObject *) PyThreadState_GetFrame(PyThreadState *tstate);
PyAPI_FUNC(uint64_t) PyThreadState_GetID(PyThreadState *tstate);

/* For threads the extension created itself: Ensure makes the thread a
 * Python thread holding the GIL, Release undoes exactly that. */
typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;

PyAPI_FUNC(PyGILState_STATE) PyGILState_Ensure(void);
PyAPI_FUNC(void) PyGILState_Release(PyGILState_STATE);
PyAPI_FUNC(PyThreadState *) PyGILState_GetThisThreadState(void);

#ifndef Py_LIMITED_API

PyAPI_FUNC(int) _PyInterpreterState_RequiresIDRef(PyInterpreterState *);
PyAPI_FUNC(void) _PyInterpreterState_RequireIDRef(PyInterpreterState *, int);
PyAPI_FUNC(PyObject *) _PyInterpreterState_GetMainModule(PyInterpreterState *);

/* Trace and profile hooks (sys.settrace at the C level). */
typedef int (*Py_tracefunc)(PyObject *, PyFrameObject *, int, PyObject *);

#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7

typedef struct {
    PyCodeObject *code; /* NULL when bounds is not valid */
    PyCodeAddressRange bounds;
} PyTraceInfo;

/* One per C-level activation of the bytecode loop, linked through the C
 * stack. */
typedef struct _PyCFrame {
    uint8_t use_tracing; /* 0 or 255 */
    struct _PyInterpreterFrame *current_frame;
    struct _PyCFrame *previous;
} _PyCFrame;

/* One entry of the stack of exceptions being handled: the thread's own
 * (exc_state) at the bottom, one per running generator above it. */
typedef struct _err_stackitem {
    PyObject *exc_value; /* the exception being handled, or NULL/None */
    struct _err_stackitem *previous_item;
} _PyErr_StackItem;

typedef struct _stack_chunk {
    struct _stack_chunk *previous;
    size_t size;
    size_t top;
    PyObject *data[1];
} _PyStackChunk;

struct _ts {
    PyThreadState *prev;
    PyThreadState *next;
    PyInterpreterState *interp;

    int _initialized;
    int _static;

    int recursion_remaining; /* calls left before RecursionError */
    int recursion_limit;
    int recursion_headroom; /* extra depth granted while handling one */

    int tracing; /* >0 while a trace/profile function runs */
    int tracing_what;

    _PyCFrame *cframe;

    Py_tracefunc c_profilefunc;
    Py_tracefunc c_tracefunc;
    PyObject *c_profileobj;
    PyObject *c_traceobj;

    /* The exception being raised (PyErr_Occurred reads curexc_type). */
    PyObject *curexc_type;
    PyObject *curexc_value;
    PyObject *curexc_traceback;

    /* Top of the handled-exception stack; never NULL. */
    _PyErr_StackItem *exc_info;

    PyObject *dict; /* PyThreadState_GetDict */
    int gilstate_counter;

    PyObject *async_exc; /* exception to raise asynchronously, or NULL */
    unsigned long thread_id;
    unsigned long native_thread_id;

    int trash_delete_nesting;
    PyObject *trash_delete_later;

    void (*on_delete)(void *);
    void *on_delete_data;

    int coroutine_origin_tracking_depth;

    PyObject *async_gen_firstiter;
    PyObject *async_gen_finalizer;

    PyObject *context; /* the current contextvars.Context */
    uint64_t context_ver;

    uint64_t id; /* unique per thread state, never reused */

    PyTraceInfo trace_info;

    _PyStackChunk *datastack_chunk;
    PyObject **datastack_top;
    PyObject **datastack_limit;

    /* Storage for the entries exc_info and cframe start out pointing at. */
    _PyErr_StackItem exc_state;
    _PyCFrame root_cframe;
};

#define _PyInterpreterState_Get PyInterpreterState_Get

PyAPI_FUNC(PyThreadState *) _PyThreadState_Prealloc(PyInterpreterState *);
/* The current thread state, or NULL; no check that it holds the GIL. */
PyAPI_FUNC(PyThreadState *) _PyThreadState_UncheckedGet(void);
PyAPI_FUNC(PyObject *) _PyThreadState_GetDict(PyThreadState *tstate);

PyAPI_FUNC(void) PyThreadState_EnterTracing(PyThreadState *tstate);
PyAPI_FUNC(void) PyThreadState_LeaveTracing(PyThreadState *tstate);

/* 1 if the current thread holds the GIL. */
PyAPI_FUNC(int) PyGILState_Check(void);
PyAPI_FUNC(PyInterpreterState *) _PyGILState_GetInterpreterStateUnsafe(void);

PyAPI_FUNC(PyObject *) _PyThread_CurrentFrames(void);
PyAPI_FUNC(PyObject *) _PyThread_CurrentExceptions(void);

PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Main(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Head(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Next(PyInterpreterState *);
PyAPI_FUNC(PyThreadState *) PyInterpreterState_ThreadHead(PyInterpreterState *);
PyAPI_FUNC(PyThreadState *) PyThreadState_Next(PyThreadState *);
PyAPI_FUNC(void) PyThreadState_DeleteCurrent(void);

/* PEP 523 frame evaluation hook. */
typedef PyObject *(*_PyFrameEvalFunction)(PyThreadState *tstate,
                                          struct _PyInterpreterFrame *,
                                          int);
PyAPI_FUNC(_PyFrameEvalFunction) _PyInterpreterState_GetEvalFrameFunc(
    PyInterpreterState *interp);
PyAPI_FUNC(void) _PyInterpreterState_SetEvalFrameFunc(
    PyInterpreterState *interp, _PyFrameEvalFunction eval_frame);

#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_PYSTATE_H */
