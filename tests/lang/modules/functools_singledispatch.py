# functools.singledispatch over the natives (needs typing, hence re and _sre).
import functools

@functools.singledispatch
def show(x):
    return 'obj'
@show.register
def _(x: int):
    return 'int'
@show.register(list)
def _(x):
    return 'list'
print(show(1), show([]), show('s'), show(True), sorted(t.__name__ for t in show.registry))
print(show.dispatch(bool).__name__, show.dispatch(object) is show.registry[object])
class A:
    @functools.singledispatchmethod
    def m(self, x):
        return 'base'
    @m.register(str)
    def _(self, x):
        return 'str'
print(A().m(1), A().m('s'))
