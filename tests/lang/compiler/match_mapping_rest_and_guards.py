# match mapping patterns: **rest captures (order-preserving), extra keys allowed, duplicate keys, guards that see bindings.
def m(v):
    match v:
        case {"op": "add", "args": [a, b], **rest} if not rest:
            return "add %r" % (a + b)
        case {"op": "add", **rest}:
            return "add with extras %r" % list(rest)
        case {"op": op, "n": int(n)} if n > 10:
            return "%s big %d" % (op, n)
        case {"op": op, "n": n}:
            return "%s n=%r" % (op, n)
        case {1: one, 2: _}:
            return "int keys"
        case {}:
            return "any mapping %d" % len(v)
        case _:
            return "not a mapping"
for v in [{"op": "add", "args": [1, 2]}, {"op": "add", "args": [1, 2], "z": 0, "a": 1}, {"op": "mul", "n": 20}, {"op": "mul", "n": "s"}, {1: "x", 2: "y"}, {1: "x"}, {"other": 1}, [("op", "add")], "str"]:
    print(repr(v), "->", m(v))
from collections import OrderedDict, defaultdict
dd = defaultdict(int)
match dd:
    case {"missing": _}:
        print("matched default?")
    case _:
        print("defaultdict not auto-created", dict(dd))
match OrderedDict(b=1, a=2):
    case {"a": a, **rest}:
        print("ordered", a, rest)
class MapLike(dict):
    def get(self, k, d=None):
        print("get called", k)
        return super().get(k, d)
match MapLike(x=1):
    case {"x": x}:
        print("maplike x", x)
try:
    exec("match {}:\n case {'a': 1, 'a': 2}:\n  pass")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
