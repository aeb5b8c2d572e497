# bytes: construction, indexing, methods, and errors.
print(bytes(), bytes(3), bytes([65, 66]), bytes(b"x"), bytes("é", "utf-8"), bytes(range(3)), bytes(bytearray(b"ba")))
for bad in [lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("str"), lambda: bytes(-1), lambda: bytes(["a"])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-2], len(b), b"o" in b, 111 in b, b"xyz" not in b)
print(b.upper(), b.title(), b.capitalize(), b.swapcase(), b.split(), b.split(b"o"), b.replace(b"l", b"L", 2))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.count(b"l"), b.index(b"w"), b.startswith(b"he"), b.endswith((b"x", b"ld")))
print(b.strip(b"hd"), b"  x ".strip(), b.partition(b" "), b.rpartition(b"o"), b"-".join([b"a", b"b"]), b.center(15, b"*"))
print(b.hex(), b.hex(":"), b.hex("-", 2), bytes.fromhex("de ad BE EF"), b"ab".hex())
print(b.isalpha(), b"abc".isalpha(), b"123".isdigit(), b" ".isspace(), b"Ab".istitle(), b"ab1".isalnum(), b"\x80".isascii())
print(b.decode(), b"\xc3\xa9".decode(), b"\xff".decode("latin-1"), b"\xff".decode("utf-8", "replace"), b"\xffab".decode("ascii", "ignore"))
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b + b"!", b * 2, 2 * b"ab", b"a" < b"b", b"abc" == b"abc", b"a" == "a", list(b"abc"))
try:
    b + "str"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "str" in b
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(b"a\tb".expandtabs(4), b"12".zfill(5), b"abc".ljust(5, b"."), b"x".rjust(3), b"a,b".split(b",", 1), b"a\nb\r\n".splitlines())
print(bytes.maketrans(b"ab", b"xy"), b"aabb".translate(bytes.maketrans(b"ab", b"xy")), b"abc".translate(None, b"b"))
print(b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), b"ABC".lower(), b"a b".title(), b"%d" % 5)
print(repr(bytes([0, 7, 9, 10, 13, 39, 92, 127, 128, 255])), repr(b"'\""), repr(b"'"))
print(hash(b"") == hash(""), bytes.fromhex(""), b"abc".isupper(), b"ABC".isupper())
class WithBytes:
    def __bytes__(self): return b"custom"
print(bytes(WithBytes()), b"%b" % WithBytes())
print(b"x".__len__(), b"".join([bytearray(b"1"), memoryview(b"2")]), type(b"".join([bytearray(b"1")])).__name__)
