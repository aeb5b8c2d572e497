// CPython 3.11's PyAST_Validate (Python/ast.c) over a tree converted from
// `ast` objects: what the parser never produces but a hand-made tree may
// hold — wrong expression contexts, empty bodies, mismatched list lengths,
// invalid constants, bad patterns, inverted positions — rejected with
// CPython's ValueError or TypeError before the compiler sees the tree.
// The checks and their order follow ast.c, so the first error reported is
// CPython's.
#include <string_view>

#include "runtime/interp/errors.h"
#include "runtime/modules/_ast_internal.h"

namespace tern::pyast {

namespace {

using ast::expr_context;

const char* contextName(expr_context ctx) {
  switch (ctx) {
    case expr_context::Load:
      return "Load";
    case expr_context::Store:
      return "Store";
    case expr_context::Del:
      return "Del";
  }
  return "?";
}

class Validator {
 public:
  explicit Validator(const FromPy& converter) : converter_(converter) {}

  bool mod(const ast::mod* m);

 private:
  bool fail(Type* type, const char* message) {
    raise(type, message);
    return false;
  }
  bool positions(const ast::LocatedNode* n);
  bool name(std::string_view id);
  bool capture(std::string_view id);
  template <class T>
  bool nonempty(const ast::Seq<T>& seq, const char* what, const char* owner) {
    if (!seq.empty()) return true;
    raisef(exc::ValueError, "empty %s on %s", what, owner);
    return false;
  }
  bool body(const ast::Seq<ast::stmt*>& body, const char* owner) {
    return nonempty(body, "body", owner) && stmts(body);
  }
  bool stmts(const ast::Seq<ast::stmt*>& seq);
  bool stmt(const ast::stmt* s);
  bool exprs(const ast::Seq<ast::expr*>& seq, expr_context ctx, bool null_ok);
  bool expr(const ast::expr* e, expr_context ctx);
  bool optional(const ast::expr* e) { return e == nullptr || expr(e, expr_context::Load); }
  bool assignList(const ast::Seq<ast::expr*>& targets, expr_context ctx) {
    return nonempty(targets, "targets", ctx == expr_context::Del ? "Delete" : "Assign") && exprs(targets, ctx, false);
  }
  bool comprehension(const ast::Seq<ast::comprehension*>& generators);
  bool keywords(const ast::Seq<ast::keyword*>& keywords);
  bool args(const ast::Seq<ast::arg*>& args);
  bool arguments(const ast::arguments* a);
  bool function(const ast::Seq<ast::stmt*>& body, const ast::arguments* a, const ast::Seq<ast::expr*>& decorators,
                const ast::expr* returns, const char* owner) {
    return this->body(body, owner) && arguments(a) && exprs(decorators, expr_context::Load, false) && optional(returns);
  }
  bool withItems(const ast::Seq<ast::withitem*>& items, const ast::Seq<ast::stmt*>& body, const char* owner);
  bool tryStatement(const ast::Seq<ast::stmt*>& body, const ast::Seq<ast::excepthandler*>& handlers,
                    const ast::Seq<ast::stmt*>& orelse, const ast::Seq<ast::stmt*>& finalbody, const char* owner);
  bool matchValue(const ast::expr* e);
  bool pattern(const ast::pattern* p, bool star_ok);
  bool patterns(const ast::Seq<ast::pattern*>& seq, bool star_ok) {
    for (const ast::pattern* p : seq)
      if (!pattern(p, star_ok)) return false;
    return true;
  }

