# vars() and dir() on simple objects, classes, modules and instances with __slots__; dir() sorting and __dict__ proxies.
class P:
    a = 1
    def __init__(self):
        self.z = 1
        self.b = 2
p = P()
print(vars(p), list(vars(p)), [n for n in dir(p) if not n.startswith("_")], type(vars(P)).__name__, "a" in vars(P))
vars(p)["c"] = 3; print(p.c)
try:
    vars(P)["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
class S:
    __slots__ = ("q",)
try:
    vars(S())
except TypeError as e:
    print(type(e).__name__, e)
print("q" in dir(S()), dir(S()) == sorted(dir(S())), "__slots__" in dir(S))
import math
print("pi" in dir(math), vars(math) is math.__dict__, sorted(k for k in vars(math) if k.startswith("is")))
def f():
    local_one = 1
    return sorted(dir())
print(f(), dir([]) == dir(list), "append" in dir([]), [n for n in dir(1) if n in ("real", "imag", "bit_length")])
class D:
    def __dir__(self):
        return ("z", "a")
print(dir(D()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)
