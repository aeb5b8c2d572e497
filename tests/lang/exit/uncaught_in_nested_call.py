# Uncaught exception deep in calls, after output flushed from a loop.
def level(n):
    if n == 0:
        return 1 / 0
    print("level", n)
    return level(n - 1)
level(3)
