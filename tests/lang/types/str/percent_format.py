# printf-style formatting with %.
print("%s|%r|%a|%5s|%-5s|%.2s|%5.1s|" % ("x", "x", "é", "ab", "ab", "abcdef", "xyz"))
print("%s and %s" % ("a", "b"), "%s" % (("tuple",),), "%s" % [1, 2], "%s" % {"k": 1}, "%s" % None)
print("%(name)s is %(age)d years; %(name)r" % {"name": "Ann", "age": 30})
print("%c%c%c" % (72, "i", 33), "%5c|%-3c|" % ("a", "b"))
print("%i %u %o %x %X %e %E %f %F %g %G" % (1, 2, 8, 255, 255, 1.5, 1.5, 1.5, float("inf"), 1e-9, 1e20))
print("%#o %#x %#X %+d %+d % d %05.1f %-+6d|" % (8, 255, 255, 5, -5, 5, 3.14159, 7))
print("%.3d %.0e %10.4s|" % (5, 12345.678, "abcdefg"))
print("%s" % "single", "%d%%" % 10, "100%%" % ())
for fmt, args in [("%d", ()), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", (1,)), ("%(a)s", (1,)), ("%d", ("x",)), ("%c", ("ab",)),
                  ("%", ()), ("%(a", {"a": 1}), ("%*s", ("x", 1))]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(fmt, type(e).__name__, e)
try:
    "%(missing)s" % {}
except KeyError as e:
    print(type(e).__name__, e)
class S:
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
print("%s %r" % (S(), S()))
print("%s" % {"a": 1}, "%(a)s" % {"a": 1}, "no format" % {})
print(b"%s %d %x %c %r %a" % (b"bytes", 5, 255, 65, b"r", "é"), b"%5b|" % b"ab", b"%%")
try:
    b"%s" % "str"
except TypeError as e:
    print(type(e).__name__, e)
print("%.*f" % (2, 3.14159), "%-*s|" % (6, "ab"), "%*.*f" % (8, 3, 2.5))
print("%x" % -255, "%o" % -8, "%d" % -0.5, "%.0f" % 0.5, "%.0f" % 1.5, "%s" % -0.0)
