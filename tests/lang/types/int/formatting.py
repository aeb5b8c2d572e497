# int formatting: format specs, %-formatting, bin/oct/hex.
n = 1234567
for spec in ["", "d", "10d", "<10d", "^10d", ">10d", "010d", "+d", " d", "-d", ",", "_", "_x", "x", "X", "#x",
             "#X", "o", "#o", "b", "#b", "#010b", "e", ".2e", "f", ".1f", "%", ".0%", "g", "n", "=+12,", "*^15,"]:
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))
print(format(0, "#x"), format(0, "b"), format(65, "c"), format(0x1F600, "c"))
for bad in [".2d", "s", "z", ",b"]:
    try:
        format(5, bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(bin(0), bin(-5), oct(-8), hex(-255), hex(0))
print("%d %i %5d %-5d| %05d %+d % d" % (42, -3, 7, 7, 7, 7, 7))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%e %.2f %g %s %r" % (12345, 2, 0.00001, 10, 10))
print("%(a)d-%(b)s" % {"a": 1, "b": "two"})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%%d" % (), "%d%%" % 50)
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%c" % 0x110000
except OverflowError as e:
    print(type(e).__name__, e)
print("%d" % 3.99, "%x" % True, "%s" % True, "%d" % True)
print(f"{n:,}", f"{n:>12_}", f"{-42:=8}", f"{42:#08x}", f"{255:#_b}")
