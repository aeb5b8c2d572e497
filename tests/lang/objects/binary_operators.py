# Every binary operator special method on a user class.
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v!r})"
    def __add__(self, o): return V(('add', self.v, o))
    def __sub__(self, o): return V(('sub', self.v, o))
    def __mul__(self, o): return V(('mul', self.v, o))
    def __matmul__(self, o): return V(('matmul', self.v, o))
    def __truediv__(self, o): return V(('truediv', self.v, o))
    def __floordiv__(self, o): return V(('floordiv', self.v, o))
    def __mod__(self, o): return V(('mod', self.v, o))
    def __divmod__(self, o): return V(('divmod', self.v, o))
    def __pow__(self, o, mod=None): return V(('pow', self.v, o, mod))
    def __lshift__(self, o): return V(('lshift', self.v, o))
    def __rshift__(self, o): return V(('rshift', self.v, o))
    def __and__(self, o): return V(('and', self.v, o))
    def __xor__(self, o): return V(('xor', self.v, o))
    def __or__(self, o): return V(('or', self.v, o))

a = V(1)
print(a + 2)
print(a - 2)
print(a * 2)
print(a @ 2)
print(a / 2)
print(a // 2)
print(a % 2)
print(divmod(a, 2))
print(a ** 2)
print(pow(a, 2, 5))
print(a << 2)
print(a >> 2)
print(a & 2)
print(a ^ 2)
print(a | 2)

class Nothing: pass
for op, f in [('+', lambda x, y: x + y), ('-', lambda x, y: x - y), ('*', lambda x, y: x * y),
              ('@', lambda x, y: x @ y), ('/', lambda x, y: x / y), ('//', lambda x, y: x // y),
              ('%', lambda x, y: x % y), ('**', lambda x, y: x ** y), ('<<', lambda x, y: x << y),
              ('>>', lambda x, y: x >> y), ('&', lambda x, y: x & y), ('^', lambda x, y: x ^ y),
              ('|', lambda x, y: x | y)]:
    try:
        f(Nothing(), 1)
    except TypeError as e:
        print(op, type(e).__name__, e)
try:
    divmod(Nothing(), 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(Nothing(), 1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] - []
except TypeError as e:
    print(type(e).__name__, e)

# special methods are looked up on the type
n = Nothing()
n.__add__ = lambda o: "instance"
try:
    n + 1
except TypeError as e:
    print("instance attribute ignored:", type(e).__name__)
