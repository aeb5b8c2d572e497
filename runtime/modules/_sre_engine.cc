// The _sre matcher: see _sre_engine.h for the GC contract (no heap
// allocation while matching) and the shape of the backtracking state.
//
// Encoding facts used here (re/_compiler.py): a "skip" operand at address a
// with value v designates address a + v; every opcode is followed by its
// operands; sub-programs with their own end (ASSERT, ATOMIC_GROUP,
// POSSESSIVE_REPEAT and REPEAT_ONE bodies) end with SUCCESS; charsets end
// with FAILURE.
#include "runtime/modules/_sre_engine.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "runtime/objects/unicode_props.h"

namespace tern::sre {

namespace {

namespace op {
enum : uint32_t {
  FAILURE = 0, SUCCESS = 1, ANY = 2, ANY_ALL = 3, ASSERT = 4, ASSERT_NOT = 5, AT = 6, BRANCH = 7,
  CATEGORY = 8, CHARSET = 9, BIGCHARSET = 10, GROUPREF = 11, GROUPREF_EXISTS = 12, IN = 13, INFO = 14,
  JUMP = 15, LITERAL = 16, MARK = 17, MAX_UNTIL = 18, MIN_UNTIL = 19, NOT_LITERAL = 20, NEGATE = 21,
  RANGE = 22, REPEAT = 23, REPEAT_ONE = 24, SUBPATTERN = 25, MIN_REPEAT_ONE = 26, ATOMIC_GROUP = 27,
  POSSESSIVE_REPEAT = 28, POSSESSIVE_REPEAT_ONE = 29, GROUPREF_IGNORE = 30, IN_IGNORE = 31,
  LITERAL_IGNORE = 32, NOT_LITERAL_IGNORE = 33, GROUPREF_LOC_IGNORE = 34, IN_LOC_IGNORE = 35,
  LITERAL_LOC_IGNORE = 36, NOT_LITERAL_LOC_IGNORE = 37, GROUPREF_UNI_IGNORE = 38, IN_UNI_IGNORE = 39,
  LITERAL_UNI_IGNORE = 40, NOT_LITERAL_UNI_IGNORE = 41, RANGE_UNI_IGNORE = 42,
};
}  // namespace op

namespace at {
enum : uint32_t {
  BEGINNING = 0, BEGINNING_LINE = 1, BEGINNING_STRING = 2, BOUNDARY = 3, NON_BOUNDARY = 4, END = 5,
  END_LINE = 6, END_STRING = 7, LOC_BOUNDARY = 8, LOC_NON_BOUNDARY = 9, UNI_BOUNDARY = 10,
  UNI_NON_BOUNDARY = 11,
};
}  // namespace at

// ===========================================================================
// Character classes

bool isAsciiDigit(uint32_t ch) { return ch >= '0' && ch <= '9'; }
bool isAsciiSpace(uint32_t ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
bool isAsciiWord(uint32_t ch) { return ch < 128 && (std::isalnum(static_cast<int>(ch)) || ch == '_'); }
bool isLocWord(uint32_t ch) { return ch < 256 && (std::isalnum(static_cast<int>(ch)) || ch == '_'); }
bool isUniWord(uint32_t ch) { return ch == '_' || objects::unicode::is_alnum(ch); }
bool isUniLinebreak(uint32_t ch) {
  switch (ch) {
    case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x1C: case 0x1D: case 0x1E: case 0x85:
    case 0x2028: case 0x2029:
      return true;
    default:
      return false;
  }
}
uint32_t locLower(uint32_t ch) { return ch < 256 ? static_cast<uint32_t>(std::tolower(static_cast<int>(ch))) : ch; }
uint32_t locUpper(uint32_t ch) { return ch < 256 ? static_cast<uint32_t>(std::toupper(static_cast<int>(ch))) : ch; }

bool category(uint32_t code, uint32_t ch) {
  switch (code) {
    case 0: return isAsciiDigit(ch);
    case 1: return !isAsciiDigit(ch);
    case 2: return isAsciiSpace(ch);
    case 3: return !isAsciiSpace(ch);
    case 4: return isAsciiWord(ch);
    case 5: return !isAsciiWord(ch);
    case 6: return ch == '\n';
    case 7: return ch != '\n';
    case 8: return isLocWord(ch);
    case 9: return !isLocWord(ch);
    case 10: return objects::unicode::is_decimal(ch);
    case 11: return !objects::unicode::is_decimal(ch);
    case 12: return objects::unicode::is_space(ch);
    case 13: return !objects::unicode::is_space(ch);
    case 14: return isUniWord(ch);
    case 15: return !isUniWord(ch);
    case 16: return isUniLinebreak(ch);
    case 17: return !isUniLinebreak(ch);
    default: return false;
  }
}

// Whether `ch` is in the charset starting at code[i] (ends with FAILURE).
bool inCharset(const uint32_t* code, int64_t i, int64_t limit, uint32_t ch) {
  bool ok = true;
  while (i < limit) {
    switch (code[i]) {
      case op::FAILURE:
        return !ok;
      case op::LITERAL:
        if (ch == code[i + 1]) return ok;
        i += 2;
        break;
      case op::CATEGORY:
        if (category(code[i + 1], ch)) return ok;
        i += 2;
        break;
      case op::CHARSET:
        if (ch < 256 && (code[i + 1 + (ch >> 5)] & (1u << (ch & 31)))) return ok;
        i += 1 + 8;
        break;
      case op::RANGE:
        if (code[i + 1] <= ch && ch <= code[i + 2]) return ok;
        i += 3;
        break;
      case op::RANGE_UNI_IGNORE: {
        if (code[i + 1] <= ch && ch <= code[i + 2]) return ok;
        uint32_t up = unicodeToUpper(ch);
        if (code[i + 1] <= up && up <= code[i + 2]) return ok;
        i += 3;
        break;
      }
      case op::NEGATE:
        ok = !ok;
        i += 1;
        break;
      case op::BIGCHARSET: {
        uint32_t count = code[i + 1];
        if (ch < 65536) {
          const auto* blocks = reinterpret_cast<const uint8_t*>(&code[i + 2]);
          uint32_t block = blocks[ch >> 8];
          const uint32_t* bits = &code[i + 2 + 64 + block * 8];
          uint32_t low = ch & 255;
          if (bits[low >> 5] & (1u << (low & 31))) return ok;
        }
        i += 2 + 64 + int64_t{count} * 8;
        break;
      }
      default:
        return false;  // malformed
    }
  }
  return false;
}

// ===========================================================================
// The machine

enum class Entry : uint8_t {
  kBranch,          // pc: address of the next alternative's skip; a: pos
  kRepeatOne,       // pc: REPEAT_ONE; a: start; b: count to try next
  kMinRepeatOne,    // pc: MIN_REPEAT_ONE; a: start; b: count matched
  kMaxUntilTail,    // pc: MAX_UNTIL; a: pos; b: repeat context
  kMinUntilBody,    // pc: MIN_UNTIL; a: pos; b: repeat context; c: count
  kRestoreMark,     // a: index; b: old value; c: old lastindex
  kRestoreCount,    // a: context; b: old count
  kRestoreLastPos,  // a: context; b: old last_pos
  kRestoreCur,      // a: old current context
  kPopRepeats,      // a: size of the repeat-context vector to go back to
  kRestoreSnapshot, // a: offset in the snapshot vector (marks, then lastindex)
};

struct StackEntry {
  Entry kind;
  uint32_t pc;
  int64_t a, b, c;
  // kRestoreMark: the old lastmark.  kBranch, kRepeatOne, kMinRepeatOne:
  // 0 when pushed inside a REPEAT, else lastmark + 2 (see backtrack()).
  int64_t keep;
};

struct RepeatContext {
  int64_t count;
  int64_t last_pos;
  uint32_t pc;  // the REPEAT opcode
  int64_t prev;
};

template <typename C>
class Machine {
 public:
  Machine(MatchState& state, bool fullmatch)
      : s_(state), code_(state.code), len_(state.code_length),
        text_(static_cast<const C*>(state.subject.data)), end_(state.subject.length), fullmatch_(fullmatch) {}

  // Runs the whole pattern at `pos`; 1/0/-1.
  int matchAt(int64_t pos, bool must_advance) {
    attempt_start_ = pos;
    must_advance_ = must_advance;
    std::fill(s_.marks.begin(), s_.marks.end(), -1);
    s_.lastindex = -1;
    lastmark_ = -1;
    kept_.clear();
    stack_.clear();
    repeats_.clear();
    snapshots_.clear();
    cur_ = -1;
    int64_t e = 0;
    int r = run(0, pos, true, &e);
    if (r == 1) {
      s_.match_start = pos;
      s_.match_end = e;
    }
    return r;
  }

  // The first opcode (after INFO) is a LITERAL: its character (for search).
  bool literalPrefix(uint32_t* ch) const {
    int64_t pc = 0;
    if (len_ > 1 && code_[0] == op::INFO) pc = 1 + code_[1];
    if (pc + 1 < len_ && code_[pc] == op::LITERAL) {
      *ch = code_[pc + 1];
      return true;
    }
    return false;
  }
  uint32_t charAt(int64_t i) const { return text_[i]; }
  bool anchoredAtBeginning() const {
    int64_t pc = 0;
    if (len_ > 1 && code_[0] == op::INFO) pc = 1 + code_[1];
    return pc + 1 < len_ && code_[pc] == op::AT &&
           (code_[pc + 1] == at::BEGINNING || code_[pc + 1] == at::BEGINNING_STRING);
  }

 private:
  bool ok(int64_t pc) const { return pc >= 0 && pc < len_; }

  // One character `ch` against the single-character opcode at pc.
  bool matchOne(int64_t pc, uint32_t ch) const {
    switch (code_[pc]) {
      case op::ANY: return ch != '\n';
      case op::ANY_ALL: return true;
      case op::LITERAL: return ch == code_[pc + 1];
      case op::NOT_LITERAL: return ch != code_[pc + 1];
      case op::LITERAL_IGNORE: return asciiToLower(ch) == code_[pc + 1];
      case op::NOT_LITERAL_IGNORE: return asciiToLower(ch) != code_[pc + 1];
      case op::LITERAL_UNI_IGNORE: return unicodeToLower(ch) == code_[pc + 1];
      case op::NOT_LITERAL_UNI_IGNORE: return unicodeToLower(ch) != code_[pc + 1];
      case op::LITERAL_LOC_IGNORE: return locIgnoreEq(code_[pc + 1], ch);
      case op::NOT_LITERAL_LOC_IGNORE: return !locIgnoreEq(code_[pc + 1], ch);
      case op::CATEGORY: return category(code_[pc + 1], ch);
      case op::IN: return inCharset(code_, pc + 2, len_, ch);
      case op::IN_IGNORE: return inCharset(code_, pc + 2, len_, asciiToLower(ch));
      case op::IN_UNI_IGNORE: return inCharset(code_, pc + 2, len_, unicodeToLower(ch));
      case op::IN_LOC_IGNORE:
        return inCharset(code_, pc + 2, len_, ch) || inCharset(code_, pc + 2, len_, locLower(ch)) ||
               inCharset(code_, pc + 2, len_, locUpper(ch));
      default: return false;
    }
  }
  static bool locIgnoreEq(uint32_t pattern, uint32_t ch) {
    return ch == pattern || locLower(ch) == pattern || locUpper(ch) == pattern;
  }
  static bool isSingleCharOp(uint32_t o) {
    switch (o) {
      case op::ANY: case op::ANY_ALL: case op::LITERAL: case op::NOT_LITERAL: case op::LITERAL_IGNORE:
      case op::NOT_LITERAL_IGNORE: case op::LITERAL_UNI_IGNORE: case op::NOT_LITERAL_UNI_IGNORE:
      case op::LITERAL_LOC_IGNORE: case op::NOT_LITERAL_LOC_IGNORE: case op::CATEGORY: case op::IN:
      case op::IN_IGNORE: case op::IN_UNI_IGNORE: case op::IN_LOC_IGNORE:
        return true;
      default:
        return false;
    }
  }

  // How many characters from `pos` the single-character body at pc matches
  // (at most `max`).  -1: the body is not a single-character opcode.
  int64_t countRepeat(int64_t pc, int64_t pos, int64_t max) const {
    if (!isSingleCharOp(code_[pc])) return -1;
    int64_t limit = end_ - pos;
    if (max < limit) limit = max;
    int64_t n = 0;
    if (code_[pc] == op::ANY_ALL) return limit;
    while (n < limit && matchOne(pc, text_[pos + n])) ++n;
    return n;
  }

  bool atCheck(uint32_t code, int64_t pos) const {
    switch (code) {
      case at::BEGINNING:
      case at::BEGINNING_STRING:
        return pos == 0;
      case at::BEGINNING_LINE:
        return pos == 0 || text_[pos - 1] == '\n';
      case at::END:
        return pos == end_ || (pos + 1 == end_ && text_[pos] == '\n');
      case at::END_LINE:
        return pos == end_ || text_[pos] == '\n';
      case at::END_STRING:
        return pos == end_;
      case at::BOUNDARY: case at::NON_BOUNDARY:
      case at::LOC_BOUNDARY: case at::LOC_NON_BOUNDARY:
      case at::UNI_BOUNDARY: case at::UNI_NON_BOUNDARY: {
        if (end_ == 0) return false;
        bool (*word)(uint32_t) = code <= at::NON_BOUNDARY ? isAsciiWord : code <= at::LOC_NON_BOUNDARY ? isLocWord : isUniWord;
        bool before = pos > 0 && word(text_[pos - 1]);
        bool after = pos < end_ && word(text_[pos]);
        bool boundary = code == at::BOUNDARY || code == at::LOC_BOUNDARY || code == at::UNI_BOUNDARY;
        return boundary ? before != after : before == after;
      }
      default:
        return false;
    }
  }

  // Group `g` (0-based capturing group) back-referenced at `pos`; the end
  // position, or -1 when it does not match.
  int64_t groupRef(uint32_t kind, uint32_t g, int64_t pos) const {
    if (2 * int64_t{g} + 1 >= static_cast<int64_t>(s_.marks.size())) return -1;
    int64_t gs = s_.marks[2 * g], ge = s_.marks[2 * g + 1];
    if (gs < 0 || ge < 0 || ge < gs) return -1;
    int64_t n = ge - gs;
    if (pos + n > end_) return -1;
    for (int64_t k = 0; k < n; ++k) {
      uint32_t a = text_[gs + k], b = text_[pos + k];
      switch (kind) {
        case op::GROUPREF: if (a != b) return -1; break;
        case op::GROUPREF_IGNORE: if (asciiToLower(a) != asciiToLower(b)) return -1; break;
        case op::GROUPREF_UNI_IGNORE: if (unicodeToLower(a) != unicodeToLower(b)) return -1; break;
        default: if (locLower(a) != locLower(b)) return -1; break;
      }
    }
    return pos + n;
  }

  bool groupMatched(uint32_t g) const {
    if (2 * int64_t{g} + 1 >= static_cast<int64_t>(s_.marks.size())) return false;
    int64_t gs = s_.marks[2 * g], ge = s_.marks[2 * g + 1];
    return gs >= 0 && ge >= 0 && ge >= gs;
  }

  void push(Entry kind, uint32_t pc, int64_t a, int64_t b = 0, int64_t c = 0) {
    stack_.push_back(StackEntry{.kind = kind, .pc = pc, .a = a, .b = b, .c = c, .keep = 0});
  }
  // A choice point: outside any REPEAT, CPython restores only `lastmark` when
  // it backtracks to one, so marks up to the lastmark saved here keep the
  // values a failed path gave them (visible e.g. in `(?:(a)|b)++`).
  void pushChoice(Entry kind, uint32_t pc, int64_t a, int64_t b = 0) {
    push(kind, pc, a, b);
    stack_.back().keep = cur_ < 0 ? lastmark_ + 2 : 0;
  }
  void setCount(int64_t ctx, int64_t value) {
    push(Entry::kRestoreCount, 0, ctx, repeats_[ctx].count);
    repeats_[ctx].count = value;
  }
  void setLastPos(int64_t ctx, int64_t value) {
    push(Entry::kRestoreLastPos, 0, ctx, repeats_[ctx].last_pos);
    repeats_[ctx].last_pos = value;
  }
  void setCur(int64_t value) {
    push(Entry::kRestoreCur, 0, cur_);
    cur_ = value;
  }
  void pushSnapshot() {
    push(Entry::kRestoreSnapshot, 0, static_cast<int64_t>(snapshots_.size()));
    snapshots_.insert(snapshots_.end(), s_.marks.begin(), s_.marks.end());
    snapshots_.push_back(lastmark_);
    snapshots_.push_back(s_.lastindex);
  }

  // Runs the program from `pc` until a SUCCESS at this level.  Backtracking
  // stops at the stack depth on entry: a nested run is atomic.
  int run(int64_t pc, int64_t pos, bool toplevel, int64_t* end_out) {
    const size_t base = stack_.size();
    const size_t repeats_base = repeats_.size();
    const size_t snapshots_base = snapshots_.size();
    const int64_t cur_base = cur_;
    for (;;) {
      if (!ok(pc)) return -1;
      uint32_t o = code_[pc];
      bool fail = false;
      switch (o) {
        case op::FAILURE:
          fail = true;
          break;
        case op::SUCCESS:
          if (toplevel && ((fullmatch_ && pos != end_) || (must_advance_ && pos == attempt_start_))) {
            fail = true;
            break;
          }
          *end_out = pos;
          if (!toplevel) {
            // Atomic: drop this run's choice points (its mark changes are
            // covered by the snapshot the caller pushed).
            stack_.resize(base);
            repeats_.resize(repeats_base);
            snapshots_.resize(snapshots_base);
            cur_ = cur_base;
          }
          return 1;
        case op::INFO:
          if (pc + 3 < len_ && static_cast<int64_t>(code_[pc + 3]) > end_ - pos) {
            fail = true;
            break;
          }
          pc = pc + 1 + code_[pc + 1];
          break;
        case op::JUMP:
          pc = pc + 1 + code_[pc + 1];
          break;
        case op::ANY: case op::ANY_ALL:
          if (pos >= end_ || !matchOne(pc, text_[pos])) { fail = true; break; }
          ++pos;
          pc += 1;
          break;
        case op::LITERAL: case op::NOT_LITERAL: case op::LITERAL_IGNORE: case op::NOT_LITERAL_IGNORE:
        case op::LITERAL_UNI_IGNORE: case op::NOT_LITERAL_UNI_IGNORE: case op::LITERAL_LOC_IGNORE:
        case op::NOT_LITERAL_LOC_IGNORE: case op::CATEGORY:
          if (pos >= end_ || !matchOne(pc, text_[pos])) { fail = true; break; }
          ++pos;
          pc += 2;
          break;
        case op::IN: case op::IN_IGNORE: case op::IN_UNI_IGNORE: case op::IN_LOC_IGNORE:
          if (pos >= end_ || !matchOne(pc, text_[pos])) { fail = true; break; }
          ++pos;
          pc = pc + 1 + code_[pc + 1];
          break;
        case op::AT:
          if (!atCheck(code_[pc + 1], pos)) { fail = true; break; }
          pc += 2;
          break;
        case op::MARK: {
          uint32_t i = code_[pc + 1];
          if (i >= s_.marks.size()) s_.marks.resize(i + 2, -1);
          push(Entry::kRestoreMark, 0, i, s_.marks[i], s_.lastindex);
          stack_.back().keep = lastmark_;
          if (static_cast<int64_t>(i) > lastmark_) lastmark_ = i;
          s_.marks[i] = pos;
          if (i & 1) s_.lastindex = i / 2 + 1;
          pc += 2;
          break;
        }
        case op::BRANCH: {
          int64_t alt = pc + 1;
          if (!ok(alt) || code_[alt] == 0) { fail = true; break; }
          pushChoice(Entry::kBranch, static_cast<uint32_t>(alt + code_[alt]), pos);
          pc = alt + 1;
          break;
        }
        case op::REPEAT_ONE: case op::MIN_REPEAT_ONE: case op::POSSESSIVE_REPEAT_ONE: {
          int64_t min = code_[pc + 2];
          int64_t max = code_[pc + 3] == kMaxRepeat ? INT64_MAX : code_[pc + 3];
          int64_t tail = pc + 1 + code_[pc + 1];
          if (pos + min > end_) { fail = true; break; }
          if (o == op::MIN_REPEAT_ONE) {
            int64_t n = countRepeat(pc + 4, pos, min);
            if (n < 0) return -1;
            if (n < min) { fail = true; break; }
            pushChoice(Entry::kMinRepeatOne, static_cast<uint32_t>(pc), pos, n);
            pos += n;
            pc = tail;
            break;
          }
          int64_t n = countRepeat(pc + 4, pos, max);
          if (n < 0) return -1;
          if (n < min) { fail = true; break; }
          if (o == op::REPEAT_ONE && n > min) pushChoice(Entry::kRepeatOne, static_cast<uint32_t>(pc), pos, n - 1);
          pos += n;
          pc = tail;
          break;
        }
        case op::REPEAT: {
          int64_t until = pc + 1 + code_[pc + 1];
          push(Entry::kPopRepeats, 0, static_cast<int64_t>(repeats_.size()));
          repeats_.push_back(RepeatContext{.count = -1, .last_pos = -1, .pc = static_cast<uint32_t>(pc), .prev = cur_});
          setCur(static_cast<int64_t>(repeats_.size()) - 1);
          pc = until;
          break;
        }
        case op::MAX_UNTIL: case op::MIN_UNTIL: {
          if (cur_ < 0) return -1;
          int64_t ctx = cur_;
          RepeatContext& r = repeats_[ctx];
          int64_t count = r.count + 1;
          int64_t min = code_[r.pc + 2];
          uint32_t max = code_[r.pc + 3];
          int64_t body = r.pc + 4;
          if (count < min) {
            setCount(ctx, count);
            pc = body;
            break;
          }
          if (o == op::MAX_UNTIL) {
            if ((count < max || max == kMaxRepeat) && pos != r.last_pos) {
              push(Entry::kMaxUntilTail, static_cast<uint32_t>(pc), pos, ctx);
              setCount(ctx, count);
              setLastPos(ctx, pos);
              pc = body;
              break;
            }
            setCur(repeats_[ctx].prev);
            pc += 1;
            break;
          }
          push(Entry::kMinUntilBody, static_cast<uint32_t>(pc), pos, ctx, count);
          setCur(repeats_[ctx].prev);
          pc += 1;
          break;
        }
        case op::GROUPREF: case op::GROUPREF_IGNORE: case op::GROUPREF_UNI_IGNORE: case op::GROUPREF_LOC_IGNORE: {
          int64_t e = groupRef(o, code_[pc + 1], pos);
          if (e < 0) { fail = true; break; }
          pos = e;
          pc += 2;
          break;
        }
        case op::GROUPREF_EXISTS:
          pc = groupMatched(code_[pc + 1]) ? pc + 3 : pc + 1 + code_[pc + 2];
          break;
        case op::ASSERT: case op::ASSERT_NOT: {
          int64_t back = code_[pc + 2];
          int64_t tail = pc + 1 + code_[pc + 1];
          int64_t from = pos - back;
          if (from < 0) {
            if (o == op::ASSERT) { fail = true; break; }
            pc = tail;
            break;
          }
          if (o == op::ASSERT) {
            pushSnapshot();
            int64_t e = 0;
            // The body may not look past the current end either way.
            int r = run(pc + 3, from, false, &e);
            if (r < 0) return -1;
            if (r == 0) { fail = true; break; }
            pc = tail;
            break;
          }
          std::vector<int64_t> saved_marks = s_.marks;
          int64_t saved_lastindex = s_.lastindex, saved_lastmark = lastmark_;
          int64_t e = 0;
          int r = run(pc + 3, from, false, &e);
          if (r < 0) return -1;
          if (r == 1) {
            s_.marks = saved_marks;
            s_.lastindex = saved_lastindex;
            lastmark_ = saved_lastmark;
            fail = true;
            break;
          }
          pc = tail;
          break;
        }
        case op::ATOMIC_GROUP: {
          int64_t tail = pc + 1 + code_[pc + 1];
          pushSnapshot();
          int64_t e = 0;
          int r = run(pc + 2, pos, false, &e);
          if (r < 0) return -1;
          if (r == 0) { fail = true; break; }
          pos = e;
          pc = tail;
          break;
        }
        case op::POSSESSIVE_REPEAT: {
          int64_t min = code_[pc + 2];
          uint32_t max = code_[pc + 3];
          int64_t tail = pc + 1 + code_[pc + 1] + 1;  // past the body's SUCCESS
          pushSnapshot();
          int64_t count = 0;
          bool failed = false;
          while (count < max || max == kMaxRepeat) {
            int64_t e = 0;
            int r = run(pc + 4, pos, false, &e);
            if (r < 0) return -1;
            if (r == 0) {
              failed = count < min;
              break;
            }
            ++count;
            bool empty = e == pos;
            pos = e;
            if (empty && count >= min) break;
          }
          if (failed) { fail = true; break; }
          pc = tail;
          break;
        }
        default:
          return -1;
      }
      if (!fail) continue;
      // Backtrack: undo the trail down to the newest choice point.
      kept_.clear();
      for (;;) {
        if (stack_.size() <= base) return 0;
        StackEntry entry = stack_.back();
        stack_.pop_back();
        bool resumed = false;
        switch (entry.kind) {
          case Entry::kRestoreMark:
            kept_.push_back({entry.a, s_.marks[entry.a]});
            s_.marks[entry.a] = entry.b;
            s_.lastindex = entry.c;
            lastmark_ = entry.keep;
            break;
          case Entry::kRestoreCount:
            repeats_[entry.a].count = entry.b;
            break;
          case Entry::kRestoreLastPos:
            repeats_[entry.a].last_pos = entry.b;
            break;
          case Entry::kRestoreCur:
            cur_ = entry.a;
            break;
          case Entry::kPopRepeats:
            repeats_.resize(entry.a);
            break;
          case Entry::kRestoreSnapshot: {
            size_t at = static_cast<size_t>(entry.a);
            size_t n = snapshots_.size() - at - 2;
            s_.marks.assign(snapshots_.begin() + at, snapshots_.begin() + at + n);
            lastmark_ = snapshots_[at + n];
            s_.lastindex = snapshots_.back();
            kept_.clear();
            snapshots_.resize(at);
            break;
          }
          case Entry::kBranch: {
            int64_t alt = entry.pc;
            if (!ok(alt)) return -1;
            if (code_[alt] == 0) break;
            push(Entry::kBranch, static_cast<uint32_t>(alt + code_[alt]), entry.a);
            stack_.back().keep = entry.keep;
            pos = entry.a;
            pc = alt + 1;
            resumed = true;
            break;
          }
          case Entry::kRepeatOne: {
            int64_t rp = entry.pc;
            int64_t min = code_[rp + 2];
            int64_t start = entry.a, count = entry.b;
            int64_t tail = rp + 1 + code_[rp + 1];
            // A literal right after the repeat: skip the counts it cannot follow.
            if (ok(tail + 1) && code_[tail] == op::LITERAL) {
              uint32_t ch = code_[tail + 1];
              while (count >= min && (start + count >= end_ || text_[start + count] != ch)) --count;
            }
            if (count < min) break;
            if (count > min) {
              push(Entry::kRepeatOne, static_cast<uint32_t>(rp), start, count - 1);
              stack_.back().keep = entry.keep;
            }
            pos = start + count;
            pc = tail;
            resumed = true;
            break;
          }
          case Entry::kMinRepeatOne: {
            int64_t rp = entry.pc;
            uint32_t max = code_[rp + 3];
            int64_t start = entry.a, count = entry.b;
            if (max != kMaxRepeat && count >= static_cast<int64_t>(max)) break;
            int64_t p = start + count;
            if (p >= end_ || !matchOne(rp + 4, text_[p])) break;
            ++count;
            push(Entry::kMinRepeatOne, static_cast<uint32_t>(rp), start, count);
            stack_.back().keep = entry.keep;
            pos = start + count;
            pc = rp + 1 + code_[rp + 1];
            resumed = true;
            break;
          }
          case Entry::kMaxUntilTail:
            setCur(repeats_[entry.b].prev);
            pos = entry.a;
            pc = entry.pc + 1;
            resumed = true;
            break;
          case Entry::kMinUntilBody: {
            RepeatContext& r = repeats_[entry.b];
            uint32_t max = code_[r.pc + 3];
            if ((max != kMaxRepeat && entry.c >= static_cast<int64_t>(max)) || entry.a == r.last_pos) break;
            setCount(entry.b, entry.c);
            setLastPos(entry.b, entry.a);
            pos = entry.a;
            pc = repeats_[entry.b].pc + 4;
            resumed = true;
            break;
          }
        }
        bool quirk_capable = entry.kind == Entry::kBranch || entry.kind == Entry::kRepeatOne ||
                             entry.kind == Entry::kMinRepeatOne;
        if (quirk_capable && entry.keep != 0) {
          if (resumed) keepMarks(entry.keep - 2);
        } else if (quirk_capable || resumed || entry.kind == Entry::kMinUntilBody) {
          kept_.clear();  // a full restore, as CPython does inside a REPEAT
        }
        if (resumed) break;
      }
    }
  }

  // Re-applies (trailed) the values that marks up to `lastmark` had when
  // the path that was just abandoned failed: the first record of each index
  // in kept_ is its latest value.
  void keepMarks(int64_t lastmark) {
    for (size_t k = 0; k < kept_.size(); ++k) {
      int64_t i = kept_[k].first;
      bool first = true;
      for (size_t j = 0; j < k; ++j) first = first && kept_[j].first != i;
      if (!first || i > lastmark || s_.marks[i] == kept_[k].second) continue;
      push(Entry::kRestoreMark, 0, i, s_.marks[i], s_.lastindex);
      stack_.back().keep = lastmark_;
      s_.marks[i] = kept_[k].second;
    }
    kept_.clear();
  }

  MatchState& s_;
  const uint32_t* code_;
  int64_t len_;
  const C* text_;
  int64_t end_;
  bool fullmatch_;
  bool must_advance_ = false;
  int64_t attempt_start_ = 0;
  int64_t cur_ = -1;
  int64_t lastmark_ = -1;  // the highest mark index set on the current path
  std::vector<std::pair<int64_t, int64_t>> kept_;  // (mark, value) undone by the current backtrack
  std::vector<StackEntry> stack_;
  std::vector<RepeatContext> repeats_;
  std::vector<int64_t> snapshots_;
};

template <typename C>
int matchT(MatchState& state, bool fullmatch) {
  Machine<C> m(state, fullmatch);
  if (state.start > state.subject.length) return 0;
  return m.matchAt(state.start, state.must_advance);
}

template <typename C>
int searchT(MatchState& state) {
  Machine<C> m(state, false);
  int64_t end = state.subject.length;
  if (state.start > end) return 0;
  // A pattern anchored at the beginning of the string can only match there.
  if (m.anchoredAtBeginning()) {
    return state.start == 0 ? m.matchAt(0, state.must_advance) : 0;
  }
  uint32_t first = 0;
  bool has_first = m.literalPrefix(&first);
  for (int64_t i = state.start; i <= end; ++i) {
    if (has_first) {
      while (i < end && m.charAt(i) != first) ++i;
      if (i >= end) return 0;
    }
    int r = m.matchAt(i, state.must_advance && i == state.start);
    if (r != 0) return r;
  }
  return 0;
}

void prepare(MatchState& state) {
  state.marks.assign(static_cast<size_t>(2 * state.ngroups), -1);
  state.lastindex = -1;
}

}  // namespace

int match(MatchState& state, bool fullmatch) {
  prepare(state);
  switch (state.subject.width) {
    case 1: return matchT<uint8_t>(state, fullmatch);
    case 2: return matchT<uint16_t>(state, fullmatch);
    default: return matchT<uint32_t>(state, fullmatch);
  }
}

int search(MatchState& state) {
  prepare(state);
  switch (state.subject.width) {
    case 1: return searchT<uint8_t>(state);
    case 2: return searchT<uint16_t>(state);
    default: return searchT<uint32_t>(state);
  }
}

// ===========================================================================
// Case helpers: CPython's _sre maps a character to one code point, the
// first of its full case mapping (U+00DF uppercases to 'S', U+0130
// lowercases to 'i').

uint32_t unicodeToLower(uint32_t ch) { return objects::unicode::to_lower_full(ch).chars[0]; }
uint32_t unicodeToUpper(uint32_t ch) { return objects::unicode::to_upper_full(ch).chars[0]; }

bool unicodeIsCased(uint32_t ch) { return ch != unicodeToLower(ch) || ch != unicodeToUpper(ch); }
bool asciiIsCased(uint32_t ch) { return ch < 128 && std::isalpha(static_cast<int>(ch)); }
uint32_t asciiToLower(uint32_t ch) { return ch < 128 ? static_cast<uint32_t>(std::tolower(static_cast<int>(ch))) : ch; }

}  // namespace tern::sre
