# complex ** with int/float/complex exponents, 0j**0, 0j**negative, division by zero messages, and abs() overflow.
for b, e in [(1j, 2), (1j, 3), (2 + 0j, 10), (1 + 1j, -1), (1 + 1j, 0.5), (0j, 0), (0j, 1), (1j, 1j), (-1 + 0j, 0.5), ((1 + 2j), (3 - 1j)), (2, 1j), (1j, 100)]:
    r = b ** e
    print(repr(b), repr(e), round(r.real, 9), round(r.imag, 9))
for b, e in [(0j, -1), (0j, 1j), (0j, -1 + 0j)]:
    try:
        b ** e
    except ZeroDivisionError as ex:
        print(type(ex).__name__, ex)
for a, b in [(1j, 0), (1 + 1j, 0j), (1, 0j), (1j, 0.0)]:
    try:
        a / b
    except ZeroDivisionError as ex:
        print(type(ex).__name__, ex)
for op in [lambda: 1j // 1, lambda: 1j % 1, lambda: divmod(1j, 1), lambda: int(1j), lambda: float(1j), lambda: 1j < 2j, lambda: round(1j), lambda: pow(1j, 2, 3)]:
    try:
        op()
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
try:
    print(abs(complex(1e308, 1e308)))
    abs(complex(1.5e308, 1.5e308))
except OverflowError as ex:
    print(type(ex).__name__, ex)
try:
    complex(1e308, 0) ** 2
    print("no overflow", complex(1e200, 0) * complex(1e200, 0))
except OverflowError as ex:
    print(type(ex).__name__, ex)
print(abs(3 + 4j), abs(-5j), abs(complex(float("inf"), float("nan"))), (1 + 2j).conjugate(), (2j).real, (2j).imag, 1j * 1j, (1 + 1j) / (1 - 1j))
print(hash(1 + 0j) == hash(1), hash(complex(0, 1)), hash(complex(2, 3)), complex(1, 2) == complex(1.0, 2.0), 1j != 1)
