// Statements: the `statements` half of CPython 3.11's grammar.
#include "runtime/compiler/parser_internal.h"

namespace tern::compiler {

using namespace ast;

// statements: statement+   (until `end`: ENDMARKER or DEDENT)
std::vector<stmt*> Parser::statements_until(TokenType end) {
  std::vector<stmt*> out;
  while (!at(end)) statement(out);
  return out;
}

// statement: compound_stmt | simple_stmts
void Parser::statement(std::vector<stmt*>& out) {
  Depth depth(*this);
  if (stmt* s = compound_stmt()) {
    out.push_back(s);
    return;
  }
  simple_stmts(out);
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
void Parser::simple_stmts(std::vector<stmt*>& out) {
  out.push_back(simple_stmt());
  while (accept_op(OpType::SEMI)) {
    if (at(TokenType::NEWLINE)) break;
    out.push_back(simple_stmt());
  }
  expect(TokenType::NEWLINE);
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
// `what` names the statement for CPython's "expected an indented block
// after ..." error, raised when the INDENT is missing.
Seq<stmt*> Parser::block(const Tok& header, const char* what) {
  std::vector<stmt*> body;
  if (at(TokenType::NEWLINE)) {
    next();
    if (!at(TokenType::INDENT)) {
      raise_at(peek(), std::string("expected an indented block after ") + what + " on line " + std::to_string(header.line),
               ErrorKind::IndentationError);
    }
    next();
    body = statements_until(TokenType::DEDENT);
    next();
  } else {
    simple_stmts(body);
  }
  return seq(body);
}

// ===========================================================================
// Simple statements
// ===========================================================================

stmt* Parser::simple_stmt() {
  Pos start = start_pos();
  const Tok& t = peek();
  switch (t.kw) {
    case Keyword::Return: {
      next();
      auto* s = arena_.make<Return>();
      if (!at(TokenType::NEWLINE) && !at_op(OpType::SEMI)) s->value = star_expressions();
      set_loc(s, start, prev_end());
      return s;
    }
    case Keyword::Import:
      return import_name();
    case Keyword::From:
      return import_from();
    case Keyword::Raise: {
      next();
      auto* s = arena_.make<Raise>();
      if (!at(TokenType::NEWLINE) && !at_op(OpType::SEMI)) {
        s->exc = expression();
        if (accept_kw(Keyword::From)) s->cause = expression();
      }
      set_loc(s, start, prev_end());
      return s;
    }
    case Keyword::Pass:
      next();
      return make<Pass>(start);
    case Keyword::Break:
      next();
      return make<Break>(start);
    case Keyword::Continue:
      next();
      return make<Continue>(start);
    case Keyword::Del: {
      next();
      auto* s = arena_.make<Delete>();
      s->targets = seq(del_targets());
      if (!at(TokenType::NEWLINE) && !at_op(OpType::SEMI)) fail();
      set_loc(s, start, prev_end());
      return s;
    }
    case Keyword::Assert: {
      next();
      auto* s = arena_.make<Assert>();
      s->test = expression();
      if (accept_op(OpType::COMMA)) s->msg = expression();
      set_loc(s, start, prev_end());
      return s;
    }
    case Keyword::Global:
    case Keyword::Nonlocal: {
      next();
      std::vector<std::string_view> names;
      names.push_back(identifier(expect_name()));
      while (accept_op(OpType::COMMA)) names.push_back(identifier(expect_name()));
      if (t.kw == Keyword::Global) {
        auto* s = make<Global>(start);
        s->names = seq(names);
        return s;
      }
      auto* s = make<Nonlocal>(start);
      s->names = seq(names);
      return s;
    }
    default:
      return expression_stmt();
  }
}

namespace {

operator_ augassign_operator(OpType op, bool* ok) {
  *ok = true;
  switch (op) {
    case OpType::PLUSEQUAL:
      return operator_::Add;
    case OpType::MINEQUAL:
      return operator_::Sub;
    case OpType::STAREQUAL:
      return operator_::Mult;
    case OpType::ATEQUAL:
      return operator_::MatMult;
    case OpType::SLASHEQUAL:
      return operator_::Div;
    case OpType::PERCENTEQUAL:
      return operator_::Mod;
    case OpType::AMPEREQUAL:
      return operator_::BitAnd;
    case OpType::VBAREQUAL:
      return operator_::BitOr;
    case OpType::CIRCUMFLEXEQUAL:
      return operator_::BitXor;
    case OpType::LEFTSHIFTEQUAL:
      return operator_::LShift;
    case OpType::RIGHTSHIFTEQUAL:
      return operator_::RShift;
    case OpType::DOUBLESTAREQUAL:
      return operator_::Pow;
    case OpType::DOUBLESLASHEQUAL:
      return operator_::FloorDiv;
    default:
      *ok = false;
      return operator_::Add;
  }
}

}  // namespace

// annotated_rhs: yield_expr | star_expressions
expr* Parser::annotated_rhs() { return at_kw(Keyword::Yield) ? yield_expr() : star_expressions(); }

// assignment (annotated, augmented, chained) | star_expressions | yield_stmt
stmt* Parser::expression_stmt() {
  Pos start = start_pos();
  bool parenthesized = at_op(OpType::LPAR);
  expr* first = annotated_rhs();

  if (at_op(OpType::COLON)) {  // NAME ':' expression ['=' annotated_rhs], or a parenthesized/attribute target
    if (!as<Name>(first) && !as<Attribute>(first) && !as<Subscript>(first)) {
      note_invalid();  // CPython's first pass fails at the ':'
      // CPython's invalid_assignment, when an annotation follows the ':'.
      if (!speculate([&] {
            next();
            return expression();
          })) {
        fail();
      }
      if (auto* tuple = as<Tuple>(first)) {
        // An unparenthesized tuple is reported at its first element.
        expr* at = is_parenthesized(tuple) ? tuple : tuple->elts[0];
        raise_node(at, "only single target (not tuple) can be annotated");
      }
      if (auto* list = as<List>(first)) raise_node(list, "only single target (not list) can be annotated");
      raise_node(first, "illegal target for annotation");
    }
    next();
    set_context(first, expr_context::Store, "assign to");
    auto* s = arena_.make<AnnAssign>();
    s->target = first;
    s->annotation = expression();
    if (accept_op(OpType::EQUAL)) s->value = annotated_rhs();
    s->simple = as<Name>(first) && !parenthesized ? 1 : 0;
    set_loc(s, start, prev_end());
    return s;
  }

  bool is_aug = false;
  operator_ op = augassign_operator(peek().type == TokenType::OP ? peek().op : OpType::NONE, &is_aug);
  if (is_aug) {
    if (!as<Name>(first) && !as<Attribute>(first) && !as<Subscript>(first)) {
      if (!speculate([&] {
            next();
            return annotated_rhs();
          })) {
        fail();
      }
      raise_node(first, std::string("'") + expr_name(first) + "' is an illegal expression for augmented assignment");
    }
    next();
    set_context(first, expr_context::Store, "assign to");
    auto* s = arena_.make<AugAssign>();
    s->target = first;
    s->op = op;
    s->value = annotated_rhs();
    set_loc(s, start, prev_end());
    return s;
  }

  if (at_op(OpType::EQUAL)) {
    std::vector<expr*> targets{first};
    expr* value = nullptr;
    while (at_op(OpType::EQUAL)) {
      check_assignment_target(targets.back(), targets.size() == 1);
      next();
      value = annotated_rhs();
      targets.push_back(value);
    }
    targets.pop_back();
    for (expr* t : targets) set_context(t, expr_context::Store, "assign to");
    auto* s = arena_.make<Assign>();
    s->targets = seq(targets);
    s->value = value;
    set_loc(s, start, prev_end());
    return s;
  }

  if (at_op(OpType::COLONEQUAL) && !as<Name>(first)) {
    raise_node(first, std::string("cannot use assignment expressions with ") + expr_name(first));
  }
  if (as<Name>(first) && !at(TokenType::NEWLINE) && !at_op(OpType::SEMI)) legacy_print_statement(first);
  auto* s = arena_.make<Expr>();
  s->value = first;
  set_loc(s, start, prev_end());
  return s;
}

// `print "x"`, `exec code`: CPython's hint, when what follows the name parses
// as an expression.
void Parser::legacy_print_statement(expr* name) {
  std::string_view id = as<Name>(name)->id;
  if (id != "print" && id != "exec") return;
  if (at_op(OpType::LPAR)) return;
  expr* rest = speculate([&] { return star_expressions(); });
  if (!rest) return;
  raise_range(name, rest,
              std::string("Missing parentheses in call to '") + std::string(id) + "'. Did you mean " + std::string(id) +
                  "(...)?");
}

// `target` followed by '=' in `t1 = t2 = ... = value`: CPython's messages
// when it is no target, before the value is parsed.
void Parser::check_assignment_target(expr* target, bool first) {
  if (as<Yield>(target) || as<YieldFrom>(target)) raise_node(target, "assignment to yield expression not possible");
  expr* bad = invalid_target(target, TargetKind::Star);
  if (!bad) return;
  if (first) {
    // `a = b` where `a` is a bitwise_or that is no target, and no '=' follows
    // `b`: "... here. Maybe you meant '==' instead of '='?" (CPython's
    // invalid_named_expression).
    expr* a = target;
    if (auto* tuple = as<Tuple>(a); tuple && !is_parenthesized(tuple)) a = tuple->elts[tuple->elts.size - 1];
    if (a == invalid_target(a, TargetKind::Star) && is_bitwise_or_level(a) && speculate([&]() -> expr* {
          next();
          expr* b = bitwise_or();
          return at_op(OpType::EQUAL) || at_op(OpType::COLONEQUAL) ? nullptr : b;
        })) {
      raise_node(a, std::string("cannot assign to ") + expr_name(a) + " here. Maybe you meant '==' instead of '='?");
    }
  }
  raise_node(bad, std::string("cannot assign to ") + expr_name(bad));
}

// import_name: 'import' dotted_as_names
stmt* Parser::import_name() {
  Pos start = start_pos();
  next();
  std::vector<alias*> names;
  do {
    Pos astart = start_pos();
    std::string name(identifier(expect_name()));
    while (accept_op(OpType::DOT)) {
      name += '.';
      name += identifier(expect_name());
    }
    auto* a = arena_.make<alias>();
    a->name = arena_.copy(name);
    if (accept_kw(Keyword::As)) a->asname = identifier(expect_name());
    set_loc(a, astart, prev_end());
    names.push_back(a);
  } while (accept_op(OpType::COMMA));
  auto* s = make<Import>(start);
  s->names = seq(names);
  return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
stmt* Parser::import_from() {
  Pos start = start_pos();
  next();
  int level = 0;
  for (;;) {
    if (accept_op(OpType::DOT)) {
      level += 1;
    } else if (accept_op(OpType::ELLIPSIS)) {
      level += 3;
    } else {
      break;
    }
  }
  auto* s = arena_.make<ImportFrom>();
  if (!at_kw(Keyword::Import) || level == 0) {
    std::string name(identifier(expect_name()));
    while (accept_op(OpType::DOT)) {
      name += '.';
      name += identifier(expect_name());
    }
    s->module = arena_.copy(name);
  }
  expect_kw(Keyword::Import);
  std::vector<alias*> names;
  if (at_op(OpType::STAR)) {
    Pos astart = start_pos();
    next();
    auto* a = make<alias>(astart);
    a->name = arena_.copy("*");
    names.push_back(a);
  } else {
    bool paren = accept_op(OpType::LPAR);
    do {
      if (paren && at_op(OpType::RPAR) && !names.empty()) break;
      if (!paren && !names.empty() && at(TokenType::NEWLINE)) {
        raise_at(peek(), "trailing comma not allowed without surrounding parentheses");
      }
      Pos astart = start_pos();
      auto* a = arena_.make<alias>();
      a->name = identifier(expect_name());
      if (accept_kw(Keyword::As)) a->asname = identifier(expect_name());
      set_loc(a, astart, prev_end());
      names.push_back(a);
    } while (accept_op(OpType::COMMA));
    if (paren) expect_op(OpType::RPAR);
  }
  s->names = seq(names);
  s->level = level;
  set_loc(s, start, prev_end());
  return s;
}

// ===========================================================================
// Compound statements
// ===========================================================================

stmt* Parser::compound_stmt() {
  const Tok& t = peek();
  if (t.type == TokenType::OP && t.op == OpType::AT) return decorated();
  switch (t.kw) {
    case Keyword::Def:
      return function_def({}, start_pos());
    case Keyword::Class:
      return class_def({}, start_pos());
    case Keyword::If:
      return if_stmt(false);
    case Keyword::While:
      return while_stmt();
    case Keyword::For:
      return for_stmt(start_pos(), false);
    case Keyword::With:
      return with_stmt(start_pos(), false);
    case Keyword::Try:
      return try_stmt();
    case Keyword::Async: {
      Pos start = start_pos();
      const Tok& after = peek(1);
      if (after.kw == Keyword::Def) return function_def({}, start);
      if (after.kw == Keyword::For) return for_stmt(start, true);
      if (after.kw == Keyword::With) return with_stmt(start, true);
      return nullptr;
    }
    case Keyword::Match:
      return match_stmt();
    default:
      return nullptr;
  }
}

// decorators: ('@' named_expression NEWLINE)+   then function_def | class_def
stmt* Parser::decorated() {
  std::vector<expr*> decorators;
  while (accept_op(OpType::AT)) {
    decorators.push_back(named_expression());
    expect(TokenType::NEWLINE);
  }
  Pos start = start_pos();
  if (at_kw(Keyword::Class)) return class_def(std::move(decorators), start);
  if (at_kw(Keyword::Def) || (at_kw(Keyword::Async) && at_kw(Keyword::Def, 1))) {
    return function_def(std::move(decorators), start);
  }
  fail();
}

// function_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' block
stmt* Parser::function_def(std::vector<expr*> decorators, Pos start) {
  bool is_async = accept_kw(Keyword::Async);
  const Tok& def = expect_kw(Keyword::Def);
  std::string_view name = identifier(expect_name());
  if (!at_op(OpType::LPAR)) raise_at(peek(), "expected '('");
  next();
  arguments* args = parameters(false, OpType::RPAR);
  expect_op(OpType::RPAR);
  expr* returns = nullptr;
  if (accept_op(OpType::RARROW)) returns = expression();
  expect_colon(true);
  Seq<stmt*> body = block(def, "function definition");
  auto fill = [&](auto* s) -> stmt* {  // FunctionDef and AsyncFunctionDef have the same fields
    s->name = name;
    s->args = args;
    s->body = body;
    s->decorator_list = seq(decorators);
    s->returns = returns;
    set_loc(s, start, prev_end());
    return s;
  };
  return is_async ? fill(arena_.make<AsyncFunctionDef>()) : fill(arena_.make<FunctionDef>());
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
stmt* Parser::class_def(std::vector<expr*> decorators, Pos start) {
  const Tok& kw = expect_kw(Keyword::Class);
  auto* s = arena_.make<ClassDef>();
  s->name = identifier(expect_name());
  if (at_op(OpType::LPAR)) {
    Pos cstart = start_pos();
    auto* c = as<Call>(call(nullptr, cstart));
    // Unlike a call's, class arguments take no bare generator expression:
    // `class C(x for x in y)` (one that starts at the '(' itself).
    if (c->args.size == 1 && c->args[0]->kind == Kind::GeneratorExp && c->args[0]->lineno == cstart.line &&
        c->args[0]->col_offset == cstart.col) {
      fail();
    }
    s->bases = c->args;
    s->keywords = c->keywords;
  }
  expect_colon(false);
  s->body = block(kw, "class definition");
  s->decorator_list = seq(decorators);
  set_loc(s, start, prev_end());
  return s;
}

// The ':' that opens a block.  `forced` is CPython's &&':' (def, try,
// else, finally): anything else there is "expected ':'".  Otherwise only a
// NEWLINE in its place gets that message (CPython's invalid_*_stmt rules).
void Parser::expect_colon(bool forced) {
  if (accept_op(OpType::COLON)) return;
  if (forced || at(TokenType::NEWLINE)) raise_at(peek(), "expected ':'");
  fail();
}

// else_block: 'else' ':' block
Seq<stmt*> Parser::else_block() {
  const Tok& kw = expect_kw(Keyword::Else);
  expect_colon(true);
  return block(kw, "'else' statement");
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
stmt* Parser::if_stmt(bool elif) {
  Pos start = start_pos();
  const Tok& kw = next();
  auto* s = arena_.make<If>();
  s->test = named_expression();
  expect_colon(false);
  s->body = block(kw, elif ? "'elif' statement" : "'if' statement");
  if (at_kw(Keyword::Elif)) {
    std::vector<stmt*> orelse{if_stmt(true)};
    s->orelse = seq(orelse);
  } else if (at_kw(Keyword::Else)) {
    s->orelse = else_block();
  }
  set_loc(s, start, prev_end());
  return s;
}

// while_stmt: 'while' named_expression ':' block [else_block]
stmt* Parser::while_stmt() {
  Pos start = start_pos();
  const Tok& kw = next();
  auto* s = arena_.make<While>();
  s->test = named_expression();
  expect_colon(false);
  s->body = block(kw, "'while' statement");
  if (at_kw(Keyword::Else)) s->orelse = else_block();
  set_loc(s, start, prev_end());
  return s;
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
stmt* Parser::for_stmt(Pos start, bool is_async) {
  if (is_async) next();
  const Tok& kw = expect_kw(Keyword::For);
  expr* target = for_target();
  expect_kw(Keyword::In);
  expr* iter = star_expressions();
  expect_colon(false);
  Seq<stmt*> body = block(kw, "'for' statement");
  Seq<stmt*> orelse;
  if (at_kw(Keyword::Else)) orelse = else_block();
  auto fill = [&](auto* s) -> stmt* {
    s->target = target;
    s->iter = iter;
    s->body = body;
    s->orelse = orelse;
    set_loc(s, start, prev_end());
    return s;
  };
  return is_async ? fill(arena_.make<AsyncFor>()) : fill(arena_.make<For>());
}

// with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//          | [ASYNC] 'with' ','.with_item+ ':' block
// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
stmt* Parser::with_stmt(Pos start, bool is_async) {
  if (is_async) next();
  const Tok& kw = expect_kw(Keyword::With);
  std::vector<withitem*> items;
  auto with_item = [&]() {
    auto* item = arena_.make<withitem>();
    item->context_expr = expression();
    if (accept_kw(Keyword::As)) {
      item->optional_vars = with_target();
    }
    items.push_back(item);
  };
  bool done = false;
  if (at_op(OpType::LPAR)) {
    size_t m = mark();
    try {
      next();
      do {
        if (at_op(OpType::RPAR) && !items.empty()) break;
        with_item();
      } while (accept_op(OpType::COMMA));
      expect_op(OpType::RPAR);
      if (at(TokenType::NEWLINE)) raise_at(peek(), "expected ':'");
      if (!at_op(OpType::COLON)) fail();
      done = true;
    } catch (NoMatch&) {
      reset(m);
      items.clear();
    }
  }
  if (!done) {
    do with_item();
    while (accept_op(OpType::COMMA));
  }
  expect_colon(false);
  Seq<stmt*> body = block(kw, "'with' statement");
  auto fill = [&](auto* s) -> stmt* {
    s->items = seq(items);
    s->body = body;
    set_loc(s, start, prev_end());
    return s;
  };
  return is_async ? fill(arena_.make<AsyncWith>()) : fill(arena_.make<With>());
}

// try_stmt: 'try' ':' block finally_block
//         | 'try' ':' block except_block+ [else_block] [finally_block]
//         | 'try' ':' block except_star_block+ [else_block] [finally_block]
stmt* Parser::try_stmt() {
  Pos start = start_pos();
  const Tok& kw = next();
  expect_colon(true);
  Seq<stmt*> body = block(kw, "'try' statement");
  std::vector<excepthandler*> handlers;
  bool star = false;
  while (at_kw(Keyword::Except)) {
    Pos hstart = start_pos();
    const Tok& ekw = next();
    bool this_star = accept_op(OpType::STAR);
    if (this_star && (at_op(OpType::COLON) || at(TokenType::NEWLINE))) {
      raise_at(peek(), "expected one or more exception types");
    }
    if (!handlers.empty() && this_star != star) {
      // Over `except*` when it comes second, over `except` when it does.
      const Tok& last = toks_[pos_ - 1];
      Pos end = this_star ? Pos{last.end_line, last.end_col} : Pos{ekw.end_line, ekw.end_col};
      raise(ErrorKind::SyntaxError, "cannot have both 'except' and 'except*' on the same 'try'", {ekw.line, ekw.col},
            end);
    }
    star = this_star;
    auto* h = arena_.make<ExceptHandler>();
    if (!star && at(TokenType::NEWLINE)) raise_at(peek(), "expected ':'");
    if (star || !at_op(OpType::COLON)) {
      h->type = expression();
      if (at_op(OpType::COMMA) && speculate([&] {
            next();
            expressions();
            if (accept_kw(Keyword::As)) expect_name();
            expect_op(OpType::COLON);
            return h->type;
          })) {
        raise_starting_from(start_of(h->type), "multiple exception types must be parenthesized");
      }
      if (accept_kw(Keyword::As)) {
        h->name = identifier(expect_name());
      } else if (at_op(OpType::COMMA)) {
        fail();
      }
    }
    expect_colon(false);
    h->body = block(ekw, star ? "'except*' statement" : "'except' statement");
    set_loc(h, hstart, prev_end());
    handlers.push_back(h);
  }
  Seq<stmt*> orelse;
  Seq<stmt*> finalbody;
  if (!handlers.empty() && at_kw(Keyword::Else)) orelse = else_block();
  if (at_kw(Keyword::Finally)) {
    const Tok& fkw = next();
    expect_colon(true);
    finalbody = block(fkw, "'finally' statement");
  }
  if (handlers.empty() && finalbody.empty()) {
    raise_at(peek(), "expected 'except' or 'finally' block");
  }
  auto fill = [&](auto* s) -> stmt* {
    s->body = body;
    s->handlers = seq(handlers);
    s->orelse = orelse;
    s->finalbody = finalbody;
    set_loc(s, start, prev_end());
    return s;
  };
  return star ? fill(arena_.make<TryStar>()) : fill(arena_.make<Try>());
}

}  // namespace tern::compiler
