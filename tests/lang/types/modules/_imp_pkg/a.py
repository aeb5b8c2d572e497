# Helper: imports its sibling b, which imports a back (a circular import).
A_VALUE = "a"
from . import b
A_SEES_B = b.B_VALUE
