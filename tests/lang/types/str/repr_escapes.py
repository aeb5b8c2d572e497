# repr() and ascii() of strings: quote selection, escapes for control and non-printable characters.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "\\", "\n\t\r", "\x00\x07\x1b\x7f", "\x80\x9f\xa0\xad", "é ñ 中文", "\u2028\u2029", "\ufeff", "\U0001F600", "\U000E0001", "\ud800", "\udfff", "\x0b\x0c"]:
    print(repr(s), ascii(s), len(repr(s)))
print(repr("a" * 3), repr(""), ascii(""), repr("'"), repr('"'), repr("'\""))
class S(str):
    pass
print(repr(S("sub")), str(S("sub")), f"{S('x')!r}", "%r" % S("y"))
