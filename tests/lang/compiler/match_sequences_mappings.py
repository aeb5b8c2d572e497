# match: sequence patterns (with star), mapping patterns (with **rest), nested patterns.
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y] if x == y:
            return f"pair of equal {x}"
        case (x, y):
            return f"pair {x},{y}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
for v in [[], [1], [2, 2], (1, 2), [1, 2, 3, 4], "ab", range(3), b"xy", iter([1]), {1: 2}, bytearray(b"ab"), (1, [2, 3])]:
    print(repr(v) if not hasattr(v, "__next__") else "iterator", "->", seq(v))
def nested(v):
    match v:
        case [("add" | "sub") as op, int(a), int(b)]:
            return f"{op} {a} {b}"
        case [["nested", x], *_]:
            return f"nested {x}"
        case [*_, [*inner]]:
            return f"last is sequence {inner}"
        case _:
            return "no match"
print(nested(["add", 1, 2]), nested(["mul", 1, 2]), nested([["nested", 9], 0]), nested([1, (2, 3)]), nested([1, "str"]))
def mapping(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle with {sorted(rest.items())}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
print(mapping({"type": "point", "x": 1, "y": 2, "z": 3}), mapping({"type": "circle", "r": 5, "c": 0}),
      mapping({"other": 1}), mapping({}), mapping([("type", "point")]))
from collections import defaultdict, OrderedDict
dd = defaultdict(int)
def dd_match(m):
    match m:
        case {"missing": v}:
            return v
        case _:
            return "no key"
print(dd_match(dd), dict(dd), dd_match(OrderedDict(missing=1)))
class MyMap(dict): pass
print(mapping(MyMap(type="point", x=0, y=0)))
for src in ["match x:\n    case {**rest, 'a': 1}:\n        pass\n", "match x:\n    case [*a, *b]:\n        pass\n",
            "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n"]:
    try:
        compile(src, "<m>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
match (1, 2, 3):
    case (1, *rest) if len(rest) == 2:
        print("rest", rest)
match {"k": [1, {"deep": "value"}]}:
    case {"k": [_, {"deep": str(d)}]}:
        print("deep", d)
