# Exception raised while executing a class body escapes with status 1 after earlier output is flushed.
print("before class")
class Broken:
    value = 1
    print("in body")
    other = {}["missing"]
print("never")
