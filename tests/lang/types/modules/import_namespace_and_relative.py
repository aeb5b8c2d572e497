# Packages built on the fly: nested relative imports, __spec__/__loader__/__path__ of regular and namespace
# packages, namespace packages split over two sys.path entries (and a portion added later), shadowing rules.
import importlib
import os
import sys

root = "/tmp/tern_ns_test_%d" % os.getpid()
left, right = root + "/left", root + "/right"


def write(path, text=""):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def rel(path):
    return None if path is None else os.path.relpath(path, root)


write("left/top/__init__.py", "from .mid import deep\nfrom .mid.deep import WHO as DEEP_WHO\nLEVEL = 'top'\n")
write("left/top/mid/__init__.py", "from .. import helper\nLEVEL = 'mid'\n")
write("left/top/mid/deep.py",
      "from .. import helper as h\nfrom ..helper import NAME\nfrom . import __name__ as pkg_name\n"
      "from .. import mid\nWHO = (__name__, __package__, NAME, h.__name__, mid.LEVEL)\n")
write("left/top/helper.py", "NAME = 'helper'\n")
write("left/ns/one.py", "ONE = __name__\n")
write("right/ns/two.py", "TWO = __name__\n")
write("right/ns/sub/three.py", "from .. import one\nTHREE = (__name__, one.ONE)\n")
write("left/shadow.py", "WHERE = 'left module'\n")
write("right/shadow/__init__.py", "WHERE = 'right package'\n")
write("right/pkgwins/__init__.py", "WHERE = 'right regular package'\n")
write("left/pkgwins/readme.txt", "a directory without __init__ on an earlier path entry\n")

sys.path[:0] = [left, right]
try:
    import top
    print(top.LEVEL, top.DEEP_WHO)
    print(top.deep.__name__, top.mid.deep is top.deep, top.mid.helper is top.helper)
    print(rel(top.__file__), top.__path__ == [os.path.join(left, "top")], rel(top.__spec__.origin))
    print(top.__spec__.name, top.__spec__.parent, top.__spec__.has_location, rel(top.__spec__.cached).split(".")[0])
    print(type(top.__loader__).__name__, top.__loader__ is top.__spec__.loader, top.__package__)
    print(top.mid.deep.__spec__.parent, top.mid.deep.__spec__.submodule_search_locations)

    import ns.one
    import ns.two
    print(ns.one.ONE, ns.two.TWO, ns.__file__, ns.__spec__.origin, type(ns.__path__).__name__)
    print(sorted(rel(p) for p in ns.__path__), ns.__spec__.loader is not None, type(ns.__loader__).__name__)
    from ns.sub import three
    print(three.THREE, sorted(rel(p) for p in sys.modules["ns.sub"].__path__))
    print(repr(ns).startswith("<module 'ns' (namespace)"))

    # A portion appearing on a later sys.path entry is picked up by the _NamespacePath.
    extra = root + "/extra"
    write("extra/ns/four.py", "FOUR = 4\n")
    sys.path.append(extra)
    import ns.four
    print(ns.four.FOUR, sorted(rel(p) for p in ns.__path__))

    # A module file wins over a package of the same name further down; a regular package wins over a
    # namespace portion found earlier.
    import shadow, pkgwins
    print(shadow.WHERE, pkgwins.WHERE)

    # importlib.import_module with relative names and packages.
    print(importlib.import_module(".helper", "top").NAME, importlib.import_module("..helper", "top.mid").NAME)
    print(importlib.import_module(".mid.deep", package="top").WHO[0])
    for args in [(".nothing", "top"), ("..x", "top"), (".x", None)]:
        try:
            importlib.import_module(*args)
        except (ImportError, TypeError, ValueError) as e:
            print(type(e).__name__, e)

    # A failing submodule is removed from sys.modules and not set on the parent.
    write("left/top/bad.py", "from . import helper\nraise RuntimeError('bad submodule')\n")
    importlib.invalidate_caches()
    try:
        import top.bad
    except RuntimeError as e:
        print(type(e).__name__, e, "top.bad" in sys.modules, hasattr(top, "bad"))
finally:
    del sys.path[:2]
    if root + "/extra" in sys.path:
        sys.path.remove(root + "/extra")
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for n in filenames:
            os.remove(os.path.join(dirpath, n))
        for n in dirnames:
            os.rmdir(os.path.join(dirpath, n))
    os.rmdir(root)
