# CRLF line endings
x = 1
if x:
    y = (1,
         2)
    s = """a
b"""
    t = 'c\
d'
z = x + \
    y
