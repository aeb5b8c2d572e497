# Views that become unreachable without release() stop blocking bytearray resizes.
ba = bytearray(b'abc')
m = memoryview(ba)
del m
ba.append(100)
print(ba)

def use(b):
    return memoryview(b)[1:].tobytes()

for i in range(200):
    use(ba)
ba.extend(b'xyz')
print(ba)

views = [memoryview(ba) for i in range(50)]
try:
    ba.append(1)
except BufferError as e:
    print('BufferError', e)
views = None
ba.append(33)
print(ba)

def many():
    total = 0
    for i in range(3000):
        b = bytearray(b'0123456789')
        v = memoryview(b)[2:5]
        total += v[0]
        b.extend(b'!')  # v is still alive here
    return total

try:
    many()
except BufferError as e:
    print('BufferError', e)

def many2():
    total = 0
    for i in range(3000):
        b = bytearray(b'0123456789')
        total += memoryview(b)[2]
        b.extend(b'!')
    return total
print(many2())
