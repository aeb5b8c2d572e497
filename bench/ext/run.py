"""Times C-extension calls under CPython and under Tern, in one run.

    run.py [--quick] [--python=PATH] [--tern=PATH] [--calls=N]

Builds cbench.c twice — against CPython 3.11's headers (python3.11-dev) as a
.cpython-311 module and against headers/Python.h-compat as a .tern-311 one —
runs ccalls.py (ns of CPU time per call for each calling convention, best
of 3 inside the process, start-up excluded) under each interpreter with its own build,
and prints both times, the ratio tern/python per case and the geometric mean.
The two interpreters take turns, --rounds=N times each (3), and each case
keeps its best time: a load that comes and goes on a shared machine then
slows both alike, not one of them for a whole run.
--quick makes 10,000 calls per case instead of 200,000, in one round: a
check that it runs.
"""

import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def build(include, suffix, outdir):
    out = os.path.join(outdir, "cbench" + suffix)
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-I", include, os.path.join(HERE, "cbench.c"), "-o", out],
                   check=True)


def run(interp, moddir, calls):
    env = dict(os.environ, PYTHONPATH=moddir)
    out = subprocess.run([interp, os.path.join(HERE, "ccalls.py"), str(calls)], env=env, check=True,
                         capture_output=True, text=True).stdout
    times = {}
    for line in out.splitlines():
        name, ns, _ = line.split()
        times[name] = float(ns)
    return times


def main():
    python, tern, calls, rounds = "/usr/bin/python3.11", os.path.join(TOP, "build", "tern"), 200000, 3
    for arg in sys.argv[1:]:
        if arg.startswith("--python="):
            python = arg.split("=", 1)[1]
        elif arg.startswith("--tern="):
            tern = arg.split("=", 1)[1]
        elif arg == "--quick":
            calls, rounds = 10000, 1
        elif arg.startswith("--calls="):
            calls = int(arg.split("=", 1)[1])
        elif arg.startswith("--rounds="):
            rounds = max(1, int(arg.split("=", 1)[1]))
        else:
            sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        cdir, tdir = os.path.join(tmp, "cpython"), os.path.join(tmp, "tern")
        os.mkdir(cdir)
        os.mkdir(tdir)
        build("/usr/include/python3.11", ".cpython-311-x86_64-linux-gnu.so", cdir)
        build(os.path.join(TOP, "headers", "Python.h-compat"), ".tern-311-x86_64-linux-gnu.so", tdir)
        py, tn = {}, {}
        for _ in range(rounds):
            for best, times in ((py, run(python, cdir, calls)), (tn, run(tern, tdir, calls))):
                for name, ns in times.items():
                    best[name] = min(ns, best.get(name, ns))
    print("%-12s %12s %12s %8s" % ("case", "python ns", "tern ns", "ratio"))
    logs = []
    for name in py:
        ratio = tn[name] / py[name]
        logs.append(math.log(ratio))
        print("%-12s %12.1f %12.1f %8.2f" % (name, py[name], tn[name], ratio))
    print("%-12s %12s %12s %8.2f" % ("geomean", "", "", math.exp(sum(logs) / len(logs))))


if __name__ == "__main__":
    main()
