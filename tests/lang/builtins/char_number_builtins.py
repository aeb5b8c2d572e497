# chr, ord, ascii, bin, oct, hex, int/float/complex/bool constructors summary, format builtin.
print(chr(65), chr(0x1F600), chr(0), repr(chr(0x7f)), ord("A"), ord("😀"), ord(b"a"), ord(bytearray(b"z")))
for bad in [lambda: chr(0x110000), lambda: chr(-1), lambda: ord(""), lambda: ord("ab"), lambda: chr("a"), lambda: ord(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(ascii("abc"), ascii("é"), ascii("日本"), ascii("😀"), ascii([1, "é"]), ascii(b"\xff"), ascii("\n"))
print(bin(10), bin(-10), oct(64), oct(-1), hex(4095), hex(-4095), hex(0), bin(True))
for f in (bin, oct, hex):
    try:
        f(1.5)
    except TypeError as e:
        print(type(e).__name__, e)
print(format(12.5), format(12.5, "08.3f"), format("x", ">3"), format(10, "b"), format([1], ""), format(None, ""))
try:
    format([1], "x")
except TypeError as e:
    print(type(e).__name__, e)
print(int(), float(), complex(), bool(), str(), bytes(), tuple(), list(), dict(), set(), frozenset())
print(int("0b11", 0), float("1e-3"), complex("2+3j"), bool("False"), str(12), repr("12"))
