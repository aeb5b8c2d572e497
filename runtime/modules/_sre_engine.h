// The _sre matching engine: a backtracking interpreter of the opcode list
// that re/_compiler.py (Python 3.11, MAGIC 20220615) emits.
//
// GC contract: the engine NEVER allocates on the GC heap and never calls
// Python code.  The caller derives `Subject::data` (a pointer into a str,
// bytes or bytearray object) and `code` (a pointer into the pattern's code
// bytes object) immediately before calling match/search and creates the
// Match object only after they return, so neither pointer can go stale: no
// collection can run while the engine holds them.
//
// Backtracking state lives in plain std::vectors (no heap references in
// them: positions, program counters and saved marks only), so the C++ stack
// depth does not grow with the input.  Only the nesting of ASSERT,
// ASSERT_NOT, ATOMIC_GROUP and POSSESSIVE_REPEAT in the *pattern* uses C++
// recursion (each runs its body as an atomic sub-match).
//
// Marks are restored exactly on backtracking (a trail of old values), which
// gives CPython's results for the group values of backtracked alternatives
// and repetitions.  INFO blocks are used only for their minimum width.
#pragma once

#include <cstdint>
#include <vector>

namespace tern::sre {

inline constexpr int64_t kMagic = 20220615;
inline constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;
inline constexpr int64_t kMaxGroups = 0x3FFFFFFF;
inline constexpr int kCodeSize = 4;

// The subject of a match: code units of 1, 2 or 4 bytes.
struct Subject {
  const void* data = nullptr;
  int width = 1;
  int64_t length = 0;  // the end of the searchable text (endpos, clamped)
};

struct MatchState {
  const uint32_t* code = nullptr;
  int64_t code_length = 0;
  Subject subject;
  int64_t start = 0;     // pos: where matching/searching starts
  int64_t ngroups = 0;   // capturing groups, group 0 excluded
  bool must_advance = false;  // an empty match at `start` is not accepted
  // Results (valid after a successful match/search):
  int64_t match_start = 0, match_end = 0;
  std::vector<int64_t> marks;  // 2 per group (group 1 at [0], [1]), -1: unset
  int64_t lastindex = -1;
};

// 1: matched, 0: no match, -1: malformed code (the caller raises).
int match(MatchState& state, bool fullmatch);
int search(MatchState& state);

// Character helpers shared with the module functions.
bool unicodeIsCased(uint32_t ch);
uint32_t unicodeToLower(uint32_t ch);
uint32_t unicodeToUpper(uint32_t ch);
bool asciiIsCased(uint32_t ch);
uint32_t asciiToLower(uint32_t ch);

}  // namespace tern::sre
