"""Shared machinery of run-reference and run-tern: find the fixtures, build
them into a directory under a chosen file suffix, run their drivers.

A fixture is a source file in this directory and the driver beside it:
  capi_<family>.c   hand-written C11            + test_capi_<family>.py
  cy_<name>.pyx     Cython (cython3 -3, then C) + test_cy_<name>.py
  pb_<name>.cpp     pybind11 (C++17)            + test_pb_<name>.py
  (no source)                                     test_lib_<name>.py
The module name is the file name up to the first dot.  test_lib_* drivers
exercise extension binaries that exist already (Debian's lib-dynload), so
they have nothing to build.  Drivers are plain
scripts (unittest with verbosity 2): exit status 0 means every check passed.
"""

import os
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent

SUFFIXES = {
    "cpython": ".cpython-311-x86_64-linux-gnu.so",
    "tern": ".tern-311-x86_64-linux-gnu.so",
}

# -Wextra's unused-parameter and missing-field-initializer warnings fire on
# every METH_NOARGS function and designated PyTypeObject initialiser.
CFLAGS = ["-std=c11", "-O1", "-g", "-fPIC", "-Wall", "-Wextra",
          "-Wno-unused-parameter", "-Wno-missing-field-initializers"]
CXXFLAGS = ["-std=c++17", "-O1", "-g", "-fPIC", "-Wall", "-fvisibility=hidden"]
CYTHON_CFLAGS = ["-O1", "-g", "-fPIC", "-w"]  # generated code: warnings are not ours


def fixtures(selected=()):
    """[(module name, source path)] in a stable order, filtered by `selected`
    (module names or driver file names)."""
    found = []
    for pattern in ("capi_*.c", "cy_*.pyx", "pb_*.cpp"):
        for src in sorted(HERE.glob(pattern)):
            found.append((src.name.split(".")[0], src))
    for driver in sorted(HERE.glob("test_lib_*.py")):
        found.append((driver.stem.removeprefix("test_"), None))
    if selected:
        names = {pathlib.Path(s).name.removeprefix("test_").removesuffix(".py")
                 for s in selected}
        unknown = names - {n for n, _ in found}
        if unknown:
            sys.exit(f"no fixture named {', '.join(sorted(unknown))}")
        found = [(n, s) for n, s in found if n in names]
    return found


def pybind11_include():
    for d in ("/usr/include", "/usr/local/include"):
        if (pathlib.Path(d) / "pybind11" / "pybind11.h").exists():
            return d
    return None


def build(name, src, include, outdir, suffix, werror=False, verbose=False):
    """Compile one fixture into outdir/<name><suffix>.  Returns None on
    success, "skip: <why>" when a tool is missing, else the compiler output."""
    if src is None:
        return None  # a test_lib_* driver: the binaries exist already
    out = outdir / (name + suffix)
    strict = ["-Werror"] if werror else []
    if src.suffix == ".c":
        cmds = [["gcc", *CFLAGS, *strict, "-I", include, "-shared", "-pthread",
                 "-o", str(out), str(src)]]
    elif src.suffix == ".pyx":
        cython = shutil.which("cython3") or shutil.which("cython")
        if cython is None:
            return "skip: cython3 is not installed"
        c_file = outdir / (name + ".c")
        cmds = [[cython, "-3", "-o", str(c_file), str(src)],
                ["gcc", *CYTHON_CFLAGS, "-I", include, "-shared", "-pthread",
                 "-o", str(out), str(c_file)]]
    else:
        pb = pybind11_include()
        if pb is None:
            return "skip: pybind11 headers are not installed"
        # The Python include dir comes first so pybind11's <Python.h> is ours.
        cmds = [["g++", *CXXFLAGS, *strict, "-I", include, "-I", pb, "-shared", "-pthread",
                 "-o", str(out), str(src)]]
    for cmd in cmds:
        if verbose:
            print("  $ " + " ".join(cmd), flush=True)
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            return "build failed:\n" + r.stdout + r.stderr
    return None


def run_driver(exe, name, moddir, timeout, extra_env=None):
    """Run test_<name>.py under `exe` with moddir on PYTHONPATH.
    Returns (exit status, combined output)."""
    driver = HERE / f"test_{name}.py"
    if not driver.exists():
        return 1, f"no driver {driver.name}"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(moddir)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONHOME", None)
    if extra_env:
        env.update(extra_env)
    try:
        r = subprocess.run([exe, str(driver)], cwd=moddir, env=env, timeout=timeout,
                           stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           errors="replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) \
            else (e.stdout or "")
        return 124, out + f"\ntimed out after {timeout}s"
    rc = r.returncode
    if rc < 0:
        out = r.stdout + r.stderr + f"\nkilled by signal {-rc}"
        return rc, out
    return rc, r.stdout + r.stderr


def summary(text):
    """unittest's "Ran N tests" line and its verdict, or the last line."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    ran = [ln for ln in lines if ln.startswith("Ran ") and " test" in ln]
    last = lines[-1] if lines else ""
    return f"{ran[-1].split(' in ')[0]}, {last}" if ran else last


def read_known_failures(path):
    """{module name: cause} from lines "name: cause" ('#' starts a comment)."""
    known = {}
    if path is None:
        return known
    for raw in pathlib.Path(path).read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, cause = line.partition(":")
        known[name.strip()] = cause.strip() or "(no cause given)"
    return known
