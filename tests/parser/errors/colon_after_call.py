f(a, b):
