# complex attributes (real/imag/conjugate), equality with other numbers, hashing and format().
z = 3 - 4j
print(z.real, z.imag, z.conjugate(), abs(z), type(z.real).__name__)
print(z == complex(3, -4), (1 + 0j) == 1, (1 + 0j) == 1.0, (1 + 1j) == 1, 0j == False)
print(hash(1 + 0j) == hash(1), hash(0j) == 0, hash(complex(2.5, 0)) == hash(2.5))
for spec in ["", ".2f", "10.3f", "<20", "^20.1e", "+g", "e", "", "g"]:
    print(repr(spec), repr(format(z, spec)))
print(format(1j, ""), format(complex(1, 0), ""), format(-1.5 + 2.25j, "08.2f") if False else "-")
print("{0.real} {0.imag} {0:.1f}".format(2 + 3j))
print(f"{1.5-2j!r} {complex(0,1)!s}")
for op in ["<", "<=", ">", ">="]:
    try:
        eval("1j " + op + " 2j")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    format(1j, "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1j, "=10")
except ValueError as e:
    print(type(e).__name__, e)
print(bool(0j), bool(1e-300j), bool(complex(0, 0.0)))
