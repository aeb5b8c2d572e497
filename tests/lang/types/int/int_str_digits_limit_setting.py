# sys.set_int_max_str_digits: lowering/raising/disabling the limit, threshold, power-of-two bases unaffected, f-strings and %d.
import sys
old = sys.get_int_max_str_digits()
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits(), len(str(10 ** 639)))
for f in [lambda: str(10 ** 640), lambda: int("9" * 641), lambda: f"{10 ** 700}", lambda: "%d" % 10 ** 700, lambda: repr(10 ** 700), lambda: format(10 ** 700, ",")]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
print(len(hex(10 ** 700)), len(bin(10 ** 700)), len(oct(10 ** 700)), int("f" * 1000, 16) > 0, int("1" * 700, 2) > 0)
for bad in [1, 639, -1]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 5000)), len(str(int("7" * 5000))))
sys.set_int_max_str_digits(maxdigits=old)
print(sys.get_int_max_str_digits() == old)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 4300) % 97, int(" " + "0" * 5000 + "1") if False else "leading-zeros-count")
try:
    int("0" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
