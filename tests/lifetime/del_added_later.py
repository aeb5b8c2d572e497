# __del__ assigned to a class after instances exist: new instances are finalized;
# instances made before are finalized by CPython but not by Tern (docs/differences.md).
import gc

from _collect import collect
import sys

log = []


class Late:
    pass


before = Late()
before.name = "before"
Late.__del__ = lambda self: log.append(self.name)
after = Late()
after.name = "after"
del after
collect()
print("new instance finalized:", log)
log.clear()

del before
collect()
expected = [] if sys.implementation.name == "tern" else ["before"]
print("old instance as documented:", log == expected)


# Removing __del__ again: instances made while it was there are still
# finalized when collected only if the class has it at that time (CPython looks
# it up at finalization); Tern registered them and calls the class's current
# __del__, if any.
class Gone:
    def __del__(self):
        log.append("gone")


g = Gone()
del Gone.__del__
del g
collect()
print("removed __del__ not called:", "gone" not in log)

# A subclass that adds __del__ to a base without one.
class Base:
    pass


class Sub(Base):
    def __del__(self):
        log.append("sub")


s = Sub()
del s
collect()
print("subclass finalized:", log.count("sub"))
