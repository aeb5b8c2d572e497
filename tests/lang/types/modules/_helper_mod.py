# Helper module imported by tests in this folder (not a test program itself).
print("helper module executing, __name__ =", __name__)
VALUE = 42
_private = "hidden"
__all__ = ["VALUE", "func"]
def func():
    return "helper func"
def __getattr__(name):
    if name == "dynamic":
        return "from module __getattr__"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
