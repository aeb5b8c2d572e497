# match class patterns: __match_args__ positional mapping, keyword attributes, too many positional args (TypeError), self-matching builtins, and failed attribute lookups.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z): super().__init__(x, y); self.z = z
class NoArgs:
    def __init__(self): self.v = 1
def where(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return ("on y axis", yy)
        case Point(xx, 0):
            return ("on x axis", xx)
        case Point(x, y=5) if x > 0:
            return ("y5", x)
        case NoArgs(v=1):
            return "noargs v=1"
        case int(n) | float(n):
            return ("number", n)
        case str(s):
            return ("string", s)
        case _:
            return "elsewhere"
for p in [Point3(0, 0, 0), Point(0, 0), Point(0, 7), Point(3, 0), Point(2, 5), Point(-2, 5), NoArgs(), 4, 2.5, "s", [1], True]:
    print(where(p))
def too_many(p):
    match p:
        case NoArgs(1):
            return "matched"
try:
    too_many(NoArgs())
except TypeError as e:
    print(type(e).__name__, e)
class BadArgs:
    __match_args__ = "xy"
try:
    match BadArgs():
        case BadArgs(a):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 1:
        case int(a, b):
            pass
except TypeError as e:
    print(type(e).__name__, e)
not_a_class = 5
try:
    match 1:
        case not_a_class():
            pass
except TypeError as e:
    print(type(e).__name__, e)
class Dup:
    __match_args__ = ("a",)
    a = 1
try:
    match Dup():
        case Dup(1, a=1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
match Point(1, 2):
    case Point(x=1, z=3):
        print("has z?")
    case Point(x=1):
        print("missing attribute just fails the case")
