# os.stat/lstat/fstat: stat_result fields, named-only fields, types, errors, dir_fd and follow_symlinks.
import os
import stat

base = "/tmp/tern_os_stat_%d" % os.getpid()
os.mkdir(base)
try:
    path = os.path.join(base, "f.txt")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    os.write(fd, b"hello world")
    os.close(fd)
    os.utime(path, (1000000000, 1234567890.5))

    st = os.stat(path)
    print(type(st).__name__, type(st).__module__, len(st))
    print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields)
    print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), oct(stat.S_IMODE(st.st_mode)))
    print(st.st_size, st[6], st.st_nlink)
    print(st.st_atime, st.st_mtime, st[7], st[8])
    print(type(st.st_atime).__name__, type(st[7]).__name__)
    print(st.st_atime_ns, st.st_mtime_ns)
    print(st.st_uid == os.getuid(), st.st_gid == os.getgid())
    print(isinstance(st.st_ino, int), isinstance(st.st_dev, int), isinstance(st.st_blksize, int))
    print(isinstance(st.st_blocks, int), isinstance(st.st_rdev, int))
    print(st == tuple(st), isinstance(st, tuple))
    a, *rest = st
    print(a == st.st_mode, len(rest))
    print(st[:3] == (st.st_mode, st.st_ino, st.st_dev))

    # The repr names the visible fields (the times as ints).
    r = repr(st)
    print(r.startswith("os.stat_result(st_mode="), "st_mtime=1234567890)" in r)

    # stat_result from a sequence
    s2 = os.stat_result(tuple(range(10)))
    print(s2.st_mode, s2[9], s2.st_atime, s2.st_blksize)
    s3 = os.stat_result(tuple(range(13)))
    print(s3.st_atime, s3.st_ctime)
    for bad in [tuple(range(9)), tuple(range(20))]:
        try:
            os.stat_result(bad)
        except TypeError as e:
            print("TypeError", e)

    # fstat and stat of a descriptor agree with stat
    fd = os.open(path, os.O_RDONLY)
    print(os.fstat(fd).st_size, os.stat(fd).st_size, os.fstat(fd).st_ino == st.st_ino)
    os.close(fd)

    # bytes and PathLike paths
    print(os.stat(path.encode()).st_size)
    class P:
        def __fspath__(self):
            return path
    print(os.stat(P()).st_size)

    # symlinks
    link = os.path.join(base, "link")
    os.symlink("f.txt", link)
    print(stat.S_ISLNK(os.lstat(link).st_mode), stat.S_ISREG(os.stat(link).st_mode))
    print(stat.S_ISLNK(os.stat(link, follow_symlinks=False).st_mode))

    # dir_fd
    dfd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    print(os.stat("f.txt", dir_fd=dfd).st_size)
    print(stat.S_ISLNK(os.stat("link", dir_fd=dfd, follow_symlinks=False).st_mode))
    os.close(dfd)

    # errors
    for args, kw in [((os.path.join(base, "missing"),), {}), ((b"/nonexistent/x",), {}), ((3.5,), {}),
                     (("a\0b",), {}), ((None,), {}), ((0,), {"dir_fd": 3}), ((0,), {"follow_symlinks": False}),
                     ((path,), {"dir_fd": "x"}), ((path + "/sub",), {})]:
        try:
            os.stat(*args, **kw)
        except (OSError, TypeError, ValueError) as e:
            msg = str(e).replace(base, "BASE")
            print(type(e).__name__, msg, getattr(e, "errno", None))
    try:
        os.lstat(5)
    except TypeError as e:
        print("TypeError", e)
    try:
        os.fstat(-1)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
    e = None
    try:
        os.stat(os.path.join(base, "nope"))
    except FileNotFoundError as exc:
        e = exc
    print(e.errno, e.strerror, e.filename == os.path.join(base, "nope"), e.filename2)
finally:
    for name in os.listdir(base):
        os.unlink(os.path.join(base, name))
    os.rmdir(base)
print(os.path.exists(base))
