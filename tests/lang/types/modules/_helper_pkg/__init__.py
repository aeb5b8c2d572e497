print("package init, __name__ =", __name__, "__package__ =", __package__)
from . import sibling
PKG_VALUE = "pkg"
