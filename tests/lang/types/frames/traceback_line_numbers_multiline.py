# Line numbers recorded in tracebacks for multi-line expressions, calls spanning lines, decorators, comprehensions and with-blocks.
def lines_of(fn):
    try:
        fn()
    except Exception as e:
        tb = e.__traceback__.tb_next
        out = []
        while tb:
            out.append(tb.tb_lineno - base)
            tb = tb.tb_next
        return type(e).__name__, out
base = 13
def f1():
    x = (1 +
         2 +
         None)
def f2():
    return max(
        1,
        "a",
    )
def f3():
    d = {"a": 1}
    return [d[k]
            for k in ["a", "b"]]
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return False
def f4():
    with CM():
        pass
        raise KeyError("in with")
def deco(fn):
    raise RuntimeError("deco")
def f5():
    @deco
    def inner():
        pass
def f6():
    a = [1, 2]
    return a[
        5
    ]
def f7():
    assert 1 == \
        2, "msg"
def f8():
    x = {
        "k": 1 / 0,
    }
for fn in [f1, f2, f3, f4, f5, f6, f7, f8]:
    print(fn.__name__, lines_of(fn))
