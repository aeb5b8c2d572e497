// Code generation for expressions: operators, calls, displays, f-strings,
// lambdas, comprehensions, yield and await (CPython 3.11's compiler.c,
// expression side).
#include <optional>

#include "runtime/compiler/codegen_internal.h"

namespace tern::compiler::codegen {

using ast::expr_context;

std::optional<Constant> fold_constant(const ast::expr* e, int optimize) {
  switch (e->kind) {
    case ast::Kind::Constant:
      return constant_of(static_cast<const ast::Constant*>(e)->value);
    case ast::Kind::Name: {
      auto* n = static_cast<const ast::Name*>(e);
      if (n->ctx == expr_context::Load && n->id == "__debug__") return Constant::boolean(optimize == 0);
      return std::nullopt;
    }
    case ast::Kind::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(e);
      if (t->ctx != expr_context::Load) return std::nullopt;
      std::vector<Constant> items;
      for (const ast::expr* elt : t->elts) {
        std::optional<Constant> c = fold_constant(elt, optimize);
        if (!c) return std::nullopt;
        items.push_back(std::move(*c));
      }
      return Constant::tuple(std::move(items));
    }
    case ast::Kind::UnaryOp: {
      auto* u = static_cast<const ast::UnaryOp*>(e);
      std::optional<Constant> c = fold_constant(u->operand, optimize);
      if (!c) return std::nullopt;
      if (u->op == ast::unaryop::USub) {
        if (c->kind == Constant::Kind::Int) {
          if (c->text == "0") return c;
          c->text = c->text[0] == '-' ? c->text.substr(1) : "-" + c->text;
          return c;
        }
        if (c->kind == Constant::Kind::Float) return Constant::floating(-c->real);
        if (c->kind == Constant::Kind::Complex) return Constant::complex(-c->real, -c->imag);
      } else if (u->op == ast::unaryop::UAdd) {
        if (c->kind == Constant::Kind::Int || c->kind == Constant::Kind::Float || c->kind == Constant::Kind::Complex) {
          return c;
        }
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

namespace {

bool is_const_expr(const ast::expr* e) { return e->kind == ast::Kind::Constant; }

// --- the compile-time SyntaxWarnings (CPython's check_* in compiler.c) ---
// They look at the tree after constant folding, as CPython's do.

const char* constant_type_name(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::None:
      return "NoneType";
    case Constant::Kind::Ellipsis:
      return "ellipsis";
    case Constant::Kind::True:
    case Constant::Kind::False:
      return "bool";
    case Constant::Kind::Int:
      return "int";
    case Constant::Kind::Float:
      return "float";
    case Constant::Kind::Complex:
      return "complex";
    case Constant::Kind::Str:
      return "str";
    case Constant::Kind::Bytes:
      return "bytes";
    case Constant::Kind::Tuple:
      return "tuple";
    case Constant::Kind::FrozenSet:
      return "frozenset";
    case Constant::Kind::Code:
      return "code";
  }
  return nullptr;
}

// The type of the value `e` evaluates to when the syntax alone tells
// (CPython's infer_type), or null.
const char* inferred_type_name(const ast::expr* e, int optimize) {
  if (std::optional<Constant> c = fold_constant(e, optimize)) return constant_type_name(*c);
  switch (e->kind) {
    case ast::Kind::Tuple:
      return "tuple";
    case ast::Kind::List:
    case ast::Kind::ListComp:
      return "list";
    case ast::Kind::Dict:
    case ast::Kind::DictComp:
      return "dict";
    case ast::Kind::Set:
    case ast::Kind::SetComp:
      return "set";
    case ast::Kind::GeneratorExp:
      return "generator";
    case ast::Kind::Lambda:
      return "function";
    case ast::Kind::JoinedStr:
    case ast::Kind::FormattedValue:
      return "str";
    default:
      return nullptr;
  }
}

// May `e` be an operand of `is`/`is not` without a warning: anything but a
// literal other than None, True, False and `...` (CPython's check_is_arg).
bool fine_is_operand(const ast::expr* e, int optimize) {
  std::optional<Constant> c = fold_constant(e, optimize);
  if (!c) return true;
  using K = Constant::Kind;
  return c->kind == K::None || c->kind == K::True || c->kind == K::False || c->kind == K::Ellipsis;
}

}  // namespace

// `x is 1`: '"is" with a literal. Did you mean "=="?' (CPython's
// check_compare), at the comparison.
void Compiler::check_compare(const ast::Compare* e) {
  bool left = fine_is_operand(e->left, optimize_);
  for (uint32_t i = 0; i < e->ops.size; ++i) {
    bool right = fine_is_operand(e->comparators[i], optimize_);
    ast::cmpop op = e->ops[i];
    if ((op == ast::cmpop::Is || op == ast::cmpop::IsNot) && !(left && right)) {
      warn(op == ast::cmpop::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left = right;
  }
}

// `[(1, 2) (3, 4)]`: a call of a display or literal (CPython's check_caller).
void Compiler::check_caller(const ast::expr* func) {
  switch (func->kind) {
    case ast::Kind::Constant:
    case ast::Kind::Tuple:
    case ast::Kind::List:
    case ast::Kind::ListComp:
    case ast::Kind::Dict:
    case ast::Kind::Set:
    case ast::Kind::SetComp:
    case ast::Kind::GeneratorExp:
    case ast::Kind::DictComp:
    case ast::Kind::JoinedStr:
    case ast::Kind::FormattedValue:
      break;
    default:
      if (!fold_constant(func, optimize_)) return;
  }
  warn(std::string("'") + inferred_type_name(func, optimize_) +
       "' object is not callable; perhaps you missed a comma?");
}

// `[{1, 2} [i, j]]` and `[[1, 2] [i, j]]`: subscripting what cannot be
// subscripted, or with what cannot index it (CPython's check_subscripter and
// check_index).
void Compiler::check_subscript(const ast::Subscript* s) {
  std::optional<Constant> c = fold_constant(s->value, optimize_);
  using K = Constant::Kind;
  bool unsubscriptable = false;
  if (c) {
    unsubscriptable = c->kind == K::None || c->kind == K::Ellipsis || c->kind == K::True || c->kind == K::False ||
                      c->kind == K::Int || c->kind == K::Float || c->kind == K::Complex || c->kind == K::FrozenSet;
  } else {
    ast::Kind k = s->value->kind;
    unsubscriptable =
        k == ast::Kind::Set || k == ast::Kind::SetComp || k == ast::Kind::GeneratorExp || k == ast::Kind::Lambda;
  }
  const char* value_type = inferred_type_name(s->value, optimize_);
  if (unsubscriptable) {
    warn(std::string("'") + value_type + "' object is not subscriptable; perhaps you missed a comma?");
    return;
  }
  const char* index_type = inferred_type_name(s->slice, optimize_);
  if (!index_type || std::string_view(index_type) == "int" || std::string_view(index_type) == "bool") return;
  bool sequence = false;
  if (c) {
    sequence = c->kind == K::Str || c->kind == K::Bytes || c->kind == K::Tuple;
  } else {
    ast::Kind k = s->value->kind;
    sequence = k == ast::Kind::Tuple || k == ast::Kind::List || k == ast::Kind::ListComp || k == ast::Kind::JoinedStr ||
               k == ast::Kind::FormattedValue;
  }
  if (!sequence) return;
  warn(std::string(value_type) + " indices must be integers or slices, not " + index_type +
       "; perhaps you missed a comma?");
}

// ---------------------------------------------------------------------------
// The expression visitor
// ---------------------------------------------------------------------------

void Compiler::compile_expr(const ast::expr* e) {
  InstrPosition saved = u().loc;
  set_loc(e);
  compile_expr_inner(e);
  u().loc = saved;
}

void Compiler::compile_expr_inner(const ast::expr* e) {
  switch (e->kind) {
    case ast::Kind::NamedExpr: {
      auto* n = static_cast<const ast::NamedExpr*>(e);
      compile_expr(n->value);
      emit(Op::COPY, 1);
      compile_expr(n->target);
      return;
    }
    case ast::Kind::BoolOp:
      compile_boolop(static_cast<const ast::BoolOp*>(e));
      return;
    case ast::Kind::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      if (compile_percent_format(b)) return;
      compile_expr(b->left);
      compile_expr(b->right);
      emit(Op::BINARY_OP, binary_op_arg(b->op));
      return;
    }
    case ast::Kind::UnaryOp: {
      auto* un = static_cast<const ast::UnaryOp*>(e);
      if (std::optional<Constant> c = fold_constant(e, optimize_)) {
        emit_const(std::move(*c));
        return;
      }
      compile_expr(un->operand);
      switch (un->op) {
        case ast::unaryop::Invert:
          emit(Op::UNARY_INVERT);
          break;
        case ast::unaryop::Not:
          emit(Op::UNARY_NOT);
          break;
        case ast::unaryop::UAdd:
          emit(Op::UNARY_POSITIVE);
          break;
        case ast::unaryop::USub:
          emit(Op::UNARY_NEGATIVE);
          break;
      }
      return;
    }
    case ast::Kind::Lambda:
      compile_lambda(static_cast<const ast::Lambda*>(e));
      return;
    case ast::Kind::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      BasicBlock* end = new_block();
      BasicBlock* next = new_block();
      jump_if(i->test, next, false);
      compile_expr(i->body);
      emit_jump(kJump, end);
      use_block(next);
      compile_expr(i->orelse);
      use_block(end);
      return;
    }
    case ast::Kind::Dict:
      compile_dict(static_cast<const ast::Dict*>(e));
      return;
    case ast::Kind::Set:
      starunpack_helper(static_cast<const ast::Set*>(e)->elts, 0, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false);
      return;
    case ast::Kind::GeneratorExp: {
      auto* g = static_cast<const ast::GeneratorExp*>(e);
      compile_comprehension(e, kCompGenexp, "<genexpr>", g->generators, g->elt, nullptr);
      return;
    }
    case ast::Kind::ListComp: {
      auto* l = static_cast<const ast::ListComp*>(e);
      compile_comprehension(e, kCompList, "<listcomp>", l->generators, l->elt, nullptr);
      return;
    }
    case ast::Kind::SetComp: {
      auto* s = static_cast<const ast::SetComp*>(e);
      compile_comprehension(e, kCompSet, "<setcomp>", s->generators, s->elt, nullptr);
      return;
    }
    case ast::Kind::DictComp: {
      auto* d = static_cast<const ast::DictComp*>(e);
      compile_comprehension(e, kCompDict, "<dictcomp>", d->generators, d->key, d->value);
      return;
    }
    case ast::Kind::Yield: {
      if (u().ste->type != BlockType::Function) error("'yield' outside function");
      auto* y = static_cast<const ast::Yield*>(e);
      if (y->value) {
        compile_expr(y->value);
      } else {
        emit_none();
      }
      emit_yield();
      return;
    }
    case ast::Kind::YieldFrom: {
      if (u().ste->type != BlockType::Function) error("'yield' outside function");
      if (u().scope_type == ScopeType::AsyncFunction) error("'yield from' inside async function");
      compile_expr(static_cast<const ast::YieldFrom*>(e)->value);
      emit(Op::GET_YIELD_FROM_ITER);
      emit_none();
      emit_yield_from(false);
      return;
    }
    case ast::Kind::Await: {
      if (u().ste->type != BlockType::Function) error("'await' outside function");
      if (u().scope_type != ScopeType::AsyncFunction && u().scope_type != ScopeType::Comprehension) {
        error("'await' outside async function");
      }
      compile_expr(static_cast<const ast::Await*>(e)->value);
      emit(Op::GET_AWAITABLE, 0);
      emit_none();
      emit_yield_from(true);
      return;
    }
    case ast::Kind::Compare:
      compile_compare(static_cast<const ast::Compare*>(e));
      return;
    case ast::Kind::Call:
      compile_call(static_cast<const ast::Call*>(e));
      return;
    case ast::Kind::Constant:
      emit_const(constant_of(static_cast<const ast::Constant*>(e)->value));
      return;
    case ast::Kind::JoinedStr:
      compile_joined_str(static_cast<const ast::JoinedStr*>(e));
      return;
    case ast::Kind::FormattedValue:
      compile_formatted_value(static_cast<const ast::FormattedValue*>(e));
      return;
    case ast::Kind::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      compile_expr(a->value);
      // CPython points the attribute access at the attribute's name.
      if (a->value->end_lineno == e->end_lineno) {
        u().loc.lineno = e->end_lineno;
      }
      switch (a->ctx) {
        case expr_context::Load: {
          int saved = u().loc.lineno;
          u().loc.lineno = e->end_lineno;
          emit_name(Op::LOAD_ATTR, a->attr);
          u().loc.lineno = saved;
          return;
        }
        case expr_context::Store: {
          check_forbidden(a->attr, expr_context::Store);
          int saved = u().loc.lineno;
          u().loc.lineno = e->end_lineno;
          emit_name(Op::STORE_ATTR, a->attr);
          u().loc.lineno = saved;
          return;
        }
        case expr_context::Del:
          emit_name(Op::DELETE_ATTR, a->attr);
          return;
      }
      return;
    }
    case ast::Kind::Subscript: {
      auto* s = static_cast<const ast::Subscript*>(e);
      if (s->ctx == expr_context::Load) check_subscript(s);
      compile_expr(s->value);
      compile_expr(s->slice);
      emit(s->ctx == expr_context::Load    ? Op::BINARY_SUBSCR
           : s->ctx == expr_context::Store ? Op::STORE_SUBSCR
                                           : Op::DELETE_SUBSCR);
      return;
    }
    case ast::Kind::Starred:
      if (static_cast<const ast::Starred*>(e)->ctx == expr_context::Store) {
        error("starred assignment target must be in a list or tuple");
      }
      error("can't use starred expression here");
    case ast::Kind::Name: {
      auto* n = static_cast<const ast::Name*>(e);
      if (n->ctx == expr_context::Load && n->id == "__debug__") {
        emit_const(Constant::boolean(optimize_ == 0));
        return;
      }
      nameop(n->id, n->ctx);
      return;
    }
    case ast::Kind::List: {
      auto* l = static_cast<const ast::List*>(e);
      if (l->ctx == expr_context::Store) {
        assignment_helper(l->elts);
      } else if (l->ctx == expr_context::Load) {
        starunpack_helper(l->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, false);
      } else {
        for (const ast::expr* elt : l->elts) compile_expr(elt);
      }
      return;
    }
    case ast::Kind::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(e);
      if (t->ctx == expr_context::Store) {
        assignment_helper(t->elts);
      } else if (t->ctx == expr_context::Load) {
        if (std::optional<Constant> c = fold_constant(e, optimize_)) {
          emit_const(std::move(*c));
          return;
        }
        starunpack_helper(t->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
      } else {
        for (const ast::expr* elt : t->elts) compile_expr(elt);
      }
      return;
    }
    case ast::Kind::Slice: {
      auto* s = static_cast<const ast::Slice*>(e);
      uint32_t n = 2;
      if (s->lower) {
        compile_expr(s->lower);
      } else {
        emit_none();
      }
      if (s->upper) {
        compile_expr(s->upper);
      } else {
        emit_none();
      }
      if (s->step) {
        ++n;
        compile_expr(s->step);
      }
      emit(Op::BUILD_SLICE, n);
      return;
    }
    default:
      error("internal error: unknown expression");
  }
}

// ---------------------------------------------------------------------------
// 'fmt' % (a, b): CPython's AST optimizer turns printf-style formatting with
// %s, %r and %a (flags '-', width and precision of up to 2 digits) of a
// tuple into f-string code.
// ---------------------------------------------------------------------------

bool Compiler::compile_percent_format(const ast::BinOp* b) {
  if (b->op != ast::operator_::Mod) return false;
  auto* lhs = ast::as<ast::Constant>(b->left);
  auto* rhs = ast::as<ast::Tuple>(b->right);
  if (!lhs || lhs->value.type != ast::ConstantValue::Type::Str || !rhs) return false;
  if (fold_constant(rhs, optimize_)) return false;  // folded to a constant tuple first
  for (const ast::expr* elt : rhs->elts) {
    if (elt->kind == ast::Kind::Starred) return false;
  }
  struct Part {
    std::string literal;
    const ast::expr* arg = nullptr;
    int conversion = 0;
    std::string spec;
  };
  std::vector<Part> parts;
  std::string_view fmt = lhs->value.text;
  size_t pos = 0;
  uint32_t count = 0;
  while (true) {
    std::string literal;
    while (pos < fmt.size()) {
      if (fmt[pos] != '%') {
        literal += fmt[pos++];
      } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
        literal += '%';
        pos += 2;
      } else {
        break;
      }
    }
    if (!literal.empty())
      parts.push_back(Part{.literal = std::move(literal), .arg = nullptr, .conversion = 0, .spec = {}});
    if (pos >= fmt.size()) break;
    if (count >= rhs->elts.size) return false;  // more format units than items
    ++pos;                                      // '%'
    // Flags, width, precision (at most 2 digits each), conversion.
    bool ljust = false;
    int width = -1, prec = -1;
    char ch = 0;
    auto next = [&]() {
      if (pos >= fmt.size()) return false;
      ch = fmt[pos++];
      return true;
    };
    if (!next()) return false;
    while (ch == '-' || ch == '+' || ch == ' ' || ch == '#' || ch == '0') {
      if (ch == '-') ljust = true;
      if (!next()) return false;
    }
    if (ch >= '0' && ch <= '9') {
      width = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        width = width * 10 + (ch - '0');
        if (!next() || ++digits >= 3) return false;
      }
    }
    if (ch == '.') {
      if (!next()) return false;
      prec = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        prec = prec * 10 + (ch - '0');
        if (!next() || ++digits >= 3) return false;
      }
    }
    if (ch != 's' && ch != 'r' && ch != 'a') return false;
    Part part{.literal = {}, .arg = rhs->elts[count++], .conversion = ch, .spec = {}};
    if (!ljust && width > 0) part.spec += '>';
    if (width >= 0) part.spec += std::to_string(width);
    if (prec >= 0) part.spec += "." + std::to_string(prec);
    parts.push_back(std::move(part));
  }
  if (count < rhs->elts.size) return false;  // more items than format units
  for (const Part& part : parts) {
    if (!part.arg) {
      emit_const(Constant::str(part.literal));
      continue;
    }
    InstrPosition saved = u().loc;
    set_loc(part.arg);
    compile_expr(part.arg);
    uint32_t arg = part.conversion == 's' ? 1 : part.conversion == 'r' ? 2 : 3;
    if (!part.spec.empty()) {
      emit_const(Constant::str(part.spec));
      arg |= interp::kFormatHasSpec;
    }
    emit(Op::FORMAT_VALUE, arg);
    u().loc = saved;
  }
  if (parts.size() != 1) emit(Op::BUILD_STRING, static_cast<uint32_t>(parts.size()));
  return true;
}

