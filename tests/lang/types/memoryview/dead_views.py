# Views that become unreachable without release() stop blocking bytearray resizes.
# (Tern reclaims their exports with a collection; CPython frees them at once.)
ba = bytearray(b'abc')
m = memoryview(ba)
m = None
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
for v in views:
    v.release()
ba.append(33)
print(ba)

def many():
    total = 0
    for i in range(300):
        b = bytearray(b'0123456789')
        v = memoryview(b)[2:5]
        total += v[0]
        b.extend(b'!')  # v is still alive here
    return total

try:
    many()
except BufferError as e:
    print('BufferError', e)
