# sys.exit(3) from deep inside calls runs finally blocks on the way out; exit status 3, no traceback.
import sys
def inner():
    try:
        sys.exit(3)
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    except Exception:
        print("not caught by Exception")
    finally:
        print("outer finally")
outer()
print("never")