  const FromPy& converter_;
};

bool Validator::positions(const ast::LocatedNode* n) {
  if (n->lineno > n->end_lineno) {
    raisef(exc::ValueError, "AST node line range (%d, %d) is not valid", n->lineno, n->end_lineno);
    return false;
  }
  if ((n->lineno < 0 && n->end_lineno != n->lineno) || (n->col_offset < 0 && n->col_offset != n->end_col_offset)) {
    raisef(exc::ValueError, "AST node column range (%d, %d) for line range (%d, %d) is not valid", n->col_offset,
           n->end_col_offset, n->lineno, n->end_lineno);
    return false;
  }
  if (n->lineno == n->end_lineno && n->col_offset > n->end_col_offset) {
    raisef(exc::ValueError, "line %d, column %d-%d is not a valid range", n->lineno, n->col_offset, n->end_col_offset);
    return false;
  }
  return true;
}

bool Validator::name(std::string_view id) {
  for (const char* forbidden : {"None", "True", "False"}) {
    if (id == forbidden) {
      raisef(exc::ValueError, "identifier field can't represent '%s' constant", forbidden);
      return false;
    }
  }
  return true;
}

bool Validator::capture(std::string_view id) {
  if (id == "_") return fail(exc::ValueError, "can't capture name '_' in patterns");
  return name(id);
}

bool Validator::mod(const ast::mod* m) {
  switch (m->kind) {
    case ast::Kind::Module:
      return stmts(static_cast<const ast::Module*>(m)->body);
    case ast::Kind::Interactive:
      return stmts(static_cast<const ast::Interactive*>(m)->body);
    case ast::Kind::Expression:
      return expr(static_cast<const ast::Expression*>(m)->body, expr_context::Load);
    case ast::Kind::FunctionType: {
      auto* f = static_cast<const ast::FunctionType*>(m);
      return exprs(f->argtypes, expr_context::Load, false) && expr(f->returns, expr_context::Load);
    }
    default:
      return fail(exc::SystemError, "impossible module node");
  }
}

bool Validator::stmts(const ast::Seq<ast::stmt*>& seq) {
  for (const ast::stmt* s : seq) {
    if (s == nullptr) return fail(exc::ValueError, "None disallowed in statement list");
    if (!stmt(s)) return false;
  }
  return true;
}

bool Validator::exprs(const ast::Seq<ast::expr*>& seq, expr_context ctx, bool null_ok) {
  for (const ast::expr* e : seq) {
    if (e == nullptr) {
      if (null_ok) continue;
      return fail(exc::ValueError, "None disallowed in expression list");
    }
    if (!expr(e, ctx)) return false;
  }
  return true;
}

bool Validator::comprehension(const ast::Seq<ast::comprehension*>& generators) {
  if (generators.empty()) return fail(exc::ValueError, "comprehension with no generators");
  for (const ast::comprehension* c : generators) {
    if (!expr(c->target, expr_context::Store) || !expr(c->iter, expr_context::Load) ||
        !exprs(c->ifs, expr_context::Load, false))
      return false;
  }
  return true;
}

bool Validator::keywords(const ast::Seq<ast::keyword*>& keywords) {
  for (const ast::keyword* k : keywords)
    if (!expr(k->value, expr_context::Load)) return false;
  return true;
}

bool Validator::args(const ast::Seq<ast::arg*>& args) {
  for (const ast::arg* a : args)
    if (a->annotation != nullptr && !expr(a->annotation, expr_context::Load)) return false;
  return true;
}

bool Validator::arguments(const ast::arguments* a) {
  if (!args(a->posonlyargs) || !args(a->args)) return false;
  if (a->vararg != nullptr && a->vararg->annotation != nullptr && !expr(a->vararg->annotation, expr_context::Load))
    return false;
  if (!args(a->kwonlyargs)) return false;
  if (a->kwarg != nullptr && a->kwarg->annotation != nullptr && !expr(a->kwarg->annotation, expr_context::Load))
    return false;
  if (a->defaults.size > a->posonlyargs.size + a->args.size)
    return fail(exc::ValueError, "more positional defaults than args on arguments");
  if (a->kw_defaults.size != a->kwonlyargs.size)
    return fail(exc::ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
  return exprs(a->defaults, expr_context::Load, false) && exprs(a->kw_defaults, expr_context::Load, true);
}

bool Validator::withItems(const ast::Seq<ast::withitem*>& items, const ast::Seq<ast::stmt*>& body, const char* owner) {
  if (!nonempty(items, "items", owner)) return false;
  for (const ast::withitem* item : items) {
    if (!expr(item->context_expr, expr_context::Load) ||
        (item->optional_vars != nullptr && !expr(item->optional_vars, expr_context::Store)))
      return false;
  }
  return this->body(body, owner);
}

bool Validator::tryStatement(const ast::Seq<ast::stmt*>& body, const ast::Seq<ast::excepthandler*>& handlers,
                             const ast::Seq<ast::stmt*>& orelse, const ast::Seq<ast::stmt*>& finalbody,
                             const char* owner) {
  if (!this->body(body, owner)) return false;
  if (handlers.empty() && finalbody.empty())
    return fail(exc::ValueError, (std::string(owner) + " has neither except handlers nor finalbody").c_str());
  if (handlers.empty() && !orelse.empty())
    return fail(exc::ValueError, (std::string(owner) + " has orelse but no except handlers").c_str());
  for (const ast::excepthandler* h : handlers) {
    auto* handler = static_cast<const ast::ExceptHandler*>(h);
    if (!positions(handler)) return false;
    if ((handler->type != nullptr && !expr(handler->type, expr_context::Load)) ||
        !this->body(handler->body, "ExceptHandler"))
      return false;
  }
  return (finalbody.empty() || stmts(finalbody)) && (orelse.empty() || stmts(orelse));
}

bool Validator::stmt(const ast::stmt* s) {
  if (!positions(s)) return false;
  constexpr expr_context Load = expr_context::Load, Store = expr_context::Store;
  switch (s->kind) {
    case ast::Kind::FunctionDef: {
      auto* n = static_cast<const ast::FunctionDef*>(s);
      return function(n->body, n->args, n->decorator_list, n->returns, "FunctionDef");
    }
    case ast::Kind::AsyncFunctionDef: {
      auto* n = static_cast<const ast::AsyncFunctionDef*>(s);
      return function(n->body, n->args, n->decorator_list, n->returns, "AsyncFunctionDef");
    }
    case ast::Kind::ClassDef: {
      auto* n = static_cast<const ast::ClassDef*>(s);
      return body(n->body, "ClassDef") && exprs(n->bases, Load, false) && keywords(n->keywords) &&
             exprs(n->decorator_list, Load, false);
    }
    case ast::Kind::Return:
      return optional(static_cast<const ast::Return*>(s)->value);
    case ast::Kind::Delete:
      return assignList(static_cast<const ast::Delete*>(s)->targets, expr_context::Del);
    case ast::Kind::Assign: {
      auto* n = static_cast<const ast::Assign*>(s);
      return assignList(n->targets, Store) && expr(n->value, Load);
    }
    case ast::Kind::AugAssign: {
      auto* n = static_cast<const ast::AugAssign*>(s);
      return expr(n->target, Store) && expr(n->value, Load);
    }
    case ast::Kind::AnnAssign: {
      auto* n = static_cast<const ast::AnnAssign*>(s);
      if (n->target->kind != ast::Kind::Name && n->simple)
        return fail(exc::TypeError, "AnnAssign with simple non-Name target");
      return expr(n->target, Store) && optional(n->value) && expr(n->annotation, Load);
    }
    case ast::Kind::For: {
      auto* n = static_cast<const ast::For*>(s);
      return expr(n->target, Store) && expr(n->iter, Load) && body(n->body, "For") && stmts(n->orelse);
    }
    case ast::Kind::AsyncFor: {
      auto* n = static_cast<const ast::AsyncFor*>(s);
      return expr(n->target, Store) && expr(n->iter, Load) && body(n->body, "AsyncFor") && stmts(n->orelse);
    }
    case ast::Kind::While: {
      auto* n = static_cast<const ast::While*>(s);
      return expr(n->test, Load) && body(n->body, "While") && stmts(n->orelse);
    }
    case ast::Kind::If: {
      auto* n = static_cast<const ast::If*>(s);
      return expr(n->test, Load) && body(n->body, "If") && stmts(n->orelse);
    }
    case ast::Kind::With: {
      auto* n = static_cast<const ast::With*>(s);
      return withItems(n->items, n->body, "With");
    }
    case ast::Kind::AsyncWith: {
      auto* n = static_cast<const ast::AsyncWith*>(s);
      return withItems(n->items, n->body, "AsyncWith");
    }
    case ast::Kind::Match: {
      auto* n = static_cast<const ast::Match*>(s);
      if (!expr(n->subject, Load) || !nonempty(n->cases, "cases", "Match")) return false;
      for (const ast::match_case* c : n->cases) {
        if (!pattern(c->pattern, false) || (c->guard != nullptr && !expr(c->guard, Load)) ||
            !body(c->body, "match_case"))
          return false;
      }
      return true;
    }
    case ast::Kind::Raise: {
      auto* n = static_cast<const ast::Raise*>(s);
      if (n->exc != nullptr) return expr(n->exc, Load) && optional(n->cause);
      if (n->cause != nullptr) return fail(exc::ValueError, "Raise with cause but no exception");
      return true;
    }
    case ast::Kind::Try: {
      auto* n = static_cast<const ast::Try*>(s);
      return tryStatement(n->body, n->handlers, n->orelse, n->finalbody, "Try");
    }
    case ast::Kind::TryStar: {
      auto* n = static_cast<const ast::TryStar*>(s);
      return tryStatement(n->body, n->handlers, n->orelse, n->finalbody, "TryStar");
    }
    case ast::Kind::Assert: {
      auto* n = static_cast<const ast::Assert*>(s);
      return expr(n->test, Load) && optional(n->msg);
    }
    case ast::Kind::Import:
      return nonempty(static_cast<const ast::Import*>(s)->names, "names", "Import");
    case ast::Kind::ImportFrom: {
      auto* n = static_cast<const ast::ImportFrom*>(s);
      if (n->level < 0) return fail(exc::ValueError, "Negative ImportFrom level");
      return nonempty(n->names, "names", "ImportFrom");
    }
    case ast::Kind::Global:
      return nonempty(static_cast<const ast::Global*>(s)->names, "names", "Global");
    case ast::Kind::Nonlocal:
      return nonempty(static_cast<const ast::Nonlocal*>(s)->names, "names", "Nonlocal");
    case ast::Kind::Expr:
      return expr(static_cast<const ast::Expr*>(s)->value, Load);
    case ast::Kind::Pass:
    case ast::Kind::Break:
    case ast::Kind::Continue:
      return true;
    default:
      return fail(exc::SystemError, "unexpected statement");
  }
}

bool Validator::expr(const ast::expr* e, expr_context ctx) {
  if (!positions(e)) return false;
  constexpr expr_context Load = expr_context::Load;
  // The context first: only targets carry one, and it must be the expected one.
  bool check_ctx = true;
  expr_context actual = Load;
  switch (e->kind) {
    case ast::Kind::Attribute:
      actual = static_cast<const ast::Attribute*>(e)->ctx;
      break;
    case ast::Kind::Subscript:
      actual = static_cast<const ast::Subscript*>(e)->ctx;
      break;
    case ast::Kind::Starred:
      actual = static_cast<const ast::Starred*>(e)->ctx;
      break;
    case ast::Kind::Name:
      if (!name(static_cast<const ast::Name*>(e)->id)) return false;
      actual = static_cast<const ast::Name*>(e)->ctx;
      break;
    case ast::Kind::List:
      actual = static_cast<const ast::List*>(e)->ctx;
      break;
    case ast::Kind::Tuple:
      actual = static_cast<const ast::Tuple*>(e)->ctx;
      break;
    default:
      if (ctx != Load) {
        raisef(exc::ValueError, "expression which can't be assigned to in %s context", contextName(ctx));
        return false;
      }
      check_ctx = false;
  }
  if (check_ctx && actual != ctx) {
    raisef(exc::ValueError, "expression must have %s context but has %s instead", contextName(ctx),
           contextName(actual));
    return false;
  }

  switch (e->kind) {
    case ast::Kind::BoolOp: {
      auto* n = static_cast<const ast::BoolOp*>(e);
      if (n->values.size < 2) return fail(exc::ValueError, "BoolOp with less than 2 values");
      return exprs(n->values, Load, false);
    }
    case ast::Kind::BinOp: {
      auto* n = static_cast<const ast::BinOp*>(e);
      return expr(n->left, Load) && expr(n->right, Load);
    }
    case ast::Kind::UnaryOp:
      return expr(static_cast<const ast::UnaryOp*>(e)->operand, Load);
    case ast::Kind::Lambda: {
      auto* n = static_cast<const ast::Lambda*>(e);
      return arguments(n->args) && expr(n->body, Load);
    }
    case ast::Kind::IfExp: {
      auto* n = static_cast<const ast::IfExp*>(e);
      return expr(n->test, Load) && expr(n->body, Load) && expr(n->orelse, Load);
    }
    case ast::Kind::Dict: {
      auto* n = static_cast<const ast::Dict*>(e);
      if (n->keys.size != n->values.size)
        return fail(exc::ValueError, "Dict doesn't have the same number of keys as values");
      // A null key is `**mapping`.
      return exprs(n->keys, Load, true) && exprs(n->values, Load, false);
    }
    case ast::Kind::Set:
      return exprs(static_cast<const ast::Set*>(e)->elts, Load, false);
    case ast::Kind::ListComp: {
      auto* n = static_cast<const ast::ListComp*>(e);
      return comprehension(n->generators) && expr(n->elt, Load);
    }
    case ast::Kind::SetComp: {
      auto* n = static_cast<const ast::SetComp*>(e);
      return comprehension(n->generators) && expr(n->elt, Load);
    }
    case ast::Kind::GeneratorExp: {
      auto* n = static_cast<const ast::GeneratorExp*>(e);
      return comprehension(n->generators) && expr(n->elt, Load);
    }
    case ast::Kind::DictComp: {
      auto* n = static_cast<const ast::DictComp*>(e);
      return comprehension(n->generators) && expr(n->key, Load) && expr(n->value, Load);
    }
    case ast::Kind::Yield:
      return optional(static_cast<const ast::Yield*>(e)->value);
    case ast::Kind::YieldFrom:
      return expr(static_cast<const ast::YieldFrom*>(e)->value, Load);
    case ast::Kind::Await:
      return expr(static_cast<const ast::Await*>(e)->value, Load);
    case ast::Kind::Compare: {
      auto* n = static_cast<const ast::Compare*>(e);
      if (n->comparators.empty()) return fail(exc::ValueError, "Compare with no comparators");
      if (n->comparators.size != n->ops.size)
        return fail(exc::ValueError, "Compare has a different number of comparators and operands");
      return exprs(n->comparators, Load, false) && expr(n->left, Load);
    }
    case ast::Kind::Call: {
      auto* n = static_cast<const ast::Call*>(e);
      return expr(n->func, Load) && exprs(n->args, Load, false) && keywords(n->keywords);
    }
    case ast::Kind::Constant:
      if (const char* type = converter_.invalidConstant(e)) {
        raisef(exc::TypeError, "got an invalid type in Constant: %s", type);
        return false;
      }
      return true;
    case ast::Kind::JoinedStr:
      return exprs(static_cast<const ast::JoinedStr*>(e)->values, Load, false);
    case ast::Kind::FormattedValue: {
      auto* n = static_cast<const ast::FormattedValue*>(e);
      if (!expr(n->value, Load) || !optional(n->format_spec)) return false;
      // CPython's code generator rejects other conversions; tern's would
      // ignore them, so they are refused here.
      if (n->conversion != -1 && n->conversion != 's' && n->conversion != 'r' && n->conversion != 'a') {
        raisef(exc::SystemError, "Unrecognized conversion character %d", n->conversion);
        return false;
      }
      return true;
    }
    case ast::Kind::Attribute:
      return expr(static_cast<const ast::Attribute*>(e)->value, Load);
    case ast::Kind::Subscript: {
      auto* n = static_cast<const ast::Subscript*>(e);
      return expr(n->slice, Load) && expr(n->value, Load);
    }
    case ast::Kind::Starred:
      return expr(static_cast<const ast::Starred*>(e)->value, ctx);
    case ast::Kind::Slice: {
      auto* n = static_cast<const ast::Slice*>(e);
      return optional(n->lower) && optional(n->upper) && optional(n->step);
    }
    case ast::Kind::List:
      return exprs(static_cast<const ast::List*>(e)->elts, ctx, false);
    case ast::Kind::Tuple:
      return exprs(static_cast<const ast::Tuple*>(e)->elts, ctx, false);
    case ast::Kind::NamedExpr:
      return expr(static_cast<const ast::NamedExpr*>(e)->value, Load);
    case ast::Kind::Name:
      return true;
    default:
      return fail(exc::SystemError, "unexpected expression");
  }
}

// A number constant of the kinds allowed (CPython's ensure_literal_number).
bool literalNumber(const ast::expr* e, bool real, bool imaginary) {
  auto* c = ast::as<ast::Constant>(e);
  if (c == nullptr) return false;
  using T = ast::ConstantValue::Type;
  return (real && (c->value.type == T::Int || c->value.type == T::Float)) || (imaginary && c->value.type == T::Complex);
}

// -number (ensure_literal_negative).
bool literalNegative(const ast::expr* e, bool real, bool imaginary) {
  auto* u = ast::as<ast::UnaryOp>(e);
  return u != nullptr && u->op == ast::unaryop::USub && literalNumber(u->operand, real, imaginary);
}

// [-]real +/- imaginary (ensure_literal_complex).
bool literalComplex(const ast::BinOp* e) {
  if (e->op != ast::operator_::Add && e->op != ast::operator_::Sub) return false;
  if (!literalNumber(e->left, true, false) && !literalNegative(e->left, true, false)) return false;
  return literalNumber(e->right, false, true);
}

bool Validator::matchValue(const ast::expr* e) {
  if (!expr(e, expr_context::Load)) return false;
  switch (e->kind) {
    case ast::Kind::Constant: {
      // Not Ellipsis, nor True/False/None (MatchSingleton's), nor a tuple.
      using T = ast::ConstantValue::Type;
      T t = static_cast<const ast::Constant*>(e)->value.type;
      if (t == T::Int || t == T::Float || t == T::Bytes || t == T::Complex || t == T::Str) return true;
      return fail(exc::ValueError, "unexpected constant inside of a literal pattern");
    }
    case ast::Kind::Attribute:
    case ast::Kind::JoinedStr:  // the compiler rejects it
      return true;
    case ast::Kind::UnaryOp:
      if (literalNegative(e, true, true)) return true;
      break;
    case ast::Kind::BinOp:
      if (literalComplex(static_cast<const ast::BinOp*>(e))) return true;
      break;
    default:
      break;
  }
  return fail(exc::ValueError, "patterns may only match literals and attribute lookups");
}

bool Validator::pattern(const ast::pattern* p, bool star_ok) {
  if (!positions(p)) return false;
  switch (p->kind) {
    case ast::Kind::MatchValue:
      return matchValue(static_cast<const ast::MatchValue*>(p)->value);
    case ast::Kind::MatchSingleton:
      if (converter_.invalidConstant(p) != nullptr)
        return fail(exc::ValueError, "MatchSingleton can only contain True, False and None");
      return true;
    case ast::Kind::MatchSequence:
      return patterns(static_cast<const ast::MatchSequence*>(p)->patterns, true);
    case ast::Kind::MatchMapping: {
      auto* n = static_cast<const ast::MatchMapping*>(p);
      if (n->keys.size != n->patterns.size)
        return fail(exc::ValueError, "MatchMapping doesn't have the same number of keys as patterns");
      if (n->rest.data() != nullptr && !capture(n->rest)) return false;
      for (const ast::expr* key : n->keys) {
        // True, False and None are valid keys although not valid values.
        if (auto* c = ast::as<ast::Constant>(key)) {
          using T = ast::ConstantValue::Type;
          if (c->value.type == T::None || c->value.type == T::True || c->value.type == T::False) continue;
        }
        if (!matchValue(key)) return false;
      }
      return patterns(n->patterns, false);
    }
    case ast::Kind::MatchClass: {
      auto* n = static_cast<const ast::MatchClass*>(p);
      if (n->kwd_attrs.size != n->kwd_patterns.size)
        return fail(exc::ValueError, "MatchClass doesn't have the same number of keyword attributes as patterns");
      if (!expr(n->cls, expr_context::Load)) return false;
      for (const ast::expr* cls = n->cls; cls->kind != ast::Kind::Name;) {
        if (cls->kind != ast::Kind::Attribute)
          return fail(exc::ValueError, "MatchClass cls field can only contain Name or Attribute nodes.");
        cls = static_cast<const ast::Attribute*>(cls)->value;
      }
      for (std::string_view attr : n->kwd_attrs)
        if (!name(attr)) return false;
      return patterns(n->patterns, false) && patterns(n->kwd_patterns, false);
    }
    case ast::Kind::MatchStar: {
      auto* n = static_cast<const ast::MatchStar*>(p);
      if (!star_ok) return fail(exc::ValueError, "can't use MatchStar here");
      return n->name.data() == nullptr || capture(n->name);
    }
    case ast::Kind::MatchAs: {
      auto* n = static_cast<const ast::MatchAs*>(p);
      if (n->name.data() != nullptr && !capture(n->name)) return false;
      if (n->pattern == nullptr) return true;
      if (n->name.data() == nullptr)
        return fail(exc::ValueError, "MatchAs must specify a target name if a pattern is given");
      return pattern(n->pattern, false);
    }
    case ast::Kind::MatchOr: {
      auto* n = static_cast<const ast::MatchOr*>(p);
      if (n->patterns.size < 2) return fail(exc::ValueError, "MatchOr requires at least 2 patterns");
      return patterns(n->patterns, false);
    }
    default:
      return fail(exc::SystemError, "unexpected pattern");
  }
}

}  // namespace

bool validate(const ast::mod* mod, const FromPy& converter) {
  Validator v(converter);
  return v.mod(mod);
}

}  // namespace tern::pyast
