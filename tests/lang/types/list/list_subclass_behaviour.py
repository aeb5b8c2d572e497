# list subclasses: overridden methods used by some builtins but not others; results of operations are plain lists.
class Loud(list):
    def __getitem__(self, i):
        print("__getitem__", i)
        return super().__getitem__(i)
    def __len__(self):
        print("__len__")
        return super().__len__()
    def __iter__(self):
        print("__iter__")
        return super().__iter__()
    def append(self, v):
        print("append", v)
        super().append(v)
l = Loud([1, 2, 3])
print(l[0])
print(len(l))
print(list(l))
print(sum(l))
l.append(4)
l += [5]
l.extend([6])
print(l)
print(type(l + [1]).__name__, type(l * 2).__name__, type(l[1:]).__name__, type(l.copy()).__name__, type(sorted(l)).__name__)
a, *rest = l
print(a, rest)
print(tuple(l), str(l), l == [1, 2, 3, 4, 5, 6], 3 in l)
class Stack(list):
    push = list.append
    def peek(self): return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s.peek(), s.pop(), s, isinstance(s, list), Stack.__mro__[1].__name__)
