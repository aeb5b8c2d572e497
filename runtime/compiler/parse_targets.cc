// Assignment and deletion targets: star_targets, del_targets, and the
// conversion of a parsed expression into a target (Store / Del context),
// with CPython's messages for what cannot be a target.
#include "runtime/compiler/parser_internal.h"

namespace tern::compiler {

using namespace ast;

// _PyPegen_get_expr_name: how error messages name an expression.
const char* Parser::expr_name(const expr* e) {
  switch (e->kind) {
    case Kind::Attribute:
      return "attribute";
    case Kind::Subscript:
      return "subscript";
    case Kind::Starred:
      return "starred";
    case Kind::Name:
      return "name";
    case Kind::List:
      return "list";
    case Kind::Tuple:
      return "tuple";
    case Kind::Lambda:
      return "lambda";
    case Kind::Call:
      return "function call";
    case Kind::BoolOp:
    case Kind::BinOp:
    case Kind::UnaryOp:
      return "expression";
    case Kind::GeneratorExp:
      return "generator expression";
    case Kind::Yield:
    case Kind::YieldFrom:
      return "yield expression";
    case Kind::Await:
      return "await expression";
    case Kind::ListComp:
      return "list comprehension";
    case Kind::SetComp:
      return "set comprehension";
    case Kind::DictComp:
      return "dict comprehension";
    case Kind::Dict:
      return "dict literal";
    case Kind::Set:
      return "set display";
    case Kind::JoinedStr:
    case Kind::FormattedValue:
      return "f-string expression";
    case Kind::Constant:
      switch (static_cast<const Constant*>(e)->value.type) {
        case ConstantValue::Type::None:
          return "None";
        case ConstantValue::Type::True:
          return "True";
        case ConstantValue::Type::False:
          return "False";
        case ConstantValue::Type::Ellipsis:
          return "ellipsis";
        default:
          return "literal";
      }
    case Kind::Compare:
      return "comparison";
    case Kind::IfExp:
      return "conditional expression";
    case Kind::NamedExpr:
      return "named expression";
    default:
      return "expression";
  }
}

// A tuple written with parentheses starts before its first element.
bool Parser::is_parenthesized(const expr* e) {
  if (auto* t = as<Tuple>(e)) {
    return t->elts.empty() || t->elts[0]->col_offset != t->col_offset || t->elts[0]->lineno != t->lineno;
  }
  return false;
}

// Whether `e` can be what CPython's bitwise_or rule produced (no comparison,
// boolean operator, `not`, conditional, lambda or walrus at its top).
bool Parser::is_bitwise_or_level(const expr* e) {
  switch (e->kind) {
    case Kind::Compare:
    case Kind::BoolOp:
    case Kind::IfExp:
    case Kind::Lambda:
    case Kind::NamedExpr:
    case Kind::GeneratorExp:
    case Kind::List:
    case Kind::Tuple:
      return false;
    case Kind::UnaryOp:
      return static_cast<const UnaryOp*>(e)->op != unaryop::Not;
    case Kind::Constant: {
      auto type = static_cast<const Constant*>(e)->value.type;
      return type != ConstantValue::Type::None && type != ConstantValue::Type::True &&
             type != ConstantValue::Type::False;
    }
    default:
      return true;
  }
}

expr* Parser::invalid_target(expr* e, TargetKind kind) {
  switch (e->kind) {
    case Kind::Tuple:
    case Kind::List: {
      Seq<expr*> elts = e->kind == Kind::Tuple ? as<Tuple>(e)->elts : as<List>(e)->elts;
      for (expr* elt : elts) {
        if (expr* bad = invalid_target(elt, kind)) return bad;
      }
      return nullptr;
    }
    case Kind::Starred:
      if (kind == TargetKind::Del) return e;
      return invalid_target(as<Starred>(e)->value, kind);
    case Kind::Compare:
      // `for a in b` parses as a comparison: look left of the `in`; any
      // other comparison there is plain invalid syntax.
      if (kind == TargetKind::For) {
        return as<Compare>(e)->ops[0] == cmpop::In ? invalid_target(as<Compare>(e)->left, kind) : nullptr;
      }
      return e;
    case Kind::Name:
    case Kind::Subscript:
    case Kind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

void Parser::set_context(expr* target, expr_context ctx, const char* verb) {
  switch (target->kind) {
    case Kind::Name:
      as<Name>(target)->ctx = ctx;
      return;
    case Kind::Attribute:
      as<Attribute>(target)->ctx = ctx;
      return;
    case Kind::Subscript:
      as<Subscript>(target)->ctx = ctx;
      return;
    case Kind::Starred:
      if (ctx == expr_context::Del) break;
      as<Starred>(target)->ctx = ctx;
      set_context(as<Starred>(target)->value, ctx, verb);
      return;
    case Kind::Tuple:
      as<Tuple>(target)->ctx = ctx;
      for (expr* e : as<Tuple>(target)->elts) set_context(e, ctx, verb);
      return;
    case Kind::List:
      as<List>(target)->ctx = ctx;
      for (expr* e : as<List>(target)->elts) set_context(e, ctx, verb);
      return;
    default:
      break;
  }
  raise_node(target, std::string("cannot ") + verb + " " + expr_name(target));
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
expr* Parser::star_targets() {
  Pos start = start_pos();
  expr* first = star_target();
  if (!at_op(OpType::COMMA)) return first;
  std::vector<expr*> elts{first};
  while (accept_op(OpType::COMMA)) {
    const Tok& t = peek();
    bool more = (t.type == TokenType::NAME && !is_hard_keyword(t.kw)) ||
                (t.type == TokenType::OP && (t.op == OpType::STAR || t.op == OpType::LPAR || t.op == OpType::LSQB));
    if (!more) break;
    elts.push_back(star_target());
  }
  auto* tuple = make<Tuple>(start);
  tuple->elts = seq(elts);
  tuple->ctx = expr_context::Store;
  return tuple;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
// The atom and its trailers are parsed as an expression (t_primary and
// star_atom accept a subset of primary) and then checked.
expr* Parser::star_target() {
  Pos start = start_pos();
  if (accept_op(OpType::STAR)) {
    if (at_op(OpType::STAR)) fail();
    auto* s = arena_.make<Starred>();
    s->value = star_target();
    s->ctx = expr_context::Store;
    set_loc(s, start, prev_end());
    return s;
  }
  const Tok& t = peek();
  if (t.type == TokenType::NAME && is_hard_keyword(t.kw)) fail();
  if (t.type != TokenType::NAME && !(t.type == TokenType::OP && (t.op == OpType::LPAR || t.op == OpType::LSQB))) {
    fail();
  }
  expr* e = primary();
  if (invalid_target(e, TargetKind::Star)) fail();
  set_context(e, expr_context::Store, "assign to");
  return e;
}

// The target after `for` (statement or comprehension).  When it does not
// parse as star_targets, CPython's invalid_for_target names the offending
// part of what does parse: "cannot assign to function call".
expr* Parser::for_target() {
  // Remembered per position: the fallback below parses the target a second
  // time, which for targets holding comprehensions with targets of their own
  // would take time exponential in the nesting (as packrat parsing avoids).
  size_t m = mark();
  if (auto found = for_target_memo_.find(m); found != for_target_memo_.end()) {
    if (!found->second.first) fail();
    reset(found->second.second);
    return found->second.first;
  }
  try {
    expr* target = for_target_uncached();
    for_target_memo_[m] = {target, mark()};
    return target;
  } catch (NoMatch&) {
    for_target_memo_[m] = {nullptr, m};
    throw;
  }
}

expr* Parser::for_target_uncached() {
  size_t m = mark();
  try {
    expr* target = star_targets();
    if (at_kw(Keyword::In)) return target;
  } catch (NoMatch&) {
  }
  reset(m);
  // CPython's invalid_for_target runs in its second pass only: when it finds
  // nothing, the generic error stays where the targets stopped.
  size_t furthest = furthest_;
  try {
    expr* e = star_expressions();
    if (expr* bad = invalid_target(e, TargetKind::For)) {
      raise_node(bad, std::string("cannot assign to ") + expr_name(bad));
    }
  } catch (NoMatch&) {
  }
  furthest_ = furthest;
  reset(m);
  expr* target = star_targets();
  return target;
}

// with_item: expression 'as' star_target &(',' | ')' | ':')
// (or NEWLINE, for the "expected ':'" of CPython's invalid_with_stmt)
expr* Parser::with_target() {
  size_t m = mark();
  try {
    expr* target = star_target();
    if (at_op(OpType::COMMA) || at_op(OpType::RPAR) || at_op(OpType::COLON) || at(TokenType::NEWLINE)) {
      return target;
    }
  } catch (NoMatch&) {
  }
  reset(m);
  expr* e = expression();
  if (at_op(OpType::COMMA) || at_op(OpType::RPAR) || at_op(OpType::COLON)) {
    if (expr* bad = invalid_target(e, TargetKind::Star)) {
      raise_node(bad, std::string("cannot assign to ") + expr_name(bad));
    }
  }
  fail();
}

// del_targets: ','.del_target+ [',']
std::vector<expr*> Parser::del_targets() {
  size_t m = mark();
  std::vector<expr*> targets;
  try {
    do {
      const Tok& t = peek();
      if (t.type == TokenType::NEWLINE || (t.type == TokenType::OP && t.op == OpType::SEMI)) break;
      if (!(t.type == TokenType::NAME && !is_hard_keyword(t.kw)) &&
          !(t.type == TokenType::OP && (t.op == OpType::LPAR || t.op == OpType::LSQB))) {
        fail();
      }
      expr* e = primary();
      if (invalid_target(e, TargetKind::Del)) fail();
      set_context(e, expr_context::Del, "delete");
      targets.push_back(e);
    } while (accept_op(OpType::COMMA));
    if (!targets.empty() && (at(TokenType::NEWLINE) || at_op(OpType::SEMI))) return targets;
  } catch (NoMatch&) {
  }
  // invalid_del_stmt: 'del' star_expressions
  reset(m);
  expr* e = star_expressions();
  if (expr* bad = invalid_target(e, TargetKind::Del)) {
    raise_node(bad, std::string("cannot delete ") + expr_name(bad));
  }
  fail();
}

}  // namespace tern::compiler
