# PYTHONIOENCODING: the standard streams' encoding and error handler (stderr
# keeps backslashreplace), the codec's own name, ignored under -E, and the
# fatal error of an unknown encoding.
import os
import subprocess
import sys

SHOW = ("import sys\n"
        "for s in (sys.stdin, sys.stdout, sys.stderr):\n"
        "    print(s.encoding, s.errors, s is sys.__dict__['__' + s.name.strip('<>') + '__'])\n"
        "print('caf\\xe9 \\u20ac')\n")


def run(value, *options, code=SHOW, stdin=b""):
    env = dict(os.environ)
    env.pop("PYTHONIOENCODING", None)
    if value is not None:
        env["PYTHONIOENCODING"] = value
    p = subprocess.run([sys.executable, *options, "-c", code], env=env, input=stdin, capture_output=True)
    print(repr(value), options, "status", p.returncode)
    print("  stdout:", p.stdout)
    lines = p.stderr.decode("ascii", "replace").splitlines()
    # (CPython follows a fatal error with its thread dump, which Tern does not print.)
    print("  stderr:", [l for l in lines if l and not l.startswith(("Current thread", "  <no Python"))][:3])


for value in [None, "", "utf-8", "UTF8:strict", "latin-1", "ascii:replace", "ascii", ":ignore",
              "ascii:xmlcharrefreplace", "cp1252:backslashreplace", "utf-16"]:
    run(value)

run("latin-1", "-E")
run("latin-1", "-I")
run("no-such-codec")

# stdin decodes with the encoding too; stderr escapes what it cannot encode.
run("latin-1", code="import sys\nline = sys.stdin.readline()\nprint(ascii(line))", stdin=b"caf\xe9\n")
run("ascii", code="import sys\nsys.stderr.write('caf\\xe9\\n')")
