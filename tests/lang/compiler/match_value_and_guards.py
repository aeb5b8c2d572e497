# match: dotted value patterns, constants from modules/classes, guards referencing captures, OR of class patterns.
import enum
class Status(enum.IntEnum):
    OK = 200
    NOT_FOUND = 404
class Const:
    LIMIT = 10
def check(code):
    match code:
        case Status.OK:
            return "ok"
        case Status.NOT_FOUND:
            return "not found"
        case Const.LIMIT:
            return "limit"
        case int(n) if n >= 500:
            return "server error"
        case int(n) | float(n) if n < 0:
            return "negative"
        case _:
            return "other"
print([check(c) for c in (200, 404, 10, 503, -1, -2.5, 300, "x")])
def point(p):
    match p:
        case (x, y) if x == y:
            return "diagonal"
        case (x, y) if x > y:
            return "below"
        case (x, _):
            return f"above at x={x}"
print(point((1, 1)), point((3, 1)), point((1, 3)))
def kinds(v):
    match v:
        case list() | tuple() as seq if len(seq) > 2:
            return f"long {type(seq).__name__}"
        case list() | tuple():
            return "short sequence"
        case {"k": (1 | 2) as which}:
            return f"mapping with {which}"
        case str() | bytes():
            return "text-like"
    return "fell off"
print([kinds(v) for v in ([1, 2, 3], (1,), {"k": 2}, {"k": 3}, "s", b"b", 5)])
match 1.0:
    case 1:
        print("1.0 matches literal 1 (equality)")
match True:
    case 1:
        print("True matches literal 1 (compared with ==)")
match 0:
    case False:
        print("never: False literal uses identity")
    case _:
        print("0 does not match False (singletons compare by identity)")
subject_evals = []
def subject():
    subject_evals.append(1)
    return 3
match subject():
    case 1: pass
    case 2: pass
    case 3: print("subject evaluated", len(subject_evals), "time")
