# slice.indices for positive/negative/None/huge components, step zero error, slice comparison, hashability (3.11: unhashable).
for s in [slice(None), slice(2, 8), slice(-3, None), slice(None, None, -1), slice(-100, 100), slice(5, 2, -1), slice(None, 3, -2), slice(2 ** 70, None), slice(None, -(2 ** 70), -1), slice(1, 9, 3)]:
    for n in [0, 5, 10]:
        print(s, n, s.indices(n), len(range(*s.indices(n))))
for bad in [(slice(None, None, 0), 5), (slice(1, 2), -1), (slice("a", 2), 5), (slice(1.5, 2), 5)]:
    try:
        bad[0].indices(bad[1])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) < slice(1, 3), slice(1) == slice(None, 1), slice(0, 1) != slice(0, 1, 1))
try:
    hash(slice(1, 2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {slice(1): 1}
except TypeError as e:
    print(type(e).__name__, e)
s = slice("a", [1], {2: 3})
print(s, s.start, s.stop, s.step, repr(slice(None)), slice(1, 2, 3))
try:
    s.start = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    slice()
except TypeError as e:
    print(type(e).__name__, e)
class Probe:
    def __getitem__(self, key): return key
p = Probe()
print(p[1:2], p[::], p[:, 1], p[1:2, ::3], p[...], p[..., 1:], p[()], p[1, 2])
