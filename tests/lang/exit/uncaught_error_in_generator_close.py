# An exception raised from a generator's finally during explicit close() propagates uncaught: traceback on stderr, status 1.
def g():
    try:
        yield 1
    finally:
        raise RuntimeError("cleanup failed")
it = g()
print(next(it))
it.close()
print("not reached")
