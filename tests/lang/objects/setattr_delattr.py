# __setattr__ and __delattr__ hooks, object.__setattr__, setattr/delattr builtins.
class Guarded:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __setattr__(self, name, value):
        self.log.append(('set', name, value))
        if name == 'readonly':
            raise AttributeError("readonly is read-only")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append(('del', name))
        if name == 'log':
            raise AttributeError("cannot delete log")
        super().__delattr__(name)

g = Guarded()
g.a = 1
setattr(g, 'b', 2)
try:
    g.readonly = 3
except AttributeError as e:
    print(type(e).__name__, e)
del g.a
delattr(g, 'b')
try:
    del g.log
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del g.never
except AttributeError as e:
    print(type(e).__name__, e)
print(g.log)
print(sorted(vars(g)))

# augmented assignment calls get then set
class Counter:
    def __init__(self): object.__setattr__(self, 'n', 0)
    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, v):
        print("set", name, v)
        object.__setattr__(self, name, v)
c = Counter()
c.n += 5

try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(object(), 5, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(int, 'x', 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.x = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del int.real
except TypeError as e:
    print(type(e).__name__, e)

# class attribute assignment through the metaclass hook
class Meta(type):
    def __setattr__(cls, name, value):
        print("Meta set", name)
        super().__setattr__(name, value)
class K(metaclass=Meta): pass
K.z = 1
print(K.z)
