# re: Match objects — group, groups, groupdict, start/end/span, lastindex, lastgroup, regs, expand.
import copy
import re

m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?", "Isaac Newton, physicist")
print(m)
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2), m.group("first", "last", 0))
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict("?"))
print(m.start(), m.end(), m.span(), m.start(1), m.end("last"), m.span("opt"), m.start(3))
print(m[0], m[1], m["last"], m["opt"])
print(m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos, m.string, m.re)
print(m.re.groupindex, m.re.groups, m.re.pattern, m.re.flags)
print(type(m.re.groupindex).__name__, dict(m.re.groupindex))
for bad in (4, -1, "nope", 2.0, None):
    for f in (m.group, m.start, m.end, m.span, m.__getitem__):
        try:
            print(f(bad))
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
print(m.group(True), m.span(False))
print(m.expand(r"\2, \1"), m.expand(r"\g<last> \g<first>\g<0>"), m.expand("\\n-\\g<2>"))
try:
    m.expand(r"\9")
except re.error as e:
    print("error", e)
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(bool(m), type(m).__name__, type(m).__module__, re.Match is type(m), re.Pattern is type(m.re))

for pattern, text in [
    (r"(a)(b)(c)", "abc"), (r"((a)(b))", "ab"), (r"(a)|(b)", "b"), (r"(a)|b", "b"),
    (r"(?:(a)|(b))+", "ab"), (r"(?:(a)|(b))+", "ba"), (r"(a)*", "aaa"), (r"(a)*", ""),
    (r"(?P<x>a)(?P<y>b)?", "a"), (r"(a(b(c)))", "abc"), (r"(?:x(y)?)*", "xyx"),
    (r"((a)|b)+", "ab"), (r"(a|ab)(c|bcd)(d*)", "abcd"), (r"(a+)(a+)", "aaaa"),
    (r"(a*)(b*)(c*)", "bc"), (r"()", ""), (r"(?P<n>)(?P<m>x)", "x"),
]:
    m = re.search(pattern, text)
    print(pattern, text, m and (m.groups(), m.lastindex, m.lastgroup, m.regs))

print(re.compile(r"(?P<a>x)(?P<b>y)").groupindex)
print(re.match("(a)(b)", "ab").groupdict())
print(re.Match[str], re.Pattern[bytes])
p = re.compile(r"(\w+)@(\w+)\.com")
for m in p.finditer("a@b.com, cc@dd.com"):
    print(m.span(), m.groups(), m.group(2))
s = p.scanner("a@b.com x@y.com")
print(s.search().group(), s.search().group(), s.search(), s.pattern is p)
s = p.scanner("a@b.com x@y.com")
print(s.match().group(), s.match())
print(re.compile("a").match("a", 0).pos, re.compile("a").search("xxa", 1, 3).endpos)
