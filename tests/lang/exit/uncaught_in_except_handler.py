# An error inside an except handler escapes with "During handling" context chaining; status 1.
try:
    [].pop()
except IndexError:
    print("handling")
    undefined_name_here
