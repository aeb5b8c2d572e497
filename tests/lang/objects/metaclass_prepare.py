# __prepare__ supplies the class namespace; the body executes in it.
class RecordingDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        self.order.append(key)
        super().__setitem__(key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        d = RecordingDict()
        d['injected'] = 'from prepare'
        return d
    def __new__(mcls, name, bases, ns, **kw):
        print("new got", type(ns).__name__, [k for k in ns.order if not k.startswith('__')])
        return super().__new__(mcls, name, bases, dict(ns))
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class C(metaclass=Meta, option=1):
    b = 1
    a = 2
    def m(self): return injected
    seen = injected
    b = 3

print(C.seen, C.b, C.injected)
print(type(C.__dict__).__name__)

# __prepare__ returning a non-dict mapping
class Tracker:
    def __init__(self): self.data = {}
    def __getitem__(self, k):
        if k == 'magic':
            return 99
        return self.data[k]
    def __setitem__(self, k, v):
        self.data[k] = v
    def __delitem__(self, k):
        del self.data[k]

class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Tracker()
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns.data)

class D(metaclass=M2):
    x = magic
    y = x + 1
    tmp = 0
    del tmp
print(D.x, D.y, hasattr(D, 'tmp'))

class M3(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class E(metaclass=M3):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(type.__prepare__('x', ()) == {})
