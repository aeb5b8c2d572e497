# The utf-7 codec against CPython's: encoding every kind of character
# (direct, set O, specials, BMP, astral, lone surrogates), decoding valid and
# malformed input with each error handler, and incremental decoding.
import codecs
import random

rng = random.Random(7)
ALPHABET = ("abcXYZ019 \t\r\n-+/=!\"#$%&*;<>@[]^_`{|}\\~\x00\x7f\x80\xe9\u20ac\u0100\ud800\udc00"
            "\U0001f600\U00010000\uffff")


def show(label, f):
    try:
        print(label, ascii(f()))
    except UnicodeError as e:
        print(label, type(e).__name__, e.start, e.end, e.reason)


for text in ["", "Hi Mom -\u263a-!", "A\u2262\u0391.", "\u65e5\u672c\u8a9e", "Item 3 is \u00a31.",
             "+", "+-", "~\\", "a+b", "\U0001f600x", "\ud800", "\ud800a", "\udc00-", "-\u20ac-"]:
    enc = text.encode("utf-7")
    print(ascii(text), enc, enc.decode("utf-7") == text)

for i in range(300):
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12)))
    enc = text.encode("utf-7")
    print(i, enc, enc.decode("utf-7") == text)

BYTES = b"+-/AZaz09 !~\\\x80\xff"
for i in range(400):
    data = bytes(rng.choice(BYTES) for _ in range(rng.randrange(0, 10)))
    for errors in ("strict", "replace", "ignore", "backslashreplace", "surrogateescape"):
        show("%d %r %s" % (i, data, errors), lambda: data.decode("utf-7", errors))
    show("%d partial" % i, lambda: codecs.utf_7_decode(data, "replace", False))

for data in [b"+AAA", b"+AAA-", b"+AB-", b"+2D3cAA-", b"+2D3cAA", b"+2D3c", b"+2D3-", b"+2D0-x", b"+2D0\x80",
             b"a+AGE-b", b"+ZeVnLIqe-", b"+ZeVnLIqe", b"+A", b"+", b"+\x80", b"+!", b"\xe9"]:
    for final in (True, False):
        show("%r %s" % (data, final), lambda: codecs.utf_7_decode(data, "strict", final))

decoder = codecs.getincrementaldecoder("utf-7")()
pieces = [decoder.decode(bytes([b])) for b in b"a+ZeVnLIqe-b+2D3cAA-"] + [decoder.decode(b"", True)]
print(ascii(pieces))
