# print(): sep, end, file, flush, multiple args, non-str objects, errors.
import sys, io
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep="--", end="!\n")
print("no newline", end="")
print(" continued")
print(1, 2.5, None, True, [1], {"k": (1,)}, sep="|")
print("to stderr", file=sys.stderr)
buf = io.StringIO()
print("into buffer", 42, file=buf, sep=":")
print(repr(buf.getvalue()))
print("flushed", flush=True)
print(*range(5))
print(*[], sep="x")
print("x", sep=None, end=None)
try:
    print("a", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a", end=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
class S:
    def __str__(self): return "custom __str__"
print(S())
print("unicode: é ñ 日本 😀")
print("tab\tand\\backslash")
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("x", "y", file=w)
print(w.parts)
print("None file", file=None)
sys.stdout.write("direct write\n")
print(sys.stdout.write("abc\n"))