// CPython's fold_iter: a list display after `in` / `not in` or iterated by
// `for` is built as a tuple, and a constant one (or a constant set) is a
// constant tuple (frozenset).
void Compiler::compile_folded_iter(const ast::expr* e) {
  const ast::Seq<ast::expr*>* elts = nullptr;
  if (auto* l = ast::as<ast::List>(e)) elts = &l->elts;
  if (auto* st = ast::as<ast::Set>(e)) elts = &st->elts;
  if (!elts) {
    compile_expr(e);
    return;
  }
  std::vector<Constant> items;
  bool all_const = true;
  for (const ast::expr* elt : *elts) {
    if (elt->kind == ast::Kind::Starred) {
      compile_expr(e);
      return;
    }
    std::optional<Constant> c = all_const ? fold_constant(elt, optimize_) : std::nullopt;
    if (c) {
      items.push_back(std::move(*c));
    } else {
      all_const = false;
    }
  }
  InstrPosition saved = u().loc;
  set_loc(e);
  if (all_const) {
    emit_const(e->kind == ast::Kind::Set ? Constant::frozenset(std::move(items)) : Constant::tuple(std::move(items)));
  } else if (e->kind == ast::Kind::List) {
    starunpack_helper(*elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
  } else {
    compile_expr_inner(e);
  }
  u().loc = saved;
}

// ---------------------------------------------------------------------------
// Conditions, boolean operators, comparisons
// ---------------------------------------------------------------------------

void Compiler::jump_if(const ast::expr* e, BasicBlock* target, bool cond) {
  switch (e->kind) {
    case ast::Kind::UnaryOp: {
      auto* un = static_cast<const ast::UnaryOp*>(e);
      if (un->op == ast::unaryop::Not) {
        jump_if(un->operand, target, !cond);
        return;
      }
      break;
    }
    case ast::Kind::BoolOp: {
      auto* b = static_cast<const ast::BoolOp*>(e);
      bool cond2 = b->op == ast::boolop::Or;
      BasicBlock* next2 = target;
      if (cond2 != cond) next2 = new_block();
      uint32_t n = b->values.size - 1;
      for (uint32_t i = 0; i < n; ++i) jump_if(b->values[i], next2, cond2);
      jump_if(b->values[n], target, cond);
      if (next2 != target) use_block(next2);
      return;
    }
    case ast::Kind::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      BasicBlock* end = new_block();
      BasicBlock* next2 = new_block();
      jump_if(i->test, next2, false);
      jump_if(i->body, target, cond);
      emit_jump(kJump, end);
      use_block(next2);
      jump_if(i->orelse, target, cond);
      use_block(end);
      return;
    }
    case ast::Kind::Compare: {
      auto* c = static_cast<const ast::Compare*>(e);
      uint32_t n = c->ops.size - 1;
      if (n == 0) break;
      set_loc(e);
      check_compare(c);
      BasicBlock* cleanup = new_block();
      compile_expr(c->left);
      for (uint32_t i = 0; i < n; ++i) {
        compile_expr(c->comparators[i]);
        emit(Op::SWAP, 2);
        emit(Op::COPY, 2);
        emit_compare(c->ops[i]);
        emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
      }
      compile_comparator(c, n);
      emit_compare(c->ops[n]);
      emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, target);
      BasicBlock* end = new_block();
      emit_jump(kJump, end);
      use_block(cleanup);
      emit(Op::POP_TOP);
      if (!cond) emit_jump(kJump, target);
      use_block(end);
      return;
    }
    default:
      break;
  }
  // A constant condition needs no test (CPython's CFG optimizer removes it).
  if (std::optional<Constant> c = fold_constant(e, optimize_)) {
    bool truth = true;
    switch (c->kind) {
      case Constant::Kind::None:
      case Constant::Kind::False:
        truth = false;
        break;
      case Constant::Kind::Int:
        truth = c->text != "0";
        break;
      case Constant::Kind::Float:
        truth = c->real != 0;
        break;
      case Constant::Kind::Complex:
        truth = c->real != 0 || c->imag != 0;
        break;
      case Constant::Kind::Str:
      case Constant::Kind::Bytes:
        truth = !c->text.empty();
        break;
      case Constant::Kind::Tuple:
        truth = !c->items.empty();
        break;
      default:
        break;
    }
    if (e->kind == ast::Kind::Constant || e->kind == ast::Kind::Name) {
      add_const(*c);  // CPython loads it, then folds the jump: co_consts keeps it
      emit(Op::NOP);
      if (truth == cond) {
        emit_jump(kJump, target);
        use_block(new_block());
      }
      return;
    }
  }
  compile_expr(e);
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, target);
}

