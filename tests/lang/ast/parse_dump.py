# ast.parse + ast.dump(include_attributes=True) over many constructs, the three modes,
# positions with non-ASCII text, and the attributes of the objects themselves.
import ast

SOURCES = [
    "x = 1",
    "a, *b = c = d[1:2, ::3] = e.f = yield",
    "x: int = 5\ny: 'str'\n(z): list[int] = []",
    "x += 1; x -= 2; x *= 3; x /= 4; x //= 5; x %= 6; x **= 7; x @= m; x <<= 1; x >>= 2; x &= 3; x |= 4; x ^= 5",
    "del a, b[0], c.d",
    "import a.b.c as d, e\nfrom . import f\nfrom ..g.h import (i as j, k)\nfrom m import *",
    "global a, b\nnonlocal c",
    "assert x, 'message'\nraise E from None\nraise\npass\nbreak\ncontinue",
    "if a:\n    b\nelif c:\n    d\nelse:\n    e",
    "while x:\n    break\nelse:\n    pass",
    "for i, (j, k) in enumerate(z):\n    continue\nelse:\n    pass",
    "async def f():\n    async for i in a: pass\n    async with b as c, d: pass\n    await e\n    return [x async for x in y]",
    "with open(f) as g, h() as (i, j):\n    pass",
    "with (a as b, c as d,):\n    pass",
    "try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
    "try:\n    a\nexcept* E as e:\n    b\nexcept* F:\n    c",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M, **kw):\n    '''doc'''\n    x = 1\n    def m(self, /, a, b=2, *args, c, d=4, **kw) -> int:\n        return super().m()",
    "lambda: 0\nlambda a, /, b=1, *c, d, e=2, **f: a\nlambda *, k: k",
    "def g(a: int, *b: str, c: float = 1.0, **d: bytes) -> None: yield from h()",
    "x = a if b else c\ny = not a or b and c\nz = -a + +b * ~c ** d",
    "a < b <= c == d != e > f >= g is h is not i in j not in k",
    "f(a, *b, c=d, **e)(1)[2].attr",
    "[x for x in y if x if not x]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x for x in y for z in x)",
    "{1: 2, **d, 3: 4}\n{1, 2, *s}\n[1, *l]\n(1, *t)\n()\n[]\n{}",
    "(y := 10)\n[z := 1, w := 2]",
    "x[1:2]\nx[::]\nx[a, b:c]\nx[...]\nx[:, None]",
    "b'bytes' + 'str' + u'unicode' + r'raw\\n' + rb'\\d'\nf'{a}' f'{b!r:>{w}}' '{c}'\nf'{x=}' f'{y!a}' f'{z:%Y-%m}'",
    "'implicit' 'concatenation'\nf'nested {f\"{inner}\"} done'\n'''triple\nquoted'''",
    "1\n1.5\n1e10\n1j\n0x1f\n0o17\n0b101\n1_000_000\n12345678901234567890123\n3.14j\nTrue\nFalse\nNone\n...",
    "match command:\n    case [Point(x=0, y=0) as p, *rest] if rest:\n        pass\n    case {'k': 1, **others}:\n        pass\n"
    "    case 1 | 2.5 | -3 | 1+2j | 'a' | b'b' | None | True:\n        pass\n    case Color.RED | (1, 2) | [] | _:\n        pass",
    "match x:\n    case (a, b, *_):\n        pass\n    case str() | bytes(c):\n        pass\n    case {**rest}:\n        pass",
    "x = 'caf\u00e9' + \u00e9t\u00e9 + '\U0001f600'; \u03c0 = 3.14",
    "if x:\n\n    # comment\n    y = (1 +\n         2)\n",
    "print(*args, sep='', end='\\n')",
    "def f[x](): pass" if False else "class D: pass",
    "x = (\n  1,\n  2,\n)",
    "async def g():\n    yield\n    await x\n    async with a: pass",
    "del (a), [b]\n(a) = 1\n[a, b] = c",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree, annotate_fields=False))

print(ast.dump(ast.parse("a + 1", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1\n", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("if x:\n    y\n", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("x", "<name>", "exec"), indent=2))
print(ast.dump(ast.parse(b"# coding: latin-1\nx = '\xe9'\n"), include_attributes=True))

# The objects: field values, their types, identity of identifiers.
tree = ast.parse("from a import b\nreturn\nu'x'\nf(k=1)\n")
imp, ret, expr, call = tree.body
print(imp.level, imp.module, ret.value, expr.value.kind, ast.parse("'x'").body[0].value.kind)
print(call.value.keywords[0].arg, type(call.value.keywords[0]).__name__, sorted(vars(call.value.keywords[0])))
print(sorted(vars(tree)), tree.type_ignores, sorted(vars(tree.body[0])))
print([type(v).__name__ for v in vars(ast.parse("x = 1").body[0]).values()])
c = ast.parse("123456789012345678901234567890 + 2.5 + 3j + -0.0").body[0].value
print(c.left.left.left.value, c.left.left.right.value, c.left.right.value, c.right.operand.value)
print(ast.parse("'\\ud800'").body[0].value.value == "\ud800", ast.parse("b'\\xff'").body[0].value.value)

# SyntaxErrors come back as from compile().
for bad in ["x = ", "def f(:", "(1, 2", "x = 1 +\n", "  indented", "f(**a, *b)", "a = yield = b", "nonlocal x"]:
    try:
        ast.parse(bad)
        print("parsed", repr(bad))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
