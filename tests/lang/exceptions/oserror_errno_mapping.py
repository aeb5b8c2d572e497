# OSError constructor maps errno to subclasses (FileNotFoundError, PermissionError, ...), attributes errno/strerror/filename/filename2, str() forms, and aliases.
# Linux errno values, spelled out so the test needs no imports.
class errno:
    EPERM, ENOENT, ESRCH, EINTR, ECHILD, EAGAIN, EACCES, EEXIST, ENOTDIR, EISDIR, EPIPE = 1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32
    ECONNABORTED, ECONNRESET, ETIMEDOUT, ECONNREFUSED = 103, 104, 110, 111
for code in [errno.ENOENT, errno.EACCES, errno.EPERM, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EAGAIN, errno.ECHILD, errno.EINTR, errno.ECONNREFUSED, errno.ECONNRESET, errno.EPIPE, errno.ETIMEDOUT, errno.ESRCH, errno.ECONNABORTED, 9999]:
    e = OSError(code, "message")
    print(code, type(e).__name__, e.errno, e.strerror, e.filename, str(e))
e = OSError(errno.ENOENT, "No such file", "a.txt")
print(type(e).__name__, str(e), e.filename, e.filename2, e.args)
e = OSError(errno.EEXIST, "Exists", "src", None, "dst")
print(type(e).__name__, str(e), e.filename2, e.args)
print(str(OSError()), str(OSError("just msg")), OSError("just msg").errno, str(OSError(1, 2, 3, 4, 5, 6)), OSError(1, 2, 3, 4, 5, 6).args)
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError), issubclass(BlockingIOError, OSError), issubclass(ConnectionRefusedError, ConnectionError))
f = FileNotFoundError(errno.EACCES, "explicit subclass")
print(type(f).__name__, f.errno, str(f))
b = BlockingIOError(errno.EAGAIN, "blocked", 7)
print(b.characters_written, str(b))
e = OSError(errno.ENOENT, "x"); e.errno = 5; e.strerror = "changed"; e.filename = "f"
print(e.errno, e.strerror, str(e))
class MyOSError(OSError): pass
print(type(MyOSError(errno.ENOENT, "m")).__name__)
