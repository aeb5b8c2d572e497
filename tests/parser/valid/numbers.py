# Every numeric literal form.
decimal = [0, 7, 123, 1_000_000, 00, 0_0, 2147483648, 18446744073709551616, 123456789012345678901234567890]
hexes = [0x0, 0xff, 0XFF, 0x_dead_BEEF, 0xFFFFFFFFFFFFFFFFFFFF]
octals = [0o0, 0o17, 0O777, 0o_1_2]
binaries = [0b0, 0b1010, 0B1, 0b_1_0]
floats = [0.0, 1., .5, 1.5, 1e10, 1E-5, 1.5e+3, 1_0.2_5, 1_0e1_0, .0001, 1e308, 1e309, 2.5e-324, 0e0, 00.5, 09.5, 0_9e1]
imaginary = [1j, 1J, 0j, 1.5j, .5j, 1e3j, 1_0j, 00j, 09j, 1e-400j]
unary = [-1, +1, ~1, -0x10, - - 1, -1.5, -1j, +-~0]
big_negative = -9223372036854775808
attr = 1 .real, 1.0.real, 0x1.real, 1j.imag
complex_sum = 1 + 2j
spacing = 1if 1else 2
