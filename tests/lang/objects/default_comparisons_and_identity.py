# object's default comparison: == is identity, != inverts ==, ordering raises, hash by identity; is/is not.
class P: pass
a, b = P(), P()
print(a == a, a == b, a != b, a != a, a is a, a is not b, a.__eq__(b), a.__ne__(a), a.__eq__(a))
for op in ("<", "<=", ">", ">="):
    try:
        eval(f"a {op} b")
    except TypeError as e:
        print(type(e).__name__, e)
print(hash(a) == hash(a), hash(a) != hash(b) or True, a in [b, a], [a].index(a), {a: 1}[a])
class EqOnly:
    def __eq__(self, o): return isinstance(o, EqOnly)
print(EqOnly() == EqOnly(), EqOnly() != EqOnly(), EqOnly() == 1, 1 == EqOnly(), EqOnly.__hash__ is None)
class NeOnly:
    def __ne__(self, o): return "custom ne"
x = NeOnly()
print(x != x, x == x, NeOnly() == NeOnly())
print(None is None, [] is not [], ... is Ellipsis)
s1 = "interned_identifier"
s2 = "interned_" + "identifier"
print(s1 == s2, type(s1 is s2).__name__)
print(NotImplemented.__eq__(1) if False else object.__eq__(a, b), object.__lt__(a, b), object.__ne__(a, b))
