# str case conversions: casefold vs lower, title word boundaries, capitalize, swapcase with special letters.
for s in ["hello world", "HELLO", "ßtraße", "they're bill's friends", "a1b2 c3", "ǅungla", "İstanbul", "ﬁne", "ΣΑΣ ΟΔΟΣ", "123abc", "", "x_y-z.w"]:
    print(repr(s), repr(s.lower()), repr(s.upper()), repr(s.casefold()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
print("ß".upper(), "ß".casefold() == "SS".casefold(), "ﬀ".upper(), len("ﬃ".upper()), "Σ".lower(), "ΑΣ".lower())
print("hello".istitle(), "Hello World".istitle(), "Hello world".istitle(), "123".istitle(), "A1b".istitle(), "ǅ".istitle())
print("ABC".isupper(), "AbC".isupper(), "A1".isupper(), "1".isupper(), "abc1".islower(), "".islower(), "ß".islower())
