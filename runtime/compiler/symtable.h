// The symbol table: which names each block of a module binds, uses and
// declares, and what scope every name resolves to — CPython 3.11's
// Python/symtable.c, flag for flag, so the code generator can choose
// LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME exactly as CPython does.
//
// build_symtable() makes the two passes CPython makes:
//   1. a walk of the AST that records raw facts per block (bound here, used
//      here, parameter, declared global/nonlocal, comprehension iteration
//      variable, annotated, imported), with names mangled inside classes;
//   2. an analysis of the block tree that resolves every name to LOCAL,
//      GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL and propagates free
//      variables upwards (marking the binding function's variable CELL, and a
//      class's implicit `__class__` cell).
// Either pass may fail with the SyntaxError CPython's compiler raises
// (`no binding for nonlocal 'x' found`, `'yield' inside list comprehension`,
// bad `from __future__` imports, ...), with CPython's line and offset.
//
// A block's `symbols` holds, per name, CPython's flags word: the DEF_* bits
// below, plus the resolved scope shifted left by kScopeOffset.  This is the
// very integer Python's `symtable` module exposes, which is what
// tools/compare-symtable checks against.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/parser.h"

namespace tern::compiler {

// Def-use flags (pycore_symtable.h).
inline constexpr int kDefGlobal = 1;      // `global` statement
inline constexpr int kDefLocal = 2;       // bound in the block
inline constexpr int kDefParam = 4;       // formal parameter
inline constexpr int kDefNonlocal = 8;    // `nonlocal` statement
inline constexpr int kUse = 16;           // name is read
inline constexpr int kDefFree = 32;       // (unused by 3.11's analysis)
inline constexpr int kDefFreeClass = 64;  // free in a method, bound in its class
inline constexpr int kDefImport = 128;    // bound by import
inline constexpr int kDefAnnot = 256;     // annotated (`x: int`)
inline constexpr int kDefCompIter = 512;  // comprehension iteration variable
inline constexpr int kDefBound = kDefLocal | kDefParam | kDefImport;

// The resolved scope sits in bits kScopeOffset.. of the flags word.
inline constexpr int kScopeOffset = 11;
inline constexpr int kScopeMask = kDefGlobal | kDefLocal | kDefParam | kDefNonlocal;

enum class Scope : uint8_t {
  Unknown = 0,  // the name does not occur in the block
  Local = 1,
  GlobalExplicit = 2,
  GlobalImplicit = 3,
  Free = 4,
  Cell = 5,
};

// CPython's _Py_block_ty, with its values (what `symtable` reports as .type).
// Annotation blocks only exist under `from __future__ import annotations`;
// they swallow the names of annotations and never appear in the tree.
enum class BlockType : uint8_t { Function = 0, Class = 1, Module = 2, Annotation = 3 };

enum class ComprehensionType : uint8_t { None = 0, List = 1, Dict = 2, Set = 3, Generator = 4 };

struct Symbol {
  std::string name;  // mangled
  int flags = 0;     // DEF_* bits | scope << kScopeOffset
};

// One namespace: the module, a class body, a function, a lambda or a
// comprehension.  Invariant after a successful build: every name in
// `symbols` has a scope other than Unknown.
struct Block {
  BlockType type = BlockType::Module;
  std::string name;                 // "top", the def/class name, "lambda", "listcomp", "genexpr", ...
  const ast::Node* node = nullptr;  // the Module, FunctionDef, ClassDef, Lambda or comprehension expr
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;

  // CPython's ste_nested: inside a function (directly or not).  Names of
  // nested blocks that resolve to no enclosing binding are implicit globals.
  bool nested = false;
  bool has_free = false;             // ste_free: some name of this block is free
  bool child_free = false;           // ste_child_free: a descendant has free names
  bool generator = false;            // contains yield (or is a genexpr)
  bool coroutine = false;            // async def, await, or async comprehension
  bool varargs = false;              // *args
  bool varkeywords = false;          // **kwargs
  bool returns_value = false;        // `return expr`
  bool needs_class_closure = false;  // class block whose methods use __class__ / super
  ComprehensionType comprehension = ComprehensionType::None;

  std::vector<Symbol> symbols;        // in order of first occurrence
  std::vector<std::string> varnames;  // parameters, in CPython's order
  std::vector<Block*> children;       // nested blocks, in source order

  // The flags word of `name` (already mangled), 0 when absent.
  int flags(std::string_view name) const;
  Scope scope(std::string_view name) const { return static_cast<Scope>((flags(name) >> kScopeOffset) & kScopeMask); }
  const Symbol* find(std::string_view name) const;

  // Used while building.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> index;  // name -> position in symbols
};

// The `from __future__` features that change compilation.
struct FutureFeatures {
  bool annotations = false;     // PEP 563: annotations are kept as strings
  bool barry_as_flufl = false;  // `<>` instead of `!=`
  int lineno = 0;               // line of the last future import, 0 if none
  // The CO_FUTURE_* bits every code object of the module gets in co_flags:
  // those of the two features above, and whatever compile() was given.
  uint32_t code_flags = 0;
};

class SymbolTable {
 public:
  const Block* top() const { return top_; }
  // The block a FunctionDef / AsyncFunctionDef / ClassDef / Lambda /
  // comprehension node (or the Module) opens; null for any other node.
  const Block* lookup(const ast::Node* node) const;
  const FutureFeatures& future() const { return future_; }

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<Block>> blocks_;
  std::unordered_map<const ast::Node*, Block*> by_node_;
  Block* top_ = nullptr;
  FutureFeatures future_;
};

struct SymtableResult {
  std::unique_ptr<SymbolTable> table;  // null iff error is set
  std::optional<SyntaxErrorInfo> error;
  bool ok() const { return table != nullptr; }
};

// symtable.symtable(source, filename, 'exec') of CPython 3.11 for a parsed
// module.  Errors carry CPython's lineno and offset (1-based, in UTF-8
// bytes, as CPython's compiler reports them) but no `text`.
// `future_flags`: CO_FUTURE_* bits in force before the module's own
// `from __future__` imports (compile()'s flags, merged as CPython merges
// them into the module's features).
SymtableResult build_symtable(const ast::Module* module, std::string_view filename, uint32_t future_flags = 0);

// _Py_Mangle: `__spam` inside class `_Ham` is `_Ham__spam`.  Dunder names,
// dotted names and classes named only by underscores are left alone.
std::string mangle(std::string_view class_name, std::string_view name);

}  // namespace tern::compiler
