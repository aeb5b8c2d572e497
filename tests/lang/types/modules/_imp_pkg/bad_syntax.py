# Helper: a SyntaxError.
def f(:
    pass
