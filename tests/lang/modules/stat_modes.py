# _stat (and stat.py over it): the constants, S_IS* predicates, S_IMODE/S_IFMT and filemode() for every
# file type and permission bit, and the mode conversion errors.
import _stat
import stat

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

names = sorted(n for n in dir(_stat) if not n.startswith('_'))
print(names)
for n in names:
    v = getattr(_stat, n)
    if isinstance(v, int):
        print(n, oct(v), getattr(stat, n) == v)
predicates = ['S_ISDIR', 'S_ISCHR', 'S_ISBLK', 'S_ISREG', 'S_ISFIFO', 'S_ISLNK', 'S_ISSOCK', 'S_ISDOOR', 'S_ISPORT',
              'S_ISWHT']
types = [0, _stat.S_IFDIR, _stat.S_IFCHR, _stat.S_IFBLK, _stat.S_IFREG, _stat.S_IFIFO, _stat.S_IFLNK,
         _stat.S_IFSOCK, 0o170000, 0o050000]
for t in types:
    for perm in [0, 0o755, 0o644, 0o4755, 0o2755, 0o1777, 0o7000, 0o7777, 0o4644, 0o2644, 0o1666]:
        m = t | perm
        print(oct(m), _stat.filemode(m), stat.filemode(m) == _stat.filemode(m), _stat.S_IMODE(m) == perm,
              _stat.S_IFMT(m) == t, [p[4:] for p in predicates if getattr(_stat, p)(m)])
print(_stat.S_ISDIR(True), _stat.filemode(False), _stat.S_IMODE(2 ** 32 - 1), _stat.S_IFMT(2 ** 32 - 1))
for f in [_stat.S_ISDIR, _stat.S_IMODE, _stat.S_IFMT, _stat.filemode]:
    attempt(f, 'x')
    attempt(f, -1)
    attempt(f, 2 ** 40)
    attempt(f, 2 ** 70)
    attempt(f, 1.5)
import os
st = os.stat('.')
print(stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode)[0], st[stat.ST_MODE] == st.st_mode)
