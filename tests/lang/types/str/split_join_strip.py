# split, rsplit, splitlines, partition, join, strip family, removeprefix/suffix.
s = "  a,b,,c  d\te\n"
print(s.split(), s.split(","), s.split(",", 1), s.rsplit(",", 1), s.split(None, 2), s.rsplit(None, 2))
print("".split(), "".split(","), "   ".split(), "a b".split(" "), "a  b".split(" "), "abc".split("abc"))
print("1,2,3".split(",", 0), "1,2,3".split(",", -1), "1,2,3".rsplit(",", maxsplit=1), "a b c".split(maxsplit=1))
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
print("a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h\x85i".splitlines())
print("a\nb\n".splitlines(), "a\nb\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines(True))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(("1",)), ", ".join(str(i) for i in range(4)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ",".join([b"a"])
except TypeError as e:
    print(type(e).__name__, e)
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")), repr("abcba".strip("ab")))
print(repr("\u3000 wide\u3000".strip()), repr("..a..".lstrip(".")), repr("..a..".rstrip(".")), repr("a".strip("")))
print("prefix_body".removeprefix("prefix_"), "body".removeprefix("x"), "file.py".removesuffix(".py"), "a".removesuffix(""))
print("a,b".split(sep=","), "x y".rsplit(), "a\tb  c".expandtabs(), repr("a\tbc\td".expandtabs(4)), repr("\t".expandtabs(0)))
print("12".zfill(5), "-12".zfill(5), "+x".zfill(4), "abc".zfill(2), "".zfill(3))
print("ab".center(7, "*"), "ab".center(6), "abc".ljust(6, "-"), "abc".rjust(6, "0"), "abc".center(2))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
