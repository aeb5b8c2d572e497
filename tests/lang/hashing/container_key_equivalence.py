# hash consistency in containers: numeric-equal keys collapse, tuples of mixed numerics, frozensets, unhashables.
d = {}
for k in [1, 1.0, True, 1 + 0j, 2, 2.0]:
    d[k] = d.get(k, 0) + 1
print(d, list(d))
s = {(1, 2.0), (1.0, 2), (True, 2 + 0j)}
print(s, len({frozenset([1, 2]), frozenset([2.0, 1.0])}), {(): 1, tuple(): 2})
print({0.1 + 0.2: "x"}.get(0.3, "miss"), {2 ** 100: 1}.get(float(2 ** 100)), {float("nan"): 1}.get(float("nan"), "nan miss"))
nan = float("nan")
print({nan: 1}.get(nan), len({nan, nan}), len({float("nan"), float("nan")}), nan in [nan], nan in {nan})
for bad in [[1], {1: 2}, {1}, bytearray(b"x"), ([],)]:
    try:
        {bad: 1}
    except TypeError as e:
        print(type(e).__name__, e)
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__ is None)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
class Keyed:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == getattr(o, "v", o)
print(len({Keyed(1), Keyed(1.0), 1}), {Keyed(2): "k"}[2], 2 in {Keyed(2)})
