# Helper: the other half of the circular import with a.
B_VALUE = "b"
from . import a
B_SEES_PARTIAL_A = hasattr(a, "A_SEES_B")
try:
    from ._imp_missing import nothing
except ImportError as e:
    B_ERROR = (type(e).__name__, str(e))
