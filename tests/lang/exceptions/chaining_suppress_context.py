# exception chaining attributes: implicit __context__, explicit __cause__, from None, __suppress_context__ and cycles.
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
def explicit():
    try:
        {}["x"]
    except KeyError as e:
        raise ValueError("v") from e
def none():
    try:
        [][0]
    except IndexError:
        raise TypeError("t") from None
for f in [implicit, explicit, none]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
e = ValueError("x")
print(e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError("c"); print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.__context__ = "s"
except TypeError as err:
    print(type(err).__name__, err)
try:
    raise ValueError("a") from 3
except TypeError as err:
    print(type(err).__name__, err)
try:
    raise ValueError("b") from KeyError
except ValueError as err:
    print(repr(err.__cause__), err.__suppress_context__)
a = ValueError("a")
b = KeyError("b")
try:
    try:
        raise a
    except ValueError:
        try:
            raise b
        except KeyError:
            raise a
except ValueError as err:
    print(repr(err.__context__), repr(err.__context__.__context__))
try:
    try:
        raise ValueError("inner")
    finally:
        pass
except ValueError as err:
    print(repr(err.__context__))
try:
    try:
        raise ValueError(1)
    except ValueError as first:
        raise first
except ValueError as err:
    print(err.__context__ is None)