void Compiler::compile_boolop(const ast::BoolOp* e) {
  Op jump = e->op == ast::boolop::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  BasicBlock* end = new_block();
  uint32_t n = e->values.size - 1;
  for (uint32_t i = 0; i < n; ++i) {
    compile_expr(e->values[i]);
    emit_jump(jump, end);
    use_block(new_block());
  }
  compile_expr(e->values[n]);
  use_block(end);
}

void Compiler::emit_compare(ast::cmpop op) {
  switch (op) {
    case ast::cmpop::Eq:
      emit(Op::COMPARE_OP, 2);
      return;
    case ast::cmpop::NotEq:
      emit(Op::COMPARE_OP, 3);
      return;
    case ast::cmpop::Lt:
      emit(Op::COMPARE_OP, 0);
      return;
    case ast::cmpop::LtE:
      emit(Op::COMPARE_OP, 1);
      return;
    case ast::cmpop::Gt:
      emit(Op::COMPARE_OP, 4);
      return;
    case ast::cmpop::GtE:
      emit(Op::COMPARE_OP, 5);
      return;
    case ast::cmpop::Is:
      emit(Op::IS_OP, 0);
      return;
    case ast::cmpop::IsNot:
      emit(Op::IS_OP, 1);
      return;
    case ast::cmpop::In:
      emit(Op::CONTAINS_OP, 0);
      return;
    case ast::cmpop::NotIn:
      emit(Op::CONTAINS_OP, 1);
      return;
  }
}

