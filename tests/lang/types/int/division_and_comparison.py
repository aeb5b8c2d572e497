# int/float mixed comparisons and division: exactness of int-vs-float comparison, true division rounding.
big = 2 ** 53 + 1
print(big == float(big), big > float(big), float(big) < big, 2 ** 53 == 2.0 ** 53)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 < float("inf"), 10 ** 400 == float("inf"))
print(1 == 1.0, 1 < 1.0000000000000002, 0 == -0.0, float("nan") == 0, (float("nan") != 1))
print(1 / 3, 2 / 3, 10 ** 20 / 3, (10 ** 30 + 1) / 10 ** 30, 1 / 10 ** 320, (2 ** 1023 * 2 - 1) / 2 ** 1000)
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, divmod(7, 2.5), 7.0 // -2, 2 ** 0.5)
print(int(7 / 2), int(-7 / 2), round(7 / 2), -7 // 2, int(-3.99), int(3.99))
print(10 ** 22 / 10 ** 22, 10 ** 23 / 10, 12345678901234567890 / 10)
print(sorted([3, 2.5, True, -1, 0.0, 10 ** 20, 1e19]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
