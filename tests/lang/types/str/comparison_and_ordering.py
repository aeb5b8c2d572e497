# str comparison: lexicographic code-point ordering, prefixes, Unicode, mixed-type errors, min/max/sorted.
pairs = [("a", "b"), ("a", "a"), ("", "a"), ("ab", "a"), ("Z", "a"), ("é", "z"), ("\U0001F600", "\uffff"), ("abc", "abd"), ("A", "a"), ("10", "9")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted(["banana", "Apple", "cherry", "apple", "", "b", "ä"]))
print(min("hello"), max("hello"), min(["b", "a", "c"]), max("éa"))
for op in ["<", "<=", ">", ">="]:
    try:
        eval("'a' " + op + " 1")
    except TypeError as e:
        print(type(e).__name__, e)
print("a" == 1, "a" != b"a", "1" == 1, "a" in "cat", "" in "x", "at" in "cat")
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
class S(str):
    def __lt__(self, other):
        return "S.lt"
print(S("b") < "a", "a" > S("b"), "a" < S("b"))
