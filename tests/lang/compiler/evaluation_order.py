# Evaluation order: left to right for operands, arguments, subscripts, dict displays, assignments (RHS first).
log = []
def t(name, value=None):
    log.append(name)
    return value if value is not None else name
def show(label):
    print(label, log)
    log.clear()
t("a", 1) + t("b", 2) * t("c", 3)
show("binary:")
t("f", lambda *a, **k: None)(t("x"), t("y"), k=t("z"), **{t("kk"): t("kv")})
show("call:")
d = {t("k1"): t("v1"), t("k2"): t("v2")}
show("dict display:")
lst = [0, 0]
lst[t("idx", 1)] = t("rhs", 5)
show("subscript assign:")
obj = type("O", (), {})()
setattr(obj, "x", 0)
t("target", obj).x = t("value", 9)
show("attribute assign:")
a = b = t("chained", 3)
show("chained assign:")
x, y = t("first", 1), t("second", 2)
show("tuple assign:")
t("cond", 1) if t("test", True) else t("other", 2)
show("conditional:")
t("l", 1) < t("m", 2) < t("r", 3)
show("chained compare:")
t("left", []) or t("right", [1])
show("or:")
{t("s1"): 1, **{t("s2"): 2}}
show("dict unpack:")
[t("e1"), *[t("e2")], t("e3")]
show("list star:")
t("seq", [1, 2])[t("i", 0)]
show("subscript load:")
t("o1", {"k": 1})[t("o2", "k")] += t("o3", 1)
show("augmented subscript:")
print(f"{t('f1')}{t('f2')}")
show("f-string:")
def defaults(a=t("default a"), b=t("default b")): pass
show("defaults at def:")
@t("deco1", lambda f: f)
@t("deco2", lambda f: f)
def decorated(): pass
show("decorators:")
class K(t("base", object), metaclass=t("meta", type)):
    t("class body")
show("class statement:")
{t("set1"), t("set2")}
show("set display:")
lam = {t("a"): t("b") for _ in range(1)}
show("dict comprehension:")
t("callee", print)(*[t("star")], sep=t("sep"))
show("call with star and kw:")
