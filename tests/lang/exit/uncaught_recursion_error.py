# An uncaught RecursionError: status 1, last stderr line names the limit.
print("recursing")
def down(n):
    return down(n + 1)
down(0)
