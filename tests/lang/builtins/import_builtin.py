# __import__ and importlib basics for stdlib modules; fromlist semantics; level errors.
m = __import__("math")
print(m.__name__, m.floor(2.7))
top = __import__("os.path")
print(top.__name__)
sub = __import__("os.path", fromlist=["join"])
print(sub.__name__ in ("posixpath", "ntpath"))
import importlib
json = importlib.import_module("json")
print(json.dumps({"b": 1, "a": [True, None]}), json.loads('{"x": [1, 2.5]}'))
try:
    __import__("os", level=1)
except (ImportError, KeyError, ValueError) as e:
    print(type(e).__name__)
try:
    importlib.import_module(".relative")
except TypeError as e:
    print(type(e).__name__, e)
import collections, collections.abc
print(collections.abc.Mapping.__module__, collections.OrderedDict.__module__)
from os import path as p, sep
print(p.join("a", "b"), sep)
import string as s1, string as s2
print(s1 is s2, s1.ascii_lowercase)
