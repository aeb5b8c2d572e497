# descriptors on builtins: method_descriptor, wrapper_descriptor, getset/member descriptors, classmethod_descriptor, binding.
print(type(str.upper).__name__, type(str.__add__).__name__, type(int.real).__name__, type(dict.fromkeys).__name__)
print(type("a".upper).__name__, type((1).__add__).__name__, type(dict.__dict__["fromkeys"]).__name__)
print(str.upper("abc"), str.upper.__get__("xy")(), list.append.__name__, list.append.__qualname__, str.upper.__objclass__.__name__)
try:
    str.upper(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list.append.__get__(5)
except TypeError as e:
    print(type(e).__name__, e)
print(int.real.__get__(7), float.imag.__get__(2.5), int.__dict__["real"].__name__)
try:
    int.real.__set__(5, 3)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
f = lambda: 0
print(type(type(f).__code__).__name__ if False else type(type(f).__dict__["__code__"]).__name__, type(type(f).__dict__["__globals__"]).__name__)
print(type(ValueError.__dict__.get("args", BaseException.__dict__["args"])).__name__)
cm = dict.__dict__["fromkeys"]
print(cm.__get__(None, dict)("ab"), cm.__get__({}, dict)([1]))
sm = str.__dict__["maketrans"]
print(type(sm).__name__, sorted(sm("a", "b").items()))
print(object.__dict__["__class__"].__get__(3), type(object.__dict__["__class__"]).__name__)
bound = [1, 2].__len__
print(bound(), bound.__self__, bound.__name__, type(bound).__name__)
print(vars(type(None)) is not None, "upper" in str.__dict__, str.__dict__["upper"] is str.upper)
print(property.__get__(property(lambda s: 5), 1), staticmethod(len).__func__ is len, classmethod(len).__func__ is len)
