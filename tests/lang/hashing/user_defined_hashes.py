# Containers use __hash__ and __eq__ of user objects; mutable-key pitfalls; hash caching is not done.
class Key:
    calls = 0
    def __init__(self, v): self.v = v
    def __hash__(self):
        Key.calls += 1
        return hash(self.v)
    def __eq__(self, o): return isinstance(o, Key) and self.v == o.v
    def __repr__(self): return f"Key({self.v})"
k = Key(1)
d = {k: "one"}
print(d[Key(1)], Key(1) in d, Key(2) in d, Key.calls)
k.v = 2
print(k in d, Key(2) in d, Key(1) in d, len(d), list(d))
s = {Key(i % 3) for i in range(9)}
print(sorted(s, key=lambda x: x.v))
class Collide:
    def __init__(self, v): self.v = v
    def __hash__(self): return 42
    def __eq__(self, o): return self.v == o.v
    def __repr__(self): return f"C{self.v}"
cs = {Collide(i): i for i in range(20)}
print(len(cs), cs[Collide(13)], Collide(25) in cs)
for i in range(0, 20, 2):
    del cs[Collide(i)]
print(list(cs.values()))
class HashByIdentity: pass
a, b = HashByIdentity(), HashByIdentity()
print(len({a, b, a}), {a: 1}.get(b))
class EqRaises:
    def __hash__(self): return 1
    def __eq__(self, o): raise RuntimeError("eq called")
x = EqRaises()
print(x in {x})
try:
    EqRaises() in {x}
except RuntimeError as e:
    print(type(e).__name__, e)
