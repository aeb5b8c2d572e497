# random over _random's Mersenne Twister: the same seed gives CPython's sequences, for every seeding path
# (ints of any size and sign, str, bytes, float), getrandbits of any width, state round trips, and
# _random.Random's own argument handling and subclassing.
import random
import _random

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r)

random.seed(42)
print([random.random() for _ in range(5)])
print([random.randint(1, 100) for _ in range(10)])
items = list(range(20))
random.shuffle(items)
print(items)
print(random.choice('abcdefg'), random.gauss(0, 1), random.uniform(1, 2), random.normalvariate(5, 2))
print(random.getrandbits(200), random.randrange(10 ** 30), random.randrange(0, 100, 7))
print(random.sample(range(100), 5), random.choices('abc', k=5), random.choices('abc', weights=[1, 5, 1], k=4))
print(random.triangular(0, 10, 3), random.betavariate(2, 3), random.expovariate(1.5), random.gammavariate(2, 1))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.randbytes(10))

for seed in [0, 1, -1, 2 ** 32 - 1, 2 ** 32, 2 ** 64, -(2 ** 100) - 7, 10 ** 50, True, 'hello', b'hello',
             bytearray(b'hello'), '', 3.5, -0.0, 1e300]:
    random.seed(seed)
    print(repr(seed)[:30], random.random(), random.getrandbits(64))
random.seed('hello', version=1)
print(random.random())

r = _random.Random(12345)
for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 1000]:
    print(k, r.getrandbits(k))
state = r.getstate()
print(type(state).__name__, len(state), state[-1], all(0 <= x < 2 ** 32 for x in state))
a = [r.random() for _ in range(3)]
r.setstate(state)
print(a == [r.random() for _ in range(3)])
r2 = _random.Random()
r2.setstate(state)
print(r2.random() == a[0])
full = random.Random(7)
st = full.getstate()
print(st[0], len(st[1]), st[2])
x = full.random()
full.setstate(st)
print(full.random() == x)
print(random.Random(7).random() == x, random.Random(7.0).random() == random.Random(hash(7.0)).random())

print('--- errors')
attempt(r.getrandbits, -1)
attempt(r.getrandbits, 2 ** 40)
attempt(r.getrandbits, 1.5)
attempt(_random.Random, 1, 2)
attempt(_random.Random, x=1)
attempt(r.setstate, [1])
attempt(r.setstate, (1,) * 3)
attempt(r.setstate, (1.5,) * 625)
attempt(r.setstate, (-1,) * 625)
attempt(r.setstate, (1,) * 624 + (625,))
attempt(r.setstate, (1,) * 624 + (624,))
attempt(r.setstate, (1,) * 624 + (-1,))
attempt(r.seed, [1])
attempt(random.seed, [1])
attempt(random.Random, {})
r.setstate((2 ** 32 + 5,) * 624 + (624,))
print(r.getstate()[:3], r.random())
attempt(r.setstate, (2 ** 64,) * 624 + (0,))

print('--- subclasses')
class Plain(_random.Random):
    pass
p = Plain(5)
print(p.random() == _random.Random(5).random())
attempt(Plain, seed=3)

class WithInit(_random.Random):
    def __init__(self, a, b):
        self.a = a
w = WithInit(1, 2)
print(w.a, w.random(), w.getrandbits(8))

class Mine(random.Random):
    def __init__(self, x):
        super().__init__(x * 2)
print(Mine(3).random() == random.Random(6).random())
print(_random.Random.__module__, _random.Random.__name__)
random.seed()
print(0.0 <= random.random() < 1.0, 0.0 <= random.Random().random() < 1.0)
