# str.format: auto/manual numbering, attribute and index lookup, conversions, nested specs, escapes, errors.
class P:
    x = 3
    items = {"k": [10, 20]}
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
print("{} {} {}".format(1, "a", None), "{1} {0} {1}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0.x} {0.items[k][1]} {1[0]} {2[key]}".format(P, [7], {"key": "v"}), "{0[-1]}".format({"-1": "strkey"}))
print("{!r} {!s} {!a} {}".format(P(), P(), "é", P()), "{:xyz}".format(P()), "{0!r:>6}".format("a"))
print("{:{w}.{p}f}|{:{fill}{align}{w}}".format(3.14159, "c", w=8, p=2, fill="*", align="^"))
print("{{literal}} {{{0}}} }}{{".format(5), "{:%}".format(0.25), "{:,}".format(1234567), "{:_x}".format(2 ** 32))
print("{0:{1}}".format(42, "08b"), "{:>{}}".format("r", 4), "{:.{}}".format("abcdef", 3))
for fmt, args, kw in [("{", (), {}), ("}", (), {}), ("{0", (), {}), ("{} {0}", (1,), {}), ("{0} {}", (1,), {}), ("{2}", (1,), {}), ("{x}", (), {}),
                      ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {}), ("{!x}", (1,), {}), ("{:d}", ("s",), {}), ("{0[}", (1,), {}), ("{:{:{}}}", (1, 2, 3), {})]:
    try:
        print(repr(fmt.format(*args, **kw)))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print("{a[0]}{a[1]}".format(a="xy"), "{0[0]:>3}".format(["z"]), "{:}".format(7), "{0:}{0!s:}".format(1))
print("{x.real}{x.imag}".format(x=1 + 2j), "{:^9}".format(P()), "{}".format([1, {"a": (2,)}]))
print("{0}{1}".format(*"ab"), "{k}".format_map({"k": "mapped"}))
class M(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b}".format_map(M(a=1)))
