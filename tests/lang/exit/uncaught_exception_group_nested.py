# An uncaught nested ExceptionGroup prints the group traceback form to stderr and exits with status 1; stdout printed before is kept.
print("before the group")
def inner():
    raise ExceptionGroup("inner group", [KeyError("k"), ValueError("v")])
try:
    inner()
except* KeyError as eg:
    print("handled", [type(e).__name__ for e in eg.exceptions])