void Compiler::compile_comparator(const ast::Compare* e, uint32_t i) {
  bool last = i + 1 == e->ops.size;
  if (last && (e->ops[i] == ast::cmpop::In || e->ops[i] == ast::cmpop::NotIn)) {
    compile_folded_iter(e->comparators[i]);
  } else {
    compile_expr(e->comparators[i]);
  }
}

void Compiler::compile_compare(const ast::Compare* e) {
  check_compare(e);
  compile_expr(e->left);
  uint32_t n = e->ops.size - 1;
  if (n == 0) {
    compile_comparator(e, 0);
    emit_compare(e->ops[0]);
    return;
  }
  BasicBlock* cleanup = new_block();
  for (uint32_t i = 0; i < n; ++i) {
    compile_expr(e->comparators[i]);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    emit_compare(e->ops[i]);
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  compile_comparator(e, n);
  emit_compare(e->ops[n]);
  BasicBlock* end = new_block();
  emit_jump(kJump, end);
  use_block(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  use_block(end);
}

// ---------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------

void Compiler::validate_keywords(const ast::Seq<ast::keyword*>& keywords) {
  for (uint32_t i = 0; i < keywords.size; ++i) {
    const ast::keyword* key = keywords[i];
    if (!key->arg.data()) continue;
    check_forbidden(key->arg, expr_context::Store);
    for (uint32_t j = i + 1; j < keywords.size; ++j) {
      const ast::keyword* other = keywords[j];
      if (other->arg.data() && other->arg == key->arg) {
        error_at(other, "keyword argument repeated: " + std::string(key->arg));
      }
    }
  }
}

void Compiler::compile_call(const ast::Call* e) {
  if (maybe_optimize_method_call(e)) return;
  check_caller(e->func);
  set_loc(e->func);
  // PUSH_NULL + LOAD_GLOBAL folds into LOAD_GLOBAL with its low bit set.
  Instr* global = nullptr;
  const auto* name = ast::as<ast::Name>(e->func);
  (void)name;
  emit(Op::PUSH_NULL);
  set_loc(e);
  size_t before = u().current->instrs.size();
  BasicBlock* block = u().current;
  compile_expr(e->func);
  if (u().current == block && block->instrs.size() == before + 1 &&
      block->instrs.back().op == static_cast<int>(Op::LOAD_GLOBAL) && before > 0 &&
      block->instrs[before - 1].op == static_cast<int>(Op::PUSH_NULL)) {
    global = &block->instrs.back();
    global->arg |= 1;
    block->instrs.erase(block->instrs.begin() + static_cast<long>(before - 1));
  }
  call_helper(0, e->args, e->keywords);
}

bool Compiler::maybe_optimize_method_call(const ast::Call* e) {
  const auto* meth = ast::as<ast::Attribute>(e->func);
  if (!meth || meth->ctx != expr_context::Load) return false;
  // Not on a name the module imports (CPython 3.11's is_import_originated).
  if (const auto* base = ast::as<ast::Name>(meth->value)) {
    if (symbols_.top()->flags(base->id) & kDefImport) return false;
  }
  uint32_t nargs = e->args.size, nkw = e->keywords.size;
  if (nargs + nkw + (nkw != 0) >= static_cast<uint32_t>(kStackUseGuideline)) return false;
  for (const ast::expr* a : e->args) {
    if (a->kind == ast::Kind::Starred) return false;
  }
  for (const ast::keyword* k : e->keywords) {
    if (!k->arg.data()) return false;
  }
  compile_expr(meth->value);
  int saved = u().loc.lineno;
  u().loc.lineno = meth->end_lineno;
  emit_name(Op::LOAD_METHOD, meth->attr);
  for (const ast::expr* a : e->args) compile_expr(a);
  if (nkw) {
    validate_keywords(e->keywords);
    for (const ast::keyword* k : e->keywords) compile_expr(k->value);
    call_simple_kw_helper(e->keywords);
  }
  emit(Op::CALL, nargs + nkw);
  u().loc.lineno = saved;
  return true;
}

void Compiler::call_simple_kw_helper(const ast::Seq<ast::keyword*>& keywords) {
  std::vector<Constant> names;
  for (const ast::keyword* k : keywords) names.push_back(Constant::str(std::string(k->arg)));
  emit(Op::KW_NAMES, add_const(Constant::tuple(std::move(names))));
}

void Compiler::subkwargs(const ast::Seq<ast::keyword*>& keywords, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = n * 2 > static_cast<uint32_t>(kStackUseGuideline);
  if (n > 1 && !big) {
    std::vector<Constant> keys;
    for (uint32_t i = begin; i < end; ++i) compile_expr(keywords[i]->value);
    for (uint32_t i = begin; i < end; ++i) keys.push_back(Constant::str(std::string(keywords[i]->arg)));
    emit_const(Constant::tuple(std::move(keys)));
    emit(Op::BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) emit(Op::BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; ++i) {
    emit_const(Constant::str(std::string(keywords[i]->arg)));
    compile_expr(keywords[i]->value);
    if (big) emit(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, n);
}

void Compiler::call_helper(int pushed, const ast::Seq<ast::expr*>& args, const ast::Seq<ast::keyword*>& keywords) {
  validate_keywords(keywords);
  uint32_t nelts = args.size, nkw = keywords.size;
  bool ex_call = nelts + nkw * 2 > static_cast<uint32_t>(kStackUseGuideline);
  for (const ast::expr* a : args) ex_call = ex_call || a->kind == ast::Kind::Starred;
  for (const ast::keyword* k : keywords) ex_call = ex_call || !k->arg.data();
  if (!ex_call) {
    for (const ast::expr* a : args) compile_expr(a);
    if (nkw) {
      for (const ast::keyword* k : keywords) compile_expr(k->value);
      call_simple_kw_helper(keywords);
    }
    emit(Op::CALL, static_cast<uint32_t>(pushed) + nelts + nkw);
    return;
  }
  // Positional arguments as one tuple.
  if (pushed == 0 && nelts == 1 && args[0]->kind == ast::Kind::Starred) {
    compile_expr(static_cast<const ast::Starred*>(args[0])->value);
  } else {
    starunpack_helper(args, pushed, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
  }
  // Keyword arguments as one dict.
  if (nkw) {
    bool have_dict = false;
    uint32_t nseen = 0;
    for (uint32_t i = 0; i < nkw; ++i) {
      const ast::keyword* kw = keywords[i];
      if (!kw->arg.data()) {
        if (nseen) {
          subkwargs(keywords, i - nseen, i);
          if (have_dict) emit(Op::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Op::BUILD_MAP, 0);
          have_dict = true;
        }
        compile_expr(kw->value);
        emit(Op::DICT_MERGE, 1);
      } else {
        ++nseen;
      }
    }
    if (nseen) {
      subkwargs(keywords, nkw - nseen, nkw);
      if (have_dict) emit(Op::DICT_MERGE, 1);
    }
  }
  emit(Op::CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------
// Displays and unpacking
// ---------------------------------------------------------------------------

void Compiler::starunpack_helper(const ast::Seq<ast::expr*>& elts, int pushed, Op build, Op add, Op extend,
                                 bool tuple) {
  uint32_t n = elts.size;
  bool all_const = n > 2;
  for (const ast::expr* elt : elts) all_const = all_const && is_const_expr(elt);
  if (all_const) {
    std::vector<Constant> items;
    for (const ast::expr* elt : elts) items.push_back(constant_of(static_cast<const ast::Constant*>(elt)->value));
    if (tuple && pushed == 0) {
      emit_const(Constant::tuple(std::move(items)));
    } else {
      Constant folded = add == Op::SET_ADD ? Constant::frozenset(std::move(items)) : Constant::tuple(std::move(items));
      emit(build, static_cast<uint32_t>(pushed));
      emit_const(std::move(folded));
      emit(extend, 1);
      if (tuple) emit(Op::LIST_TO_TUPLE);
    }
    return;
  }
  bool big = n + static_cast<uint32_t>(pushed) > static_cast<uint32_t>(kStackUseGuideline);
  bool seen_star = false;
  for (const ast::expr* elt : elts) seen_star = seen_star || elt->kind == ast::Kind::Starred;
  if (!seen_star && !big) {
    for (const ast::expr* elt : elts) compile_expr(elt);
    emit(tuple ? Op::BUILD_TUPLE : build, n + static_cast<uint32_t>(pushed));
    return;
  }
  bool built = false;
  if (big) {
    emit(build, static_cast<uint32_t>(pushed));
    built = true;
  }
  for (uint32_t i = 0; i < n; ++i) {
    const ast::expr* elt = elts[i];
    if (elt->kind == ast::Kind::Starred) {
      if (!built) {
        emit(build, i + static_cast<uint32_t>(pushed));
        built = true;
      }
      compile_expr(static_cast<const ast::Starred*>(elt)->value);
      emit(extend, 1);
    } else {
      compile_expr(elt);
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(Op::LIST_TO_TUPLE);
}

void Compiler::unpack_helper(const ast::Seq<ast::expr*>& elts) {
  uint32_t n = elts.size;
  bool seen_star = false;
  for (uint32_t i = 0; i < n; ++i) {
    const ast::expr* elt = elts[i];
    if (elt->kind == ast::Kind::Starred && !seen_star) {
      if (i >= (1u << 8) || n - i - 1 >= (1u << 16)) error("too many expressions in star-unpacking assignment");
      emit(Op::UNPACK_EX, i + ((n - i - 1) << 8));
      seen_star = true;
    } else if (elt->kind == ast::Kind::Starred) {
      error("multiple starred expressions in assignment");
    }
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, n);
}

void Compiler::assignment_helper(const ast::Seq<ast::expr*>& elts) {
  unpack_helper(elts);
  for (const ast::expr* elt : elts) {
    compile_expr(elt->kind == ast::Kind::Starred ? static_cast<const ast::Starred*>(elt)->value : elt);
  }
}

void Compiler::compile_subdict(const ast::Dict* e, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = n * 2 > static_cast<uint32_t>(kStackUseGuideline);
  bool keys_const = true;
  for (uint32_t i = begin; i < end; ++i) keys_const = keys_const && is_const_expr(e->keys[i]);
  if (n > 1 && !big && keys_const) {
    std::vector<Constant> keys;
    for (uint32_t i = begin; i < end; ++i) compile_expr(e->values[i]);
    for (uint32_t i = begin; i < end; ++i) {
      keys.push_back(constant_of(static_cast<const ast::Constant*>(e->keys[i])->value));
    }
    emit_const(Constant::tuple(std::move(keys)));
    emit(Op::BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) emit(Op::BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; ++i) {
    compile_expr(e->keys[i]);
    compile_expr(e->values[i]);
    if (big) emit(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, n);
}

void Compiler::compile_dict(const ast::Dict* e) {
  uint32_t n = e->values.size;
  bool have_dict = false;
  uint32_t elements = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (!e->keys[i]) {  // **mapping
      if (elements) {
        compile_subdict(e, i - elements, i);
        if (have_dict) emit(Op::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Op::BUILD_MAP, 0);
        have_dict = true;
      }
      compile_expr(e->values[i]);
      emit(Op::DICT_UPDATE, 1);
    } else if (elements * 2 > static_cast<uint32_t>(kStackUseGuideline)) {
      compile_subdict(e, i - elements, i + 1);
      if (have_dict) emit(Op::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements) {
    compile_subdict(e, n - elements, n);
    if (have_dict) emit(Op::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Op::BUILD_MAP, 0);
}

// ---------------------------------------------------------------------------
// f-strings
// ---------------------------------------------------------------------------

void Compiler::compile_joined_str(const ast::JoinedStr* e) {
  uint32_t n = e->values.size;
  if (n > static_cast<uint32_t>(kStackUseGuideline)) {
    // ''.join([...])
    emit_const(Constant::str(""));
    emit_name(Op::LOAD_METHOD, "join");
    emit(Op::BUILD_LIST, 0);
    for (const ast::expr* v : e->values) {
      compile_expr(v);
      emit(Op::LIST_APPEND, 1);
    }
    emit(Op::CALL, 1);
    return;
  }
  for (const ast::expr* v : e->values) compile_expr(v);
  if (n != 1) emit(Op::BUILD_STRING, n);
}

void Compiler::compile_formatted_value(const ast::FormattedValue* e) {
  compile_expr(e->value);
  uint32_t arg = 0;
  switch (e->conversion) {
    case 's':
      arg = 1;
      break;
    case 'r':
      arg = 2;
      break;
    case 'a':
      arg = 3;
      break;
    default:
      arg = 0;
      break;
  }
  if (e->format_spec) {
    compile_expr(e->format_spec);
    arg |= interp::kFormatHasSpec;
  }
  emit(Op::FORMAT_VALUE, arg);
}

// ---------------------------------------------------------------------------
// Lambdas and comprehensions
// ---------------------------------------------------------------------------

void Compiler::compile_lambda(const ast::Lambda* e) {
  const ast::arguments* args = e->args;
  check_debug_args(args);
  uint32_t flags = compile_default_arguments(args);
  enter_scope("<lambda>", ScopeType::Lambda, e, e->lineno);
  add_const(Constant::none());  // so that a lambda has no docstring
  u().argcount = static_cast<int>(args->args.size);
  u().posonlyargcount = static_cast<int>(args->posonlyargs.size);
  u().kwonlyargcount = static_cast<int>(args->kwonlyargs.size);
  compile_expr(e->body);
  std::shared_ptr<CodeUnit> code;
  if (u().ste->generator) {
    code = exit_scope(false);
  } else {
    emit(Op::RETURN_VALUE);
    code = exit_scope(true);
  }
  make_closure(code, flags);
}

void Compiler::emit_yield() {
  if (u().ste->generator && u().ste->coroutine) emit(Op::ASYNC_GEN_WRAP);
  emit(Op::YIELD_VALUE, 0);
}

// The SEND loop of `yield from` and `await` (opcodes.def, GENERATORS).
void Compiler::emit_yield_from(bool await) {
  (void)await;
  BasicBlock* send = new_block();
  BasicBlock* exit = new_block();
  use_block(send);
  emit_jump(Op::SEND, exit);
  emit(Op::YIELD_VALUE, 1);
  emit_jump(kJumpNoInterrupt, send);
  use_block(exit);
}

void Compiler::compile_comprehension(const ast::expr* e, int type, std::string name,
                                     const ast::Seq<ast::comprehension*>& generators, const ast::expr* elt,
                                     const ast::expr* val) {
  ScopeType outer_scope = u().scope_type;
  const ast::comprehension* outermost = generators[0];
  enter_scope(std::move(name), ScopeType::Comprehension, e, e->lineno);
  set_loc(e);
  bool is_async_generator = u().ste->coroutine;
  if (is_async_generator && type != kCompGenexp && outer_scope != ScopeType::AsyncFunction &&
      outer_scope != ScopeType::Comprehension) {
    error("asynchronous comprehension outside of an asynchronous function");
  }
  if (type != kCompGenexp) {
    emit(type == kCompList ? Op::BUILD_LIST : type == kCompSet ? Op::BUILD_SET : Op::BUILD_MAP, 0);
  }
  comprehension_generator(generators, 0, 0, elt, val, type);
  if (type != kCompGenexp) emit(Op::RETURN_VALUE);
  std::shared_ptr<CodeUnit> code = exit_scope(true);

  make_closure(code, 0);
  compile_folded_iter(outermost->iter);
  emit(outermost->is_async ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::CALL, 0);  // [function, iterator]: function(iterator)
  if (is_async_generator && type != kCompGenexp) {
    emit(Op::GET_AWAITABLE, 0);
    emit_none();
    emit_yield_from(true);
  }
}

void Compiler::comprehension_generator(const ast::Seq<ast::comprehension*>& generators, uint32_t index, int depth,
                                       const ast::expr* elt, const ast::expr* val, int type) {
  if (generators[index]->is_async) {
    async_comprehension_generator(generators, index, depth, elt, val, type);
  } else {
    sync_comprehension_generator(generators, index, depth, elt, val, type);
  }
}

void Compiler::comprehension_element(const ast::expr* elt, const ast::expr* val, int type, int depth) {
  switch (type) {
    case kCompGenexp:
      compile_expr(elt);
      emit_yield();
      emit(Op::POP_TOP);
      return;
    case kCompList:
      compile_expr(elt);
      emit(Op::LIST_APPEND, static_cast<uint32_t>(depth + 1));
      return;
    case kCompSet:
      compile_expr(elt);
      emit(Op::SET_ADD, static_cast<uint32_t>(depth + 1));
      return;
    default:
      compile_expr(elt);
      compile_expr(val);
      emit(Op::MAP_ADD, static_cast<uint32_t>(depth + 1));
      return;
  }
}

void Compiler::sync_comprehension_generator(const ast::Seq<ast::comprehension*>& generators, uint32_t index, int depth,
                                            const ast::expr* elt, const ast::expr* val, int type) {
  BasicBlock* start = new_block();
  BasicBlock* if_cleanup = new_block();
  BasicBlock* anchor = new_block();
  const ast::comprehension* gen = generators[index];
  if (index == 0) {
    u().argcount = 1;
    emit(Op::LOAD_FAST, 0);  // .0: the outermost iterator
  } else {
    // `for y in [f(x)]` binds y without building a list.
    const ast::Seq<ast::expr*>* elts = nullptr;
    if (auto* l = ast::as<ast::List>(gen->iter)) elts = &l->elts;
    if (auto* t = ast::as<ast::Tuple>(gen->iter)) elts = &t->elts;
    if (elts && elts->size == 1 && (*elts)[0]->kind != ast::Kind::Starred && !fold_constant((*elts)[0], optimize_)) {
      compile_expr((*elts)[0]);
      start = nullptr;
    } else {
      compile_folded_iter(gen->iter);
      emit(Op::GET_ITER);
    }
  }
  if (start) {
    ++depth;
    use_block(start);
    emit_jump(Op::FOR_ITER, anchor);
  }
  compile_expr(gen->target);
  for (const ast::expr* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  if (index + 1 < generators.size) {
    comprehension_generator(generators, index + 1, depth, elt, val, type);
  } else {
    comprehension_element(elt, val, type, depth);
  }
  use_block(if_cleanup);
  if (start) {
    emit_jump(kJump, start);
    use_block(anchor);
  }
}

void Compiler::async_comprehension_generator(const ast::Seq<ast::comprehension*>& generators, uint32_t index, int depth,
                                             const ast::expr* elt, const ast::expr* val, int type) {
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* if_cleanup = new_block();
  const ast::comprehension* gen = generators[index];
  if (index == 0) {
    u().argcount = 1;
    emit(Op::LOAD_FAST, 0);
  } else {
    compile_folded_iter(gen->iter);
    emit(Op::GET_AITER);
  }
  use_block(start);
  push_fblock(FBlockType::AsyncComprehensionGenerator, start);
  emit_jump(kSetupFinally, except);
  emit(Op::GET_ANEXT);
  emit_none();
  emit_yield_from(true);
  emit(kPopBlock);
  compile_expr(gen->target);
  for (const ast::expr* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  ++depth;
  if (index + 1 < generators.size) {
    comprehension_generator(generators, index + 1, depth, elt, val, type);
  } else {
    comprehension_element(elt, val, type, depth);
  }
  use_block(if_cleanup);
  emit_jump(kJump, start);
  pop_fblock();
  use_block(except);
  emit(Op::END_ASYNC_FOR);
}

}  // namespace tern::compiler::codegen
