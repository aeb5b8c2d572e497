# match: star patterns in sequences, or-patterns binding the same names, as-patterns, nested patterns, str/bytes not matching sequence patterns.
def m(x):
    match x:
        case []:
            return "empty"
        case [single]:
            return ("one", single)
        case [first, *_, last] if first == last:
            return ("bookends", first)
        case [0 | 1 as bit, *rest]:
            return ("bit", bit, rest)
        case [*init, ("x" | "y") as tail]:
            return ("xy-tail", init, tail)
        case [[a, b], *rest]:
            return ("pair-first", a, b, len(rest))
        case (int() | float()) as num if num > 100:
            return ("big", num)
        case str() | bytes():
            return ("stringy", x)
        case {"k": [_, *more]}:
            return ("mapping", more)
        case _:
            return "other"
for v in [[], [5], [2, 3, 2], [1, 9, 8], [7, "y"], ((1, 2), 3), 500, 5.5, "ab", b"ab", {"k": [1, 2, 3]}, {"k": []}, (0,), range(3), [3, 3]]:
    print(repr(v), m(v))
def star_only(x):
    match x:
        case [*all_items]:
            return all_items
print(star_only((1, 2)), star_only([]), star_only("str"), star_only(iter([1])))
def alt(x):
    match x:
        case (1, y) | (y, 1):
            return ("y", y)
        case {"a": z} | [z]:
            return ("z", z)
    return None
print(alt((1, 5)), alt((5, 1)), alt({"a": 9}), alt([7]), alt((2, 2)))
