# Uncaught BaseException subclass (not Exception) still prints a traceback and exits with status 1.
class Stop(BaseException):
    pass
print("raising")
raise Stop("base subclass")
