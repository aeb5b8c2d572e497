# %-formatting and format specs of integers: small and big values, bools, every
# integer conversion with flags, width and precision, and an int subclass whose
# __format__ and __index__ must not be consulted by %d.
import sys
vals = [0, 1, -1, 7, -255, 2**31, -2**31, 2**62 - 1, -2**62, 2**63, -2**64, 10**20, True, False]
for v in vals:
    print("%d|%i|%u|%o|%x|%X|%5d|%-5d|%05d|%+d|% d|%#o|%#x|%#X|%.3d|%8.4x" % ((v,) * 16))
print(f"{5:6d} {-5:06d} {255:x} {255:#X} {7:b} {1234567:,d} {1234567:_d} {-12:+d} {3:^7d}")
class I(int):
    def __format__(self, spec): return "I-format"
    def __index__(self): return 99
print("%d %x" % (I(5), I(6)), f"{I(5):d}")
