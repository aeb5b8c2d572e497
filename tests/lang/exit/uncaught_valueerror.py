# An uncaught exception prints a traceback to stderr and exits with status 1; stdout before it is kept.
print("before the error")
def fail(x):
    return int(x)
fail("not a number")
print("never printed")
