# faulthandler's fatal-signal handlers in child processes (SIGSEGV, SIGFPE, SIGABRT, a NULL read), with
# all_threads True and False; dump_traceback_later(exit=True); disable() restoring the default action.
# Thread ids are replaced by 0xTID.
import os
import re
import subprocess
import sys

def clean(text):
    return re.sub(r'0x[0-9a-f]{16}', '0xTID', text)

code_template = '''
import faulthandler, sys
faulthandler.enable(all_threads=ALL)
def crash():
    faulthandler.FUNC()
def main():
    crash()
main()
'''
# The children test the handlers, not the collector: no GC stress settings for them.
child_env = {k: v for k, v in os.environ.items() if not k.startswith('TERN_GC')}
# In a build with AddressSanitizer, ASan's own handlers for these signals
# would report the deliberate crashes and exit 1 where the handlers re-raise
# into the default action: the children leave those signals to faulthandler.
if 'ASAN_OPTIONS' in child_env:
    child_env['ASAN_OPTIONS'] += ':handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_abort=0'
for func, all_threads in [('_sigsegv', 'True'), ('_sigfpe', 'False'), ('_sigabrt', 'True'), ('_read_null', 'False')]:
    code = code_template.replace('FUNC', func).replace('ALL', all_threads)
    p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=child_env)
    print(func, all_threads, p.returncode, repr(p.stdout))
    print(clean(p.stderr), end='')

code = '''
import faulthandler, time
faulthandler.dump_traceback_later(0.05, exit=True)
def wait():
    time.sleep(5)
wait()
print('not reached')
'''
p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=child_env)
print(p.returncode, repr(p.stdout))
print(clean(p.stderr), end='')

code = '''
import faulthandler
faulthandler.enable()
faulthandler.disable()
faulthandler._sigsegv()
'''
p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=child_env)
print(p.returncode, repr(p.stderr))
