# sys.addaudithook/sys.audit, sys.breakpointhook with PYTHONBREAKPOINT (and -E), sys.__unraisablehook__, gc.garbage.
import gc
import os
import subprocess
import sys

seen = []


def hook(event, args):
    if event.startswith("test."):
        seen.append((event, args))


sys.addaudithook(hook)
sys.audit("test.one", 1, "two")
sys.audit("test.empty")
print(seen)


def veto(event, args):
    if event == "sys.addaudithook":
        raise RuntimeError("no more hooks")


sys.addaudithook(veto)
print(sys.addaudithook(lambda e, a: seen.append("never")))  # vetoed silently
sys.audit("test.after")
print(seen[-1], "never" in seen)
try:
    sys.audit(1)
except TypeError as e:
    print("TypeError", e)

print(sys.breakpointhook is sys.__breakpointhook__, sys.unraisablehook is sys.__unraisablehook__)
print(gc.garbage, type(gc.callbacks).__name__)

code = "def f():\n    print('hook', 1)\nimport sys\nprint(breakpoint())\nprint(sys.breakpointhook())\n"
for value in ("0", "%s.f" % "__main__", "no_such_module_xyz.f"):
    env = dict(os.environ, PYTHONBREAKPOINT=value)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    print(value, p.returncode, p.stdout.split(), p.stderr.strip().splitlines()[-1:] if p.stderr else "")
env = dict(os.environ, PYTHONBREAKPOINT="0")
p = subprocess.run([sys.executable, "-E", "-c", "import sys; print(sys.breakpointhook.__name__)"], capture_output=True, text=True, env=env)
print(p.stdout.strip())
