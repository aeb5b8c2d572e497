# bool: singleton values, arithmetic as int, repr, bitwise ops keep bool, subclassing forbidden.
print(True, False, repr(True), str(False), int(True), float(False), type(True).__name__)
print(True + True, True - False, True * 3, True / 2, -True, ~True, ~False, True ** 5)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__, type(True + False).__name__)
print(bool(), bool(0), bool(2), bool("x"), bool([]), bool(None))
print(True == 1, False == 0, True is bool(5), isinstance(True, int), issubclass(bool, int))
print(True.__class__.__mro__, True.real, True.imag, True.numerator, True.bit_length())
print(sum([True, True, False]), max(False, True), sorted([True, False, True]))
print(hash(True), hash(False), {True: 'a', 1: 'b'}, {0, False})
print(f"{True}", f"{True:d}", f"{True:>6}", format(False, "b"), "%s %d %r" % (True, True, False))
try:
    type("B", (bool,), {})
except TypeError as e:
    print(type(e).__name__, e)
print(bool.__new__(bool, 1), bool(x for x in []))
print(True.__and__(1), True.__or__(False), True.__xor__(True), (True).__rand__(0))
print(True < 2, False > -1, True.__invert__())
