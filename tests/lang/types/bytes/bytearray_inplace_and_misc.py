# bytearray in-place operators (+=, *=), identity preservation, extend/append/insert/pop/remove/reverse/clear/copy.
ba = bytearray(b"ab")
alias = ba
ba += b"cd"; ba += bytearray(b"e"); ba += memoryview(b"f")
print(ba, alias is ba)
ba *= 2; print(ba, alias is ba)
ba *= 0; print(ba, alias is ba)
ba = bytearray(b"xy")
for bad in ["str", 1, [1]]:
    try:
        ba += bad
    except TypeError as e:
        print(type(e).__name__, e)
ba.extend([1, 2]); ba.extend(b"z"); ba.extend(iter(range(65, 67))); print(ba)
ba.append(33); ba.insert(0, 35); ba.insert(-1, 36); ba.insert(100, 37); print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("y")); print(ba)
ba.reverse(); print(ba)
c = ba.copy(); c.clear(); print(c, ba, type(c).__name__)
for call in [lambda: ba.remove(200), lambda: bytearray().pop(), lambda: ba.append(256), lambda: ba.extend(["a"]), lambda: ba.insert(0, -1), lambda: ba.pop(99)]:
    try:
        call()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") * 3, bytearray.fromhex("41 42"), bytearray(b"a").hex())
