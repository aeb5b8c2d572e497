# int comparisons with floats (exact, including huge values and nan/inf), bools and equality across numeric types.
big = 2 ** 53 + 1
print(big == float(big), big > float(big), big - 1 == float(big - 1), 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
nan, inf = float("nan"), float("inf")
print(1 < nan, 1 > nan, 1 == nan, 1 != nan, 10 ** 400 < inf, -(10 ** 400) > -inf, 0 == -0.0, True == 1.0, 2 == 2 + 0j)
print(sorted([3, 2.5, True, -1, 0.0, 10 ** 20, 1e19]), max(1, 1.0), min(1.0, 1), 1 == 1.0000000000000002)
print((1).__eq__(1.0), (1).__lt__(2.0), (1.0).__eq__(1), 3 < 3.5 < 4, 1 <= True <= 1.0)
for a, b in [(1, "1"), (None, 0), ([], 0)]:
    try:
        a < b
    except TypeError as e:
        print(type(e).__name__, e)
    print(a == b, a != b)
