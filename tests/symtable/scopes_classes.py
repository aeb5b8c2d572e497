# Name mangling, __class__ / super, DEF_FREE_CLASS, class bodies.
class _Base:
    __slots__ = ("__a", "b__")
    __private = 1
    __dunder__ = 2
    def __init__(self, __arg, *__rest, **__kw):
        self.__a = __arg
        __local = __rest
        import __mod.sub as __alias
        import __mod2.sub
        from __m import __n
        return super().__init__()

    def uses_class(self):
        return __class__

    @staticmethod
    def nested():
        class ___:
            __x = 1
            def f(self, __y):
                return __x + __y
        class Inner:
            def g(self):
                return __class__, super
        return ___, Inner

    [__c for __c in range(3)]
    total = sum(__d for __d in __slots__)
    def __call__(self): ...

def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
        global gg
        def n(self):
            return gg
    return C

class Outer:
    class Middle:
        def __meth(self):
            def __helper(__p):
                return __p
            return __helper
