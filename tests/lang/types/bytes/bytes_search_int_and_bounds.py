# bytes find/rfind/index/rindex/count/startswith/endswith with int arguments, bytes-like arguments and bounds.
b = b"abracadabra"
for sub in [b"a", 97, bytearray(b"bra"), memoryview(b"cad"), b"", 122]:
    print(sub if not isinstance(sub, memoryview) else "mv", b.find(sub), b.rfind(sub), b.count(sub), b.find(sub, 2, 9), b.rfind(sub, -5), b.count(sub, 1, -1))
print(b.index(98), b.rindex(98), b.startswith(b"abr"), b.startswith((b"x", b"ab")), b.endswith(b"bra", 0, 11), b.endswith(b"bra", 0, 10), b.startswith(b"", 11), b.startswith(b"", 12))
for call in [lambda: b.find(256), lambda: b.find("a"), lambda: b.index(b"zz"), lambda: b.rindex(120), lambda: b.count(-1), lambda: b.startswith("a"), lambda: b.startswith([b"a"])]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
ba = bytearray(b)
print(ba.find(b"cad"), ba.count(97), ba.index(b"d"), ba.endswith(bytearray(b"ra")))
print(b"a,b;c".replace(b",", b"-"), b"aaa".replace(b"a", b"bb", 2), b"abc".replace(b"", b"."), bytearray(b"xx").replace(b"x", b"y"))
