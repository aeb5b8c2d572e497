# match: literal, capture, wildcard, value, OR, guard, AS patterns.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case None:
            return "none"
        case True:
            return "true"
        case -1.5:
            return "negative float"
        case 1+2j:
            return "complex literal"
        case Color.RED:
            return "red"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s if len(s) > 3:
            return f"long string {s}"
        case (1 | 2) as which:
            return f"unreachable {which}"
        case other:
            return f"other {other!r}"
for val in [0, 1, 3, "hello", b"bytes", None, True, False, 1.0, -1.5, 1 + 2j, Color.RED, Color.GREEN, 500, "abcdef", "ab", 4.5]:
    print(repr(val), "->", describe(val))
def wildcard(v):
    match v:
        case _:
            return "always"
print(wildcard(object()) if False else wildcard(5))
x = "not touched"
match 42:
    case x:
        pass
print(x)
match 5:
    case 1:
        print("no")
print("no case matched falls through")
def guard_side_effects(v):
    calls = []
    def g(tag):
        calls.append(tag)
        return False
    match v:
        case int() if g("first"):
            pass
        case int() if g("second"):
            pass
        case _:
            pass
    return calls
print(guard_side_effects(3), guard_side_effects("s"))
for src in ["match x:\n    case a:\n        pass\n    case 1:\n        pass\n", "match x:\n    case a | b:\n        pass\n",
            "match x:\n    case [a, a]:\n        pass\n", "match x:\n    case 1 | a:\n        pass\n"]:
    try:
        compile(src, "<m>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
match = 5
case = 6
print(match + case, "soft keywords")
