# SyntaxErrors of malformed numeric literals: messages and positions (offset, end offset).
import sys

SOURCES = [
    "0b12", "0b1_2", "0b2", "0b1_", "0b", "0o18", "0o1_8", "0o8", "0o1_", "0o", "0x1_", "0x", "0xg",
    "1_", "012", "0012", "00_1", "0_0_7", "1.2_", "1e2_", "1e+", "1e-", "1e+x", "1.5e+", "1e+_1",
    "1_e", "1e", "1ex", "1jx", "x = 0o1_9", "(0x+1)", "x = 32e-+4", "0010 + 2", "1.e+ 2", "0b1_a",
    "0o1_a", "1__0", "0_", "1_000", "0x_f", "0b_1", "1e1_0", "0xfspam", "1spam", "1.5j_",
]
for source in SOURCES:
    try:
        compile(source, "<t>", "eval" if "=" not in source else "exec")
        print(repr(source), "compiled")
    except SyntaxError as e:
        print(repr(source), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

# Integer literals and sys.set_int_max_str_digits: only decimal literals are limited.
sys.set_int_max_str_digits(2999)
source = "a = 1\nb = 2\nc = " + "3" * 3000 + "\nd = 4"
try:
    compile(source, "<long>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
namespace = {}
exec("x = 0x" + "f" * 3000 + "\ny = 0b" + "1" * 12000 + "\nz = 0" + "0" * 4000, namespace)
print(namespace["x"].bit_length(), namespace["y"].bit_length(), namespace["z"])
sys.set_int_max_str_digits(3000)
print(len(str(eval("3" * 3000))))
try:
    compile("1_" + "2" * 2999, "<long>", "eval")
except SyntaxError as e:
    print(e.msg[:70])
sys.set_int_max_str_digits(0)
print(eval("7" * 5000) % 1000)
