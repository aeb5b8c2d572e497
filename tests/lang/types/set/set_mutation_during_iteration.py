# Mutating a set while iterating raises RuntimeError; pop/remove/discard/add semantics and unhashable-element errors.
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
for x in list(s):
    s.discard(x)
print(s)
s = {5}
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {1}.remove(2)
except KeyError as e:
    print(type(e).__name__, e)
try:
    {1}.remove((1, 2))
except KeyError as e:
    print(type(e).__name__, e)
for bad in [lambda: {[1]}, lambda: set([[1]]), lambda: {1}.add({}), lambda: [] in {1}, lambda: {1}.discard([])]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print({1}.discard(5), {1}.add(1), set() in {frozenset()}, {1, 2} in {frozenset({1, 2})}, {frozenset({1, 2}): "v"}.get(frozenset([2, 1])))
s = {1, 2}; s.remove({1, 2}) if False else None
t = {frozenset({1, 2})}; t.remove({1, 2}); print(t)
t = {frozenset()}; t.discard(set()); print(t)
