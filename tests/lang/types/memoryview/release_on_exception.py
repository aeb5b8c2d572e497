# A memoryview used as a context manager is released when the block raises.
try:
    with memoryview(b'q') as w:
        raise KeyError('inside')
except KeyError as e:
    print('KeyError', e)
try:
    w.tobytes()
except ValueError as e:
    print('ValueError', e)
ba = bytearray(b'ab')
try:
    with memoryview(ba) as v:
        v[0] = 66
        1 / 0
except ZeroDivisionError:
    pass
ba.append(67)
print(ba)
