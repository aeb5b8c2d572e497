// The code generator: flags, counts and stack depths of representative code
// (the expected values are python3.11's), every compile-time SyntaxError of
// the code generator with CPython's position, and the well-formedness of
// what the assembler produces (jump targets, exception table, stack depth).
#include "runtime/compiler/codegen.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "runtime/interp/opcodes.h"

namespace tern::compiler {
namespace {

using interp::Op;

struct Compiled {
  ParseResult parsed;
  SymtableResult symbols;
  CodegenResult result;
};

Compiled compile(const std::string& source, int optimize = 0) {
  Compiled c;
  c.parsed = parse_module(source, "t.py");
  EXPECT_TRUE(c.parsed.ok()) << (c.parsed.error ? c.parsed.error->message : "");
  if (!c.parsed.ok()) return c;
  c.symbols = build_symtable(c.parsed.module, "t.py");
  EXPECT_TRUE(c.symbols.ok()) << (c.symbols.error ? c.symbols.error->message : "");
  if (!c.symbols.ok()) return c;
  c.result = compile_module(c.parsed.module, *c.symbols.table, "t.py", optimize);
  return c;
}

std::shared_ptr<CodeUnit> module_code(const std::string& source, int optimize = 0) {
  Compiled c = compile(source, optimize);
  EXPECT_TRUE(c.result.ok()) << (c.result.error ? c.result.error->message : "");
  return c.result.code;
}

// The first code constant of `code` named `name`, depth first.
const CodeUnit* find(const CodeUnit& code, const std::string& qualname) {
  if (code.co_qualname == qualname) return &code;
  for (const Constant& c : code.co_consts) {
    if (c.kind != Constant::Kind::Code) continue;
    if (const CodeUnit* found = find(*c.code, qualname)) return found;
  }
  return nullptr;
}

void for_each_unit(const CodeUnit& code, const std::function<void(const CodeUnit&)>& f) {
  f(code);
  for (const Constant& c : code.co_consts) {
    if (c.kind == Constant::Kind::Code) for_each_unit(*c.code, f);
  }
}

// ---------------------------------------------------------------------------
// The instruction table
// ---------------------------------------------------------------------------

TEST(Opcodes, TableIsConsistent) {
  EXPECT_LE(interp::kNumOps, 256);
  EXPECT_STREQ(interp::opName(Op::LOAD_FAST), "LOAD_FAST");
  EXPECT_EQ(interp::stackEffect(Op::FOR_ITER, 7, false), 1);
  EXPECT_EQ(interp::stackEffect(Op::FOR_ITER, 7, true), -1);
  EXPECT_EQ(interp::stackEffect(Op::SEND, 3, true), -1);
  EXPECT_EQ(interp::stackEffect(Op::CALL, 3), -4);
  EXPECT_EQ(interp::stackEffect(Op::MAKE_FUNCTION, 0x0f), -4);
  EXPECT_EQ(interp::stackEffect(Op::UNPACK_EX, 2 | (3 << 8)), 5);
  EXPECT_EQ(interp::stackEffect(Op::LOAD_GLOBAL, (5 << 1) | 1), 2);
  EXPECT_EQ(interp::stackEffect(Op::WITH_EXCEPT_START, 0), 1);
  EXPECT_FALSE(interp::fallsThrough(Op::RETURN_VALUE));
  EXPECT_FALSE(interp::fallsThrough(Op::RERAISE));
  EXPECT_TRUE(interp::fallsThrough(Op::POP_JUMP_IF_TRUE));
  EXPECT_EQ(interp::opOf(interp::encode(Op::JUMP_BACKWARD, 0xABCDEF)), Op::JUMP_BACKWARD);
  EXPECT_EQ(interp::argOf(interp::encode(Op::JUMP_BACKWARD, 0xABCDEF)), 0xABCDEFu);
}

// ---------------------------------------------------------------------------
// Flags, counts and stack sizes (python3.11's values)
// ---------------------------------------------------------------------------

struct Expected {
  const char* source;
  const char* qualname;
  int stacksize;
  uint32_t flags;
};

TEST(Codegen, StackSizesAndFlagsMatchCPython) {
  const Expected cases[] = {
      {"def f(a, b, c):\n    return a + b * c\n", "f", 3, 0x3},
      {"def f(g, x):\n    return g(x, 1, k=2)\n", "f", 5, 0x3},
      {"def f(g, a, k):\n    return g(*a, x=1, **k)\n", "f", 5, 0x3},
      {"def f(m):\n    with m as x, m as y:\n        return x\n", "f", 7, 0x3},
      {"def f(g):\n    try:\n        g()\n    except ValueError as e:\n        return e\n    finally:\n        g()\n",
       "f", 4, 0x3},
      {"def f(xs):\n    return [x * 2 for x in xs if x]\n", "f.<locals>.<listcomp>", 4, 0x13},
      {"def f(xs):\n    yield from xs\n    yield 1\n", "f", 2, 0x23},
      {"async def f(a):\n    async with a as b:\n        async for x in b:\n            await x\n", "f", 6, 0x83},
      {"def f(x):\n    match x:\n        case [1, *r] if r:\n            return r\n        case {'a': 1, **kw}:\n"
       "            return kw\n        case P(x=0, y=y) | P(y=y, x=1):\n            return y\n        case _:\n"
       "            return None\n",
       "f", 5, 0x3},
      {"def f(g):\n    try:\n        g()\n    except* ValueError as e:\n        x = 1\n    except* TypeError:\n"
       "        pass\n",
       "f", 7, 0x3},
      {"def f(a, b):\n    return f'{a!r:>{b}} and {b}'\n", "f", 3, 0x3},
      {"def f(a):\n    return lambda x, *, y=a: x + y\n", "f.<locals>.<lambda>", 2, 0x13},
      {"class C(B, metaclass=M):\n    x: int = 1\n    def m(self):\n        return super().m()\n", "C", 3, 0},
      {"async def f(a):\n    yield [x async for x in a]\n", "f.<locals>.<listcomp>", 4, 0x93},
      {"async def f(a):\n    yield [x async for x in a]\n", "f", 2, 0x203},
      {"def f(*a, **k):\n    pass\n", "f", 1, 0xf},
  };
  for (const Expected& e : cases) {
    auto code = module_code(e.source);
    ASSERT_TRUE(code) << e.source;
    const CodeUnit* unit = find(*code, e.qualname);
    ASSERT_TRUE(unit) << e.qualname << " in\n" << e.source;
    EXPECT_EQ(unit->co_stacksize, e.stacksize) << e.source;
    EXPECT_EQ(unit->co_flags, e.flags) << e.source;
  }
}

TEST(Codegen, FunctionAttributes) {
  auto code = module_code(
      "def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n"
      "    'the doc'\n"
      "    x = a\n"
      "    def g():\n"
      "        return x + b\n"
      "    return g\n");
  const CodeUnit* f = find(*code, "f");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->co_argcount, 3);
  EXPECT_EQ(f->co_posonlyargcount, 2);
  EXPECT_EQ(f->co_kwonlyargcount, 2);
  EXPECT_EQ(f->co_varnames, (std::vector<std::string>{"a", "b", "c", "d", "e", "args", "kw", "g"}));
  EXPECT_EQ(f->co_cellvars, (std::vector<std::string>{"b", "x"}));
  EXPECT_EQ(f->cell2arg, (std::vector<int>{1, -1}));
  ASSERT_FALSE(f->co_consts.empty());
  EXPECT_TRUE(f->co_consts[0].is_str());
  EXPECT_EQ(f->co_consts[0].text, "the doc");
  // localsplus: the 8 locals, then x (b is a parameter), no free variables.
  EXPECT_EQ(f->localsplus_names().size(), 9u);
  const CodeUnit* g = find(*code, "f.<locals>.g");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->co_freevars, (std::vector<std::string>{"b", "x"}));
  EXPECT_EQ(g->co_flags, CO_OPTIMIZED | CO_NEWLOCALS | CO_NESTED);
  EXPECT_EQ(interp::opOf(g->code[0]), Op::COPY_FREE_VARS);
  EXPECT_EQ(interp::argOf(g->code[0]), 2u);
  EXPECT_FALSE(g->co_consts[0].is_str());  // no docstring: None
}

