# range equality compares the sequences (not parameters), hashes accordingly; repr/attrs/bool/slicing of ranges.
pairs = [(range(0), range(5, 5)), (range(0, 3), range(3)), (range(0, 10, 3), range(0, 11, 3)), (range(1, 2, 5), range(1, 3, 7)), (range(5, 0), range(10, 5, 2)), (range(3), [0, 1, 2]), (range(0, 6, 2), range(0, 5, 2))]
for a, b in pairs:
    print(repr(a), repr(b), a == b, a != b, hash(a) == hash(b) if a == b else "-")
for r in [range(5), range(1, 5), range(1, 5, 2), range(5, 1, -1), range(-3, 3, 3)]:
    print(repr(r), str(r), r.start, r.stop, r.step, bool(r), len(r), list(r))
print(repr(range(10)[2:8:2]), repr(range(10)[::-1]), repr(range(10)[-3:]), repr(range(0, 10, 3)[::2]), repr(range(10)[100:]), repr(range(5, 0, -1)[1:3]))
try:
    range(3) < range(4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(3).start = 1
except AttributeError as e:
    print(type(e).__name__, e)
class I:
    def __index__(self): return 4
print(range(I()), range(1, I()), range(10)[I()], range(True, 3))
print(type(iter(range(3))).__name__, type(iter(range(2 ** 70))).__name__, type(reversed(range(3))).__name__, next(iter(range(2 ** 70, 2 ** 71))))
