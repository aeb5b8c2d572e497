# python -m venv: the environment's bin/python runs this interpreter with sys.prefix the venv (pyvenv.cfg) and its site-packages on sys.path.
import os
import subprocess
import sys
import tempfile

SHOW = (
    "import sys, os; d = os.environ['VENV_DIR']; "
    "print(sys.prefix == d, sys.exec_prefix == d, sys.base_prefix, sys.executable == d + '/bin/python'); "
    "print([p.replace(d, 'VENV') for p in sys.path if 'packages' in p]); "
    "print(sys.implementation.name == {!r}, os.path.realpath(sys._base_executable) == os.path.realpath({!r}))"
).format(sys.implementation.name, sys.executable)

with tempfile.TemporaryDirectory() as tmp:
    venv = os.path.join(tmp, "env")
    p = subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], capture_output=True, text=True)
    print("created", p.returncode, p.stderr)
    print(sorted(os.listdir(venv)))
    with open(os.path.join(venv, "pyvenv.cfg")) as f:
        cfg = dict(line.split(" = ", 1) for line in f.read().splitlines() if " = " in line)
    print(sorted(cfg), cfg["include-system-site-packages"], cfg["version"])
    print(os.path.realpath(os.path.join(venv, "bin", "python")) == os.path.realpath(sys.executable))
    env = dict(os.environ, VENV_DIR=venv)
    for args in ([], ["-S"], ["-I"]):
        p = subprocess.run([os.path.join(venv, "bin", "python"), *args, "-c", SHOW], capture_output=True, text=True, env=env)
        print(args, p.returncode, p.stdout, p.stderr)
    # With the system site-packages.
    with open(os.path.join(venv, "pyvenv.cfg"), "w") as f:
        f.write("home = %s\ninclude-system-site-packages = true\n" % os.path.dirname(sys.executable))
    p = subprocess.run([os.path.join(venv, "bin", "python"), "-c", SHOW], capture_output=True, text=True, env=env)
    print("system site", p.returncode, p.stdout, p.stderr)