TEST(Codegen, DocstringsAndOptimize) {
  const char* source = "'mod doc'\nassert x, 'm'\ndef f():\n    'fdoc'\n    return __debug__\n";
  auto plain = module_code(source, 0);
  EXPECT_EQ(find(*plain, "f")->co_consts[0].text, "fdoc");
  bool has_assert = false;
  for (uint32_t insn : plain->code) has_assert = has_assert || interp::opOf(insn) == Op::LOAD_ASSERTION_ERROR;
  EXPECT_TRUE(has_assert);
  auto optimized = module_code(source, 2);
  EXPECT_FALSE(find(*optimized, "f")->co_consts[0].is_str());
  for (uint32_t insn : optimized->code) EXPECT_NE(interp::opOf(insn), Op::LOAD_ASSERTION_ERROR);
  // __debug__ is a constant.
  for (uint32_t insn : find(*optimized, "f")->code) EXPECT_NE(interp::opOf(insn), Op::LOAD_GLOBAL);
}

TEST(Codegen, NameOperations) {
  auto code = module_code(
      "import a.b as c\n"
      "g = 1\n"
      "class K:\n"
      "    y = g\n"
      "    def __m(self):\n"
      "        global g\n"
      "        return self.__p, g, y\n"
      "def outer():\n"
      "    v = 1\n"
      "    class Inner:\n"
      "        w = v\n"
      "    return Inner\n");
  const CodeUnit* m = find(*code, "K.__m");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->co_name, "__m");  // the code keeps the name as written
  EXPECT_EQ(m->co_qualname, "K.__m");
  bool mangled = false;
  for (const std::string& n : m->co_names) mangled = mangled || n == "_K__p";
  EXPECT_TRUE(mangled);
  const CodeUnit* inner = find(*code, "outer.<locals>.Inner");
  ASSERT_TRUE(inner);
  bool classderef = false;
  for (uint32_t insn : inner->code) classderef = classderef || interp::opOf(insn) == Op::LOAD_CLASSDEREF;
  EXPECT_TRUE(classderef);
  // `import a.b as c`: IMPORT_NAME a.b, IMPORT_FROM b.
  EXPECT_EQ(code->co_names[0], "a.b");
  EXPECT_EQ(code->co_names[1], "b");
}

