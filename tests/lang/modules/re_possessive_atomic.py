# re: possessive quantifiers and atomic groups (new in 3.11).
import re

cases = [
    (r"a*+a", "aaa"), (r"a++", "aaa"), (r"a?+a", "a"), (r"a{1,2}+a", "aaa"), (r"a{2}+", "aaa"),
    (r"(?:ab)*+ab", "ababab"), (r"(?:ab)++", "ababx"), (r"(?:a|ab)++c", "aabc"), (r"(ab)*+c", "ababc"),
    (r"(?>a+)b", "aaab"), (r"(?>a+)a", "aaa"), (r"(?>a|ab)c", "abc"), (r"(?>ab|a)c", "abc"),
    (r"(?>(a)+)b", "aab"), (r"(?>(\w+))\s", "hi there"), (r"x(?>y*)y", "xyy"), (r"(?>x*)", ""),
    (r"(?>a*)*b", "aab"), (r"(?:(?>a)|b)+", "abab"), (r"[ab]*+b", "aab"), (r"[ab]*b", "aab"),
    (r"\d++\.", "123."), (r"\w*+\d", "ab1"), (r"(?:a*)*+b", "aab"), (r"(a|b)*+", "abab"),
    (r"(a+)++b", "aaab"), (r"(?>(?:ab)*)ab", "abab"), (r"\s*+$", "  "), (r"(?>.*)x", "abx"),
    (r"(?:x(?>y|yz)z)", "xyzz"), (r"(?:a{0,3})++", "aaaaa"), (r"(?:a??)*+b", "ab"),
    (r"(?:(a)|b)++", "ab"), (r"(?:(a)|(b))*+", "ba"), (r"((a)|b)++", "ab"), (r"(?:(a)|b){2}+", "ab"), (r"a{3,}+", "aa"), (r"(?i)A++", "aAa"),
]
for pattern, text in cases:
    m = re.search(pattern, text)
    print(repr(pattern), repr(text), m and (m.span(), m.groups()), re.findall(pattern, text))
print(len(re.match(r"(?:ab)++", "ab" * 50000).group()))
print(len(re.match(r"(?>(?:ab|cd)*)", "abcd" * 20000).group()))
