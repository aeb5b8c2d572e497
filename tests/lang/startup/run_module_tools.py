# tern -m: unittest (a test module, -v, -k), json.tool (stdin, --sort-keys, --compact, errors), runpy's errors.
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))


def run(*args, stdin=None):
    p = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, input=stdin, cwd=here)
    print(args[:3], "->", p.returncode)
    out = p.stdout + p.stderr
    for line in out.splitlines():
        line = re.sub(r"in \d+\.\d+s", "in Ts", line)
        line = line.replace(sys.executable, "EXE")
        if line.strip() and not line.startswith("  File") and "^^^" not in line:
            print("   ", line)


run("unittest", "_unittest_sample")
run("unittest", "-v", "_unittest_sample")
run("unittest", "-k", "ok", "_unittest_sample")
run("unittest", "_unittest_sample.Sample.test_ok")
run("json.tool", stdin='{"b": [1, 2, {"c": null}], "a": "\\u00e9"}')
run("json.tool", "--sort-keys", "--compact", stdin='{"b": [1, 2], "a": true}')
run("json.tool", "--json-lines", stdin='{"x": 1}\n[2]\n')
run("json.tool", stdin='{"broken": ')
run("no_such_module_for_m")
