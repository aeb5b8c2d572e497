# complex arithmetic: mixed-type ops, power, division by zero, reflected ops with int/float.
a, b = 1 + 2j, 3 - 1j
print(a + b, a - b, a * b, a / b, -a, +a)
print(a + 1, 1 + a, a * 2.5, 2.5 * a, 1 / a, a ** 2, 2 ** a == 2 ** a, a ** 0, a ** 1)
print((1j) ** 2, (1j) ** 3, (-1) ** 0.5 == (-1+0j) ** 0.5, 0j ** 0)
for num, den in [(1j, 0), (1j, 0j), (1, 0j), (0j, 0j)]:
    try:
        num / den
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
for op in ["//", "%"]:
    try:
        eval("a " + op + " b")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    divmod(a, b)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(a)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float(a)
except TypeError as e:
    print(type(e).__name__, e)
print(pow(2j, 2), pow(1 + 1j, 3), abs(3 + 4j), abs(complex(float("inf"), 1)))
z = 1 + 1j
z += 1; print(z)
z *= 1j; print(z)
z -= 1j; print(z)
z /= 2; print(z)
