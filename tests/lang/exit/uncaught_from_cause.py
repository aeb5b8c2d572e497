# Uncaught exception with an explicit __cause__: "direct cause" traceback, last line is the outer exception.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("could not parse " + repr(s)) from e
print("parsing")
parse("x1")
