def f():
    return [x for x in [1] for z in (lambda: (w := 3))()]
