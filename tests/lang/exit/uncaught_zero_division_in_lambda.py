# Uncaught ZeroDivisionError from a lambda called through map(); status 1, message line compared.
print(list(map(lambda x: 10 // x, [5, 2])))
print(list(map(lambda x: 10 // x, [1, 0])))
