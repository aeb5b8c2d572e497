# Helper for the io tests: a per-process scratch path under /tmp and cleanup.
import posix

_paths = []


def path(name):
    p = "/tmp/tern_io_%s_%d" % (name, posix.getpid())
    _paths.append(p)
    return p


def cleanup():
    for p in _paths:
        try:
            posix.unlink(p)
        except OSError:
            pass