TEST(Codegen, CallsUseNullSlots) {
  auto code = module_code("def f(o):\n    return len(o) + o.m(1) + o[0](2)\n");
  const CodeUnit* f = find(*code, "f");
  std::vector<Op> ops;
  for (uint32_t insn : f->code) ops.push_back(interp::opOf(insn));
  ASSERT_GE(ops.size(), 3u);
  EXPECT_EQ(ops[0], Op::LOAD_GLOBAL);
  EXPECT_EQ(interp::argOf(f->code[0]) & 1, 1u);  // NULL + len
  EXPECT_NE(std::find(ops.begin(), ops.end(), Op::LOAD_METHOD), ops.end());
  EXPECT_NE(std::find(ops.begin(), ops.end(), Op::PUSH_NULL), ops.end());
}

// ---------------------------------------------------------------------------
// Well-formedness over a program that uses every construct
// ---------------------------------------------------------------------------

const char* kEverything = R"(
from __future__ import annotations
import os, os.path as p
from .rel import (a as b, c)
from m import *
x: int = 1
class C(Base, *bases, metaclass=M, **kw):
    '''doc'''
    attr: list[int]
    def method(self, /, a, *args, b=1, **kwargs) -> C:
        super().method()
        nonlocal_test = [i for i in range(3) if i if not i]
        return {k: v for k, v in kwargs.items()}, {*args}, (a for a in args)
    @property
    def prop(self): return self.__private
async def coro(a, b):
    async with a as x, b:
        async for i in x:
            await i
            yield i
    r = [await z async for z in a]
def gen(n):
    x = yield n
    y = yield from range(n)
    z = lambda q=1, *, k=2: (q, k, n)
    def inner():
        nonlocal x
        x += 1
        del x
    return inner
def control(seq):
    for i in seq:
        if i: continue
        elif i > 3: break
        while i < 10 and not (i == 3 or i is None):
            i += 1
        else:
            pass
    else:
        i = -1
    try:
        pass
    except (A, B) as e:
        raise X from e
    except C:
        raise
    except:
        pass
    else:
        pass
    finally:
        return i
def groups():
    try:
        f()
    except* ValueError as e:
        g(e)
    except* TypeError:
        pass
    finally:
        h()
