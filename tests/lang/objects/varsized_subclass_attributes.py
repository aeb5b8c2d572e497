# Instance attributes of subclasses of var-sized builtins (str, int, tuple, bytes): __dict__ after the items, methods, inheritance.
class St(str):
    def shout(self): return self.upper() + '!'
s = St('abc'); s.tag = 1
print(s.shout(), St('x') + 'y', type(St('q')).__name__, s.tag, vars(s))
class N(int):
    def double(self): return self * 2
n = N(21); n.k = 'v'
print(n.double(), vars(n), n.bit_length())
class T(tuple):
    def first(self): return self[0]
t = T((1, 2)); t.z = 3
print(t.first(), t, t.z, t[1:])
class B(bytes):
    def h(self): return self.hex()
b = B(b'ab'); b.q = 1
print(b.h(), b.q)
class Sub(N): pass
x = Sub(5); x.a = 1; x.k2 = 2
print(x.double(), vars(x))
