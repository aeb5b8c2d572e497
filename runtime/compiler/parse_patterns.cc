// The match statement and its patterns (PEP 634), as in CPython 3.11's grammar.
#include "runtime/compiler/parser_internal.h"

namespace tern::compiler {

using namespace ast;

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// `match` is a soft keyword: until the ':' and NEWLINE are seen, this may
// still be an expression statement, and nullptr says so.
stmt* Parser::match_stmt() {
  Pos start = start_pos();
  size_t m = mark();
  const Tok& kw = next();
  expr* subject = nullptr;
  try {
    // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    Pos sstart = start_pos();
    expr* first = at_op(OpType::STAR) ? star_expression() : named_expression(false);
    if (at_op(OpType::COMMA)) {
      std::vector<expr*> elts{first};
      while (accept_op(OpType::COMMA)) {
        if (at_op(OpType::COLON)) break;
        elts.push_back(star_named_expression());
      }
      auto* t = make<Tuple>(sstart);
      t->elts = seq(elts);
      subject = t;
    } else {
      if (as<Starred>(first)) fail();
      subject = first;
    }
    // Not expect_colon(): `match -x` NEWLINE is an expression statement.
    // Should the file fail to parse, though, CPython's second pass reports
    // the missing ':' here first (invalid_match_stmt).
    if (at(TokenType::NEWLINE) && !deferred_error_) {
      const Tok& t = peek();
      deferred_error_ = error_at(ErrorKind::SyntaxError, "expected ':'", {t.line, t.col}, {t.end_line, t.end_col});
    }
    expect_op(OpType::COLON);
    if (!at(TokenType::NEWLINE)) fail();
  } catch (NoMatch&) {
    reset(m);
    return nullptr;
  }
  next();
  if (!at(TokenType::INDENT)) {
    const Tok& t = peek();
    raise(ErrorKind::IndentationError,
          "expected an indented block after 'match' statement on line " + std::to_string(kw.line), {t.line, t.col},
          {t.end_line, t.end_col});
  }
  next();
  std::vector<match_case*> cases;
  // case_block: "case" patterns guard? ':' block
  while (at_kw(Keyword::Case)) {
    const Tok& ckw = next();
    auto* c = arena_.make<match_case>();
    c->pattern = patterns();
    if (accept_kw(Keyword::If)) c->guard = named_expression();
    expect_colon(false);
    c->body = block(ckw, "'case' statement");
    cases.push_back(c);
  }
  if (cases.empty()) fail();
  expect(TokenType::DEDENT);
  auto* s = arena_.make<Match>();
  s->subject = subject;
  s->cases = seq(cases);
  set_loc(s, start, prev_end());
  return s;
}

namespace {

bool is_pattern_end(const Tok& t) {
  return (t.type == TokenType::OP &&
          (t.op == OpType::COLON || t.op == OpType::RPAR || t.op == OpType::RSQB || t.op == OpType::RBRACE)) ||
         t.kw == Keyword::If;
}

}  // namespace

// patterns: open_sequence_pattern | pattern
ast::pattern* Parser::patterns() {
  Pos start = start_pos();
  ast::pattern* first = maybe_star_pattern();
  if (!at_op(OpType::COMMA)) {
    if (as<MatchStar>(first)) fail();
    return first;
  }
  std::vector<ast::pattern*> items{first};
  while (accept_op(OpType::COMMA)) {
    if (is_pattern_end(peek())) break;
    items.push_back(maybe_star_pattern());
  }
  auto* s = make<MatchSequence>(start);
  s->patterns = seq(items);
  return s;
}

// maybe_star_pattern: star_pattern | pattern
// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
ast::pattern* Parser::maybe_star_pattern() {
  if (!at_op(OpType::STAR)) return this->pattern();
  Pos start = start_pos();
  next();
  const Tok& name = expect_name();
  auto* s = make<MatchStar>(start);
  if (name.kw != Keyword::Underscore) s->name = identifier(name);
  return s;
}

// pattern: or_pattern 'as' pattern_capture_target | or_pattern
ast::pattern* Parser::pattern() {
  Pos start = start_pos();
  ast::pattern* p = or_pattern();
  if (!at_kw(Keyword::As)) return p;
  next();
  const Tok& name = peek();
  if (name.kw == Keyword::Underscore) raise_at(name, "cannot use '_' as a target");
  if (!at_name()) {
    size_t m = mark();
    try {
      expr* e = expression();
      raise_node(e, "invalid pattern target");
    } catch (NoMatch&) {
      reset(m);
      fail();
    }
  }
  next();
  if (at_op(OpType::DOT) || at_op(OpType::LPAR) || at_op(OpType::EQUAL)) fail();
  auto* a = make<MatchAs>(start);
  a->pattern = p;
  a->name = identifier(name);
  return a;
}

// or_pattern: '|'.closed_pattern+
ast::pattern* Parser::or_pattern() {
  Pos start = start_pos();
  ast::pattern* first = closed_pattern();
  if (!at_op(OpType::VBAR)) return first;
  std::vector<ast::pattern*> alts{first};
  while (accept_op(OpType::VBAR)) alts.push_back(closed_pattern());
  auto* o = make<MatchOr>(start);
  o->patterns = seq(alts);
  return o;
}

// signed_number: NUMBER | '-' NUMBER
expr* Parser::signed_number() {
  Pos start = start_pos();
  if (accept_op(OpType::MINUS)) {
    if (!at(TokenType::NUMBER)) fail();
    auto* u = arena_.make<UnaryOp>();
    u->op = unaryop::USub;
    u->operand = number(next());
    set_loc(u, start, prev_end());
    return u;
  }
  if (!at(TokenType::NUMBER)) fail();
  return number(next());
}

// literal_expr / the value of a literal_pattern: signed_number !('+'|'-')
// | complex_number | strings | 'None' | 'True' | 'False'
expr* Parser::literal_expr() {
  Pos start = start_pos();
  const Tok& t = peek();
  if (t.type == TokenType::STRING) return strings();
  if (t.kw == Keyword::None || t.kw == Keyword::True || t.kw == Keyword::False) return atom();
  expr* real = signed_number();
  if (!at_op(OpType::PLUS) && !at_op(OpType::MINUS)) return real;
  // complex_number: signed_real_number ('+' | '-') imaginary_number
  auto is_imaginary = [](expr* e) {
    auto* c = as<Constant>(e);
    return c && c->value.type == ConstantValue::Type::Complex;
  };
  expr* real_part = as<UnaryOp>(real) ? as<UnaryOp>(real)->operand : real;
  if (is_imaginary(real_part)) raise_node(real, "real number required in complex literal");
  operator_ op = next().op == OpType::PLUS ? operator_::Add : operator_::Sub;
  if (!at(TokenType::NUMBER)) fail();
  expr* imag = number(next());
  if (!is_imaginary(imag)) raise_node(imag, "imaginary number required in complex literal");
  auto* b = make<BinOp>(start);
  b->left = real;
  b->op = op;
  b->right = imag;
  return b;
}

// name_or_attr: attr | NAME     attr: name_or_attr '.' NAME
expr* Parser::name_or_attr() {
  Pos start = start_pos();
  const Tok& first = expect_name();
  auto* n = make<Name>(start);
  n->id = identifier(first);
  expr* e = n;
  while (at_op(OpType::DOT)) {
    next();
    auto* a = arena_.make<Attribute>();
    a->value = e;
    a->attr = identifier(expect_name());
    set_loc(a, start, prev_end());
    e = a;
  }
  return e;
}

// closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//               | group_pattern | sequence_pattern | mapping_pattern | class_pattern
ast::pattern* Parser::closed_pattern() {
  Pos start = start_pos();
  const Tok& t = peek();
  if (t.type == TokenType::NUMBER || t.type == TokenType::STRING ||
      (t.type == TokenType::OP && t.op == OpType::MINUS)) {
    auto* v = arena_.make<MatchValue>();
    v->value = literal_expr();
    set_loc(v, start, prev_end());
    return v;
  }
  if (t.kw == Keyword::None || t.kw == Keyword::True || t.kw == Keyword::False) {
    next();
    auto* s = make<MatchSingleton>(start);
    s->value.type = t.kw == Keyword::None   ? ConstantValue::Type::None
                    : t.kw == Keyword::True ? ConstantValue::Type::True
                                            : ConstantValue::Type::False;
    return s;
  }
  if (t.type == TokenType::OP && (t.op == OpType::LPAR || t.op == OpType::LSQB)) {
    OpType close = t.op == OpType::LPAR ? OpType::RPAR : OpType::RSQB;
    next();
    std::vector<ast::pattern*> items;
    bool comma = false;
    while (!at_op(close)) {
      items.push_back(maybe_star_pattern());
      if (!accept_op(OpType::COMMA)) break;
      comma = true;
    }
    expect_op(close);
    if (close == OpType::RPAR && items.size() == 1 && !comma && !as<MatchStar>(items[0])) {
      return items[0];  // group_pattern: '(' pattern ')'
    }
    auto* s = make<MatchSequence>(start);
    s->patterns = seq(items);
    return s;
  }
  if (t.type == TokenType::OP && t.op == OpType::LBRACE) return mapping_pattern();
  if (!at_name()) fail();
  if (t.kw == Keyword::Underscore && !at_op(OpType::DOT, 1) && !at_op(OpType::LPAR, 1)) {
    next();
    return make<MatchAs>(start);
  }
  expr* name = name_or_attr();
  if (at_op(OpType::LPAR)) return class_pattern(name, start);
  if (at_op(OpType::EQUAL)) fail();
  if (auto* n = as<Name>(name)) {
    auto* a = make<MatchAs>(start);
    a->name = n->id;
    return a;
  }
  auto* v = make<MatchValue>(start);
  v->value = name;
  return v;
}

// mapping_pattern: '{' [items_pattern] [double_star_pattern] ','? '}'
ast::pattern* Parser::mapping_pattern() {
  Pos start = start_pos();
  next();
  std::vector<expr*> keys;
  std::vector<ast::pattern*> values;
  std::string_view rest;
  while (!at_op(OpType::RBRACE)) {
    if (at_op(OpType::DOUBLESTAR)) {
      // double_star_pattern: '**' pattern_capture_target (not '_')
      next();
      const Tok& name = expect_name();
      if (name.kw == Keyword::Underscore || at_op(OpType::DOT) || at_op(OpType::LPAR) || at_op(OpType::EQUAL)) fail();
      rest = identifier(name);
      accept_op(OpType::COMMA);
      break;
    }
    const Tok& t = peek();
    expr* key = t.type == TokenType::NAME && !(t.kw == Keyword::None || t.kw == Keyword::True || t.kw == Keyword::False)
                    ? name_or_attr()
                    : literal_expr();
    if (as<Name>(key)) fail();
    expect_op(OpType::COLON);
    keys.push_back(key);
    values.push_back(this->pattern());
    if (!accept_op(OpType::COMMA)) break;
  }
  expect_op(OpType::RBRACE);
  auto* m = make<MatchMapping>(start);
  m->keys = seq(keys);
  m->patterns = seq(values);
  m->rest = rest;
  return m;
}

// class_pattern: name_or_attr '(' [positional_patterns ','?] [keyword_patterns ','?] ')'
ast::pattern* Parser::class_pattern(expr* cls, Pos start) {
  expect_op(OpType::LPAR);
  std::vector<ast::pattern*> positional, kwd_patterns;
  std::vector<std::string_view> kwd_attrs;
  while (!at_op(OpType::RPAR)) {
    if (at_name() && at_op(OpType::EQUAL, 1)) {
      kwd_attrs.push_back(identifier(next()));
      next();
      kwd_patterns.push_back(this->pattern());
    } else {
      ast::pattern* p = this->pattern();
      if (!kwd_attrs.empty()) raise_node(p, "positional patterns follow keyword patterns");
      positional.push_back(p);
    }
    if (!accept_op(OpType::COMMA)) break;
  }
  expect_op(OpType::RPAR);
  auto* c = make<MatchClass>(start);
  c->cls = cls;
  c->patterns = seq(positional);
  c->kwd_attrs = seq(kwd_attrs);
  c->kwd_patterns = seq(kwd_patterns);
  return c;
}

}  // namespace tern::compiler
