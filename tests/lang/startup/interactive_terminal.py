# The interactive prompt on a terminal (a pseudo-terminal here): site's
# sys.__interactivehook__ loads the readline module, so input() and the
# prompt go through GNU readline: the up arrow recalls the last line, Ctrl-C
# drops the line being typed, and the history is saved in
# ~/.python_history at exit.  Without site (-S), readline is imported all
# the same (no history file then); under -I it is not.
import os
import pty
import select
import sys
import tempfile
import time


def transcript(flags, steps):
    home = tempfile.mkdtemp()
    pid, fd = pty.fork()
    if pid == 0:
        env = {"HOME": home, "TERM": "xterm", "PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"}
        if "ASAN_OPTIONS" in os.environ:  # a sanitizer build's settings
            env["ASAN_OPTIONS"] = os.environ["ASAN_OPTIONS"]
        os.execve(sys.executable, [sys.executable, "-q", *flags], env)
    out = b""

    # Reads until `marker` appears in what came after `start` (or the child
    # ends); returns where the marker ends.
    def read_until(marker, start, timeout=120):
        nonlocal out
        deadline = time.time() + timeout
        while marker not in out[start:] and time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                out += data
        found = out.find(marker, start)
        return len(out) if found < 0 else found + len(marker)

    cursor = 0
    for keys, wait_for, *pause in steps:
        cursor = read_until(wait_for, cursor)
        time.sleep(pause[0] if pause else 0)
        os.write(fd, keys)
    # The rest of the output, until the child has exited.
    deadline = time.time() + 120
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            out += data
            if data:
                continue
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    text = out.decode(errors="replace").replace("\r\n", "\n")
    saved = sorted(os.listdir(home))
    history = open(os.path.join(home, ".python_history")).read().splitlines() if saved else []
    return text, saved, history


steps = [
    # (keys, what to wait for before typing them)
    (b"x = 6*7\r", b">>> "),
    (b"print(x, 'printed')\r", b">>> "),
    (b"\x1b[A\r", b"printed\r\n>>> "),
    (b"def f():\r", b">>> "),
    (b"    return 'in f'\r", b"... "),
    (b"\r", b"... "),
    (b"f()\r", b">>> "),
    (b"input('q? ')\r", b">>> "),
    (b"typed\r", b"\nq? "),
    (b"unfinished line", b">>> "),
    # readline leaves a moment between echoing a line and waiting for the
    # next key where a Ctrl-C is not seen until then (CPython's too): the
    # key waits for readline to be waiting.
    (b"\x03", b"line", 0.5),
    (b"\x04", b">>> "),
]

for flags in ([], ["-S"], ["-I"]):
    text, saved, history = transcript(flags, steps)
    print("flags:", flags)
    print(text)
    print("home:", saved, "history:", history)
