# unpack_sequence: assignments that unpack tuples and lists into names:
# fixed-width unpacking of 2 to 10 items, swaps and rotations through tuples,
# starred targets, and nested targets in for loops.  Prints a checksum of the
# unpacked values.
#
#   unpack_sequence.py [N]
# quick: 5000

import sys


def fixed(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    l = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    total = 0
    for i in range(n):
        a, b, c, d, e, f, g, h, j, k = t
        total += a + k * i
        a, b, c, d, e, f, g, h, j, k = l
        total += b - j
        a, b, c, d, e = t[:5]
        total += e
        a, b = l[3], l[4]
        total += a * b
        a, b, c = b, c, a
        total += a - c
    return total


def swaps(n):
    x, y, z = 1, 2, 3
    for i in range(n):
        x, y = y, x
        x, y, z = z, x, y
        x, y = y + i % 7, x
        x, y, z = y % 1000, z % 1000, x % 1000
    return x * 1000000 + y * 1000 + z


def starred(n):
    data = list(range(12))
    total = 0
    for i in range(n):
        first, *middle, last = data
        total += first + len(middle) + last
        *init, tail = data[: i % 10 + 2]
        total += len(init) + tail
        head, second, *rest = (i, i + 1, i + 2, i + 3)
        total += head - second + rest[-1]
    return total


def nested(n):
    pairs = [((i, i * 2), (str(i), [i, -i])) for i in range(64)]
    total = 0
    for _ in range(n // 64):
        for (a, b), (s, (c, d)) in pairs:
            total += a + b + len(s) + c + d
        for i, (a, b) in enumerate(p[0] for p in pairs):
            total += i * a - b
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
    print("unpack_sequence %d: %d %d %d %d" %
          (n, fixed(n), swaps(n), starred(n), nested(n)))


main()
