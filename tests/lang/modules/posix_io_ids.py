# posix_io.cc and posix_ids.cc: positioned and vectored I/O, eventfd,
# memfd, getrandom, statvfs, pathconf, confstr, the id getters; plus a
# utf-8-sig stream reopened for appending (no second BOM) and a lock used by
# a __del__ after its own finalizer may have run.
import gc
import os
import tempfile
import _thread

r, w = os.pipe()
print(os.writev(w, [b"ab", bytearray(b"cd"), memoryview(b"ef")]))
first, second = bytearray(3), bytearray(5)
print(os.readv(r, [first, second]), first, second[:3])
os.close(r)
os.close(w)

fd, path = tempfile.mkstemp()
print(os.pwrite(fd, b"hello world", 0), os.pread(fd, 5, 6))
print(os.fstatvfs(fd).f_bsize == os.statvfs(path).f_bsize, len(os.statvfs(path)))
print(os.pathconf(path, "PC_NAME_MAX") > 0, os.fpathconf(fd, "PC_NAME_MAX") > 0)
try:
    os.pathconf(path, "PC_NO_SUCH_NAME")
except ValueError as e:
    print("ValueError:", e)
os.close(fd)

efd = os.eventfd(3, os.EFD_CLOEXEC)
print(os.eventfd_read(efd))
os.eventfd_write(efd, 5)
print(os.eventfd_read(efd))
os.close(efd)

mfd = os.memfd_create("tern-test")
print(os.write(mfd, b"xyz"), os.get_inheritable(mfd))
os.close(mfd)

print(len(os.getrandom(16)), os.getrandom(0))
print(os.getresuid() == (os.getuid(), os.geteuid(), os.getresuid()[2]))
print(isinstance(os.confstr("CS_PATH"), str), "PC_PIPE_BUF" in os.pathconf_names)
print(os.getpriority(os.PRIO_PROCESS, 0) == os.getpriority(os.PRIO_PROCESS, os.getpid()))
print(os.sched_getaffinity(0) == os.sched_getaffinity(os.getpid()))
try:
    os.setuid("0")
except TypeError as e:
    print("TypeError:", e)

with open(path, "w", encoding="utf-8-sig") as f:
    f.write("aaa")
with open(path, "a", encoding="utf-8-sig") as f:
    f.write("xxx")
with open(path, "r+", encoding="utf-8-sig") as f:
    f.seek(0, 2)
    f.write("z")
    f.seek(0)
    f.write("b")
with open(path, "rb") as f:
    print(f.read())
os.unlink(path)


class UsesLockInDel:
    def __init__(self):
        self.lock = _thread.allocate_lock()
        self.rlock = _thread.RLock()

    def __del__(self):
        with self.lock, self.rlock:
            print("__del__ took both locks")


def make_and_drop():
    obj = UsesLockInDel()
    del obj


make_and_drop()
gc.collect()
print("done")
