# Operator precedence and associativity: ** right-assoc and unary minus, comparisons vs bitwise, not vs ==, lambda/ternary nesting, and mixed arithmetic.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** -2, ~1 ** 2 if False else ~(1 ** 2))
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 7 // 2 * 2, 7 % 3 * 2, 2 * 7 % 3, -7 // 2, -(7 // 2), 10 - 3 - 2, 100 / 10 / 5)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ 3, 1 << 2 + 1, (1 << 2) + 1, 6 & 3 == 2, (6 & 3) == 2, 1 | 2 == 3)
print(not 1 == 2, not (1 == 2), (not 1) == 2, 1 < 2 == 2, 1 < 2 > 1, 1 == 1 in [True], (1 == 1) in [True])
f = lambda x: x if x > 0 else -x if x < 0 else "zero"
print(f(3), f(-3), f(0), (lambda: 1 if False else 2)(), 1 if 0 else 2 if 0 else 3)
print("a" "b" * 2, ("a" + "b") * 2, -3 % 5, -(3 % 5), 3 - -3, 3 - - - 3, +-+1, 2 * -1 ** 2)
print(True + True * 2, [1, 2] + [3] * 2, "%d" % 3 * 2, "%s" % (1,) + "x", 1 if True else 0 + 100)
a = b = c = [0]
a += [1]
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x + y
print(x, y)
print(1 < 2 < 3 < 4, 1 < 3 < 2, 3 > 2 > 1 > 0 > -1, (1 < 2) < 3, 0 < 0.5 < True)
print(2 ** 0.5 == 2 ** (1 / 2), 10 ** -2, 4 ** .5, 8 ** (1 / 3) == 2.0)
