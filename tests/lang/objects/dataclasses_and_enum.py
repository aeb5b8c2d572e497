# dataclasses and enum: heavy users of the object model (exec-generated methods, metaclasses, descriptors).
import dataclasses, enum
@dataclasses.dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list, compare=False)
p = Point(1, 2)
print(p, p == Point(1, 2), p < Point(1, 3), sorted([Point(2), Point(1, 5)]), dataclasses.asdict(p))
print(dataclasses.replace(p, y=9), [f.name for f in dataclasses.fields(Point)], Point.__match_args__)
@dataclasses.dataclass(frozen=True)
class Frozen:
    v: int
f = Frozen(1)
try:
    f.v = 2
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)
print(hash(f) == hash(Frozen(1)), {f: "ok"}[Frozen(1)])
try:
    @dataclasses.dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(type(e).__name__, e)
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], list(Color), len(Color), Color.RED.name, Color.RED.value)
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color), [c.name for c in Color])
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, Perm(7), Perm.R in Perm(5), int(Perm.R | Perm.X))
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(Auto.A.value, Auto.B.value)
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO > Num.ONE, sorted([Num.TWO, Num.ONE]), f"{Num.ONE}")
try:
    class Dup(enum.Enum):
        A = 1
        A = 2
except TypeError as e:
    print(type(e).__name__, e)
