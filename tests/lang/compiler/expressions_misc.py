# Boolean operators return operands, conditional expressions, lambda, operator precedence, identity.
print(0 or "x", "" or [] or None, 1 and 2, 0 and 1/0, None or 0 or "last", not 0, not "a", [] and 1)
def t(v):
    print("eval", v)
    return v
print(t(0) or t(2) or t(3))
print(t(1) and t(0) and t(3))
x = 5
print("pos" if x > 0 else "neg", "a" if 0 else "b" if 0 else "c")
print(2 + 3 * 4 ** 2 // 3 % 5, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, not 1 == 2, 1 + 2 << 1, 5 & 3 | 4 ^ 1)
print(1 if True else 2 + 10, (lambda: 1 if False else 2)(), [1, 2][True], ~-5 + --3)
f = lambda a, b=2, *c, d=4, **e: (a, b, c, d, e)
print(f(1), f(1, 3, 5, d=0, z=9), (lambda: (yield))().__class__.__name__)
one = 1
print(one is one, None is None, [] is not [], "a" in "abc", 3 not in [1, 2])
a = [1]
b = a
print(a is b, a == [1], a is not [1], id(a) == id(b))
print(((1, 2), 3)[0][1], {"k": [1, {"n": 5}]}["k"][1]["n"], "abc"[1:][::-1], (1).__add__(2))
print(type(...).__name__, ... is Ellipsis)
print(10 - 3 - 2, 2 ** 2 ** 3, 100 / 10 / 5, 100 // 7 // 2, "a" "b" "c", 1_0 + 0x1_0)
print(3 if [] else 4, [] or {} or (), 1 < 2 and 2 < 3 or 0)
val = 0
val = val or 10
print(val)
print(*(i for i in range(3)), sep=",")
two = 2
print(True + True == two is not None)
