# str/bytes hash properties that hold for any seed: equal strings hash equal, hash("") == 0, str and ASCII bytes agree.
import sys
print(hash("") == 0, hash(b"") == 0, hash("hello") == hash("hel" + "lo"), hash(b"hello") == hash(bytes("hello", "ascii")))
print(hash("abc") == hash(b"abc"), hash("é") == hash("é".encode("latin-1")), hash(memoryview(b"abc")) == hash(b"abc"))
print(hash("a" * 1000) == hash("".join(["a"] * 1000)), type(hash("x")).__name__, -sys.maxsize - 1 <= hash("x") <= sys.maxsize)
print(hash("x") != -1, sys.hash_info.width, sys.hash_info.hash_bits, sys.hash_info.seed_bits, sys.hash_info.cutoff)
class S(str): pass
print(hash(S("abc")) == hash("abc"), {S("k"): 1}["k"], {"k": 1}[S("k")])
