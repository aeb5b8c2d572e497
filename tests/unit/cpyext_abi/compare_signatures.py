#!/usr/bin/env python3
"""Run two signature dumps (signatures.cc built against the compat headers
and against CPython 3.11's) and fail on any difference.

Usage: compare_signatures.py TERN_DUMP CPYTHON_DUMP
"""
import subprocess
import sys


def dump(exe):
    out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    return dict(line.split(" ", 1) for line in out.splitlines())


def main():
    tern, cpython = (dump(exe) for exe in sys.argv[1:3])
    bad = [name for name in cpython if tern.get(name) != cpython[name]]
    for name in bad:
        print(f"{name}: compat headers {tern.get(name)!r}, CPython {cpython[name]!r}")
    print(f"{len(cpython) - len(bad)} passed, {len(bad)} failed")
    return 1 if bad or tern.keys() != cpython.keys() else 0


if __name__ == "__main__":
    sys.exit(main())
