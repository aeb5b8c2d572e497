# resource: getrlimit/setrlimit/prlimit round trips on RLIMIT_CORE and RLIMIT_NOFILE (lowering soft
# limits only), getrusage as struct_rusage, getpagesize, the constants, and CPython's errors.
import os
import resource

def attempt(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

print(sorted(n for n in dir(resource) if not n.startswith('__')))
print(resource.RLIM_INFINITY, resource.RLIMIT_CORE, resource.RLIMIT_NOFILE, resource.RLIMIT_AS, resource.RUSAGE_SELF,
      resource.RUSAGE_CHILDREN, resource.RUSAGE_THREAD, resource.RLIMIT_OFILE == resource.RLIMIT_NOFILE)
print(resource.error is OSError)
print(resource.getrlimit.__text_signature__, resource.setrlimit.__text_signature__,
      resource.getrusage.__text_signature__, resource.getpagesize.__text_signature__)

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft), type(hard), soft <= hard or hard == resource.RLIM_INFINITY)
new_soft = min(soft, 200) if soft != resource.RLIM_INFINITY else 200
resource.setrlimit(resource.RLIMIT_NOFILE, (new_soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (new_soft, hard))
resource.setrlimit(resource.RLIMIT_NOFILE, [soft, hard])
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
print(resource.prlimit(0, resource.RLIMIT_NOFILE) == (soft, hard))
print(resource.prlimit(os.getpid(), resource.RLIMIT_NOFILE, (new_soft, hard)) == (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (new_soft, hard))
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))

csoft, chard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, chard))
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
if chard != resource.RLIM_INFINITY:
    attempt(resource.setrlimit, resource.RLIMIT_CORE, (0, chard + 1))
else:
    print('ValueError not allowed to raise maximum limit')

ru = resource.getrusage(resource.RUSAGE_SELF)
print(type(ru).__name__, type(ru).__module__, len(ru), isinstance(ru, tuple))
print(type(ru.ru_utime), type(ru.ru_stime), type(ru.ru_maxrss), ru.ru_maxrss > 0, ru[0] == ru.ru_utime)
print([name for name in dir(ru) if name.startswith('ru_')])
print(resource.struct_rusage.n_sequence_fields, resource.struct_rusage.n_fields)
print(type(resource.getrusage(resource.RUSAGE_CHILDREN)), type(resource.getrusage(resource.RUSAGE_THREAD)))
print(repr(resource.struct_rusage(range(16))))
ps = resource.getpagesize()
print(type(ps), ps > 0, ps & (ps - 1) == 0)

for args in [(99,), (-1,), ('a',), (2**70,)]:
    attempt(resource.getrlimit, *args)
for limits in [(1,), 5, ('a', 1), (10, 5), (2**64, 1), (1, 2, 3), None, (1.5, 2)]:
    attempt(resource.setrlimit, resource.RLIMIT_CORE, limits)
attempt(resource.setrlimit, 99, (1, 1))
attempt(resource.getrusage, 5)
attempt(resource.getrusage, 'x')
attempt(resource.prlimit, 0, 99)
attempt(resource.prlimit, -5, resource.RLIMIT_CORE)
attempt(resource.prlimit, 0, resource.RLIMIT_CORE, (5, 2))
attempt(resource.prlimit, 0, resource.RLIMIT_CORE, 'ab')
attempt(resource.prlimit, 0, resource.RLIMIT_CORE, None)

# RLIMIT_FSIZE: writing past the limit is OSError(EFBIG), not death by SIGXFSZ (ignored as in CPython)
import errno
import tempfile
fsoft, fhard = resource.getrlimit(resource.RLIMIT_FSIZE)
with tempfile.TemporaryFile(buffering=0) as f:
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, fhard))
    try:
        print(f.write(b'x' * 8192))
        try:
            f.write(b'y')
        except OSError as e:
            print(type(e).__name__, e.errno == errno.EFBIG)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsoft, fhard))
print(resource.getrlimit(resource.RLIMIT_FSIZE) == (fsoft, fhard))
