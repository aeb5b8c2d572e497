# bdb (pdb's engine) over sys.settrace: stepping into calls, next over them, return, breakpoints, continue, exceptions.
import bdb
import gc
import os
import sys

BASE = sys._getframe().f_lineno


def square(x):
    y = x * x
    return y


def work(n):
    total = 0
    for i in range(n):
        total += square(i)
    if total > 100:
        raise ValueError("too big")
    return total


def main():
    a = work(2)
    b = work(3)
    return a + b


class Tracer(bdb.Bdb):
    def __init__(self, plan):
        super().__init__()
        self.plan = list(plan)  # what to do at each stop: step, next, return, continue

    def where(self, frame):
        return "%s:%s:%d" % (os.path.basename(frame.f_code.co_filename), frame.f_code.co_name, frame.f_lineno - BASE)

    def act(self, frame):
        action = self.plan.pop(0) if self.plan else "continue"
        print("   ->", action)
        if action == "step":
            self.set_step()
        elif action == "next":
            self.set_next(frame)
        elif action == "return":
            self.set_return(frame)
        else:
            self.set_continue()

    def user_call(self, frame, args):
        if self.stop_here(frame):
            print("call", self.where(frame), frame.f_locals)
            self.act(frame)

    def user_line(self, frame):
        print("line", self.where(frame), sorted(frame.f_locals.items()))
        self.act(frame)

    def user_return(self, frame, value):
        print("return", self.where(frame), value)
        self.act(frame)

    def user_exception(self, frame, exc_info):
        print("exception", self.where(frame), exc_info[0].__name__, exc_info[1])
        self.act(frame)


# The imports' garbage goes first: under Tern its weakref callbacks (importlib's
# module locks) run at the next collection (docs/differences.md), which under
# TERN_GC_STRESS may come while stepping, and the stepper would stop in them.
gc.collect()

print("== step through")
t = Tracer(["step"] * 12 + ["continue"])
print("result", t.runcall(main))

print("== next over calls")
t = Tracer(["next"] * 6)
print("result", t.runcall(main))

print("== return from a function")
t = Tracer(["step", "step", "return", "next", "next"])
print("result", t.runcall(main))

print("== breakpoints")
t = Tracer([])
print(t.set_break(__file__, BASE + 4))  # y = x * x
print(t.set_break(__file__, BASE + 999).replace(__file__, "FILE"))
print([(os.path.basename(f), ln - BASE) for f, lines in t.get_all_breaks().items() for ln in lines])
t.plan = ["continue", "continue", "continue"]
print("result", t.runcall(work, 3))
t.clear_all_breaks()

print("== exception")
t = Tracer(["continue"])
t.set_break(__file__, BASE + 13)  # raise ValueError
try:
    t.runcall(work, 9)
except ValueError as e:
    print("ValueError", e)
print(sys.gettrace())
