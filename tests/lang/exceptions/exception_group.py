# ExceptionGroup / BaseExceptionGroup: construction rules, subgroup, split, derive, str/repr.
eg = ExceptionGroup("msg", [ValueError(1), TypeError("t"), ExceptionGroup("nested", [ValueError(2), KeyError("k")])])
print(str(eg), repr(eg), eg.message, len(eg.exceptions), type(eg.exceptions).__name__)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
def tree(g):
    if isinstance(g, BaseExceptionGroup):
        return (g.message, [tree(x) for x in g.exceptions])
    return repr(g)
print(tree(eg.subgroup(ValueError)))
print(tree(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
print(eg.subgroup(ExceptionGroup) is eg)
match, rest = eg.split(ValueError)
print(tree(match), tree(rest))
match, rest = eg.split((TypeError, KeyError))
print(tree(match), tree(rest))
m, r = eg.split(BaseException)
print(m is eg, r)
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__)
beg2 = BaseExceptionGroup("base", [ValueError()])
print(type(beg2).__name__)
for args in [("m", []), ("m", [1]), (5, [ValueError()]), ("m", ValueError()), ("m",)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "+", excs)
mg = MyGroup("mine", [ValueError(1), KeyError(2)])
s = mg.subgroup(ValueError)
print(type(s).__name__, s.message)
eg.add_note("note on group")
m2, r2 = eg.split(ValueError)
print(m2.__notes__, r2.__notes__)
print(ExceptionGroup("one", [ValueError(1)]).__str__(), ExceptionGroup("two", [ValueError(1), ValueError(2)]).__str__())
e = ExceptionGroup("x", (ValueError(),))
print(type(e.exceptions).__name__, e.args[0], type(e.args[1]).__name__)
