# format() of ints with every presentation type (b c d o x X n e f g % and none), sign, #, 0, width, grouping and alignment.
specs = ["", "d", "b", "o", "x", "X", "#b", "#o", "#x", "#X", "+d", " d", "-d", "08d", "+08d", "<8d", ">8d", "^8d", "=8d", "*^9d", ",", "_", ",d", "_b", "_x", "#_x", "015,d", "e", ".2e", "f", ".3f", "g", "%", ".1%", "n", "c", "10", "<", "0=+8", "#012b"]
for v in [0, 7, -42, 255, 1234567, -98765432109876543210]:
    out = []
    for s in specs:
        if s == "c" and not (0 <= v < 0x110000):
            continue
        out.append(format(v, s))
    print(v, out)
for v, s in [(5, ".2"), (5, "s"), (5, ",b"), (5, "_c"), (5, "#c"), (5, "+c"), (-1, "c"), (0x110000, "c"), (5, ",n"), (5, "z"), (5, "=^5")]:
    try:
        print(repr(format(v, s)))
    except (ValueError, OverflowError) as e:
        print(s, type(e).__name__, e)
print(format(True, "d"), format(True, ""), format(False, "x"), format(True, ".1f"), f"{10 ** 20:,}", f"{-(10 ** 20):_x}")
