# bytes/bytearray predicates: isalnum, isalpha, isascii, isdigit, islower, isupper, isspace, istitle (ASCII-only semantics).
cases = [b"", b"abc", b"ABC", b"Abc", b"Hello World", b"hello world", b"123", b"12a", b" \t\n\r\x0b\x0c", b"\xe9", b"a\xe9", b"\x7f", b"A1", b"Ab Cd", b"aB", b"_"]
for b in cases:
    print(b, b.isalnum(), b.isalpha(), b.isascii(), b.isdigit(), b.islower(), b.isupper(), b.isspace(), b.istitle())
for b in cases[:6]:
    ba = bytearray(b)
    print(ba.isalnum() == b.isalnum(), ba.istitle() == b.istitle(), ba.isspace() == b.isspace())
print(b"\x1c".isspace(), " \x1c".isspace(), bytes(range(256)).isascii(), bytes(range(128)).isascii())
print(sum(bytes([c]).isalpha() for c in range(256)), sum(bytes([c]).isspace() for c in range(256)), sum(bytes([c]).isdigit() for c in range(256)))
