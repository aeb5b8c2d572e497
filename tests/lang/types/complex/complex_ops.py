# complex numbers: construction, repr, arithmetic, attributes, errors.
z = 3 + 4j
print(z, repr(z), z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(z + 1, z - 1j, z * z, z / 2, z / (1 + 1j), z ** 2, 1j ** 2, (1j) ** 0.5 if False else pow(1j, 2))
print(complex(), complex(1), complex(1, 2), complex(1.5, -0.0), complex("1-2j"), complex("j"), complex("-j"),
      complex(" ( 1+2j ) "), complex(1j, 1j))
print(repr(complex(0, 1)), repr(complex(-0.0, 1)), repr(complex(1, -0.0)), repr(complex(0.0, 0.0)), repr(1e300j * 1e10))
print(repr(complex(float("nan"), float("inf"))), repr(complex(1e16, 1e-5)))
print(z == 3 + 4j, z == (3+4j).conjugate(), 1 + 0j == 1, 1j != 1)
try:
    z < z
except TypeError as e:
    print(type(e).__name__, e)
try:
    z // 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    z % 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    z / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    int(z)
except TypeError as e:
    print(type(e).__name__, e)
try:
    complex("1+2")
except ValueError as e:
    print(type(e).__name__, e)
print(format(z, ""), format(z, ".2f"), format(z, "^20"), format(1.5 - 2j, "+.1e"), f"{z:g}")
print(0j ** 0, (2 + 0j) ** 3, (1 + 2j) ** -1, 2 ** (1j) == (2 + 0j) ** 1j)
print(type(1j).__name__, isinstance(1j, complex), complex.__mro__[1].__name__)
print(hash(3 + 0j) == hash(3), (1 + 2j).__hash__() == hash(1 + 2j))
