# Numeric literals: bases, underscores, floats, exponents, imaginary, and invalid forms.
print(0, 00, 0_0, 123, 1_000_000, 0b1010, 0B11, 0o17, 0O7, 0xff, 0XAB, 0x_dead_beef)
print(1.0, 1., .5, 1e10, 1E-3, 1_0.5_0, 1e1_0, 0.0e0, 3.14_15, 1_000.000_1)
print(1j, 2.5j, 1e2j, 0J, 1_0j, type(1j).__name__, 10 ** 30, 0xFFFFFFFFFFFFFFFFFFFF)
print(9007199254740993, 1.7976931348623157e308, 1e309, 2.2250738585072014e-308, 4.9e-324, 1e-400)
for src in ["0777", "1__0", "1_", "0x", "0b2", "0o8", "1.e", "1e", "0_x1", "09", "1.__class__", "1 .__class__", "1..real"]:
    try:
        print(src, "->", repr(eval(src)))
    except SyntaxError as e:
        print(src, "-> SyntaxError", e.msg)
print(00.5, 09.5, 0e0, 1 if True else 2, 0o0, 0b0_1)
