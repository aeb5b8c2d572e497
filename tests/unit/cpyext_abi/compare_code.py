#!/usr/bin/env python3
"""Compare the machine code of extension modules built twice from the same
source: against the compat headers and against CPython 3.11's own.

Identical code means every macro and inline function of the headers that the
module uses (reference counting, PEP 393 accessors, tuple/list/bytes access,
thread-state fields, ...) expands to exactly what CPython's does, so the
module behaves the same whichever headers it was built with.

Usage: compare_code.py TERN_MODULE CPYTHON_MODULE [TERN_MODULE CPYTHON_MODULE ...]
"""
import re
import subprocess
import sys


def disassembly(path):
    out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", path],
                         check=True, capture_output=True, text=True).stdout
    # Drop the first lines, which name the file.
    return [line for line in out.splitlines()[3:] if not re.match(r"^\S+:\s+file format", line)]


def main():
    pairs = list(zip(sys.argv[1::2], sys.argv[2::2]))
    failed = 0
    for tern, cpython in pairs:
        a, b = disassembly(tern), disassembly(cpython)
        if a != b:
            failed += 1
            diff = next(i for i, (x, y) in enumerate(zip(a + [""], b + [""])) if x != y)
            print(f"{tern}: code differs from {cpython} at line {diff}:")
            print(f"  compat:  {a[diff] if diff < len(a) else '<end>'}")
            print(f"  CPython: {b[diff] if diff < len(b) else '<end>'}")
    print(f"{len(pairs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
