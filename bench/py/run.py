"""Runs the Python benchmarks in this folder under CPython and under Tern.

    run.py [--quick] [--cpu] [--rounds N] [--python=PATH] [--tern=PATH] [--timeout=S] [NAME...]

Every other .py file here is a benchmark: a program that takes one size
argument, prints a result line and needs no module but sys.  Each one runs
under the reference Python (default /usr/bin/python3.11, else python3.11 on
PATH) and under Tern (default build/tern), best of N runs each (default 3;
process start-up included), the two sides alternating.  A row gives both
times and the ratio tern/python; the last line is the geometric mean of the
ratios.  Times are wall-clock; --cpu takes the child's user+system CPU time
instead, steadier on a loaded machine (but blind to time spent waiting).

Tern "fails" a benchmark when it exits non-zero, is killed, times out, or
prints something other than what Python printed; the row says why and the
benchmark is left out of the mean.  That is a result, not an error: the
runner exits 0.  It exits 1 if a benchmark fails under the reference Python
(the benchmark is broken) and 2 on bad arguments.

--quick passes the size from the program's `# quick: ARG` header line and runs
each side once: a check that everything runs, with noisy numbers.  Later
rounds are skipped once a side has spent more than 30 s on one benchmark, so
a slow interpreter costs minutes rather than hours.
"""

import math
import os
import resource
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
ROUND_BUDGET_S = 30.0


def usage(message):
    sys.stderr.write("bench/py/run.py: %s\n" % message)
    sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
    sys.exit(2)


def find_benchmarks():
    names = []
    for entry in sorted(os.listdir(HERE)):
        if entry.endswith(".py") and entry != "run.py":
            names.append(entry[:-3])
    return names


