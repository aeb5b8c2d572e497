# os.listdir and os.scandir: names as str/bytes, DirEntry methods and caching, the iterator as a context manager, fds.
import os
import stat

base = "/tmp/tern_os_scandir_%d" % os.getpid()
os.mkdir(base)
def show(e):
    print(type(e).__name__, str(e).replace(base, "BASE"))
try:
    os.mkdir(os.path.join(base, "dir"))
    for name in ["file.txt", "b\u00e9.txt"]:
        fd = os.open(os.path.join(base, name), os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, b"x" * 5)
        os.close(fd)
    os.symlink("file.txt", os.path.join(base, "link"))
    os.symlink("dir", os.path.join(base, "dirlink"))
    os.symlink("missing", os.path.join(base, "broken"))
    fd = os.open(os.path.join(base.encode(), b"raw\xff"), os.O_WRONLY | os.O_CREAT)
    os.close(fd)

    names = sorted(os.listdir(base))
    print(ascii(names))
    print(sorted(os.listdir(base.encode())))
    print(os.listdir(os.path.join(base, "dir")))
    print("raw\udcff" in names, os.fsencode("raw\udcff"))
    old = os.getcwd()
    os.chdir(base)
    print(sorted(os.listdir()) == names, sorted(os.listdir(None)) == names)
    print(ascii(sorted(e.path for e in os.scandir())[:2]))
    os.chdir(old)
    dfd = os.open(base, os.O_RDONLY)
    print(sorted(os.listdir(dfd)) == names, sorted(os.listdir(dfd)) == names)

    entries = sorted(os.scandir(base), key=lambda e: e.name)
    for e in entries:
        print(ascii(e), ascii(e.name), ascii(e.path.replace(base, "BASE")), e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False))
    f = [e for e in entries if e.name == "file.txt"][0]
    print(f.stat().st_size, f.stat() is f.stat(), f.inode() == os.stat(f.path).st_ino)
    print(os.fspath(f) == f.path, os.path.join(f, "x").endswith("file.txt/x"))
    lk = [e for e in entries if e.name == "link"][0]
    print(stat.S_ISLNK(lk.stat(follow_symlinks=False).st_mode), stat.S_ISREG(lk.stat().st_mode))
    br = [e for e in entries if e.name == "broken"][0]
    try:
        br.stat()
    except FileNotFoundError as e:
        show(e)
    print(type(f).__name__, type(f).__module__, os.DirEntry is type(f))
    try:
        os.DirEntry()
    except TypeError as e:
        show(e)

    # bytes paths give bytes entries
    be = sorted(os.scandir(base.encode()), key=lambda e: e.name)
    print([e.name for e in be][:3], be[0].path.startswith(base.encode()))

    # scandir on a descriptor: names only, stat relative to the descriptor
    fe = sorted(os.scandir(dfd), key=lambda e: e.name)
    print([e.name for e in fe] == names, [e.path for e in fe] == names)
    print([e.is_dir() for e in fe])
    print([e.stat().st_size for e in fe if e.name == "file.txt"])
    os.close(dfd)

    # the iterator: context manager, close, exhaustion
    with os.scandir(base) as it:
        print(type(it).__name__, iter(it) is it)
        first = next(it)
        print(type(first).__name__)
    print(list(it))
    it = os.scandir(base)
    it.close()
    it.close()
    print(list(it))
    it = os.scandir(base)
    print(len(list(it)), list(it))
    with os.scandir(os.path.join(base, "dir")) as it:
        print(list(it))

    # errors
    for arg in [os.path.join(base, "nope"), os.path.join(base, "file.txt"), 1.5]:
        for fn in (os.listdir, os.scandir):
            try:
                fn(arg)
            except (OSError, TypeError) as e:
                show(e)
finally:
    for name in os.listdir(base):
        p = os.path.join(base, name)
        if os.path.isdir(p) and not os.path.islink(p):
            os.rmdir(p)
        else:
            os.unlink(p)
    os.rmdir(base)
print(os.path.exists(base))
