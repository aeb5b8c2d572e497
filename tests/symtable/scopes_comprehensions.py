# Comprehension blocks, `.0`, walrus targets, async comprehensions.
data = [1, 2, 3]
squares = [n * n for n in data if n]
pairs = {k: v for k, v in zip(data, data) for w in range(k)}
unique = {i for i in data}
gen = (j for j in data)
nested = [[a for a in range(b)] for b in data]
if any((hit := n) > 1 for n in data):
    print(hit)

def func(seq):
    total = 0
    [total := total + s for s in seq]
    [[last := r for r in row] for row in seq]
    return total, last

def glob(seq):
    global found
    return [found := s for s in seq if s]

async def agen(aiter):
    a = [x async for x in aiter]
    b = [await x for x in aiter]
    c = (y async for y in aiter)
    d = {z: await z for z in aiter}
    return a, b, c, d

async def inner_async(aiter):
    return [[q async for q in aiter] for _ in range(2)]

class K:
    items = [1, 2]
    doubled = [i * 2 for i in items]
    gens = (items for i in range(2))

lam = lambda: [x for x in range(3)]
outer_iter = [x for x in [y for y in data]]
