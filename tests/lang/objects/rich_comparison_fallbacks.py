# Rich comparison fallback chain: reflected operation, == / != fall back to identity, != derived from __eq__, NotImplemented from both sides, comparison error messages for all operators.
class OnlyEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq called")
        return isinstance(o, OnlyEq) and self.v == o.v
a, b = OnlyEq(1), OnlyEq(1)
print(a == b, a != b, a != OnlyEq(2))
class NI:
    def __eq__(self, o): return NotImplemented
    def __ne__(self, o): return NotImplemented
x, y = NI(), NI()
print(x == x, x == y, x != y, x != x)
class Opaque: pass
for op in ["<", "<=", ">", ">="]:
    try:
        eval("Opaque() " + op + " 1")
    except TypeError as e:
        print(type(e).__name__, e)
class LtOnly:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(LtOnly(1) < LtOnly(2), LtOnly(3) > LtOnly(2), sorted([LtOnly(3), LtOnly(1)], key=lambda z: z)[0].v)
try:
    LtOnly(1) <= LtOnly(2)
except TypeError as e:
    print(type(e).__name__, e)
class Weird:
    def __eq__(self, o): return "truthy string"
    def __lt__(self, o): return [1]
w = Weird()
print(w == 1, w < 1, 1 == w, [w] == [w], [w] == [Weird()], (w,) < (Weird(),) if False else "skip")
class Raising:
    def __eq__(self, o): raise ValueError("eq raised")
try:
    Raising() == 1
except ValueError as e:
    print(type(e).__name__, e)
r = Raising()
print(r in [r], [r] == [r])
try:
    r in [1]
except ValueError as e:
    print(type(e).__name__, e)
class Ge:
    def __ge__(self, o): return "Ge.ge"
print(1 <= Ge(), Ge() >= 1)
print(1 == 1.0, (1).__eq__(1.0), (1.0).__eq__(1), (1).__lt__("a"), "a".__eq__(1), None.__eq__(None), None.__ne__(0))
