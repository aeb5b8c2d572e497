# float 'g'/'G' and no-type formatting across precisions and magnitudes: exponent thresholds, trailing zeros, '#' alternate form.
vals = [0.0, -0.0, 1.0, 0.1, 123456.0, 1234567.0, 0.0001, 0.00001, 1e15, 1e16, 1e17, 9.999999e-5, 99999.5, 999999.5, 1.5e300, 5e-324, 2.5, 1 / 3, 2 / 3, 100.0]
for v in vals:
    print(repr(v), [format(v, s) for s in ["g", ".1g", ".2g", ".6g", ".12g", ".17g", "#g", "#.3g", "G", ".0g", "", ".1", ".3", ".10", "#", ".0"]])
for v in [1e21, 1e-5, 12345678901234567890.0, 1.0e-4, 0.00012345]:
    print(format(v, ""), format(v, "g"), str(v), format(v, ".16"), format(v, "r"[:0]))
