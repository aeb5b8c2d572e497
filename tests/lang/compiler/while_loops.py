# while loops: conditions re-evaluated, else clause, break/continue, nested loops, infinite with break.
n = 10
steps = []
while n > 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps.append(n)
print(steps)
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("never: loop broke")
j = 0
while j < 3:
    j += 1
else:
    print("else after normal exit", j)
while False:
    print("never")
else:
    print("else of a loop that never ran")
a, b = 0, 1
fib = []
while len(fib) < 10:
    fib.append(a)
    a, b = b, a + b
print(fib)
outer = 0
found = None
while outer < 5:
    inner = 0
    while inner < 5:
        if outer * inner == 6:
            found = (outer, inner)
            break
        inner += 1
    if found:
        break
    outer += 1
print(found)
stack = [1, [2, [3, [4]]]]
depth = 0
while stack:
    depth += 1
    stack = stack[1] if len(stack) > 1 else []
print(depth)
count = 0
while True:
    count += 1
    if count >= 1000:
        break
print(count)
def gen_while():
    k = 0
    while True:
        k += 1
        yield k
        if k == 3:
            return
print(list(gen_while()))
