// Private to the code generator (codegen_*.cc).
//
// A code unit is emitted as a list of basic blocks in layout order, each a
// vector of instructions.  Jumps name their target block; exception regions
// are marked with the pseudo-instructions SETUP_FINALLY / SETUP_CLEANUP /
// SETUP_WITH (push a handler) and POP_BLOCK (pop it), as in CPython's
// compiler.  The assembler (codegen_assembler.cc) walks the flow graph to give
// every instruction its handler and every block its stack depth, drops
// unreachable blocks and pseudo-instructions, lays the instructions out and
// resolves jumps to absolute indices, and builds the exception table.
//
// Errors unwind with a C++ exception (CodegenError) up to the entry points
// in codegen.cc, which turn it into a SyntaxErrorInfo: the code generator
// is a leaf component, and nothing else sees the exception.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/code_unit.h"
#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"
#include "runtime/interp/opcodes.h"

namespace tern::compiler::codegen {

using interp::Op;

// Pseudo-instructions, numbered after the real opcodes.
enum Pseudo : int {
  kSetupFinally = 256,  // target: handler; the handler gets [exc]
  kSetupCleanup,        // target: handler; the handler gets [lasti, exc]
  kSetupWith,           // as kSetupCleanup, one item (__enter__'s result) lower
  kPopBlock,            // pops the innermost handler
  kJump,                // JUMP_FORWARD or JUMP_BACKWARD, by layout
  kJumpNoInterrupt,     // JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT
};

struct BasicBlock;

struct Instr {
  int op = 0;  // an Op or a Pseudo
  uint32_t arg = 0;
  BasicBlock* target = nullptr;  // jumps and SETUP_*
  InstrPosition pos;
  BasicBlock* handler = nullptr;  // set by the assembler
};

struct BasicBlock {
  std::vector<Instr> instrs;
  BasicBlock* next = nullptr;  // the block laid out after this one
  // Assembler state.
  int start_depth = -1;  // -1: not reached
  bool preserve_lasti = false;
  bool except_visited = false;
  std::vector<BasicBlock*> except_stack;
  uint32_t offset = 0;
};

struct CodegenError {
  std::string message;
  InstrPosition pos;
};

// The SyntaxError CPython's compiler raises at `pos` (compiler_error).
SyntaxErrorInfo error_info(std::string message, const InstrPosition& pos, std::string_view filename);

enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// An insertion-ordered set of names, each with its index.
class NameIndex {
 public:
  uint32_t add(const std::string& name) {
    auto [it, inserted] = index_.try_emplace(name, static_cast<uint32_t>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
  }
  int find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? -1 : static_cast<int>(it->second);
  }
  const std::vector<std::string>& names() const { return names_; }
  size_t size() const { return names_.size(); }
  bool empty() const { return names_.empty(); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t> index_;
};

// CPython's fblock: what a `break`, `continue` or `return` must undo when
// it leaves a construct.
enum class FBlockType {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator,
};

struct FBlock {
  FBlockType type = FBlockType::WhileLoop;
  BasicBlock* block = nullptr;  // loops: where `continue` goes
  BasicBlock* exit = nullptr;   // loops: where `break` goes
  // FinallyTry: the finally body; With: the with statement; HandlerCleanup:
  // the bound name (may be empty).
  const ast::Seq<ast::stmt*>* final_body = nullptr;
  const ast::stmt* with_stmt = nullptr;
  std::string_view name;
};

struct Unit {
  const Block* ste = nullptr;
  ScopeType scope_type = ScopeType::Module;
  std::string name;
  std::string qualname;
  std::optional<std::string> private_name;  // class name for mangling
  int firstlineno = 1;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;

  NameIndex names, varnames, cellvars, freevars;
  std::vector<Constant> consts;
  std::unordered_map<std::string, uint32_t> const_index;

  std::vector<std::unique_ptr<BasicBlock>> blocks;
  BasicBlock* entry = nullptr;
  BasicBlock* current = nullptr;
  std::vector<FBlock> fblocks;
  InstrPosition loc;
};

// Builds a CodeUnit from a finished Unit (codegen_assembler.cc).
std::shared_ptr<CodeUnit> assemble(Unit& unit, std::string_view filename, uint32_t flags);

// The string form of an annotation under `from __future__ import
// annotations`: CPython's _PyAST_ExprAsUnicode (codegen_unparse.cc).
std::string unparse_annotation(const ast::expr* e);

// A key telling constants apart as CPython's _PyCode_ConstantKey does
// (1, 1.0, True and -0.0 are all different).
std::string constant_key(const Constant& c);

class Compiler {
 public:
  Compiler(const SymbolTable& symbols, std::string_view filename, int optimize, bool interactive)
      : symbols_(symbols), filename_(filename), optimize_(optimize), interactive_(interactive) {}

