# __hash__ / __eq__ interplay: defining __eq__ sets __hash__ to None; explicit inheritance.
class Default: pass
d = Default()
print(hash(d) == hash(d), Default.__hash__ is object.__hash__)

class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)

class EqAndHash:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, EqAndHash) and self.k == o.k
    def __hash__(self): return hash(self.k)
s = {EqAndHash(1), EqAndHash(1), EqAndHash(2)}
print(len(s), EqAndHash(1) in s, hash(EqAndHash(7)))

class Child(EqAndHash):
    def __eq__(self, o): return False
print(Child.__hash__)

class ChildKeeps(EqAndHash):
    def __eq__(self, o): return False
    __hash__ = EqAndHash.__hash__
print(hash(ChildKeeps(5)))

class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print(type(e).__name__, e)
import collections.abc
print(isinstance(Unhashable(), collections.abc.Hashable), isinstance(Default(), collections.abc.Hashable))

class BadHash:
    def __hash__(self): return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)

class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))

class MinusOne:
    def __hash__(self): return -1
print(hash(MinusOne()))

# equal objects used as dict keys: first key kept, value replaced
dct = {1: 'int'}
dct[1.0] = 'float'
dct[True] = 'bool'
print(dct)

# __eq__ called during dict lookup when hashes collide
class Loud:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, o):
        print("eq", self.n, o.n)
        return self.n == o.n
m = {Loud(1): 'a'}
print(m[Loud(1)])
print(Loud(2) in m)
for t in (list, dict, set, bytearray):
    try:
        hash(t())
    except TypeError as e:
        print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
