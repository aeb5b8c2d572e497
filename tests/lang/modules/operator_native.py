# _operator: the operator functions, itemgetter/attrgetter/methodcaller, length_hint, _compare_digest.
import _operator as o

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(o.add(1, 2), o.sub(5, 3), o.mul('a', 3), o.truediv(1, 4), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10))
print(o.lshift(1, 4), o.rshift(64, 2), o.and_(6, 3), o.or_(6, 3), o.xor(6, 3), o.neg(5), o.pos(-5), o.abs(-3))
print(o.inv(5), o.invert(0), o.not_([]), o.truth([1]), o.is_(None, None), o.is_not(1, None), o.index(7))
print(o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne('a', 'a'), o.gt(3, 2), o.ge(1, 2), o.eq([1], [1]))
l = [1]; print(o.iadd(l, [2]) is l, l, o.imul(3, 4), o.isub(5, 1), o.ipow(2, 3), o.ixor(5, 1), o.ior(1, 2))
print(o.iand(7, 2), o.ilshift(1, 1), o.irshift(8, 1), o.imod(7, 4), o.ifloordiv(9, 2), o.itruediv(1, 2))
print(o.contains([1, 2], 2), o.countOf([1, 2, 1, 1.0], 1), o.indexOf('abc', 'c'), o.concat([1], [2]))
attempt(lambda: o.indexOf([1], 3))
attempt(lambda: o.concat(1, 2))
attempt(lambda: o.concat([1], (2,)))
attempt(lambda: o.iconcat(1, 2))
d = {}
o.setitem(d, 'k', 1); print(d, o.getitem(d, 'k')); o.delitem(d, 'k'); print(d)
attempt(lambda: o.delitem(d, 'k'))
print(o.length_hint([1, 2]), o.length_hint(iter(range(5))), o.length_hint(5, 3), o.length_hint(x for x in ()))
attempt(lambda: o.length_hint(iter([1, 2]), 'a'))
print(o.call(len, 'abc'), o.call(dict, a=1))
print(o._compare_digest('abc', 'abc'), o._compare_digest(b'ab', bytearray(b'ab')), o._compare_digest(b'a', b'ab'))
attempt(lambda: o._compare_digest('a', b'a'))
attempt(lambda: o._compare_digest('é', 'é'))
attempt(lambda: o._compare_digest(1, 1))
attempt(lambda: o.index(1.5))
attempt(lambda: o.add(1))
g = o.itemgetter(1)
print(g, g([5, 6]), o.itemgetter(0, -1)('xyz'), o.itemgetter('a', 'b')({'a': 1, 'b': 2}))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=o.itemgetter(1)))
attempt(lambda: o.itemgetter())
attempt(lambda: o.itemgetter(1, k=2))
attempt(lambda: g([]))
attempt(lambda: g([1], 2))
class N:
    pass
x = N(); x.a = N(); x.a.b = 'deep'; x.c = 3
ag = o.attrgetter('a.b', 'c')
print(ag, ag(x), o.attrgetter('c')(x), o.attrgetter('a.b')(x))
attempt(lambda: o.attrgetter(1))
attempt(lambda: o.attrgetter())
attempt(lambda: o.attrgetter('zz')(1))
attempt(lambda: o.attrgetter('a.zz')(x))
mc = o.methodcaller('split', ',', maxsplit=1)
print(mc, mc('a,b,c'), o.methodcaller('upper')('q'))
attempt(lambda: o.methodcaller())
attempt(lambda: o.methodcaller(1))
attempt(lambda: mc(1, 2))
print(o.attrgetter('a', 'b.c').__reduce__(), o.itemgetter(1, 2).__reduce__())
print(o.methodcaller('f', 1).__reduce__())
fn, args = o.methodcaller('f', 1, k=2).__reduce__()
print(fn.func is o.methodcaller, fn.args, fn.keywords, args)
print(type(g).__module__, type(mc).__name__)
import operator
print(operator.itemgetter is o.itemgetter, operator.__lt__(1, 2), operator.length_hint([1]))
