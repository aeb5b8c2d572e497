x = a.b{c(d, e)

def g():
    pass
