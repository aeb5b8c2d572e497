// The _opcode module: stack_effect for CPython 3.11's bytecode, numbered as
// the stdlib's opcode.py numbers it (opcode.opmap), plus the three pseudo
// instructions' negative numbers CPython's compiler accepts (SETUP_FINALLY
// -1 ... POP_JUMP_IF_NOT_NONE -10).  It does NOT describe Tern's own
// instruction set (runtime/interp/opcodes.def), whose numbering and encoding
// differ: dis.stack_effect is a question about CPython bytecode, which tools
// that generate or analyse CPython code objects ask (docs/differences.md).
// The effects are those of CPython 3.11's compiler: `jump` None gives the
// larger of the two effects where CPython does (FOR_ITER, SETUP_*), the
// fall-through one elsewhere.
//
// get_specialization_stats() returns None, as in a CPython built without
// statistics.
#include <cstdint>

#include "runtime/interp/errors.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"

namespace tern {

namespace {

constexpr int kHaveArgument = 90;
constexpr int kInvalid = INT32_MAX;  // PY_INVALID_STACK_EFFECT

// jump: 1 taken, 0 not taken, -1 unspecified.
int cpythonStackEffect(int op, int arg, int jump) {
  switch (op) {
    case 0: case 9: case 144: case 151:  // CACHE NOP EXTENDED_ARG RESUME
    case 99:                             // SWAP
    case 10: case 11: case 12: case 15:  // UNARY_*
    case 68: case 69:                    // GET_ITER GET_YIELD_FROM_ITER
    case 85: case 86: case 87:           // SETUP_ANNOTATIONS YIELD_VALUE ASYNC_GEN_WRAP
    case 91: case 98:                    // DELETE_NAME DELETE_GLOBAL
    case 106:                            // LOAD_ATTR
    case 36: case 37:                    // CHECK_EXC_MATCH CHECK_EG_MATCH
    case 110: case 140: case 134:        // JUMP_FORWARD JUMP_BACKWARD JUMP_BACKWARD_NO_INTERRUPT
    case 126: case 139:                  // DELETE_FAST DELETE_DEREF
    case 75:                             // RETURN_GENERATOR
    case 172:                            // KW_NAMES
    case 135: case 149:                  // MAKE_CELL COPY_FREE_VARS
    case 131: case 50:                   // GET_AWAITABLE GET_AITER
    case 82:                             // LIST_TO_TUPLE
    case -4: case -5: case -6:           // POP_BLOCK JUMP JUMP_NO_INTERRUPT
      return 0;
    case 1:                                        // POP_TOP
    case 145: case 146:                            // LIST_APPEND SET_ADD
    case 25:                                       // BINARY_SUBSCR
    case 70: case 83: case 84:                     // PRINT_EXPR RETURN_VALUE IMPORT_STAR
    case 89: case 90:                              // POP_EXCEPT STORE_NAME
    case 96: case 97:                              // DELETE_ATTR STORE_GLOBAL
    case 107: case 117: case 118:                  // COMPARE_OP IS_OP CONTAINS_OP
    case 108:                                      // IMPORT_NAME
    case 114: case 115: case 128: case 129:        // POP_JUMP_FORWARD_IF_*
    case 173: case 174: case 175: case 176:        // POP_JUMP_BACKWARD_IF_*
    case -7: case -8: case -9: case -10:           // POP_JUMP_IF_*
    case 88: case 119:                             // PREP_RERAISE_STAR RERAISE
    case 125: case 138:                            // STORE_FAST STORE_DEREF
    case 171:                                      // CALL
    case 162: case 163: case 164: case 165:        // LIST_EXTEND SET_UPDATE DICT_MERGE DICT_UPDATE
    case 122:                                      // BINARY_OP
      return -1;
    case 147: case 61: case 152: return -2;        // MAP_ADD DELETE_SUBSCR MATCH_CLASS
    case 54: return -2;                            // END_ASYNC_FOR
    case 60: return -3;                            // STORE_SUBSCR
    case 95: return -2;                            // STORE_ATTR
    case 71: case 100: case 101: case 109:         // LOAD_BUILD_CLASS LOAD_CONST LOAD_NAME IMPORT_FROM
    case 35: case 49: case 124:                    // PUSH_EXC_INFO WITH_EXCEPT_START LOAD_FAST
    case 136: case 137: case 148:                  // LOAD_CLOSURE LOAD_DEREF LOAD_CLASSDEREF
    case 52: case 53: case 51:                     // BEFORE_ASYNC_WITH BEFORE_WITH GET_ANEXT
    case 160: case 74:                             // LOAD_METHOD LOAD_ASSERTION_ERROR
    case 30: case 31: case 32: case 33:            // GET_LEN MATCH_MAPPING MATCH_SEQUENCE MATCH_KEYS
    case 120: case 2:                              // COPY PUSH_NULL
      return 1;
    case 92: return arg - 1;                                   // UNPACK_SEQUENCE
    case 94: return (arg & 0xff) + (arg >> 8);                 // UNPACK_EX
    case 93: return jump > 0 ? -1 : 1;                         // FOR_ITER
    case 123: return jump > 0 ? -1 : 0;                        // SEND
    case 102: case 103: case 104: case 157: return 1 - arg;    // BUILD_TUPLE/LIST/SET/STRING
    case 105: return 1 - 2 * arg;                              // BUILD_MAP
    case 156: return -arg;                                     // BUILD_CONST_KEY_MAP
    case 111: case 112: return jump ? 0 : -1;                  // JUMP_IF_FALSE_OR_POP JUMP_IF_TRUE_OR_POP
    case 116: return (arg & 1) + 1;                            // LOAD_GLOBAL
    case -1: return jump ? 1 : 0;                              // SETUP_FINALLY
    case -2: return jump ? 2 : 0;                              // SETUP_CLEANUP
    case -3: return jump ? 1 : 0;                              // SETUP_WITH
    case 130: return -arg;                                     // RAISE_VARARGS
    case 166: return -arg;                                     // PRECALL
    case 142: return -2 - ((arg & 1) != 0);                    // CALL_FUNCTION_EX
    case 132:                                                  // MAKE_FUNCTION
      return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) - ((arg & 8) != 0);
    case 133: return arg == 3 ? -2 : -1;                       // BUILD_SLICE
    case 155: return (arg & 0x04) == 0x04 ? -1 : 0;            // FORMAT_VALUE (FVS_HAVE_SPEC)
    default: return kInvalid;
  }
}

Value _opcode_stack_effect(Value* args) {
  int op;
  if (!argCInt(args[1], &op)) return Value();
  Value oparg = args[2];
  int arg = 0;
  if (op >= kHaveArgument) {
    if (isNone(oparg)) return raise(exc::ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
    int64_t n;
    if (!argIndex(oparg, &n)) return Value();
    arg = static_cast<int>(n);
  } else if (!isNone(oparg)) {
    return raise(exc::ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
  }
  Value jump_arg = args[3];
  int jump;
  if (isNone(jump_arg)) {
    jump = -1;
  } else if (jump_arg == True()) {
    jump = 1;
  } else if (jump_arg == False()) {
    jump = 0;
  } else {
    return raise(exc::ValueError, "stack_effect: jump must be False, True or None");
  }
  int effect = cpythonStackEffect(op, arg, jump);
  if (effect == kInvalid) return raise(exc::ValueError, "invalid opcode or oparg");
  return newInt(effect);
}

Value _opcode_get_specialization_stats(Value*) { return None(); }

const MethodDef kOpcodeFunctions[] = {
    {.name = "stack_effect",
     .signature = "($module, opcode, oparg=None, /, *, jump=None)",
     .fn = _opcode_stack_effect,
     .doc = "Compute the stack effect of the opcode."},
    {.name = "get_specialization_stats",
     .signature = "($module, /)",
     .fn = _opcode_get_specialization_stats,
     .doc = "Return the specialization stats"},
};

const NativeModuleDef kOpcodeModule = {
    .name = "_opcode",
    .methods = kOpcodeFunctions,
    .doc = "Opcode support module.",
};
TERN_REGISTER_MODULE(kOpcodeModule);

}  // namespace

}  // namespace tern
