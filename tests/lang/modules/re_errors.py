# re: re.error messages and positions, and argument errors of the _sre surface.
import re

for pattern in ["(", ")", "[a", "a**", "*a", "(?P<1>a)", "(?P<a>a)(?P<a>b)", r"\1", "(?<=a+)b",
                "a{2,1}", "(?z)", r"\k", "(?P=nope)", "[b-a]", "x{99999999999}", r"(?(2)a)", "a\n(", "(?i", r"\x1",
                "(?<a>x)", "(?#comment", "(?P<a", "a|*", "(?i)(?-i:(?a)x)"]:
    try:
        re.compile(pattern)
        print(repr(pattern), "ok")
    except re.error as e:
        print(repr(pattern), "error:", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except OverflowError as e:
        print(repr(pattern), "OverflowError:", e)
for repl in [r"\3", r"\g<nope>", r"\g<1", "\\", r"\g<-1>"]:
    try:
        print(re.sub("(a)", repl, "a"))
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)
try:
    re.compile("a").match("a", "x")
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").match()
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").sub("b")
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").match("a").group(1)
except IndexError as e:
    print("IndexError", e)
try:
    re.compile("a").match(string="a", foo=1)
except TypeError as e:
    print("TypeError", e)
print(re.compile("a").match(string="ba", pos=1))
print(isinstance(re.error("x"), Exception), re.error.__module__, re.error.__name__)
e = re.error("bad", "pat\ntern", 5)
print(e, e.lineno, e.colno)
