# chaos: the chaos game.  A point jumps N times under affine maps chosen at
# random by weight (an iterated function system drawing a fern), each image
# bent by a cubic Bezier warp evaluated with de Casteljau's construction, and
# plotted into a grid.  A float workload on small immutable vector objects
# with overloaded operators.  Prints how many cells were hit and a checksum of
# the grid.
#
#   chaos.py [N]
# quick: 5000

import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def lerp(self, other, t):
        return self + (other - self) * t


class Affine:
    # p -> (a x + b y + e, c x + d y + f)
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def __call__(self, p):
        return Vec(self.a * p.x + self.b * p.y + self.e,
                   self.c * p.x + self.d * p.y + self.f)


class Random:
    # A 32-bit linear congruential generator: the same stream everywhere.
    def __init__(self, seed):
        self.state = seed

    def next_float(self):
        self.state = (self.state * 69069 + 1) & 0xFFFFFFFF
        return self.state / 4294967296.0


class Bezier:
    def __init__(self, points):
        self.points = points

    def at(self, t):
        points = self.points
        while len(points) > 1:
            points = [a.lerp(b, t) for a, b in zip(points, points[1:])]
        return points[0]


class Game:
    def __init__(self, maps, width, height):
        self.maps = maps
        total = sum(m.weight for m in maps)
        self.cumulative = []
        acc = 0.0
        for m in maps:
            acc += m.weight / total
            self.cumulative.append(acc)
        self.width = width
        self.height = height
        self.grid = [[0] * width for _ in range(height)]
        # The fern spans x in [-2.2, 2.7], y in [0, 10]; the warp bends it
        # along a curve, by an amount that grows with height.
        self.warp = Bezier([Vec(0.0, 0.0), Vec(1.5, 3.0), Vec(-1.0, 6.5),
                            Vec(0.5, 10.0)])

    def choose(self, r):
        for m, c in zip(self.maps, self.cumulative):
            if r < c:
                return m
        return self.maps[-1]

    def plot(self, p):
        bend = self.warp.at(p.y / 10.0)
        q = Vec(p.x + bend.x * 0.4, p.y)
        col = int((q.x + 3.5) / 7.5 * self.width)
        row = int(q.y / 10.0 * self.height)
        if 0 <= col < self.width and 0 <= row < self.height:
            self.grid[row][col] += 1

    def run(self, steps, rng):
        p = Vec(0.0, 0.0)
        for i in range(steps):
            p = self.choose(rng.next_float())(p)
            if i >= 20:  # let the point settle onto the attractor first
                self.plot(p)

    def checksum(self):
        hit = 0
        total = 0
        for row, cells in enumerate(self.grid):
            for col, count in enumerate(cells):
                if count:
                    hit += 1
                    total = (total * 31 + count * (row + 1) + col) % 1000000007
        return hit, total


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    fern = [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
    ]
    game = Game(fern, 128, 256)
    game.run(steps, Random(12345))
    hit, total = game.checksum()
    print("chaos %d: %d cells hit, checksum %d" % (steps, hit, total))


main()
