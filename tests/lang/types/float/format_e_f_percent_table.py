# float 'e'/'E'/'f'/'F'/'%' formatting: precisions 0..20, rounding half-even of the binary value, huge and tiny values, sign/zero options.
vals = [0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 1e22, 1e23, 123.456, -0.0, 5e-324, 1.7976931348623157e308, 0.1]
for v in vals:
    print(repr(v), [format(v, ".%de" % p) for p in (0, 1, 2, 5, 16, 20)], format(v, "E"), format(v, "#.0e"))
for v in vals:
    print(repr(v), format(v, ".0f"), format(v, ".1f"), format(v, ".2f"), format(v, ".20f")[:40], format(v, "F"), format(v, "#.0f"), format(v, ".3%"))
for v in [float("inf"), -float("inf"), float("nan")]:
    print(format(v, "F"), format(v, "E"), format(v, "%"), format(v, "+f"), format(v, "010f"), format(v, "#e"), format(v, "G"), format(v, "+.3g"))
for v in [-0.0, -0.00001, 0.0]:
    print(format(v, "z.2f"), format(v, ".2f"), format(v, "z.1e"), format(v, "zg"), format(v, "+z.3f"), format(v, "z"))
print(format(1e300, "f")[:20], len(format(1e300, "f")), format(1e-300, ".305f")[-10:], format(1.5, "0=+10.2f"), format(1.5, "_>10.1%"))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5), "%e" % 0.0, "%G" % 1e-10, "%F" % float("inf"), "%#.3g" % 1.0, "%-+8.2e|" % 12345.0)
