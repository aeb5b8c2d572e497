# KeyError's str() is the repr of the key, which shows in the last stderr line.
d = {"a": 1}
print(d["a"])
print(d["b"])
