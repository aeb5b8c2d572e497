# Special methods with extra arity or rarer operators: __pow__ with modulo, __rpow__ not used for 3-arg pow, __divmod__/__rdivmod__, __matmul__/__imatmul__, __ipow__ and fallbacks.
class P:
    def __pow__(self, e, mod=None): return ("pow", e, mod)
    def __rpow__(self, b, mod=None): return ("rpow", b, mod)
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __matmul__(self, o): return ("matmul", o)
    def __rmatmul__(self, o): return ("rmatmul", o)
p = P()
print(p ** 2, pow(p, 2), pow(p, 2, 5), 2 ** p, pow(2, p), divmod(p, 3), divmod(3, p), p @ 1, 1 @ p)
try:
    pow(2, p, 5)
except TypeError as e:
    print(type(e).__name__, e)
class IP(P):
    def __ipow__(self, e): return ("ipow", e)
    def __imatmul__(self, o): return ("imatmul", o)
q = IP(); q **= 3; print(q)
q = IP(); q @= 4; print(q)
q = P(); q **= 3; print(q)
q = P(); q @= 4; print(q)
class NotImplIpow:
    def __ipow__(self, e): return NotImplemented
    def __pow__(self, e): return "fell back to pow"
n = NotImplIpow(); n **= 2; print(n)
for f in [lambda: 1 @ 2, lambda: [1] @ [2], lambda: divmod("a", 1), lambda: pow("a", 2), lambda: pow(2, 2, "a")]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
m = 5
try:
    m @= 2
except TypeError as e:
    print(type(e).__name__, e)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(True, 2), (7).__divmod__(2), (7).__rdivmod__(20), (2).__rpow__(3), (2).__pow__(10, 1000))
