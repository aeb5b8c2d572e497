def g(a, / *, b): pass
