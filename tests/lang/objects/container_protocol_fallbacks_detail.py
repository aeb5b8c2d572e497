# Container protocol fallbacks: `in` via __contains__ > __iter__ > __getitem__, iteration via __getitem__ with IndexError, __iter__ = None blocking, reversed() via __len__+__getitem__.
class ContainsOnly:
    def __contains__(self, x): return x == 1
class IterOnly:
    def __iter__(self): return iter([1, 2, 3])
class GetitemOnly:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(1 in ContainsOnly(), 2 in ContainsOnly(), 2 in IterOnly(), 5 in IterOnly(), 20 in GetitemOnly(), 25 in GetitemOnly(), list(GetitemOnly()))
class ContainsNonBool:
    def __contains__(self, x): return "yes"
print(1 in ContainsNonBool(), 1 not in ContainsNonBool())
class Blocked:
    __iter__ = None
    def __getitem__(self, i): return i
for f in [lambda: iter(Blocked()), lambda: 1 in Blocked(), lambda: list(Blocked())]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
class BlockedContains:
    __contains__ = None
    def __iter__(self): return iter([1])
try:
    1 in BlockedContains()
except TypeError as e:
    print(type(e).__name__, e)
class KeyErrorStops:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorStops())
except KeyError as e:
    print(type(e).__name__, e)
class StopIterationStops:
    def __getitem__(self, i):
        if i == 2: raise StopIteration
        return i
print(list(StopIterationStops()))
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return "abc"[i]
print(list(reversed(Rev())), list(iter(Rev())))
class RevOverride(Rev):
    def __reversed__(self): return iter(["custom"])
print(list(reversed(RevOverride())))
class NoLen:
    def __getitem__(self, i): return i
try:
    reversed(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
class RevNone(Rev):
    __reversed__ = None
try:
    reversed(RevNone())
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
class IterNoNext:
    def __iter__(self): return self
try:
    for _ in IterNoNext(): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    5 in 5
except TypeError as e:
    print(type(e).__name__, e)
it = iter(GetitemOnly())
print(type(it).__name__, next(it), list(it), list(it))
