# str is* predicates over a table of ASCII and non-ASCII samples, including empty strings.
preds = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isnumeric", "isidentifier", "islower", "isupper", "isspace", "istitle", "isprintable"]
samples = ["", "abc", "ABC", "Abc", "abc123", "123", "½", "²", "٣", "Ⅻ", "一", " ", "\t\n", "\x85", "\u00a0", "a b", "_x1", "1x", "é", "ǅ", "\x00", "\u200b", "µ", "ñ", "π3", "class", "\U0001D7D8"]
print(" ".join(p[2:6] for p in preds))
for s in samples:
    print(repr(s).ljust(12), " ".join("T" if getattr(s, p)() else "." for p in preds))
print("abc".isascii(), "\x7f".isascii(), "\x80".isascii(), b"abc".isalpha(), b"a1".isalnum(), b"12".isdigit(), b" ".isspace(), b"Ab".istitle())
