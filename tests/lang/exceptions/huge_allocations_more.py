# Huge str, tuple and to_bytes results and format widths raise MemoryError (or CPython's OverflowError), never crash.
import sys

SIZES = [sys.maxsize, 2**48, 2**40]

CASES = [
    ("'x' * n", lambda n: "x" * n),
    ("'\\u20ac' * n", lambda n: "\u20ac" * n),
    ("'xy' * n", lambda n: "xy" * n),
    ("(0,) * n", lambda n: (0,) * n),
    ("int.to_bytes big", lambda n: (1).to_bytes(n, "big")),
    ("int.to_bytes little", lambda n: (1).to_bytes(n, "little")),
    ("'%*d'", lambda n: "%*d" % (n, 1)),
    ("'%-*s'", lambda n: "%*s" % (-n, "x")),
    ("b'%*d'", lambda n: b"%*d" % (n, 1)),
    ("'%.*d' precision", lambda n: "%.*d" % (n, 1)),
    ("format int width", lambda n: format(1, str(n))),
    ("format float width", lambda n: format(1.5, "<" + str(n))),
    ("format complex width", lambda n: format(1j, str(n))),
    ("format str width", lambda n: format("x", str(n))),
    ("str.format nested width", lambda n: "{:{}}".format("x", n)),
]

for name, make in CASES:
    results = []
    for n in SIZES:
        try:
            make(n)
            results.append("no error")
        except (MemoryError, OverflowError) as e:
            results.append(f"{type(e).__name__}({e})")
    print(name, "|", " ; ".join(results))

try:
    "".join(["x" * 2**20] * 2**21)
except MemoryError as e:
    print("str.join", type(e).__name__, e.__traceback__.tb_next)

# Every MemoryError is a new instance with its own traceback.
errors = []
for n in SIZES[1:]:
    try:
        bytes(n)
    except MemoryError as e:
        errors.append(e)
print(errors[0] is errors[1], [len(__import__("traceback").extract_tb(e.__traceback__)) for e in errors])
print("x" * 3, (0,) * 3, (258).to_bytes(2, "big"), "%*d|%-*d" % (3, 1, 3, 2))
