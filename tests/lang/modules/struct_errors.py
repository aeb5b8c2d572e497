# struct: CPython's error types and messages for bad formats, values and buffers.
import struct

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r)

for order in '@<>!=':
    for code, values in [('b', (200, -200, 2**70)), ('B', (300, -1)), ('h', (40000, -40000)), ('H', (70000, -1)),
                         ('i', (2**31, -2**31 - 1)), ('I', (2**32, -1)), ('l', (2**63, 2**40)),
                         ('L', (2**64, -1, 2**40)), ('q', (2**63, -2**63 - 1)), ('Q', (2**64, -1))]:
        for v in values:
            attempt(struct.pack, order + code, v)
for code in 'nNP':
    for v in (2**64, -2**63 - 1, -1):
        attempt(struct.pack, code, v)
for code in 'bBhHiIlLqQnNP':
    attempt(struct.pack, code, 1.5)
    attempt(struct.pack, code, '1')
for code in 'efd':
    attempt(struct.pack, code, 'x')
    attempt(struct.pack, '<' + code, 1e300)
attempt(struct.pack, 'e', 65520.0)
attempt(struct.pack, 'c', b'ab')
attempt(struct.pack, 'c', 'a')
attempt(struct.pack, 'c', bytearray(b'a'))
attempt(struct.pack, '3s', memoryview(b'a'))
attempt(struct.pack, 's', 'abc')
attempt(struct.pack, 'p', 1)
for fmt in ['3', 'z', '3x4', '<P', '<n', '>N', 'i\0', '=z', 'i i 4', '99999999999999999999i', '{']:
    attempt(struct.calcsize, fmt)
attempt(struct.calcsize, 3)
attempt(struct.Struct, 3)
attempt(struct.Struct)
attempt(struct.pack)
attempt(struct.pack, 'ii', 1)
attempt(struct.pack, 'x', 1)
attempt(struct.pack, '2s', b'a', b'b')
attempt(struct.unpack, 'i', b'abc')
attempt(struct.unpack, 'i', b'abcde')
attempt(struct.unpack, 'i', 'abcd')
attempt(struct.unpack_from, 'i', b'abc', 1)
attempt(struct.unpack_from, 'i', b'abcdef', -10)
attempt(struct.unpack_from, 'i', b'abcdef', -2)
attempt(struct.unpack_from, 'i', b'abcdef', 'x')
b = bytearray(6)
for off in [4, -10, 10, -2, 2]:
    attempt(struct.pack_into, 'i', b, off, 1)
attempt(struct.pack_into, 'i', b)
attempt(struct.pack_into, 'i')
attempt(struct.pack_into, 'i', b'immutable', 0, 1)
attempt(struct.pack_into, 'i', b, 0)
attempt(struct.iter_unpack, 'i', b'abcde')
attempt(struct.iter_unpack, '', b'abcde')
attempt(struct.iter_unpack, 'i', 5)
s = struct.Struct('<h')
attempt(s.pack, 1, 2)
attempt(s.unpack, b'a')
attempt(s.unpack_from, b'a')
print(b)
