# itertools.groupby and its _grouper: keys, key functions, invalidated groups.
from itertools import groupby

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print([k for k, g in groupby('AAAABBBCCDAABBB')])
print([list(g) for k, g in groupby('AAAABBBCCD')])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3, 1])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
print([(k, list(g)) for k, g in groupby([], key=len)])
print([(k, list(g)) for k, g in groupby(['a', 'bb', 'cc', 'd'], len)])
g = groupby('aabbc')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, next(g2))
print(list(g2))
k3, g3 = next(g)
print(list(g2), k3, list(g3))
attempt(lambda: next(g))
g = groupby('aab')
k, grp = next(g)
print(next(grp))
k, grp2 = next(g)
print(list(grp), list(grp2))
print(type(grp).__name__, type(grp).__module__)
attempt(lambda: groupby())
attempt(lambda: list(groupby([1], key=5)))
def boom(x):
    raise ValueError('bad key %r' % x)
attempt(lambda: list(groupby([1], key=boom)))
class NoEq:
    def __eq__(self, other):
        raise RuntimeError('no eq')
attempt(lambda: list(groupby([NoEq(), NoEq()])))
print(sorted((k, ''.join(v)) for k, v in groupby(sorted('mississippi'))))
