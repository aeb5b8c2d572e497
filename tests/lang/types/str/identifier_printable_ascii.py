# str.isidentifier, str.isprintable, str.isascii over ASCII, Unicode, keywords and control characters.
for s in ["abc", "_", "_1", "1a", "", "a b", "a-b", "class", "None", "ñandú", "α", "a\u0301", "℘", "·", "a·", "x²", "Ⅸ", "𝔘", "$", "a\u200d"]:
    print(repr(s), s.isidentifier(), s.isprintable(), s.isascii())
for s in ["\t", "\n", " ", "\x7f", "\xa0", "\u2028", "\u00ad", "\U0001F600", "~", "\x00", "é", "\udc80"[:0] + "ok"]:
    print(ascii(s), s.isprintable(), s.isascii(), s.isspace())
print(all(chr(c).isascii() for c in range(128)), any(chr(c).isascii() for c in range(128, 1000)))
print(sum(1 for c in range(256) if chr(c).isprintable()), sum(1 for c in range(256) if chr(c).isidentifier()))
