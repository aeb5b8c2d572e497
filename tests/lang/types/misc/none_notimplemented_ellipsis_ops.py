# None/NotImplemented/Ellipsis in operations: comparisons, NotImplemented fallback, reprs in containers.
class A:
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented
    def __lt__(self, other):
        return NotImplemented
    def __add__(self, other):
        return NotImplemented
a = A()
print(a == a, a != 1, a == None)
for expr in ["a < a", "a + 1", "None < None", "... < ...", "None + 1"]:
    try:
        eval(expr)
    except TypeError as e:
        print(type(e).__name__, e)
print(None == None, None != 0, ... == ..., Ellipsis != None, NotImplemented == NotImplemented)
print([None, ..., NotImplemented], {None: ...}, (Ellipsis,), str(...), repr(NotImplemented))
print(type(None).__name__, type(NotImplemented).__name__, type(...).__name__, type(None).__bool__(None))
print(None.__class__ is type(None), None.__repr__(), Ellipsis.__repr__(), NotImplemented.__reduce__())
print(1 .__add__("x"), (1).__lt__(None), "s".__eq__(1), [].__eq__(()))
print(sorted([3, 1], key=lambda v: v) == [1, 3], [x for x in [None, 0, "", ..., False] if x])
try:
    None.__setattr__("y", 1)
except AttributeError as e:
    print(type(e).__name__, e)
d = {}
print(d.get("x"), d.setdefault("y"), d, print("side") is None)
def f():
    pass
def g():
    return
print(f(), g(), (lambda: None)(), [].append(1), [3, 1].sort())