def quick_argument(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# quick:"):
                return line.split(":", 1)[1].strip()
            if not line.startswith("#"):
                break
    raise SystemExit("bench/py/run.py: %s has no '# quick: ARG' header line"
                     % path)


def resolve_python(spec):
    # Asks the interpreter for its own path: a pyenv shim or a wrapper script
    # would otherwise add its start-up to every timing.
    out = subprocess.run(
        [spec, "-c", "import sys; print(sys.executable); print(sys.version.split()[0])"],
        capture_output=True, text=True, check=True).stdout.split("\n")
    return out[0], out[1]


class Outcome:
    def __init__(self, seconds, returncode, stdout, stderr, timed_out=False):
        self.seconds = seconds  # wall clock, or CPU time with --cpu
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.timed_out = timed_out


def run_once(command, timeout, cpu):
    # In its own session, so that a timeout kills whatever the program
    # started too (a wrapper script's children would keep the pipes open).
    start = cpu_seconds() if cpu else time.perf_counter()
    try:
        p = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
    except OSError as e:  # not found, not executable
        return Outcome(0.0, 127, b"", str(e).encode())
    try:
        stdout, stderr = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return Outcome(timeout, None, b"", b"", True)
    end = cpu_seconds() if cpu else time.perf_counter()
    return Outcome(end - start, p.returncode, stdout, stderr)


def cpu_seconds():
    # User + system time of the children reaped so far: the programs run
    # one at a time, so the difference across a run is that run's.
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def describe_failure(outcome, timeout):
    if outcome.timed_out:
        return "timed out after %g s" % timeout
    if outcome.returncode < 0:
        try:
            name = signal.Signals(-outcome.returncode).name
        except ValueError:
            name = "signal %d" % -outcome.returncode
        what = "killed by %s" % name
    else:
        what = "exit %d" % outcome.returncode
    lines = outcome.stderr.decode("utf-8", "replace").strip().splitlines()
    if lines:
        first = lines[0] if len(lines[0]) <= 100 else lines[0][:97] + "..."
        what += ": " + first
    return what


def describe_difference(expected, got):
    want = expected.decode("utf-8", "replace").splitlines()
    have = got.decode("utf-8", "replace").splitlines()
    for i in range(max(len(want), len(have))):
        w = want[i] if i < len(want) else "<nothing>"
        h = have[i] if i < len(have) else "<nothing>"
        if w != h:
            if len(h) > 60:
                h = h[:57] + "..."
            return "wrong output, line %d: %r" % (i + 1, h)
    return "wrong output"


def main(argv):
    quick = False
    cpu = False
    rounds = None
    python_spec = None
    tern = os.path.join(TOP, "build", "tern")
    timeout = 600.0
    names = []
    args = list(argv)
    while args:
        arg = args.pop(0)
        key, eq, value = arg.partition("=")
        if arg == "--quick":
            quick = True
        elif arg == "--cpu":
            cpu = True
        elif key in ("--rounds", "--python", "--tern", "--timeout"):
            if not eq:
                if not args:
                    usage("%s needs a value" % key)
                value = args.pop(0)
            if key == "--rounds":
                rounds = max(1, int(value))
            elif key == "--python":
                python_spec = value
            elif key == "--tern":
                tern = os.path.abspath(value)
            else:
                timeout = float(value)
        elif arg in ("-h", "--help"):
            print(__doc__)
            return 0
        elif arg.startswith("-"):
            usage("unknown option %s" % arg)
        else:
            names.append(arg)
    known = find_benchmarks()
    for name in names:
        if name not in known:
            usage("unknown benchmark '%s' (known: %s)" % (name, " ".join(known)))
    names = names or known
    if rounds is None:
        rounds = 1 if quick else 3
    if python_spec is None:
        python_spec = ("/usr/bin/python3.11" if os.path.exists("/usr/bin/python3.11")
                       else shutil.which("python3.11") or "python3.11")
    python, version = resolve_python(python_spec)

    print("python: %s (%s); tern: %s" % (python, version, tern))
    print("best of %d run%s per side, %s, process start-up included%s" %
          (rounds, "" if rounds == 1 else "s",
           "user+system CPU time" if cpu else "wall-clock time",
           "; quick sizes" if quick else ""))
    width = max([len("benchmark")] + [len(n) for n in names])
    print("%-*s  %12s  %10s  %11s" % (width, "benchmark", "python3.11 s",
                                      "tern s", "tern/python"))
    sys.stdout.flush()

    ratios = []
    broken = []
    left_out = []
    for name in names:
        path = os.path.join(HERE, name + ".py")
        size = [quick_argument(path)] if quick else []
        sides = {"python": [python, path] + size, "tern": [tern, path] + size}
        best = {"python": None, "tern": None}
        spent = {"python": 0.0, "tern": 0.0}
        expected = None
        tern_failure = None
        python_failure = None
        for _ in range(rounds):
            for side in ("python", "tern"):
                if side == "tern" and tern_failure is not None:
                    continue
                if best[side] is not None and spent[side] > ROUND_BUDGET_S:
                    continue
                outcome = run_once(sides[side], timeout, cpu)
                spent[side] += outcome.seconds
                if side == "python":
                    if outcome.timed_out or outcome.returncode != 0:
                        python_failure = describe_failure(outcome, timeout)
                        break
                    if expected is None:
                        expected = outcome.stdout
                    elif outcome.stdout != expected:
                        python_failure = "output changed between runs"
                        break
                elif outcome.timed_out or outcome.returncode != 0:
                    tern_failure = describe_failure(outcome, timeout)
                    continue
                elif outcome.stdout != expected:
                    tern_failure = describe_difference(expected, outcome.stdout)
                    continue
                if best[side] is None or outcome.seconds < best[side]:
                    best[side] = outcome.seconds
            if python_failure is not None:
                break
        if python_failure is not None:
            broken.append(name)
            print("%-*s  python fails (%s)" % (width, name, python_failure))
        elif tern_failure is not None:
            left_out.append(name)
            print("%-*s  %12.3f  tern: fails (%s)" %
                  (width, name, best["python"], tern_failure))
        else:
            ratio = best["tern"] / best["python"]
            ratios.append(ratio)
            print("%-*s  %12.3f  %10.3f  %11.2f" %
                  (width, name, best["python"], best["tern"], ratio))
        sys.stdout.flush()

    note = ""
    if left_out:
        note = " (%d of %d benchmarks left out: tern failed %s)" % (
            len(left_out), len(names), "it" if len(left_out) == 1 else "them")
    if ratios:
        mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric mean of %d ratio%s: %.2f%s" %
              (len(ratios), "" if len(ratios) == 1 else "s", mean, note))
    else:
        print("geometric mean: none%s" % note)
    if broken:
        print("broken under %s: %s" % (python, " ".join(broken)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
