# float %, //, divmod sign rules with mixed signs, zero results (signed zero), inf/nan operands and ZeroDivisionError messages.
for a in [7.5, -7.5, 0.0, -0.0, 1e300, 5e-324]:
    for b in [2.0, -2.0, 0.3, float("inf"), -float("inf")]:
        print(repr(a), repr(b), repr(a % b), repr(a // b), divmod(a, b))
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0), (float("inf"), 0.0)]:
    for op in ("/", "//", "%", "divmod"):
        try:
            r = divmod(a, b) if op == "divmod" else eval("a " + op + " b")
        except ZeroDivisionError as e:
            print(op, type(e).__name__, e)
nan = float("nan")
print(nan % 1.0, 1.0 % nan, divmod(nan, 2.0), float("inf") % 2.0, -6.0 % 3.0, 6.0 % -3.0, (-1e-20) % 1.0, 1e-20 % -1.0)
print(7 % 2.5, -7 // 2.5, 7.0 // -2, divmod(-7, 2.0), 2 ** 0.5 % 1, (0.1 + 0.2) // 0.1, 1.0 // 0.1, 1.0 % 0.1)
