# Uncaught exception without arguments: the last stderr line is just the type name.
print("no message")
raise IndexError
