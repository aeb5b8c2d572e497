# repr of weak references and proxies, alive and dead (addresses masked).
import gc
import weakref


def mask(s):
    out, i = "", 0
    while i < len(s):
        if s.startswith("0x", i):
            j = i + 2
            while j < len(s) and s[j] in "0123456789abcdef":
                j += 1
            out += "ADDR"
            i = j
        else:
            out += s[i]
            i += 1
    return out


def show(x):
    print(mask(repr(x)))


class C:
    pass


def f():
    pass


def make():
    c = C()
    r, p = weakref.ref(c), weakref.proxy(c)
    show(r)
    show(p)
    show(weakref.proxy(f))
    show(weakref.ref(f))
    show(weakref.ref(C))
    show(weakref.ref(len))
    return r, p


r, p = make()
gc.collect()
show(r)
show(p)
