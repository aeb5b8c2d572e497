# SystemExit raised in a function called from a nested try/finally: finally blocks run in order.
def inner():
    try:
        raise SystemExit(9)
    finally:
        print("inner finally")
try:
    inner()
finally:
    print("outer finally")
