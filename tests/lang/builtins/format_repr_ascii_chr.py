# format(), repr()/ascii() of strings with escapes, chr/ord ranges, bin/oct/hex including negatives and __index__.
for v, spec in [(3.5, ""), (3.5, ".3e"), (42, "x"), ("s", ">4"), (None, ""), ([1], ""), (True, "d"), (255, "#010b")]:
    print(repr(format(v, spec)))
try:
    format(object(), "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(None, "d")
except TypeError as e:
    print(type(e).__name__, e)
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnl\n", "\x00\x7f\x80", "é日\U0001F600", "\\", "\u200b\ud800"]:
    print(repr(s), ascii(s))
print(ascii([1, "é"]), repr(b"\x00a'\""), ascii(b"x"), repr("'" * 2), repr('"\''))
print(chr(0) == "\x00", repr(chr(0x10FFFF)), ord("€"), ord(b"A"), ord(bytearray(b"z")), chr(97))
for call in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord(""), lambda: ord("ab"), lambda: ord(5), lambda: chr("a")]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class I:
    def __index__(self):
        return -10
print(bin(0), bin(-5), oct(-8), hex(-255), hex(2 ** 70), bin(I()), oct(I()), hex(True))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
