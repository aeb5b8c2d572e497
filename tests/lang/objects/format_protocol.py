# __format__ via format(), str.format and f-strings; object.__format__ restrictions.
class Money:
    def __init__(self, cents): self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
    def __str__(self): return "Money"
    def __repr__(self): return "Money()"

m = Money(1234)
print(format(m), format(m, "c"), format(m, ">10.1f"))
print(f"{m}|{m:c}|{m:08.3f}|{m!s}|{m!r}|{m!a}")
print("{}|{:c}".format(m, m), "{0!r:>10}|{0:c}".format(m))
print("{0.cents} {x[1]}".format(m, x=[5, 6]))

class Plain: 
    def __str__(self): return "plain"
print(format(Plain()), f"{Plain()}", "{}".format(Plain()))
try:
    format(Plain(), "10")
except TypeError as e:
    print(type(e).__name__, e)

class BadFormat:
    def __format__(self, spec): return 5
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)

print(format(3, "05d"), format(3.14159, ".2f"), format("s", "^5"), format(True, "d"), format(None))
print(format(255, "x"), format(255, "#X"), format(1234567, ","), format(1234567, "_"))
print(f"{'nested':{'>'}{10}}", f"{3.5:{'.'}{3}}")
class Sub(int):
    def __format__(self, spec): return "Sub:" + spec
print(f"{Sub(3):x}", "{:y}".format(Sub(1)))
print(type(format(Money(1), "")).__name__)
