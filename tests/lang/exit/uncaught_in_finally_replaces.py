# An exception raised in a finally block replaces the in-flight one; traceback shows both, status 1.
print("start")
try:
    raise ValueError("original")
finally:
    raise KeyError("from finally")
