# format() of complex numbers: default, f/e/g presentations, width/alignment, sign, precision, and disallowed specs.
vals = [1 + 2j, -1.5 - 0.25j, 1j, -1j, 0j, complex(-0.0, -0.0), complex(1e20, 1e-20), complex(float("inf"), float("nan")), 3 + 0j]
specs = ["", "f", ".2f", "e", ".3e", "g", ".2g", "G", "+.1f", " .1f", "20", "<20.2f", ">20", "^24.3g", "*^24", "_.1f" if False else ",.2f", "#g", "z.1f" if False else "-.1f"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
for s in ["=10", "010", "d", "%", "s", "c", "05.1f"]:
    try:
        print(repr(format(1 + 2j, s)))
    except ValueError as e:
        print(s, type(e).__name__, e)
print(f"{3 - 4j:.1f}|{1e-5j:g}|{complex(2, 0):}|{-2j!r}|{1+1j!s:>10}|", "%s %r" % (1 + 1j, -1j))
try:
    "%f" % (1j,)
except TypeError as e:
    print(type(e).__name__, e)
