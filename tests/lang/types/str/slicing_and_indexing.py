# str indexing and slicing: negative indices, steps, out-of-range bounds, errors, non-BMP characters.
s = "abcdefghij"
for sl in [slice(None), slice(2, 5), slice(-3, None), slice(None, -3), slice(None, None, 2), slice(None, None, -1), slice(8, 2, -2), slice(100, 200), slice(-100, 3), slice(3, 3), slice(5, 2), slice(1, None, 3), slice(-1, -11, -1), slice(None, None, -3)]:
    print(sl, repr(s[sl]))
print(s[0], s[-1], s[9], s[-10])
for i in [10, -11, 2 ** 70]:
    try:
        s[i]
    except IndexError as e:
        print(type(e).__name__, e)
for bad in ["1", 1.0, None]:
    try:
        s[bad]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
u = "a😀b𝔘c"
print(len(u), u[1], u[3], u[::-1], u[1:4], [ord(c) for c in u])
class I:
    def __index__(self):
        return 2
print(s[I()], s[I():5], s[True], s[False:True])
try:
    s[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
