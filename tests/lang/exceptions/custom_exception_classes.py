# User exception classes: hierarchies, extra attributes, __str__/__repr__ overrides, multiple inheritance, pickling args.
class AppError(Exception):
    """Base for the application."""
class ValidationError(AppError, ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field, self.problem = field, problem
class HttpError(AppError):
    def __init__(self, status, *rest):
        super().__init__(status, *rest)
        self.status = status
    def __str__(self): return f"HTTP {self.status}"
v = ValidationError("age", "negative")
print(v, repr(v), v.args, v.field, isinstance(v, ValueError), isinstance(v, AppError))
h = HttpError(404, "not found")
print(h, repr(h), h.args, h.status)
try:
    raise v
except ValueError as e:
    print("caught as ValueError:", e)
print([k.__name__ for k in ValidationError.__mro__])
import pickle
v2 = pickle.loads(pickle.dumps(HttpError(500)))
print(type(v2).__name__, v2.args, v2.status)
class NoInit(Exception): pass
n = NoInit(1, 2, 3)
print(n.args, str(n))
class SlotsErr(Exception):
    __slots__ = ("extra",)
s = SlotsErr("x")
s.extra = 1
print(s.extra, s.args)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(WithDefault(), WithDefault("given"))
try:
    raise WithDefault
except WithDefault as e:
    print("raised class:", e)
class ReprErr(Exception):
    def __repr__(self): return "ReprErr<custom>"
print(repr(ReprErr("a")), str(ReprErr("a")), [ReprErr()])
