# Uncaught ExceptionGroup: exit status 1 and a rendered tree on stderr.
print("group")
raise ExceptionGroup("several failures", [ValueError("one"), TypeError("two")])
