// Code generation for `match` statements (PEP 634), as CPython 3.11
// compiles them.
//
// The subject of a case is consumed by its pattern.  While a pattern is
// matched, the values it captures wait on the stack under the items the
// pattern still works on (`on_top`), in the order of `stores`; they are
// bound to their names only once the whole pattern matched.  A failing test
// jumps to fail_pop[n], which pops the n items above the subject's copy
// (captures and work items) by falling through a chain of POP_TOPs.
#include <cmath>
#include <optional>

#include "runtime/compiler/codegen_internal.h"
#include "runtime/compiler/literals.h"

namespace tern::compiler::codegen {

namespace {

bool is_wildcard(const ast::pattern* p) {
  auto* as = ast::as<ast::MatchAs>(p);
  return as && !as->pattern && !as->name.data();
}

bool is_star_wildcard(const ast::pattern* p) {
  auto* star = ast::as<ast::MatchStar>(p);
  return star && !star->name.data();
}

// The constant a value pattern's expression folds to: literals, negated
// numbers, and complex literals `a + bj` / `a - bj` (CPython's AST optimizer
// folds them before the compiler checks patterns).
std::optional<Constant> fold_pattern_value(const ast::expr* e) {
  if (auto* c = ast::as<ast::Constant>(e)) return constant_of(c->value);
  if (auto* u = ast::as<ast::UnaryOp>(e)) {
    if (u->op != ast::unaryop::USub) return std::nullopt;
    std::optional<Constant> c = fold_pattern_value(u->operand);
    if (!c) return std::nullopt;
    if (c->kind == Constant::Kind::Int) {
      if (c->text != "0") c->text = c->text[0] == '-' ? c->text.substr(1) : "-" + c->text;
      return c;
    }
    if (c->kind == Constant::Kind::Float) return Constant::floating(-c->real);
    if (c->kind == Constant::Kind::Complex) return Constant::complex(-c->real, -c->imag);
    return std::nullopt;
  }
  if (auto* b = ast::as<ast::BinOp>(e)) {
    if (b->op != ast::operator_::Add && b->op != ast::operator_::Sub) return std::nullopt;
    std::optional<Constant> l = fold_pattern_value(b->left);
    std::optional<Constant> r = fold_pattern_value(b->right);
    if (!l || !r || r->kind != Constant::Kind::Complex) return std::nullopt;
    double real = l->kind == Constant::Kind::Float ? l->real
                  : l->kind == Constant::Kind::Int ? std::strtod(l->text.c_str(), nullptr)
                                                   : NAN;
    if (std::isnan(real)) return std::nullopt;
    double imag = b->op == ast::operator_::Add ? r->imag : -r->imag;
    return Constant::complex(real + (b->op == ast::operator_::Add ? r->real : -r->real), imag);
  }
  return std::nullopt;
}

// A key under which constants that compare equal (1, 1.0, True) coincide,
// as in the set CPython uses to find duplicate mapping keys.
std::string equality_key(const Constant& c) {
  auto number = [](double d) -> std::string {
    if (std::isfinite(d) && d == std::floor(d)) {
      char buf[400];
      std::snprintf(buf, sizeof buf, "%.0f", d);
      return std::string("n") + (std::string(buf) == "-0" ? "0" : buf);
    }
    return "f" + repr_float(d);
  };
  switch (c.kind) {
    case Constant::Kind::True:
      return "n1";
    case Constant::Kind::False:
      return "n0";
    case Constant::Kind::Int:
      return "n" + c.text;
    case Constant::Kind::Float:
      return number(c.real);
    case Constant::Kind::Complex:
      if (c.imag == 0) return number(c.real);
      return "c" + repr_float(c.real) + "," + repr_float(c.imag);
    default:
      return constant_key(c);
  }
}

std::string repr_constant(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::None:
      return "None";
    case Constant::Kind::True:
      return "True";
    case Constant::Kind::False:
      return "False";
    case Constant::Kind::Ellipsis:
      return "Ellipsis";
    case Constant::Kind::Int:
      return c.text;
    case Constant::Kind::Float:
      return repr_float(c.real);
    case Constant::Kind::Complex:
      if (c.real == 0 && !std::signbit(c.real)) return repr_imaginary(c.imag);
      return "(" + repr_float(c.real) + (std::signbit(c.imag) ? "-" : "+") + repr_imaginary(std::fabs(c.imag)) + ")";
    case Constant::Kind::Str:
      return repr_str(c.text);
    case Constant::Kind::Bytes:
      return repr_bytes(c.text);
    default:
      return "...";
  }
}

struct PatternContext {
  std::vector<std::string> stores;  // captured names, in stack order
  bool allow_irrefutable = false;
  std::vector<BasicBlock*> fail_pop;
  int on_top = 0;
};

class PatternCompiler {
 public:
  explicit PatternCompiler(Compiler& c) : c_(c) {}