def assign(a, d, o):
    a, *b, c = d
    [x, (y, z)] = d
    o.attr += 1
    o[1:2] *= 3
    d[::2, ...] = 4
    del o.attr, d[0], a
    print(*a, *b, sep='', **d, **o)
    s = f"{a!r:>{10}} {b!s} {c!a} {'%s' % a}" + '%s-%r' % (a, b)
    return (w := 5), a if b else c, a < b < c, -a, ~a, +a, not a
def matcher(cmd):
    match cmd:
        case [1, 2, *rest] if rest: return rest
        case (1, *_, 3): return 1
        case {'k': v, 1: w, **others}: return v, w, others
        case Point(x=0, y=yy) | Point(yy, 1): return yy
        case str() | bytes() as s: return s
        case -1 | 1.5 | 2+3j | None | True | 'a' | b'b': return 0
        case os.sep: return 1
        case [*_]: return 2
        case {}: return 3
        case _: return 4
)";

TEST(Codegen, EveryUnitIsWellFormed) {
  auto code = module_code(kEverything);
  ASSERT_TRUE(code);
  int units = 0;
  for_each_unit(*code, [&units](const CodeUnit& unit) {
    ++units;
    SCOPED_TRACE(unit.co_qualname);
    ASSERT_FALSE(unit.code.empty());
    EXPECT_EQ(unit.code.size(), unit.positions.size());
    EXPECT_FALSE(interp::fallsThrough(interp::opOf(unit.code.back())));
    size_t nlocalsplus = unit.localsplus_names().size();
    for (uint32_t insn : unit.code) {
      Op op = interp::opOf(insn);
      uint32_t arg = interp::argOf(insn);
      ASSERT_LT(static_cast<int>(op), interp::kNumOps);
      uint32_t flags = interp::opFlags(op);
      if (flags & interp::kJump) {
        EXPECT_LT(arg, unit.code.size()) << interp::opName(op);
      }
      if (flags & interp::kConst) {
        EXPECT_LT(arg, unit.co_consts.size()) << interp::opName(op);
      }
      if (flags & interp::kLocal) {
        EXPECT_LT(arg, unit.co_varnames.size()) << interp::opName(op);
      }
      if (flags & interp::kFree) {
        EXPECT_LT(arg, nlocalsplus) << interp::opName(op);
      }
      if (op == Op::LOAD_GLOBAL) {
        EXPECT_LT(arg >> 1, unit.co_names.size());
      } else if (flags & interp::kName) {
        EXPECT_LT(arg, unit.co_names.size()) << interp::opName(op);
      }
      if (op == Op::KW_NAMES) {
        EXPECT_EQ(unit.co_consts[arg].kind, Constant::Kind::Tuple);
      }
    }
    uint32_t previous_end = 0;
    for (const ExceptionTableEntry& e : unit.exception_table) {
      EXPECT_LT(e.start, e.end);
      EXPECT_LE(e.end, unit.code.size());
      EXPECT_LE(previous_end, e.start);  // sorted, disjoint
      EXPECT_LT(e.target, unit.code.size());
      EXPECT_LE(static_cast<int>(e.depth + (e.push_lasti ? 1 : 0) + 1), unit.co_stacksize);
      previous_end = e.end;
    }
  });
  EXPECT_GT(units, 15);
  // Under `from __future__ import annotations`, annotations are strings.
  const CodeUnit* method = find(*code, "C.method");
  ASSERT_TRUE(method);
  EXPECT_NE(code->co_flags & CO_FUTURE_ANNOTATIONS, 0u);
}

// Generators start with RETURN_GENERATOR; POP_TOP, after the cell prologue.
TEST(Codegen, GeneratorPrologue) {
  auto code = module_code("def g(a):\n    def h(): return a\n    yield h\n");
  const CodeUnit* g = find(*code, "g");
  ASSERT_TRUE(g);
  EXPECT_EQ(interp::opOf(g->code[0]), Op::MAKE_CELL);
  EXPECT_EQ(interp::argOf(g->code[0]), 0u);  // the cell parameter keeps its slot
  EXPECT_EQ(interp::opOf(g->code[1]), Op::RETURN_GENERATOR);
  EXPECT_EQ(interp::opOf(g->code[2]), Op::POP_TOP);
  bool yields = false;
  for (uint32_t insn : g->code) yields = yields || (interp::opOf(insn) == Op::YIELD_VALUE && interp::argOf(insn) == 0);
  EXPECT_TRUE(yields);
}

