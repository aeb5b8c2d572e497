# Tracing from start-up: -X tracemalloc[=N] and PYTHONTRACEMALLOC=N (the -X
# option wins; 0 does not trace), sys._xoptions, and the fatal errors for a
# bad number of frames.
import os
import subprocess
import sys

CODE = 'import tracemalloc, sys; print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit(), sys._xoptions)'


def run(xoptions=(), env_value=None, code=CODE):
    env = dict(os.environ)
    env.pop('PYTHONTRACEMALLOC', None)
    if env_value is not None:
        env['PYTHONTRACEMALLOC'] = env_value
    args = [sys.executable]
    for x in xoptions:
        args += ['-X', x]
    p = subprocess.run(args + ['-c', code], env=env, capture_output=True, text=True)
    err = p.stderr.splitlines()
    print(p.returncode, p.stdout.strip(), err[:1])


run()
run(['tracemalloc'])
run(['tracemalloc=5'])
run(['tracemalloc=0'])
run(env_value='3')
run(env_value='0')
run(env_value='')
run(['tracemalloc=2'], env_value='7')
run(['tracemalloc=0'], env_value='7')
for bad in ('abc', '-1', '', '2x'):
    run(['tracemalloc=' + bad])
    run(env_value=bad) if bad else None
run(['tracemalloc=70000'])
run(env_value='70000')
# Start-up allocations are traced: the first imports are there.
run(['tracemalloc'], code='import tracemalloc; print(len(tracemalloc.take_snapshot().traces) > 100)')
run(['tracemalloc=4'], code='import tracemalloc; x = bytearray(10); print(tracemalloc.get_object_traceback(x))')
