# str.format and format_map: fields, conversions, nested specs, attribute/index lookup.
print("{} {} {}".format(1, "a", [2]), "{2} {1} {0}".format("a", "b", "c"), "{0}{0}".format("x"))
print("{name} is {age}".format(name="Bob", age=5), "{0[key]} {0[1]}".format({"key": "v", 1: "one"}))
print("{.real} {.__class__.__name__}".format(3 + 4j, "s"), "{0[0][1]}".format([[1, 2]]))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:+}".format("r", "l", "c", "s", 3.14159, 5))
print("{!r} {!s} {!a} {0!r:>10}".format("x", 1, "é") if False else "{!r} {!s} {!a}".format("x", 1, "é"))
print("{0:{1}}|{0:{w}.{p}f}".format(3.14159, "^10", w=10, p=2))
print("{{literal}} {{{}}}".format(5), "{}".format({"a": 1}), "{:%}".format(0.25), "{:,}".format(10 ** 7))
print("{0:x} {0:#b} {0:o} {0:c} {0:e}".format(97))
print("{:10}|{:<10}|{:10}|".format(5, 5, "s"))
for fmt, args, kwargs in [("{", (), {}), ("}", (), {}), ("{0} {}", (1, 2), {}), ("{} {1}", (1, 2), {}), ("{2}", (1,), {}),
                          ("{x}", (), {}), ("{!z}", (1,), {}), ("{:d}", ("s",), {}), ("{0[5]}", ([1],), {}),
                          ("{0.nope}", (1,), {}), ("{:10000000000000000000}", (1,), {})]:
    try:
        print(fmt.format(*args, **kwargs))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(fmt), type(e).__name__, e)
class Default(dict):
    def __missing__(self, k): return f"<{k}>"
print("{a} {b}".format_map(Default(a=1)), "{x}".format_map({"x": "y"}))
print("{0[-1]}".format({"-1": "str key"}), "{0[a]}".format({"a": 1}))
print("{:_}".format(123456789), "{:_x}".format(0xdeadbeef), "{:=10}".format(-5), "{:#<#8x}".format(255) if False else "{:#<8x}".format(255))
print("{:.3}".format("abcdef"), "{:>.2}".format("xyz"), "{:s}".format("s"), format("abc", "~^7"))
print("{a}{b}".format(a=1, b=2, c=3), "{}".format(*[1, 2]))
