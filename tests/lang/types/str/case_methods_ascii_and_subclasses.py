# The case methods on ASCII text (which Tern maps without the Unicode tables),
# on text just outside ASCII, and on str subclasses: every character of
# string.printable, apostrophes and digits inside words for title(), the
# empty string, and results that are always exact str.
import string


class S(str):
    pass


samples = ["", "a", "Z", "hello world", "HELLO wORLD", "they're bill's friends", "42abc DEF_ghi",
           "x1y2Z3", string.printable, "  MiXeD\tCaSe\n", "@[`{", "ß", "ǅemal", "ﬁre", "Ωmega",
           "ascii then é", S("Sub Class"), S("")]
for s in samples:
    for m in ("lower", "upper", "casefold", "swapcase", "capitalize", "title"):
        r = getattr(s, m)()
        print(repr(s), m, repr(r), type(r).__name__, r == s, r.isascii())

# Every ASCII character alone and inside a word.
for c in map(chr, range(128)):
    w = "a" + c + "b"
    print(ord(c), repr(c.lower()), repr(c.upper()), repr(c.title()), repr(w.title()), repr(w.swapcase()))
