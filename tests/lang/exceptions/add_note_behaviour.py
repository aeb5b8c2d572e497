# BaseException.add_note and __notes__: creation on first note, type checks, tampering, notes on groups.
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first"); e.add_note("second")
print(e.__notes__, type(e.__notes__).__name__)
try:
    e.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
e.__notes__ = ("tuple",)
try:
    e.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)
del e.__notes__
e.add_note("fresh"); print(e.__notes__)
try:
    try:
        raise KeyError("k")
    except KeyError as err:
        err.add_note("added in handler")
        raise
except KeyError as err:
    print(err.__notes__, err.args)
g = ExceptionGroup("grp", [ValueError(1)])
g.add_note("group note")
match, rest = g.split(ValueError)
print(match.__notes__, rest)
class Sub(Exception):
    pass
s = Sub(); s.add_note("a"); s.__notes__.append("b"); print(s.__notes__, str(s) == "")
try:
    BaseException.add_note(1, "x")
except TypeError as err:
    print(type(err).__name__, err)
