def g():
    x = 1
    def f():
        x: int
        nonlocal x
