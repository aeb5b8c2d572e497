# match: class patterns with positional (__match_args__) and keyword subpatterns, builtins self-matching.
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Legacy:
    __match_args__ = ("a", "b")
    def __init__(self, a, b): self.a, self.b = a, b
class NoArgs:
    def __init__(self): self.v = 1
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case Legacy(1, b=bb):
            return f"legacy b={bb}"
        case NoArgs(v=1):
            return "noargs v=1"
        case int(i) | float(i):
            return f"number {i}"
        case str(s):
            return f"string {s}"
        case [Point(x=x1), Point(x=x2)]:
            return f"two points x={x1},{x2}"
        case _:
            return "unknown"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Legacy(1, 9), Legacy(2, 9), NoArgs(), 7, 2.5, "s",
          [Point(1, 0), Point(2, 0)], True]:
    print(where(p))
print(Point.__match_args__)
def bad(v):
    match v:
        case NoArgs(1):
            return "x"
try:
    bad(NoArgs())
except TypeError as e:
    print(type(e).__name__, e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
try:
    match TooMany():
        case TooMany(1, 2):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(type(e).__name__, e)
not_a_class = 5
try:
    match 5:
        case not_a_class():
            pass
except TypeError as e:
    print(type(e).__name__, e)
class BadMatchArgs:
    __match_args__ = ["a"]
try:
    match BadMatchArgs():
        case BadMatchArgs(x):
            pass
except TypeError as e:
    print(type(e).__name__, e)
match 3:
    case bool():
        print("bool")
    case int():
        print("int but not bool")
match {"a": 1}:
    case dict(a=1):
        print("no kwargs attrs on dict; should not print")
    case dict():
        print("dict matched")
class Attr:
    x = property(lambda self: print("attr read") or 42)
match Attr():
    case Attr(x=42):
        print("property read once")
