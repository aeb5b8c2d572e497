// Code generation for statements: definitions, control flow, exceptions,
// `with`, imports, assignments (CPython 3.11's compiler.c, statement side).
#include "runtime/compiler/codegen_internal.h"

namespace tern::compiler::codegen {

using ast::expr_context;

void Compiler::compile_stmts(const ast::Seq<ast::stmt*>& body) {
  for (const ast::stmt* s : body) compile_stmt(s);
}

// ---------------------------------------------------------------------------
// fblocks: unwinding for break, continue and return
// ---------------------------------------------------------------------------

void Compiler::push_fblock(FBlock f) {
  if (u().fblocks.size() >= 20) error("too many statically nested blocks");
  u().fblocks.push_back(f);
}

void Compiler::pop_fblock() { u().fblocks.pop_back(); }

void Compiler::pop_except_and_reraise() {
  emit(Op::COPY, 3);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 1);
}

// Emits what leaving `f` early must do; `preserve_tos` keeps the value on top
// of the stack (a return value) above what is popped.
void Compiler::unwind_fblock(const FBlock& f, bool preserve_tos) {
  switch (f.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator:
      return;
    case FBlockType::ForLoop:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return;
    case FBlockType::TryExcept:
      emit(kPopBlock);
      return;
    case FBlockType::FinallyTry:
      emit(kPopBlock);
      if (preserve_tos) push_fblock(FBlockType::PopValue);
      compile_stmts(*f.final_body);
      if (preserve_tos) pop_fblock();
      return;
    case FBlockType::FinallyEnd:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);  // exc_value
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      return;
    case FBlockType::With:
    case FBlockType::AsyncWith:
      set_loc(f.with_stmt);
      emit(kPopBlock);
      if (preserve_tos) emit(Op::SWAP, 2);
      call_exit_with_nones();
      if (f.type == FBlockType::AsyncWith) {
        emit(Op::GET_AWAITABLE, 2);
        emit_none();
        emit_yield_from(true);
      }
      emit(Op::POP_TOP);
      unset_loc();
      return;
    case FBlockType::HandlerCleanup:
      if (!f.name.empty()) emit(kPopBlock);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      if (!f.name.empty()) {
        emit_none();
        nameop(f.name, expr_context::Store);
        nameop(f.name, expr_context::Del);
      }
      return;
    case FBlockType::PopValue:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return;
  }
}

