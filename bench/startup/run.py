"""Start-up time: Tern against CPython, one run, the two sides alternating.

    run.py [--quick] [--cpu] [--rounds=N] [--tern=PATH] [--python=PATH]

Times two command lines under both interpreters, process creation included:
`-c pass` (the interpreter up, `site` imported, nothing run) and
`-c "import json, re, collections"` (a few stdlib packages read from the
bytecode cache).  Each is run once untimed under each side (to fill the
bytecode caches, kept in a fresh PYTHONPYCACHEPREFIX directory for the run,
and the OS page cache), then N times per side (default 20,
--quick 3), the sides alternating so that a change in machine load hits both.
A row gives each side's fastest and median wall-clock time, the median of
its user+system CPU time, and the ratio tern/python of the fastest times
(--cpu: of the CPU medians, steadier on a loaded machine); below 1, Tern
starts faster.  The goal (issue #5) is a ratio of 1 or less.  --timeout=S,
which bench/run may pass to every benchmark, is accepted and ignored.
Exits 1 when a command fails under either interpreter.
"""

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
COMMANDS = [
    ("-c pass", ["-c", "pass"]),
    ("-c 'import json, re, collections'", ["-c", "import json, re, collections"]),
]


def usage(message):
    sys.stderr.write("bench/startup/run.py: %s\n" % message)
    sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
    sys.exit(2)


def run_once(argv, env):
    """Wall-clock and CPU seconds of one run; None when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        return None, "exit %d: %s" % (proc.returncode, lines[-1] if lines else "")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (wall, cpu), ""


def main():
    rounds = 20
    use_cpu = False
    tern = os.path.join(TOP, "build", "tern")
    python = "/usr/bin/python3.11" if os.path.exists("/usr/bin/python3.11") else shutil.which("python3.11")
    for arg in sys.argv[1:]:
        if arg == "--quick":
            rounds = 3
        elif arg == "--cpu":
            use_cpu = True
        elif arg.startswith("--timeout="):
            pass
        elif arg.startswith("--rounds="):
            rounds = int(arg.split("=", 1)[1])
        elif arg.startswith("--tern="):
            tern = arg.split("=", 1)[1]
        elif arg.startswith("--python="):
            python = arg.split("=", 1)[1]
        else:
            usage("unknown argument %r" % arg)
    if not python or not os.access(python, os.X_OK):
        usage("no python3.11 (--python=PATH)")
    if not os.access(tern, os.X_OK):
        usage("no Tern executable at %s (--tern=PATH)" % tern)

    print("%d rounds; tern: %s; python: %s" % (rounds, tern, python))
    print("%-36s %22s %22s %8s" % ("command", "tern ms best/median/cpu",
                                    "python ms best/median/cpu",
                                    "cpu t/p" if use_cpu else "tern/py"))
    # Both sides keep their bytecode caches in a directory of their own: the
    # caches beside the stdlib may have been written by another Tern build
    # (another bytecode format), and PYTHONDONTWRITEBYTECODE in the caller's
    # environment would keep the untimed run from refreshing them.
    cache = tempfile.mkdtemp(prefix="tern-startup-pyc-")
    env = dict(os.environ, PYTHONPYCACHEPREFIX=cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        return measure(rounds, use_cpu, tern, python, env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def measure(rounds, use_cpu, tern, python, env):
    status = 0
    for label, args in COMMANDS:
        times = {"tern": [], "python": []}
        failed = ""
        for side, exe in (("tern", tern), ("python", python)):
            result, why = run_once([exe] + args, env)
            if result is None:
                failed = "%s fails (%s)" % (side, why)
        for _ in range(rounds if not failed else 0):
            for side, exe in (("tern", tern), ("python", python)):
                result, why = run_once([exe] + args, env)
                if result is None:
                    failed = "%s fails (%s)" % (side, why)
                    break
                times[side].append(result)
            if failed:
                break
        if failed:
            print("%-36s %s" % (label, failed))
            status = 1
            continue

        def summary(side):
            walls = [w for w, _ in times[side]]
            cpus = [c for _, c in times[side]]
            return min(walls), statistics.median(walls), statistics.median(cpus)

        t, p = summary("tern"), summary("python")
        cell = lambda s: "%6.1f %6.1f %6.1f" % tuple(x * 1000 for x in s)
        print("%-36s %22s %22s %8.2f" % (label, cell(t), cell(p), (t[2] / p[2]) if use_cpu else (t[0] / p[0])), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
