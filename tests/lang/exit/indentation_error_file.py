# An indentation error is reported at compile time with status 1.
def f():
    return 1
      return 2
print("never")
