# atexit handlers run in reverse order of registration after the main module finishes; status 0.
import atexit
def first(): print("registered first, runs last")
def second(arg): print("registered second, runs first", arg)
atexit.register(first)
atexit.register(second, "with arg")
print("main body done")
