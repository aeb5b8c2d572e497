# os.walk (top-down, bottom-up, onerror, followlinks) and os.fwalk over a fixed tree.
import os

base = "/tmp/tern_os_walk_%d" % os.getpid()
os.mkdir(base)
try:
    for d in ["a", "a/b", "a/b/c", "d"]:
        os.mkdir(os.path.join(base, d))
    for f in ["top.txt", "a/one.txt", "a/b/two.txt", "a/b/c/three.txt"]:
        os.close(os.open(os.path.join(base, f), os.O_WRONLY | os.O_CREAT))
    os.symlink("a", os.path.join(base, "lnk"))
    def norm(walk):
        return sorted((r.replace(base, "BASE"), sorted(d), sorted(f)) for r, d, f in walk)
    print(norm(os.walk(base)))
    print([r.replace(base, "BASE") for r, d, f in os.walk(base, topdown=False)][-1])
    print(norm(os.walk(base, followlinks=True)))
    errors = []
    print(list(os.walk(os.path.join(base, "missing"), onerror=errors.append)), type(errors[0]).__name__)
    pruned = []
    for r, d, f in os.walk(base):
        d[:] = [x for x in d if x != "a"]
        pruned.append(r.replace(base, "BASE"))
    print(sorted(pruned))
    print(sorted((r.replace(base, "BASE"), sorted(f)) for r, d, f, fd in os.fwalk(base)))
finally:
    for r, d, f in os.walk(base, topdown=False):
        for x in f:
            os.unlink(os.path.join(r, x))
        for x in d:
            p = os.path.join(r, x)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
print(os.path.exists(base))
