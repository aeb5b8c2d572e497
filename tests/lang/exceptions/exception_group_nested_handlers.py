# except* with multiple handlers raising: the new exceptions and unhandled ones are combined into a new group.
def show(e, indent=0):
    pad = " " * indent
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}({e.message!r})")
        for s in e.exceptions:
            show(s, indent + 2)
    else:
        print(f"{pad}{type(e).__name__}({e}) context={type(e.__context__).__name__ if e.__context__ else None}")
try:
    try:
        raise ExceptionGroup("src", [ValueError("v"), TypeError("t"), KeyError("k")])
    except* ValueError:
        raise RuntimeError("from value handler")
    except* TypeError:
        raise OSError("from type handler")
except BaseExceptionGroup as eg:
    show(eg)
try:
    try:
        raise ExceptionGroup("src", [ValueError("v")])
    except* ValueError as g:
        raise g
except ExceptionGroup as eg:
    print("re-raise the matched group:"); show(eg)
try:
    try:
        raise ExceptionGroup("src", [ValueError(1), ValueError(2)])
    except* ValueError as g:
        raise ExceptionGroup("new", [KeyError("x")]) from g
except ExceptionGroup as eg:
    show(eg)
    inner = eg.exceptions[0]
    print(type(inner).__name__, type(inner.__cause__).__name__ if inner.__cause__ else None)
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
except* KeyboardInterrupt:
    print("handled KeyboardInterrupt part")
except* ValueError:
    print("handled ValueError part")
