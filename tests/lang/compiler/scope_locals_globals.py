# Local vs global name resolution, UnboundLocalError, global statement, builtins shadowing.
x = "global x"
def read(): return x
def shadow():
    x = "local x"
    return x
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 1
def use_global():
    global x
    x = "rebound"
def declare_new_global():
    global brand_new
    brand_new = "created"
print(read(), shadow(), x)
unbound()
use_global(); print(x)
declare_new_global(); print(brand_new)
def conditional_local(flag):
    if flag:
        y = 1
    return y
print(conditional_local(True))
try:
    conditional_local(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)
def deleted():
    z = 1
    del z
    try:
        z
    except UnboundLocalError as e:
        print(type(e).__name__, e)
deleted()
try:
    undefined_name_here
except NameError as e:
    print(type(e).__name__, e)
def loop_var():
    for i in range(3):
        pass
    return i
print(loop_var())
def aug_unbound():
    try:
        counter += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
counter = 0
aug_unbound()
print(locals() is globals())
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
def modify_locals():
    v = 1
    locals()["v"] = 2
    return v
print(modify_locals())
def global_in_nested():
    def inner():
        global gx
        gx = "from inner"
    inner()
global_in_nested()
print(gx)
def except_var_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        err
    except UnboundLocalError as e:
        print(type(e).__name__, e)
except_var_cleared()
try:
    raise KeyError
except KeyError as module_err:
    pass
print("module_err" in globals())
import sys
def import_local():
    import os.path
    return type(os).__name__, "os" in locals()
print(import_local())
