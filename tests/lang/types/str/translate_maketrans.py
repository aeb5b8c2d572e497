# str.maketrans (dict, two strings, three strings) and translate with None/str/int values and errors.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-d".translate(t))
t = str.maketrans("ab", "AB", "cd")
print(sorted(t.items()), "abcdef".translate(t))
t = str.maketrans({"a": "1", "b": None, ord("c"): "33", "d": 100})
print(sorted(t.items()), "abcde".translate(t))
print("hello".translate({ord("l"): "L"}), "hello".translate({}), "hi".translate([None] * 200 if False else {104: 72}))
class Table:
    def __getitem__(self, k):
        if k == ord("x"):
            raise LookupError
        return chr(k).upper()
print("axb".translate(Table()))
for args in [("ab", "c"), ({"ab": 1},), (1,), ("a", "b", "c", "d")]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for table in [{97: 3.5}, {97: 0x110000}]:
    try:
        "a".translate(table)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print("日本".translate({ord("日"): "月"}), "x".translate({120: ""}), bytes.maketrans(b"ab", b"AB")[97:99])
print(b"abc".translate(bytes.maketrans(b"a", b"z"), b"c"), b"abc".translate(None, b"b"))
