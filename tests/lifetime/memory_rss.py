# Memory goes back to the OS after a large heap is freed: RSS drops (MADV_DONTNEED), or the
# pages are marked lazily free (MADV_FREE, the default); gc.memory_info() tells them apart.
import os
import subprocess
import sys

TERN = sys.implementation.name == "tern"

PROGRAM = r'''
import gc, sys

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096

def lazy_free():
    try:
        with open("/proc/self/smaps_rollup") as f:
            for line in f:
                if line.startswith("LazyFree:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0

MB = 1 << 20
gc.collect()
base = rss()
big = [bytes([i % 256]) * MB for i in range(200)]  # large objects: whole pages each
small = [str(i) * 10 for i in range(300000)]     # small objects: many small pages
peak = rss()
del big, small
gc.collect()
after = rss()
grew = peak - base > 150 * MB
# Memory not yet reclaimed by the kernel is LazyFree under MADV_FREE: not a leak.
returned = (peak - after) + lazy_free() > 150 * MB
print(grew, returned, peak - after > 150 * MB)
if hasattr(gc, "memory_info"):
    info = gc.memory_info()
    print(sorted(info), info["madvise"], info["heap_live"] < 50 * MB)
'''


def run(options, env_extra):
    env = dict(os.environ, **env_extra)
    # RSS is measured, not the collector: no stress collections over a 200 MB heap.
    env.pop("TERN_GC_STRESS", None)
    env.pop("TERN_GC_VERIFY", None)
    proc = subprocess.run([sys.executable, *options, "-c", PROGRAM], capture_output=True, text=True, env=env)
    return proc.returncode, proc.stdout.splitlines(), proc.stderr


settings = [("default", [], {}), ("-X gc-madvise=dontneed", ["-X", "gc-madvise=dontneed"], {}),
            ("TERN_GC_MADVISE=dontneed", [], {"TERN_GC_MADVISE": "dontneed"}),
            ("-X gc-madvise=free", ["-X", "gc-madvise=free"], {})]
for name, options, env in settings:
    status, out, err = run(options, env)
    grew, returned, dropped = out[0].split() if out else (None, None, None)
    print(name, "status:", status, "grew and returned:", grew, returned, err.strip()[-200:])
    if "dontneed" in name:
        print("  RSS dropped at once:", dropped)
    if TERN:
        keys, mode, small_live = out[1].split(" ", 1)[0], out[1].split()[-2], out[1].split()[-1]
        expected = "dontneed" if "dontneed" in name else "free"
        print("  memory_info madvise as set:", mode == expected, "live heap small:", small_live)
    else:
        print("  memory_info madvise as set:", True, "live heap small:", "True")

if TERN:
    proc = subprocess.run([sys.executable, "-X", "gc-madvise=sometimes", "-c", "pass"], capture_output=True, text=True)
    print("bad setting:", proc.returncode, proc.stderr.strip())
else:
    print("bad setting:", 2, "tern: -X gc-madvise=sometimes: expected free or dontneed")
