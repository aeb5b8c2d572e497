# str.zfill, center, ljust, rjust: signs, widths smaller than the string, fill characters and errors.
for s in ["42", "-42", "+42", "", "-", "abc", "+-1", "3.5", "ñ"]:
    print(repr(s), repr(s.zfill(5)), repr(s.zfill(0)), repr(s.zfill(-3)), repr(s.zfill(1)))
for s in ["a", "ab", "abc", "", "abcd"]:
    for w in [0, 3, 4, 5, 6]:
        print(repr(s), w, repr(s.center(w)), repr(s.center(w, "*")), repr(s.ljust(w, "-")), repr(s.rjust(w, "é")))
for fill in ["", "ab", 1]:
    try:
        "x".center(5, fill)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    "x".ljust("5")
except TypeError as e:
    print(type(e).__name__, e)
class S(str):
    pass
print(type(S("ab").center(2)).__name__, type(S("ab").center(4)).__name__, type(S("1").zfill(3)).__name__)
