# list slice assignment and deletion: growing, shrinking, extended slices, self-assignment, iterables, errors.
a = list(range(10))
a[2:5] = ["x"]; print(a)
a[1:1] = "ab"; print(a)
a[-2:] = []; print(a)
a[::2] = range(len(a[::2])); print(a)
a[:] = (i * i for i in range(4)); print(a)
a[10:20] = [7]; print(a)
a[-100:1] = [None, None]; print(a)
a[3:1] = ["between"]; print(a)
b = [1, 2, 3]
b[1:2] = b; print(b)
b[::-1] = b; print(b)
c = list(range(8))
del c[::3]; print(c)
del c[-2:]; print(c)
del c[5:]; print(c)
del c[::-2]; print(c)
for target, value in [(slice(None, None, 2), [1]), (slice(0, 2), 5), (slice(None, None, 0), [])]:
    try:
        d = [1, 2, 3, 4]
        d[target] = value
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del [1, 2][::0]
except ValueError as e:
    print(type(e).__name__, e)
e = [0, 1, 2, 3, 4, 5]
e[1:5:2] = ("a", "b"); print(e)
e[5:0:-2] = "xyz"; print(e)
