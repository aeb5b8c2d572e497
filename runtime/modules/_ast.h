// The _ast module as the rest of the runtime sees it: compile()'s AST half.
// The module itself (ast.AST, the node classes) is private to the _ast*.cc
// files (_ast_internal.h).
#pragma once

#include "runtime/objects/object.h"

namespace tern {

// isinstance(v, ast.AST), without __instancecheck__.
bool isAstNode(Value v);

// compile(source, filename, mode, flags, dont_inherit, optimize) when an AST
// is involved: `source` is an ast.AST instance (compiled, or returned as is
// under PyCF_ONLY_AST), `flags` has PyCF_ONLY_AST (the source text is
// parsed into ast objects), or mode is 'func_type'.  Then it does the whole
// call — CPython's argument checks included — and returns true, with the
// result in *result (null with the exception pending on error).  Otherwise
// it returns false and touches nothing.  `args` are compile()'s bound
// arguments, args[0] being the module.
bool compileWithAst(const Value* args, Value* result);

}  // namespace tern
