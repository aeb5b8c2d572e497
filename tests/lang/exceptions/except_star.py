# except*: splitting ExceptionGroups, matching leaf types, re-raising unhandled remainders, naked exceptions.
def show(eg, indent=0):
    pad = " " * indent
    if isinstance(eg, BaseExceptionGroup):
        print(f"{pad}{type(eg).__name__}({eg.message!r}) [{len(eg.exceptions)}]")
        for sub in eg.exceptions:
            show(sub, indent + 2)
    else:
        print(f"{pad}{type(eg).__name__}({eg})")
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as g:
    print("ValueError handler:"); show(g)
except* TypeError as g:
    print("TypeError handler:"); show(g)
try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [OSError("o"), KeyError("k2")])])
    except* KeyError as g:
        print("KeyError handler:"); show(g)
except ExceptionGroup as rest:
    print("unhandled remainder:"); show(rest)
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", type(g).__name__, repr(g.message), [str(x) for x in g.exceptions])
try:
    try:
        raise ExceptionGroup("eg", [ValueError("v")])
    except* ValueError:
        raise KeyError("raised in handler")
except KeyError as e:
    print("from handler:", repr(e), type(e.__context__).__name__)
except ExceptionGroup as eg:
    print("group from handler:"); show(eg)
try:
    try:
        raise ExceptionGroup("eg", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print("bare raise keeps group:"); show(eg)
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* (TypeError, ValueError) as g:
    print("tuple match", [type(x).__name__ for x in g.exceptions])
for src in ["try:\n    pass\nexcept* ExceptionGroup:\n    pass\n",
            "try:\n    pass\nexcept *ValueError:\n    pass\nexcept KeyError:\n    pass\n",
            "for x in []:\n    try:\n        pass\n    except* ValueError:\n        break\n",
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(type(e).__name__, e)
def handlers_run_once():
    count = 0
    try:
        raise ExceptionGroup("eg", [ValueError(i) for i in range(5)])
    except* ValueError as g:
        count += 1
        n = len(g.exceptions)
    return count, n
print(handlers_run_once())
try:
    raise ExceptionGroup("eg", [ValueError("x")])
except* ValueError:
    print("handled")
else:
    print("no else")
finally:
    print("finally runs")
