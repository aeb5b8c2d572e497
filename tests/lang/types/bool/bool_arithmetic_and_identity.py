# bool as an int subclass: arithmetic, bitwise ops returning bool vs int, repr, constructor.
print(True + True, True * 10, True - False, -True, ~True, ~False, True / 2, True // 2, True % 2)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__, type(True + 0).__name__)
print(repr(True), str(False), int(True), float(False), complex(True))
print(bool(), bool(0), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(0.0), bool(-0.0), bool(0j))
print(isinstance(True, int), issubclass(bool, int), bool.__mro__[1].__name__, True == 1, False == 0)
print(True.real, True.imag, True.numerator, True.denominator, True.bit_length(), True.conjugate())
print(sum([True, True, False]), max(True, 2), min(False, -1), sorted([True, 0, False, 2, -1]))
print(True << 3, True >> 1, 2 ** True, divmod(True, 2), abs(True), round(True), pow(True, 5))
print({True: "a", 1: "b", 1.0: "c"}, {0: "x", False: "y"})
print(["no", "yes"][True], "abc"[True:], (1, 2, 3)[False])
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
class L:
    def __len__(self):
        return 0
class BadBool:
    def __bool__(self):
        return 1
class NegLen:
    def __len__(self):
        return -1
print(bool(L()))
for o in (BadBool(), NegLen()):
    try:
        bool(o)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(format(True, ""), format(True, "d"), format(False, ">5"), f"{True:x}", "%d %s %r" % (True, True, False))
print(True.__and__(1), True.__or__(False), True.__xor__(2), (True).__index__())