  std::shared_ptr<CodeUnit> compile_module(const ast::Module* module);
  std::shared_ptr<CodeUnit> compile_expression(const ast::Expression* expression);

  // --- codegen.cc: units, names, constants, emission -----------------------
  void enter_scope(std::string name, ScopeType type, const ast::Node* key, int lineno);
  std::shared_ptr<CodeUnit> exit_scope(bool add_none);
  Unit& u() { return *units_.back(); }

  BasicBlock* new_block();
  void use_block(BasicBlock* block);  // lay `block` out next and emit into it
  void emit(int op, uint32_t arg = 0);
  void emit_jump(int op, BasicBlock* target);
  void emit(Op op, uint32_t arg = 0) { emit(static_cast<int>(op), arg); }
  void emit_jump(Op op, BasicBlock* target) { emit_jump(static_cast<int>(op), target); }
  void emit_const(Constant c);
  void emit_none() { emit_const(Constant::none()); }
  uint32_t add_const(Constant c);
  void emit_name(Op op, std::string_view name);  // mangled, into co_names
  void emit_name_raw(Op op, const std::string& name);
  void nameop(std::string_view name, ast::expr_context ctx);
  std::string mangle_name(std::string_view name) const;
  void set_loc(const ast::LocatedNode* node);
  void unset_loc() { u().loc = InstrPosition{}; }
  [[noreturn]] void error(std::string message);
  // A SyntaxWarning at the current location (CPython's compiler_warn).
  void warn(std::string message);
  std::vector<CompileWarning>& warnings() { return warnings_; }
  [[noreturn]] void error_at(const ast::LocatedNode* node, std::string message);
  void check_forbidden(std::string_view name, ast::expr_context ctx);
  void make_closure(const std::shared_ptr<CodeUnit>& code, uint32_t flags);
  bool future_annotations() const { return symbols_.future().annotations; }
  int optimize() const { return optimize_; }

  // --- codegen_statements.cc ------------------------------------------------
  void compile_body(const ast::Seq<ast::stmt*>& body);
  void compile_stmts(const ast::Seq<ast::stmt*>& body);
  void compile_stmt(const ast::stmt* s);
  void compile_function(const ast::stmt* s, bool is_async);
  void compile_class(const ast::ClassDef* s);
  void compile_return(const ast::Return* s);
  void compile_break();
  void compile_continue();
  void compile_if(const ast::If* s);
  void compile_for(const ast::For* s);
  void compile_async_for(const ast::AsyncFor* s);
  void compile_while(const ast::While* s);
  void compile_try(const ast::Try* s);
  void compile_try_except(const ast::Seq<ast::stmt*>& body, const ast::Seq<ast::excepthandler*>& handlers,
                          const ast::Seq<ast::stmt*>& orelse);
  void compile_try_finally(const ast::stmt* s, const ast::Seq<ast::stmt*>& body,
                           const ast::Seq<ast::excepthandler*>& handlers, const ast::Seq<ast::stmt*>& orelse,
                           const ast::Seq<ast::stmt*>& finalbody, bool star);
  void compile_try_star_except(const ast::Seq<ast::stmt*>& body, const ast::Seq<ast::excepthandler*>& handlers,
                               const ast::Seq<ast::stmt*>& orelse);
  void compile_with(const ast::With* s, uint32_t pos);
  void compile_async_with(const ast::AsyncWith* s, uint32_t pos);
  void with_except_finish(BasicBlock* cleanup);
  void call_exit_with_nones();
  void compile_import(const ast::Import* s);
  void compile_import_from(const ast::ImportFrom* s);
  void compile_assert(const ast::Assert* s);
  void compile_augassign(const ast::AugAssign* s);
  void compile_annassign(const ast::AnnAssign* s);
  void check_ann_expr(const ast::expr* e);
  void check_ann_subscr(const ast::expr* e);
  void compile_annotation_value(const ast::expr* e);
  void pop_except_and_reraise();
  void push_fblock(FBlock f);
  void push_fblock(FBlockType type, BasicBlock* block = nullptr, BasicBlock* exit = nullptr,
                   const ast::Seq<ast::stmt*>* final_body = nullptr, const ast::stmt* with_stmt = nullptr,
                   std::string_view name = {}) {
    FBlock f;
    f.type = type, f.block = block, f.exit = exit, f.final_body = final_body, f.with_stmt = with_stmt, f.name = name;
    push_fblock(f);
  }
  void pop_fblock();
  void unwind_fblock(const FBlock& f, bool preserve_tos);
  const FBlock* unwind_fblock_stack(bool preserve_tos, bool stop_at_loop);
  void compile_decorators(const ast::Seq<ast::expr*>& decorators);
  void apply_decorators(const ast::Seq<ast::expr*>& decorators);
  uint32_t compile_default_arguments(const ast::arguments* args);
  bool compile_annotations(const ast::arguments* args, const ast::expr* returns);
  void check_debug_args(const ast::arguments* args);

