# f-strings: expressions, conversions, format specs, nesting, = specifier, escapes.
x, name, items = 42, "world", [1, 2, 3]
print(f"hello {name}", f"{x + 1}", f"{x!r}", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{x:>6}", f"{x:06.2f}", f"{x:#x}", f"{3.14159:.{x // 20}f}", f"{name:^{x // 4}}")
print(f"{items[0]} {items[-1]} {len(items)} {sum(items)} {items[1:]}")
print(f"{'quoted'} {'dq' if x else 'no'}")
print(f"{{}} {{{x}}} {{x}}")
print(f"{x=}", f"{x = }", f"{x=:>5}", f"{name=!s}", f"{x*2=}", f"{items[0]=}")
d = {"k": "v"}
print(f"{d['k']}", f"{(lambda: 5)()}", f"{[i * i for i in range(3)]}", f"{x if x else 0}")
print(f"{'a' 'b'}", f'{"nested"}', f"""{"triple"}""", f'''{x}''')
print(f"line1\nline2", rf"raw\n{x}", fr"{x}\t", f"\x41{x}\u00e9")
class C:
    def __format__(self, spec): return f"C[{spec}]"
    def __repr__(self): return "C()"
print(f"{C()}", f"{C():xyz}", f"{C()!r}", f"{C()!r:>6}")
width = 10
print(f"{'left':<{width}}|", f"{'right':>{width}}|", f"{3.14159:{width}.{3}}|")
print(f"{1+2}" f"{3+4}", "plain" f"{x}", f"{x}" "plain")
print(f"{'multi'}"
      f"{'line'}")
print(f"{x:,}", f"{10**6:_}", f"{0.5:%}", f"{-5:+}", f"{5: }")
def f(): return "called"
print(f"{f()}", f"{f.__name__}", f"{type(x).__name__}")
print(f"{x!r:>5}", f"{'s'!r:^7}")
print(f"{(x, x)}", f"{x,}", f"{ x }")
import datetime
print(f"{datetime.date(2020, 1, 2):%Y/%m/%d}")
