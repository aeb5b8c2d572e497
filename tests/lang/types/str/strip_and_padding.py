# str strip family with char sets, removeprefix/removesuffix, ljust/rjust/center/zfill with fill chars.
s = "xxhixyx"
print(s.strip("x"), s.lstrip("x"), s.rstrip("x"), s.strip("xy"), s.strip(""), s.strip(None), "  \t\n a \r\n".strip())
print("\u3000wide\u3000".strip(), "..a..".strip("."), "abc".strip("abc"), repr("   ".strip()))
print("prefix_body".removeprefix("prefix_"), "prefix_body".removeprefix("x"), "body.py".removesuffix(".py"), "a".removesuffix(""))
for w in [0, 3, 8, 9]:
    print(repr("abc".ljust(w)), repr("abc".rjust(w, "*")), repr("abc".center(w, "-")), repr("ab".center(w)))
print(repr("a".center(4, "+")), repr("ab".center(5, "+")), repr("abc".center(6, "+")), repr("".center(3, "z")))
for v in ["42", "-42", "+42", "", "abc", "-", "3.14", "--1"]:
    print(repr(v), repr(v.zfill(6)), repr(v.zfill(1)))
for bad in ["ab", ""]:
    try:
        "x".ljust(5, bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    "x".center(5, 7)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x".strip(5)
except TypeError as e:
    print(type(e).__name__, e)
