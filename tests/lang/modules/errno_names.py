# errno: the Linux error numbers by name, errorcode (including aliases), and OSError subclass mapping.
import errno

names = [n for n in dir(errno) if n.startswith("E")]
print(len(names), len(errno.errorcode))
for n in sorted(names):
    print(n, getattr(errno, n), errno.errorcode[getattr(errno, n)])
print(list(errno.errorcode.items())[:5])
print(errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EWOULDBLOCK])
print(errno.EDEADLK == errno.EDEADLOCK, errno.errorcode[errno.EDEADLK])
print(errno.ENOTSUP == errno.EOPNOTSUPP, errno.errorcode[errno.ENOTSUP])
print(sorted(k for k in errno.errorcode if not isinstance(k, int)))
for code in [errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR, errno.EAGAIN,
             errno.ECHILD, errno.EINTR, errno.ESRCH, errno.ETIMEDOUT, errno.ECONNREFUSED, errno.EPIPE, errno.EINVAL]:
    e = OSError(code, "msg")
    print(errno.errorcode[code], type(e).__name__, e.errno)
