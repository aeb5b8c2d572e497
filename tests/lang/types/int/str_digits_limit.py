# The 4300-digit limit on int<->str conversion for non-power-of-two bases (CVE-2020-10735).
import sys
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(sys.get_int_max_str_digits())
ok = int("1" * 4300)
print(len(str(ok)))
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
big = 10 ** 4300
try:
    str(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    repr(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{big}"
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(big)), len(bin(big)), len(oct(big)))  # power-of-two bases are unlimited
print(int("f" * 5000, 16) == 16 ** 5000 - 1)
print(len(str(10 ** 4299)))
try:
    int("-" + "9" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 4300 + "_" if False else "1_" * 2000 + "1") % 1000)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
sys.set_int_max_str_digits(640)
try:
    str(10 ** 640)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(10 ** 639)))
