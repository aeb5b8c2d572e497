class C:
    def f(self):
        def g():
            nonlocal __x
        __x = 1
        return g
    def h(self):
        def g():
            nonlocal __y
        return g
