# bytes/bytearray repr, comparison, concatenation, repetition, membership and mixed-type behaviour.
for b in [b"", b"'", b'"', b"'\"", b"\\", b"\x00\x7f\x80\xff", b"\t\n\r", b"printable ~"]:
    print(repr(b), repr(bytearray(b)), len(repr(b)))
print(b"a" < b"b", b"ab" < b"a", b"" < b"\x00", b"\xff" > b"\x7f", bytearray(b"a") == b"a", b"a" == bytearray(b"a"), b"a" == "a", bytearray(b"z") > b"a")
print(b"ab" + b"cd", b"ab" + bytearray(b"cd"), bytearray(b"ab") + b"cd", b"ab" + memoryview(b"mv"), b"ab" * 3, 2 * bytearray(b"xy"), b"x" * 0, b"x" * -1)
print(97 in b"abc", b"bc" in b"abc", b"" in b"abc", bytearray(b"b") in b"abc", 300 in b"abc" if False else 0 in b"a\x00")
for bad in [lambda: b"a" + "b", lambda: "b" + b"a", lambda: b"a" < "a", lambda: 256 in b"a", lambda: "a" in b"a", lambda: b"a" * 1.5, lambda: b"a" + 1]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted([b"b", b"a", b"ab", b"", b"\xff"]), max(b"hello"), min(bytearray(b"hello")), list(b"hi"), b"hi"[0], b"hi"[-1:], bytearray(b"hi")[0])
# Repetition's identities: the operand itself when the result equals it (an
# exact bytes), else a new object -- an empty result of a non-empty operand too.
x, n, z, y = b"ab", -3, 0, b""
print(x * n == b"", (x * n) is (x * z), (x * n) is x, (y * 5) is y, (y * n) is y, (x * 1) is x, (1 * x) is x)
class B(bytes): pass
print(type(B(b"ab") * 1), (B(b"ab") * 1) == b"ab", type(B() * 3))
