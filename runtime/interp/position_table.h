// The source positions of a code object's instructions, compact: about four
// bytes an instruction where the plain (line, end line, column, end column)
// takes sixteen, in the object and in .pyc files.
//
// Layout: a block index, then one record per instruction, in order.
//   - The index has an entry per kPositionBlock instructions: the u32 offset
//     of the block's first record from the table's start, and the i32 line
//     its first record is relative to.  Finding an instruction's position
//     decodes at most kPositionBlock records.
//   - A record is four unsigned LEB128 varints: zigzag(line - previous line),
//     zigzag(end line - line), column + 1, end column + 1 (0: unknown, -1).
// The table does not depend on co_firstlineno, so code.replace() may change
// that without touching it.  Decoding never reads past the table: damaged
// data (a corrupt .pyc) gives wrong positions, not a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/interp/code.h"

namespace tern {

inline constexpr uint32_t kPositionBlock = 32;

// The table of `n` positions.
std::string encodePositionTable(const InstrPosition* positions, uint32_t n);

// Reads positions in order from instruction `first` on.
class PositionReader {
 public:
  PositionReader(const CodeObj* code, uint32_t first = 0);
  InstrPosition next();

 private:
  uint32_t varint();

  const uint8_t* p_;
  const uint8_t* end_;
  int32_t line_;
};

// The position of instruction `index` (< code->ninstr).
InstrPosition codePosition(const CodeObj* code, uint32_t index);
// The positions of all of `code`'s instructions.
std::vector<InstrPosition> codePositions(const CodeObj* code);

}  // namespace tern
