# Command-line options: -S -s -E -I -P -B -O -OO -b -d -q -W -X, grouped options, and what sys.flags, sys.warnoptions, sys._xoptions say.
import os
import subprocess
import sys

SHOW = (
    "import sys; f = sys.flags; "
    "print(f.debug, f.optimize, f.dont_write_bytecode, f.no_user_site, f.no_site, f.ignore_environment, "
    "f.verbose, f.bytes_warning, f.quiet, f.isolated, f.dev_mode, f.safe_path, f.int_max_str_digits); "
    "print(sys.warnoptions, sorted(sys._xoptions.items()), sys.dont_write_bytecode, __debug__, "
    "'site' in sys.modules, sys.argv)"
)


def run(*args, env=None, show=SHOW):
    e = dict(os.environ)
    for k in list(e):
        if k.startswith("PYTHON") and k != "PYTHONHASHSEED":
            del e[k]
    e.update(env or {})
    p = subprocess.run([sys.executable, *args, "-c", show], capture_output=True, text=True, env=e)
    print(" ".join(args) or "(none)", "->", p.returncode)
    print(p.stdout, end="")
    if p.returncode:
        print("stderr:", p.stderr.strip().splitlines()[-1])


run()
run("-S")
run("-s", "-B")
run("-I")
run("-E", env={"PYTHONDONTWRITEBYTECODE": "1", "PYTHONOPTIMIZE": "2", "PYTHONWARNINGS": "ignore"})
run(env={"PYTHONDONTWRITEBYTECODE": "1", "PYTHONOPTIMIZE": "2", "PYTHONWARNINGS": "ignore,,once"})
run(env={"PYTHONDONTWRITEBYTECODE": "0", "PYTHONNOUSERSITE": "x", "PYTHONSAFEPATH": "1"})
run("-O")
run("-OO", "-d", "-q")
run("-bb", "-W", "error", "-Wd")
run("-X", "dev", "-X", "foo=bar", "-Xbare")
run("-X", "int_max_str_digits=1000", show="import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())")
run("-SsB")
run("-P", show="import sys; print(sys.path[0])")
run("-Sc", "import sys; print(sys.argv)")
