# dict keys with custom __hash__/__eq__: call counts, colliding hashes, keys whose hash changes, and exceptions in __eq__.
class K:
    def __init__(self, name, h): self.name, self.h = name, h
    def __hash__(self):
        print("hash", self.name)
        return self.h
    def __eq__(self, other):
        print("eq", self.name, getattr(other, "name", other))
        return isinstance(other, K) and self.name == other.name
    def __repr__(self): return "K(" + self.name + ")"
d = {}
d[K("a", 1)] = 1
d[K("b", 1)] = 2
print(d[K("b", 1)])
print(K("c", 1) in d, len(d))
class BadEq:
    def __hash__(self): return 1
    def __eq__(self, other): raise ValueError("eq failed")
d2 = {1: "one"}
try:
    d2[BadEq()]
except ValueError as e:
    print(type(e).__name__, e)
class BadHash:
    def __hash__(self): raise RuntimeError("hash failed")
try:
    d2[BadHash()] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
class NonIntHash:
    def __hash__(self): return "x"
try:
    {NonIntHash(): 1}
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100), {BigHash(): 1}.__len__())
class Same:
    def __hash__(self): return 7
    def __eq__(self, other): return True
s = {Same(): "first"}; s[Same()] = "second"; print(list(s.values()), len(s))
x = K("same", 5)
print({x: 1}[x])
