# except* edge cases: naked exceptions wrapped, unmatched remainder re-raised, nested groups, ordering, raising in handler.
def show(f):
    try:
        f()
    except BaseException as e:
        print("escaped", type(e).__name__, repr(e))
def naked():
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("caught", type(eg).__name__, repr(eg.exceptions))
show(naked)
def remainder():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as eg:
        print("V", eg.exceptions)
    except* KeyError as eg:
        print("K", eg.exceptions)
show(remainder)
def nested():
    try:
        raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [ValueError("b"), OSError("c")])])
    except* ValueError as eg:
        print("matched", repr(eg))
    except* OSError as eg:
        print("os", repr(eg))
show(nested)
def reraise_in_handler():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("new")
show(reraise_in_handler)
def tuple_types():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as eg:
        print("tuple", len(eg.exceptions))
show(tuple_types)
def bare_raise():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show(bare_raise)
for bad in ["ExceptionGroup", "BaseExceptionGroup"]:
    try:
        exec("try:\n  raise ValueError\nexcept* %s:\n  pass" % bad)
    except TypeError as e:
        print(type(e).__name__, e)
def naked_unmatched():
    try:
        raise ValueError("nm")
    except* TypeError:
        print("no")
show(naked_unmatched)
def empty_else():
    try:
        pass
    except* ValueError:
        pass
    else:
        print("else ran")
    finally:
        print("finally ran")
show(empty_else)
