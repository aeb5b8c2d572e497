# assert: message evaluation, AssertionError args, __debug__.
print(__debug__)
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
def msg():
    print("message evaluated")
    return "lazy message"
assert True, msg()
try:
    assert 0, msg()
except AssertionError as e:
    print(e)
try:
    assert False, ("tuple", 1)
except AssertionError as e:
    print(e.args)
try:
    assert None, ValueError("exception object as message")
except AssertionError as e:
    print(type(e.args[0]).__name__, e)
x = 5
assert x > 0
assert isinstance(x, int), f"{x} is not int"
def check(v):
    assert v, f"bad value {v!r}"
    return "ok"
for v in [1, 0, "", "s"]:
    try:
        print(check(v))
    except AssertionError as e:
        print("AssertionError", e)
import builtins
orig = builtins.AssertionError
class Custom(Exception): pass
builtins.AssertionError = Custom
try:
    assert False, "still the real one"
except orig as e:
    print("real AssertionError raised:", type(e).__name__)
except Custom:
    print("custom")
builtins.AssertionError = orig
