# match mapping patterns use .get-style lookup (no __missing__ insertion), **rest copies, value patterns use ==, literal True/None use identity, dotted names.
class Counting(dict):
    def __missing__(self, k):
        print("missing called", k)
        return 0
def mp(x):
    match x:
        case {"a": 1, **rest}:
            return ("a1", rest)
        case {"b": _}:
            return "has b"
        case {}:
            return "any mapping"
    return "not mapping"
print(mp(Counting(a=1, z=2)), mp(Counting(b=None)), mp(Counting()), mp([("a", 1)]), mp({"a": 2}))
class Const:
    ONE = 1
    LIST = [1, 2]
def val(x):
    match x:
        case Const.ONE:
            return "ONE"
        case Const.LIST:
            return "LIST"
        case True:
            return "True literal"
        case None:
            return "None literal"
        case 0.0:
            return "zero-ish"
        case -3 | 2j | 1 + 2j:
            return "signed/complex literal"
        case "s" "t":
            return "concatenated"
    return "no match"
for v in [1, 1.0, True, [1, 2], (1, 2), None, 0, False, -0.0, -3, 2j, 1 + 2j, "st", b"st"]:
    print(repr(v), val(v))
class EqAll:
    def __eq__(self, o): return True
match EqAll():
    case 42:
        print("value pattern used __eq__")
try:
    exec("match {}:\n case {'a': 1, 'a': 2}: pass")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
key = "dyn"
match {"dyn": 5}:
    case {Const.ONE: _}:
        print("int key")
    case _:
        print("fallthrough")
