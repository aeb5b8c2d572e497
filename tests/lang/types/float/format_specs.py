# float format specs and %-formatting.
x = 1234.5678
specs = ["", "f", ".0f", ".2f", "10.2f", "<10.2f", "^12.3f", "+.1f", " .1f", "010.2f", ",.2f", "_.3f", "e", ".3e", "E",
         "g", ".3g", ".10g", "G", "%", ".1%", "n", "#.0f", "#g", "=+12.2f", "*>12.1f", "z.1f" if False else ".1f"]
for s in specs:
    print(repr(s), format(x, s), format(-x, s))
for v in [0.0, -0.0, 1e-7, 1e16, 123456789.0, 0.5, 2.5, 1.25, 0.125, 1e100, 5e-324]:
    print(format(v, ""), format(v, "g"), format(v, ".2f"), format(v, "e"), format(v, ".1e"), format(v, "r" if False else ".17g"))
for v in [float("inf"), float("-inf"), float("nan")]:
    print(format(v, ""), format(v, "f"), format(v, "E"), format(v, "10.2f"), format(v, "G"), format(v, "%"))
print("%f %.2f %10.3f %-10.1f| %e %E %g %G %.0f %+.1f" % (x, x, x, x, x, x, x, 1e-10, 2.5, 3.0))
print("%s %r %a" % (0.1, 0.1, 1e100), "%5.1f%%" % 99.44, "%#.0f" % 3)
print(str(1e16), str(1.0), str(1e-5), str(123e-7), str(1.1e-4))
print(f"{x:.3}", f"{x:.10}", f"{1e-5:.3}", f"{100.0:.3}", f"{1.0:}", f"{1e20:f}")
for bad in ["d", "x", "c", ".2s"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.045, ".2f"), format(1.005, ".2f"))
print(format(1234567.891, ",.2f"), format(1234567.891, "_g"), format(0.0001, ".0e"))
