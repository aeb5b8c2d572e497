# for/while else clauses with break/continue, nested loops, and else running when loops never iterate.
def find(seq, target):
    for i, x in enumerate(seq):
        if x == target:
            break
    else:
        return "not found"
    return "found at %d" % i
print(find([1, 2, 3], 2), find([1, 2], 5), find([], 1))
n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("while else ran", n)
while False:
    pass
else:
    print("while else on false condition")
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print("pair", i, j)
    else:
        print("inner else", i)
out = []
for x in range(5):
    try:
        if x == 3:
            break
        continue
    finally:
        out.append(x)
else:
    out.append("else")
print(out)
def gen_loop():
    for x in range(2):
        yield x
    else:
        yield "else"
print(list(gen_loop()))
for k in []:
    pass
else:
    print("empty for else")
i = "unchanged"
for i in []:
    pass
print(i)
