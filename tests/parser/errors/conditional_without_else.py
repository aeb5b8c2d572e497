def f(a, a):
    pass
x = (1 if 2)
