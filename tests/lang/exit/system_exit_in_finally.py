# finally blocks and context managers run on SystemExit; atexit handlers too.
import atexit, sys
atexit.register(lambda: print("atexit handler ran"))
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("__exit__ saw", a[0].__name__)
        return False
try:
    with CM():
        sys.exit(4)
finally:
    print("finally ran")
