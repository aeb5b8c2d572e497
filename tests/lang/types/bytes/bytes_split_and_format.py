# bytes: split/rsplit/splitlines variations, % formatting, join types, comparison, search with ints.
b = b"  a  b\tc\nd  "
print(b.split(), b.split(b" "), b.rsplit(None, 1), b.split(b"  ", 1), b"".split(), b"".split(b","))
print(b"a\r\nb\rc\nd".splitlines(), b"x\n".splitlines(True), b"a,b,,c".split(b","), b"a,b".rsplit(b",", maxsplit=0))
print(b"%s-%d-%05.1f-%x-%c-%%" % (b"s", 42, 3.14159, 255, 33), b"%(k)s" % {b"k": b"mapped"})
print(b"%r" % b"x" if False else b"%a" % "é", b"%5s|%-5s|" % (b"ab", b"cd"))
try:
    b"%d" % b"x"
except TypeError as e:
    print(type(e).__name__, e)
print(b"".join([b"a", bytearray(b"b"), memoryview(b"c")]), bytearray(b"-").join([b"x", b"y"]))
print(b"abc" < b"abd", b"ab" < b"abc", b"\xff" > b"\x00", b"abc" == bytearray(b"abc"), b"a" != "a")
print(b"hello".find(108), b"hello".count(108), b"hello".index(b"lo"), 104 in b"hello", b"ell" in b"hello")
try:
    256 in b"abc"
except ValueError as e:
    print(type(e).__name__, e)
print(b"Hello World".swapcase(), b"hello world".title(), b"HeLLo".casefold() if hasattr(b"", "casefold") else b"no casefold")
print(b"abc".startswith((b"x", b"a")), b"abc".endswith(b"bc", 1), b"a-b_c".replace(b"-", b"+"), b" x ".strip(b" "))
print(bytes(5)[2], bytes([1, 2, 3])[::-1], bytes(b"abc")[-1:], list(bytes(range(250, 256))))
