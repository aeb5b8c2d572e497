# A file with a syntax error: nothing runs, stderr ends with "SyntaxError: ...", status 1.
print("this line never runs")
x = (1,
y = 2
