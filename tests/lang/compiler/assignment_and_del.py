# Assignment targets and del statement: names, attributes, subscripts, slices, tuples; annotated assignment.
class O: pass
o = O()
o.a = 1
o.b = o.c = 2
lst = [0, 1, 2, 3, 4, 5]
lst[0] = "zero"
lst[1:3] = ["x"]
lst[-1] = "last"
d = {}
d["k"] = d.get("k", 0) + 1
print(vars(o), lst, d)
del o.a
del lst[0], lst[-1]
del d["k"]
print(vars(o), lst, d)
x = y = 1
del x, y
try:
    x
except NameError as e:
    print(type(e).__name__, e)
a, b = [1, 2]
del (a, b)
print("a" in dir())
nums = list(range(10))
del nums[::2]
del nums[1:3]
print(nums)
try:
    del nums[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del o.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
def del_local():
    v = 1
    del v
    try:
        del v
    except UnboundLocalError as e:
        print(type(e).__name__, e)
del_local()
count: int = 5
name: str
print(count, "name" in dir(), __annotations__)
def annotated():
    local_ann: int = 3
    only_ann: str
    return local_ann, "only_ann" in locals()
print(annotated())
o.attr_ann: int = 7
print(o.attr_ann)
lst2 = [1, 2]
lst2[0]: int = 9
print(lst2)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
(p), [q] = 1, [2]
print(p, q)
x = [1, 2, 3]
x[1:2] = x
print(x)
for src in ["f() = 1", "1 = x", "del f()", "(a, 1) = 2", "x + 1 += 1", "del 1", "None = 1", "[a, b] += 1", "__debug__ = 1"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(repr(src), e.msg)
