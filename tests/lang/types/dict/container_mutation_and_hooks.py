# containers under mutation from __eq__/__lt__, mapping protocols (keys()/__getitem__ subclasses), recursive reprs, large sizes.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class Evil:
    def __init__(self, d): self.d = d
    def __hash__(self): return 1
    def __eq__(self, o):
        self.d.clear()
        return False
d = {}
d[Evil(d)] = 1
t(lambda: d.get(Evil(d)))
t(lambda: d)
class M(dict):
    def keys(self): return ['a', 'b']
    def __getitem__(self, k): return k.upper()
t(lambda: dict(M(a=1, z=2)))
t(lambda: {}.update(M(a=1)) )
x = {}; x.update(M(q=1)); t(lambda: x)
class I(dict):
    def __iter__(self): return iter(['k'])
    def __getitem__(self, k): return 'v'
t(lambda: dict(I(a=1)))
t(lambda: {**I(a=1)})
class Map:
    def keys(self): return [1, 2]
    def __getitem__(self, k): return k * 10
t(lambda: dict(Map()))
t(lambda: dict(Map(), a=1))
def f(**kw): return kw
t(lambda: f(**Map()) if False else 0)
s = set(); s.add(frozenset([s.__class__]))
l = [1]; l.append(l); d = {1: l}; d[2] = d
t(lambda: d)
t(lambda: repr(d.values()))
t(lambda: repr(d.items()))
s = [set()]
t(lambda: {frozenset({1, 2}): [1, (2, [3])]})
class Cmp:
    def __init__(self, l): self.l = l
    def __lt__(self, o):
        self.l.append(1)
        return True
l = [Cmp(None) for _ in range(3)]
for c in l: c.l = l
t(lambda: l.sort())
t(lambda: len(l))
big = list(range(100000))
t(lambda: sum(big))
bd = {str(i): i for i in range(50000)}
t(lambda: (len(bd), bd['49999'], sum(bd.values())))
for i in range(0, 50000, 2): del bd[str(i)]
t(lambda: (len(bd), list(bd)[:3], list(bd)[-3:]))
bs = set(range(0, 100000, 3))
t(lambda: (len(bs), 99999 in bs, 99998 in bs))
nested = [[i, (i, str(i))] for i in range(5000)]
nested.sort(key=lambda x: -x[0])
t(lambda: nested[:2])
t(lambda: sorted(['b', 'a', 'C'], key=str.lower))
t(lambda: sorted([3, 1, 2], reverse=True))
t(lambda: [x for x in reversed(range(3))])
t(lambda: tuple(x * 2 for x in (1, 2)))
a, *b = (1, 2, 3); t(lambda: (a, b))
t(lambda: max({1: 2, 3: 4}))
t(lambda: list(dict.fromkeys('aabbc')))
t(lambda: {1: 1}.keys() - [1])
t(lambda: [1] - {1: 1}.keys())
t(lambda: {1} - {1: 1}.keys())
t(lambda: {1: 1}.items() | [(2, 2)])
