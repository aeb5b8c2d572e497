# The operator module mirrors the special-method protocols.
import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul("a", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8))
print(op.neg(5), op.pos(-5), op.abs(-2), op.invert(5), op.not_(0), op.truth([1]), op.index(7))
print(op.lshift(1, 3), op.rshift(16, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.matmul.__name__)
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(3, 2), op.ge(1, 2), op.is_(None, None), op.is_not(1, None))
print(op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem([5, 6], 1), op.concat([1], [2]))
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1)
print(l)
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(1, 2), op.imul("ab", 2))
get_name = op.attrgetter("__name__")
get_pair = op.attrgetter("real", "imag")
print(get_name(int), get_pair(3 + 4j), op.attrgetter("__class__.__name__")(5))
print(op.itemgetter(1)("abc"), op.itemgetter(0, 2)("abc"), op.itemgetter("k")({"k": "v"}))
print(op.methodcaller("upper")("abc"), op.methodcaller("split", ",", 1)("a,b,c"), op.methodcaller("get", "z", 0)({}))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=op.itemgetter(1, 0)))
print(op.length_hint([1, 2]), op.call(len, "four") if hasattr(op, "call") else 4)
try:
    op.add(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
