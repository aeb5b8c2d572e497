# except clause forms: computed classes and tuples, bare except, BaseException subclasses, handler ordering, nesting.
errors = (KeyError, IndexError)
def pick(kind):
    return {"value": ValueError, "type": TypeError}[kind]
for exc in [KeyError("k"), IndexError("i"), ValueError("v"), TypeError("t"), ZeroDivisionError("z")]:
    try:
        raise exc
    except errors as e:
        print("tuple var", type(e).__name__)
    except pick("value") as e:
        print("computed", type(e).__name__)
    except (pick("type"),) as e:
        print("computed tuple", type(e).__name__)
    except:
        print("bare except caught", type(exc).__name__)
for exc in [SystemExit(1), KeyboardInterrupt(), GeneratorExit()]:
    try:
        raise exc
    except Exception:
        print("never")
    except:
        print("bare except catches", type(exc).__name__)
try:
    raise ValueError
except () :
    print("empty tuple never matches")
except ValueError:
    print("falls through empty tuple")
nested = ((KeyError, (IndexError, (ValueError,))),)
try:
    try:
        raise ValueError("deep")
    except nested as e:
        print("nested tuple", e)
except TypeError as e:
    print("nested tuples are not flattened by except:", type(e).__name__, e)
def evaluated_lazily():
    log = []
    def cls(name, c):
        log.append(name)
        return c
    try:
        raise KeyError
    except cls("first", ValueError):
        pass
    except cls("second", KeyError):
        pass
    except cls("third", Exception):
        pass
    return log
print(evaluated_lazily())
try:
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise
    finally:
        print("finally before propagation")
except LookupError as outer:
    print("outer handler", repr(outer))
