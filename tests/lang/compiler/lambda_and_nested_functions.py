# Lambdas, nested defs, recursion, default argument evaluation time, function redefinition.
sq = lambda x: x * x
print(sq(4), (lambda: "no args")(), (lambda *a: a)(1, 2), (lambda **k: k)(a=1), (lambda x, y=2: x + y)(1))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda v: v + 1)(3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x * 2, [1, 2])), list(filter(lambda x: x % 2, range(6))))
def fact(n): return 1 if n < 2 else n * fact(n - 1)
print(fact(20))
def f(): return 1
g = f
def f(): return 2
print(g(), f())
x = 10
def default_time(v=x): return v
x = 20
print(default_time())
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(2)(3))
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in make_adders()])
def gen_fn():
    return (lambda: (yield 5))()
print(next(gen_fn()))
def ackermann(m, n):
    if m == 0: return n + 1
    if n == 0: return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None: moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10)), hanoi(2))
def docstring_only():
    "only a docstring"
print(docstring_only(), docstring_only.__doc__)
def early_return(v):
    if v:
        return
    return "fell through"
print(early_return(1), early_return(0))
