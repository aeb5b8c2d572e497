# str.join with various iterables and errors, concatenation and repetition rules, in-operator and comparisons.
print("-".join(["a", "b"]), "".join("xyz"), ",".join(map(str, range(4))), "ab".join(("1", "2", "3")), "|".join([]), "x".join(["only"]))
print(" ".join({"k": 1, "j": 2}), "".join(c for c in "gen"), "+".join(reversed("abc")))
for bad in [["a", 1], [b"x"], 5, [None]]:
    try:
        ",".join(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print("ab" + "cd", "ab" * 3, 3 * "-", "x" * 0, "x" * -1, "" * 100, "ab" * True)
for call in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * 1.5, lambda: "a" * "b", lambda: "a" - "a"]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
print("" in "abc", "bc" in "abc", "ac" in "abc", "a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "é" > "z", "10" < "9")
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
s = "x"
s += "y"; s *= 2; print(s, len(s * 1000), ("ab" * 1000).count("ba"))
