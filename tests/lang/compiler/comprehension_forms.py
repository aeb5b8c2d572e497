# Comprehensions: list/set/dict/generator, multiple for and if clauses, nesting, unpacking targets, side effects.
print([x * y for x in range(1, 4) for y in range(x)])
print([(x, y) for x in range(4) if x % 2 for y in "ab" if y != "b" or x > 2])
print({x % 4 for x in range(20)}, {k: v for k, v in zip("abc", range(3)) if v})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print([[row * col for col in range(3)] for row in range(3)])
print([a + b for a, b in [(1, 2), (3, 4)]], [first for first, *rest in ["ab", "cde"]])
print([i for i in range(3) for i in range(i)])
print(sum(x for x in range(100) if x % 7 == 0), list(x for x in "hi"))
g = (print("gen body", x) or x for x in range(2))
print("generator created")
print(list(g))
print([c.upper() for c in "abc" if c not in "b"], ["x" for _ in ()])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [n for row in matrix for n in row if n % 2 == 0])
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print([y for x in [[1, 2], [3]] for y in x], [f"{k}={v}" for k, v in sorted({"b": 2, "a": 1}.items())])
print(dict((i, i * i) for i in range(4)), tuple(i for i in range(3)), set(c for c in "aab") == {"a", "b"})
print([(yield_ := n) for n in range(2)], yield_)
print([lambda: i for i in range(3)][0](), [(lambda i=i: i)() for i in range(3)])
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