  void match(const ast::Match* s);

 private:
  void pattern(const ast::pattern* p, PatternContext& pc);
  void subpattern(const ast::pattern* p, PatternContext& pc) {
    bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    pattern(p, pc);
    pc.allow_irrefutable = saved;
  }
  void ensure_fail_pop(PatternContext& pc, size_t n) {
    while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(c_.new_block());
  }
  void jump_to_fail_pop(PatternContext& pc, int op) {
    size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
    ensure_fail_pop(pc, pops);
    c_.emit_jump(op, pc.fail_pop[pops]);
  }
  void jump_to_fail_pop(PatternContext& pc, Op op) { jump_to_fail_pop(pc, static_cast<int>(op)); }
  void emit_and_reset_fail_pop(PatternContext& pc) {
    if (pc.fail_pop.empty()) return;
    for (size_t i = pc.fail_pop.size() - 1; i > 0; --i) {
      c_.use_block(pc.fail_pop[i]);
      c_.emit(Op::POP_TOP);
    }
    c_.use_block(pc.fail_pop[0]);
    pc.fail_pop.clear();
  }
  void rotate(int count) {
    while (count > 1) c_.emit(Op::SWAP, static_cast<uint32_t>(count--));
  }
  void store_name(std::string_view name, PatternContext& pc) {
    if (!name.data()) {
      c_.emit(Op::POP_TOP);
      return;
    }
    c_.check_forbidden(name, ast::expr_context::Store);
    std::string n(name);
    for (const std::string& s : pc.stores) {
      if (s == n) c_.error("multiple assignments to name " + repr_str(n) + " in pattern");
    }
    rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
    pc.stores.push_back(n);
  }
  void as_pattern(const ast::MatchAs* p, PatternContext& pc);
  void class_pattern(const ast::MatchClass* p, PatternContext& pc);
  void mapping_pattern(const ast::MatchMapping* p, PatternContext& pc);
  void or_pattern(const ast::MatchOr* p, PatternContext& pc);
  void sequence_pattern(const ast::MatchSequence* p, PatternContext& pc);
  void sequence_unpack(const ast::Seq<ast::pattern*>& patterns, PatternContext& pc);
  void sequence_subscr(const ast::Seq<ast::pattern*>& patterns, int star, PatternContext& pc);
  void emit_value(const ast::expr* value);

