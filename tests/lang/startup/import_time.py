# -X importtime and PYTHONPROFILEIMPORTTIME: one stderr line per module
# importlib loads, "self | cumulative | name" in microseconds, nested imports
# indented under the module importing them, the header once.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as root:
    pkg = os.path.join(root, "tpkg")
    os.mkdir(pkg)
    files = {
        "__init__.py": "from . import first\nfrom . import second\n",
        "first.py": "from . import leaf\n",
        "second.py": "import tpkg.leaf\nfrom . import other\n",
        "leaf.py": "x = sum(range(1000))\n",
        "other.py": "",
    }
    for name, text in files.items():
        with open(os.path.join(pkg, name), "w") as f:
            f.write(text)
    base = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    base["PYTHONPATH"] = root
    base["PYTHONDONTWRITEBYTECODE"] = "1"
    runs = [
        (["-X", "importtime"], {}),
        ([], {"PYTHONPROFILEIMPORTTIME": "1"}),
        (["-E"], {"PYTHONPROFILEIMPORTTIME": "1"}),
        ([], {}),
    ]
    for flags, extra in runs:
        env = dict(base, **extra)
        if "-E" in flags:
            flags = flags + ["-c", "import sys; sys.path.insert(0, %r); import tpkg" % root]
        else:
            flags = flags + ["-c", "import tpkg"]
        p = subprocess.run([sys.executable, *flags], capture_output=True, text=True, env=env)
        lines = p.stderr.splitlines()
        print(flags[:-2], sorted(extra), "->", p.returncode)
        print("  headers:", sum(line == "import time: self [us] | cumulative | imported package" for line in lines))
        for line in lines:
            if "tpkg" not in line:
                continue
            self_part, cumulative_part, name_part = line.split(":", 1)[1].split("|")
            self_us, cumulative = int(self_part), int(cumulative_part)
            print("  ", repr(name_part), 0 <= self_us <= cumulative)
