# isinstance/issubclass across the builtin type lattice: bool<int, numbers, str/bytes, collections views, functions/methods, and abstract checks via type().
checks = [(True, int), (True, bool), (1, bool), (1, float), (1.0, int), (1j, complex), ("s", str), (b"b", bytes), (bytearray(), bytes), (memoryview(b""), bytes), ([], list), ((), tuple), ({}, dict), (set(), frozenset), (frozenset(), set), (range(1), range), (None, type(None)), (int, type), (type, type), (type, object), (object, type), (len, object), ({}.keys(), set), (iter([]), list)]
for obj, cls in checks:
    print(repr(obj) if not isinstance(obj, type) and not callable(obj) and not hasattr(obj, "__next__") and not isinstance(obj, type({}.keys())) and not isinstance(obj, memoryview) else type(obj).__name__, cls.__name__, isinstance(obj, cls))
pairs = [(bool, int), (int, bool), (int, object), (type, object), (object, object), (str, (int, str)), (dict, dict), (KeyError, LookupError), (LookupError, KeyError), (UnicodeDecodeError, ValueError), (BaseException, Exception), (StopAsyncIteration, Exception), (GeneratorExit, Exception), (type(None), object)]
for a, b in pairs:
    print(a.__name__, b if isinstance(b, tuple) and False else getattr(b, "__name__", "tuple"), issubclass(a, b))
def fn(): pass
class K:
    def m(self): pass
print(type(fn).__name__, type(K().m).__name__, type(K.m).__name__, type(len).__name__, type([].append).__name__, type((x for x in [])).__name__, type(range(1)).__name__, type(iter(range(1))).__name__, type(iter("")).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(zip()).__name__)
