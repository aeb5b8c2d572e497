# How the command line names the program: FILE, -c, -m, '-', a piped program, '--', -x, -u; sys.argv and sys.path[0] for each; command-line errors.
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def run(*args, stdin=None, cwd=here):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") or k == "PYTHONHASHSEED"}
    p = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, input=stdin, cwd=cwd)
    shown = [os.path.basename(a) if a.startswith(tempfile.gettempdir()) else a if len(a) < 40 else a[:20] + "..."
             for a in args]
    print(shown, "->", p.returncode)
    print(p.stdout, end="")
    if p.returncode:
        lines = p.stderr.strip().splitlines()
        for line in (lines[0], lines[-1]) if lines else ():
            print("stderr:", line.replace(sys.executable, "EXE"))


SHOW = "import sys, os; print(sys.argv, repr(sys.path[0]) if sys.path[0] != os.getcwd() else 'cwd')"
run("_show_argv.py", "a", "-b", "--c")
run(os.path.join(here, "_show_argv.py"))
run("-c", SHOW, "x", "-y")
run("-m", "_show_argv", "1", "2")
run("-m", "_show_argv", cwd="/")
run("-", "p", "q", stdin=SHOW)
run(stdin=SHOW)
run("--", "_show_argv.py", "--")
run("-x", "_skip_first_line.py", "arg")
run("_skip_first_line.py")
run("-u", "-c", "import sys; print(sys.stdout.write_through, sys.stderr.write_through, sys.stdout.line_buffering)")
run("-c", "import sys; print(sys.stdout.write_through, sys.stderr.write_through, sys.stdout.line_buffering)")
run("-B", "-Wignore", "-c", SHOW)

# Errors: status 2 and CPython's messages.
run("-Z")
run("-c")
run("-W")
run("--unknown-long-option")
run("-m", "no_such_module_xyz")
run("no_such_file_xyz.py")
run("-X", "int_max_str_digits=5", "-c", "pass")
p = subprocess.run([sys.executable, "-h"], capture_output=True, text=True)
print("help", p.returncode, p.stdout.startswith("usage: "), "-c cmd" in p.stdout)

# A directory or zip file with a __main__ module; one without.
import zipfile

with tempfile.TemporaryDirectory() as tmp:
    pkg = os.path.join(tmp, "app")
    os.mkdir(pkg)
    with open(os.path.join(pkg, "__main__.py"), "w") as f:
        f.write("import sys, os\nprint('main of', __name__, [os.path.basename(a) for a in sys.argv], os.path.basename(sys.path[0]))\n")
    with zipfile.ZipFile(os.path.join(tmp, "app.zip"), "w") as z:
        z.write(os.path.join(pkg, "__main__.py"), "__main__.py")
    run(pkg, "x")
    run(os.path.join(tmp, "app.zip"), "y")
    run("-I", pkg)
    os.remove(os.path.join(pkg, "__main__.py"))
    p = subprocess.run([sys.executable, pkg], capture_output=True, text=True)
    print("no __main__", p.returncode, p.stderr.replace(sys.executable, "EXE").replace(pkg, "PKG").strip())

# -R: hash randomization even when PYTHONHASHSEED fixes the seed.
run("-R", "-c", "import sys; print(sys.flags.hash_randomization)")

# -i: the prompt (reading stdin) follows the program, even after its exception.
run("-i", "-c", "y = 2", stdin="print(y * 21)\n")
run("-i", "-c", "y = 3\nraise KeyError(y)", stdin="print('still here', y)\n")
