// The symbol table's C++ interface: scopes as the code generator asks for
// them (node -> block, name -> scope), mangling, and the errors.  Whole-file
// agreement with CPython's flags is tools/compare-symtable's job.
#include "runtime/compiler/symtable.h"

#include <gtest/gtest.h>

#include <string>

namespace tern::compiler {
namespace {

using namespace ast;

// Keeps the tree alive as long as the table that points into it.
struct Built {
  ParseResult parsed;
  SymtableResult symtable;
};

Built build(const std::string& source) {
  Built b{.parsed = parse_module(source, "/some/dir/t.py"), .symtable = {}};
  EXPECT_TRUE(b.parsed.ok()) << (b.parsed.error ? b.parsed.error->message : "");
  if (b.parsed.ok()) b.symtable = build_symtable(b.parsed.module, "/some/dir/t.py");
  return b;
}

SyntaxErrorInfo error_of(const std::string& source) {
  Built b = build(source);
  EXPECT_FALSE(b.symtable.ok());
  return b.symtable.error.value_or(SyntaxErrorInfo{});
}

TEST(Symtable, ModuleAndFunctionScopes) {
  Built b = build("x = 1\ndef f(a, *args, k, **kw):\n    global x\n    y = a\n    return len(y)\n");
  ASSERT_TRUE(b.symtable.ok());
  const Block* top = b.symtable.table->top();
  EXPECT_EQ(top->type, BlockType::Module);
  EXPECT_EQ(top->name, "top");
  // `global x` in f marks the module's x DEF_GLOBAL too, which makes it
  // GLOBAL_EXPLICIT there, as in CPython.
  EXPECT_EQ(top->scope("x"), Scope::GlobalExplicit);
  EXPECT_EQ(top->flags("x"), kDefGlobal | kDefLocal | (int(Scope::GlobalExplicit) << kScopeOffset));
  ASSERT_EQ(top->children.size(), 1u);

  const Block* f = b.symtable.table->lookup(b.parsed.module->body[1]);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f, top->children[0]);
  EXPECT_EQ(f->type, BlockType::Function);
  EXPECT_FALSE(f->nested);
  EXPECT_EQ(f->scope("x"), Scope::GlobalExplicit);
  EXPECT_EQ(f->scope("len"), Scope::GlobalImplicit);
  EXPECT_EQ(f->scope("y"), Scope::Local);
  EXPECT_EQ(f->scope("absent"), Scope::Unknown);
  EXPECT_EQ(f->varnames, (std::vector<std::string>{"a", "k", "args", "kw"}));
  EXPECT_TRUE(f->varargs);
  EXPECT_TRUE(f->varkeywords);
  EXPECT_TRUE(f->returns_value);
  EXPECT_EQ(b.symtable.table->lookup(b.parsed.module->body[0]), nullptr);
}

TEST(Symtable, CellsAndFreeVariables) {
  Built b = build("def f():\n    v = 1\n    def g():\n        nonlocal v\n        return w\n    return g\n");
  ASSERT_TRUE(b.symtable.ok());
  const Block* f = b.symtable.table->top()->children[0];
  const Block* g = f->children[0];
  EXPECT_EQ(f->scope("v"), Scope::Cell);
  EXPECT_EQ(g->scope("v"), Scope::Free);
  EXPECT_EQ(g->scope("w"), Scope::GlobalImplicit);
  EXPECT_TRUE(g->nested);
  EXPECT_TRUE(g->has_free);
  EXPECT_TRUE(f->child_free);
}

TEST(Symtable, ClassCellForSuper) {
  Built b = build("class C:\n    x = 1\n    def m(self):\n        return super().m(), x\n");
  ASSERT_TRUE(b.symtable.ok());
  const Block* c = b.symtable.table->top()->children[0];
  const Block* m = c->children[0];
  EXPECT_EQ(c->type, BlockType::Class);
  EXPECT_TRUE(c->needs_class_closure);
  EXPECT_EQ(m->scope("__class__"), Scope::Free);
  EXPECT_EQ(m->scope("x"), Scope::GlobalImplicit);  // class bodies do not enclose methods
  EXPECT_EQ(c->find("__class__"), nullptr);
}

TEST(Symtable, Comprehensions) {
  Built b = build("def f(xs):\n    return [t := y for y in xs], (z async for z in xs)\n");
  ASSERT_TRUE(b.symtable.ok());
  const Block* f = b.symtable.table->top()->children[0];
  ASSERT_EQ(f->children.size(), 2u);
  const Block* list = f->children[0];
  const Block* gen = f->children[1];
  EXPECT_EQ(list->name, "listcomp");
  EXPECT_EQ(list->comprehension, ComprehensionType::List);
  EXPECT_EQ(list->varnames, std::vector<std::string>{".0"});
  EXPECT_TRUE(list->flags("y") & kDefCompIter);
  EXPECT_EQ(list->scope("t"), Scope::Free);  // the walrus binds in f
  EXPECT_EQ(f->scope("t"), Scope::Cell);
  EXPECT_EQ(f->scope("xs"), Scope::Local);  // the first iterable is f's
  EXPECT_EQ(gen->name, "genexpr");
  EXPECT_TRUE(gen->generator);
  EXPECT_TRUE(gen->coroutine);
  EXPECT_FALSE(f->coroutine);  // an async genexpr does not make f async
}

TEST(Symtable, Mangling) {
  EXPECT_EQ(mangle("C", "__x"), "_C__x");
  EXPECT_EQ(mangle("__C", "__x"), "_C__x");
  EXPECT_EQ(mangle("C", "__x__"), "__x__");
  EXPECT_EQ(mangle("C", "_x"), "_x");
  EXPECT_EQ(mangle("C", "__a.b"), "__a.b");
  EXPECT_EQ(mangle("___", "__x"), "__x");
  EXPECT_EQ(mangle({}, "__x"), "__x");
  Built b = build("class _K:\n    __a = 1\n    def m(self, __p): return __p\n");
  ASSERT_TRUE(b.symtable.ok());
  const Block* k = b.symtable.table->top()->children[0];
  EXPECT_EQ(k->scope("_K__a"), Scope::Local);
  EXPECT_EQ(k->children[0]->varnames, (std::vector<std::string>{"self", "_K__p"}));
}

TEST(Symtable, FutureAnnotationsHideAnnotationNames) {
  Built b = build("from __future__ import annotations\ndef f(a: Hidden) -> Also: pass\nx: Nor = 1\n");
  ASSERT_TRUE(b.symtable.ok());
  EXPECT_TRUE(b.symtable.table->future().annotations);
  EXPECT_EQ(b.symtable.table->future().lineno, 1);
  const Block* top = b.symtable.table->top();
  EXPECT_EQ(top->find("Hidden"), nullptr);
  EXPECT_EQ(top->find("Also"), nullptr);
  EXPECT_EQ(top->find("Nor"), nullptr);
  EXPECT_EQ(top->children.size(), 1u);
}

TEST(Symtable, Errors) {
  SyntaxErrorInfo e = error_of("def f():\n    x = 1\n    global x\n");
  EXPECT_EQ(e.message, "name 'x' is assigned to before global declaration");
  EXPECT_EQ(e.lineno, 3);
  EXPECT_EQ(e.offset, 5);
  EXPECT_EQ(e.filename, "/some/dir/t.py");

  e = error_of("def f():\n    def g():\n        nonlocal q\n");
  EXPECT_EQ(e.message, "no binding for nonlocal 'q' found");
  EXPECT_EQ(e.lineno, 3);
  EXPECT_EQ(e.offset, 9);

  e = error_of("def f(a, a): pass\n");
  EXPECT_EQ(e.message, "duplicate argument 'a' in function definition");
  EXPECT_EQ(e.offset, 10);

  e = error_of("[(yield) for x in y]\n");
  EXPECT_EQ(e.message, "'yield' inside list comprehension");

  e = error_of("from __future__ import nope\n");
  EXPECT_EQ(e.message, "future feature nope is not defined");

  // Offsets count UTF-8 bytes, as CPython's compiler errors do.
  e = error_of("def f():\n    \xc3\xa9 = 1; global \xc3\xa9\n");
  EXPECT_EQ(e.offset, 13);
}

}  // namespace
}  // namespace tern::compiler
