# cython: language_level=3
"""cy_features: a Cython fixture.

Cython-generated C leans on CPython internals that hand-written extensions
rarely touch (PyThreadState's exception fields, frame and code objects for
tracebacks, _PyType_Lookup, the dict-version machinery), so this module
covers what Cython users write: cdef classes with typed fields, inheritance
(cdef and Python subclasses overriding cpdef methods), special methods,
__dealloc__, generators, closures, exceptions crossing cdef/def boundaries,
and typed numeric loops.  Driver: test_cy_features.py.
"""

from libc.math cimport sqrt

cdef long _alive = 0


def alive():
    """Instances of Shape (and subclasses) not yet deallocated."""
    return _alive


cdef class Shape:
    cdef public str name
    cdef readonly long sides
    cdef double _scale

    def __cinit__(self, *args, **kwargs):
        global _alive
        _alive += 1
        self._scale = 1.0

    def __init__(self, str name, long sides):
        self.name = name
        self.sides = sides

    def __dealloc__(self):
        global _alive
        _alive -= 1

    cpdef double area(self):
        return 0.0

    def describe(self):
        # Calls the cpdef method through the vtable: a Python override wins.
        return f"{self.name} with {self.sides} sides, area {self.area():.2f}"

    property scale:
        def __get__(self):
            return self._scale

        def __set__(self, double value):
            if value <= 0:
                raise ValueError("scale must be positive")
            self._scale = value

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def __richcmp__(self, other, int op):
        if not isinstance(other, Shape):
            return NotImplemented
        if op == 2:
            return self.area() == (<Shape>other).area()
        if op == 0:
            return self.area() < (<Shape>other).area()
        return NotImplemented

    def __len__(self):
        return self.sides


cdef class Square(Shape):
    cdef double side

    def __init__(self, double side):
        super().__init__("square", 4)
        self.side = side

    cpdef double area(self):
        return self.side * self.side * self._scale

    def __add__(self, other):
        if isinstance(self, Square) and isinstance(other, Square):
            return Square((<Square>self).side + (<Square>other).side)
        return NotImplemented


cdef class Polygon(Shape):
    cdef list points

    def __init__(self, points):
        super().__init__("polygon", len(points))
        self.points = [tuple(p) for p in points]

    cpdef double area(self):
        # Shoelace formula over typed locals.
        cdef double acc = 0.0
        cdef Py_ssize_t i, n = len(self.points)
        cdef double x0, y0, x1, y1
        for i in range(n):
            x0, y0 = self.points[i]
            x1, y1 = self.points[(i + 1) % n]
            acc += x0 * y1 - x1 * y0
        return abs(acc) / 2.0 * self._scale

    def __getitem__(self, Py_ssize_t i):
        return self.points[i]

    def __iter__(self):
        return iter(self.points)


def total_area(shapes):
    """Calls area() on each shape through the C vtable (or a Python override)."""
    cdef double total = 0.0
    cdef Shape s
    for s in shapes:
        total += s.area()
    return total


# ---- typed numeric loops ------------------------------------------------

def sum_squares(long n):
    cdef long i, acc = 0
    for i in range(n):
        acc += i * i
    return acc


def norm(list values):
    cdef double acc = 0.0
    cdef double v
    for v in values:
        acc += v * v
    return sqrt(acc)


def primes_below(int n):
    cdef int i, j
    cdef bint is_prime
    out = []
    for i in range(2, n):
        is_prime = True
        j = 2
        while j * j <= i:
            if i % j == 0:
                is_prime = False
                break
            j += 1
        if is_prime:
            out.append(i)
    return out


# ---- generators and closures --------------------------------------------

def countdown(int n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def echo_gen():
    """A generator driven with send() and throw()."""
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except KeyError:
        yield ("caught", received)


def make_counter(int start):
    cdef int count = start

    def step(int by=1):
        nonlocal count
        count += by
        return count
    return step


def make_adders(int n):
    return [lambda x, i=i: x + i for i in range(n)]


def gen_expression_sum(values):
    return sum(v * 2 for v in values if v % 2)


# ---- exceptions ---------------------------------------------------------

class CyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


cdef int checked_div(int a, int b) except -1:
    if b == 0:
        raise ZeroDivisionError("checked_div by zero")
    return a // b


cdef int maybe_fail(int x) except? -1:
    if x < 0:
        raise ValueError("negative")
    return x - 1  # may legitimately return -1


def divide(int a, int b):
    return checked_div(a, b)


def pred(int x):
    return maybe_fail(x)


def raise_cy_error(int code):
    raise CyError(code, f"code {code}")


def call_and_catch(f):
    """Calls a Python function; returns the exception it raised, or the value."""
    try:
        return ("value", f())
    except ValueError as e:
        return ("ValueError", str(e))
    except Exception as e:
        return ("other", type(e).__name__)
    finally:
        pass


def reraise_with_context(f):
    try:
        f()
    except Exception as e:
        raise RuntimeError("wrapped") from e


def with_statement(cm):
    with cm as value:
        return value
