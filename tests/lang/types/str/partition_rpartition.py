# str.partition and str.rpartition: found/not found, separators at the ends, multi-char and error cases.
cases = [("a=b=c", "="), ("abc", "="), ("=abc", "="), ("abc=", "="), ("", "="), ("a==b", "=="), ("aaa", "aa"), ("héllo wörld", "ö"), ("x::y::z", "::")]
for s, sep in cases:
    print(repr(s), repr(sep), s.partition(sep), s.rpartition(sep))
for bad in ["", None, 1, b"="]:
    for meth in (str.partition, str.rpartition):
        try:
            meth("a=b", bad)
        except (TypeError, ValueError) as e:
            print(meth.__name__, type(e).__name__, e)
class S(str):
    pass
p = S("k:v").partition(":")
print(p, [type(x).__name__ for x in p])
p = S("kv").rpartition(":")
print(p, [type(x).__name__ for x in p])
print("a b".partition(" ")[2] is not None, type("ab".partition("x")[0]).__name__)
