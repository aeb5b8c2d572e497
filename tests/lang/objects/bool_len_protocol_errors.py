# __bool__ and __len__ result checks: non-bool __bool__, negative/huge/non-int __len__, __bool__ precedence over __len__, and contexts using truth.
class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
class L:
    def __init__(self, v): self.v = v
    def __len__(self): return self.v
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), len(Both()), not L(0), L(2) and "yes", B(False) or "fallback")
for obj in [B(1), B("yes"), B(None), L(-1), L("3"), L(2 ** 100), L(1.0)]:
    try:
        print(bool(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for obj in [L(-1), L(2 ** 100), L(True)]:
    try:
        print(len(obj))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class IdxLen:
    def __len__(self):
        class I:
            def __index__(self): return 5
        return I()
print(len(IdxLen()), bool(IdxLen()))
class NoneBool:
    __bool__ = None
try:
    bool(NoneBool())
except TypeError as e:
    print(type(e).__name__, e)
n = 0
for x in [L(0), L(1), B(False), B(True)]:
    if x:
        n += 1
    while x:
        break
print(n, [type(x).__name__ for x in [L(0), L(1)] if x], L(0) if L(0) else "falsy", sum(1 for x in [L(5), L(0)] if not x))
class IntBoolSub(int):
    pass
print(bool(IntBoolSub(0)), bool(IntBoolSub(9)))
