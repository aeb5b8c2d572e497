# os file and descriptor functions: open/read/write/lseek/pipe/dup, rename/link/chmod/utime, cwd, env, wait statuses.
import os
import stat

base = "/tmp/tern_os_files_%d" % os.getpid()
os.mkdir(base, 0o755)
def show(e):
    print(type(e).__name__, str(e).replace(base, "BASE"))
try:
    p = os.path.join(base, "a.bin")
    fd = os.open(p, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    print(os.write(fd, b"0123456789"), os.write(fd, bytearray(b"ab")), os.write(fd, memoryview(b"cd")))
    print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3), os.read(fd, 0))
    print(os.lseek(fd, -2, os.SEEK_END), os.read(fd, 100), os.read(fd, 100))
    os.ftruncate(fd, 4)
    os.fsync(fd)
    print(os.fstat(fd).st_size, os.get_inheritable(fd), os.get_blocking(fd), os.isatty(fd))
    os.set_inheritable(fd, True)
    print(os.get_inheritable(fd))
    fd2 = os.dup(fd)
    print(fd2 != fd, os.get_inheritable(fd2))
    fd3 = os.dup2(fd, fd2 + 5, inheritable=False)
    print(fd3 == fd2 + 5, os.get_inheritable(fd3))
    os.lseek(fd3, 0, os.SEEK_SET)
    print(os.read(fd, 10))
    for f in (fd, fd2, fd3):
        os.close(f)
    try:
        os.open(p, os.O_RDWR | os.O_CREAT | os.O_EXCL)
    except FileExistsError as e:
        show(e)
    try:
        os.read(fd, 1)
    except OSError as e:
        show(e)
    try:
        os.read(0, -1)
    except OSError as e:
        show(e)
    try:
        os.write(1, "text")
    except TypeError as e:
        show(e)

    r, w = os.pipe()
    print(os.get_inheritable(r), os.get_blocking(w))
    os.write(w, b"through the pipe")
    os.close(w)
    print(os.read(r, 7), os.read(r, 100), os.read(r, 100))
    os.close(r)
    r, w = os.pipe()
    os.set_blocking(r, False)
    print(os.get_blocking(r))
    try:
        os.read(r, 1)
    except BlockingIOError as e:
        print("BlockingIOError", e.errno)
    os.close(r); os.close(w)

    # truncate by path, utime, chmod, access
    os.truncate(p, 2)
    print(os.stat(p).st_size)
    os.utime(p, ns=(5_000_000_001, 7_000_000_002))
    st = os.stat(p)
    print(st.st_atime_ns, st.st_mtime_ns)
    os.utime(p, (10, 20.25))
    print(os.stat(p).st_mtime)
    for kw in [dict(times=(1, 2), ns=(1, 2)), dict(times=[1, 2]), dict(ns=(1,))]:
        try:
            os.utime(p, **kw)
        except (TypeError, ValueError) as e:
            show(e)
    os.chmod(p, 0o640)
    print(oct(stat.S_IMODE(os.stat(p).st_mode)))
    print(os.access(p, os.R_OK), os.access(p, os.F_OK), os.access(p + "x", os.F_OK))

    # rename / replace / link / symlink / readlink
    q = os.path.join(base, "b.bin")
    os.rename(p, q)
    print(os.path.exists(p), os.path.exists(q))
    try:
        os.rename(p, q)
    except FileNotFoundError as e:
        show(e)
        print(e.filename == p, e.filename2 == q)
    try:
        os.rename(p, q.encode())
    except OSError as e:
        show(e)
    open_flags = os.O_WRONLY | os.O_CREAT
    os.close(os.open(p, open_flags))
    os.replace(p, q)
    print(os.path.exists(p), os.stat(q).st_size)
    h = os.path.join(base, "hard")
    os.link(q, h)
    print(os.stat(q).st_nlink, os.path.samefile(q, h))
    s = os.path.join(base, "sym")
    os.symlink("b.bin", s)
    print(os.readlink(s), os.readlink(s.encode()), os.path.islink(s))
    try:
        os.readlink(q)
    except OSError as e:
        show(e)
    try:
        os.symlink("b.bin", s)
    except FileExistsError as e:
        show(e)
    os.remove(h)
    os.unlink(s)
    os.unlink(q)

    # mkdir / rmdir / chdir / getcwd
    d = os.path.join(base, "sub")
    os.mkdir(d)
    try:
        os.mkdir(d)
    except FileExistsError as e:
        show(e)
    old = os.getcwd()
    os.chdir(d)
    print(os.getcwd() == d, os.getcwdb() == d.encode())
    os.chdir(old)
    try:
        os.rmdir(base)
    except OSError as e:
        show(e)
    os.rmdir(d)
    try:
        os.rmdir(d)
    except FileNotFoundError as e:
        show(e)
finally:
    for name in os.listdir(base):
        os.unlink(os.path.join(base, name))
    os.rmdir(base)

# fspath
class P:
    def __init__(self, v): self.v = v
    def __fspath__(self): return self.v
print(os.fspath("s"), os.fspath(b"b"), os.fspath(P("x")), os.fspath(P(b"y")))
for v in [1, None, P(3)]:
    try:
        os.fspath(v)
    except TypeError as e:
        show(e)

# environment
os.environ["TERN_TEST_VAR"] = "v1"
print(os.environ["TERN_TEST_VAR"], os.getenv("TERN_TEST_VAR"), os.environb[b"TERN_TEST_VAR"])
del os.environ["TERN_TEST_VAR"]
print(os.getenv("TERN_TEST_VAR"), "TERN_TEST_VAR" in os.environ)
print(type(os.environ["PATH"]).__name__)
for f, args in [(os.putenv, ("A=B", "x")), (os.putenv, ("", "x")), (os.putenv, (1, "x")),
                (os.putenv, ("a\0b", "x")), (os.unsetenv, ("",)), (os.unsetenv, ("a=b",))]:
    try:
        f(*args)
    except (ValueError, TypeError, OSError) as e:
        show(e)

# misc
print(os.strerror(2), os.strerror(13))
old = os.umask(0o22)
print(oct(os.umask(old)))
print(type(os.getpid()).__name__, os.getppid() > 0, type(os.cpu_count()).__name__)
print(len(os.urandom(16)), os.urandom(0))
try:
    os.urandom(-1)
except ValueError as e:
    show(e)
u = os.uname()
print(type(u).__name__, u.sysname, len(u))
t = os.times()
print(type(t).__name__, len(t), type(t.user).__name__)
print(os.device_encoding(os.open("/dev/null", os.O_RDONLY)))
print(os.sep, os.name, os.curdir, os.linesep == "\n", os.devnull)
print(os.error is OSError, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)

# wait statuses, fork and waitpid
for status in [0, 256, 768, 9, 0x7f | (19 << 8)]:
    print(status, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status), os.WTERMSIG(status),
          os.WIFSTOPPED(status), os.WSTOPSIG(status))
print(os.waitstatus_to_exitcode(768), os.waitstatus_to_exitcode(9))
try:
    os.waitstatus_to_exitcode(0x7f | (19 << 8))
except ValueError as e:
    show(e)
pid = os.fork()
if pid == 0:
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.waitstatus_to_exitcode(status))
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    show(e)
