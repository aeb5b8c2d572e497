# compile()'s filename argument (str, bytes, os.PathLike, deprecated buffers, bad types) and
# code._varname_from_oparg, which names local slots for dis.
import warnings


class Path:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


for filename in ["file.py", b"file.py", Path("path.py"), Path(b"bpath.py"), bytearray(b"ba.py"),
                 memoryview(b"mv.py"), ["f"], 3, None, "nul\0.py", b"nul\0.py", Path(3)]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            code = compile("pass", filename, "exec")
            print(type(filename).__name__, repr(code.co_filename))
        except (TypeError, ValueError) as e:
            print(type(filename).__name__, type(e).__name__, e)
    print("  ", [(w.category.__name__, str(w.message)) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error", DeprecationWarning)
    try:
        compile("pass", bytearray(b"x.py"), "exec")
    except DeprecationWarning as e:
        print("DeprecationWarning", e)


def f(a, b, *args, c, **kw):
    d = a

    def g():
        return b + d
    return g


code = f.__code__
names = [code._varname_from_oparg(i) for i in range(len(code.co_varnames) + len(code.co_cellvars) - 2)]
print(names[:len(code.co_varnames)])
inner = f(1, 2, c=3).__code__
print([inner._varname_from_oparg(i) for i in range(len(inner.co_freevars))])
for bad in [-1, 100, "0", 2**70]:
    try:
        code._varname_from_oparg(bad)
    except (IndexError, TypeError, OverflowError) as e:
        print(type(e).__name__)
print(code._varname_from_oparg(oparg=0))

# 'break' / 'continue' outside a loop inside `with`: the error is at the statement.
for source in ["with object() as obj:\n break", "with a, b:\n  if x:\n    continue",
               "{'a'=1}", "{a=1}", "{a.b=1, 2:3}", "{'a'=1, 'b': 2}"]:
    try:
        compile(source, "<t>", "exec")
    except SyntaxError as e:
        print(repr(source), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
