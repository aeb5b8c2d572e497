# f-strings: nested replacement fields in specs, !r/!s/!a, = debug form with spacing, quotes, lambdas and dicts.
x, w, p = 3.14159, 10, 3
name = "Ada"
print(f"{x:{w}.{p}f}|{x:<{w}}|{name!r:>{w}}|{name=}|{x = :.2f}|{ name = !s}")
print(f"{x=}", f"{x*2=:.1f}", f"{name!a}", f"{'é'!a}", f"{name!s:^9}")
d = {"k": "v", "n": [1, 2]}
print(f"{d['k']} {d['n'][1]} {d}", f'{d["k"]!r}', f"""{d["n"]}""", f"{len(d)=}")
print(f"{(lambda y: y + 1)(2)}", f"{'nested {}'.format(1)}", f"{f'{x:.1f}'}", f"{f'{1}'}")
print(f"{{}} {{{x:.0f}}} {3:{'>'}{5}}", f"{'a' 'b'}", f"{1,2}", f"{(1, 2)[0]}", f"{x if x > 3 else -x:.2f}")
width = 6
for v in [1, 22, 333]:
    print(f"[{v:0{width}d}] [{v:#{width}x}] [{v:{'+' if v > 5 else '-'}{width}}] [{v!r:^{width}}]")
import math
print(f"{math.pi:.{p}}", f"{1e10:,.0f}", f"{12345:_}", f"{-0.0:+.1f}", f"{True:>5}", f"{None!s:5}|")
print(f"{'multi'}" f"{'part'}" "plain" f"{1}", f"{3}" + f"{4}")
def fn(a, b=2):
    return a * b
print(f"{fn(3)=}", f"{fn(a=2, b=5) = }", f"{[i for i in range(3)]}", f"{ {1: 2}[1] }")
class Fmt:
    def __format__(self, spec):
        return "spec=" + repr(spec)
print(f"{Fmt()}", f"{Fmt():abc}", f"{Fmt():{w}x{p}}", f"{Fmt()!s:}"[:8] if False else f"{Fmt():!r}")
try:
    f"{x:{'bad spec'}}"
except ValueError as e:
    print(type(e).__name__, e)
