# %-formatting: flags, width/precision from *, mapping keys, %c/%r/%a, and error messages.
print("%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%#o|%o|%e|%E|%g|%G|%%" % (42, 42, 42, 42, 42, 255, 255, 255, 8, 8, 1234.5, 1234.5, 0.00001234, 1e20))
print("%*d|%-*d|%.*f|%*.*f" % (6, 1, 6, 2, 2, 3.14159, 8, 3, 2.71828))
print("%(a)s-%(b)05.1f-%(a)r" % {"a": "x", "b": 2.25}, "%(k)s %%" % {"k": [1]})
print("%c%c%c" % (65, "b", 0x263A), "%r %a %s" % ("é", "é", "é"), "%s" % ((1, 2),), "%s" % [1, 2])
print("%.3s|%10.2s|%-6s|" % ("abcdef", "xyz", "ab"), "%i %u" % (3.9, -2), "%d" % True, "%.0f %.0f" % (0.5, 1.5))
print("%x %o" % (-255, -8), "%#X" % 0, "%5.1e" % 0.0, "%s %s" % (None, ...), "%f" % float("inf"), "%F" % float("nan"))
print(b"%s %d %x %c %r" % (b"b", 1, 255, 65, b"q"), b"%5s|%-3b|" % (b"ab", b"c"))
for fmt, args in [("%d", "s"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(a)s", (1,)), ("%c", 0x110000), ("%c", "ab"), ("%", ()), ("%(a", {"a": 1}), ("%s %(a)s", {"a": 1}), ("%x", 1.5)]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
class D(dict):
    def __missing__(self, k):
        return k.upper()
print("%(hello)s %(x)s" % D(x=1))
print("%s" % {"a": 1}, "%s %s" % ("a", "b") if True else "", "abc" % (), "abc" % {})
