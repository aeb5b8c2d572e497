# Code objects compare and hash by value, as CPython's: name, argument counts, flags,
# first line, instructions, constants (by type and value: 1, 1.0, True, 0.0 and -0.0
# differ), names, locals, positions and the exception table.


def c(src):
    return compile(src, "f", "exec")


print(c("x = 1") == c("x = 1"), c("x = 1") != c("x = 1"))
print(c("x = 1") == c("x = 1.0"), c("x = 1") == c("x = True"), c("x = 0.0") == c("x = -0.0"))
print(c("x = 1j") == c("x = 1j"), c("x = 0j") == c("x = -0j"), c("x = 'a'") == c("x = b'a'"))
print(c("x = (1, 2)") == c("x = (1, 2)"), c("x = (1, 2)") == c("x = (1, 2.0)"))
print(c("x in {1, 2}") == c("x in {2, 1}"), c("x in {1, 2}") == c("x in {1, 3}"))
print(c("def f(a): return a") == c("def f(a): return a"), c("def f(a): return a") == c("def f(b): return b"))
print(c("x = 1") == c("y = 1"), c("x = 1") == c("\nx = 1"), c("x = 1") == c("x  = 1"))
print(c("try:\n  x\nexcept E:\n  pass") == c("try:\n  x\nexcept E:\n  pass"))
print(c("lambda: 0") == c("lambda: 0"), c("lambda: 0") == c("lambda: 0.0"))
print(hash(c("x = 1")) == hash(c("x = 1")), len({c("x = 1"), c("x = 1"), c("x = 2")}))
print(c("x = 1").replace(co_name="g") == c("x = 1"), c("x = 1").replace(co_name="g") == c("x = 1").replace(co_name="g"))
print(c("x = 1") == 5, c("x = 1").__eq__(5), c("x = 1").__lt__(c("x = 1")))


def f():
    return 1


def g():
    return 1


print(f.__code__ == g.__code__, f.__code__ == f.__code__.replace())
try:
    c("x = 1") < c("x = 1")
except TypeError as e:
    print("TypeError", e)
