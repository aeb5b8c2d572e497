// The code generator's driver: entry points, compilation units (scopes),
// names, constants, closures and errors.  Statements, expressions, patterns
// and the assembler live in the other codegen_*.cc files.
#include "runtime/compiler/codegen.h"

#include <algorithm>
#include <cstring>

#include "runtime/compiler/codegen_internal.h"

namespace tern::compiler {
namespace codegen {

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

std::string constant_key(const Constant& c) {
  std::string key;
  auto put_double = [&key](double d) {
    char bytes[sizeof(double)];
    std::memcpy(bytes, &d, sizeof d);
    key.append(bytes, sizeof bytes);
  };
  switch (c.kind) {
    case Constant::Kind::None:
      return "N";
    case Constant::Kind::Ellipsis:
      return ".";
    case Constant::Kind::True:
      return "T";
    case Constant::Kind::False:
      return "F";
    case Constant::Kind::Int:
      return "i" + c.text;
    case Constant::Kind::Float:
      key = "f";
      put_double(c.real);
      return key;
    case Constant::Kind::Complex:
      key = "c";
      put_double(c.real);
      put_double(c.imag);
      return key;
    case Constant::Kind::Str:
      key = "s";
      key += std::to_string(c.text.size()) + ":" + c.text;
      return key;
    case Constant::Kind::Bytes:
      key = "b";
      key += std::to_string(c.text.size()) + ":" + c.text;
      return key;
    case Constant::Kind::Tuple:
    case Constant::Kind::FrozenSet:
      key = c.kind == Constant::Kind::Tuple ? "(" : "{";
      for (const Constant& item : c.items) {
        std::string k = constant_key(item);
        key += std::to_string(k.size()) + ":" + k;
      }
      key += ")";
      return key;
    case Constant::Kind::Code: {
      // Code objects compare by value in CPython (code_richcompare), so a
      // body compiled twice (a `finally`, a `while` test) is one constant.
      const CodeUnit& code = *c.code;
      key = "C";
      auto put = [&key](const std::string& s) { key += std::to_string(s.size()) + ":" + s; };
      auto put_int = [&key](long v) { key += std::to_string(v) + ","; };
      put(code.co_name);
      put(code.co_qualname);
      for (long v : {static_cast<long>(code.co_argcount), static_cast<long>(code.co_posonlyargcount),
                     static_cast<long>(code.co_kwonlyargcount), static_cast<long>(code.co_flags),
                     static_cast<long>(code.co_firstlineno), static_cast<long>(code.code.size())}) {
        put_int(v);
      }
      key.append(reinterpret_cast<const char*>(code.code.data()), code.code.size() * sizeof(uint32_t));
      for (const InstrPosition& p : code.positions) {
        put_int(p.lineno), put_int(p.end_lineno), put_int(p.col_offset), put_int(p.end_col_offset);
      }
      for (const auto* names : {&code.co_names, &code.co_varnames, &code.co_cellvars, &code.co_freevars}) {
        put_int(static_cast<long>(names->size()));
        for (const std::string& n : *names) put(n);
      }
      for (const ExceptionTableEntry& e : code.exception_table) {
        put_int(e.start), put_int(e.end), put_int(e.target), put_int(e.depth), put_int(e.push_lasti);
      }
      put_int(static_cast<long>(code.co_consts.size()));
      for (const Constant& k : code.co_consts) put(constant_key(k));
      return key;
    }
  }
  return key;
}

Constant constant_of(const ast::ConstantValue& value) {
  using T = ast::ConstantValue::Type;
  switch (value.type) {
    case T::None:
      return Constant::none();
    case T::True:
      return Constant::boolean(true);
    case T::False:
      return Constant::boolean(false);
    case T::Ellipsis:
      return Constant::ellipsis();
    case T::Int:
      return Constant::integer(std::string(value.text));
    case T::Float:
      return Constant::floating(value.number);
    case T::Complex:
      return Constant::complex(0.0, value.number);
    case T::Str:
      return Constant::str(std::string(value.text));
    case T::Bytes:
      return Constant::bytes(std::string(value.text));
  }
  return Constant::none();
}

const ast::Constant* docstring_of(const ast::Seq<ast::stmt*>& body) {
  if (body.empty()) return nullptr;
  const auto* expr = ast::as<ast::Expr>(body[0]);
  if (!expr) return nullptr;
  const auto* c = ast::as<ast::Constant>(expr->value);
  if (!c || c->value.type != ast::ConstantValue::Type::Str) return nullptr;
  return c;
}

uint32_t Compiler::add_const(Constant c) {
  std::string key = constant_key(c);
  auto it = u().const_index.find(key);
  if (it != u().const_index.end()) return it->second;
  uint32_t index = static_cast<uint32_t>(u().consts.size());
  u().consts.push_back(std::move(c));
  u().const_index.emplace(std::move(key), index);
  return index;
}

void Compiler::emit_const(Constant c) { emit(Op::LOAD_CONST, add_const(std::move(c))); }

// ---------------------------------------------------------------------------
// Blocks and instructions
// ---------------------------------------------------------------------------

BasicBlock* Compiler::new_block() {
  u().blocks.push_back(std::make_unique<BasicBlock>());
  return u().blocks.back().get();
}

void Compiler::use_block(BasicBlock* block) {
  u().current->next = block;
  u().current = block;
}

void Compiler::emit(int op, uint32_t arg) {
  if (arg > interp::kMaxArg) error("too many constants, names or variables in one code object");
  u().current->instrs.push_back(Instr{.op = op, .arg = arg, .target = nullptr, .pos = u().loc});
}

void Compiler::emit_jump(int op, BasicBlock* target) {
  u().current->instrs.push_back(Instr{.op = op, .arg = 0, .target = target, .pos = u().loc});
}

void Compiler::set_loc(const ast::LocatedNode* node) {
  u().loc = InstrPosition{.lineno = node->lineno,
                          .end_lineno = node->end_lineno,
                          .col_offset = node->col_offset,
                          .end_col_offset = node->end_col_offset};
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

SyntaxErrorInfo error_info(std::string message, const InstrPosition& pos, std::string_view filename) {
  SyntaxErrorInfo info;
  info.kind = ErrorKind::SyntaxError;
  info.message = std::move(message);
  info.filename = std::string(filename);
  info.lineno = pos.lineno;
  info.offset = pos.col_offset + 1;
  info.end_lineno = pos.end_lineno;
  info.end_offset = pos.end_col_offset + 1;
  return info;
}

void Compiler::error(std::string message) { throw CodegenError{std::move(message), u().loc}; }

void Compiler::warn(std::string message) {
  const InstrPosition& loc = u().loc;
  warnings_.push_back(CompileWarning{.category = WarningCategory::SyntaxWarning,
                                     .message = message,
                                     .lineno = loc.lineno,
                                     .as_error = error_info(std::move(message), loc, filename_)});
}

void Compiler::error_at(const ast::LocatedNode* node, std::string message) {
  set_loc(node);
  error(std::move(message));
}

void Compiler::check_forbidden(std::string_view name, ast::expr_context ctx) {
  if (name != "__debug__") return;
  if (ctx == ast::expr_context::Store) error("cannot assign to __debug__");
  if (ctx == ast::expr_context::Del) error("cannot delete __debug__");
}

// ---------------------------------------------------------------------------
// Scopes
// ---------------------------------------------------------------------------

namespace {

std::vector<std::string> sorted_names(const Block* ste, Scope scope, int flag) {
  std::vector<std::string> names;
  for (const Symbol& sym : ste->symbols) {
    Scope s = static_cast<Scope>((sym.flags >> kScopeOffset) & kScopeMask);
    if (s == scope || (sym.flags & flag)) names.push_back(sym.name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

void Compiler::enter_scope(std::string name, ScopeType type, const ast::Node* key, int lineno) {
  auto unit = std::make_unique<Unit>();
  unit->ste = type == ScopeType::Module ? symbols_.top() : symbols_.lookup(key);
  if (!unit->ste) throw CodegenError{"internal error: no symbol table block for " + name, {}};
  unit->scope_type = type;
  unit->name = std::move(name);
  unit->firstlineno = lineno;
  for (const std::string& v : unit->ste->varnames) unit->varnames.add(v);
  for (const std::string& c : sorted_names(unit->ste, Scope::Cell, 0)) unit->cellvars.add(c);
  if (unit->ste->needs_class_closure) unit->cellvars.add("__class__");
  for (const std::string& f : sorted_names(unit->ste, Scope::Free, kDefFreeClass)) unit->freevars.add(f);

  Unit* parent = units_.empty() ? nullptr : units_.back().get();
  if (parent) unit->private_name = parent->private_name;

  // __qualname__ (CPython's compiler_set_qualname).
  if (type == ScopeType::Module) {
    unit->qualname = unit->name;
  } else if (!parent || parent->scope_type == ScopeType::Module) {
    unit->qualname = unit->name;
  } else {
    bool force_global = false;
    if (type == ScopeType::Function || type == ScopeType::AsyncFunction || type == ScopeType::Class) {
      std::string mangled = parent->private_name ? mangle(*parent->private_name, unit->name) : unit->name;
      if (parent->ste->scope(mangled) == Scope::GlobalExplicit) force_global = true;
    }
    if (force_global) {
      unit->qualname = unit->name;
    } else if (parent->scope_type == ScopeType::Function || parent->scope_type == ScopeType::AsyncFunction ||
               parent->scope_type == ScopeType::Lambda) {
      unit->qualname = parent->qualname + ".<locals>." + unit->name;
    } else {
      unit->qualname = parent->qualname + "." + unit->name;
    }
  }

  unit->blocks.push_back(std::make_unique<BasicBlock>());
  unit->entry = unit->current = unit->blocks.back().get();
  if (type == ScopeType::Module) {
    unit->loc = InstrPosition{};
  } else if (parent) {
    unit->loc = parent->loc;
  }
  units_.push_back(std::move(unit));
}

std::shared_ptr<CodeUnit> Compiler::exit_scope(bool add_none) {
  Unit& unit = u();
  const auto& last = unit.current->instrs;
  if (last.empty() || last.back().op != static_cast<int>(Op::RETURN_VALUE)) {
    unset_loc();
    if (add_none) emit_none();
    emit(Op::RETURN_VALUE);
  }
  const Block* ste = unit.ste;
  uint32_t flags = 0;
  if (ste->type == BlockType::Function) {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste->nested) flags |= CO_NESTED;
    if (ste->generator && !ste->coroutine) flags |= CO_GENERATOR;
    if (!ste->generator && ste->coroutine) flags |= CO_COROUTINE;
    if (ste->generator && ste->coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste->varargs) flags |= CO_VARARGS;
    if (ste->varkeywords) flags |= CO_VARKEYWORDS;
  }
  flags |= symbols_.future().code_flags;
  std::shared_ptr<CodeUnit> code = assemble(unit, filename_, flags);
  units_.pop_back();
  return code;
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

std::string Compiler::mangle_name(std::string_view name) const {
  const Unit& unit = *units_.back();
  if (!unit.private_name) return std::string(name);
  return mangle(*unit.private_name, name);
}

void Compiler::emit_name(Op op, std::string_view name) { emit_name_raw(op, mangle_name(name)); }

void Compiler::emit_name_raw(Op op, const std::string& name) { emit(op, u().names.add(name)); }

void Compiler::nameop(std::string_view name, ast::expr_context ctx) {
  using ast::expr_context;
  check_forbidden(name, ctx);
  std::string mangled = mangle_name(name);
  Unit& unit = u();
  enum { kFast, kGlobal, kDeref, kName } kind = kName;
  Scope scope = unit.ste->scope(mangled);
  bool function = unit.ste->type == BlockType::Function;
  switch (scope) {
    case Scope::Free:
    case Scope::Cell:
      kind = kDeref;
      break;
    case Scope::Local:
      if (function) kind = kFast;
      break;
    case Scope::GlobalImplicit:
      if (function) kind = kGlobal;
      break;
    case Scope::GlobalExplicit:
      kind = kGlobal;
      break;
    default:
      break;
  }
  switch (kind) {
    case kDeref: {
      // Cells are numbered first, then free variables (the assembler turns
      // this into a localsplus index).
      uint32_t index = scope == Scope::Free ? static_cast<uint32_t>(unit.cellvars.size()) + unit.freevars.add(mangled)
                                            : unit.cellvars.add(mangled);
      Op op = ctx == expr_context::Load    ? (unit.ste->type == BlockType::Class ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF)
              : ctx == expr_context::Store ? Op::STORE_DEREF
                                           : Op::DELETE_DEREF;
      emit(op, index);
      return;
    }
    case kFast: {
      uint32_t index = unit.varnames.add(mangled);
      emit(ctx == expr_context::Load    ? Op::LOAD_FAST
           : ctx == expr_context::Store ? Op::STORE_FAST
                                        : Op::DELETE_FAST,
           index);
      return;
    }
    case kGlobal: {
      uint32_t index = unit.names.add(mangled);
      if (ctx == expr_context::Load) {
        emit(Op::LOAD_GLOBAL, index << 1);
      } else {
        emit(ctx == expr_context::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, index);
      }
      return;
    }
    case kName: {
      uint32_t index = unit.names.add(mangled);
      emit(ctx == expr_context::Load    ? Op::LOAD_NAME
           : ctx == expr_context::Store ? Op::STORE_NAME
                                        : Op::DELETE_NAME,
           index);
      return;
    }
  }
}

// ---------------------------------------------------------------------------
// Closures
// ---------------------------------------------------------------------------

void Compiler::make_closure(const std::shared_ptr<CodeUnit>& code, uint32_t flags) {
  if (!code->co_freevars.empty()) {
    Unit& unit = u();
    for (const std::string& name : code->co_freevars) {
      bool cell = (unit.scope_type == ScopeType::Class && name == "__class__") || unit.ste->scope(name) == Scope::Cell;
      int index = -1;
      if (cell) {
        index = unit.cellvars.find(name);
      } else {
        int free = unit.freevars.find(name);
        if (free >= 0) index = static_cast<int>(unit.cellvars.size()) + free;
      }
      if (index < 0) {
        error("internal error: no cell or free variable '" + name + "' for the closure of " + code->co_qualname);
      }
      emit(Op::LOAD_CLOSURE, static_cast<uint32_t>(index));
    }
    flags |= interp::kMakeFunctionClosure;
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(code->co_freevars.size()));
  }
  emit_const(Constant::code_unit(code));
  emit(Op::MAKE_FUNCTION, flags);
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

namespace {

bool find_ann(const ast::Seq<ast::stmt*>& stmts);

bool find_ann_handlers(const ast::Seq<ast::excepthandler*>& handlers) {
  for (const ast::excepthandler* h : handlers) {
    if (find_ann(static_cast<const ast::ExceptHandler*>(h)->body)) return true;
  }
  return false;
}

// Does the block (not counting nested functions and classes) hold an
// annotated assignment?  CPython 3.11's find_ann, which does not look into
// `match` statements.
bool find_ann(const ast::Seq<ast::stmt*>& stmts) {
  for (const ast::stmt* s : stmts) {
    bool res = false;
    switch (s->kind) {
      case ast::Kind::AnnAssign:
        return true;
      case ast::Kind::For: {
        auto* f = static_cast<const ast::For*>(s);
        res = find_ann(f->body) || find_ann(f->orelse);
        break;
      }
      case ast::Kind::AsyncFor: {
        auto* f = static_cast<const ast::AsyncFor*>(s);
        res = find_ann(f->body) || find_ann(f->orelse);
        break;
      }
      case ast::Kind::While: {
        auto* w = static_cast<const ast::While*>(s);
        res = find_ann(w->body) || find_ann(w->orelse);
        break;
      }
      case ast::Kind::If: {
        auto* i = static_cast<const ast::If*>(s);
        res = find_ann(i->body) || find_ann(i->orelse);
        break;
      }
      case ast::Kind::With:
        res = find_ann(static_cast<const ast::With*>(s)->body);
        break;
      case ast::Kind::AsyncWith:
        res = find_ann(static_cast<const ast::AsyncWith*>(s)->body);
        break;
      case ast::Kind::Try: {
        auto* t = static_cast<const ast::Try*>(s);
        if (find_ann_handlers(t->handlers)) return true;
        res = find_ann(t->body) || find_ann(t->finalbody) || find_ann(t->orelse);
        break;
      }
      case ast::Kind::TryStar: {
        auto* t = static_cast<const ast::TryStar*>(s);
        if (find_ann_handlers(t->handlers)) return true;
        res = find_ann(t->body) || find_ann(t->finalbody) || find_ann(t->orelse);
        break;
      }
      default:
        break;
    }
    if (res) return true;
  }
  return false;
}

}  // namespace

void Compiler::compile_body(const ast::Seq<ast::stmt*>& body) {
  if (u().scope_type == ScopeType::Module && !body.empty()) set_loc(body[0]);
  if (find_ann(body)) emit(Op::SETUP_ANNOTATIONS);
  if (body.empty()) return;
  uint32_t i = 0;
  if (optimize_ < 2) {
    if (const ast::Constant* doc = docstring_of(body)) {
      i = 1;
      set_loc(body[0]);
      compile_expr(doc);
      unset_loc();
      nameop("__doc__", ast::expr_context::Store);
    }
  }
  for (; i < body.size; ++i) compile_stmt(body[i]);
}

std::shared_ptr<CodeUnit> Compiler::compile_module(const ast::Module* module) {
  enter_scope("<module>", ScopeType::Module, module, 1);
  if (interactive_) {
    if (find_ann(module->body)) emit(Op::SETUP_ANNOTATIONS);
    compile_stmts(module->body);
  } else {
    compile_body(module->body);
  }
  return exit_scope(true);
}

std::shared_ptr<CodeUnit> Compiler::compile_expression(const ast::Expression* expression) {
  enter_scope("<module>", ScopeType::Module, nullptr, 1);
  compile_expr(expression->body);
  return exit_scope(false);
}

}  // namespace codegen

namespace {

CodegenResult run(const SymbolTable& symbols, std::string_view filename, int optimize, bool interactive,
                  const ast::Module* module, const ast::Expression* expression) {
  CodegenResult result;
  codegen::Compiler compiler(symbols, filename, optimize, interactive);
  try {
    result.code = module ? compiler.compile_module(module) : compiler.compile_expression(expression);
  } catch (const codegen::CodegenError& e) {
    result.error = codegen::error_info(e.message, e.pos, filename);
    result.code = nullptr;
  }
  result.warnings = std::move(compiler.warnings());
  return result;
}

}  // namespace

CodegenResult compile_module(const ast::Module* module, const SymbolTable& symbols, std::string_view filename,
                             int optimize) {
  return run(symbols, filename, optimize, false, module, nullptr);
}

CodegenResult compile_expression(const ast::Expression* expression, const SymbolTable& symbols,
                                 std::string_view filename, int optimize) {
  return run(symbols, filename, optimize, false, nullptr, expression);
}

CodegenResult compile_interactive(const ast::Module* module, const SymbolTable& symbols, std::string_view filename,
                                  int optimize) {
  return run(symbols, filename, optimize, true, module, nullptr);
}

}  // namespace tern::compiler
