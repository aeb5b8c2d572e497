# Assignment expressions (:=) in conditions, comprehensions, while loops, and the syntax limits.
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long", n)
print((y := 5) + y, y)
stack = [1, 2, 3]
while (top := stack.pop()) != 1:
    print("popped", top)
print([m for v in data if (m := v * 2) > 5], m)
def f(x): return x * 10
print([y for x in range(3) if (y := f(x)) > 0], y)
print((a := 1, b := 2), a, b)
z = (w := [1, 2]).append(3)
print(w, z)
def scope():
    if (inner := 3):
        pass
    return inner
print(scope())
print(f"{(q := 7)}", q)
lst = [1, 2, 3]
print(lst[(i := 1)], i, {(k := "key"): k})
for src in ["x := 1", "def f(a := 1): pass", "(a.b := 1)", "(a[0] := 1)", "f(x := 1)", "print(x = 1 if False else 2)",
            "lambda: (v := 1)", "[x for x in range(3) if (x := 2)]"]:
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src), e.msg)
