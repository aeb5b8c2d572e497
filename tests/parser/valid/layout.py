#!/usr/bin/env python3
# Comments, blank lines, continuation lines, odd indentation.

x = 1 + \
    2 + \
        3
if x and \
   x:
    pass
y = [1,
  2,
      3,
]
z = (1 +
# a comment inside brackets

2)
d = {
    'a': 1,  # trailing comment
    'b': 2,
}
def f(a,
        b):
        return a + \
b
if x:
     # odd comment indentation
  pass
if x:
        pass
        if x:
         pass
         if x:
                  pass
class C:

    def m(self):

        pass



    # comment between methods
    def n(self): pass
for i in range(3): x += i; y = i;
while 0: x = 1; break
if x: y = 1
else: y = 2
s = 'a' \
    'b'
t = ('a'
     'b'
     f'{x}')
  # an indented comment at top level
	# a tab-indented comment
\
z = 1
