# Format specs applied to str: alignment, fill, width, precision; errors for numeric-only options.
for spec in ["", "10", "<10", ">10", "^10", "*^11", "-<6", ".2", "10.3", "^9.1", "=>5", "s", "5s"]:
    print(repr(spec), repr(format("hello", spec)))
for spec in ["d", "+", " ", "=10", ",", "#", "010", "x", ".2f"]:
    try:
        print(repr(spec), repr(format("hello", spec)))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
print(repr(format("", "^4")), repr(format("日本", "^6")), repr(format("é", "x>3")), repr(format("ab", "\u00e9<4")))
print("{:{fill}{align}{width}}".format("mid", fill="~", align="^", width=9))
print(f"{'truncate me':.8}|{'pad':>{2 + 3}}|{'x':{'<'}3}|")
class S(str): pass
print(format(S("sub"), ">5"), f"{S('fs'):*<4}")
