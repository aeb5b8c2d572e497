// The symbol table builder: CPython 3.11's Python/symtable.c (and the part of
// Python/future.c that runs before it), re-expressed over Tern's AST.
//
// Pass 1 (SymtableBuilder::visit_*) walks the tree once, opening a Block per
// namespace and recording DEF_* facts in the block being visited.  Pass 2
// (analyze_block) resolves scopes top-down, passing each child the names
// bound in enclosing functions (`bound`) and declared global (`global`), and
// collects free names bottom-up (`free`), turning a function's local into a
// cell when a child uses it freely.  The order in which CPython visits
// children and raises errors matters (the first error wins, and `children`
// and `varnames` are ordered), so the visitors follow symtable.c's order
// field by field; where that order looks odd (try: body, orelse, handlers,
// finalbody) it is deliberate.
#include "runtime/compiler/symtable.h"

#include <unordered_set>
#include <utility>

#include "runtime/compiler/code_unit.h"

namespace tern::compiler {

namespace {

struct Location {
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

Location location_of(const ast::LocatedNode* node) {
  return {.lineno = node->lineno,
          .col_offset = node->col_offset,
          .end_lineno = node->end_lineno,
          .end_col_offset = node->end_col_offset};
}

// A global or nonlocal declaration (or the implicit one a walrus in a
// comprehension makes), kept to place the errors of pass 2.
struct Directive {
  std::string name;  // mangled
  Location where;
};

using NameSet = std::unordered_set<std::string, Block::Hash, std::equal_to<>>;

// Thrown once the SyntaxError is recorded; caught by build_symtable.
struct Failed {};

std::string format_name(const char* pattern, std::string_view name) {
  // Every message has at most one %s (CPython's %U).
  std::string out;
  std::string_view text = pattern;
  size_t at = text.find("%s");
  if (at == std::string_view::npos) return std::string(text);
  out.append(text.substr(0, at));
  out.append(name);
  out.append(text.substr(at + 2));
  return out;
}

}  // namespace

int Block::flags(std::string_view name) const {
  const Symbol* symbol = find(name);
  return symbol ? symbol->flags : 0;
}

const Symbol* Block::find(std::string_view name) const {
  auto it = index.find(name);
  return it == index.end() ? nullptr : &symbols[it->second];
}

const Block* SymbolTable::lookup(const ast::Node* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

std::string mangle(std::string_view class_name, std::string_view name) {
  if (class_name.data() == nullptr || name.size() < 2 || name[0] != '_' || name[1] != '_') return std::string(name);
  if (name.ends_with("__") || name.find('.') != std::string_view::npos) return std::string(name);
  size_t strip = class_name.find_first_not_of('_');
  if (strip == std::string_view::npos) return std::string(name);  // class named "_" or "__"
  std::string out = "_";
  out.append(class_name.substr(strip));
  out.append(name);
  return out;
}

// ---------------------------------------------------------------------------
// Pass 1: collecting facts

class SymtableBuilder {
 public:
  SymtableBuilder(std::string_view filename, uint32_t future_flags) : filename_(filename), table_(new SymbolTable) {
    table_->future_.code_flags = future_flags;
  }

  SymtableResult build(const ast::Module* module) {
    SymtableResult result;
    try {
      parse_future(module);
      merge_future_flags();
      enter_block("top", BlockType::Module, module, Location{});
      for (const ast::stmt* s : module->body) visit_stmt(s);
      exit_block();
      NameSet free, global;
      analyze_block(table_->top_, nullptr, free, global);
    } catch (Failed&) {
      result.error = std::move(error_);
      return result;
    }
    result.table = std::move(table_);
    return result;
  }

 private:
  // Pass-1 state of a block on the stack, beside the Block it fills.
  struct Frame {
    Block* block;
    bool comp_iter_target = false;  // visiting a comprehension's target
    int comp_iter_expr = 0;         // > 0: inside a comprehension's iterable
  };

  // `ranged`: the error spans `where`; otherwise it has only a start, as
  // the __future__ errors have (PyErr_SyntaxLocationObject).
  [[noreturn]] void fail(std::string message, const Location& where, bool ranged = true) {
    // CPython's compiler errors count the offset in UTF-8 bytes, from 1.
    error_ = SyntaxErrorInfo{.kind = ErrorKind::SyntaxError,
                             .message = std::move(message),
                             .filename = std::string(filename_),
                             .lineno = where.lineno,
                             .offset = where.col_offset + 1,
                             .end_lineno = ranged ? where.end_lineno : where.lineno,
                             .end_offset = ranged ? where.end_col_offset + 1 : -1,
                             .text = {},
                             .location_in_attributes = true};
    throw Failed{};
  }

  Frame& cur() { return stack_.back(); }
  Block* cur_block() { return stack_.back().block; }

  // _PyFuture_FromAST: the `from __future__` imports at the top of the
  // module (after the docstring); a later one on the same line as the first
  // statement after them is an error here, any other later one is the code
  // generator's error.
  void parse_future(const ast::Module* module) {
    size_t i = 0;
    if (!module->body.empty()) {
      const auto* expr = ast::as<ast::Expr>(module->body[0]);
      const auto* constant = expr ? ast::as<ast::Constant>(expr->value) : nullptr;
      if (constant && constant->value.type == ast::ConstantValue::Type::Str) i = 1;
    }
    bool done = false;
    int prev_line = 0;
    for (; i < module->body.size; i++) {
      const ast::stmt* s = module->body[i];
      if (done && s->lineno > prev_line) return;
      prev_line = s->lineno;
      const auto* from = ast::as<ast::ImportFrom>(s);
      if (from == nullptr || from->module != "__future__") {
        done = true;
        continue;
      }
      if (done) {
        // The one error CPython places at col_offset, not col_offset + 1.
        Location where = location_of(s);
        where.col_offset--;
        where.end_col_offset--;
        fail("from __future__ imports must occur at the beginning of the file", where, false);
      }
      for (const ast::alias* alias : from->names) {
        std::string_view feature = alias->name;
        if (feature == "annotations") {
          table_->future_.annotations = true;
        } else if (feature == "barry_as_FLUFL") {
          table_->future_.barry_as_flufl = true;
        } else if (feature == "braces") {
          fail("not a chance", location_of(s), false);
        } else if (feature != "nested_scopes" && feature != "generators" && feature != "division" &&
                   feature != "absolute_import" && feature != "with_statement" && feature != "print_function" &&
                   feature != "unicode_literals" && feature != "generator_stop") {
          fail(format_name("future feature %s is not defined", feature), location_of(s), false);
        }
      }
      table_->future_.lineno = s->lineno;
    }
  }

  // Once the imports are read: the features and their co_flags bits agree.
  void merge_future_flags() {
    FutureFeatures& f = table_->future_;
    if (f.code_flags & CO_FUTURE_ANNOTATIONS) f.annotations = true;
    if (f.code_flags & CO_FUTURE_BARRY_AS_BDFL) f.barry_as_flufl = true;
    if (f.annotations) f.code_flags |= CO_FUTURE_ANNOTATIONS;
    if (f.barry_as_flufl) f.code_flags |= CO_FUTURE_BARRY_AS_BDFL;
  }

  void enter_block(std::string_view name, BlockType type, const ast::Node* node, const Location& where) {
    auto owned = std::make_unique<Block>();
    Block* block = owned.get();
    table_->blocks_.push_back(std::move(owned));
    block->type = type;
    block->name = std::string(name);
    block->node = node;
    block->lineno = where.lineno;
    block->col_offset = where.col_offset;
    block->end_lineno = where.end_lineno;
    block->end_col_offset = where.end_col_offset;
    Frame frame{.block = block};
    if (!stack_.empty()) {
      Block* parent = cur_block();
      block->nested = parent->nested || parent->type == BlockType::Function;
      // bpo-37757: no walrus anywhere below a comprehension's first iterable.
      frame.comp_iter_expr = cur().comp_iter_expr;
    }
    stack_.push_back(frame);
    // An annotation block only hides what it contains: it is not a child,
    // and the node keeps the block of its function.
    if (type == BlockType::Annotation) return;
    if (type == BlockType::Module) table_->top_ = block;
    if (stack_.size() > 1) stack_[stack_.size() - 2].block->children.push_back(block);
    table_->by_node_[node] = block;
  }

  void exit_block() { stack_.pop_back(); }

  void add_def(std::string_view name, int flag, const Location& where) {
    add_def_to(stack_.size() - 1, name, flag, where);
  }

  // symtable_add_def_helper, into the block at stack_[depth].
  void add_def_to(size_t depth, std::string_view name, int flag, const Location& where) {
    Frame& frame = stack_[depth];
    Block* block = frame.block;
    std::string mangled = mangle(private_, name);
    auto it = block->index.find(mangled);
    int value = flag;
    if (it != block->index.end()) {
      value = block->symbols[it->second].flags;
      if ((flag & kDefParam) && (value & kDefParam)) {
        fail(format_name("duplicate argument '%s' in function definition", name), where);
      }
      value |= flag;
    }
    if (frame.comp_iter_target) {
      if (value & (kDefGlobal | kDefNonlocal)) {
        fail(format_name("comprehension inner loop cannot rebind assignment expression target '%s'", name), where);
      }
      value |= kDefCompIter;
    }
    set_flags(block, mangled, value);
    if (flag & kDefParam) {
      block->varnames.push_back(mangled);
    } else if (flag & kDefGlobal) {
      Block* top = table_->top_;
      set_flags(top, mangled, flag | top->flags(mangled));
    }
  }

  static void set_flags(Block* block, const std::string& name, int flags) {
    auto it = block->index.find(name);
    if (it != block->index.end()) {
      block->symbols[it->second].flags = flags;
      return;
    }
    block->index.emplace(name, static_cast<uint32_t>(block->symbols.size()));
    block->symbols.push_back(Symbol{.name = name, .flags = flags});
  }

  int lookup(std::string_view name) { return cur_block()->flags(mangle(private_, name)); }

  void record_directive(std::string_view name, const Location& where) {
    directives_[cur_block()].push_back(Directive{.name = mangle(private_, name), .where = where});
  }

  // ---- statements

  void visit_body(const ast::Seq<ast::stmt*>& body) {
    for (const ast::stmt* s : body) visit_stmt(s);
  }
  void visit_exprs(const ast::Seq<ast::expr*>& exprs) {
    for (const ast::expr* e : exprs) {
      if (e != nullptr) visit_expr(e);  // Dict keys and kw_defaults hold None
    }
  }

  template <class Def>
  void visit_function(const Def* s, bool is_async) {
    add_def(s->name, kDefLocal, location_of(s));
    visit_exprs(s->args->defaults);
    visit_exprs(s->args->kw_defaults);
    visit_annotations(s, s->args, s->returns);
    visit_exprs(s->decorator_list);
    enter_block(s->name, BlockType::Function, s, location_of(s));
    if (is_async) cur_block()->coroutine = true;
    visit_arguments(s->args);
    visit_body(s->body);
    exit_block();
  }

  void visit_global_or_nonlocal(const ast::stmt* s, const ast::Seq<std::string_view>& names, bool is_global) {
    for (std::string_view name : names) {
      int current = lookup(name);
      if (current & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
        const char* message;
        if (current & kDefParam) {
          message = is_global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
        } else if (current & kUse) {
          message = is_global ? "name '%s' is used prior to global declaration"
                              : "name '%s' is used prior to nonlocal declaration";
        } else if (current & kDefAnnot) {
          message = is_global ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
        } else {
          message = is_global ? "name '%s' is assigned to before global declaration"
                              : "name '%s' is assigned to before nonlocal declaration";
        }
        fail(format_name(message, name), location_of(s));
      }
      add_def(name, is_global ? kDefGlobal : kDefNonlocal, location_of(s));
      record_directive(name, location_of(s));
    }
  }

  void visit_stmt(const ast::stmt* s) {
    using ast::Kind;
    switch (s->kind) {
      case Kind::FunctionDef:
        visit_function(static_cast<const ast::FunctionDef*>(s), false);
        break;
      case Kind::AsyncFunctionDef:
        visit_function(static_cast<const ast::AsyncFunctionDef*>(s), true);
        break;
      case Kind::ClassDef: {
        const auto* c = static_cast<const ast::ClassDef*>(s);
        add_def(c->name, kDefLocal, location_of(s));
        visit_exprs(c->bases);
        for (const ast::keyword* k : c->keywords) visit_expr(k->value);
        visit_exprs(c->decorator_list);
        enter_block(c->name, BlockType::Class, s, location_of(s));
        std::string_view saved = std::exchange(private_, c->name);
        visit_body(c->body);
        private_ = saved;
        exit_block();
        break;
      }
      case Kind::Return: {
        const auto* r = static_cast<const ast::Return*>(s);
        if (r->value) {
          visit_expr(r->value);
          cur_block()->returns_value = true;
        }
        break;
      }
      case Kind::Delete:
        visit_exprs(static_cast<const ast::Delete*>(s)->targets);
        break;
      case Kind::Assign: {
        const auto* a = static_cast<const ast::Assign*>(s);
        visit_exprs(a->targets);
        visit_expr(a->value);
        break;
      }
      case Kind::AnnAssign:
        visit_ann_assign(static_cast<const ast::AnnAssign*>(s));
        break;
      case Kind::AugAssign: {
        const auto* a = static_cast<const ast::AugAssign*>(s);
        visit_expr(a->target);
        visit_expr(a->value);
        break;
      }
      case Kind::For:
      case Kind::AsyncFor: {
        // For and AsyncFor share their layout but not their type.
        const auto* f = s->kind == Kind::For ? static_cast<const ast::For*>(s) : nullptr;
        const auto* af = f ? nullptr : static_cast<const ast::AsyncFor*>(s);
        visit_expr(f ? f->target : af->target);
        visit_expr(f ? f->iter : af->iter);
        visit_body(f ? f->body : af->body);
        visit_body(f ? f->orelse : af->orelse);
        break;
      }
      case Kind::While: {
        const auto* w = static_cast<const ast::While*>(s);
        visit_expr(w->test);
        visit_body(w->body);
        visit_body(w->orelse);
        break;
      }
      case Kind::If: {
        const auto* i = static_cast<const ast::If*>(s);
        visit_expr(i->test);
        visit_body(i->body);
        visit_body(i->orelse);
        break;
      }
      case Kind::Match: {
        const auto* m = static_cast<const ast::Match*>(s);
        visit_expr(m->subject);
        for (const ast::match_case* c : m->cases) {
          visit_pattern(c->pattern);
          if (c->guard) visit_expr(c->guard);
          visit_body(c->body);
        }
        break;
      }
      case Kind::Raise: {
        const auto* r = static_cast<const ast::Raise*>(s);
        if (r->exc) {
          visit_expr(r->exc);
          if (r->cause) visit_expr(r->cause);
        }
        break;
      }
      case Kind::Try: {
        const auto* t = static_cast<const ast::Try*>(s);
        visit_try(t->body, t->orelse, t->handlers, t->finalbody);
        break;
      }
      case Kind::TryStar: {
        const auto* t = static_cast<const ast::TryStar*>(s);
        visit_try(t->body, t->orelse, t->handlers, t->finalbody);
        break;
      }
      case Kind::Assert: {
        const auto* a = static_cast<const ast::Assert*>(s);
        visit_expr(a->test);
        if (a->msg) visit_expr(a->msg);
        break;
      }
      case Kind::Import:
        for (const ast::alias* a : static_cast<const ast::Import*>(s)->names) visit_alias(a);
        break;
      case Kind::ImportFrom:
        for (const ast::alias* a : static_cast<const ast::ImportFrom*>(s)->names) visit_alias(a);
        break;
      case Kind::Global:
        visit_global_or_nonlocal(s, static_cast<const ast::Global*>(s)->names, true);
        break;
      case Kind::Nonlocal:
        visit_global_or_nonlocal(s, static_cast<const ast::Nonlocal*>(s)->names, false);
        break;
      case Kind::Expr:
        visit_expr(static_cast<const ast::Expr*>(s)->value);
        break;
      case Kind::With:
      case Kind::AsyncWith: {
        const auto* w = s->kind == Kind::With ? static_cast<const ast::With*>(s) : nullptr;
        const auto* aw = w ? nullptr : static_cast<const ast::AsyncWith*>(s);
        for (const ast::withitem* item : w ? w->items : aw->items) {
          visit_expr(item->context_expr);
          if (item->optional_vars) visit_expr(item->optional_vars);
        }
        visit_body(w ? w->body : aw->body);
        break;
      }
      default:  // Pass, Break, Continue
        break;
    }
  }

  void visit_ann_assign(const ast::AnnAssign* s) {
    if (const auto* target = ast::as<ast::Name>(s->target)) {
      int current = lookup(target->id);
      if ((current & (kDefGlobal | kDefNonlocal)) && cur_block() != table_->top_ && s->simple) {
        const char* message =
            (current & kDefGlobal) ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
        fail(format_name(message, target->id), location_of(s));
      }
      if (s->simple) add_def(target->id, kDefAnnot | kDefLocal, location_of(target));
      if (s->value) add_def(target->id, kDefLocal, location_of(target));
    } else {
      visit_expr(s->target);
    }
    visit_annotation(s->annotation);
    if (s->value) visit_expr(s->value);
  }

  void visit_try(const ast::Seq<ast::stmt*>& body, const ast::Seq<ast::stmt*>& orelse,
                 const ast::Seq<ast::excepthandler*>& handlers, const ast::Seq<ast::stmt*>& finalbody) {
    visit_body(body);
    visit_body(orelse);
    for (const ast::excepthandler* h : handlers) {
      const auto* handler = static_cast<const ast::ExceptHandler*>(h);
      if (handler->type) visit_expr(handler->type);
      if (handler->name.data() != nullptr) add_def(handler->name, kDefLocal, location_of(handler));
      visit_body(handler->body);
    }
    visit_body(finalbody);
  }

  void visit_alias(const ast::alias* a) {
    std::string_view name = a->asname.data() != nullptr ? a->asname : a->name;
    if (name == "*") {
      if (cur_block()->type != BlockType::Module) fail("import * only allowed at module level", location_of(a));
      return;
    }
    // `import a.b` binds `a`.
    add_def(name.substr(0, name.find('.')), kDefImport, location_of(a));
  }

  // ---- parameters and annotations

  void visit_arguments(const ast::arguments* a) {
    for (const ast::arg* p : a->posonlyargs) add_def(p->arg_, kDefParam, location_of(p));
    for (const ast::arg* p : a->args) add_def(p->arg_, kDefParam, location_of(p));
    for (const ast::arg* p : a->kwonlyargs) add_def(p->arg_, kDefParam, location_of(p));
    if (a->vararg) {
      add_def(a->vararg->arg_, kDefParam, location_of(a->vararg));
      cur_block()->varargs = true;
    }
    if (a->kwarg) {
      add_def(a->kwarg->arg_, kDefParam, location_of(a->kwarg));
      cur_block()->varkeywords = true;
    }
  }

  // Under `from __future__ import annotations` an annotation is only a
  // string: its names go to a throw-away block.
  void visit_annotation(const ast::expr* annotation) {
    bool hide = table_->future_.annotations;
    if (hide) enter_block("_annotation", BlockType::Annotation, annotation, location_of(annotation));
    visit_expr(annotation);
    if (hide) exit_block();
  }

  void visit_annotations(const ast::stmt* def, const ast::arguments* a, const ast::expr* returns) {
    bool hide = table_->future_.annotations;
    if (hide) enter_block("_annotation", BlockType::Annotation, def, location_of(def));
    auto visit_all = [this](const ast::Seq<ast::arg*>& params) {
      for (const ast::arg* p : params) {
        if (p->annotation) visit_expr(p->annotation);
      }
    };
    visit_all(a->posonlyargs);
    visit_all(a->args);
    if (a->vararg && a->vararg->annotation) visit_expr(a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) visit_expr(a->kwarg->annotation);
    visit_all(a->kwonlyargs);
    if (hide) exit_block();
    if (returns) visit_annotation(returns);
  }

  void forbid_in_annotation(const char* what, const ast::expr* e) {
    if (cur_block()->type == BlockType::Annotation) {
      fail(format_name("'%s' can not be used within an annotation", what), location_of(e));
    }
  }

  // ---- expressions

  void visit_expr(const ast::expr* e) {
    using ast::Kind;
    switch (e->kind) {
      case Kind::NamedExpr:
        forbid_in_annotation("named expression", e);
        visit_named_expr(static_cast<const ast::NamedExpr*>(e));
        break;
      case Kind::BoolOp:
        visit_exprs(static_cast<const ast::BoolOp*>(e)->values);
        break;
      case Kind::BinOp: {
        const auto* b = static_cast<const ast::BinOp*>(e);
        visit_expr(b->left);
        visit_expr(b->right);
        break;
      }
      case Kind::UnaryOp:
        visit_expr(static_cast<const ast::UnaryOp*>(e)->operand);
        break;
      case Kind::Lambda: {
        const auto* l = static_cast<const ast::Lambda*>(e);
        visit_exprs(l->args->defaults);
        visit_exprs(l->args->kw_defaults);
        enter_block("lambda", BlockType::Function, e, location_of(e));
        visit_arguments(l->args);
        visit_expr(l->body);
        exit_block();
        break;
      }
      case Kind::IfExp: {
        const auto* i = static_cast<const ast::IfExp*>(e);
        visit_expr(i->test);
        visit_expr(i->body);
        visit_expr(i->orelse);
        break;
      }
      case Kind::Dict: {
        const auto* d = static_cast<const ast::Dict*>(e);
        visit_exprs(d->keys);
        visit_exprs(d->values);
        break;
      }
      case Kind::Set:
        visit_exprs(static_cast<const ast::Set*>(e)->elts);
        break;
      case Kind::GeneratorExp: {
        const auto* g = static_cast<const ast::GeneratorExp*>(e);
        visit_comprehension(e, "genexpr", ComprehensionType::Generator, g->generators, g->elt, nullptr);
        break;
      }
      case Kind::ListComp: {
        const auto* l = static_cast<const ast::ListComp*>(e);
        visit_comprehension(e, "listcomp", ComprehensionType::List, l->generators, l->elt, nullptr);
        break;
      }
      case Kind::SetComp: {
        const auto* c = static_cast<const ast::SetComp*>(e);
        visit_comprehension(e, "setcomp", ComprehensionType::Set, c->generators, c->elt, nullptr);
        break;
      }
      case Kind::DictComp: {
        const auto* d = static_cast<const ast::DictComp*>(e);
        visit_comprehension(e, "dictcomp", ComprehensionType::Dict, d->generators, d->key, d->value);
        break;
      }
      case Kind::Yield:
      case Kind::YieldFrom: {
        forbid_in_annotation("yield expression", e);
        const ast::expr* value = e->kind == Kind::Yield ? static_cast<const ast::Yield*>(e)->value
                                                        : static_cast<const ast::YieldFrom*>(e)->value;
        if (value) visit_expr(value);
        cur_block()->generator = true;
        if (cur_block()->comprehension != ComprehensionType::None) forbid_yield_in_comprehension(e);
        break;
      }
      case Kind::Await:
        forbid_in_annotation("await expression", e);
        visit_expr(static_cast<const ast::Await*>(e)->value);
        cur_block()->coroutine = true;
        break;
      case Kind::Compare: {
        const auto* c = static_cast<const ast::Compare*>(e);
        visit_expr(c->left);
        visit_exprs(c->comparators);
        break;
      }
      case Kind::Call: {
        const auto* c = static_cast<const ast::Call*>(e);
        visit_expr(c->func);
        visit_exprs(c->args);
        for (const ast::keyword* k : c->keywords) visit_expr(k->value);
        break;
      }
      case Kind::FormattedValue: {
        const auto* f = static_cast<const ast::FormattedValue*>(e);
        visit_expr(f->value);
        if (f->format_spec) visit_expr(f->format_spec);
        break;
      }
      case Kind::JoinedStr:
        visit_exprs(static_cast<const ast::JoinedStr*>(e)->values);
        break;
      case Kind::Attribute:
        visit_expr(static_cast<const ast::Attribute*>(e)->value);
        break;
      case Kind::Subscript: {
        const auto* s = static_cast<const ast::Subscript*>(e);
        visit_expr(s->value);
        visit_expr(s->slice);
        break;
      }
      case Kind::Starred:
        visit_expr(static_cast<const ast::Starred*>(e)->value);
        break;
      case Kind::Slice: {
        const auto* s = static_cast<const ast::Slice*>(e);
        if (s->lower) visit_expr(s->lower);
        if (s->upper) visit_expr(s->upper);
        if (s->step) visit_expr(s->step);
        break;
      }
      case Kind::Name: {
        const auto* n = static_cast<const ast::Name*>(e);
        bool load = n->ctx == ast::expr_context::Load;
        add_def(n->id, load ? kUse : kDefLocal, location_of(e));
        // super() needs the __class__ cell of the enclosing class.
        if (load && cur_block()->type == BlockType::Function && n->id == "super") {
          add_def("__class__", kUse, location_of(e));
        }
        break;
      }
      case Kind::List:
        visit_exprs(static_cast<const ast::List*>(e)->elts);
        break;
      case Kind::Tuple:
        visit_exprs(static_cast<const ast::Tuple*>(e)->elts);
        break;
      default:  // Constant
        break;
    }
  }

  void forbid_yield_in_comprehension(const ast::expr* e) {
    const char* message = "'yield' inside generator expression";
    switch (cur_block()->comprehension) {
      case ComprehensionType::List:
        message = "'yield' inside list comprehension";
        break;
      case ComprehensionType::Set:
        message = "'yield' inside set comprehension";
        break;
      case ComprehensionType::Dict:
        message = "'yield' inside dict comprehension";
        break;
      default:
        break;
    }
    fail(message, location_of(e));
  }

  void visit_named_expr(const ast::NamedExpr* e) {
    if (cur().comp_iter_expr > 0) {
      fail("assignment expression cannot be used in a comprehension iterable expression", location_of(e));
    }
    if (cur_block()->comprehension != ComprehensionType::None) {
      extend_named_expr_scope(static_cast<const ast::Name*>(e->target));
    }
    visit_expr(e->value);
    visit_expr(e->target);
  }

  // PEP 572: a walrus in a comprehension binds in the nearest enclosing
  // function or module, as if declared nonlocal (or global) in the
  // comprehension.  Like CPython, the lookups here use the unmangled name.
  void extend_named_expr_scope(const ast::Name* target) {
    std::string_view name = target->id;
    Location where = location_of(target);
    for (size_t depth = stack_.size(); depth-- > 0;) {
      Block* block = stack_[depth].block;
      if (block->comprehension != ComprehensionType::None) {
        if (block->flags(name) & kDefCompIter) {
          fail(format_name("assignment expression cannot rebind comprehension iteration variable '%s'", name), where);
        }
        continue;
      }
      if (block->type == BlockType::Function) {
        add_def(name, (block->flags(name) & kDefGlobal) ? kDefGlobal : kDefNonlocal, where);
        record_directive(name, where);
        add_def_to(depth, name, kDefLocal, where);
        return;
      }
      if (block->type == BlockType::Module) {
        add_def(name, kDefGlobal, where);
        record_directive(name, where);
        add_def_to(depth, name, kDefGlobal, where);
        return;
      }
      if (block->type == BlockType::Class) {
        fail("assignment expression within a comprehension cannot be used in a class body", where);
      }
    }
  }

  void visit_comprehension(const ast::expr* e, std::string_view name, ComprehensionType type,
                           const ast::Seq<ast::comprehension*>& generators, const ast::expr* elt,
                           const ast::expr* value) {
    bool is_generator = type == ComprehensionType::Generator;
    const ast::comprehension* outermost = generators[0];
    // The first iterable is evaluated in the enclosing scope and passed in
    // as the parameter `.0`.
    cur().comp_iter_expr++;
    visit_expr(outermost->iter);
    cur().comp_iter_expr--;
    enter_block(name, BlockType::Function, e, location_of(e));
    Block* block = cur_block();
    block->comprehension = type;
    if (outermost->is_async) block->coroutine = true;
    add_def(".0", kDefParam,
            Location{.lineno = block->lineno,
                     .col_offset = block->col_offset,
                     .end_lineno = block->end_lineno,
                     .end_col_offset = block->end_col_offset});
    cur().comp_iter_target = true;
    visit_expr(outermost->target);
    cur().comp_iter_target = false;
    visit_exprs(outermost->ifs);
    for (size_t i = 1; i < generators.size; i++) {
      const ast::comprehension* g = generators[i];
      cur().comp_iter_target = true;
      visit_expr(g->target);
      cur().comp_iter_target = false;
      cur().comp_iter_expr++;
      visit_expr(g->iter);
      cur().comp_iter_expr--;
      visit_exprs(g->ifs);
      if (g->is_async) block->coroutine = true;
    }
    if (value) visit_expr(value);
    visit_expr(elt);
    block->generator = is_generator;
    bool is_async = block->coroutine && !is_generator;
    exit_block();
    // An async list/set/dict comprehension makes its enclosing block a coroutine.
    if (is_async) cur_block()->coroutine = true;
  }

  // ---- patterns

  void visit_pattern(const ast::pattern* p) {
    using ast::Kind;
    switch (p->kind) {
      case Kind::MatchValue:
        visit_expr(static_cast<const ast::MatchValue*>(p)->value);
        break;
      case Kind::MatchSequence:
        for (const ast::pattern* q : static_cast<const ast::MatchSequence*>(p)->patterns) visit_pattern(q);
        break;
      case Kind::MatchStar: {
        const auto* m = static_cast<const ast::MatchStar*>(p);
        if (m->name.data() != nullptr) add_def(m->name, kDefLocal, location_of(p));
        break;
      }
      case Kind::MatchMapping: {
        const auto* m = static_cast<const ast::MatchMapping*>(p);
        visit_exprs(m->keys);
        for (const ast::pattern* q : m->patterns) visit_pattern(q);
        if (m->rest.data() != nullptr) add_def(m->rest, kDefLocal, location_of(p));
        break;
      }
      case Kind::MatchClass: {
        const auto* m = static_cast<const ast::MatchClass*>(p);
        visit_expr(m->cls);
        for (const ast::pattern* q : m->patterns) visit_pattern(q);
        for (const ast::pattern* q : m->kwd_patterns) visit_pattern(q);
        break;
      }
      case Kind::MatchAs: {
        const auto* m = static_cast<const ast::MatchAs*>(p);
        if (m->pattern) visit_pattern(m->pattern);
        if (m->name.data() != nullptr) add_def(m->name, kDefLocal, location_of(p));
        break;
      }
      case Kind::MatchOr:
        for (const ast::pattern* q : static_cast<const ast::MatchOr*>(p)->patterns) visit_pattern(q);
        break;
      default:  // MatchSingleton
        break;
    }
  }

  // -------------------------------------------------------------------------
  // Pass 2: resolving scopes
  //
  // analyze_block(block, bound, free, global):
  //   bound   names bound in enclosing function blocks (null for the module);
  //   global  names declared global in enclosing blocks;
  //   free    out: names free in this block or below and not bound here.
  // bound and global are the caller's copies: analyze_name edits them.

  [[noreturn]] void fail_at_directive(const Block* block, std::string message, const std::string& name) {
    for (const Directive& d : directives_[block]) {
      if (d.name == name) fail(std::move(message), d.where);
    }
    fail(std::move(message), Location{});  // unreachable: every declaration is recorded
  }

  void analyze_name(Block* block, std::vector<Scope>& scopes, size_t i, NameSet* bound, NameSet& local, NameSet& free,
                    NameSet& global) {
    const std::string& name = block->symbols[i].name;
    int flags = block->symbols[i].flags;
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) fail_at_directive(block, format_name("name '%s' is nonlocal and global", name), name);
      scopes[i] = Scope::GlobalExplicit;
      global.insert(name);
      if (bound) bound->erase(name);
      return;
    }
    if (flags & kDefNonlocal) {
      if (bound == nullptr) fail_at_directive(block, "nonlocal declaration not allowed at module level", name);
      if (!bound->contains(name))
        fail_at_directive(block, format_name("no binding for nonlocal '%s' found", name), name);
      scopes[i] = Scope::Free;
      block->has_free = true;
      free.insert(name);
      return;
    }
    if (flags & kDefBound) {
      scopes[i] = Scope::Local;
      local.insert(name);
      global.erase(name);
      return;
    }
    if (bound && bound->contains(name)) {
      scopes[i] = Scope::Free;
      block->has_free = true;
      free.insert(name);
      return;
    }
    if (!global.contains(name) && block->nested) block->has_free = true;
    scopes[i] = Scope::GlobalImplicit;
  }

