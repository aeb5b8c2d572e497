# Helper subpackage: relative imports that climb to the parent.
from .. import a as parent_a
from ..b import B_VALUE
from .leaf import LEAF
INNER = (parent_a.A_VALUE, B_VALUE, LEAF, __name__, __package__)
