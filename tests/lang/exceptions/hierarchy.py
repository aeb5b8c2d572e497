# The builtin exception hierarchy: every class's base, and catching by base class.
import builtins
names = sorted(n for n in dir(builtins) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException))
for n in names:
    cls = getattr(builtins, n)
    print(n, [b.__name__ for b in cls.__bases__], [k.__name__ for k in cls.__mro__][1:])
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception), issubclass(GeneratorExit, Exception))
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError))
for exc, base in [(KeyError("k"), LookupError), (IndexError(), LookupError), (ZeroDivisionError(), ArithmeticError),
                  (OverflowError(), ArithmeticError), (UnicodeDecodeError("utf-8", b"", 0, 1, "r"), ValueError),
                  (RecursionError(), RuntimeError), (NotImplementedError(), RuntimeError), (ModuleNotFoundError(), ImportError),
                  (UnboundLocalError(), NameError), (IndentationError(), SyntaxError), (TabError(), IndentationError),
                  (BrokenPipeError(), ConnectionError), (TimeoutError(), OSError), (DeprecationWarning(), Warning)]:
    try:
        raise exc
    except base as e:
        print("caught", type(e).__name__, "as", base.__name__)
