// Annotations as strings (`from __future__ import annotations`, PEP 563):
// the text CPython 3.11's ast_unparse.c produces for an expression, which is
// what ends up in __annotations__.
#include <cmath>
#include <string>

#include "runtime/compiler/codegen_internal.h"
#include "runtime/compiler/literals.h"

namespace tern::compiler::codegen {

namespace {

// Operator precedence, lowest first (ast_unparse.c's PR_*).
enum Precedence {
  kTuple,
  kTest,  // if-else, lambda
  kOr,
  kAnd,
  kNot,
  kCmp,
  kExpr,
  kBor = kExpr,
  kBxor,
  kBand,
  kShift,
  kArith,
  kTerm,
  kFactor,
  kPower,
  kAwait,
  kAtom,
};

class Unparser {
 public:
  std::string out;

  void expr(const ast::expr* e, int level);

 private:
  void open(bool cond) {
    if (cond) out += '(';
  }
  void close(bool cond) {
    if (cond) out += ')';
  }
  void arguments(const ast::arguments* args);
  void comprehensions(const ast::Seq<ast::comprehension*>& generators);
  void constant(const ast::ConstantValue& v, std::string_view kind);
  void fstring_body(const ast::Seq<ast::expr*>& values, std::string* body);
  void formatted_value(const ast::FormattedValue* f, std::string* body);
};

std::string replace_inf(std::string text) {
  size_t at;
  while ((at = text.find("inf")) != std::string::npos) text.replace(at, 3, "1e309");
  return text;
}

void Unparser::constant(const ast::ConstantValue& v, std::string_view kind) {
  using T = ast::ConstantValue::Type;
  switch (v.type) {
    case T::None:
      out += "None";
      return;
    case T::True:
      out += "True";
      return;
    case T::False:
      out += "False";
      return;
    case T::Ellipsis:
      out += "...";
      return;
    case T::Int:
      out += v.text;
      return;
    case T::Float:
      out += replace_inf(repr_float(v.number));
      return;
    case T::Complex:
      out += replace_inf(repr_imaginary(v.number));
      return;
    case T::Str:
      if (kind == "u") out += 'u';
      out += repr_str(v.text);
      return;
    case T::Bytes:
      out += repr_bytes(v.text);
      return;
  }
}

void Unparser::arguments(const ast::arguments* args) {
  bool first = true;
  auto sep = [&] {
    if (!first) out += ", ";
    first = false;
  };
  auto one = [&](const ast::arg* a, const ast::expr* def) {
    out += a->arg_;
    if (a->annotation) {
      out += ": ";
      expr(a->annotation, kTest);
    }
    if (def) {
      out += '=';
      expr(def, kTest);
    }
  };
  uint32_t npos = args->posonlyargs.size + args->args.size;
  uint32_t ndefaults = args->defaults.size;
  for (uint32_t i = 0; i < npos; ++i) {
    sep();
    const ast::arg* a = i < args->posonlyargs.size ? args->posonlyargs[i] : args->args[i - args->posonlyargs.size];
    const ast::expr* def = i + ndefaults >= npos ? args->defaults[i + ndefaults - npos] : nullptr;
    one(a, def);
    if (i + 1 == args->posonlyargs.size) out += ", /";
  }
  if (args->vararg || !args->kwonlyargs.empty()) {
    sep();
    out += '*';
    if (args->vararg) one(args->vararg, nullptr);
  }
  for (uint32_t i = 0; i < args->kwonlyargs.size; ++i) {
    sep();
    one(args->kwonlyargs[i], i < args->kw_defaults.size ? args->kw_defaults[i] : nullptr);
  }
  if (args->kwarg) {
    sep();
    out += "**";
    one(args->kwarg, nullptr);
  }
}

void Unparser::comprehensions(const ast::Seq<ast::comprehension*>& generators) {
  for (const ast::comprehension* g : generators) {
    out += g->is_async ? " async for " : " for ";
    expr(g->target, kTuple);
    out += " in ";
    expr(g->iter, kTest + 1);
    for (const ast::expr* cond : g->ifs) {
      out += " if ";
      expr(cond, kTest + 1);
    }
  }
}

void Unparser::formatted_value(const ast::FormattedValue* f, std::string* body) {
  Unparser inner;
  inner.expr(f->value, kTest + 1);
  *body += inner.out.starts_with("{") ? "{ " : "{";
  *body += inner.out;
  if (f->conversion > 0) {
    *body += '!';
    *body += static_cast<char>(f->conversion);
  }
  if (f->format_spec) {
    *body += ':';
    if (auto* spec = ast::as<ast::JoinedStr>(f->format_spec)) {
      fstring_body(spec->values, body);
    } else {
      Unparser s;
      s.expr(f->format_spec, kTest + 1);
      *body += s.out;
    }
  }
  *body += '}';
}

void Unparser::fstring_body(const ast::Seq<ast::expr*>& values, std::string* body) {
  for (const ast::expr* v : values) {
    if (auto* c = ast::as<ast::Constant>(v)) {
      for (char ch : c->value.text) {
        if (ch == '{' || ch == '}') *body += ch;
        *body += ch;
      }
    } else if (auto* f = ast::as<ast::FormattedValue>(v)) {
      formatted_value(f, body);
    }
  }
}

void Unparser::expr(const ast::expr* e, int level) {
  switch (e->kind) {
    case ast::Kind::BoolOp: {
      auto* b = static_cast<const ast::BoolOp*>(e);
      int pr = b->op == ast::boolop::And ? kAnd : kOr;
      open(level > pr);
      for (uint32_t i = 0; i < b->values.size; ++i) {
        if (i) out += b->op == ast::boolop::And ? " and " : " or ";
        expr(b->values[i], pr + 1);
      }
      close(level > pr);
      return;
    }
    case ast::Kind::NamedExpr: {
      auto* n = static_cast<const ast::NamedExpr*>(e);
      open(level > kTuple);
      expr(n->target, kAtom);
      out += " := ";
      expr(n->value, kAtom);
      close(level > kTuple);
      return;
    }
    case ast::Kind::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      static constexpr const char* kOps[] = {" + ",  " - ",  " * ", " @ ", " / ", " % ", " ** ",
                                             " << ", " >> ", " | ", " ^ ", " & ", " // "};
      static constexpr int kPr[] = {kArith, kArith, kTerm, kTerm, kTerm, kTerm, kPower,
                                    kShift, kShift, kBor,  kBxor, kBand, kTerm};
      int op = static_cast<int>(b->op);
      int pr = kPr[op];
      int rassoc = b->op == ast::operator_::Pow ? 1 : 0;
      open(level > pr);
      expr(b->left, pr + rassoc);
      out += kOps[op];
      expr(b->right, pr + 1 - rassoc);
      close(level > pr);
      return;
    }
    case ast::Kind::UnaryOp: {
      auto* un = static_cast<const ast::UnaryOp*>(e);
      static constexpr const char* kOps[] = {"~", "not ", "+", "-"};
      int pr = un->op == ast::unaryop::Not ? kNot : kFactor;
      open(level > pr);
      out += kOps[static_cast<int>(un->op)];
      expr(un->operand, pr);
      close(level > pr);
      return;
    }
    case ast::Kind::Lambda: {
      auto* l = static_cast<const ast::Lambda*>(e);
      open(level > kTest);
      out += l->args->args.size + l->args->posonlyargs.size ? "lambda " : "lambda";
      arguments(l->args);
      out += ": ";
      expr(l->body, kTest);
      close(level > kTest);
      return;
    }
    case ast::Kind::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      open(level > kTest);
      expr(i->body, kTest + 1);
      out += " if ";
      expr(i->test, kTest + 1);
      out += " else ";
      expr(i->orelse, kTest);
      close(level > kTest);
      return;
    }
    case ast::Kind::Dict: {
      auto* d = static_cast<const ast::Dict*>(e);
      out += '{';
      for (uint32_t i = 0; i < d->values.size; ++i) {
        if (i) out += ", ";
        if (d->keys[i]) {
          expr(d->keys[i], kTest);
          out += ": ";
          expr(d->values[i], kTest);
        } else {
          out += "**";
          expr(d->values[i], kExpr);
        }
      }
      out += '}';
      return;
    }
    case ast::Kind::Set: {
      auto* s = static_cast<const ast::Set*>(e);
      if (s->elts.empty()) {
        out += "{*()}";
        return;
      }
      out += '{';
      for (uint32_t i = 0; i < s->elts.size; ++i) {
        if (i) out += ", ";
        expr(s->elts[i], kTest);
      }
      out += '}';
      return;
    }
    case ast::Kind::ListComp: {
      auto* c = static_cast<const ast::ListComp*>(e);
      out += '[';
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += ']';
      return;
    }
    case ast::Kind::SetComp: {
      auto* c = static_cast<const ast::SetComp*>(e);
      out += '{';
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += '}';
      return;
    }
    case ast::Kind::DictComp: {
      auto* c = static_cast<const ast::DictComp*>(e);
      out += '{';
      expr(c->key, kTest);
      out += ": ";
      expr(c->value, kTest);
      comprehensions(c->generators);
      out += '}';
      return;
    }
    case ast::Kind::GeneratorExp: {
      auto* c = static_cast<const ast::GeneratorExp*>(e);
      out += '(';
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += ')';
      return;
    }
    case ast::Kind::Await: {
      open(level > kAwait);
      out += "await ";
      expr(static_cast<const ast::Await*>(e)->value, kAtom);
      close(level > kAwait);
      return;
    }
    case ast::Kind::Yield: {
      auto* y = static_cast<const ast::Yield*>(e);
      if (!y->value) {
        out += "(yield)";
        return;
      }
      out += "(yield ";
      expr(y->value, kTest);
      out += ')';
      return;
    }
    case ast::Kind::YieldFrom:
      out += "(yield from ";
      expr(static_cast<const ast::YieldFrom*>(e)->value, kTest);
      out += ')';
      return;
    case ast::Kind::Compare: {
      auto* c = static_cast<const ast::Compare*>(e);
      static constexpr const char* kOps[] = {" == ", " != ", " < ",      " <= ", " > ",
                                             " >= ", " is ", " is not ", " in ", " not in "};
      open(level > kCmp);
      expr(c->left, kCmp + 1);
      for (uint32_t i = 0; i < c->ops.size; ++i) {
        out += kOps[static_cast<int>(c->ops[i])];
        expr(c->comparators[i], kCmp + 1);
      }
      close(level > kCmp);
      return;
    }
    case ast::Kind::Call: {
      auto* c = static_cast<const ast::Call*>(e);
      expr(c->func, kAtom);
      if (c->args.size == 1 && c->keywords.empty() && c->args[0]->kind == ast::Kind::GeneratorExp) {
        expr(c->args[0], kTest);
        return;
      }
      out += '(';
      bool first = true;
      for (const ast::expr* a : c->args) {
        if (!first) out += ", ";
        first = false;
        expr(a, kTest);
      }
      for (const ast::keyword* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        if (k->arg.data()) {
          out += k->arg;
          out += '=';
        } else {
          out += "**";
        }
        expr(k->value, kTest);
      }
      out += ')';
      return;
    }
    case ast::Kind::FormattedValue: {
      std::string body;
      formatted_value(static_cast<const ast::FormattedValue*>(e), &body);
      out += 'f';
      out += repr_str(body);
      return;
    }
    case ast::Kind::JoinedStr: {
      std::string body;
      fstring_body(static_cast<const ast::JoinedStr*>(e)->values, &body);
      out += 'f';
      out += repr_str(body);
      return;
    }
    case ast::Kind::Constant: {
      auto* c = static_cast<const ast::Constant*>(e);
      constant(c->value, c->kind_);
      return;
    }
    case ast::Kind::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      expr(a->value, kAtom);
      auto* c = ast::as<ast::Constant>(a->value);
      out += c && c->value.type == ast::ConstantValue::Type::Int ? " ." : ".";
      out += a->attr;
      return;
    }
    case ast::Kind::Subscript: {
      auto* s = static_cast<const ast::Subscript*>(e);
      expr(s->value, kAtom);
      out += '[';
      expr(s->slice, kTuple);
      out += ']';
      return;
    }
    case ast::Kind::Starred:
      out += '*';
      expr(static_cast<const ast::Starred*>(e)->value, kExpr);
      return;
    case ast::Kind::Name:
      out += static_cast<const ast::Name*>(e)->id;
      return;
    case ast::Kind::List: {
      auto* l = static_cast<const ast::List*>(e);
      out += '[';
      for (uint32_t i = 0; i < l->elts.size; ++i) {
        if (i) out += ", ";
        expr(l->elts[i], kTest);
      }
      out += ']';
      return;
    }
    case ast::Kind::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(e);
      if (t->elts.empty()) {
        out += "()";
        return;
      }
      open(level > kTuple);
      for (uint32_t i = 0; i < t->elts.size; ++i) {
        if (i) out += ", ";
        expr(t->elts[i], kTest);
      }
      if (t->elts.size == 1) out += ',';
      close(level > kTuple);
      return;
    }
    case ast::Kind::Slice: {
      auto* s = static_cast<const ast::Slice*>(e);
      if (s->lower) expr(s->lower, kTest);
      out += ':';
      if (s->upper) expr(s->upper, kTest);
      if (s->step) {
        out += ':';
        expr(s->step, kTest);
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace

std::string unparse_annotation(const ast::expr* e) {
  Unparser u;
  u.expr(e, kTest);
  return u.out;
}

}  // namespace tern::compiler::codegen
