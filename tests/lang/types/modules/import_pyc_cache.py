# The bytecode cache: __pycache__ files written on import, reused, invalidated by source mtime and size, bad
# headers ignored, sourceless .pyc imports, importlib.reload picking up a changed source.
import importlib
import importlib.util
import os
import sys

root = "/tmp/tern_pyc_test_%d" % os.getpid()
os.mkdir(root)
sys.path.insert(0, root)
sys.dont_write_bytecode = False  # the test runner sets PYTHONDONTWRITEBYTECODE


def write(name, text, mtime=None):
    path = os.path.join(root, name)
    with open(path, "w") as f:
        f.write(text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def header(path):
    with open(path, "rb") as f:
        data = f.read(16)
    return data[:4], int.from_bytes(data[4:8], "little"), int.from_bytes(data[8:12], "little"), \
        int.from_bytes(data[12:16], "little")


try:
    magic = importlib.util.MAGIC_NUMBER
    print(type(magic).__name__, len(magic), magic[2:])
    src = write("cached_mod.py", "VALUE = 1\n", mtime=1_000_000)
    import cached_mod
    cached = cached_mod.__cached__
    print(cached_mod.VALUE, cached == importlib.util.cache_from_source(src), os.path.exists(cached))
    print(os.path.basename(os.path.dirname(cached)), os.path.basename(cached).split(".")[0],
          cached.endswith(".pyc"), sys.implementation.cache_tag in cached)
    m, flags, mtime, size = header(cached)
    print(m == magic, flags, mtime, size, size == os.path.getsize(src))
    print(importlib.util.source_from_cache(cached) == src)

    # A change of size invalidates the cache.
    write("cached_mod.py", "VALUE = 22\n", mtime=1_000_000)
    importlib.reload(cached_mod)
    print(cached_mod.VALUE, header(cached)[3])

    # Same size, another mtime: stale as well.
    write("cached_mod.py", "VALUE = 33\n", mtime=2_000_000)
    importlib.reload(cached_mod)
    print(cached_mod.VALUE, header(cached)[2])

    # Same size and mtime: the cached code is used, whatever the source says.
    write("cached_mod.py", "VALUE = 44\n", mtime=2_000_000)
    importlib.reload(cached_mod)
    print(cached_mod.VALUE)

    # A damaged header (wrong magic) is ignored: the source is compiled and the cache rewritten.
    with open(cached, "r+b") as f:
        f.write(b"\0\0\0\0")
    del sys.modules["cached_mod"]
    import cached_mod
    print(cached_mod.VALUE, header(cached)[0] == magic)

    # Truncated data after a valid header is an EOFError-free miss as well.
    with open(cached, "r+b") as f:
        f.truncate(12)
    del sys.modules["cached_mod"]
    import cached_mod
    print(cached_mod.VALUE, os.path.getsize(cached) > 16)

    # dont_write_bytecode: nothing is written.
    sys.dont_write_bytecode = True
    write("nocache_mod.py", "X = 'no cache'\n")
    import nocache_mod
    print(nocache_mod.X, os.path.exists(nocache_mod.__cached__))
    sys.dont_write_bytecode = False

    # A package's __init__ is cached in the package's own __pycache__.
    os.mkdir(os.path.join(root, "cached_pkg"))
    write("cached_pkg/__init__.py", "from . import sub\nNAME = __name__\n")
    write("cached_pkg/sub.py", "SUB = __package__\n")
    import cached_pkg
    print(cached_pkg.NAME, cached_pkg.sub.SUB,
          sorted(n.split(".")[0] for n in os.listdir(os.path.join(root, "cached_pkg", "__pycache__"))))

    # A sourceless module: a .pyc beside where the source would be.
    import py_compile
    src = write("legacy_mod.py", "LEGACY = 'from bytecode'\n")
    py_compile.compile(src, cfile=os.path.join(root, "legacy_mod.pyc"), doraise=True)
    os.remove(src)
    importlib.invalidate_caches()
    import legacy_mod
    print(legacy_mod.LEGACY, type(legacy_mod.__loader__).__name__, legacy_mod.__file__.endswith("legacy_mod.pyc"))

    # Code objects loaded from the cache report the source file.
    write("where_mod.py", "def f():\n    return f.__code__.co_filename\n")
    import where_mod
    del sys.modules["where_mod"]
    import where_mod as again
    print(again.f() == os.path.join(root, "where_mod.py"), again is not where_mod)
finally:
    sys.path.remove(root)
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for n in filenames:
            os.remove(os.path.join(dirpath, n))
        for n in dirnames:
            os.rmdir(os.path.join(dirpath, n))
    os.rmdir(root)
print(os.path.exists(root))
