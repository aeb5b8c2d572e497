# builtin_function_or_method.__reduce__: module functions pickle by name, bound methods as getattr(self, name).
import array, copy, math, pickle, zlib
print(len.__reduce__(), math.sqrt.__reduce__(), array._array_reconstructor.__reduce__())
r = [].append.__reduce__()
print(r[0], r[1])
for f in (len, math.sqrt, zlib.crc32, array._array_reconstructor, print):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(f, proto)) is f
print(copy.copy(len) is len, copy.deepcopy(math.floor) is math.floor)
d = {'k': 5}
g = pickle.loads(pickle.dumps(d.get))
print(g('k'), g('z', 0))
