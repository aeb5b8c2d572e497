# __dict__ of instances, classes (mappingproxy), assignment of __dict__ and vars().
class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2

c = C()
print(c.__dict__)
c.__dict__['c'] = 3
print(c.c, vars(c) is c.__dict__)
c.__dict__ = {'z': 26}
print(c.__dict__, hasattr(c, 'a'), c.z)
try:
    c.__dict__ = [1]
except TypeError as e:
    print(type(e).__name__, e)

print(type(C.__dict__).__name__)
print('cls_attr' in C.__dict__, C.__dict__['cls_attr'])
try:
    C.__dict__['new'] = 1
except TypeError as e:
    print(type(e).__name__, e)
C.new = 2
print(C.__dict__['new'])
print(sorted(k for k in C.__dict__ if not k.startswith('__')))

# order of attributes preserved
class O: pass
o = O()
for name in ['zeta', 'alpha', 'mid']:
    setattr(o, name, len(name))
print(list(o.__dict__))
del o.alpha
o.alpha = 0
print(list(o.__dict__))

# functions and modules have __dict__ too
def f(): pass
f.tag = 'x'
print(f.__dict__)
import sys
print(type(sys.__dict__).__name__, 'path' in vars(sys))
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
print(hasattr(object(), '__dict__'))
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
