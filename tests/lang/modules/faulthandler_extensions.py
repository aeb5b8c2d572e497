# faulthandler's fatal-error report ends with the non-stdlib extension modules
# imported ("Extension modules: a, b (total: N)", CPython 3.11): none for a
# program that loaded none, stdlib ones (_json, _ctypes) left out, each
# module once however often it was imported, whichever all_threads; numpy's
# own extension modules when numpy is installed.  Thread ids are replaced by
# 0xTID.
import os
import re
import subprocess
import sys

def clean(text):
    return re.sub(r'0x[0-9a-f]{16}', '0xTID', text)

# The children test the handler, not the collector: no GC stress settings for them.
child_env = {k: v for k, v in os.environ.items() if not k.startswith('TERN_GC')}
# Under AddressSanitizer the children leave SIGSEGV to faulthandler.
if 'ASAN_OPTIONS' in child_env:
    child_env['ASAN_OPTIONS'] += ':handle_segv=0'

def crash_after(imports, all_threads=True):
    code = f'''
{imports}
import faulthandler
faulthandler.enable(all_threads={all_threads})
def crash():
    faulthandler._sigsegv()
crash()
'''
    p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=child_env)
    print(repr(imports), all_threads, p.returncode)
    print(clean(p.stderr), end='')

crash_after('import json, math')
crash_after('import xxlimited')
crash_after('import xxlimited, _testmultiphase, _json', all_threads=False)
crash_after('import sys, importlib, xxlimited\ndel sys.modules["xxlimited"]\nimport xxlimited\nimportlib.reload(xxlimited)')
try:
    import numpy
except ImportError:
    print('numpy is not installed')
else:
    crash_after('import numpy')
