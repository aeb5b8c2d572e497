# f-string conversion/spec combos with user __str__/__repr__/__format__, escapes of braces, and errors at runtime.
class V:
    def __str__(self):
        return "str-V"
    def __repr__(self):
        return "repr-V"
    def __format__(self, spec):
        return "fmt-V[" + spec + "]"
v = V()
print(f"{v}|{v!s}|{v!r}|{v!a}|{v:spec}|{v!s:>8}|{v!r:<8}|")
print(f"{'é'!a:>10}", f"{'x'!r:*^7}", f"{3!r:>4}", f"{[1, 2]!s:^10}", f"{(1, 'a')!r}")
n = 5
print(f"{n:{n}}|{n:<{n}}|{n:^{n + 2}}|{n:{'0'}{n}}|{n:{'x'}}|{n:#{'o'}}|")
print(f"{{{n}}}", f"{{n}}", f"{{{{n}}}}", f"{n!r}{{", f"}}{n}")
print(f"{n=!r:>6}", f"{v=}", f"{v=!s}", f"{v = :x}")
try:
    f"{n:{'q'}}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{v!s:{1/0}}"
except ZeroDivisionError as e:
    print(type(e).__name__, e)
for src in ['f"{}"', 'f"{!r}"', 'f"{n!z}"', 'f"{n"', 'f"}"']:
    try:
        eval(src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
