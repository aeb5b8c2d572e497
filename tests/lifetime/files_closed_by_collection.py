# Files left open are flushed and closed by their finalizer when collected, and at exit.
import gc

from _collect import collect
import os
import subprocess
import sys
import tempfile
import weakref

tmp = tempfile.mkdtemp()


def path(name):
    return os.path.join(tmp, name)


def dropped_text_file():
    f = open(path("text.txt"), "w")
    f.write("hello\n" * 1000)
    r = weakref.ref(f)
    del f
    collect()
    # Tern clears a weak reference to an object with a finalizer in the
    # collection after the one that ran the finalizer (docs/differences.md).
    collect()
    print("collected:", r() is None)
    with open(path("text.txt")) as g:
        print("text complete:", g.read() == "hello\n" * 1000)


def dropped_binary_file():
    f = open(path("data.bin"), "wb")
    f.write(b"x" * 5000)
    raw = f.raw
    del f
    collect()
    print("raw closed:", raw.closed)
    print("size:", os.path.getsize(path("data.bin")))


def dropped_in_cycle():
    class Holder:
        pass

    h = Holder()
    h.f = open(path("cycle.txt"), "w")
    h.f.write("in a cycle")
    h.self = h
    del h
    collect()
    with open(path("cycle.txt")) as g:
        text = g.read()
    # CPython 3.11 may finalize the FileIO before the TextIOWrapper of a
    # cycle and lose the text; Tern's file finalizer flushes every layer.
    if sys.implementation.name == "tern":
        print("cycle file flushed:", text == "in a cycle")
    else:
        print("cycle file flushed:", text in ("in a cycle", ""))


def fd_closed():
    f = open(path("fd.txt"), "w")
    fd = f.fileno()
    del f
    collect()
    try:
        os.fstat(fd)
        print("fd still open")
    except OSError as e:
        print("fd closed:", e.errno == 9)


EXIT_PROGRAM = r"""
import sys
f = open(sys.argv[1], "w")
f.write("written but never closed\n" * 100)
g = open(sys.argv[2], "wb")
g.write(b"abc" * 1000)
keep = [f, g]
"""


def at_exit():
    script = path("at_exit.py")
    with open(script, "w") as s:
        s.write(EXIT_PROGRAM)
    proc = subprocess.run([sys.executable, script, path("exit1.txt"), path("exit2.bin")],
                          capture_output=True, text=True)
    print("exit status:", proc.returncode, repr(proc.stderr))
    with open(path("exit1.txt")) as g:
        print("exit text complete:", g.read() == "written but never closed\n" * 100)
    print("exit binary size:", os.path.getsize(path("exit2.bin")))


dropped_text_file()
dropped_binary_file()
dropped_in_cycle()
fd_closed()
at_exit()
for name in os.listdir(tmp):
    os.remove(path(name))
os.rmdir(tmp)
