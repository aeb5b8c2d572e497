# str case methods, including Unicode special casing.
words = ["hello world", "HELLO", "hElLo wOrLd", "ß", "ǅ", "ﬁ", "İstanbul", "straße", "they're bill's", "123abc", "", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
for w in ["Hello", "hello", "HELLO", "Hello World", "hello World", "123", "", "Ǆ", "A1b", "ABC1"]:
    print(repr(w), w.isupper(), w.islower(), w.istitle())
print("ß".upper(), len("ß".upper()), "ﬃ".upper(), "ŉ".upper())
print("Σ".lower(), "ΑΣ".lower(), "ΑΣ Σ".lower())
