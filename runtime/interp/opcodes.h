// The opcodes of Tern's bytecode, expanded from opcodes.def (read its header
// for the instruction format, the localsplus layout, the exception table and
// every opcode's semantics).
//
// An instruction is a uint32_t: opcode in bits 0..7, argument in bits 8..31.
// Stack effects come from the table: pops(op, arg) items are consumed (or
// inspected) at the top, pushes(op, arg, jump) are left in their place, where
// `jump` selects the branch-taken effect of kJump opcodes.
#pragma once

#include <cstdint>

namespace tern::interp {

// FLAGS column of opcodes.def.
inline constexpr uint32_t kArg = 1;      // the argument is meaningful
inline constexpr uint32_t kJump = 2;     // the argument is an absolute instruction index
inline constexpr uint32_t kConst = 4;    // the argument indexes co_consts
inline constexpr uint32_t kName = 8;     // the argument indexes co_names (LOAD_GLOBAL: arg >> 1)
inline constexpr uint32_t kLocal = 16;   // the argument indexes co_varnames
inline constexpr uint32_t kFree = 32;    // the argument indexes localsplus
inline constexpr uint32_t kNoNext = 64;  // never falls through to the next instruction

enum class Op : uint8_t {
#define OP(name, flags, pops, pushes, jump_pushes, doc) name,
#include "runtime/interp/opcodes.def"
#undef OP
};

inline constexpr int kNumOps = 0
#define OP(name, flags, pops, pushes, jump_pushes, doc) +1
#include "runtime/interp/opcodes.def"
#undef OP
    ;
static_assert(kNumOps <= 256, "opcodes must fit in 8 bits");

inline constexpr uint32_t kMaxArg = (1u << 24) - 1;

constexpr uint32_t encode(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
constexpr Op opOf(uint32_t insn) { return static_cast<Op>(insn & 0xFF); }
constexpr uint32_t argOf(uint32_t insn) { return insn >> 8; }

constexpr uint32_t opFlags(Op op) {
  switch (op) {
#define OP(name, flags, pops, pushes, jump_pushes, doc) \
  case Op::name:                                        \
    return (flags);
#include "runtime/interp/opcodes.def"
#undef OP
  }
  return 0;
}

constexpr bool isJump(Op op) { return (opFlags(op) & kJump) != 0; }
constexpr bool fallsThrough(Op op) { return (opFlags(op) & kNoNext) == 0; }

// Items consumed or inspected at the top of the stack.
constexpr int opPops(Op op, [[maybe_unused]] uint32_t arg) {
  switch (op) {
#define OP(name, flags, pops, pushes, jump_pushes, doc) \
  case Op::name:                                        \
    return static_cast<int>(pops);
#include "runtime/interp/opcodes.def"
#undef OP
  }
  return 0;
}

// Items left in their place: on fall-through, or (jump) when the branch of a
// kJump opcode is taken.
constexpr int opPushes(Op op, [[maybe_unused]] uint32_t arg, bool jump = false) {
  switch (op) {
#define OP(name, flags, pops, pushes, jump_pushes, doc) \
  case Op::name:                                        \
    return static_cast<int>((((flags)&kJump) && jump) ? (jump_pushes) : (pushes));
#include "runtime/interp/opcodes.def"
#undef OP
  }
  return 0;
}

constexpr int stackEffect(Op op, uint32_t arg, bool jump = false) { return opPushes(op, arg, jump) - opPops(op, arg); }

inline const char* opName(Op op) {
  static constexpr const char* kNames[] = {
#define OP(name, flags, pops, pushes, jump_pushes, doc) #name,
#include "runtime/interp/opcodes.def"
#undef OP
  };
  return static_cast<unsigned>(op) < kNumOps ? kNames[static_cast<unsigned>(op)] : "<invalid>";
}

// The semantics column, for tools (tern-dis --ops).
inline const char* opDoc(Op op) {
  static constexpr const char* kDocs[] = {
#define OP(name, flags, pops, pushes, jump_pushes, doc) doc,
#include "runtime/interp/opcodes.def"
#undef OP
  };
  return static_cast<unsigned>(op) < kNumOps ? kDocs[static_cast<unsigned>(op)] : "";
}

// BINARY_OP arguments (CPython 3.11's NB_* values).
enum class BinaryOpArg : uint8_t {
  Add = 0,
  And = 1,
  FloorDivide = 2,
  LShift = 3,
  MatrixMultiply = 4,
  Multiply = 5,
  Remainder = 6,
  Or = 7,
  Power = 8,
  RShift = 9,
  Subtract = 10,
  TrueDivide = 11,
  Xor = 12,
  InplaceAdd = 13,  // every in-place form is its binary form + 13
  InplaceXor = 25,
};
inline constexpr uint32_t kInplaceOffset = 13;

// COMPARE_OP arguments (Py_LT .. Py_GE).
enum class CompareOpArg : uint8_t { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 };

// MAKE_FUNCTION flags.
inline constexpr uint32_t kMakeFunctionDefaults = 0x01;
inline constexpr uint32_t kMakeFunctionKwDefaults = 0x02;
inline constexpr uint32_t kMakeFunctionAnnotations = 0x04;
inline constexpr uint32_t kMakeFunctionClosure = 0x08;

// FORMAT_VALUE flags.
inline constexpr uint32_t kFormatConversionMask = 0x03;  // 0 none, 1 str, 2 repr, 3 ascii
inline constexpr uint32_t kFormatHasSpec = 0x04;

}  // namespace tern::interp
