# ExceptionGroup.split/subgroup with types, predicates and nesting; derive() on subclasses; constructor validation.
eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(KeyError)), eg.subgroup(OSError), eg.subgroup(lambda e: True) is eg, repr(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "sub")))
m, r = eg.split((TypeError, KeyError))
print(repr(m), repr(r))
print(eg.split(BaseException)[0] is eg, eg.split(OSError)[0], eg.message, len(eg.exceptions), str(eg))
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
my = MyEG("mine", [ValueError(1), TypeError(2)])
print(repr(my.split(ValueError)), type(my.subgroup(TypeError)).__name__)
for args in [("m", []), ("m", [1]), (5, [ValueError()]), ("m", ValueError()), ("m",)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
b = BaseExceptionGroup("b", [ValueError(1)])
print(type(b).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
g = ExceptionGroup("n", [ValueError("a")])
g.add_note("note"); g.__cause__ = KeyError("c")
s = g.subgroup(ValueError)
print(s is g, getattr(g.split(TypeError)[1], "__notes__", None), repr(g.split(TypeError)[1].__cause__))
