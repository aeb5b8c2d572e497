// Expressions: from star_expressions down to atoms, calls and comprehensions.
#include "runtime/compiler/parser_internal.h"

namespace tern::compiler {

using namespace ast;

namespace {

// Whether `t` can begin an expression (CPython would try to parse one there).
bool starts_expression(const Tok& t) {
  switch (t.type) {
    case TokenType::NAME:
      switch (t.kw) {
        case Keyword::None_:
        case Keyword::None:
        case Keyword::True:
        case Keyword::False:
        case Keyword::Not:
        case Keyword::Lambda:
        case Keyword::Await:
        case Keyword::Match:
        case Keyword::Case:
        case Keyword::Underscore:
          return true;
        default:
          return false;
      }
    case TokenType::NUMBER:
    case TokenType::STRING:
      return true;
    case TokenType::OP:
      switch (t.op) {
        case OpType::LPAR:
        case OpType::LSQB:
        case OpType::LBRACE:
        case OpType::MINUS:
        case OpType::PLUS:
        case OpType::TILDE:
        case OpType::ELLIPSIS:
          return true;
        default:
          return false;
      }
    default:
      return false;
  }
}

bool starts_star_expression(const Tok& t) {
  return starts_expression(t) || (t.type == TokenType::OP && t.op == OpType::STAR);
}

}  // namespace

// star_expressions: star_expression (',' star_expression)* [',']
expr* Parser::star_expressions() {
  Pos start = start_pos();
  expr* first = star_expression();
  if (!at_op(OpType::COMMA)) return first;
  std::vector<expr*> elts{first};
  while (accept_op(OpType::COMMA)) {
    if (!starts_star_expression(peek())) break;
    elts.push_back(star_expression());
  }
  auto* t = make<Tuple>(start);
  t->elts = seq(elts);
  return t;
}

// star_expression: '*' bitwise_or | expression
expr* Parser::star_expression() {
  if (at_op(OpType::STAR)) {
    Pos start = start_pos();
    next();
    auto* s = arena_.make<Starred>();
    s->value = bitwise_or();
    set_loc(s, start, prev_end());
    return s;
  }
  return expression();
}

// star_named_expression: '*' bitwise_or | named_expression
expr* Parser::star_named_expression() {
  if (at_op(OpType::STAR)) return star_expression();
  return named_expression();
}

// named_expression: NAME ':=' expression | expression !':='
// With check_eq, `a = b` where '==' or ':=' was meant gets CPython's
// invalid_named_expression messages.
expr* Parser::named_expression(bool check_eq) {
  Pos start = start_pos();
  size_t first_index = pos_;
  if (at_name() && at_op(OpType::COLONEQUAL, 1)) {
    const Tok& name = next();
    next();
    auto* target = arena_.make<Name>();
    target->id = identifier(name);
    target->ctx = expr_context::Store;
    set_loc(target, start, {name.end_line, name.end_col});
    auto* n = arena_.make<NamedExpr>();
    n->target = target;
    n->value = expression();
    set_loc(n, start, prev_end());
    return n;
  }
  expr* e = expression();
  if (at_op(OpType::COLONEQUAL)) {
    raise_node(e, std::string("cannot use assignment expressions with ") + expr_name(e));
  }
  if (check_eq && at_op(OpType::EQUAL)) mistaken_assignment(e, first_index);
  return e;
}

// `e = b` inside an expression; raises when `b` is a bitwise_or that no '='
// or ':=' follows, as CPython's invalid_named_expression does.
void Parser::mistaken_assignment(expr* e, size_t first_index) {
  expr* value = speculate([&]() -> expr* {
    next();
    expr* b = bitwise_or();
    return at_op(OpType::EQUAL) || at_op(OpType::COLONEQUAL) ? nullptr : b;
  });
  if (!value) return;
  const Tok& first = toks_[first_index];
  if (as<Name>(e) && first.type == TokenType::NAME && e->end_col_offset == first.end_col &&
      e->end_lineno == first.end_line) {
    raise_range(e, value, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }
  if (is_bitwise_or_level(e)) {
    raise_node(e, std::string("cannot assign to ") + expr_name(e) + " here. Maybe you meant '==' instead of '='?");
  }
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
expr* Parser::expression() {
  Depth depth(*this);
  if (at_kw(Keyword::Lambda)) return lambdef();
  Pos start = start_pos();
  const Tok& first = peek();
  size_t first_index = pos_;
  expr* body = disjunction();
  if (at_kw(Keyword::If)) {
    next();
    expr* test = disjunction();
    if (!at_kw(Keyword::Else)) {
      if (at_op(OpType::COLON)) fail();
      raise_range(body, test, "expected 'else' after 'if' expression");
    }
    next();
    auto* e = arena_.make<IfExp>();
    e->test = test;
    e->body = body;
    e->orelse = expression();
    set_loc(e, start, prev_end());
    return e;
  }
  // `[a b]`: CPython's "Perhaps you forgot a comma?", inside brackets only.
  bool name_then_string = first.type == TokenType::NAME && first_index + 1 < toks_.size() &&
                          toks_[first_index + 1].type == TokenType::STRING;
  if (starts_expression(peek()) && !name_then_string && first.kw != Keyword::Match && first.kw != Keyword::Case &&
      first.kw != Keyword::Underscore) {
    auto* name = as<Name>(body);
    bool legacy = name && (name->id == "print" || name->id == "exec");
    if (!legacy) {
      note_invalid();  // an expression right after another one
      expr* other = speculate([&]() -> expr* {
        expr* b = expression();
        return toks_[pos_ - 1].level > 0 ? b : nullptr;
      });
      if (other) raise_range(body, other, "invalid syntax. Perhaps you forgot a comma?");
    }
  }
  return body;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
// conjunction: inversion ('and' inversion)+ | inversion
expr* Parser::disjunction() {
  Pos start = start_pos();
  expr* first = conjunction();
  if (!at_kw(Keyword::Or)) return first;
  std::vector<expr*> values{first};
  while (accept_kw(Keyword::Or)) values.push_back(conjunction());
  auto* e = make<BoolOp>(start);
  e->op = boolop::Or;
  e->values = seq(values);
  return e;
}

expr* Parser::conjunction() {
  Pos start = start_pos();
  expr* first = inversion();
  if (!at_kw(Keyword::And)) return first;
  std::vector<expr*> values{first};
  while (accept_kw(Keyword::And)) values.push_back(inversion());
  auto* e = make<BoolOp>(start);
  e->op = boolop::And;
  e->values = seq(values);
  return e;
}

// inversion: 'not' inversion | comparison
expr* Parser::inversion() {
  if (!at_kw(Keyword::Not)) return comparison();
  Depth depth(*this);
  Pos start = start_pos();
  next();
  auto* e = arena_.make<UnaryOp>();
  e->op = unaryop::Not;
  e->operand = inversion();
  set_loc(e, start, prev_end());
  return e;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
expr* Parser::comparison() {
  Pos start = start_pos();
  expr* left = bitwise_or();
  std::vector<cmpop> ops;
  std::vector<expr*> comparators;
  for (;;) {
    const Tok& t = peek();
    cmpop op;
    if (t.type == TokenType::OP) {
      switch (t.op) {
        case OpType::EQEQUAL:
          op = cmpop::Eq;
          break;
        case OpType::NOTEQUAL:
          op = cmpop::NotEq;
          break;
        case OpType::LESS:
          op = cmpop::Lt;
          break;
        case OpType::LESSEQUAL:
          op = cmpop::LtE;
          break;
        case OpType::GREATER:
          op = cmpop::Gt;
          break;
        case OpType::GREATEREQUAL:
          op = cmpop::GtE;
          break;
        default:
          goto done;
      }
      next();
    } else if (t.kw == Keyword::In) {
      op = cmpop::In;
      next();
    } else if (t.kw == Keyword::Not && at_kw(Keyword::In, 1)) {
      op = cmpop::NotIn;
      next();
      next();
    } else if (t.kw == Keyword::Is) {
      next();
      op = accept_kw(Keyword::Not) ? cmpop::IsNot : cmpop::Is;
    } else {
      break;
    }
    ops.push_back(op);
    comparators.push_back(bitwise_or());
  }
done:
  if (ops.empty()) return left;
  auto* e = make<Compare>(start);
  e->left = left;
  e->ops = seq(ops);
  e->comparators = seq(comparators);
  return e;
}

#define TERN_BINARY_LEVEL(name, next_level, ...)                      \
  expr* Parser::name() {                                              \
    Pos start = start_pos();                                          \
    expr* left = next_level();                                        \
    Depth depth(*this);                                               \
    static const std::pair<OpType, operator_> kOps[] = {__VA_ARGS__}; \
    for (;;) {                                                        \
      const Tok& t = peek();                                          \
      if (t.type != TokenType::OP) return left;                       \
      const std::pair<OpType, operator_>* found = nullptr;            \
      for (const auto& p : kOps) {                                    \
        if (p.first == t.op) found = &p;                              \
      }                                                               \
      if (!found) return left;                                        \
      next();                                                         \
      auto* e = arena_.make<BinOp>();                                 \
      e->left = left;                                                 \
      e->op = found->second;                                          \
      e->right = next_level();                                        \
      set_loc(e, start, prev_end());                                  \
      left = e;                                                       \
      depth.step();                                                   \
    }                                                                 \
  }

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor, and so on down to term.
TERN_BINARY_LEVEL(bitwise_or, bitwise_xor, {OpType::VBAR, operator_::BitOr})
TERN_BINARY_LEVEL(bitwise_xor, bitwise_and, {OpType::CIRCUMFLEX, operator_::BitXor})
TERN_BINARY_LEVEL(bitwise_and, shift_expr, {OpType::AMPER, operator_::BitAnd})
TERN_BINARY_LEVEL(shift_expr, sum, {OpType::LEFTSHIFT, operator_::LShift}, {OpType::RIGHTSHIFT, operator_::RShift})
TERN_BINARY_LEVEL(sum, term, {OpType::PLUS, operator_::Add}, {OpType::MINUS, operator_::Sub})
TERN_BINARY_LEVEL(term, factor, {OpType::STAR, operator_::Mult}, {OpType::SLASH, operator_::Div},
                  {OpType::DOUBLESLASH, operator_::FloorDiv}, {OpType::PERCENT, operator_::Mod},
                  {OpType::AT, operator_::MatMult})
#undef TERN_BINARY_LEVEL

// factor: '+' factor | '-' factor | '~' factor | power
expr* Parser::factor() {
  const Tok& t = peek();
  if (t.type == TokenType::OP && (t.op == OpType::PLUS || t.op == OpType::MINUS || t.op == OpType::TILDE)) {
    Depth depth(*this);
    Pos start = start_pos();
    next();
    auto* e = arena_.make<UnaryOp>();
    e->op = t.op == OpType::PLUS ? unaryop::UAdd : t.op == OpType::MINUS ? unaryop::USub : unaryop::Invert;
    e->operand = factor();
    set_loc(e, start, prev_end());
    return e;
  }
  return power();
}

// power: await_primary '**' factor | await_primary
expr* Parser::power() {
  Pos start = start_pos();
  expr* base = await_primary();
  if (!accept_op(OpType::DOUBLESTAR)) return base;
  Depth depth(*this);
  auto* e = arena_.make<BinOp>();
  e->left = base;
  e->op = operator_::Pow;
  e->right = factor();
  set_loc(e, start, prev_end());
  return e;
}

// await_primary: AWAIT primary | primary
expr* Parser::await_primary() {
  if (!at_kw(Keyword::Await)) return primary();
  Depth depth(*this);
  Pos start = start_pos();
  next();
  auto* e = arena_.make<Await>();
  e->value = primary();
  set_loc(e, start, prev_end());
  return e;
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//        | primary '[' slices ']' | atom
expr* Parser::primary() {
  Pos start = start_pos();
  return primary_trailers(atom(), start);
}

// A trailer that does not parse is left unconsumed, as PEG's left-recursive
// primary does: `f(a b` is the primary `f` followed by a '(' its caller
// cannot use (which matters for the error messages that look at `f`).
expr* Parser::primary_trailers(expr* value, Pos start) {
  Depth depth(*this);
  while (at_op(OpType::DOT) || at_op(OpType::LPAR) || at_op(OpType::LSQB)) {
    depth.step();
    size_t m = mark();
    try {
      value = trailer(value, start);
    } catch (NoMatch&) {
      reset(m);
      break;
    }
  }
  return value;
}

// '.' NAME | '(' [arguments] ')' | '[' slices ']' after `value`.
expr* Parser::trailer(expr* value, Pos start) {
  if (accept_op(OpType::DOT)) {
    auto* e = arena_.make<Attribute>();
    e->value = value;
    e->attr = identifier(expect_name());
    e->ctx = expr_context::Load;
    set_loc(e, start, prev_end());
    return e;
  }
  if (at_op(OpType::LPAR)) return call(value, start);
  expect_op(OpType::LSQB);
  auto* e = arena_.make<Subscript>();
  e->value = value;
  e->slice = slices();
  expect_op(OpType::RSQB);
  e->ctx = expr_context::Load;
  set_loc(e, start, prev_end());
  return e;
}

// '(' [arguments] ')' after `func` (nullptr for a class's bases), or `func genexp`.
// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs
expr* Parser::call(expr* func, Pos start) {
  Pos open = start_pos();
  expect_op(OpType::LPAR);
  std::vector<expr*> args;
  std::vector<keyword*> keywords;
  bool seen_keyword = false, seen_double_star = false;
  // CPython reports a positional argument after keywords at the token that
  // ends the whole argument list.
  const char* misplaced_positional = nullptr;
  Pos first_arg = start_pos(), last_arg_end = first_arg;
  while (!at_op(OpType::RPAR)) {
    if (!args.empty() || !keywords.empty()) last_arg_end = prev_end_before_comma();
    Pos astart = start_pos();
    if (at_op(OpType::STAR)) {
      next();
      if (seen_double_star) {
        // Reported at the '*', over the arguments before it (CPython's
        // `a=args ',' '*'`), whatever follows.
        raise(ErrorKind::SyntaxError, "iterable argument unpacking follows keyword argument unpacking", first_arg,
              last_arg_end);
      }
      auto* s = arena_.make<Starred>();
      s->value = expression();
      s->ctx = expr_context::Load;
      set_loc(s, astart, prev_end());
      args.push_back(s);
    } else if (at_op(OpType::DOUBLESTAR)) {
      next();
      auto* k = arena_.make<keyword>();
      k->value = expression();
      set_loc(k, astart, prev_end());
      keywords.push_back(k);
      seen_double_star = true;
    } else if ((at_kw(Keyword::True) || at_kw(Keyword::False) || at_kw(Keyword::None)) && at_op(OpType::EQUAL, 1)) {
      const Tok& constant = next();
      const Tok& eq = peek();
      raise(ErrorKind::SyntaxError, "cannot assign to " + std::string(constant.text), {constant.line, constant.col},
            {eq.end_line, eq.end_col});
    } else if (at_name() && at_op(OpType::EQUAL, 1)) {
      const Tok& name = next();
      const Tok& eq = next();
      auto* k = arena_.make<keyword>();
      k->arg = identifier(name);
      k->value = expression();
      if (at_kw(Keyword::For) || (at_kw(Keyword::Async) && at_kw(Keyword::For, 1))) {
        raise(ErrorKind::SyntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
              {name.line, name.col}, {eq.end_line, eq.end_col});
      }
      set_loc(k, astart, prev_end());
      keywords.push_back(k);
      seen_keyword = true;
    } else {
      expr* e = named_expression(false);
      if (at_op(OpType::EQUAL)) {
        const Tok& eq = peek();
        raise(ErrorKind::SyntaxError, "expression cannot contain assignment, perhaps you meant \"==\"?", start_of(e),
              {eq.end_line, eq.end_col});
      }
      if (at_kw(Keyword::For) || (at_kw(Keyword::Async) && at_kw(Keyword::For, 1))) {
        auto* g = arena_.make<GeneratorExp>();
        g->elt = e;
        g->generators = seq(for_if_clauses());
        bool alone = args.empty() && keywords.empty() && at_op(OpType::RPAR);
        // CPython's invalid_arguments: other arguments before it, or a comma
        // after it; otherwise the call just does not parse.
        bool others = !args.empty() || !keywords.empty();
        if (!alone && !others && !at_op(OpType::COMMA)) fail();
        if (!alone) {
          comprehension* last = g->generators[g->generators.size - 1];
          expr* end = last->ifs.empty() ? last->iter : last->ifs[last->ifs.size - 1];
          raise_range(e, end, "Generator expression must be parenthesized");
        }
        next();
        set_loc(g, open, prev_end());
        auto* c = arena_.make<Call>();
        c->func = func;
        c->args = seq(std::vector<expr*>{g});
        set_loc(c, start, prev_end());
        return c;
      }
      if ((seen_keyword || seen_double_star) && !misplaced_positional) {
        misplaced_positional = seen_double_star ? "positional argument follows keyword argument unpacking"
                                                : "positional argument follows keyword argument";
      }
      args.push_back(e);
    }
    if (!accept_op(OpType::COMMA)) break;
  }
  if (misplaced_positional) raise_at(peek(), misplaced_positional);
  expect_op(OpType::RPAR);
  auto* c = arena_.make<Call>();
  c->func = func;
  c->args = seq(args);
  c->keywords = seq(keywords);
  set_loc(c, start, prev_end());
  return c;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
expr* Parser::slices() {
  Pos start = start_pos();
  auto one = [&]() -> expr* {
    if (at_op(OpType::STAR)) {
      Pos sstart = start_pos();
      next();
      auto* s = arena_.make<Starred>();
      s->value = expression();
      s->ctx = expr_context::Load;
      set_loc(s, sstart, prev_end());
      return s;
    }
    return slice();
  };
  expr* first = one();
  if (!at_op(OpType::COMMA) && !as<Starred>(first)) return first;
  std::vector<expr*> elts{first};
  while (accept_op(OpType::COMMA)) {
    if (at_op(OpType::RSQB)) break;
    elts.push_back(one());
  }
  auto* t = make<Tuple>(start);
  t->elts = seq(elts);
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
expr* Parser::slice() {
  Pos start = start_pos();
  expr* lower = nullptr;
  if (!at_op(OpType::COLON)) {
    lower = named_expression();
    if (!at_op(OpType::COLON)) return lower;
    if (as<NamedExpr>(lower) && !is_parenthesized(lower)) fail();
  }
  next();
  auto* s = arena_.make<Slice>();
  s->lower = lower;
  auto ends = [&] {
    const Tok& t = peek();
    return t.type == TokenType::OP && (t.op == OpType::COLON || t.op == OpType::COMMA || t.op == OpType::RSQB);
  };
  if (!ends()) s->upper = expression();
  if (accept_op(OpType::COLON)) {
    if (!ends()) s->step = expression();
  }
  set_loc(s, start, prev_end());
  return s;
}

// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group
//     | genexp | list | listcomp | dict | set | dictcomp | setcomp | '...'
expr* Parser::atom() {
  const Tok& t = peek();
  Pos start = start_pos();
  switch (t.type) {
    case TokenType::NAME: {
      if (t.kw == Keyword::None || t.kw == Keyword::True || t.kw == Keyword::False) {
        next();
        auto* c = make<Constant>(start);
        c->value.type = t.kw == Keyword::None   ? ConstantValue::Type::None
                        : t.kw == Keyword::True ? ConstantValue::Type::True
                                                : ConstantValue::Type::False;
        return c;
      }
      if (is_hard_keyword(t.kw)) fail();
      next();
      auto* n = make<Name>(start);
      n->id = identifier(t);
      n->ctx = expr_context::Load;
      return n;
    }
    case TokenType::NUMBER:
      next();
      return number(t);
    case TokenType::STRING:
      return strings();
    case TokenType::OP:
      switch (t.op) {
        case OpType::LPAR:
          return paren_atom();
        case OpType::LSQB:
          return bracket_atom();
        case OpType::LBRACE:
          return brace_atom();
        case OpType::ELLIPSIS: {
          next();
          auto* c = make<Constant>(start);
          c->value.type = ConstantValue::Type::Ellipsis;
          return c;
        }
        default:
          fail();
      }
    default:
      fail();
  }
}

namespace {

bool at_comprehension(Parser& p) {
  return p.at_kw(Keyword::For) || (p.at_kw(Keyword::Async) && p.at_kw(Keyword::For, 1));
}

}  // namespace

// tuple | group | genexp
expr* Parser::paren_atom() {
  Pos start = start_pos();
  next();
  if (accept_op(OpType::RPAR)) {
    auto* t = make<Tuple>(start);
    t->ctx = expr_context::Load;
    return t;
  }
  if (at_kw(Keyword::Yield)) {
    expr* e = yield_expr();
    expect_op(OpType::RPAR);
    return e;
  }
  if (at_op(OpType::DOUBLESTAR)) {  // CPython's invalid_group
    const Tok& stars = peek();
    if (speculate([&]() -> expr* {
          next();
          expr* e = expression();
          return at_op(OpType::RPAR) ? e : nullptr;
        })) {
      raise_at(stars, "cannot use double starred expression here");
    }
    fail();
  }
  expr* first = star_named_expression();
  if (at_comprehension(*this)) {
    if (as<Starred>(first)) raise_node(first, "iterable unpacking cannot be used in comprehension");
    auto* g = arena_.make<GeneratorExp>();
    g->elt = first;
    g->generators = seq(for_if_clauses());
    expect_op(OpType::RPAR);
    set_loc(g, start, prev_end());
    return g;
  }
  if (at_op(OpType::COMMA)) {
    std::vector<expr*> elts{first};
    while (accept_op(OpType::COMMA)) {
      if (at_op(OpType::RPAR)) break;
      elts.push_back(star_named_expression());
    }
    expect_op(OpType::RPAR);
    auto* t = make<Tuple>(start);
    t->elts = seq(elts);
    return t;
  }
  if (!at_op(OpType::RPAR) && as<Starred>(first)) {
    fail();
  }
  expect_op(OpType::RPAR);
  if (as<Starred>(first)) raise_node(first, "cannot use starred expression here");
  return first;
}

// list | listcomp
expr* Parser::bracket_atom() {
  Pos start = start_pos();
  next();
  std::vector<expr*> elts;
  if (!at_op(OpType::RSQB)) {
    expr* first = star_named_expression();
    if (at_comprehension(*this)) {
      if (as<Starred>(first)) raise_node(first, "iterable unpacking cannot be used in comprehension");
      auto* c = arena_.make<ListComp>();
      c->elt = first;
      c->generators = seq(for_if_clauses());
      expect_op(OpType::RSQB);
      set_loc(c, start, prev_end());
      return c;
    }
    elts.push_back(first);
    while (accept_op(OpType::COMMA)) {
      if (at_op(OpType::RSQB) || at_comprehension(*this)) break;
      elts.push_back(star_named_expression());
    }
    unparenthesized_comprehension_target(elts);
  }
  expect_op(OpType::RSQB);
  auto* l = make<List>(start);
  l->elts = seq(elts);
  return l;
}

// dict | set | dictcomp | setcomp
expr* Parser::brace_atom() {
  Pos start = start_pos();
  next();
  if (accept_op(OpType::RBRACE)) return make<Dict>(start);
  std::vector<expr*> keys, values;
  // The value after `key:`, with CPython's messages for a missing or starred one.
  auto dict_value = [&]() {
    const Tok& colon = toks_[pos_ - 1];
    if (at_op(OpType::STAR)) {
      const Tok& star = peek();
      if (speculate([&] {
            next();
            return bitwise_or();
          })) {
        raise_starting_from({star.line, star.col}, "cannot use a starred expression in a dictionary value");
      }
      fail();
    }
    if (at_op(OpType::RBRACE) || at_op(OpType::COMMA))
      raise_at(colon, "expression expected after dictionary key and ':'");
    values.push_back(expression());
  };
  auto kvpair = [&]() {
    if (accept_op(OpType::DOUBLESTAR)) {
      keys.push_back(nullptr);
      values.push_back(bitwise_or());
      return;
    }
    expr* key = expression();
    if (!at_op(OpType::COLON)) {
      raise(ErrorKind::SyntaxError, "':' expected after dictionary key", {key->end_lineno, key->end_col_offset - 1},
            {key->end_lineno, -1});
    }
    keys.push_back(key);
    next();
    dict_value();
  };
  if (at_op(OpType::DOUBLESTAR)) {
    const Tok& stars = peek();
    kvpair();
    if (at_comprehension(*this)) raise_at(stars, "dict unpacking cannot be used in dict comprehension");
  } else {
    // A key is an expression; an unparenthesized walrus or a starred
    // expression can only be a set element.
    bool set_only = at_op(OpType::STAR) || (at_name() && at_op(OpType::COLONEQUAL, 1));
    size_t first_index = pos_;
    expr* first = set_only ? star_named_expression() : expression();
    // `{'a'=1}`: a set element is a named_expression (CPython's
    // invalid_named_expression).
    if (!set_only && at_op(OpType::EQUAL)) mistaken_assignment(first, first_index);
    if (!set_only && at_op(OpType::COLON)) {
      next();
      keys.push_back(first);
      dict_value();
      if (at_comprehension(*this)) {
        auto* c = arena_.make<DictComp>();
        c->key = first;
        c->value = values[0];
        c->generators = seq(for_if_clauses());
        expect_op(OpType::RBRACE);
        set_loc(c, start, prev_end());
        return c;
      }
    } else {
      // set | setcomp
      if (at_comprehension(*this)) {
        if (as<Starred>(first)) raise_node(first, "iterable unpacking cannot be used in comprehension");
        auto* c = arena_.make<SetComp>();
        c->elt = first;
        c->generators = seq(for_if_clauses());
        expect_op(OpType::RBRACE);
        set_loc(c, start, prev_end());
        return c;
      }
      std::vector<expr*> elts{first};
      while (accept_op(OpType::COMMA)) {
        if (at_op(OpType::RBRACE) || at_comprehension(*this)) break;
        elts.push_back(star_named_expression());
      }
      unparenthesized_comprehension_target(elts);
      expect_op(OpType::RBRACE);
      auto* s = make<Set>(start);
      s->elts = seq(elts);
      return s;
    }
  }
  while (accept_op(OpType::COMMA)) {
    if (at_op(OpType::RBRACE)) break;
    kvpair();
  }
  expect_op(OpType::RBRACE);
  auto* d = make<Dict>(start);
  d->keys = seq(keys);
  d->values = seq(values);
  return d;
}

// `[a, b for ...]`: "did you forget parentheses around the comprehension
// target?" (CPython's invalid_comprehension), when the clauses parse.
void Parser::unparenthesized_comprehension_target(const std::vector<expr*>& elts) {
  if (!at_comprehension(*this)) return;
  const Tok& last = toks_[pos_ - 1];
  bool trailing_comma = last.type == TokenType::OP && last.op == OpType::COMMA;
  if (!speculate([&] {
        for_if_clauses();
        return elts[0];
      })) {
    return;
  }
  Pos end = trailing_comma && elts.size() == 1 ? Pos{last.end_line, last.end_col} : end_of(elts.back());
  raise(ErrorKind::SyntaxError, "did you forget parentheses around the comprehension target?", start_of(elts[0]), end);
}

// for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
std::vector<comprehension*> Parser::for_if_clauses() {
  std::vector<comprehension*> out;
  while (at_comprehension(*this)) {
    auto* c = arena_.make<comprehension>();
    c->is_async = accept_kw(Keyword::Async) ? 1 : 0;
    expect_kw(Keyword::For);
    c->target = for_target();
    expect_kw(Keyword::In);
    c->iter = disjunction();
    std::vector<expr*> ifs;
    while (accept_kw(Keyword::If)) ifs.push_back(disjunction());
    c->ifs = seq(ifs);
    out.push_back(c);
  }
  return out;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
expr* Parser::yield_expr() {
  Pos start = start_pos();
  expect_kw(Keyword::Yield);
  if (accept_kw(Keyword::From)) {
    auto* e = arena_.make<YieldFrom>();
    e->value = expression();
    set_loc(e, start, prev_end());
    return e;
  }
  auto* e = arena_.make<Yield>();
  if (starts_star_expression(peek())) e->value = star_expressions();
  set_loc(e, start, prev_end());
  return e;
}

// lambdef: 'lambda' [lambda_params] ':' expression
expr* Parser::lambdef() {
  Depth depth(*this);
  Pos start = start_pos();
  next();
  auto* e = arena_.make<Lambda>();
  e->args = parameters(true, OpType::COLON);
  expect_op(OpType::COLON);
  e->body = expression();
  set_loc(e, start, prev_end());
  return e;
}

// expressions: expression (',' expression)* [',']
expr* Parser::expressions() {
  Pos start = start_pos();
  expr* first = expression();
  if (!at_op(OpType::COMMA)) return first;
  std::vector<expr*> elts{first};
  while (accept_op(OpType::COMMA)) {
    if (!starts_expression(peek())) break;
    elts.push_back(expression());
  }
  auto* t = make<Tuple>(start);
  t->elts = seq(elts);
  return t;
}

// ===========================================================================
// Parameters
// ===========================================================================

// `def f((a, b))`: CPython's "Function parameters cannot be parenthesized"
// (and its lambda twin), when the parentheses hold only names.
void Parser::parenthesized_parameters(bool lambda) {
  size_t m = mark();
  const Tok& open = next();
  bool names = false;
  while (at_name()) {
    param(lambda, false);
    names = true;
    if (!accept_op(OpType::COMMA)) break;
  }
  if (names && at_op(OpType::RPAR)) {
    const Tok& close = peek();
    raise(
        ErrorKind::SyntaxError,
        lambda ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized",
        {open.line, open.col}, {close.end_line, close.end_col});
  }
  reset(m);
  fail();
}

// param: NAME annotation?   (lambda: NAME; *args may take a star_annotation)
arg* Parser::param(bool lambda, bool star_annotation) {
  Pos start = start_pos();
  auto* a = arena_.make<arg>();
  a->arg_ = identifier(expect_name());
  if (!lambda && accept_op(OpType::COLON)) a->annotation = star_annotation ? star_expression() : expression();
  set_loc(a, start, prev_end());
  return a;
}

// parameters / lambda_parameters, up to `closer` (')' or ':').
arguments* Parser::parameters(bool lambda, OpType closer) {
  auto* a = arena_.make<arguments>();
  std::vector<arg*> posonly, args, kwonly;
  std::vector<expr*> defaults, kw_defaults;
  arg* vararg = nullptr;
  arg* kwarg = nullptr;
  bool star = false, slash = false;
  // What may follow a '*' or '**' for CPython's messages about them.
  auto at_param_or_comma = [&] { return at_name() || at_op(OpType::COMMA); };
  while (!at_op(closer)) {
    const Tok& t = peek();
    if (at_op(OpType::LPAR)) parenthesized_parameters(lambda);
    if (at_op(OpType::SLASH)) {
      if (slash) raise_at(t, "/ may appear only once");
      if (star) raise_at(t, "/ must be ahead of *");
      if (args.empty()) {
        if (peek_quietly(1).op == OpType::COMMA) raise_at(t, "at least one argument must precede /");
        fail();
      }
      next();
      if (at_op(OpType::STAR)) raise_at(peek(), "expected comma between / and *");
      slash = true;
      posonly = std::move(args);
      args.clear();
    } else if (at_op(OpType::STAR)) {
      if (star) {
        next();
        if (at_param_or_comma()) raise_at(t, "* argument may appear only once");
        fail();
      }
      next();
      star = true;
      if (at_op(OpType::COMMA) || at_op(closer)) {
        if (at_op(closer) || at_op(closer, 1) || at_op(OpType::DOUBLESTAR, 1)) {
          raise_at(lambda ? peek() : t, "named arguments must follow bare *");
        }
      } else {
        vararg = param(lambda, true);
        if (at_op(OpType::EQUAL)) raise_at(peek(), "var-positional argument cannot have default value");
      }
    } else if (at_op(OpType::DOUBLESTAR)) {
      next();
      kwarg = param(lambda, false);
      if (at_op(OpType::EQUAL)) raise_at(peek(), "var-keyword argument cannot have default value");
      if (accept_op(OpType::COMMA) &&
          (at_name() || at_op(OpType::STAR) || at_op(OpType::DOUBLESTAR) || at_op(OpType::SLASH))) {
        raise_at(peek(), "arguments cannot follow var-keyword argument");
      }
      break;
    } else {
      arg* p = param(lambda, false);
      if (at_op(OpType::EQUAL)) {
        const Tok& eq = next();
        if (at_op(OpType::RPAR) || at_op(OpType::COMMA)) raise_at(eq, "expected default value expression");
        expr* d = expression();
        (star ? kw_defaults : defaults).push_back(d);
      } else if (star) {
        kw_defaults.push_back(nullptr);
      } else if (!defaults.empty() && (at_op(OpType::COMMA) || at_op(closer))) {
        raise_node(p, "non-default argument follows default argument");
      }
      (star ? kwonly : args).push_back(p);
    }
    if (!accept_op(OpType::COMMA)) break;
  }
  a->posonlyargs = seq(posonly);
  a->args = seq(args);
  a->vararg = vararg;
  a->kwonlyargs = seq(kwonly);
  a->kw_defaults = seq(kw_defaults);
  a->kwarg = kwarg;
  a->defaults = seq(defaults);
  return a;
}

}  // namespace tern::compiler
