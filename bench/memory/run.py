"""Memory that C code owns: Tern against CPython, one run.

    run.py [--quick] [--tern=PATH] [--python=PATH]

CPython frees an object's C memory at its last reference; Tern frees it when
a collection finds the object dead, and collections are paced by the heap's
own allocation plus the C memory owners report (runtime/gc/external_memory.h).
Each program makes and drops objects owning much C memory and little heap
memory, in a loop: numpy arrays (8 MB of data each, reported through
PyTraceMalloc_Track), zlib compressors (about 256 KiB of zlib state) and
expat parsers.  A row gives each side's peak resident set (ru_maxrss of the
child) and wall-clock time, and the ratios tern/python.  --timeout=S, which
bench/run may pass to every benchmark, is accepted and ignored.  Exits 1
when a program fails under either interpreter.
"""

import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))

PROGRAMS = [
    ("numpy arrays (8 MB)", "import numpy as np\nfor i in range({n}):\n    a = np.ones(1_000_000)\n", 3000),
    ("zlib compressobj", "import zlib\nfor i in range({n}):\n    c = zlib.compressobj()\n    c.compress(b'abc')\n",
     20000),
    ("expat parsers", "import pyexpat\nfor i in range({n}):\n    p = pyexpat.ParserCreate()\n"
     "    p.Parse(b\"<a><b x='1'>text</b></a>\", True)\n", 100000),
]


def measure(python, source):
    """(peak RSS in MiB, seconds), or None when the program fails."""
    pid = os.fork()
    if pid == 0:
        os.execv(python, [python, "-c", source])
    start = time.perf_counter()
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    return usage.ru_maxrss / 1024, seconds


def main():
    quick = False
    tern = os.path.join(TOP, "build", "tern")
    python = "/usr/bin/python3.11"
    for arg in sys.argv[1:]:
        if arg == "--quick":
            quick = True
        elif arg.startswith("--tern="):
            tern = arg.split("=", 1)[1]
        elif arg.startswith("--python="):
            python = arg.split("=", 1)[1]
        elif arg.startswith("--timeout="):
            pass
        else:
            sys.stderr.write(__doc__ + "\n")
            return 2
    print("%-22s %12s %12s %7s %10s %10s %7s" % ("program", "tern MiB", "python MiB", "ratio", "tern s", "python s",
                                                  "ratio"))
    failed = False
    for name, template, n in PROGRAMS:
        source = template.format(n=max(1, n // 20) if quick else n)
        t, p = measure(tern, source), measure(python, source)
        if t is None or p is None:
            print("%-22s failed under %s" % (name, "tern" if t is None else "python3.11"))
            failed = True
            continue
        print("%-22s %12.0f %12.0f %7.2f %10.2f %10.2f %7.2f" % (name, t[0], p[0], t[0] / p[0], t[1], p[1],
                                                                  t[1] / p[1]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
