# Uncaught chained exception: both tracebacks are printed; the last line is the outer exception.
print("chained")
try:
    {}["missing"]
except KeyError as e:
    raise RuntimeError("lookup failed") from e
