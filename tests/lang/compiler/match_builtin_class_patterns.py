# match: class patterns over builtins (self-matching positional), mapping **rest, guards, or-patterns with captures.
def kind(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(n) if n < 0:
            return "neg int %d" % n
        case int(n):
            return "int %d" % n
        case float(x) | (complex() as x):
            return "num %r" % x
        case str() as s if not s:
            return "empty str"
        case str(s):
            return "str " + s
        case bytes(b) | bytearray(b):
            return "bytes %r" % (bytes(b),)
        case [int(a), int(b)] | (int(a), int(b), _):
            return "pair %d %d" % (a, b)
        case {"type": "pt", "x": x, **rest}:
            return "pt x=%r rest=%r" % (x, sorted(rest.items()))
        case {"type": t}:
            return "typed " + t
        case frozenset() | set():
            return "set size %d" % len(v)
        case dict(d) if not d:
            return "empty dict"
        case tuple(t):
            return "tuple %r" % (t,)
        case _:
            return "other " + type(v).__name__
for v in [True, -3, 7, 2.5, 1j, "", "hi", b"b", bytearray(b"ba"), [1, 2], (3, 4, "x"), (3, 4), {"type": "pt", "x": 1, "z": 2, "a": 0},
          {"type": "other"}, {1, 2}, frozenset(), {}, None, [1, "a"]]:
    print(repr(v), "->", kind(v))
def orcap(v):
    match v:
        case (1, x) | (x, 1):
            return "x=%r" % x
        case [*_, ("a" | "b") as last]:
            return "last " + last
        case {"k": [1, *rest]} if rest:
            return "rest %r" % rest
    return "none"
for v in [(1, 5), (5, 1), (1, 1), ["z", "b"], {"k": [1, 2, 3]}, {"k": [1]}, "ab"]:
    print(repr(v), orcap(v))
class P:
    __match_args__ = ("a", "b")
    def __init__(self, a, b):
        self.a, self.b = a, b
match P(1, 2):
    case P(1, b=3):
        print("wrong")
    case P(a, b=b) if a < b:
        print("P", a, b)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match P(1, 2):
        case P(1, 2, 3):
            pass
except TypeError as e:
    print(type(e).__name__, e)
