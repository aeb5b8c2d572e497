# importlib's machinery as Python code sees it: import_module/reload, find_spec, module_from_spec, meta-path
# finders and path hooks written in Python, __import__ with fromlists (submodules, '*' with __all__, missing
# names, non-str items), module reprs and spec attributes of built-in modules.
import importlib
import importlib.machinery
import importlib.util
import os
import sys
import types

print([type(f).__name__ if not isinstance(f, type) else f.__name__ for f in sys.meta_path][-3:])
print(len(sys.path_hooks) >= 2, isinstance(sys.path_importer_cache, dict))
print(importlib.util.find_spec("math").origin, importlib.util.find_spec("no_such_mod_zz") is None)
print(repr(sys), repr(types.ModuleType("made")), sys.__spec__.name, sys.__loader__.__name__)
print(importlib.machinery.BuiltinImporter.find_spec("itertools").origin, importlib.import_module("itertools").__name__)
print(importlib._bootstrap.__name__, importlib._bootstrap_external.__name__, importlib.machinery.SOURCE_SUFFIXES)
print(importlib.machinery.PathFinder.find_spec("json").name, importlib.util.find_spec("json.decoder").parent)


class VirtualLoader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.GREETING = "hello from " + module.__name__
        module.LOADED_BY = type(self).__name__


class VirtualFinder:
    def __init__(self):
        self.asked = []

    def find_spec(self, name, path, target=None):
        self.asked.append(name)
        if name.startswith("virtual_"):
            return importlib.util.spec_from_loader(name, VirtualLoader())
        return None

finder = VirtualFinder()
sys.meta_path.insert(0, finder)
try:
    import virtual_one
    from virtual_two import GREETING
    print(virtual_one.GREETING, virtual_one.LOADED_BY, GREETING, virtual_one.__spec__.origin)
    print(finder.asked, repr(virtual_one).startswith("<module 'virtual_one' (<"))
    try:
        import not_virtual_zz
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, finder.asked[-1])
finally:
    sys.meta_path.remove(finder)

root = "/tmp/tern_hooks_test_%d" % os.getpid()
os.mkdir(root)


class HookFinder:
    def __init__(self, path):
        if not path.startswith("hook://"):
            raise ImportError("not mine")
        self.path = path

    def find_spec(self, name, target=None):
        return importlib.util.spec_from_loader(name, VirtualLoader(), origin=self.path + "/" + name)

    def invalidate_caches(self):
        pass

sys.path_hooks.insert(0, HookFinder)
sys.path.append("hook://place")
try:
    import hooked_mod
    print(hooked_mod.GREETING, hooked_mod.__spec__.origin, type(sys.path_importer_cache["hook://place"]).__name__)
finally:
    sys.path_hooks.remove(HookFinder)
    sys.path.remove("hook://place")
    sys.path_importer_cache.pop("hook://place", None)

# spec_from_file_location + module_from_spec + exec_module, outside sys.path.
path = os.path.join(root, "loose.py")
with open(path, "w") as f:
    f.write("import sys\nNAME = __name__\nIN_MODULES = __name__ in sys.modules\n")
spec = importlib.util.spec_from_file_location("loose_name", path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(module.NAME, module.IN_MODULES, module.__file__ == path, module.__spec__ is spec, "loose_name" in sys.modules)

# Packages and fromlists.
os.makedirs(os.path.join(root, "fl_pkg", "inner"))
files = {
    "fl_pkg/__init__.py": "__all__ = ['alpha', 'beta', 'CONST']\nCONST = 1\n",
    "fl_pkg/alpha.py": "A = 'alpha'\n",
    "fl_pkg/beta.py": "B = 'beta'\n",
    "fl_pkg/gamma.py": "G = 'gamma'\n",
    "fl_pkg/broken.py": "import fl_pkg.does_not_exist_zz\n",
    "fl_pkg/inner/__init__.py": "",
    "fl_pkg/inner/leaf.py": "L = 'leaf'\n",
}
for name, text in files.items():
    with open(os.path.join(root, name), "w") as f:
        f.write(text)
sys.path.insert(0, root)
try:
    pkg = __import__("fl_pkg", fromlist=["gamma", "missing_zz"])
    print(pkg.__name__, pkg.gamma.G, hasattr(pkg, "missing_zz"), "fl_pkg.missing_zz" in sys.modules)
    print(__import__("fl_pkg.inner.leaf").__name__, __import__("fl_pkg.inner.leaf", fromlist=["L"]).L)
    print(__import__("fl_pkg.inner", fromlist=["leaf"]).leaf.L, __import__("fl_pkg", fromlist=()).__name__)
    ns = {}
    exec("from fl_pkg import *", ns)
    print(sorted(k for k in ns if not k.startswith("__")))
    print(__import__("os", fromlist=["not_a_submodule_zz"]).__name__)
    for bad in [[1], ["gamma", None]]:
        try:
            __import__("fl_pkg", fromlist=bad)
        except TypeError as e:
            print(type(e).__name__, e)
    try:
        __import__("fl_pkg", fromlist=["broken"])
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)
    try:
        from fl_pkg import nothing_here_zz
    except ImportError as e:
        print(type(e).__name__, e.name, str(e).split(" (")[0])

    # reload keeps the module object and its dict, re-running the code over it.
    import fl_pkg.alpha as alpha
    alpha.EXTRA = "kept"
    with open(os.path.join(root, "fl_pkg/alpha.py"), "w") as f:
        f.write("A = 'alpha, reloaded'\n")
    importlib.invalidate_caches()
    again = importlib.reload(alpha)
    print(again is alpha, alpha.A, alpha.EXTRA)
    del sys.modules["fl_pkg.alpha"]
    try:
        importlib.reload(alpha)
    except ImportError as e:
        print(type(e).__name__, e)
    try:
        importlib.reload("fl_pkg")
    except TypeError as e:
        print(type(e).__name__, e)
    print(importlib.reload(sys) is sys, importlib.reload(importlib.import_module("math")).__name__)
finally:
    sys.path.remove(root)
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for n in filenames:
            os.remove(os.path.join(dirpath, n))
        for n in dirnames:
            os.rmdir(os.path.join(dirpath, n))
    os.rmdir(root)
