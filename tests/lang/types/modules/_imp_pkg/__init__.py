# Helper package for import_packages.py (not a test program).
from .a import A_VALUE
from . import b as b_alias
ORDER = ["pkg"]
