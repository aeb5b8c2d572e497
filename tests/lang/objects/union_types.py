# PEP 604 unions: int | str, None members, flattening, equality, isinstance/issubclass with unions, subscription errors.
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, '|', e)
t(lambda: isinstance(1, int | str))
t(lambda: isinstance(1.0, int | str))
t(lambda: issubclass(bool, int | str))
t(lambda: isinstance(1, int | list[int]))
t(lambda: (int | str)[int])
t(lambda: int | str | int)
t(lambda: (int | None).__args__)
t(lambda: str | 1)
t(lambda: hash(int | str) == hash(str | int))
