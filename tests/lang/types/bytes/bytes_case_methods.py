# bytes/bytearray case methods: upper, lower, title, capitalize, swapcase leave non-ASCII bytes untouched.
cases = [b"hello world", b"HELLO", b"hElLo wOrLd", b"they're bill's", b"123abc", b"", b"\xe9t\xe9", b"a\xffb", b"mIxEd_case-words"]
for b in cases:
    print(b, b.upper(), b.lower(), b.title(), b.capitalize(), b.swapcase())
ba = bytearray(b"MiXeD")
r = ba.upper()
print(r, type(r).__name__, r is ba, ba, type(bytearray(b"x").title()).__name__, type(b"x".swapcase()).__name__)
print(bytes(range(65, 91)).lower(), bytes(range(97, 123)).upper())
