# Soft keywords as ordinary names.
match = 1
case = 2
_ = 3
match.attr = case
match[0] = _
match(x)
match * 2
match, case = case, match
print(match, case, _)
def match(case, _=None): return case
class case: pass
type = 1

match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case _:
        pass

match value:
    # literals
    case 0 | 1 | -1 | 1.5 | -1.5 | 1j | -1j | 1 + 2j | 1 - 2j | -1 + 2j:
        pass
    case "str" | b"bytes" | 'implicit' 'concat' | None | True | False:
        pass
    # captures and wildcards
    case x:
        pass
    case _:
        pass

match value:
    # value patterns
    case Color.RED:
        pass
    case module.Color.GREEN | a.b.c.d:
        pass
    # group and as patterns
    case (1):
        pass
    case (1 | 2) as n:
        pass
    case [1, 2] as whole:
        pass
    case int() as i if i > 0:
        pass

match value:
    # sequence patterns
    case []:
        pass
    case ():
        pass
    case [x, y, *rest]:
        pass
    case (x, y, *_):
        pass
    case [*_, last]:
        pass
    case x, y:
        pass
    case x, *y:
        pass
    case *x, y,:
        pass
    case [[a, b], (c, d)]:
        pass
    case (x,):
        pass
    case [x,]:
        pass

match value:
    # mapping patterns
    case {}:
        pass
    case {"key": v}:
        pass
    case {"a": 1, "b": [x, y], **rest}:
        pass
    case {0: _, 1.5: _, -1: _, Color.RED: _, None: _, True: _, b"k": _}:
        pass
    case {**rest}:
        pass
    case {"k": {"nested": {"deep": v}}}:
        pass

match value:
    # class patterns
    case Point():
        pass
    case Point(x=0, y=0):
        pass
    case Point(0, 0):
        pass
    case Point(1, y=2):
        pass
    case mod.Point(x, y, z=[a, *b]):
        pass
    case int(x) | float(x):
        pass
    case Point(x=Point(x=0),):
        pass

match x, y:
    case a, b if a == b:
        pass
    case (a, b) if (c := a + b):
        pass

match (x):
    case 1: pass
match [x]:
    case [1]: pass
match -x:
    case _: pass
match *a, b:
    case _: pass
match x,:
    case _: pass
match {1: 2}:
    case {1: 2}: pass
match f(x):
    case _:
        match y:
            case _: pass
match await_ if a else b:
    case _: pass
match match:
    case case:
        pass
