# bytes %-formatting: %s with bytes-like and __bytes__, %b, %a, %r, %c, numeric codes, errors.
class B:
    def __bytes__(self):
        return b"from-bytes"
print(b"%s|%s|%s|%b" % (b"raw", bytearray(b"ba"), memoryview(b"mv"), B()))
print(b"%d %i %x %X %o %#x %#o %+d % d %05d %-5d|" % (42, -3, 255, 255, 8, 255, 8, 5, 5, 42, 42))
print(b"%.2f %e %g %10.3f %-8.1e|" % (3.14159, 12345.678, 0.0001, 2.5, 1e10))
print(b"%c%c%c" % (65, b"B", bytearray(b"C")), b"%a %r" % ("é", "x"), b"%%" % (), b"%5s|%-5s|" % (b"ab", b"cd"))
for fmt, arg in [(b"%s", "str"), (b"%s", 5), (b"%c", 256), (b"%c", b"ab"), (b"%d", "1"), (b"%b", 1.5), (b"%s %s", (b"one",)), (b"%s", (b"a", b"b")), (b"%z", 1)]:
    try:
        print(fmt % arg)
    except (TypeError, ValueError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
print(bytearray(b"%s-%d") % (b"x", 1), type(bytearray(b"%s") % b"y").__name__)
print(b"%(a)s %(b)d" % {b"a": b"map", b"b": 3}, b"%*d|%-*d|%.*f" % (4, 1, 4, 2, 2, 3.14159))
