# Requests for objects too big for any heap raise MemoryError (or CPython's OverflowError), never crash, and leave the operands unchanged.
import contextlib
import io
import sys

SIZES = [sys.maxsize, 2**48, 2**40]


class Hinted:
    # An iterable whose length hint is huge: list() and bytes() size their storage by it first.
    def __init__(self, hint):
        self.hint = hint

    def __iter__(self):
        return iter([1, 2])

    def __length_hint__(self):
        return self.hint


def imul(seq, n):
    seq *= n
    return seq


CASES = [
    ("bytes(n)", lambda n: bytes(n)),
    ("bytearray(n)", lambda n: bytearray(n)),
    ("b'x' * n", lambda n: b"x" * n),
    ("n * b'xy'", lambda n: n * b"xy"),
    ("bytearray(b'x') * n", lambda n: bytearray(b"x") * n),
    ("n * bytearray(b'xy')", lambda n: n * bytearray(b"xy")),
    ("[0] * n", lambda n: [0] * n),
    ("[None] * n", lambda n: [None] * n),
    ("[1, 2] * n", lambda n: [1, 2] * n),
    ("(0, 1) * n", lambda n: (0, 1) * n),
    ("list *= n", lambda n: imul([1], n)),
    ("bytearray *= n", lambda n: imul(bytearray(b"ab"), n)),
    ("list(range(n))", lambda n: list(range(n))),
    ("[].extend(range(n))", lambda n: [].extend(range(n))),
    ("list(Hinted(n))", lambda n: list(Hinted(n))),
    ("bytes(Hinted(n))", lambda n: bytes(Hinted(n))),
    ("bytes(range(n))", lambda n: bytes(range(n))),
    ("bytearray().extend(range(n))", lambda n: bytearray().extend(range(n))),
    ("str.ljust", lambda n: "x".ljust(n)),
    ("str.rjust", lambda n: "x".rjust(n, "*")),
    ("str.center", lambda n: "x".center(n)),
    ("str.zfill", lambda n: "-1".zfill(n)),
    ("bytes.ljust", lambda n: b"x".ljust(n)),
    ("bytes.rjust", lambda n: b"x".rjust(n, b"*")),
    ("bytes.center", lambda n: b"x".center(n)),
    ("bytes.zfill", lambda n: b"-1".zfill(n)),
    ("bytearray.ljust", lambda n: bytearray(b"x").ljust(n)),
    ("bytearray.center", lambda n: bytearray(b"x").center(n)),
    ("bytearray.zfill", lambda n: bytearray(b"1").zfill(n)),
]


def attempt(make, *args):
    # CPython 3.11 may print "SystemError: deallocated bytearray object has
    # exported buffers" to sys.stderr when a new bytearray's buffer cannot be
    # allocated (its dealloc reads an export count never set): discarded.
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            make(*args)
            return "no error"
        except (MemoryError, OverflowError) as e:
            return f"{type(e).__name__}({e})"


for name, make in CASES:
    print(name, "|", " ; ".join(attempt(make, n) for n in SIZES))

# Results built from many small pieces, whose total no heap can hold.
BIG = [
    ("bytes.join", lambda: b"".join([b"x" * 2**20] * 2**21)),
    ("bytearray.join", lambda: bytearray(b"-").join([b"x" * 2**20] * 2**21)),
    ("bytes.replace", lambda: (b"a" * 2**21).replace(b"a", b"x" * 2**20)),
    ("bytearray.replace", lambda: bytearray(b"a" * 2**21).replace(b"a", b"x" * 2**20)),
    ("str.replace", lambda: ("a" * 2**21).replace("a", "x" * 2**20)),
    ("str.replace empty", lambda: ("a" * 2**21).replace("", "x" * 2**20)),
    ("str.expandtabs", lambda: ("\t" * 1000).expandtabs(2**31 - 1)),
    ("bytes.expandtabs", lambda: (b"\t" * 1000).expandtabs(2**31 - 1)),
    ("bytearray.expandtabs", lambda: bytearray(b"\t" * 1000).expandtabs(2**31 - 1)),
]
for name, make in BIG:
    print(name, attempt(make))

# A failed request changes nothing: the operands are as they were.
b = bytearray(b"abc")
for n in SIZES:
    print(attempt(imul, b, n), end=" ")
print(attempt(b.extend, range(2**40)), b, len(b))
ls = [1, 2, 3]
for n in SIZES:
    print(attempt(imul, ls, n), end=" ")
print(attempt(ls.extend, range(2**48)), ls)
b2 = bytearray(b"xyz")
print(attempt(b2.__init__, 2**48), b2)  # emptied first, as CPython's __init__ does

# The interpreter goes on allocating normally afterwards.
print(len(bytes(10**6)), len(bytearray(10**6) * 3), len([0] * 10**6), len("y".ljust(10**6)))
print(bytearray(b"ab") * 3, b"ab" * 3, [1] * 3, "-5".zfill(4), b"-5".zfill(4), "a\tb".expandtabs(4))
print("aXbXc".replace("X", "--"), b"aXbXc".replace(b"X", b"--"), ", ".join(["p", "q"]), b"+".join([b"p", b"q"]))
