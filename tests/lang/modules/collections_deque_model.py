# _collections.deque against a list model: thousands of pseudo-random operations, bounded and unbounded.
from _collections import deque

seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n

def check(maxlen):
    d, model = deque(maxlen=maxlen), []
    def trim_left():
        while maxlen is not None and len(model) > maxlen:
            model.pop(0)
    def trim_right():
        while maxlen is not None and len(model) > maxlen:
            model.pop()
    for step in range(3000):
        op = rnd(12)
        v = rnd(50)
        if op == 0:
            d.append(v); model.append(v); trim_left()
        elif op == 1:
            d.appendleft(v); model.insert(0, v); trim_right()
        elif op == 2 and model:
            assert d.pop() == model.pop()
        elif op == 3 and model:
            assert d.popleft() == model.pop(0)
        elif op == 4:
            n = rnd(7) - 3
            d.rotate(n)
            if model:
                n %= len(model)
                model[:] = model[-n:] + model[:-n] if n else model
        elif op == 5:
            items = [rnd(50) for _ in range(rnd(5))]
            d.extend(items); model.extend(items); trim_left()
        elif op == 6:
            items = [rnd(50) for _ in range(rnd(5))]
            d.extendleft(items)
            for x in items:
                model.insert(0, x)
            trim_right()
        elif op == 7 and model:
            i = rnd(len(model) * 2) - len(model)
            assert d[i] == model[i]
            d[i] = v; model[i] = v
        elif op == 8 and model:
            i = rnd(len(model))
            del d[i]; del model[i]
        elif op == 9 and (maxlen is None or len(model) < maxlen):
            i = rnd(len(model) + 5) - 2
            d.insert(i, v); model.insert(i, v)
        elif op == 10 and v in model:
            d.remove(v); model.remove(v)
        elif op == 11:
            assert d.count(v) == model.count(v)
            d.reverse(); model.reverse()
        assert list(d) == model, (step, op, list(d), model)
        assert list(reversed(d)) == model[::-1]
    return len(d), sum(d)

print(check(None), check(0), check(1), check(7), check(64))
