// Private to the _sre module files: the layouts of Pattern, Match and
// SRE_Scanner objects and the helpers they share.
//
// Invariants:
//   - PatternObj::code is a bytes object holding the opcode list as native
//     uint32_t words; it never changes.  `isbytes` is 1 for a bytes pattern,
//     0 for a str pattern, -1 when the pattern source is None (then any
//     subject is accepted).
//   - MatchObj carries 2 * (ngroups + 1) int64 marks after its header (group
//     0 first), -1 for an unmatched group; raw words, not traced.
//   - A raw pointer into `code` or into the subject (MatchState) is derived
//     by prepareState immediately before the engine runs and is dead before
//     anything allocates (see _sre_engine.h).
#pragma once

#include <cstdint>

#include "runtime/modules/_sre_engine.h"
#include "runtime/objects/object.h"

namespace tern::sre {

struct PatternObj : Obj {
  gc::HeapValue pattern;     // str, bytes or None
  gc::HeapValue groupindex;  // dict: name -> group number
  gc::HeapValue indexgroup;  // tuple: group number -> name or None
  gc::HeapValue code;        // bytes of uint32_t words
  int64_t flags;
  int64_t groups;
  int64_t isbytes;
};

struct MatchObj : Obj {
  gc::HeapValue string;
  gc::HeapValue pattern;
  gc::HeapValue regs;  // cached tuple, or null
  int64_t pos;
  int64_t endpos;
  int64_t lastindex;  // -1: None
  int64_t ngroups;    // capturing groups (group 0 excluded)
  int64_t marks[1];   // 2 * (ngroups + 1) follow (the struct declares the first)
};

struct ScannerObj : Obj {
  gc::HeapValue pattern;
  gc::HeapValue string;
  gc::HeapValue export_record;  // the buffer export held on a resizable subject (bytearray), or null
  int64_t pos;     // as given (the Match objects' pos)
  int64_t endpos;
  int64_t start;   // where the next match or search starts
  uint64_t must_advance;
  uint64_t exhausted;
};

inline PatternObj* asPattern(Value v) { return static_cast<PatternObj*>(v.asObject()); }
inline MatchObj* asMatch(Value v) { return static_cast<MatchObj*>(v.asObject()); }
inline ScannerObj* asScanner(Value v) { return static_cast<ScannerObj*>(v.asObject()); }

inline Type* g_pattern_type = nullptr;
inline Type* g_match_type = nullptr;
inline Type* g_scanner_type = nullptr;

// Checks `string` against the pattern (str vs bytes-like), clamps pos and
// endpos to [0, len] and fills `state` (code and subject pointers, start,
// ngroups).  False with TypeError pending.  Nothing may allocate between this
// call and the engine call that uses `state`.
bool prepareState(Value pattern, Value string, int64_t pos, int64_t endpos, MatchState* state,
                  int64_t* clamped_endpos);
// The subject's type: str (false) or bytes-like (true); TypeError otherwise.
bool subjectIsBytes(Value string, bool* is_bytes);
// string[a:b] as CPython's _sre returns it (exact str/bytes copied, other
// types sliced through __getitem__).
Value subjectSlice(Value string, int64_t a, int64_t b);
// A Match for the successful `state`; null on error.
Value newMatchObject(Value pattern, Value string, int64_t pos, int64_t endpos, const MatchState& state);
// Raises the error of an engine failure (-1).
Value raiseEngineError();
// Calls re.<name>(args...) (the pure-Python helpers _subx and _expand).
Value callReHelper(const char* name, const Value* args, size_t nargs);

}  // namespace tern::sre
