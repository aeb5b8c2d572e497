# tuple slicing, lexicographic comparison, repr of 1-tuples, containment, and unpacking errors.
t = tuple(range(10))
print(t[2:5], t[::-3], t[-2:], t[100:], t[:-100], t[1:8:2], t[::])
print((1,), (), ((),), (1, (2,)), repr(("a",)), str((None, True)))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9), (1, 2) == (1.0, 2.0), (1, "a") < (2, 0))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(3 in t, 30 in t, (1, 2) in ((1, 2), 3), [] in ([],))
for target in ["a, b = (1, 2, 3)", "a, b, c = (1, 2)", "a, = ()", "(a, *b, c) = (1,)"]:
    try:
        exec(target)
    except ValueError as e:
        print(type(e).__name__, e)
a, *b = (1,); print(a, b)
*a, b = (1, 2, 3); print(a, b)
try:
    t[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
