# __set_name__ is called on attributes at class creation, not on later assignment.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.private = '_' + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)

class Point:
    x = Field()
    y = Field()
    z = w = Field()

p = Point()
p.x = 1
p.y = 2
print(p.x, p.y, p._x, Point.x.name, Point.z.name)

Point.late = Field()
print(hasattr(Point.late, 'name'))

class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("boom " + name)
try:
    class C:
        attr = Boom()
except ValueError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__ if e.__cause__ else None)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

# via type()
T = type('T', (), {'f': Field()})
print(T.f.name)

# __set_name__ looked up on the type, not the instance
class NotOnInstance:
    pass
n = NotOnInstance()
n.__set_name__ = lambda *a: print("should not be called")
class U:
    a = n
print("done")
