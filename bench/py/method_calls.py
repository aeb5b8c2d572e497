# method_calls: calls through every kind of method: plain instance methods,
# methods overridden in a subclass and reached through super(), class and
# static methods, bound methods kept in variables, __call__, and properties.
# The bodies are trivial, so the time is the call machinery.  Prints the
# accumulated results.
#
#   method_calls.py [N]
# quick: 5000

import sys


class Counter:
    instances = 0

    def __init__(self, start):
        self.value = start
        Counter.instances += 1

    def step(self):
        self.value += 1
        return self.value

    def add(self, k):
        self.value += k
        return self

    def combine(self, a, b, c=1, *, scale=1):
        return (a + b * c) * scale + self.value

    @property
    def doubled(self):
        return self.value * 2

    @classmethod
    def make(cls, start):
        return cls(start)

    @staticmethod
    def clamp(x):
        return x & 0xFFFF

    def __call__(self, x):
        return self.value ^ x


class SkipCounter(Counter):
    def step(self):
        super().step()
        return Counter.step(self)

    def add(self, k):
        return super().add(k * 2)


class Chain:
    # Methods that return self, called in a chain.
    def __init__(self):
        self.n = 0

    def a(self):
        self.n += 1
        return self

    def b(self):
        self.n += 2
        return self

    def c(self):
        self.n -= 1
        return self


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    total = 0
    counters = [Counter(1), SkipCounter(2), Counter.make(3), SkipCounter.make(4)]
    for i in range(n):
        for c in counters:
            total += c.step()
            c.add(i & 3).add(1)
            total += c.combine(i, 2, scale=3) + c.combine(1, i, c=2)
            total += c.doubled + Counter.clamp(total) + c(i)
        total &= 0xFFFFFFFFFFFF
    step = counters[1].step
    add = counters[0].add
    for i in range(n):
        total += step()
        add(i)
    chain = Chain()
    for _ in range(n):
        chain.a().b().c().a().b().c()
    print("method_calls %d: total %d, values %s, chain %d, instances %d" %
          (n, total, [c.value for c in counters], chain.n, Counter.instances))


main()
