# list +, +=, *, *= semantics: identity preservation, aliasing in repeated lists, type errors.
a = [1]; alias = a
a += [2]; a += (3,); a += "xy"; a += range(2)
print(a, alias is a)
a *= 2; print(a, alias is a)
a *= 0; print(a, alias is a)
a = [1]; b = a + [2]; print(a, b, b is a)
grid = [[0] * 2] * 3
grid[0][0] = 9; print(grid)
grid = [[0] * 2 for _ in range(3)]
grid[0][0] = 9; print(grid)
print([1, 2] * -1, [None] * 3, 2 * [1, 2], [] * 5)
for bad in [lambda: [1] + (2,), lambda: [1] + "a", lambda: [1] * 1.5, lambda: [1] * "2", lambda: (2,) + [1]]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
x = [1]
try:
    x *= 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    x += 5
except TypeError as e:
    print(type(e).__name__, e)
class I:
    def __index__(self): return 3
print([0] * I(), I() * [1])
try:
    [0] * (2 ** 62)
except MemoryError as e:
    print(type(e).__name__)
try:
    [0] * (2 ** 64)
except OverflowError as e:
    print(type(e).__name__, e)
