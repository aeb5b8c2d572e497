# str classification predicates over ASCII and Unicode samples.
samples = ["abc", "ABC", "abc123", "123", "١٢٣", "½", "²", "Ⅻ", " ", "\t\n", "", "a b", "_id", "1abc", "def",
           "é", "日本", "\x00", "\u2028", "ǅ", "x-y", "print", "ａｂｃ", "0x1f", "\u200b"]
for s in samples:
    print(repr(s), [s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
                    s.isidentifier(), s.isprintable(), s.isascii()])
