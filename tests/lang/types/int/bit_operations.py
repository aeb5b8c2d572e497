# Bitwise operations on negative and big ints (two's complement semantics with infinite sign extension).
vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 64 - 1, -(2 ** 64), 2 ** 100 + 12345, -(2 ** 100) - 1]
for a in vals:
    print(a & 0xff, a | 0x0f, a ^ -1, ~a, a >> 3, a << 3, a & -a if a else 0, a.bit_length(), a.bit_count())
for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (2 ** 70, -1), (-(2 ** 70), 2 ** 69 + 7)]:
    print(a & b, a | b, a ^ b)
print(1 << 200 >> 199, -1 << 200 >> 200, (1 << 64) - 1 == 0xFFFFFFFFFFFFFFFF, 1 >> 1, -1 >> 1, -2 >> 1, -3 >> 1)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 << (1 << 100)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
print(0 >> (1 << 100), -1 >> (1 << 100), 5 >> (1 << 70))
print(True << 3, True & 3, ~False, type(True ^ False).__name__, type(True ^ 1).__name__)
