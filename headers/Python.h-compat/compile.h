/* compile.h — compiler start symbols and flags. */
#ifndef Py_COMPILE_H
#define Py_COMPILE_H

#ifdef __cplusplus
extern "C" {
#endif

/* Start symbols for Py_CompileString and PyRun_String (grammar numbers). */
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345
#define Py_fstring_input 800

#ifndef Py_LIMITED_API
/* __future__ flags a compilation may carry. */
#define PyCF_MASK                                                             \
    (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT |                         \
     CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION |                    \
     CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL |                   \
     CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS)
#define PyCF_MASK_OBSOLETE (CO_NESTED)

/* Compiler options, kept clear of the CO_FUTURE_ bits. */
#define PyCF_SOURCE_IS_UTF8 0x0100
#define PyCF_DONT_IMPLY_DEDENT 0x0200
#define PyCF_ONLY_AST 0x0400
#define PyCF_IGNORE_COOKIE 0x0800
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_ALLOW_INCOMPLETE_INPUT 0x4000
#define PyCF_COMPILE_MASK                                                     \
    (PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS |        \
     PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT)

typedef struct {
    int cf_flags;           /* CO_FUTURE_* and PyCF_* bits */
    int cf_feature_version; /* minor version for ast feature_version */
} PyCompilerFlags;

#define _PyCompilerFlags_INIT                                                 \
    (PyCompilerFlags) { .cf_flags = 0, .cf_feature_version = PY_MINOR_VERSION }

typedef struct {
    int ff_features; /* CO_FUTURE_* of the module */
    int ff_lineno;   /* line of the last __future__ import */
} PyFutureFeatures;

#define FUTURE_NESTED_SCOPES "nested_scopes"
#define FUTURE_GENERATORS "generators"
#define FUTURE_DIVISION "division"
#define FUTURE_ABSOLUTE_IMPORT "absolute_import"
#define FUTURE_WITH_STATEMENT "with_statement"
#define FUTURE_PRINT_FUNCTION "print_function"
#define FUTURE_UNICODE_LITERALS "unicode_literals"
#define FUTURE_BARRY_AS_BDFL "barry_as_FLUFL"
#define FUTURE_GENERATOR_STOP "generator_stop"
#define FUTURE_ANNOTATIONS "annotations"

#define PY_INVALID_STACK_EFFECT INT_MAX
/* Stack effects of CPython's opcodes (the dis module's numbers). */
PyAPI_FUNC(int) PyCompile_OpcodeStackEffect(int opcode, int oparg);
PyAPI_FUNC(int) PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg,
                                                    int jump);
#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_COMPILE_H */
