# str.format_map with dicts, dict subclasses defining __missing__, custom mappings, and errors.
print("{a}-{b}".format_map({"a": 1, "b": [2]}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{x} {y} {x!r} {z:>5}".format_map(Default(x="X")))
class Mapping:
    def __getitem__(self, key):
        if key == "bad":
            raise KeyError(key)
        return key.upper() * 2
print("{ab} {cd[0]} {ef.__class__.__name__}".format_map(Mapping()))
try:
    "{bad}".format_map(Mapping())
except KeyError as e:
    print(type(e).__name__, e)
try:
    "{0}".format_map({"0": "zero"})
except Exception as e:
    print(type(e).__name__, e)
try:
    "{}".format_map({})
except ValueError as e:
    print(type(e).__name__, e)
try:
    "{a}".format_map(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "{missing}".format_map({})
except KeyError as e:
    print(type(e).__name__, e)
print("{a[k]} {a[1]}".format_map({"a": {"k": "v", 1: "one"}}))
print("no fields".format_map(42) if False else "no fields".format_map({}))
