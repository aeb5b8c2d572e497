# cython: language_level=3, profile=True, binding=True
# Cython-generated C reaches into CPython internals behind CYTHON_* switches
# (thread state exception fields, int digits, frames for profiling, method
# descriptors, unicode internals); this module exercises the common ones so
# that the generated C is compiled against the compat headers.
from libc.math cimport sqrt
cimport cython

cdef class Point:
    cdef public double x
    cdef readonly double y
    cdef object __weakref__

    def __cinit__(self, double x=0, double y=0):
        self.x = x
        self.y = y

    cpdef double norm(self):
        return sqrt(self.x * self.x + self.y * self.y)

    def __richcmp__(self, other, int op):
        return NotImplemented

    def __iter__(self):
        yield self.x
        yield self.y

cdef class Point3(Point):
    cdef dict extra

    def __init__(self, *args, **kwargs):
        self.extra = dict(kwargs)

def arithmetic(a, b):
    return (a * b) // 3 + (a << 70) - int("123456789012345678901234567890") + abs(-a)

def text(str s, bytes b):
    parts = [ch.upper() for ch in s if ch.isalpha()]
    return "".join(parts) + s[1:3] + b.decode("ascii") + f"{len(s)}:{s!r:>10}"

def containers(xs):
    return sorted(xs, key=lambda v: -v), {k: v for k, v in zip(xs, xs)}, {x for x in xs}

def errors(key):
    try:
        return {}[key]
    except KeyError as e:
        raise ValueError(str(e)) from e
    finally:
        pass

async def awaiting(x):
    return await x

@cython.cdivision(True)
cdef int third(int a) nogil:
    return a // 3

def without_gil(int n):
    cdef int i, total = 0
    with nogil:
        for i in range(n):
            total += third(i)
    return total

def view_sum(double[:, ::1] grid):
    cdef Py_ssize_t i, j
    cdef double total = 0
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            total += grid[i, j]
    return total
