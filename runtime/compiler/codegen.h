// The code generator: AST + symbol table -> CodeUnits (code_unit.h), the
// instruction set of runtime/interp/opcodes.def.
//
// It follows CPython 3.11's Python/compiler.c statement for statement, so that
// code objects agree with CPython's on everything Python code can observe
// without disassembling: names, qualnames, first lines, argument counts,
// flags, co_varnames / co_cellvars / co_freevars, docstrings, the set of
// co_names (tools/compare-code checks this over the stdlib).  The bytecode
// itself is Tern's (opcodes.def: 32-bit instructions, absolute jumps, no
// caches or PRECALL), and the CFG optimisations of CPython's assembler are
// mostly not replayed (see docs/compiler.md, "Code generation").
//
// The compile-time SyntaxErrors CPython's compiler raises ('return' outside
// function, 'break' outside loop, pattern errors, ...) come back in the
// result with CPython's message, lineno and offset (1-based, in UTF-8 bytes,
// as CPython's compiler reports them) and end position; its SyntaxWarnings
// ("assertion is always true, perhaps remove parentheses?", '"is" with a
// literal. Did you mean "=="?', "'tuple' object is not callable; perhaps you
// missed a comma?") come back as CompileWarnings for the caller to issue.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/code_unit.h"
#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"

namespace tern::compiler {

struct CodegenResult {
  std::shared_ptr<CodeUnit> code;  // null iff error is set
  std::optional<SyntaxErrorInfo> error;
  std::vector<CompileWarning> warnings;  // SyntaxWarnings, in the order CPython issues them, before `error`
  bool ok() const { return code != nullptr; }
};

// compile(source, filename, 'exec', optimize=optimize) of a parsed module
// whose symbol table is `symbols`.  optimize: 0 (assert and __debug__ kept),
// 1 (-O: asserts dropped, __debug__ is False), 2 (-OO: docstrings dropped too).
CodegenResult compile_module(const ast::Module* module, const SymbolTable& symbols, std::string_view filename,
                             int optimize);

// compile(..., 'eval'): the code returns the value of `expression`.  The
// symbol table is the one built for a module holding just that expression
// (build_symtable of a Module whose body is one Expr statement).
CodegenResult compile_expression(const ast::Expression* expression, const SymbolTable& symbols,
                                 std::string_view filename, int optimize);

// compile(..., 'single'): as compile_module, but expression statements at
// the top level print their value through sys.displayhook (PRINT_EXPR).
CodegenResult compile_interactive(const ast::Module* module, const SymbolTable& symbols, std::string_view filename,
                                  int optimize);

}  // namespace tern::compiler
