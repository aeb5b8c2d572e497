# _typing._idfunc, the identity function typing uses, and typing.NewType on top of it.
import _typing
import typing

x = object()
print(_typing._idfunc(x) is x, _typing._idfunc(None), _typing._idfunc.__text_signature__, _typing.__doc__)
print(sorted(n for n in dir(_typing) if not n.startswith('__')))
UserId = typing.NewType('UserId', int)
print(UserId(5), type(UserId(5)), UserId, UserId.__supertype__)
