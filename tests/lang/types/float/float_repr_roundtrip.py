# float repr: shortest round-tripping digits, exponent switch points (1e16, 1e-4), subnormals, powers of two and float(repr(x)) == x.
vals = [0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e15, 1e16, 1.5e16, 123456789012345678.0, 0.0001, 0.00001, 1.23e-5, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 9007199254740993.0, 0.30000000000000004, 100.0, 1e22, 1e23, 4.35, 2 ** -30, 2.0 ** 100, -1.5, 1.0, 10.0, 123.0]
for v in vals:
    r = repr(v)
    print(r, str(v), float(r) == v, len(r))
x = 0.0
for i in range(1, 25):
    x += 0.1
    print(i, repr(x), repr(i * 0.1), repr(i / 10))
print(repr(float("inf")), repr(-float("inf")), repr(float("nan")), repr(-float("nan")), repr(-0.0), repr(0.0))
print([repr(10.0 ** e) for e in range(14, 19)], [repr(10.0 ** -e) for e in range(3, 7)])
