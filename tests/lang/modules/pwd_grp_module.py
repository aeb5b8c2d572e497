# pwd and grp: lookups by id and name, the struct sequences (fields, tuple behaviour, repr, counts,
# construction, pickling), getpwall/getgrall, and CPython's errors (KeyError messages, uid/gid
# conversion quirks, TypeErrors, embedded NUL).
import grp
import pickle
import pwd

def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

root = pwd.getpwuid(0)
print(root)
print(root.pw_name, root.pw_uid, root.pw_gid, root.pw_dir, root[0], root[2:4], len(root), tuple(root)[:3])
print(pwd.getpwnam('root') == root, isinstance(root, tuple), type(root).__name__, type(root).__module__)
print(pwd.struct_passwd.n_sequence_fields, pwd.struct_passwd.n_fields, pwd.struct_passwd.n_unnamed_fields)
print(pwd.struct_passwd(('a', 'b', 1, 2, 'c', 'd', 'e')))
print(pickle.loads(pickle.dumps(root)) == root)
every = pwd.getpwall()
print(type(every), root in every, all(isinstance(e, pwd.struct_passwd) for e in every))
print(all(type(e.pw_uid) is int and type(e.pw_name) is str for e in every))
for e in every:
    assert pwd.getpwnam(e.pw_name).pw_name == e.pw_name
print(pwd.getpwuid(True).pw_uid if any(e.pw_uid == 1 for e in every) else 1)
print(sorted(n for n in dir(pwd) if not n.startswith('__')))
print(pwd.getpwuid.__text_signature__, pwd.getpwnam.__text_signature__, pwd.getpwall.__text_signature__)

for v in [2**31, 2**32 - 1, 2**32, 2**63, 2**70, -2**70, -1, -2, 'x', 1.5, None, 123456]:
    attempt(pwd.getpwuid, v)
attempt(pwd.getpwnam, 'no-such-user-here')
attempt(pwd.getpwnam, 'it\'s "q"')
attempt(pwd.getpwnam, 1)
attempt(pwd.getpwnam, b'root')
attempt(pwd.getpwnam, 'a\0b')
attempt(pwd.struct_passwd, (1, 2))

g = grp.getgrgid(0)
print(g)
print(g.gr_name, g.gr_gid, type(g.gr_mem), g[0], len(g))
print(grp.getgrnam('root') == g, grp.getgrgid(id=0) == g, grp.getgrnam(name='root') == g)
print(grp.struct_group.n_sequence_fields, grp.struct_group.n_fields)
allg = grp.getgrall()
print(type(allg), g in allg, all(isinstance(x.gr_mem, list) for x in allg))
for x in allg:
    assert grp.getgrnam(x.gr_name).gr_gid == x.gr_gid
print(sorted(n for n in dir(grp) if not n.startswith('__')))
print(grp.getgrgid.__text_signature__, grp.getgrnam.__text_signature__)
for v in [2**31, 2**32 - 1, 2**32, 2**63, 2**70, -2**70, -1, -2, 'x', 1.5, 123456]:
    attempt(grp.getgrgid, v)
attempt(grp.getgrnam, 'no-such-group-here')
attempt(grp.getgrnam, 3)
attempt(grp.getgrnam, 'a\0b')