// Unwinds every fblock (return) or those inside the innermost loop (break,
// continue: returns that loop, or null if there is none).
const FBlock* Compiler::unwind_fblock_stack(bool preserve_tos, bool stop_at_loop) {
  auto& stack = u().fblocks;
  if (stack.empty()) return nullptr;
  FBlock top = stack.back();
  if (top.type == FBlockType::ExceptionGroupHandler) {
    error("'break', 'continue' and 'return' cannot appear in an except* block");
  }
  if (stop_at_loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
    return &stack.back();
  }
  stack.pop_back();
  unwind_fblock(top, preserve_tos);
  const FBlock* loop = unwind_fblock_stack(preserve_tos, stop_at_loop);
  stack.push_back(top);
  // `loop` points into the stack, which push_back may have moved.
  if (loop) {
    for (auto& f : stack) {
      if (f.type == FBlockType::WhileLoop || f.type == FBlockType::ForLoop) {
        if (f.block == loop->block) return &f;
      }
    }
  }
  return loop;
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

void Compiler::compile_stmt(const ast::stmt* s) {
  set_loc(s);
  switch (s->kind) {
    case ast::Kind::FunctionDef:
      compile_function(s, false);
      return;
    case ast::Kind::AsyncFunctionDef:
      compile_function(s, true);
      return;
    case ast::Kind::ClassDef:
      compile_class(static_cast<const ast::ClassDef*>(s));
      return;
    case ast::Kind::Return:
      compile_return(static_cast<const ast::Return*>(s));
      return;
    case ast::Kind::Delete:
      for (const ast::expr* t : static_cast<const ast::Delete*>(s)->targets) compile_expr(t);
      return;
    case ast::Kind::Assign: {
      auto* a = static_cast<const ast::Assign*>(s);
      compile_expr(a->value);
      for (uint32_t i = 0; i < a->targets.size; ++i) {
        if (i + 1 < a->targets.size) emit(Op::COPY, 1);
        compile_expr(a->targets[i]);
      }
      return;
    }
    case ast::Kind::AugAssign:
      compile_augassign(static_cast<const ast::AugAssign*>(s));
      return;
    case ast::Kind::AnnAssign:
      compile_annassign(static_cast<const ast::AnnAssign*>(s));
      return;
    case ast::Kind::For:
      compile_for(static_cast<const ast::For*>(s));
      return;
    case ast::Kind::AsyncFor:
      compile_async_for(static_cast<const ast::AsyncFor*>(s));
      return;
    case ast::Kind::While:
      compile_while(static_cast<const ast::While*>(s));
      return;
    case ast::Kind::If:
      compile_if(static_cast<const ast::If*>(s));
      return;
    case ast::Kind::With:
      compile_with(static_cast<const ast::With*>(s), 0);
      return;
    case ast::Kind::AsyncWith:
      compile_async_with(static_cast<const ast::AsyncWith*>(s), 0);
      return;
    case ast::Kind::Match:
      compile_match(static_cast<const ast::Match*>(s));
      return;
    case ast::Kind::Raise: {
      auto* r = static_cast<const ast::Raise*>(s);
      uint32_t n = 0;
      if (r->exc) {
        compile_expr(r->exc);
        ++n;
        if (r->cause) {
          compile_expr(r->cause);
          ++n;
        }
      }
      emit(Op::RAISE_VARARGS, n);
      use_block(new_block());
      return;
    }
    case ast::Kind::Try:
      compile_try(static_cast<const ast::Try*>(s));
      return;
    case ast::Kind::TryStar: {
      auto* t = static_cast<const ast::TryStar*>(s);
      if (!t->finalbody.empty()) {
        compile_try_finally(s, t->body, t->handlers, t->orelse, t->finalbody, true);
      } else {
        compile_try_star_except(t->body, t->handlers, t->orelse);
      }
      return;
    }
    case ast::Kind::Assert:
      compile_assert(static_cast<const ast::Assert*>(s));
      return;
    case ast::Kind::Import:
      compile_import(static_cast<const ast::Import*>(s));
      return;
    case ast::Kind::ImportFrom:
      compile_import_from(static_cast<const ast::ImportFrom*>(s));
      return;
    case ast::Kind::Global:
    case ast::Kind::Nonlocal:
      return;
    case ast::Kind::Expr:
      compile_visit_stmt_expr(static_cast<const ast::Expr*>(s)->value);
      return;
    case ast::Kind::Pass:
      emit(Op::NOP);
      return;
    case ast::Kind::Break:
      compile_break();
      return;
    case ast::Kind::Continue:
      compile_continue();
      return;
    default:
      error("internal error: unknown statement");
  }
}

void Compiler::compile_visit_stmt_expr(const ast::expr* value) {
  if (interactive_ && units_.size() <= 1) {
    compile_expr(value);
    emit(Op::PRINT_EXPR);
    return;
  }
  if (value->kind == ast::Kind::Constant) {
    emit(Op::NOP);  // a constant statement does nothing
    return;
  }
  compile_expr(value);
  unset_loc();
  emit(Op::POP_TOP);
}

// ---------------------------------------------------------------------------
// Functions and classes
// ---------------------------------------------------------------------------

void Compiler::compile_decorators(const ast::Seq<ast::expr*>& decorators) {
  for (const ast::expr* d : decorators) compile_expr(d);
}

void Compiler::apply_decorators(const ast::Seq<ast::expr*>& decorators) {
  for (uint32_t i = decorators.size; i-- > 0;) {
    set_loc(decorators[i]);
    emit(Op::CALL, 0);
  }
}

void Compiler::check_debug_args(const ast::arguments* args) {
  auto check = [this](const ast::arg* a) {
    if (a) check_forbidden(a->arg_, expr_context::Store);
  };
  for (const ast::arg* a : args->posonlyargs) check(a);
  for (const ast::arg* a : args->args) check(a);
  check(args->vararg);
  for (const ast::arg* a : args->kwonlyargs) check(a);
  check(args->kwarg);
}

uint32_t Compiler::compile_default_arguments(const ast::arguments* args) {
  uint32_t flags = 0;
  if (!args->defaults.empty()) {
    for (const ast::expr* d : args->defaults) compile_expr(d);
    emit(Op::BUILD_TUPLE, args->defaults.size);
    flags |= interp::kMakeFunctionDefaults;
  }
  std::vector<Constant> keys;
  for (uint32_t i = 0; i < args->kwonlyargs.size; ++i) {
    const ast::expr* d = i < args->kw_defaults.size ? args->kw_defaults[i] : nullptr;
    if (!d) continue;
    keys.push_back(Constant::str(mangle_name(args->kwonlyargs[i]->arg_)));
    compile_expr(d);
  }
  if (!keys.empty()) {
    uint32_t n = static_cast<uint32_t>(keys.size());
    emit_const(Constant::tuple(std::move(keys)));
    emit(Op::BUILD_CONST_KEY_MAP, n);
    flags |= interp::kMakeFunctionKwDefaults;
  }
  return flags;
}

void Compiler::compile_annotation_value(const ast::expr* e) {
  if (future_annotations()) {
    emit_const(Constant::str(unparse_annotation(e)));
  } else {
    compile_expr(e);
  }
}

bool Compiler::compile_annotations(const ast::arguments* args, const ast::expr* returns) {
  uint32_t len = 0;
  auto one = [&](std::string_view name, const ast::expr* annotation) {
    if (!annotation) return;
    emit_const(Constant::str(mangle_name(name)));
    if (future_annotations()) {
      emit_const(Constant::str(unparse_annotation(annotation)));
    } else if (auto* star = ast::as<ast::Starred>(annotation)) {
      // *args: *Ts — [annotation] = [*Ts]
      compile_expr(star->value);
      emit(Op::UNPACK_SEQUENCE, 1);
    } else {
      compile_expr(annotation);
    }
    len += 2;
  };
  for (const ast::arg* a : args->args) one(a->arg_, a->annotation);
  for (const ast::arg* a : args->posonlyargs) one(a->arg_, a->annotation);
  if (args->vararg) one(args->vararg->arg_, args->vararg->annotation);
  for (const ast::arg* a : args->kwonlyargs) one(a->arg_, a->annotation);
  if (args->kwarg) one(args->kwarg->arg_, args->kwarg->annotation);
  one("return", returns);
  if (len == 0) return false;
  emit(Op::BUILD_TUPLE, len);
  return true;
}

void Compiler::compile_function(const ast::stmt* s, bool is_async) {
  std::string_view name;
  const ast::arguments* args;
  const ast::Seq<ast::stmt*>* body;
  const ast::Seq<ast::expr*>* decorators;
  const ast::expr* returns;
  if (is_async) {
    auto* f = static_cast<const ast::AsyncFunctionDef*>(s);
    name = f->name, args = f->args, body = &f->body, decorators = &f->decorator_list, returns = f->returns;
  } else {
    auto* f = static_cast<const ast::FunctionDef*>(s);
    name = f->name, args = f->args, body = &f->body, decorators = &f->decorator_list, returns = f->returns;
  }
  check_debug_args(args);
  compile_decorators(*decorators);
  int firstlineno = decorators->empty() ? s->lineno : (*decorators)[0]->lineno;
  uint32_t flags = compile_default_arguments(args);
  if (compile_annotations(args, returns)) flags |= interp::kMakeFunctionAnnotations;

  enter_scope(std::string(name), is_async ? ScopeType::AsyncFunction : ScopeType::Function, s, firstlineno);
  const ast::Constant* doc = optimize_ < 2 ? docstring_of(*body) : nullptr;
  add_const(doc ? constant_of(doc->value) : Constant::none());
  u().argcount = static_cast<int>(args->args.size);
  u().posonlyargcount = static_cast<int>(args->posonlyargs.size);
  u().kwonlyargcount = static_cast<int>(args->kwonlyargs.size);
  for (uint32_t i = doc ? 1 : 0; i < body->size; ++i) compile_stmt((*body)[i]);
  std::shared_ptr<CodeUnit> code = exit_scope(true);

  make_closure(code, flags);
  apply_decorators(*decorators);
  set_loc(s);
  nameop(name, expr_context::Store);
}

void Compiler::compile_class(const ast::ClassDef* s) {
  compile_decorators(s->decorator_list);
  int firstlineno = s->decorator_list.empty() ? s->lineno : s->decorator_list[0]->lineno;

  enter_scope(std::string(s->name), ScopeType::Class, s, firstlineno);
  u().private_name = std::string(s->name);
  nameop("__name__", expr_context::Load);
  nameop("__module__", expr_context::Store);
  emit_const(Constant::str(u().qualname));
  nameop("__qualname__", expr_context::Store);
  compile_body(s->body);
  unset_loc();
  if (u().ste->needs_class_closure) {
    emit(Op::LOAD_CLOSURE, static_cast<uint32_t>(u().cellvars.find("__class__")));
    emit(Op::COPY, 1);
    nameop("__classcell__", expr_context::Store);
  } else {
    emit_none();
  }
  emit(Op::RETURN_VALUE);
  std::shared_ptr<CodeUnit> code = exit_scope(true);

  set_loc(s);
  emit(Op::PUSH_NULL);
  emit(Op::LOAD_BUILD_CLASS);
  make_closure(code, 0);
  emit_const(Constant::str(std::string(s->name)));
  call_helper(2, s->bases, s->keywords);
  apply_decorators(s->decorator_list);
  set_loc(s);
  nameop(s->name, expr_context::Store);
}

// ---------------------------------------------------------------------------
// return, break, continue
// ---------------------------------------------------------------------------

void Compiler::compile_return(const ast::Return* s) {
  bool preserve_tos = s->value && s->value->kind != ast::Kind::Constant;
  if (u().ste->type != BlockType::Function) error("'return' outside function");
  if (s->value && u().ste->coroutine && u().ste->generator) error("'return' with value in async generator");
  if (preserve_tos) {
    compile_expr(s->value);
  } else if (s->value) {
    set_loc(s->value);
    emit(Op::NOP);
  }
  if (!s->value || s->value->lineno != s->lineno) {
    set_loc(s);
    emit(Op::NOP);
  }
  unwind_fblock_stack(preserve_tos, false);
  if (!s->value) {
    emit_none();
  } else if (!preserve_tos) {
    emit_const(constant_of(static_cast<const ast::Constant*>(s->value)->value));
  }
  emit(Op::RETURN_VALUE);
  use_block(new_block());
}

// Unwinding a `with` leaves no location: the error is at the statement.
void Compiler::compile_break() {
  InstrPosition at = u().loc;
  emit(Op::NOP);
  const FBlock* loop = unwind_fblock_stack(false, true);
  if (!loop) {
    u().loc = at;
    error("'break' outside loop");
  }
  FBlock copy = *loop;
  unwind_fblock(copy, false);
  emit_jump(kJump, copy.exit);
  use_block(new_block());
}

void Compiler::compile_continue() {
  InstrPosition at = u().loc;
  emit(Op::NOP);
  const FBlock* loop = unwind_fblock_stack(false, true);
  if (!loop) {
    u().loc = at;
    error("'continue' not properly in loop");
  }
  emit_jump(kJump, loop->block);
  use_block(new_block());
}

// ---------------------------------------------------------------------------
// if, for, while
// ---------------------------------------------------------------------------

void Compiler::compile_if(const ast::If* s) {
  BasicBlock* end = new_block();
  BasicBlock* next = s->orelse.empty() ? end : new_block();
  jump_if(s->test, next, false);
  compile_stmts(s->body);
  if (!s->orelse.empty()) {
    emit_jump(kJump, end);
    use_block(next);
    compile_stmts(s->orelse);
  }
  use_block(end);
}

void Compiler::compile_for(const ast::For* s) {
  BasicBlock* start = new_block();
  BasicBlock* body = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* end = new_block();
  push_fblock(FBlockType::ForLoop, start, end);
  compile_folded_iter(s->iter);
  emit(Op::GET_ITER);
  use_block(start);
  emit_jump(Op::FOR_ITER, cleanup);
  use_block(body);
  compile_expr(s->target);
  compile_stmts(s->body);
  unset_loc();
  emit_jump(kJump, start);
  use_block(cleanup);
  pop_fblock();
  compile_stmts(s->orelse);
  use_block(end);
}

void Compiler::compile_async_for(const ast::AsyncFor* s) {
  if (u().scope_type != ScopeType::AsyncFunction) error("'async for' outside async function");
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  compile_expr(s->iter);
  emit(Op::GET_AITER);
  use_block(start);
  push_fblock(FBlockType::ForLoop, start, end);
  emit_jump(kSetupFinally, except);
  emit(Op::GET_ANEXT);
  emit_none();
  emit_yield_from(true);
  emit(kPopBlock);
  compile_expr(s->target);
  compile_stmts(s->body);
  unset_loc();
  emit_jump(kJump, start);
  pop_fblock();
  use_block(except);
  set_loc(s->iter);
  emit(Op::END_ASYNC_FOR);
  compile_stmts(s->orelse);
  use_block(end);
}

void Compiler::compile_while(const ast::While* s) {
  BasicBlock* loop = new_block();
  BasicBlock* body = new_block();
  BasicBlock* anchor = new_block();
  BasicBlock* end = new_block();
  use_block(loop);
  push_fblock(FBlockType::WhileLoop, loop, end);
  jump_if(s->test, anchor, false);
  use_block(body);
  compile_stmts(s->body);
  set_loc(s);
  jump_if(s->test, body, true);
  pop_fblock();
  use_block(anchor);
  compile_stmts(s->orelse);
  use_block(end);
}

// ---------------------------------------------------------------------------
// try
// ---------------------------------------------------------------------------

void Compiler::compile_try(const ast::Try* s) {
  if (!s->finalbody.empty()) {
    compile_try_finally(s, s->body, s->handlers, s->orelse, s->finalbody, false);
  } else {
    compile_try_except(s->body, s->handlers, s->orelse);
  }
}

void Compiler::compile_try_finally(const ast::stmt* s, const ast::Seq<ast::stmt*>& body,
                                   const ast::Seq<ast::excepthandler*>& handlers, const ast::Seq<ast::stmt*>& orelse,
                                   const ast::Seq<ast::stmt*>& finalbody, bool star) {
  (void)s;
  BasicBlock* body_block = new_block();
  BasicBlock* end = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  emit_jump(kSetupFinally, end);
  use_block(body_block);
  push_fblock(FBlockType::FinallyTry, body_block, end, &finalbody);
  if (!handlers.empty()) {
    if (star) {
      compile_try_star_except(body, handlers, orelse);
    } else {
      compile_try_except(body, handlers, orelse);
    }
  } else {
    compile_stmts(body);
  }
  unset_loc();
  emit(kPopBlock);
  pop_fblock();
  compile_stmts(finalbody);
  unset_loc();
  emit_jump(kJump, exit);

  use_block(end);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  push_fblock(FBlockType::FinallyEnd, end);
  compile_stmts(finalbody);
  pop_fblock();
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
}

void Compiler::compile_try_except(const ast::Seq<ast::stmt*>& body, const ast::Seq<ast::excepthandler*>& handlers,
                                  const ast::Seq<ast::stmt*>& orelse) {
  BasicBlock* body_block = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  emit_jump(kSetupFinally, except);
  use_block(body_block);
  push_fblock(FBlockType::TryExcept, body_block);
  compile_stmts(body);
  pop_fblock();
  unset_loc();
  emit(kPopBlock);
  compile_stmts(orelse);
  unset_loc();
  emit_jump(kJump, end);

  use_block(except);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  push_fblock(FBlockType::ExceptionHandler);
  for (uint32_t i = 0; i < handlers.size; ++i) {
    auto* handler = static_cast<const ast::ExceptHandler*>(handlers[i]);
    set_loc(handler);
    if (!handler->type && i + 1 < handlers.size) error("default 'except:' must be last");
    BasicBlock* next_handler = new_block();
    if (handler->type) {
      compile_expr(handler->type);
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, next_handler);
    }
    if (handler->name.data()) {
      BasicBlock* cleanup_end = new_block();
      BasicBlock* cleanup_body = new_block();
      nameop(handler->name, expr_context::Store);
      // try: body  finally: name = None; del name
      emit_jump(kSetupCleanup, cleanup_end);
      use_block(cleanup_body);
      push_fblock(FBlockType::HandlerCleanup, cleanup_body, nullptr, nullptr, nullptr, handler->name);
      compile_stmts(handler->body);
      pop_fblock();
      unset_loc();
      emit(kPopBlock);
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      emit_none();
      nameop(handler->name, expr_context::Store);
      nameop(handler->name, expr_context::Del);
      emit_jump(kJump, end);

      use_block(cleanup_end);
      unset_loc();
      emit_none();
      nameop(handler->name, expr_context::Store);
      nameop(handler->name, expr_context::Del);
      emit(Op::RERAISE, 1);
    } else {
      BasicBlock* cleanup_body = new_block();
      emit(Op::POP_TOP);  // exc_value
      use_block(cleanup_body);
      push_fblock(FBlockType::HandlerCleanup, cleanup_body);
      compile_stmts(handler->body);
      pop_fblock();
      unset_loc();
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      emit_jump(kJump, end);
    }
    use_block(next_handler);
  }
  unset_loc();
  pop_fblock();
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(end);
}

