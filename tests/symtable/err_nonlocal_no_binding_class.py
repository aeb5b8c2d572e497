def f():
    x = 1
    class C:
        def g(self):
            nonlocal x
        x = 2
    class D:
        y = 1
        def h(self):
            nonlocal y
