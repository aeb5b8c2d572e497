# %-formatting with a mapping: %(name)s keys, mixing with flags/width, errors and literal %%.
d = {"name": "Ann", "age": 42, "pi": 3.14159, "x": [1, 2]}
print("%(name)s is %(age)d" % d)
print("%(name)-6s|%(age)05d|%(pi).2f|%(pi)10.3e|%(x)r|%(age)x|%(age)#o" % d)
print("%(name)s %(name)s %%" % d, "%%(name)s" % (), "100%%" % {})
try:
    "%(missing)s" % d
except KeyError as e:
    print(type(e).__name__, e)
try:
    "%(name)s %s" % d
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%(name)s" % ("Ann",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%(name" % d
except ValueError as e:
    print(type(e).__name__, e)
class M:
    def __getitem__(self, k):
        return k * 2
print("%(ab)s-%(c)s" % M())
print("%s" % {"k": 1}, "no specifiers" % {"k": 1}, "%(a)s" % {"a": {"nested": True}})
try:
    "%(a)*d" % {"a": 1}
except TypeError as e:
    print(type(e).__name__, e)
print(b"%(k)s and %(n)d" % {b"k": b"bytes", b"n": 7})
