# dict edge cases: constructor errors, |, fromkeys, __missing__, order after deletions, view set operations, mutation during iteration, colliding keys.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: dict([(1, 2), (3, 4)], a=5))
t(lambda: dict(1, 2))
t(lambda: dict([1]))
t(lambda: dict([[1]]))
t(lambda: dict([(1,2,3)]))
t(lambda: {}.pop(1))
t(lambda: {}.popitem())
t(lambda: {1:2}.pop(3, 'd'))
t(lambda: {}[[]])
t(lambda: {1:2} | {3:4})
t(lambda: {1:2} | [(3,4)])
d = {1:2}; d |= [(3, 4)]; t(lambda: d)
t(lambda: {1:2} == {1:2.0})
t(lambda: {1:2} < {1:2})
t(lambda: dict.fromkeys('abc', 0))
t(lambda: dict.fromkeys([1, 2]))
class D(dict):
    def __missing__(self, k): return k * 2
t(lambda: D()[21])
t(lambda: D(a=1).get('b'))
t(lambda: type(D(a=1).copy()))
t(lambda: D.fromkeys([1]))
t(lambda: type(D.fromkeys([1])))
d = {i: str(i) for i in range(20)}
for i in range(0, 20, 3): del d[i]
d[0] = 'zero'; d[100] = 'h'
t(lambda: d)
t(lambda: list(reversed(d)))
t(lambda: list(reversed(d.items()))[:3])
t(lambda: d.keys() & {1, 2, 100, 555})
t(lambda: d.keys() | {555})
t(lambda: d.keys() - {1, 2})
t(lambda: d.keys() ^ {1, 555})
t(lambda: {1: 2}.items() & {(1, 2)})
t(lambda: {1: 2}.keys() == {1})
t(lambda: {1: 2}.keys() <= {1, 2})
t(lambda: {1: 2}.items() == {(1, 2)})
t(lambda: {1: 2}.values() == {1: 2}.values())
t(lambda: (1, 2) in {1: 2}.items())
t(lambda: [1] in {1: 2}.items())
t(lambda: {1: 2}.keys().isdisjoint([3]))
t(lambda: {1: 2}.keys().mapping)
t(lambda: len({1:2, 3:4}.values()))
t(lambda: {'a': {'b': [1, (2,)]}})
def f():
    d = {1: 1}
    for k in d: d[k+1] = 1
t(f)
def f():
    d = {1: 1, 2: 2}
    for k in d:
        del d[k]; d[k + 10] = 1
t(f)
def f():
    d = {1: 1}
    it = iter(d)
    d[2] = 2
    return it.__length_hint__()
t(f)
t(lambda: {}.setdefault(1, []))
d = {}; d.setdefault('a', []).append(1); t(lambda: d)
t(lambda: {1: 2}.update(1, 2))
t(lambda: {1: 2}.update([(3, 4)], x=5))
t(lambda: {}.__sizeof__())
t(lambda: {1: 1}.__sizeof__())
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return 'K(%r)' % self.v
d = {K(1): 1, K(2): 2, K(3): 3}
t(lambda: d[K(2)])
t(lambda: d)
del d[K(2)]
t(lambda: d)
t(lambda: {True: 1, 1: 2, 1.0: 3})
t(lambda: {x: x for x in 'hello'})
t(lambda: dict(zip('ab', 'cd')))
t(lambda: dict({1: 2}.items()))
t(lambda: list(iter({1: 2}.values())))
t(lambda: type(iter({}.items())).__name__)
t(lambda: type(reversed({}.values())).__name__)
t(lambda: hash({}.values()) is not None)
t(lambda: {**{1: 2}, **{3: 4}})