void Compiler::compile_try_star_except(const ast::Seq<ast::stmt*>& body, const ast::Seq<ast::excepthandler*>& handlers,
                                       const ast::Seq<ast::stmt*>& orelse) {
  BasicBlock* body_block = new_block();
  BasicBlock* except = new_block();
  BasicBlock* orelse_block = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* reraise_star = new_block();

  emit_jump(kSetupFinally, except);
  use_block(body_block);
  push_fblock(FBlockType::TryExcept, body_block);
  compile_stmts(body);
  pop_fblock();
  unset_loc();
  emit(kPopBlock);
  emit_jump(kJump, orelse_block);

  use_block(except);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  push_fblock(FBlockType::ExceptionGroupHandler);
  uint32_t n = handlers.size;
  for (uint32_t i = 0; i < n; ++i) {
    auto* handler = static_cast<const ast::ExceptHandler*>(handlers[i]);
    set_loc(handler);
    BasicBlock* next = new_block();
    BasicBlock* except_with_error = new_block();
    BasicBlock* no_match = new_block();
    if (i == 0) {
      // [exc] -> [orig, [], exc]
      emit(Op::COPY, 1);
      emit(Op::BUILD_LIST, 0);
      emit(Op::SWAP, 2);
    }
    if (handler->type) {
      compile_expr(handler->type);
      emit(Op::CHECK_EG_MATCH);
      emit(Op::COPY, 1);
      emit_jump(Op::POP_JUMP_IF_NONE, no_match);
    }
    BasicBlock* cleanup_end = new_block();
    BasicBlock* cleanup_body = new_block();
    bool named = handler->name.data() != nullptr;
    if (named) {
      nameop(handler->name, expr_context::Store);
    } else {
      emit(Op::POP_TOP);  // match
    }
    emit_jump(kSetupCleanup, cleanup_end);
    use_block(cleanup_body);
    push_fblock(FBlockType::HandlerCleanup, cleanup_body, nullptr, nullptr, nullptr, handler->name);
    compile_stmts(handler->body);
    pop_fblock();
    unset_loc();
    emit(kPopBlock);
    if (named) {
      emit_none();
      nameop(handler->name, expr_context::Store);
      nameop(handler->name, expr_context::Del);
    }
    emit_jump(kJump, next);

    use_block(cleanup_end);
    unset_loc();
    if (named) {
      emit_none();
      nameop(handler->name, expr_context::Store);
      nameop(handler->name, expr_context::Del);
    }
    emit(Op::LIST_APPEND, 3);  // exc
    emit(Op::POP_TOP);         // lasti
    emit_jump(kJump, except_with_error);

    use_block(next);
    emit(Op::NOP);
    emit_jump(kJump, except_with_error);

    use_block(no_match);
    emit(Op::POP_TOP);  // match (None)

    use_block(except_with_error);
    if (i + 1 == n) {
      emit(Op::LIST_APPEND, 1);
      emit_jump(kJump, reraise_star);
    }
  }
  unset_loc();
  pop_fblock();
  BasicBlock* reraise = new_block();
  use_block(reraise_star);
  emit(Op::PREP_RERAISE_STAR);
  emit(Op::COPY, 1);
  emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
  emit(Op::POP_TOP);
  emit(kPopBlock);
  emit(Op::POP_EXCEPT);
  emit_jump(kJump, end);
  use_block(reraise);
  emit(kPopBlock);
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(orelse_block);
  compile_stmts(orelse);
  use_block(end);
}

