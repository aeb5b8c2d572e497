# ast.literal_eval (strings and nodes, errors) and ast.unparse of many constructs, with the
# unparsed text parsed again to the same tree.
import ast

for src in ["1", "-2.5", "+3", "1+2j", "-1-2j", "'s'", "b'b'", "u'u'", "r'\\n'", "None", "True", "...",
            "(1, 2)", "()", "[1, [2, (3,)]]", "{1, 2}", "set()", "{'a': 1, 2: [3]}", "{}", "  7  ",
            "0x10", "1_000", "1e3", "'a' 'b'", "(((1)))", "[*()]", "x", "1 + 1", "2 - 1j", "f(1)",
            "{**{}}", "a.b", "-'s'", "--1", "1 < 2", "[x for x in ()]", "lambda: 1", "'\\u00e9'",
            "1 +", "\t1", "\n1"]:
    try:
        print(repr(src), repr(ast.literal_eval(src)))
    except (ValueError, SyntaxError, TypeError) as e:
        print(repr(src), type(e).__name__, str(e).split(":")[0])
print(repr(ast.literal_eval(ast.parse("[1, 'x']", mode="eval"))))
print(repr(ast.literal_eval(ast.Tuple([ast.Constant(1), ast.UnaryOp(ast.USub(), ast.Constant(2))], ast.Load()))))

SOURCES = [
    "x = 1",
    "a, *b = c = d",
    "x: int = 5",
    "x += 1",
    "del a, b[0], c.d",
    "import a.b as c\nfrom . import d\nfrom ..e import (f, g as h)",
    "global a\nnonlocal b",
    "assert x, 'message'",
    "raise E from None",
    "if a:\n    b\nelif c:\n    d\nelse:\n    e",
    "while x:\n    break\nelse:\n    pass",
    "for i, (j, k) in enumerate(z):\n    continue",
    "async def f():\n    async for i in a:\n        pass\n    async with b as c:\n        await e",
    "with open(f) as g, h():\n    pass",
    "try:\n    a\nexcept E as e:\n    b\nexcept:\n    c\nelse:\n    d\nfinally:\n    e",
    "try:\n    a\nexcept* E:\n    b",
    "@dec\nclass C(B, metaclass=M):\n    '''doc'''\n    def m(self, /, a, b=2, *args, c, d=4, **kw) -> int:\n        return super().m()",
    "f = lambda a, /, b=1, *c, d, e=2, **f: a",
    "x = a if b else c\ny = not a or b and c\nz = -a + +b * ~c ** d",
    "a < b <= c == d != e > f >= g is h is not i in j not in k",
    "f(a, *b, c=d, **e)(1)[2].attr",
    "[x for x in y if x]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x for x in y for z in x)",
    "{1: 2, **d}\n{1, 2, *s}\n[1, *l]\n(1, *t)\n()\n[]\n{}",
    "(y := 10)",
    "x[1:2]\nx[::2]\nx[a, b:c]\nx[...]",
    "b'bytes' + 'str' + r'raw'\nf'{a}' f'{b!r:>{w}}'\nf'{x=}'",
    "1\n1.5\n1e100\n1j\n0x1f\n12345678901234567890123\nTrue\nNone\n...",
    "match command:\n    case [Point(x=0, y=0) as p, *rest] if rest:\n        pass\n    case {'k': 1, **others}:\n        pass\n"
    "    case 1 | -2 | 1 + 2j | 'a' | None:\n        pass\n    case (a, b, *_):\n        pass",
    "x = (yield)\ny = yield from z\nawait w",
    "print(1 if x else 2, (lambda: 3)(), *a, **b)",
    "x = -1 ** 2\ny = (-1) ** 2\nz = not not x",
    "a = 'quote\\'s' + \"dq\" + '''tri'''",
    "def f():\n    '''docstring\n    more'''\n    return",
]
for src in SOURCES:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    print("---", ast.dump(ast.parse(text)) == ast.dump(tree))

# unparse of hand-made nodes.
print(ast.unparse(ast.BinOp(ast.Name("a"), ast.Pow(), ast.BinOp(ast.Name("b"), ast.Add(), ast.Constant(1)))))
print(ast.unparse(ast.Constant((1, "a", None))), ast.unparse(ast.Constant(float("inf"))), ast.unparse(ast.Constant(-1j)))
print(ast.unparse(ast.Constant(frozenset())), ast.unparse(ast.Constant(...)))
