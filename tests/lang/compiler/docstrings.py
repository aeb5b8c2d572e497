# Docstrings: modules, functions, classes, methods; only the first statement string literal counts.
"""Module docstring."""
def f():
    """Function docstring."""
def g():
    x = 1
    "not a docstring"
def h():
    f"not a docstring {1}"
def k():
    b"bytes are not docstrings"
class C:
    """Class docstring."""
    def m(self):
        """Method docstring."""
    @property
    def p(self):
        "Property docstring."
print(__doc__, f.__doc__, g.__doc__, h.__doc__, k.__doc__, C.__doc__, C.m.__doc__, C.p.__doc__)
def concat():
    "implicit " "concatenation"
print(concat.__doc__)
def indented():
    """
    Indented
        more
    """
print(repr(indented.__doc__))
import inspect
print(repr(inspect.getdoc(indented)))
print(f.__code__.co_consts[0] if f.__code__.co_consts else None)