  Compiler& c_;
};

void PatternCompiler::match(const ast::Match* s) {
  c_.compile_expr(s->subject);
  BasicBlock* end = c_.new_block();
  uint32_t cases = s->cases.size;
  bool has_default = is_wildcard(s->cases[cases - 1]->pattern) && cases > 1;
  for (uint32_t i = 0; i < cases - (has_default ? 1 : 0); ++i) {
    const ast::match_case* m = s->cases[i];
    c_.set_loc(m->pattern);
    bool last = i == cases - (has_default ? 1 : 0) - 1;
    if (!last) c_.emit(Op::COPY, 1);
    PatternContext pc;
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pattern(m->pattern, pc);
    for (const std::string& name : pc.stores) c_.nameop(name, ast::expr_context::Store);
    if (m->guard) {
      ensure_fail_pop(pc, 0);
      c_.jump_if(m->guard, pc.fail_pop[0], false);
    }
    if (!last) c_.emit(Op::POP_TOP);
    c_.compile_stmts(m->body);
    c_.emit_jump(kJump, end);
    c_.set_loc(m->pattern);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    const ast::match_case* m = s->cases[cases - 1];
    c_.set_loc(m->pattern);
    if (cases == 1) {
      c_.emit(Op::POP_TOP);
    } else {
      c_.emit(Op::NOP);
    }
    if (m->guard) c_.jump_if(m->guard, end, false);
    c_.compile_stmts(m->body);
  }
  c_.use_block(end);
}

void PatternCompiler::pattern(const ast::pattern* p, PatternContext& pc) {
  c_.set_loc(p);
  switch (p->kind) {
    case ast::Kind::MatchValue: {
      emit_value(static_cast<const ast::MatchValue*>(p)->value);
      c_.emit(Op::COMPARE_OP, 2);  // ==
      jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
      return;
    }
    case ast::Kind::MatchSingleton:
      c_.emit_const(constant_of(static_cast<const ast::MatchSingleton*>(p)->value));
      c_.emit(Op::IS_OP, 0);
      jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
      return;
    case ast::Kind::MatchSequence:
      sequence_pattern(static_cast<const ast::MatchSequence*>(p), pc);
      return;
    case ast::Kind::MatchMapping:
      mapping_pattern(static_cast<const ast::MatchMapping*>(p), pc);
      return;
    case ast::Kind::MatchClass:
      class_pattern(static_cast<const ast::MatchClass*>(p), pc);
      return;
    case ast::Kind::MatchStar:
      store_name(static_cast<const ast::MatchStar*>(p)->name, pc);
      return;
    case ast::Kind::MatchAs:
      as_pattern(static_cast<const ast::MatchAs*>(p), pc);
      return;
    case ast::Kind::MatchOr:
      or_pattern(static_cast<const ast::MatchOr*>(p), pc);
      return;
    default:
      c_.error("internal error: unknown pattern");
  }
}

void PatternCompiler::emit_value(const ast::expr* value) {
  if (value->kind == ast::Kind::Attribute) {
    c_.compile_expr(value);
    return;
  }
  std::optional<Constant> folded = fold_pattern_value(value);
  if (!folded) c_.error("patterns may only match literals and attribute lookups");
  c_.emit_const(std::move(*folded));
}

void PatternCompiler::as_pattern(const ast::MatchAs* p, PatternContext& pc) {
  if (!p->pattern) {
    if (!pc.allow_irrefutable) {
      if (p->name.data()) {
        c_.error("name capture " + repr_str(p->name) + " makes remaining patterns unreachable");
      }
      c_.error("wildcard makes remaining patterns unreachable");
    }
    store_name(p->name, pc);
    return;
  }
  ++pc.on_top;
  c_.emit(Op::COPY, 1);
  pattern(p->pattern, pc);
  --pc.on_top;
  store_name(p->name, pc);
}

void PatternCompiler::class_pattern(const ast::MatchClass* p, PatternContext& pc) {
  uint32_t nargs = p->patterns.size, nattrs = p->kwd_attrs.size;
  if (nattrs != p->kwd_patterns.size) {
    c_.error("kwd_attrs (" + std::to_string(nattrs) + ") / kwd_patterns (" + std::to_string(p->kwd_patterns.size) +
             ") length mismatch in class pattern");
  }
  if (nattrs) {
    for (uint32_t i = 0; i < nattrs; ++i) {
      c_.set_loc(p->kwd_patterns[i]);
      c_.check_forbidden(p->kwd_attrs[i], ast::expr_context::Store);
      for (uint32_t j = i + 1; j < nattrs; ++j) {
        if (p->kwd_attrs[i] == p->kwd_attrs[j]) {
          c_.set_loc(p->kwd_patterns[j]);
          c_.error("attribute name repeated in class pattern: " + std::string(p->kwd_attrs[i]));
        }
      }
    }
    c_.set_loc(p);
  }
  c_.compile_expr(p->cls);
  std::vector<Constant> names;
  for (std::string_view attr : p->kwd_attrs) names.push_back(Constant::str(std::string(attr)));
  c_.emit_const(Constant::tuple(std::move(names)));
  c_.emit(Op::MATCH_CLASS, nargs);
  c_.emit(Op::COPY, 1);
  c_.emit_none();
  c_.emit(Op::IS_OP, 1);
  ++pc.on_top;  // the tuple of attributes (or None)
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  c_.emit(Op::UNPACK_SEQUENCE, nargs + nattrs);
  pc.on_top += static_cast<int>(nargs + nattrs) - 1;
  for (uint32_t i = 0; i < nargs + nattrs; ++i) {
    --pc.on_top;
    const ast::pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
    if (is_wildcard(sub)) {
      c_.emit(Op::POP_TOP);
      continue;
    }
    subpattern(sub, pc);
  }
}

void PatternCompiler::mapping_pattern(const ast::MatchMapping* p, PatternContext& pc) {
  uint32_t size = p->keys.size;
  if (size != p->patterns.size) {
    c_.error("keys (" + std::to_string(size) + ") / patterns (" + std::to_string(p->patterns.size) +
             ") length mismatch in mapping pattern");
  }
  bool star = p->rest.data() != nullptr;
  ++pc.on_top;  // the subject stays on top for the checks
  c_.emit(Op::MATCH_MAPPING);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (!size && !star) {
    --pc.on_top;
    c_.emit(Op::POP_TOP);
    return;
  }
  if (size) {
    c_.emit(Op::GET_LEN);
    c_.emit_const(Constant::integer(std::to_string(size)));
    c_.emit(Op::COMPARE_OP, 5);  // >=
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  std::vector<std::string> seen;
  for (uint32_t i = 0; i < size; ++i) {
    const ast::expr* key = p->keys[i];
    if (!key) {
      c_.set_loc(p->patterns[i]);
      c_.error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    }
    if (key->kind == ast::Kind::Attribute) {
      c_.compile_expr(key);
      continue;
    }
    std::optional<Constant> value = fold_pattern_value(key);
    if (!value) c_.error("mapping pattern keys may only match literals and attribute lookups");
    std::string k = equality_key(*value);
    for (const std::string& s : seen) {
      if (s == k) c_.error("mapping pattern checks duplicate key (" + repr_constant(*value) + ")");
    }
    seen.push_back(k);
    InstrPosition saved = c_.u().loc;
    c_.set_loc(key);
    c_.emit_const(std::move(*value));
    c_.u().loc = saved;
  }
  c_.emit(Op::BUILD_TUPLE, size);
  c_.emit(Op::MATCH_KEYS);
  pc.on_top += 2;  // the keys and the values (or None)
  c_.emit(Op::COPY, 1);
  c_.emit_none();
  c_.emit(Op::IS_OP, 1);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  c_.emit(Op::UNPACK_SEQUENCE, size);
  pc.on_top += static_cast<int>(size) - 1;
  for (uint32_t i = 0; i < size; ++i) {
    --pc.on_top;
    subpattern(p->patterns[i], pc);
  }
  pc.on_top -= 2;
  if (star) {
    // rest = dict(subject); del rest[key] for each key
    c_.emit(Op::BUILD_MAP, 0);  // [subject, keys, {}]
    c_.emit(Op::SWAP, 3);       // [{}, keys, subject]
    c_.emit(Op::DICT_UPDATE, 2);
    c_.emit(Op::UNPACK_SEQUENCE, size);
    for (uint32_t n = size; n > 0; --n) {
      c_.emit(Op::COPY, 1 + n);
      c_.emit(Op::SWAP, 2);
      c_.emit(Op::DELETE_SUBSCR);
    }
    store_name(p->rest, pc);
  } else {
    c_.emit(Op::POP_TOP);  // the keys
    c_.emit(Op::POP_TOP);  // the subject
  }
}

void PatternCompiler::or_pattern(const ast::MatchOr* p, PatternContext& pc) {
  BasicBlock* end = c_.new_block();
  PatternContext old = pc;
  std::vector<std::string> control;
  uint32_t size = p->patterns.size;
  for (uint32_t i = 0; i < size; ++i) {
    const ast::pattern* alt = p->patterns[i];
    c_.set_loc(alt);
    pc.stores.clear();
    pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    c_.emit(Op::COPY, 1);
    pattern(alt, pc);
    size_t nstores = pc.stores.size();
    if (i == 0) {
      control = pc.stores;
    } else if (nstores != control.size()) {
      c_.error("alternative patterns bind different names");
    } else if (nstores) {
      // Reorder the captures on the stack to the order of the first
      // alternative's.
      for (size_t icontrol = nstores; icontrol-- > 0;) {
        const std::string& name = control[icontrol];
        size_t istores = 0;
        while (istores < nstores && pc.stores[istores] != name) ++istores;
        if (istores == nstores) c_.error("alternative patterns bind different names");
        if (icontrol != istores) {
          size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
          pc.stores.insert(pc.stores.begin() + static_cast<long>(icontrol - istores), rotated.begin(), rotated.end());
          while (rotations--) rotate(static_cast<int>(icontrol) + 1);
        }
      }
    }
    c_.emit_jump(kJump, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = old;
  // No alternative matched: pop the copy of the subject and fail.
  c_.emit(Op::POP_TOP);
  jump_to_fail_pop(pc, kJump);
  c_.use_block(end);
  int nrots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
  for (const std::string& name : control) {
    rotate(nrots);
    for (const std::string& s : pc.stores) {
      if (s == name) c_.error("multiple assignments to name " + repr_str(name) + " in pattern");
    }
    pc.stores.push_back(name);
  }
  c_.emit(Op::POP_TOP);  // the copy of the subject
}

void PatternCompiler::sequence_pattern(const ast::MatchSequence* p, PatternContext& pc) {
  const auto& patterns = p->patterns;
  int size = static_cast<int>(patterns.size);
  int star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (int i = 0; i < size; ++i) {
    const ast::pattern* sub = patterns[static_cast<uint32_t>(i)];
    if (sub->kind == ast::Kind::MatchStar) {
      if (star >= 0) c_.error("multiple starred names in sequence pattern");
      star_wildcard = is_star_wildcard(sub);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && is_wildcard(sub);
  }
  ++pc.on_top;
  c_.emit(Op::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (star < 0) {
    c_.emit(Op::GET_LEN);
    c_.emit_const(Constant::integer(std::to_string(size)));
    c_.emit(Op::COMPARE_OP, 2);  // ==
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  } else if (!star_wildcard) {
    c_.emit(Op::GET_LEN);
    c_.emit_const(Constant::integer(std::to_string(size - 1)));
    c_.emit(Op::COMPARE_OP, 5);  // >=
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  --pc.on_top;
  if (only_wildcard) {
    c_.emit(Op::POP_TOP);
  } else if (star_wildcard) {
    sequence_subscr(patterns, star, pc);
  } else {
    sequence_unpack(patterns, pc);
  }
}

void PatternCompiler::sequence_unpack(const ast::Seq<ast::pattern*>& patterns, PatternContext& pc) {
  uint32_t n = patterns.size;
  bool seen_star = false;
  for (uint32_t i = 0; i < n; ++i) {
    const ast::pattern* elt = patterns[i];
    if (elt->kind == ast::Kind::MatchStar && !seen_star) {
      if (i >= (1u << 8) || n - i - 1 >= (1u << 16)) {
        c_.error("too many expressions in star-unpacking sequence pattern");
      }
      c_.emit(Op::UNPACK_EX, i + ((n - i - 1) << 8));
      seen_star = true;
    } else if (elt->kind == ast::Kind::MatchStar) {
      c_.error("multiple starred expressions in sequence pattern");
    }
  }
  if (!seen_star) c_.emit(Op::UNPACK_SEQUENCE, n);
  pc.on_top += static_cast<int>(n);
  for (uint32_t i = 0; i < n; ++i) {
    --pc.on_top;
    subpattern(patterns[i], pc);
  }
}

// [first, *_, last]: index the subject instead of unpacking it.
void PatternCompiler::sequence_subscr(const ast::Seq<ast::pattern*>& patterns, int star, PatternContext& pc) {
  ++pc.on_top;
  int size = static_cast<int>(patterns.size);
  for (int i = 0; i < size; ++i) {
    const ast::pattern* sub = patterns[static_cast<uint32_t>(i)];
    if (is_wildcard(sub) || i == star) continue;
    c_.emit(Op::COPY, 1);
    if (i < star) {
      c_.emit_const(Constant::integer(std::to_string(i)));
    } else {
      // The subject may not support negative indices: len(subject) - k.
      c_.emit(Op::GET_LEN);
      c_.emit_const(Constant::integer(std::to_string(size - i)));
      c_.emit(Op::BINARY_OP, binary_op_arg(ast::operator_::Sub));
    }
    c_.emit(Op::BINARY_SUBSCR);
    subpattern(sub, pc);
  }
  --pc.on_top;
  c_.emit(Op::POP_TOP);
}

}  // namespace

void Compiler::compile_match(const ast::Match* s) { PatternCompiler(*this).match(s); }

}  // namespace tern::compiler::codegen
