# Uncaught TypeError from calling a function with a wrong argument count; status 1.
def needs_two(a, b):
    return a + b
print(needs_two(1, 2))
needs_two(1)
