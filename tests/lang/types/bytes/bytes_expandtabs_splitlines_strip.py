# bytes expandtabs, splitlines(keepends), strip/lstrip/rstrip with and without argument, split on whitespace.
for b in [b"a\tb\tc", b"\t", b"ab\tcd\n\tx", b"12345678\tx", b""]:
    print(b, b.expandtabs(), b.expandtabs(4), b.expandtabs(0), b.expandtabs(1))
for b in [b"a\nb\r\nc\rd", b"a\n\nb\n", b"", b"\n", b"x\x0by\x0cz\x1cw", b"no newline"]:
    print(b, b.splitlines(), b.splitlines(True), b.splitlines(keepends=True))
for b in [b"  \t hi \n ", b"xxhixx", b"\x00\x00z\x00"]:
    print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b"x"), b.strip(b"\x00"), b.lstrip(b" \tx"), b.rstrip(bytearray(b"x \n")))
print(b"  a  b  ".split(), b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 1), b"a b c".split(None, 1), b"\x1c a \x85 b".split())
try:
    b"x".strip("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"x".split(b"")
except ValueError as e:
    print(type(e).__name__, e)