  // --- codegen_expressions.cc -------------------------------------------------
  void compile_expr(const ast::expr* e);
  void compile_expr_inner(const ast::expr* e);
  void jump_if(const ast::expr* e, BasicBlock* target, bool cond);
  void compile_boolop(const ast::BoolOp* e);
  bool compile_percent_format(const ast::BinOp* b);
  void compile_compare(const ast::Compare* e);
  void check_compare(const ast::Compare* e);
  void check_caller(const ast::expr* func);
  void check_subscript(const ast::Subscript* s);
  void compile_comparator(const ast::Compare* e, uint32_t i);
  void compile_folded_iter(const ast::expr* e);
  void emit_compare(ast::cmpop op);
  void compile_call(const ast::Call* e);
  bool maybe_optimize_method_call(const ast::Call* e);
  void call_helper(int pushed, const ast::Seq<ast::expr*>& args, const ast::Seq<ast::keyword*>& keywords);
  void call_simple_kw_helper(const ast::Seq<ast::keyword*>& keywords);
  void subkwargs(const ast::Seq<ast::keyword*>& keywords, uint32_t begin, uint32_t end);
  void validate_keywords(const ast::Seq<ast::keyword*>& keywords);
  void starunpack_helper(const ast::Seq<ast::expr*>& elts, int pushed, Op build, Op add, Op extend, bool tuple);
  void assignment_helper(const ast::Seq<ast::expr*>& elts);
  void unpack_helper(const ast::Seq<ast::expr*>& elts);
  void compile_dict(const ast::Dict* e);
  void compile_subdict(const ast::Dict* e, uint32_t begin, uint32_t end);
  void compile_joined_str(const ast::JoinedStr* e);
  void compile_formatted_value(const ast::FormattedValue* e);
  void compile_lambda(const ast::Lambda* e);
  void compile_comprehension(const ast::expr* e, int type, std::string name,
                             const ast::Seq<ast::comprehension*>& generators, const ast::expr* elt,
                             const ast::expr* val);
  void comprehension_generator(const ast::Seq<ast::comprehension*>& generators, uint32_t index, int depth,
                               const ast::expr* elt, const ast::expr* val, int type);
  void sync_comprehension_generator(const ast::Seq<ast::comprehension*>& generators, uint32_t index, int depth,
                                    const ast::expr* elt, const ast::expr* val, int type);
  void async_comprehension_generator(const ast::Seq<ast::comprehension*>& generators, uint32_t index, int depth,
                                     const ast::expr* elt, const ast::expr* val, int type);
  void comprehension_element(const ast::expr* elt, const ast::expr* val, int type, int depth);
  void emit_yield();
  void emit_yield_from(bool await);
  void compile_visit_stmt_expr(const ast::expr* value);

  // --- codegen_patterns.cc ----------------------------------------------------
  void compile_match(const ast::Match* s);

 private:
  const SymbolTable& symbols_;
  std::string filename_;
  int optimize_;
  bool interactive_;
  std::vector<std::unique_ptr<Unit>> units_;
  std::vector<CompileWarning> warnings_;
};

// Comprehension kinds (compile_comprehension's `type`).
inline constexpr int kCompGenexp = 0;
inline constexpr int kCompList = 1;
inline constexpr int kCompSet = 2;
inline constexpr int kCompDict = 3;

// CPython's STACK_USE_GUIDELINE: above this many items, displays and calls
// are built incrementally.
inline constexpr int kStackUseGuideline = 30;

// Is this statement list's first statement a docstring (an Expr holding a
// str Constant)?  Returns that Constant or null.
const ast::Constant* docstring_of(const ast::Seq<ast::stmt*>& body);

Constant constant_of(const ast::ConstantValue& value);

// The constant an expression folds to, as CPython's AST optimizer folds it
// (a subset: literals, tuples of constants, __debug__, signs of numbers).
std::optional<Constant> fold_constant(const ast::expr* e, int optimize);

// BINARY_OP's NB_* argument for an AST operator (add kInplaceOffset for +=).
inline uint32_t binary_op_arg(ast::operator_ op) {
  // Add Sub Mult MatMult Div Mod Pow LShift RShift BitOr BitXor BitAnd FloorDiv
  static constexpr uint32_t kArgs[] = {0, 10, 5, 4, 11, 6, 8, 3, 9, 7, 12, 1, 2};
  return kArgs[static_cast<int>(op)];
}

}  // namespace tern::compiler::codegen
