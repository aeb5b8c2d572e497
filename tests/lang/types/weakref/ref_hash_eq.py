# weakref.ref hashing (the referent's) and equality (the referents' while alive, identity after death).
import gc
import weakref

a, b, c = frozenset([1]), frozenset([1]), frozenset([2])
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print(hash(ra) == hash(frozenset([1])), ra == rb, ra != rb, ra == rc, ra != rc, ra == a, ra == 1, ra is rb)
print(len({ra, rb, rc}), hash(rc) == hash(c), hash(ra) == hash(ra))


def make():
    d, e = frozenset([5]), frozenset([5])
    return weakref.ref(d), weakref.ref(d, lambda r: None), weakref.ref(e)


r1, r2, r3 = make()
gc.collect()
print(r1() is None, r2() is None, r3() is None)
try:
    hash(r1)
except TypeError as e:
    print(type(e).__name__, e)
print(r1 == r1, r1 == r2, r1 != r2, r1 != r1, r1 == r3, r1 == ra, ra == r1)

try:
    ra < rb
except TypeError as e:
    print(type(e).__name__)
