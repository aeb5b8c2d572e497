# Messages of exceptions raised by common runtime errors.
cases = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: [][0], lambda: ()[0], lambda: ""[0],
    lambda: {}["k"], lambda: {}[1], lambda: {}[(1, "a")], lambda: None.attr, lambda: (1).attr, lambda: "s".attr,
    lambda: int.attr, lambda: len(5), lambda: iter(5), lambda: next(iter([])), lambda: next(5), lambda: 5 + "a",
    lambda: "a" + 5, lambda: [] + (), lambda: -"a", lambda: "a" * "b", lambda: [].sort(key=5) if False else sorted([1, "a"]),
    lambda: int("x"), lambda: float("y"), lambda: chr(-1), lambda: ord("ab"), lambda: [1].index(2), lambda: "abc".index("z"),
    lambda: list.append(), lambda: object.__getattribute__(1, "x"), lambda: hash([]), lambda: {[]: 1}, lambda: set().remove(1),
    lambda: 2 ** 10000 * 1.0, lambda: import_nothing, lambda: [1, 2, 3][1:2:0], lambda: "x".encode("bogus"),
    lambda: b"\xff".decode("ascii"), lambda: bytes([300]), lambda: divmod(1, 0), lambda: max([]), lambda: min(()),
    lambda: getattr(1, "nope"), lambda: setattr(1, "x", 1), lambda: complex("bad"), lambda: round(1.5, "x"),
    lambda: int(1e400) if False else int(float("inf")), lambda: "".join([1]), lambda: tuple(5), lambda: dict(5),
    lambda: [1][globals().get("nothing")], lambda: {}.fromkeys(5), lambda: range(5)[10], lambda: "abc"[5], lambda: [1, 2].pop(7),
    lambda: frozenset().add, lambda: type("x", (), {}).nope,
]
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
