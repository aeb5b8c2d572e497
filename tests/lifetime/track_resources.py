# -X track-resources: the ResourceWarning of a file or socket the collector closes
# names it and shows where it was created.  (CPython: -X tracemalloc gives the
# same facts in its own format; both are checked for the same content.)
import os
import subprocess
import sys
import tempfile

TERN = sys.implementation.name == "tern"

PROGRAM = r'''
import gc, socket, sys

def make_file(path):
    f = open(path, "w")
    f.write("data")
    return f

def leak():
    f = make_file(sys.argv[1])
    del f
    gc.collect()

def leak_socket():
    a, b = socket.socketpair()
    a.close()
    del a, b
    gc.collect()

leak()
leak_socket()
with open(sys.argv[1]) as g:
    print("flushed:", g.read())
'''


def run(options, program, *args):
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "leaky.py")
        with open(script, "w") as s:
            s.write(program)
        proc = subprocess.run([sys.executable, *options, script, os.path.join(d, "out.txt"), *args],
                              capture_output=True, text=True)
        return proc.returncode, proc.stdout, proc.stderr.replace(d, "DIR")


tracking = ["-X", "track-resources"] if TERN else ["-X", "tracemalloc=10"]

# Filters: ignored by default, shown with -W, an error under -W error.
status, out, err = run([], PROGRAM)
print("default:", status, out.strip(), repr(err))

status, out, err = run(["-W", "always::ResourceWarning"] + tracking, PROGRAM)
print("status:", status, out.strip())
lines = err.splitlines()
file_warning = [l for l in lines if "ResourceWarning: unclosed file <_io.TextIOWrapper name='DIR/out.txt' mode='w'" in l]
print("file warning:", len(file_warning))
sock_warning = [l for l in lines if "ResourceWarning: unclosed <socket.socket" in l]
print("socket warning:", len(sock_warning))
# The creation traceback: each frame's file and line, then its source line.
if TERN:
    header = "Object created at (most recent call last):"
    frames = [l.strip().split(", in ")[0] for l in lines if l.startswith("  File ")]
else:
    header = "Object allocated at (most recent call last):"
    frames = [l.strip().replace(", lineno ", ", line ") for l in lines if l.startswith("  File ")]
print("traceback headers:", sum(1 for l in lines if l == header))
# One block per warning (the file's and the socket's may come in either order).
blocks, current = {}, None
for l in lines:
    if "ResourceWarning: unclosed" in l:
        current = blocks.setdefault("file" if "unclosed file" in l else "socket", [])
    elif current is not None and l.startswith("  File ") and "leaky.py" in l:
        f = l.strip().split(", in ")[0].replace(", lineno ", ", line ")
        current.append(f.replace('File "DIR/leaky.py", ', ""))
print("frames:", sorted(blocks.items()))
print("source lines:", sorted([l.strip() for l in lines if l.strip() in ('f = open(path, "w")', "f = make_file(sys.argv[1])", "leak()", "a, b = socket.socketpair()")]))

status, out, err = run(["-W", "error::ResourceWarning"], PROGRAM)
print("as error:", status, out.strip(), "Exception ignored in" in err, "ResourceWarning: unclosed file" in err)

# Without the option nothing is recorded: the warning has no traceback.
status, out, err = run(["-W", "always::ResourceWarning"], PROGRAM)
print("untracked:", "unclosed file" in err, "Object created at" in err)
