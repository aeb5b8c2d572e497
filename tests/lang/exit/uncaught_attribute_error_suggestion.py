# Uncaught AttributeError from a class instance: status 1, last stderr line carries the message (with suggestion).
class Point:
    def __init__(self):
        self.xcoord = 1
p = Point()
print(p.xcoord)
print(p.xcord)
