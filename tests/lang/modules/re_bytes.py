# re: bytes patterns over bytes, bytearray and memoryview subjects.
import re

p = re.compile(rb"(\w+)=(\d+)")
for subject in (b"a=1 bb=22", bytearray(b"a=1 bb=22"), memoryview(b"a=1 bb=22")):
    m = p.search(subject)
    print(type(subject).__name__, m, m.group(1), m.groups(), type(m.group()).__name__, m.string == subject)
    print(p.findall(subject), [m.span() for m in p.finditer(subject)])
    print(p.subn(b"X", subject), p.split(subject), p.sub(lambda m: m.group(2), subject))
    if not isinstance(subject, memoryview):
        print(p.sub(rb"\2=\1", subject))
print(re.match(rb"\xe9", b"\xe9"), re.match(rb"(?i)\xe9", b"\xc9"), re.match(rb"(?i)abc", b"ABC"))
print(re.findall(rb"\w", b"a\xe9_1"), re.findall(rb"\s", b"a\x0b\x1c \x85"), re.findall(rb"\d", b"\xb2 2"))
print(re.findall(rb"[\x80-\xff]+", b"ab\x80\xffcd"), re.findall(rb"[^a]", b"abc"))
print(re.sub(b"a", b"", b"banana"), re.sub(b"(a)", lambda m: m.group(1).upper(), b"banana"))
print(re.split(rb"\W+", b"a, b.c"), re.escape(b"a.b"))
print(re.compile(b"x").pattern, re.compile(b"x").flags, re.compile("x").flags)
print(re.match(rb".", b"\n"), re.match(rb"(?s).", b"\n"), re.match(b"$", b"\n").span())
print(re.match(rb"\bab\b", b"ab cd"), re.fullmatch(rb"a+", b"aaa"))
print(re.search(rb"(?L)\w+", b"abc"), re.search(rb"(?iL)ABC", b"abc"))
for bad in [("x", b"x"), (b"x", "x"), (b"x", 1), ("x", None), ("x", ["x"])]:
    try:
        re.match(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    re.sub(b"x", "y", b"x")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("x", b"y", "x")
except TypeError as e:
    print("TypeError", e)
