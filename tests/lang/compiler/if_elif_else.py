# if/elif/else chains, truthiness of conditions, nested conditionals, single-line forms.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        if n % 2:
            return "medium odd"
        else:
            return "medium even"
    else:
        return "large"
print([classify(v) for v in (-5, 0, 3, 42, 43, 1000)])
for cond in [0, 1, "", "x", [], [0], None, 0.0, 1j, {}, set(), (), range(0)]:
    if cond:
        print(repr(cond), "truthy")
    else:
        print(repr(cond), "falsy")
x = 3
if x: print("single line if")
if not x: print("never")
else: print("single line else")
if x > 1 and x < 5 or x == 100: print("compound")
if (y := x * 2) > 5: print("walrus in if", y)
evaluated = []
def cond(v):
    evaluated.append(v)
    return v
if cond(0):
    pass
elif cond(0):
    pass
elif cond(1):
    pass
elif cond(1):
    pass
print(evaluated)
class Truthy:
    def __bool__(self):
        print("__bool__ consulted")
        return False
if Truthy():
    print("never")
else:
    print("else branch")
