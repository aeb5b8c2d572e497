# Truth testing: __bool__ first, then __len__, else true; error cases.
class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self):
        print("len called")
        return self.n
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
class Neither: pass

print(bool(B(False)), bool(B(True)))
print(bool(L(0)), bool(L(3)), bool(Both()), bool(Neither()))
if L(0):
    print("unexpected")
else:
    print("L(0) is falsy")
print(not B(True), B(False) or "fallback", L(2) and "both")
print(len(L(5)))

class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class NegLen:
    def __len__(self): return -1
try:
    bool(NegLen())
except ValueError as e:
    print(type(e).__name__, e)
try:
    len(NegLen())
except ValueError as e:
    print(type(e).__name__, e)
class FloatLen:
    def __len__(self): return 1.0
try:
    len(FloatLen())
except TypeError as e:
    print(type(e).__name__, e)
class HugeLen:
    def __len__(self): return 2**100
try:
    len(HugeLen())
except OverflowError as e:
    print(type(e).__name__, e)
class IndexLen:
    def __len__(self):
        class I:
            def __index__(self): return 4
        return I()
print(len(IndexLen()))
class NoneBool:
    __bool__ = None
try:
    bool(NoneBool())
except TypeError as e:
    print(type(e).__name__, e)
vals = [0, 0.0, 0j, "", b"", [], (), {}, set(), frozenset(), range(0), None, False,
        1, -1, 0.1, "0", b"\0", [0], (0,), {0: 0}, {0}, range(1), True, ..., NotImplemented if False else 1]
print([bool(v) for v in vals])
while L(0):
    pass
print(all([]), any([]), all([L(1), B(True)]), any([L(0)]))
