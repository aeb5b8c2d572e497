# An uncaught KeyboardInterrupt prints a traceback; CPython then re-raises SIGINT, so the process dies by signal 2.
print("raising KeyboardInterrupt")
raise KeyboardInterrupt
