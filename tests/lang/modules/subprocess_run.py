# _posixsubprocess.fork_exec through subprocess: pipes, environments, shells, working directories, umask,
# closing descriptors, and the errors reported from the child (missing program, bad cwd, preexec_fn).
import os
import subprocess
import sys

r = subprocess.run(['echo', 'hello'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run('echo $FOO; exit 3', shell=True, capture_output=True, text=True, env={'FOO': 'bar'})
print(r.returncode, repr(r.stdout))
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(b'piped data')
print(out, p.returncode)
print(subprocess.check_output(['sh', '-c', 'echo to-stderr >&2; echo to-stdout'], stderr=subprocess.STDOUT))
print(subprocess.run(['sh', '-c', 'echo err >&2'], stderr=subprocess.PIPE).stderr)
print(subprocess.run(['sh', '-c', 'pwd'], cwd='/', capture_output=True).stdout)
print(subprocess.run(['sh', '-c', 'umask'], umask=0o27, capture_output=True).stdout)
r = subprocess.run(['sh', '-c', 'ls /proc/self/fd | wc -l'], capture_output=True, text=True)
print(int(r.stdout) <= 5)
rfd, wfd = os.pipe()
r = subprocess.run(['sh', '-c', 'echo kept >&%d' % wfd], pass_fds=(wfd,))
os.close(wfd)
print(r.returncode, os.read(rfd, 100))
os.close(rfd)
print(subprocess.call(['sh', '-c', 'exit 7']), subprocess.getoutput('echo getoutput'))
print(subprocess.run([b'printf', '%s|', os.fsencode('bytes-arg')], capture_output=True).stdout)
r = subprocess.run([sys.executable if False else 'env'], env={'ONLY': '1'}, capture_output=True, text=True)
print(r.stdout)
try:
    subprocess.check_call(['false'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode, e.cmd)
try:
    subprocess.run(['/nonexistent/program'])
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror, e.filename)
try:
    subprocess.run(['ls'], cwd='/nonexistent-dir')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename)
try:
    subprocess.run(['/etc/passwd'])
except PermissionError as e:
    print('PermissionError', e.errno, e.filename)
try:
    subprocess.run(['true'], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
calls = []
print(subprocess.run(['sh', '-c', 'echo $PRE'], preexec_fn=lambda: os.environ.__setitem__('PRE', 'set in child'),
                     capture_output=True).stdout)
print('PRE' in os.environ)
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd, 0.1 < e.timeout <= 0.2)
import _posixsubprocess
print(_posixsubprocess.fork_exec.__name__)
