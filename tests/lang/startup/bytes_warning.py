# -b and -bb: BytesWarning from == / != between bytes (or bytearray) and str
# or int, and from str() of bytes and bytearray; an error under -bb.
import os
import subprocess
import sys

CHECKS = r'''
import sys, warnings
print("bytes_warning", sys.flags.bytes_warning)
class S(str):
    pass
cases = [
    ("bytes == str", lambda: b"a" == "a"),
    ("str != bytes", lambda: "a" != b"a"),
    ("bytes == str subclass", lambda: b"a" == S("a")),
    ("bytes == int", lambda: b"a" == 97),
    ("bytes == bool", lambda: b"" == False),
    ("bytes < str", lambda: b"a" < "a"),
    ("bytes == bytes", lambda: b"a" == b"a"),
    ("bytes == memoryview", lambda: b"a" == memoryview(b"a")),
    ("bytearray == str", lambda: bytearray(b"a") == "a"),
    ("bytearray == int", lambda: bytearray(b"a") == 1),
    ("str(bytes)", lambda: str(b"x")),
    ("str(bytearray)", lambda: str(bytearray(b"x"))),
    ("repr(bytes)", lambda: repr(b"x")),
    ("'%s' % bytes", lambda: "%s" % b"x"),
    ("f-string of bytes", lambda: f"{b'x'}"),
    ("format(bytes)", lambda: format(b"x")),
    ("print(bytes)", lambda: print(b"x")),
]
for label, f in cases:
    with warnings.catch_warnings(record=True) as caught:
        if sys.flags.bytes_warning < 2:
            warnings.simplefilter("always")
        try:
            result = f()
        except Exception as e:
            result = "%s: %s" % (type(e).__name__, e)
    print(label, "->", result, [(w.category.__name__, str(w.message)) for w in caught])
'''

for flags in ([], ["-b"], ["-bb"]):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    p = subprocess.run([sys.executable, *flags, "-c", CHECKS], capture_output=True, text=True, env=env)
    print(" ".join(flags) or "(none)", "->", p.returncode)
    print(p.stdout, end="")
    print(p.stderr, end="")
