# str.startswith/endswith with tuples, start/end bounds, empty affixes and type errors.
s = "filename.tar.gz"
print(s.startswith("file"), s.startswith(("x", "fil")), s.startswith(()), s.endswith((".zip", ".gz")), s.endswith(".tar", 0, -3))
print(s.startswith("name", 4), s.startswith("name", 4, 6), s.startswith("", 15), s.startswith("", 16), s.endswith("", -100))
print(s.endswith("gz", 100), s.startswith("f", -100), "".startswith(""), "".endswith(("", "a")), "abc".endswith("abc", 0))
for bad in [["a"], 1, ("a", 1)]:
    try:
        s.startswith(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    s.endswith(("a", None))
except TypeError as e:
    print(type(e).__name__, e)
b = b"bytes"
print(b.startswith((b"x", b"by")), b.endswith(b"es", 2), bytearray(b"ab").startswith(b"a"))
try:
    b.startswith("b")
except TypeError as e:
    print(type(e).__name__, e)
