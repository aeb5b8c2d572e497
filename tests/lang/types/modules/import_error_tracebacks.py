# What tracebacks of failed imports show: importlib's own frames are cut out (all of them for an ImportError,
# the loader's for an error raised by the module's body), the importing and imported modules' frames stay.
import os
import sys
import traceback

root = "/tmp/tern_tb_test_%d" % os.getpid()
os.mkdir(root)
sys.path.insert(0, root)
modules = {
    "tb_raises.py": "X = 1\nraise ValueError('from the body')\n",
    "tb_outer.py": "import tb_inner\n",
    "tb_inner.py": "def f():\n    return 1 / 0\nf()\n",
    "tb_missing.py": "import tb_not_there_zz\n",
    "tb_syntax.py": "def broken(:\n",
    "tb_circ_a.py": "from tb_circ_b import B\nA = 1\n",
    "tb_circ_b.py": "from tb_circ_a import A\nB = 1\n",
}
for name, text in modules.items():
    with open(os.path.join(root, name), "w") as f:
        f.write(text)


def frames(exc):
    return [(os.path.basename(f.filename), f.name, f.lineno) for f in traceback.extract_tb(exc.__traceback__)]


try:
    for name in ["tb_raises", "tb_outer", "tb_missing", "no_such_module_zz", "tb_syntax", "os.nope_zz"]:
        try:
            __import__(name)
        except Exception as e:
            print(name, type(e).__name__, frames(e))
    try:
        from tb_raises import X
    except ValueError as e:
        print("from-import", frames(e))
    try:
        import tb_circ_a
    except ImportError as e:
        print(type(e).__name__, str(e).replace(root, "ROOT"), e.name, frames(e))
    import importlib
    try:
        importlib.import_module("tb_inner")
    except ZeroDivisionError as e:
        print("import_module", [f for f in frames(e) if not f[0].startswith("<frozen")][1:])
finally:
    sys.path.remove(root)
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):  # __pycache__ too
        for n in filenames:
            os.remove(os.path.join(dirpath, n))
        for n in dirnames:
            os.rmdir(os.path.join(dirpath, n))
    os.rmdir(root)
