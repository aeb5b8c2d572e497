// code: compiled bytecode as a Python object (CPython's code type).
//
// A CodeObj is made once from the code generator's CodeUnit (newCode) and is
// immutable afterwards, except for its inline-cache side table.  It is
// allocated in the old space and NEVER MOVES: the interpreter keeps raw
// pointers to its instructions, exception table and positions for as long as
// a frame runs it.  Those arrays are raw words stored inline after the
// struct (not traced: they hold no references); `*_offset` are their byte
// offsets from the start of the object.
//
// Invariants: consts, names, localsplusnames, filename, name and qualname
// are set (tuples / str) before the object escapes; localsplus kinds hold one
// of kFastLocal / kFastCell / kFastFree (kFastLocal|kFastCell for a parameter
// that is a cell); `cache` is null until the interpreter first needs it, then
// an ArrayObj owned by this code object alone.
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern::compiler {
struct CodeUnit;
}

namespace tern {

namespace code_flags {
inline constexpr uint32_t kOptimized = 0x1;
inline constexpr uint32_t kNewLocals = 0x2;
inline constexpr uint32_t kVarargs = 0x4;
inline constexpr uint32_t kVarkeywords = 0x8;
inline constexpr uint32_t kNested = 0x10;
inline constexpr uint32_t kGenerator = 0x20;
inline constexpr uint32_t kNoFree = 0x40;
inline constexpr uint32_t kCoroutine = 0x80;
inline constexpr uint32_t kIterableCoroutine = 0x100;
inline constexpr uint32_t kAsyncGenerator = 0x200;
inline constexpr uint32_t kAnyGenerator = kGenerator | kCoroutine | kAsyncGenerator;
}  // namespace code_flags

// Kinds of localsplus slots (CPython's CO_FAST_*).
inline constexpr uint8_t kFastLocal = 0x20;
inline constexpr uint8_t kFastCell = 0x40;
inline constexpr uint8_t kFastFree = 0x80;

struct ExceptionTableEntry {
  uint32_t start, end, target;
  uint32_t depth : 31;
  uint32_t push_lasti : 1;
};

// Source positions of one instruction: 1-based lines, 0-based UTF-8 byte
// columns; -1 where unknown.
struct InstrPosition {
  int32_t lineno, end_lineno, col, end_col;
};

struct CodeObj : Obj {
  gc::HeapValue consts;           // tuple
  gc::HeapValue names;            // tuple of str (co_names)
  gc::HeapValue localsplusnames;  // tuple of str: varnames, non-argument cells, frees
  gc::HeapValue varnames;         // tuple of str (co_varnames)
  gc::HeapValue cellvars;         // tuple of str (co_cellvars)
  gc::HeapValue freevars;         // tuple of str (co_freevars)
  gc::HeapValue filename;         // str
  gc::HeapValue name;             // str
  gc::HeapValue qualname;         // str
  gc::HeapValue cache;            // the interpreter's inline caches, or null
  gc::HeapValue co_code;          // bytes, made on first request
  gc::HeapValue lines;            // rawbytes: the int32 line of each instruction, made by the first codeLine

  int32_t argcount, posonlyargcount, kwonlyargcount;
  int32_t nlocals;      // len(co_varnames)
  int32_t nlocalsplus;  // len(localsplusnames)
  int32_t ncells;       // len(co_cellvars)
  int32_t nfrees;       // len(co_freevars)
  int32_t stacksize;
  uint32_t flags;
  int32_t firstlineno;
  uint32_t ninstr, nexc;
  uint32_t code_offset, kinds_offset, exc_offset, pos_offset;  // bytes from the object's start
  uint32_t pos_size;  // bytes of the position table (position_table.h)

  const uint32_t* code() const { return reinterpret_cast<const uint32_t*>(bytes() + code_offset); }
  const uint8_t* kinds() const { return reinterpret_cast<const uint8_t*>(bytes() + kinds_offset); }
  const ExceptionTableEntry* exceptionTable() const {
    return reinterpret_cast<const ExceptionTableEntry*>(bytes() + exc_offset);
  }
  const uint8_t* positionTable() const { return reinterpret_cast<const uint8_t*>(bytes() + pos_offset); }
};

inline CodeObj* asCode(Value v) { return static_cast<CodeObj*>(v.asObject()); }
inline bool isCode(Value v) { return !v.isSmallInt() && typeOf(v) == types::code_type; }

// The code object for `unit` (and, recursively, its nested code constants).
// Null with an exception pending if a constant cannot be made.
Value newCode(const compiler::CodeUnit& unit);

// An empty code object with room for `ninstr` instructions, `nexc`
// exception-table entries, a position table of `pos_size` bytes and
// `nlocalsplus` slot kinds: offsets and those counts set, everything else
// zero or null.  The caller fills every reference field before the object
// escapes (newCode, marshal).
CodeObj* allocateCode(uint32_t ninstr, uint32_t nexc, uint32_t pos_size, uint32_t nlocalsplus);

// The line of instruction `index` (-1 when it has none): what f_lineno and
// tb_lineno report.  Tracing asks it at every instruction, so the first call
// decodes the position table's lines into `code->lines` (may allocate).
int codeLine(CodeObj* code, int64_t index);
// The exception-table entry covering instruction `index`, or null.
const ExceptionTableEntry* codeFindHandler(const CodeObj* code, int64_t index);

}  // namespace tern
