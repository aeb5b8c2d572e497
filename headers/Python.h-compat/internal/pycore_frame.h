/* internal/pycore_frame.h — the frame layouts, for code that insists.
 *
 * CPython keeps these in its internal headers; Cython-generated modules
 * include this file (with Py_BUILD_CORE defined) to reach into frames for
 * their fast calling paths.  The structs are CPython 3.11's layouts.
 * Under Tern, a PyFrameObject handed to C has this shape, and its f_frame
 * points at an _PyInterpreterFrame with the specials filled in (function,
 * code, globals, builtins, locals); the locals array is not Tern's own
 * frame storage, and prev_instr never points into Tern's bytecode. */
#ifndef Py_INTERNAL_FRAME_H
#define Py_INTERNAL_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct _frame {
    PyObject_HEAD
    PyFrameObject *f_back; /* the calling frame, or NULL */
    struct _PyInterpreterFrame *f_frame;
    PyObject *f_trace;
    int f_lineno; /* valid only when non-zero */
    char f_trace_lines;
    char f_trace_opcodes;
    char f_fast_as_locals;
    PyObject *_f_frame_data[1]; /* frame data owned by this object */
};

typedef enum _framestate {
    FRAME_CREATED = -2,
    FRAME_SUSPENDED = -1,
    FRAME_EXECUTING = 0,
    FRAME_COMPLETED = 1,
    FRAME_CLEARED = 4
} PyFrameState;

enum _frameowner {
    FRAME_OWNED_BY_THREAD = 0,
    FRAME_OWNED_BY_GENERATOR = 1,
    FRAME_OWNED_BY_FRAME_OBJECT = 2
};

typedef struct _PyInterpreterFrame {
    PyFunctionObject *f_func; /* strong */
    PyObject *f_globals;      /* borrowed */
    PyObject *f_builtins;     /* borrowed */
    PyObject *f_locals;       /* strong, may be NULL */
    PyCodeObject *f_code;     /* strong */
    PyFrameObject *frame_obj; /* strong, may be NULL */
    struct _PyInterpreterFrame *previous;
    _Py_CODEUNIT *prev_instr; /* the code unit before the next instruction */
    int stacktop;             /* index of the value-stack top in localsplus */
    bool is_entry;
    char owner; /* enum _frameowner */
    PyObject *localsplus[1]; /* locals, cells, free variables, value stack */
} _PyInterpreterFrame;

#define _PyInterpreterFrame_LASTI(IF)                                         \
    ((int)((IF)->prev_instr - _PyCode_CODE((IF)->f_code)))

/* Words of an _PyInterpreterFrame before localsplus. */
#define FRAME_SPECIALS_SIZE ((sizeof(_PyInterpreterFrame) - 1) / sizeof(PyObject *))

static inline PyObject **_PyFrame_Stackbase(_PyInterpreterFrame *f) {
    return f->localsplus + f->f_code->co_nlocalsplus;
}

static inline PyObject **_PyFrame_GetLocalsArray(_PyInterpreterFrame *frame) {
    return frame->localsplus;
}

static inline PyObject **_PyFrame_GetStackPointer(_PyInterpreterFrame *frame) {
    return frame->localsplus + frame->stacktop;
}

static inline void _PyFrame_SetStackPointer(_PyInterpreterFrame *frame,
                                            PyObject **stack_pointer) {
    frame->stacktop = (int)(stack_pointer - frame->localsplus);
}

#ifdef __cplusplus
}
#endif
#endif /* Py_INTERNAL_FRAME_H */
