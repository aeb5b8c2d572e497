# for/while with else, break, continue, nested loops, loop over mutating list, pass.
for i in range(3):
    if i == 5:
        break
else:
    print("for-else ran")
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else ran", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("not printed")
out = []
for i in range(5):
    if i % 2:
        continue
    out.append(i)
print(out)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print("inner", i, j)
    else:
        print("never")
    if i == 1:
        continue
    print("outer tail", i)
for x in []:
    print("never")
else:
    print("empty for-else")
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst.append(4)
print(lst)
lst = [1, 2, 3, 4]
for v in lst:
    lst.remove(v)
print(lst)
i = 0
while i < 10:
    i += 1
    if i < 8:
        continue
    print("i", i)
def first_even(seq):
    for v in seq:
        if v % 2 == 0:
            return v
    return None
print(first_even([1, 3, 4, 5]), first_even([1]))
for a, b in zip("abc", range(10)):
    pass
print(a, b)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items(), start=1):
    print(i, k, v)
count = 0
for _ in range(1000):
    for _ in range(100):
        count += 1
print(count)
if 0: pass
elif []: pass
elif "x": print("elif chain")
else: pass
def nested_break():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally in loop", i)
    return i
print(nested_break())
