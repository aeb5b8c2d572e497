# gc.is_tracked as CPython answers it: atoms and builtin types are not
# tracked; a dict holding only atoms is not; a tuple of atoms is not once a
# collection has seen it; containers, instances and classes are.
import gc


class C:
    pass


class WithSlots:
    __slots__ = ("a",)


def f():
    pass


def show(label, value):
    print(label, gc.is_tracked(value))


for label, value in [("int", 1), ("big int", 2 ** 100), ("float", 1.5), ("complex", 2j), ("str", "s"),
                     ("bytes", b"b"), ("bytearray", bytearray(b"x")), ("None", None), ("bool", True),
                     ("range", range(3)), ("Ellipsis", ...), ("NotImplemented", NotImplemented),
                     ("object()", object()), ("iter(range)", iter(range(3))), ("code", f.__code__),
                     ("int type", int), ("type type", type), ("dict type", dict)]:
    show(label, value)
for label, value in [("list", []), ("set", set()), ("frozenset", frozenset()), ("instance", C()),
                     ("slots instance", WithSlots()), ("class", C), ("function", f), ("builtin", len),
                     ("module", gc), ("slice", slice(1, 2)), ("iter(list)", iter([])),
                     ("exception", ValueError()), ("bound method", C().__init__)]:
    show(label, value)

# Dicts: untracked while every key and value is an atom.
show("{}", {})
show("{'a': 1}", dict(a=1))
show("{'a': []}", dict(a=[]))
show("dict.fromkeys", dict.fromkeys("abc"))
d = {}
d["x"] = 1
show("atoms stored", d)
d["y"] = C()
show("instance stored", d)
d2 = {"k": 1}
d2[2] = tuple([1, 2])
gc.collect()
show("tuple of atoms stored, after a collection", d2)

# Tuples: untracked by the first collection that finds only atoms in them.
# (Not compared: a tuple holding tuples of atoms, which CPython untracks one
# level per collection and Tern at the first; docs/differences.md.)
show("()", ())
t1 = tuple([1, "a", None])
t2 = tuple([1, []])
gc.collect()
show("tuple of atoms after gc.collect()", t1)
show("tuple holding a list", t2)
