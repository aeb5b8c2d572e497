# and/or/not return operand values (not bools), short-circuit evaluation order, with __bool__ calls counted; conditional expressions laziness.
calls = []
class V:
    def __init__(self, name, truth): self.name, self.truth = name, truth
    def __bool__(self):
        calls.append(self.name)
        return self.truth
    def __repr__(self): return self.name
T1, T2, F1, F2 = V("T1", True), V("T2", True), V("F1", False), V("F2", False)
for expr in ["T1 and T2", "T1 and F1", "F1 and T1", "F1 or F2", "F1 or T1", "T1 or F1", "not T1", "not F1", "T1 and F1 or T2", "F1 or F2 and T1", "(T1 or F1) and (F2 or T2)", "T1 if F1 else F2", "F1 if T1 else T2"]:
    calls.clear()
    r = eval(expr)
    print(expr, "->", r, calls)
print(0 or "" or [] or None, 1 and "x" and [0], [] or {}, 0 and 1 / 0, 1 or 1 / 0, not [], not [0], type(not 1).__name__)
def side(v):
    print("side", v)
    return v
x = side(0) and side(1)
y = side(2) or side(3)
z = side(None) if side(False) else side("else")
print(x, y, z)
print([v for v in [0, 1, 2] if v and v % 2], 3 and 4 or 5, (3 and 0) or 5, 1 < 2 and "lt", None is None or 1 / 0)
