# int(x, base): every base 2..36, base 0 prefix detection, underscores, whitespace, signs, and the error messages.
for base in range(2, 37):
    print(base, int("10", base), int("z"[:1] if base == 36 else "1", base), int("-11", base))
for s in ["0x1f", "0o17", "0b101", "0", "00", "-0x10", "  +0b1  ", "1_000", "0_0", "0x_ff", "0B11", "0X1F", "0O7"]:
    print(repr(s), int(s, 0))
for s, base in [("08", 0), ("1__0", 10), ("_1", 10), ("1_", 10), ("", 10), (" ", 10), ("0x", 16), ("0x1f", 10), ("12", 2), ("z", 35), ("1.5", 10), ("+-1", 10), ("١٢٣", 10), ("0b102", 0), ("ff", 15)]:
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
print(int("0x1f", 16), int("0b1", 2), int("0o7", 8), int("١٢٣"), int("\u0661\u0662", 10), int(" \t12\n"), int("ZZ", 36), int(b"42"), int(bytearray(b"-7"), 8))
for args in [("1", 1), ("1", 37), ("1", -1), (1, 10), (1.5, 10), ("1", "10")]:
    try:
        int(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(int(), int(0), int(-0.9), int(2.9), int(True), int("  -0  "), int(x="5") if False else int("5", base=10))
class Idx:
    def __index__(self): return 16
print(int("10", Idx()), int("ff", base=Idx()))