// ---------------------------------------------------------------------------
// SyntaxErrors of the code generator (python3.11's message and position)
// ---------------------------------------------------------------------------

struct ExpectedError {
  const char* source;
  const char* message;
  int lineno, offset, end_lineno, end_offset;
};

TEST(Codegen, SyntaxErrors) {
  const ExpectedError cases[] = {
      {"return 1", "'return' outside function", 1, 1, 1, 9},
      {"class C:\n  return", "'return' outside function", 2, 3, 2, 9},
      {"break", "'break' outside loop", 1, 1, 1, 6},
      {"def f():\n  continue", "'continue' not properly in loop", 2, 3, 2, 11},
      {"await x", "'await' outside function", 1, 1, 1, 8},
      {"def f():\n  await x", "'await' outside async function", 2, 3, 2, 10},
      {"yield x", "'yield' outside function", 1, 1, 1, 8},
      {"class C:\n  yield 1", "'yield' outside function", 2, 3, 2, 10},
      {"def f():\n  async def h(): yield from x", "'yield from' inside async function", 2, 18, 2, 30},
      {"async def f():\n  yield 1\n  return 2", "'return' with value in async generator", 3, 3, 3, 11},
      {"async with a: pass", "'async with' outside async function", 1, 1, 1, 19},
      {"def f():\n  async for x in y: pass", "'async for' outside async function", 2, 3, 2, 25},
      {"[x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 1, 1, 1, 21},
      {"try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "default 'except:' must be last", 3, 1, 4, 7},
      {"a, *b, *c = d", "multiple starred expressions in assignment", 1, 1, 1, 10},
      {"*a = 1", "starred assignment target must be in a list or tuple", 1, 1, 1, 3},
      {"x = *a", "can't use starred expression here", 1, 5, 1, 7},
      {"f(a=1, a=2)", "keyword argument repeated: a", 1, 8, 1, 11},
      {"__debug__ = 1", "cannot assign to __debug__", 1, 1, 1, 10},
      {"del __debug__", "cannot delete __debug__", 1, 5, 1, 14},
      {"def f(__debug__): pass", "cannot assign to __debug__", 1, 1, 1, 23},
      {"f(__debug__=1)", "cannot assign to __debug__", 1, 1, 1, 15},
      {"for x in y:\n  try: pass\n  except* E:\n    break",
       "'break', 'continue' and 'return' cannot appear in an except* block", 4, 5, 4, 10},
      {"from __future__ import annotations\nimport os\nfrom __future__ import annotations",
       "from __future__ imports must occur at the beginning of the file", 3, 1, 3, 35},
      {"match x:\n  case y: pass\n  case 1: pass", "name capture 'y' makes remaining patterns unreachable", 2, 8, 2, 9},
      {"match x:\n  case _: pass\n  case 1: pass", "wildcard makes remaining patterns unreachable", 2, 8, 2, 9},
      {"match x:\n  case [a, a]: pass", "multiple assignments to name 'a' in pattern", 2, 12, 2, 13},
      {"match x:\n  case [a] | [b]: pass", "alternative patterns bind different names", 2, 15, 2, 16},
      {"match x:\n  case {'a': 1, 'a': 2}: pass", "mapping pattern checks duplicate key ('a')", 2, 8, 2, 24},
      {"match x:\n  case C(a=1, a=2): pass", "attribute name repeated in class pattern: a", 2, 17, 2, 18},
      {"match x:\n  case [*a, *b]: pass", "multiple starred names in sequence pattern", 2, 8, 2, 16},
  };
  for (const ExpectedError& e : cases) {
    Compiled c = compile(e.source);
    ASSERT_TRUE(c.symbols.ok()) << e.source;
    ASSERT_FALSE(c.result.ok()) << e.source;
    const SyntaxErrorInfo& error = *c.result.error;
    EXPECT_EQ(error.message, e.message) << e.source;
    EXPECT_EQ(error.lineno, e.lineno) << e.source;
    EXPECT_EQ(error.offset, e.offset) << e.source;
    EXPECT_EQ(error.end_lineno, e.end_lineno) << e.source;
    EXPECT_EQ(error.end_offset, e.end_offset) << e.source;
  }
}

}  // namespace
}  // namespace tern::compiler
