# When str() of an uncaught exception itself raises, the last line shows a placeholder.
class Bad(Exception):
    def __str__(self):
        raise RuntimeError("no str for you")
print("bad str")
raise Bad("x")
