# __getattribute__ intercepts every lookup; object.__getattribute__ is the default.
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith('__'):
            print("get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.x + 1

o = Logged()
print(o.x)
print(o.method())
try:
    o.nope
except AttributeError as e:
    print(type(e).__name__, e)

class Both:
    def __getattribute__(self, name):
        if name == 'special':
            return 'from getattribute'
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return 'from getattr ' + name
b = Both()
print(b.special, b.other)

class Blocks:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return "fallback " + name
print(Blocks().anything)

# special method lookup bypasses __getattribute__
class Spy:
    def __getattribute__(self, name):
        print("spy", name)
        return object.__getattribute__(self, name)
    def __len__(self):
        return 3
s = Spy()
print(len(s))
print(s.__len__())

print(object.__getattribute__(o, 'x'))
try:
    object.__getattribute__(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(type.__getattribute__(int, '__name__'))