  void analyze_block(Block* block, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local, new_global, new_free, new_bound;
    std::vector<Scope> scopes(block->symbols.size(), Scope::Unknown);
    bool is_class = block->type == BlockType::Class;
    // A class body's own names are invisible to its methods: what they see
    // is what the class saw, fixed before its names are analysed.
    if (is_class) {
      new_global = global;
      if (bound) new_bound = *bound;
    }
    for (size_t i = 0; i < block->symbols.size(); i++) analyze_name(block, scopes, i, bound, local, free, global);
    if (!is_class) {
      if (block->type == BlockType::Function) new_bound.insert(local.begin(), local.end());
      if (bound) new_bound.insert(bound->begin(), bound->end());
      new_global.insert(global.begin(), global.end());
    } else {
      new_bound.insert("__class__");
    }

    NameSet all_free;
    for (Block* child : block->children) {
      NameSet child_bound = new_bound, child_free = new_free, child_global = new_global;
      analyze_block(child, &child_bound, child_free, child_global);
      all_free.insert(child_free.begin(), child_free.end());
      if (child->has_free || child->child_free) block->child_free = true;
    }
    new_free.insert(all_free.begin(), all_free.end());

    if (block->type == BlockType::Function) {
      // A local some child uses freely lives in a cell.
      for (size_t i = 0; i < scopes.size(); i++) {
        if (scopes[i] == Scope::Local && new_free.erase(block->symbols[i].name)) scopes[i] = Scope::Cell;
      }
    } else if (is_class) {
      if (new_free.erase("__class__")) block->needs_class_closure = true;
    }

    // Record the scopes, then the names children left free.
    size_t own = block->symbols.size();
    for (size_t i = 0; i < own; i++) block->symbols[i].flags |= static_cast<int>(scopes[i]) << kScopeOffset;
    for (const std::string& name : new_free) {
      auto it = block->index.find(name);
      if (it != block->index.end()) {
        // A method's free name that the class itself binds or declares global.
        Symbol& symbol = block->symbols[it->second];
        if (is_class && (symbol.flags & (kDefBound | kDefGlobal))) symbol.flags |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->contains(name)) continue;  // a global
      set_flags(block, name, static_cast<int>(Scope::Free) << kScopeOffset);
    }
    free.insert(new_free.begin(), new_free.end());
  }

  std::string_view filename_;
  std::unique_ptr<SymbolTable> table_;
  std::vector<Frame> stack_;
  std::string_view private_;  // the class whose body is being visited; data() == nullptr outside classes
  std::unordered_map<const Block*, std::vector<Directive>> directives_;
  SyntaxErrorInfo error_;
};

SymtableResult build_symtable(const ast::Module* module, std::string_view filename, uint32_t future_flags) {
  return SymtableBuilder(filename, future_flags & kFutureFlagsMask).build(module);
}

}  // namespace tern::compiler
