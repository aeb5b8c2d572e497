# tern -m pytest (Debian's python3-pytest): collection, parametrize, fixtures,
# raises, skip/xfail, classes, -k/-x/--collect-only, and assertion rewriting's
# explanations of a failing assert.
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
# The children import all of pytest three times: under the GC stress suite's
# settings that takes minutes, so they run with the default collector.
env = {k: v for k, v in os.environ.items() if not k.startswith("TERN_GC")}
env["PYTHONDONTWRITEBYTECODE"] = "1"


def run(*args):
    p = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args, "_pytest_sample.py"],
                       capture_output=True, text=True, cwd=here, env=env)
    print(args, "->", p.returncode)
    for line in (p.stdout + p.stderr).splitlines():
        line = re.sub(r"in \d+\.\d+s", "in Ts", line)
        if line.startswith(("platform ", "rootdir:", "cachedir:", "plugins:")):
            continue
        if line.strip():
            print("   ", line)


run("-q", "-rsx")
run("-q", "-x", "-k", "param or fixture")
run("--collect-only", "-q")
