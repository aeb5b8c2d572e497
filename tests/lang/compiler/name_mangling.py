# Private name mangling: attributes, methods, globals referenced in class bodies, nested classes, leading-underscore class names.
class A:
    __x = "A's"
    def get(self): return self.__x
    def set_other(self, o): o.__y = 1
    def via_getattr(self): return getattr(self, "__x", "getattr is not mangled")
class B(A):
    __x = "B's"
    def get_b(self): return self.__x
b = B()
print(b.get(), b.get_b(), sorted(k for k in vars(B) if "x" in k), sorted(k for k in vars(A) if "x" in k), b.via_getattr())
class Plain: pass
p = Plain()
A().set_other(p)
print(vars(p))
__module_level = "global with dunder prefix"
class UsesGlobal:
    def read(self):
        try:
            return __module_level
        except NameError as e:
            return "NameError: " + str(e)
print(UsesGlobal().read())
class _Leading:
    __attr = 1
print([k for k in vars(_Leading) if "attr" in k])
class __AllUnderscore:
    __attr = 1
print([k for k in vars(__AllUnderscore) if "attr" in k])
class Outer:
    class Inner:
        __deep = "deep"
    def peek(self): return self.Inner._Inner__deep
    def mangled_in_outer(self):
        try:
            return self.Inner.__deep
        except AttributeError as e:
            return "AttributeError: " + str(e)
print(Outer().peek(), Outer().mangled_in_outer())
class Dunder:
    __both__ = "not mangled"
    __trailing_ = "mangled"
print(sorted(k for k in vars(Dunder) if "both" in k or "trailing" in k))
class KwMangle:
    def f(self, **kw): return kw
    def call(self): return self.f(__secret=1)
print(KwMangle().call())
class ImportMangle:
    def get(self):
        import os.path as __p
        return sorted(k for k in locals() if "p" in k)
print(ImportMangle().get())
