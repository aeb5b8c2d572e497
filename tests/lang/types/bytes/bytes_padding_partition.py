# bytes/bytearray center/ljust/rjust/zfill and partition/rpartition, including fill-byte errors.
for b in [b"ab", b"-7", b"+3", b"", b"abcdef"]:
    print(b, b.center(6), b.center(6, b"*"), b.ljust(5, b"."), b.rjust(5, bytearray(b"_")), b.zfill(5), b.zfill(1))
print(bytearray(b"x").center(3), type(bytearray(b"x").zfill(3)).__name__)
for fill in [b"", b"ab", "x", 42]:
    try:
        b"x".center(5, fill)
    except TypeError as e:
        print(type(e).__name__, e)
for b, sep in [(b"k=v=w", b"="), (b"kvw", b"="), (b"=", b"="), (bytearray(b"a::b"), b"::")]:
    print(b.partition(sep), b.rpartition(sep))
for sep in [b"", "=", 61]:
    try:
        b"a=b".partition(sep)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b"a=b".partition(bytearray(b"=")))
