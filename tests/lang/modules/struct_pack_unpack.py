# struct: every format character, byte orders, alignment, Struct objects, pack_into/unpack_from, iter_unpack.
import struct

def show(fmt, *values):
    data = struct.pack(fmt, *values)
    back = struct.unpack(fmt, data)
    print(repr(fmt), struct.calcsize(fmt), data, back)

for order in '@=<>!':
    show(order + 'bBhHiIlLqQ', -1, 255, -300, 65000, -70000, 4000000000, -5, 7, -2**63, 2**64 - 1)
    show(order + 'cx?3s0s', b'z', True, b'ab', b'')
    show(order + 'efd', 1.5, -2.25, 3.141592653589793)
    show(order + '5p', b'hello world')
    show(order + '2h3x', 1, 2)
show('nNP', -3, 2**63, 12345)
show('bi', 1, 2)
show('bq?h', 1, 2, False, 3)
show('b0i', 1)
show('  i  h ', 1, 2)
show('3i', 1, 2, 3)
show('0c')
for fmt in ['@bq', '@qb', '@b0i', '!bq', '@?e', '@cP', '@hi', '@bd', '=bd', 'xxi', '@ihq', '']:
    print(fmt, struct.calcsize(fmt))

# half floats: rounding, subnormals, specials
for v in [0.0, -0.0, 1.0, 65504.0, 6.1e-5, 6e-8, 1e-8, 3e-8, 0.1, 2049.0, 2051.0, float('inf'), float('-inf')]:
    print(v, struct.pack('<e', v), struct.unpack('<e', struct.pack('<e', v)))
print(struct.unpack('<e', b'\x01\x7c')[0] != struct.unpack('<e', b'\x01\x7c')[0])
print(struct.unpack('<f', struct.pack('<f', 0.1)), struct.pack('f', 1e300))
print(struct.unpack('>d', b'\x7f\xf0\x00\x00\x00\x00\x00\x00'))

# ints via __index__, floats from ints, bools
class Idx:
    def __index__(self):
        return 42
print(struct.pack('<i', Idx()), struct.pack('<d', 3), struct.pack('?', []), struct.unpack('??', b'\x00\x07'))
print(struct.pack('<c', b'q'), struct.pack('<3s', bytearray(b'abcdef')), struct.pack('3p', bytearray(b'ab')))

# Struct objects
s = struct.Struct('<hI')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'))
s2 = struct.Struct(b'>q')
print(s2.format, s2.size, s2.unpack(memoryview(b'\x00' * 7 + b'\x09')))
print(type(s).__name__, type(s).__module__, isinstance(s, struct.Struct))
class MyStruct(struct.Struct):
    pass
m = MyStruct('<H')
print(type(m).__name__, m.pack(7), m.size)

# pack_into / unpack_from
buf = bytearray(12)
struct.pack_into('<hh', buf, 2, 1, -1)
s.pack_into(buf, 6, 5, 6)
print(buf)
print(struct.unpack_from('<hh', buf, 2), struct.unpack_from('<h', buf), s.unpack_from(buf, offset=6))
print(struct.unpack_from('<h', buf, -2), struct.unpack_from('<h', bytes(buf), offset=-12))
struct.pack_into('<h', buf, -2, 0x4142)
print(buf)
mv = memoryview(bytearray(4))
struct.pack_into('<I', mv, 0, 0xdeadbeef)
print(bytes(mv))

# iter_unpack
it = struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), list(it))
print(list(struct.Struct('>H').iter_unpack(bytearray(b'\x00\x01\x00\x02'))))
print(struct.pack('<Q', 2**64 - 1), struct.unpack('<q', b'\xff' * 8), struct.unpack('>Q', b'\x80' + b'\x00' * 7))
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
