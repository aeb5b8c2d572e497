# int, bool, float and complex: a table of expressions (arithmetic, errors, parsing, formatting, rounding, hex).
EXPRS = r'''
4611686018427387903 + 1
-4611686018427387904 - 1
(4611686018427387903 + 1) - 1
123456789012345678901234567890 * 98765432109876543210
-7 // 2
-7 % 2
7 // -2
7 % -2
divmod(-7, 2)
divmod(10**30, -7)
-(10**30) // 7
-(10**30) % 7
1/0
1//0
1%0
(10**30)//0
2**100
(-3)**41
2**-2
0**-1
pow(3, 200, 10**9+7)
pow(2, -1, 7)
pow(2, -1, 4)
pow(5, 3, -7)
pow(2, 3, 0)
1 << 100
-1 << 70
(1<<100) >> 99
-(1<<100) >> 200
-5 >> 1
1 << -1
(10**20) & -(10**19)
-(10**20) | 12345
-(10**20) ^ -(10**19)
~(10**20)
~-1
-(-4611686018427387904)
abs(-4611686018427387904)
2**53 + 1 == float(2**53)
2**53 + 1 > float(2**53)
10**400 > 1e308
-10**400 < float('-inf')
3 < 3.5
4 > 3.5
(2**63) == 2.0**63
hash(2**61 - 1)
hash(2**61)
hash(-1)
hash(-2**70)
hash(10**100) == hash(float(10**100))
hash(1e100)
hash(-1.0)
hash(0.5)
hash(complex(1, 2))
int('  -1_000  ')
int('0x_1F', 0)
int('0o17', 0)
int('0b101', 2)
int('z', 36)
int('010', 0)
int('1__0')
int('_1')
int('1_')
int('')
int('12', 1)
int('١٢٣')
int(3.99)
int(-3.99)
int(1e20)
int(float('inf'))
int(float('nan'))
int(b' 42 ')
int(bytearray(b'7'), 16)
int(12, 10)
int([])
int('9'*5000)
str(10**4300)[:3]
(10**5000).bit_length()
(-255).bit_length()
(-255).bit_count()
(1024).to_bytes(2, 'big')
(1024).to_bytes(2, 'little')
(-1).to_bytes(2, 'big', signed=True)
(256).to_bytes(1, 'big')
(-1).to_bytes(1, 'big')
int.from_bytes(b'\xff\xfe', 'big', signed=True)
int.from_bytes(b'\x00\x01', 'little')
int.from_bytes([1, 2])
(10**20).as_integer_ratio()
True + True
True & False
True | 5
~True
repr(True)
bool(0)
bool(10**30)
round(1234567, -3)
round(1235, -1)
round(1245, -1)
round(-1250, -2)
round(15, -1)
round(25, -1)
format(1234567, ',')
format(1234567, '_x')
format(255, '#010b')
format(-255, 'X')
format(65, 'c')
format(10**30, 'e')
format(5, '.2%')
format(-5, '+08d')
format(5, 'q')
format(True, 'd')
(1).__sizeof__()
(10**30).__sizeof__()
1.5 + 2
7.5 // 2
-7.5 // 2
-7.5 % 2
7.5 % -2
divmod(-7.5, 2)
1.0 / 0
1.0 // 0.0
1.0 % 0.0
divmod(1.0, 0)
0.0 ** -1
(-8.0) ** (1/3)
2.0 ** 10000
(-2.0) ** 3
float('inf') ** -3
1e308 * 10
0.1 + 0.2
round(2.675, 2)
round(0.125, 2)
round(0.375, 2)
round(-0.4)
round(2.5)
round(3.5)
round(-2.5)
round(123.456, -1)
round(-0.4, 0)
round(1.7e308, -308)
round(5e-324, 400)
round(1e300, -299)
round(float('inf'), 2)
round(float('inf'))
(1.5).as_integer_ratio()
(-0.1).as_integer_ratio()
(1e300).as_integer_ratio()[1]
(3.0).is_integer()
(1.5).hex()
(5e-324).hex()
(-0.0).hex()
(0.1).hex()
float.fromhex('0x1.999999999999ap-4')
float.fromhex('-0X1P-1074')
float.fromhex('0x1p-1075')
float.fromhex('0x3p-1076')
float.fromhex('0x1.fffffffffffff8p1023')
float.fromhex(' 0x.8p1 ')
float.fromhex('-Infinity')
float.fromhex('0x')
float('  -1_0.5e1_0 ')
float('nan')
float('-iNF')
float('1e400')
float('x1')
float('')
float(b'2.5')
float(10**400)
float.__getformat__('double')
repr(1e16)
repr(1e-5)
repr(-0.0)
(1.5).__trunc__()
(-1.5).__floor__()
(-1.5).__ceil__()
format(1234.5678, ',.2f')
format(0.5, '%')
format(1e100, 'g')
format(-0.0001, 'z.1f')
complex(1, 2)
complex(0.0, -0.0)
complex(-0.0, 0.0)
complex(1, float('nan'))
complex('  ( -1.5-2.5j )  ')
complex('j')
complex('-J')
complex('1e+2j')
complex('1_0j')
complex('1+')
complex('1+2j', 1)
complex(1, '1')
complex(1+2j, 3j)
complex([])
(1+2j) / (3-4j)
(1+2j) / 0
(1+1j) ** 2
(1+1j) ** -2
0j ** -1
0j ** 1j
2 ** (1+1j)
(1+2j) ** 0.5
(1e200+1e200j) ** 2
abs(3+4j)
abs(complex(1e308, 1e308))
(1+2j) == (1+2j)
(1+0j) == 1
(1+2j) != 1.0
(1+2j).conjugate()
format(1+2j, '')
format(1+2j, '.2f')
format(1+2j, '>12')
format(2j, '+')
format(1+2j, '010')
format(1234.5+2j, ',')
'''

for e in EXPRS.strip().split('\n'):
    try:
        r = repr(eval(e))
    except Exception as ex:
        r = '!' + type(ex).__name__ + ': ' + str(ex)
    print(e, '->', r)
