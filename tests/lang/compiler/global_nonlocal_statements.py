# global and nonlocal statements in many positions; declarations apply to the whole block.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def multiple():
    global a, b
    a, b = 1, 2
multiple()
print(a, b)
def declared_in_branch(flag):
    if flag:
        global branch_var
    branch_var = "assigned"
declared_in_branch(False)
print(branch_var)
def outer():
    x = 0
    y = 0
    def inner():
        nonlocal x, y
        x += 1
        y -= 1
    for _ in range(3):
        inner()
    return x, y
print(outer())
def nested_global():
    g_val = "local"
    def inner():
        global g_val
        g_val = "global set from inner"
    inner()
    return g_val
print(nested_global(), g_val)
def nonlocal_in_loop():
    total = 0
    fs = []
    for i in range(3):
        def add(i=i):
            nonlocal total
            total += i
        fs.append(add)
    for f in fs:
        f()
    return total
print(nonlocal_in_loop())
def global_then_del():
    global temp
    temp = 1
    del temp
global_then_del()
print("temp" in globals())
exec("global ex_g\nex_g = 'from exec'")
print(ex_g)
def uses_global_without_decl():
    return counter + 100
print(uses_global_without_decl())
def comprehension_global():
    global comp
    comp = [counter for _ in range(2)]
comprehension_global()
print(comp)
