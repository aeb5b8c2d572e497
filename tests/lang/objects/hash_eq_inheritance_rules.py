# __hash__ rules: defining __eq__ sets __hash__ to None, inheriting a parent's __hash__ explicitly, __hash__ = None in subclasses, and hash() result truncation/normalisation.
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__, "__hash__" in EqOnly.__dict__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
class Parent:
    def __hash__(self): return 42
class ChildEq(Parent):
    def __eq__(self, o): return False
class ChildKeep(Parent):
    def __eq__(self, o): return False
    __hash__ = Parent.__hash__
class ChildInherit(Parent):
    pass
for c in [ChildEq, ChildKeep, ChildInherit]:
    try:
        print(c.__name__, hash(c()))
    except TypeError as e:
        print(c.__name__, type(e).__name__, e)
class Unhashable:
    __hash__ = None
class BackAgain(Unhashable):
    def __hash__(self): return 7
print(hash(BackAgain()), isinstance(Unhashable(), object))
try:
    {Unhashable()}
except TypeError as e:
    print(type(e).__name__, e)
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
for h in [-1, -2, 0, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 2 ** 100 + 3, True]:
    print(h, hash(H(h)))
class HashSub(int):
    def __hash__(self): return 5
print(hash(HashSub(100)), hash(int(HashSub(100))))
class EqSubInt(int):
    def __eq__(self, o): return int(self) == o
try:
    hash(EqSubInt(3))
except TypeError as e:
    print(type(e).__name__, e)
class EqDefault:
    def __eq__(self, o): return NotImplemented
    __hash__ = object.__hash__
a = EqDefault(); print(a == a, a == EqDefault(), a != a, hash(a) == hash(a))
