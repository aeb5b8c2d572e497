# Bitwise operators on big and negative ints (two's complement semantics): &, |, ^, ~, shifts, bit_length, bit_count.
vals = [0, 1, -1, 5, -5, 2 ** 64, -(2 ** 64), 2 ** 64 - 1, -(2 ** 64) + 1, 2 ** 100 + 12345, -(2 ** 100) - 12345, 0xDEADBEEF]
for a in vals:
    print(a, ~a, a.bit_length(), a.bit_count(), a >> 3, a << 3, a >> 65)
for a in vals[::2]:
    for b in vals[1::3]:
        print(a, b, a & b, a | b, a ^ b, a & ~b)
for bad in [lambda: 1 << -1, lambda: 1 >> -1, lambda: 1 << 2 ** 100, lambda: 1.0 & 1, lambda: 1 | "a"]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError, MemoryError) as e:
        print(type(e).__name__, e)
print(0 >> 2 ** 100, -1 >> 2 ** 100, 5 >> 2 ** 100, 0 << 2 ** 100, True & 3, True | False, True ^ True, type(True & True).__name__, type(True & 3).__name__, ~True)
