# ExceptionGroup/BaseExceptionGroup construction: type selection (BaseExceptionGroup -> ExceptionGroup), invalid arguments, nesting, str/repr, exceptions tuple, derive and subclassing.
eg = BaseExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(type(eg).__name__, str(eg), repr(eg), eg.message, eg.exceptions, type(eg.exceptions).__name__)
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, str(beg))
for args in [("m", []), ("m", ValueError()), (1, [ValueError()]), ("m", [1]), ("m",), ("m", [KeyboardInterrupt()])]:
    try:
        r = ExceptionGroup(*args)
        print("ok", type(r).__name__)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
print(str(nested), repr(nested), len(nested.exceptions), nested.exceptions[1].exceptions)
single = ExceptionGroup("one", (KeyError("k"),))
print(str(single), repr(single), single.args)
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)
mg = MyGroup("mine", [ValueError(1), TypeError(2)])
match_, rest = mg.split(ValueError)
print(type(match_).__name__, match_.message, type(rest).__name__, rest.message)
class Plain(ExceptionGroup): pass
m2, r2 = Plain("p", [ValueError(1), TypeError(2)]).split(TypeError)
print(type(m2).__name__, m2.message, type(r2).__name__)
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
try:
    ExceptionGroup("gen", (e for e in [ValueError("x")]))
except TypeError as e:
    print(type(e).__name__, e)
print(ExceptionGroup("t", (ValueError("x"),)).exceptions)
try:
    class Bad(ExceptionGroup, KeyboardInterrupt): pass
    print("defined Bad")
except TypeError as e:
    print(type(e).__name__, e)
