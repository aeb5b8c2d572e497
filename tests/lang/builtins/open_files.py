# open(): text and binary modes, reading, writing, seeking, context manager, errors, encoding.
import os, tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, "f.txt")
with open(path, "w", encoding="utf-8") as f:
    print(f.write("line one\n"), f.write("line two é\n"), f.closed, f.mode, f.name == path)
print(f.closed)
with open(path, encoding="utf-8") as f:
    print(repr(f.read()))
with open(path, encoding="utf-8") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path, encoding="utf-8") as f:
    print([line.rstrip("\n") for line in f])
with open(path, "a", encoding="utf-8") as f:
    f.write("appended\n")
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, data, len(data))
    f.seek(5)
    print(f.read(3), f.tell())
with open(path, "r+", encoding="utf-8") as f:
    f.seek(0)
    f.write("LINE")
    f.seek(0)
    print(f.readline().rstrip())
with open(path, "wb") as f:
    f.write(b"\x00\x01\xff")
with open(path, "rb") as f:
    print(f.read())
try:
    open(os.path.join(d, "missing.txt"))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    open(path, "rz")
except ValueError as e:
    print(type(e).__name__, e)
f = open(path, "rb")
f.close()
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
with open(path, "w") as f:
    f.writelines(["a\n", "b\n"])
with open(path) as f:
    print(f.read().splitlines())
with open(path, "x" if not os.path.exists(path) else "w") as f:
    pass
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__)
os.remove(path)
os.rmdir(d)
print(os.path.exists(d))