// ---------------------------------------------------------------------------
// with
// ---------------------------------------------------------------------------

void Compiler::call_exit_with_nones() {
  emit_none();
  emit_none();
  emit_none();
  emit(Op::CALL, 2);  // [exit, None, None, None]: exit(None, None, None)
}

void Compiler::with_except_finish(BasicBlock* cleanup) {
  unset_loc();
  BasicBlock* exit = new_block();
  emit_jump(Op::POP_JUMP_IF_TRUE, exit);
  emit(Op::RERAISE, 2);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  emit(Op::POP_TOP);  // exc_value
  emit(kPopBlock);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
}

void Compiler::compile_with(const ast::With* s, uint32_t pos) {
  const ast::withitem* item = s->items[pos];
  BasicBlock* body = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  compile_expr(item->context_expr);
  emit(Op::BEFORE_WITH);
  emit_jump(kSetupWith, final);
  use_block(body);
  push_fblock(FBlockType::With, body, final, nullptr, s);
  if (item->optional_vars) {
    compile_expr(item->optional_vars);
  } else {
    emit(Op::POP_TOP);
  }
  if (pos + 1 == s->items.size) {
    compile_stmts(s->body);
  } else {
    compile_with(s, pos + 1);
  }
  unset_loc();
  emit(kPopBlock);
  pop_fblock();
  set_loc(s);
  call_exit_with_nones();
  emit(Op::POP_TOP);
  emit_jump(kJump, exit);

  use_block(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  with_except_finish(cleanup);
  use_block(exit);
}

void Compiler::compile_async_with(const ast::AsyncWith* s, uint32_t pos) {
  if (u().scope_type != ScopeType::AsyncFunction) error("'async with' outside async function");
  const ast::withitem* item = s->items[pos];
  BasicBlock* body = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  compile_expr(item->context_expr);
  emit(Op::BEFORE_ASYNC_WITH);
  emit(Op::GET_AWAITABLE, 1);
  emit_none();
  emit_yield_from(true);
  emit_jump(kSetupWith, final);
  use_block(body);
  push_fblock(FBlockType::AsyncWith, body, final, nullptr, s);
  if (item->optional_vars) {
    compile_expr(item->optional_vars);
  } else {
    emit(Op::POP_TOP);
  }
  if (pos + 1 == s->items.size) {
    compile_stmts(s->body);
  } else {
    compile_async_with(s, pos + 1);
  }
  pop_fblock();
  unset_loc();
  emit(kPopBlock);
  set_loc(s);
  call_exit_with_nones();
  emit(Op::GET_AWAITABLE, 2);
  emit_none();
  emit_yield_from(true);
  emit(Op::POP_TOP);
  emit_jump(kJump, exit);

  use_block(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  emit(Op::GET_AWAITABLE, 2);
  emit_none();
  emit_yield_from(true);
  with_except_finish(cleanup);
  use_block(exit);
}

// ---------------------------------------------------------------------------
// import
// ---------------------------------------------------------------------------

void Compiler::compile_import(const ast::Import* s) {
  for (const ast::alias* alias : s->names) {
    set_loc(s);
    emit_const(Constant::integer("0"));
    emit_none();
    emit_name(Op::IMPORT_NAME, alias->name);
    std::string_view name = alias->name;
    if (alias->asname.data()) {
      size_t dot = name.find('.');
      if (dot != std::string_view::npos) {
        // import a.b.c as d: IMPORT_FROM b, then c, from the top module.
        size_t pos = dot + 1;
        while (true) {
          size_t next = name.find('.', pos);
          std::string attr(name.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
          emit_name_raw(Op::IMPORT_FROM, attr);
          if (next == std::string_view::npos) break;
          emit(Op::SWAP, 2);
          emit(Op::POP_TOP);
          pos = next + 1;
        }
        nameop(alias->asname, expr_context::Store);
        emit(Op::POP_TOP);
      } else {
        nameop(alias->asname, expr_context::Store);
      }
    } else {
      size_t dot = name.find('.');
      nameop(name.substr(0, dot), expr_context::Store);
    }
  }
}

void Compiler::compile_import_from(const ast::ImportFrom* s) {
  int level = s->level == ast::kNoInt ? 0 : s->level;
  emit_const(Constant::integer(std::to_string(level)));
  std::vector<Constant> names;
  for (const ast::alias* alias : s->names) names.push_back(Constant::str(std::string(alias->name)));
  if (s->lineno > symbols_.future().lineno && s->module.data() && s->module == "__future__") {
    error("from __future__ imports must occur at the beginning of the file");
  }
  emit_const(Constant::tuple(std::move(names)));
  emit_name(Op::IMPORT_NAME, s->module.data() ? s->module : std::string_view(""));
  for (uint32_t i = 0; i < s->names.size; ++i) {
    const ast::alias* alias = s->names[i];
    if (i == 0 && alias->name == "*") {
      emit(Op::IMPORT_STAR);
      return;
    }
    emit_name(Op::IMPORT_FROM, alias->name);
    nameop(alias->asname.data() ? alias->asname : alias->name, expr_context::Store);
  }
  emit(Op::POP_TOP);
}

// ---------------------------------------------------------------------------
// assert, augmented and annotated assignment
// ---------------------------------------------------------------------------

void Compiler::compile_assert(const ast::Assert* s) {
  // A parenthesised (test, msg) is a non-empty tuple: always true.
  std::optional<Constant> folded = fold_constant(s->test, optimize_);
  bool nonempty_tuple =
      folded ? folded->kind == Constant::Kind::Tuple && !folded->items.empty()
             : s->test->kind == ast::Kind::Tuple && static_cast<const ast::Tuple*>(s->test)->elts.size > 0;
  if (nonempty_tuple) warn("assertion is always true, perhaps remove parentheses?");
  if (optimize_) return;
  BasicBlock* end = new_block();
  jump_if(s->test, end, true);
  emit(Op::LOAD_ASSERTION_ERROR);
  if (s->msg) {
    compile_expr(s->msg);
    emit(Op::CALL, 0);  // [AssertionError, msg]: AssertionError(msg)
  }
  emit(Op::RAISE_VARARGS, 1);
  use_block(end);
}

void Compiler::compile_augassign(const ast::AugAssign* s) {
  const ast::expr* e = s->target;
  InstrPosition saved = u().loc;
  set_loc(e);
  switch (e->kind) {
    case ast::Kind::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      compile_expr(a->value);
      emit(Op::COPY, 1);
      u().loc.lineno = e->end_lineno;
      emit_name(Op::LOAD_ATTR, a->attr);
      break;
    }
    case ast::Kind::Subscript: {
      auto* sub = static_cast<const ast::Subscript*>(e);
      compile_expr(sub->value);
      compile_expr(sub->slice);
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      break;
    }
    case ast::Kind::Name:
      nameop(static_cast<const ast::Name*>(e)->id, expr_context::Load);
      break;
    default:
      error("internal error: invalid node type for augmented assignment");
  }
  u().loc = saved;
  compile_expr(s->value);
  emit(Op::BINARY_OP, binary_op_arg(s->op) + interp::kInplaceOffset);
  set_loc(e);
  switch (e->kind) {
    case ast::Kind::Attribute:
      u().loc.lineno = e->end_lineno;
      emit(Op::SWAP, 2);
      emit_name(Op::STORE_ATTR, static_cast<const ast::Attribute*>(e)->attr);
      break;
    case ast::Kind::Subscript:
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      break;
    default:
      nameop(static_cast<const ast::Name*>(e)->id, expr_context::Store);
      break;
  }
}

void Compiler::check_ann_expr(const ast::expr* e) {
  compile_expr(e);
  emit(Op::POP_TOP);
}

void Compiler::check_ann_subscr(const ast::expr* e) {
  if (auto* slice = ast::as<ast::Slice>(e)) {
    if (slice->lower) check_ann_expr(slice->lower);
    if (slice->upper) check_ann_expr(slice->upper);
    if (slice->step) check_ann_expr(slice->step);
  } else if (auto* tuple = ast::as<ast::Tuple>(e)) {
    for (const ast::expr* elt : tuple->elts) check_ann_subscr(elt);
  } else {
    check_ann_expr(e);
  }
}

void Compiler::compile_annassign(const ast::AnnAssign* s) {
  const ast::expr* target = s->target;
  if (s->value) {
    compile_expr(s->value);
    compile_expr(target);
  }
  bool module_or_class = u().scope_type == ScopeType::Module || u().scope_type == ScopeType::Class;
  switch (target->kind) {
    case ast::Kind::Name: {
      auto* name = static_cast<const ast::Name*>(target);
      check_forbidden(name->id, expr_context::Store);
      if (s->simple && module_or_class) {
        compile_annotation_value(s->annotation);
        emit_name(Op::LOAD_NAME, "__annotations__");
        emit_const(Constant::str(mangle_name(name->id)));
        emit(Op::STORE_SUBSCR);
      }
      break;
    }
    case ast::Kind::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(target);
      check_forbidden(a->attr, expr_context::Store);
      if (!s->value) check_ann_expr(a->value);
      break;
    }
    case ast::Kind::Subscript: {
      auto* sub = static_cast<const ast::Subscript*>(target);
      if (!s->value) {
        check_ann_expr(sub->value);
        check_ann_subscr(sub->slice);
      }
      break;
    }
    default:
      error("internal error: invalid node type for annotated assignment");
  }
  if (!s->simple && !future_annotations() && module_or_class) check_ann_expr(s->annotation);
}

}  // namespace tern::compiler::codegen
