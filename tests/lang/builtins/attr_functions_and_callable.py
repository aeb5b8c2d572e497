# getattr/setattr/hasattr/delattr with defaults and errors, callable(), vars() and dir() on simple objects.
class O:
    cls_attr = 1
    def method(self):
        return "m"
    @property
    def broken(self):
        raise ValueError("prop fails")
o = O()
setattr(o, "x", 5); setattr(o, "with space", 6)
print(getattr(o, "x"), getattr(o, "nope", "dflt"), getattr(o, "with space"), hasattr(o, "cls_attr"), hasattr(o, "nope"), vars(o))
try:
    hasattr(o, "broken")
except ValueError as e:
    print(type(e).__name__, e)
print(getattr(o, "broken", "swallowed?") if False else "skip")
delattr(o, "x"); print(hasattr(o, "x"))
for call in [lambda: delattr(o, "x"), lambda: getattr(o, "missing"), lambda: getattr(o, 5), lambda: setattr(o, 1, 2), lambda: hasattr(o, None), lambda: vars(5)]:
    try:
        print(call())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(callable(o), callable(O), callable(o.method), callable(len), callable(lambda: 0), callable(5), callable(None))
class CallMe:
    def __call__(self):
        return "called"
print(callable(CallMe()), CallMe()())
print([n for n in dir(o) if not n.startswith("__")], "cls_attr" in dir(O), dir(object()) == dir(object))
class WithDir:
    def __dir__(self):
        return ["b", "a", "a"]
print(dir(WithDir()))
def fn():
    pass
fn.attr = 1
print(vars(fn), getattr(fn, "__name__"), sorted(vars(O).keys() & {"cls_attr", "method", "__module__"}))
