# Exceptions raised inside special methods, comprehensions, lambdas, generators, class bodies, and default arguments.
class BadRepr:
    def __repr__(self): raise ValueError("repr failed")
try:
    print([BadRepr()])
except ValueError as e:
    print("list repr propagates:", e)
class BadEq:
    def __eq__(self, o): raise TypeError("eq failed")
try:
    BadEq() in [1, 2]
except TypeError as e:
    print("contains propagates:", e)
try:
    [1, 2].index(BadEq())
except TypeError as e:
    print("index propagates:", e)
class BadHash:
    def __hash__(self): raise KeyError("hash failed")
try:
    {BadHash(): 1}
except KeyError as e:
    print("dict display propagates:", e)
class BadIter:
    def __iter__(self): raise OSError("iter failed")
try:
    [x for x in BadIter()]
except OSError as e:
    print("comprehension propagates:", e)
try:
    class K:
        raise AttributeError("in class body")
except AttributeError as e:
    print("class body:", e)
try:
    def f(x=1 / 0): pass
except ZeroDivisionError as e:
    print("default argument:", e)
class BadBool:
    def __bool__(self): raise RuntimeError("bool failed")
try:
    if BadBool():
        pass
except RuntimeError as e:
    print("if condition:", e)
try:
    not BadBool()
except RuntimeError as e:
    print("not operator:", e)
try:
    sorted([3, 1, 2], key=lambda v: {1: "a"}[v])
except KeyError as e:
    print("sort key:", repr(e))
class BadLen:
    def __len__(self): raise IndexError("len failed")
try:
    bool(BadLen())
except IndexError as e:
    print("truth via len:", e)
class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a): raise NameError("exit failed")
try:
    with BadExit():
        pass
except NameError as e:
    print("exit without exception:", e, e.__context__)
class BadInit:
    def __init__(self): raise LookupError("init failed")
try:
    BadInit()
except LookupError as e:
    print("constructor:", e)
class BadGetattr:
    def __getattr__(self, n): raise ValueError("not AttributeError")
try:
    getattr(BadGetattr(), "x", "default")
except ValueError as e:
    print("getattr default does not swallow:", e)
