# Integer arithmetic across machine-word boundaries (small/tagged ints turning big and back): +,-,*,//,%,<<,>>,neg,abs,pow.
edges = [2 ** 30 - 1, 2 ** 30, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 61 - 1, 2 ** 61, 2 ** 62 - 1, 2 ** 62, 2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64]
for e in edges:
    for v in (e, -e):
        print(v, v + 1, v - 1, v * 2, v * -3, -v, abs(v), v // 3, v % 7, v // -7, v % -7, v >> 1, v << 1, ~v, v & 0xFF, v | 1, v ^ -1)
print(-(2 ** 63) // -1, (-(2 ** 63)) * -1, abs(-(2 ** 63)), divmod(-(2 ** 63), -1), -(2 ** 62) - 2 ** 62, (2 ** 62) + (2 ** 62))
print((2 ** 32) * (2 ** 32), (2 ** 31) * (2 ** 31), (-(2 ** 31)) * (2 ** 32), 3037000499 ** 2, 3037000500 ** 2)
big = 2 ** 100
print(big - big, (big + 5) - big, big // big, big % (big - 1), (big * 3) // big, -big // (2 ** 99), big >> 98, big >> 200, -big >> 200)
print(1 << 62, 1 << 63, 1 << 64, (1 << 64) >> 64, -1 << 63, (-1 << 100) >> 99, 5 >> 100, -5 >> 100)
total = 0
for i in range(100):
    total += 2 ** 62
print(total, total - 100 * 2 ** 62, type(total - 100 * 2 ** 62).__name__)
print(sum([2 ** 63 - 1, 1, -1, -(2 ** 63 - 1)]), max(2 ** 64, 2 ** 64 - 1) - min(2 ** 64, 2 ** 64 - 1))
print(2 ** 63 == 2.0 ** 63, 2 ** 63 - 1 == 2.0 ** 63, (2 ** 63 - 1) < 2.0 ** 63, 2 ** 53 + 1 == 2.0 ** 53 + 1, float(2 ** 53 + 1))
