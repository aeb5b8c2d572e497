# _opcode.stack_effect (dis.stack_effect) answers for CPython 3.11's bytecode as numbered by the stdlib's
# opcode.py: every opcode number from -12 to 260 with several opargs and each `jump` value, and the errors.
import _opcode
import dis
import opcode

def effect(*args, **kw):
    try:
        return _opcode.stack_effect(*args, **kw)
    except ValueError as e:
        return 'VE:' + str(e)
    except TypeError as e:
        return 'TE:' + str(e)
    except OverflowError as e:
        return 'OE:' + str(e)

for op in range(-12, 261):
    row = []
    for arg in ([None] if op < opcode.HAVE_ARGUMENT else [0, 1, 3, 0x205]):
        for jump in (None, True, False):
            row.append(effect(op, arg, jump=jump))
    print(op, opcode.opname[op] if 0 <= op < 256 else '-', row)

print(dis.stack_effect(opcode.opmap['LOAD_CONST'], 0), dis.stack_effect(opcode.opmap['BUILD_LIST'], 3))
print(effect(1, 5), effect(100), effect(100, 'x'), effect(100, 2**70), effect(93, 1, jump=1))
print(effect(93, 1, 'x'), effect('a'), effect(93, 1, jump=0), effect(2**40))
print(_opcode.get_specialization_stats(), _opcode.stack_effect.__text_signature__)
print(sorted(n for n in dir(_opcode) if not n.startswith('__')))
