# raise ... from None: only the last exception is printed; the last line is that exception.
print("from none")
try:
    int("x")
except ValueError:
    raise LookupError("replacement") from None
