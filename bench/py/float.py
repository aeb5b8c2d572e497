# float: many short-lived point objects with float attributes: make N points
# on a curve, normalise each, then fold them to the per-coordinate maximum.
# Allocation, attribute access and float arithmetic; sin and cos come from
# Taylor polynomials here so that the program needs no math module.
#
#   float.py [N]
# quick: 5000

import sys

PI = 3.141592653589793
TWO_PI = 2.0 * PI


def sin(x):
    # Reduce to [-pi, pi], then fold to [-pi/2, pi/2] where the series is
    # accurate to about 1e-9 with terms up to x^13.
    x -= TWO_PI * int(x / TWO_PI)
    if x > PI:
        x -= TWO_PI
    elif x < -PI:
        x += TWO_PI
    if x > PI / 2:
        x = PI - x
    elif x < -PI / 2:
        x = -PI - x
    x2 = x * x
    term = x
    total = x
    k = 2
    while k <= 13:
        term = -term * x2 / (k * (k + 1))
        total += term
        k += 2
    return total


def cos(x):
    return sin(x + PI / 2)


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3.0
        self.z = (x * x) / 2.0

    def normalize(self):
        norm = (self.x * self.x + self.y * self.y + self.z * self.z) ** 0.5
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self

    def __repr__(self):
        return "<Point: x=%.9f, y=%.9f, z=%.9f>" % (self.x, self.y, self.z)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    result = None
    for _ in range(3):
        points = [Point(i) for i in range(n)]
        for p in points:
            p.normalize()
        best = points[0]
        for p in points[1:]:
            best = best.maximize(p)
        result = best
    print("float %d: %r" % (n, result))


main()
