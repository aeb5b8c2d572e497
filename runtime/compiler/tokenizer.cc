// Tokenizer for Python 3.11 source; see tokenizer.h for the contract.
//
// Shape: the source is decoded to UTF-8 and split into physical lines (on
// '\n' only, as `tokenize` reads them).  Each line is handled in one of three
// modes: inside a string that began on an earlier line, at the start of a
// logical line (indentation, blank and comment-only lines), or as the
// continuation of a logical line (open brackets, backslash).  Errors are
// thrown as SyntaxErrorException inside this file and turned into a
// TokenizeError at the public entry point.
#include "runtime/compiler/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <utility>

#include "runtime/compiler/identifier.h"
#include "runtime/compiler/source_encoding.h"

namespace tern::compiler {

namespace {

// ===========================================================================
// Tables
// ===========================================================================

struct OpSpelling {
  std::string_view text;
  OpType op;
};

constexpr std::array kOperators = {
#define TERN_OP_SPELLING(name, spelling) OpSpelling{.text = spelling, .op = OpType::name},
    TERN_OPERATORS(TERN_OP_SPELLING)
#undef TERN_OP_SPELLING
};

constexpr int kTabSize = 8;

// Keywords that 3.11 accepts directly after a numeric literal (`1if x else
// y`), with a SyntaxWarning.  "if", "in" and "is" are recognised by their
// first two letters alone (`1iffy` passes the check, as in CPython); the
// others must not be followed by a name character.
constexpr std::array<std::string_view, 5> kKeywordsAfterNumber = {"and", "else", "for", "not", "or"};

struct SyntaxErrorException {
  ErrorKind kind;
  std::string message;
  int line;
  int col;
  int end_offset;         // TokenizeError::end_offset
  bool raised_by_parser;  // TokenizeError::raised_by_parser
  bool at_end = false;    // TokenizeError::at_end
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
// What may be part of a name before the XID check: CPython takes every
// non-ASCII character, then rejects the name if one does not belong.
bool is_ident_start(char c) { return is_ascii_ident_start(c) || static_cast<unsigned char>(c) >= 0x80; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Columns count characters as CPython counts them for an error: with
// invalid UTF-8 read as errors='replace' does, one U+FFFD per error.
int count_code_points(std::string_view s) { return utf8_replace_length(s); }

// The first physical line starting at `from` (including its '\n').
std::string_view line_at(std::string_view s, size_t from) {
  size_t nl = s.find('\n', from);
  return s.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from + 1);
}

// ===========================================================================
// The tokenizer proper
// ===========================================================================

struct OpenBracket {
  char ch;
  int line;
  int col;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
      std::string_view l = line_at(text, i);
      lines_.push_back(l);
      i += l.size();
    }
  }

  // Appends the tokens to `out` and the warnings to `warnings`, up to an
  // error (thrown as SyntaxErrorException).
  void run(std::vector<Token>& out, std::vector<TokenizeWarning>& warnings);
  bool statement_continues_at_end() const;

 private:
  // An error CPython's tokenizer raises: its range is the offset alone
  // unless `end_offset` (1-based) says otherwise.
  [[noreturn]] void fail(ErrorKind kind, std::string message, int line, int col, int end_offset = -1) {
    throw SyntaxErrorException{kind, std::move(message), line, col, end_offset < 0 ? col + 1 : end_offset, false};
  }
  [[noreturn]] void fail_at(std::string message, size_t byte_off) {
    fail(ErrorKind::SyntaxError, std::move(message), lnum_, col_of(byte_off));
  }
  // An error CPython's tokenizer only signals and its parser raises, with
  // the end offset the parser gives it (0 or -1: CPython knows no end).
  [[noreturn]] void signal(ErrorKind kind, std::string message, int line, int col, int end_offset) {
    throw SyntaxErrorException{kind, std::move(message), line, col, end_offset, true};
  }

  // Code points before byte_off on the current line.  Offsets mostly grow
  // along a line, so counting resumes from the last answer: linear, not
  // quadratic, in the length of a long line.
  int col_of(size_t byte_off) const {
    if (line_.data() != col_line_ || byte_off < col_bytes_) {
      col_line_ = line_.data();
      col_bytes_ = 0;
      col_points_ = 0;
    }
    col_points_ += count_code_points(line_.substr(col_bytes_, byte_off - col_bytes_));
    col_bytes_ = byte_off;
    return col_points_;
  }
  mutable const char* col_line_ = nullptr;
  mutable size_t col_bytes_ = 0;
  mutable int col_points_ = 0;
  Position pos_of(size_t byte_off) const {
    return Position{.line = lnum_, .col = col_of(byte_off), .byte_col = static_cast<int>(byte_off)};
  }

  void emit(TokenType type, std::string_view text, Position start, Position end, OpType op = OpType::NONE) {
    out_->push_back(Token{.type = type, .op = op, .text = std::string(text), .start = start, .end = end});
  }
  void emit_here(TokenType type, size_t from, size_t to, OpType op = OpType::NONE) {
    Position start = pos_of(from);  // before `to`: col_of counts forward
    emit(type, line_.substr(from, to - from), start, pos_of(to), op);
  }

  bool continue_string();
  bool start_of_logical_line();
  void indentation(size_t pos, int col, int altcol);
  void tokens_in_line(size_t pos);
  size_t scan_number(size_t pos);
  void check_identifier(size_t start, size_t end);
  size_t string_prefix_length(size_t pos) const;
  bool scan_string_body(size_t& pos);
  void bracket(char c, size_t pos);
  void check_nothing_open();
  void finish();

  std::vector<std::string_view> lines_;
  std::vector<Token>* out_ = nullptr;

  int lnum_ = 0;
  std::string_view line_;
  std::vector<int> indents_{0};
  std::vector<int> altindents_{0};  // with tabs counted as 1: for TabError
  std::vector<OpenBracket> brackets_;
  std::vector<TokenizeWarning>* warnings_ = nullptr;
  bool continued_ = false;

  // Indentation continued onto the next line by a backslash (`  \` at the
  // start of a logical line).  As in CPython, the column of the first such
  // backslash, if not 0, is the indentation of what follows; otherwise the
  // columns add up across the lines.
  struct IndentContinuation {
    int cont_col, col, altcol;
  };
  std::optional<IndentContinuation> indent_continuation_;

  // A string that has not ended on the line it started on.
  struct PendingString {
    std::string text;  // everything so far, from the prefix on
    Position start;
    char quote;
    bool triple;
  };
  std::optional<PendingString> pending_;

  // Where tokenize stops reading: for the final NEWLINE, DEDENTs, ENDMARKER.
  int end_lnum_ = 0;
  std::string_view last_line_;
};

void Tokenizer::run(std::vector<Token>& out, std::vector<TokenizeWarning>& warnings) {
  out_ = &out;
  warnings_ = &warnings;
  size_t i = 0;
  bool stopped_early = false;
  for (; i < lines_.size(); i++) {
    lnum_ = static_cast<int>(i) + 1;
    line_ = lines_[i];
    if (pending_) {
      if (!continue_string()) continue;
    } else if (brackets_.empty() && (!continued_ || indent_continuation_)) {
      if (!start_of_logical_line()) {
        if (line_.find_first_not_of(" \t\f") == std::string_view::npos) {
          // A last line of only blanks: tokenize stops reading there.
          stopped_early = true;
          break;
        }
        continue;
      }
    } else {
      continued_ = false;
      tokens_in_line(0);
    }
  }
  if (stopped_early) {
    end_lnum_ = lnum_;
    last_line_ = i > 0 ? lines_[i - 1] : std::string_view();
  } else {
    end_lnum_ = static_cast<int>(lines_.size()) + 1;
    last_line_ = lines_.empty() ? std::string_view() : lines_.back();
  }
  finish();
}

// The line continues a string from an earlier line.  Returns true if the
// string ended on it (and the rest of the line was tokenized).
bool Tokenizer::continue_string() {
  size_t pos = 0;
  if (scan_string_body(pos)) {
    pending_->text.append(line_.substr(0, pos));
    emit(TokenType::STRING, pending_->text, pending_->start, pos_of(pos));
    pending_.reset();
    tokens_in_line(pos);
    return true;
  }
  pending_->text.append(line_);
  return false;
}

// Scans a string body from `pos` for the pending string's closing quote.
// Returns true with pos just past the quote, or false at the end of the line
// (for a single-quoted string, only if the line ends in backslash-newline).
bool Tokenizer::scan_string_body(size_t& pos) {
  const char q = pending_->quote;
  while (pos < line_.size()) {
    char c = line_[pos];
    if (c == '\\') {
      if (line_.substr(pos + 1, 2) == "\r\n") {
        pos += 3;
      } else {
        pos += 2;
        // Skip a whole code point so positions stay on boundaries.
        while (pos < line_.size() && is_continuation_byte(line_[pos])) pos++;
      }
      continue;
    }
    if (c == q) {
      if (!pending_->triple) {
        pos++;
        return true;
      }
      if (line_.substr(pos, 3) == std::string(3, q)) {
        pos += 3;
        return true;
      }
    } else if (c == '\n' && !pending_->triple) {
      fail(ErrorKind::SyntaxError, "unterminated string literal (detected at line " + std::to_string(lnum_) + ")",
           pending_->start.line, pending_->start.col);
    }
    pos++;
  }
  if (pos > line_.size()) pos = line_.size();
  if (!pending_->triple && (line_.empty() || line_.back() != '\n')) {
    // The last line of the file ends inside a single-quoted string.
    SyntaxErrorException e{ErrorKind::SyntaxError,
                           "unterminated string literal (detected at line " + std::to_string(lnum_) + ")",
                           pending_->start.line,
                           pending_->start.col,
                           pending_->start.col + 1,
                           false};
    e.at_end = true;
    throw e;
  }
  return false;
}

// Handles a line that starts a logical line.  Returns false if the line
// produced no tokens beyond COMMENT/NL (or is a final line of blanks).
bool Tokenizer::start_of_logical_line() {
  size_t pos = 0;
  int col = 0, altcol = 0;
  int cont_col = 0;
  if (indent_continuation_) {
    cont_col = indent_continuation_->cont_col;
    col = indent_continuation_->col;
    altcol = indent_continuation_->altcol;
    indent_continuation_.reset();
    continued_ = false;
  }
  for (; pos < line_.size(); pos++) {
    char c = line_[pos];
    if (c == ' ') {
      col++;
      altcol++;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      altcol++;
    } else if (c == '\f') {
      col = altcol = 0;
    } else {
      break;
    }
  }
  if (pos == line_.size()) return false;
  char c = line_[pos];
  std::string_view after = line_.substr(pos + 1);
  if (c == '\\') {
    if (!after.empty() && after != "\n" && after != "\r\n") {
      signal(ErrorKind::SyntaxError, "unexpected character after line continuation character", lnum_,
             col_of(pos + 1), 0);
    }
    indent_continuation_ = IndentContinuation{cont_col ? cont_col : col, col, altcol};
    continued_ = true;  // at the end of the file: "unexpected EOF while parsing"
    return false;
  }
  if (cont_col) col = altcol = cont_col;
  if (c == '#' || c == '\r' || c == '\n') {
    if (c == '#') {
      size_t end = line_.find_first_of("\r\n", pos);
      if (end == std::string_view::npos) end = line_.size();
      emit_here(TokenType::COMMENT, pos, end);
      pos = end;
    }
    emit_here(TokenType::NL, pos, line_.size());
    return false;
  }
  indentation(pos, col, altcol);
  tokens_in_line(pos);
  return true;
}

// CPython's MAXINDENT: blocks nest at most 99 deep.
constexpr size_t kMaxIndentLevels = 100;

void Tokenizer::indentation(size_t pos, int col, int altcol) {
  auto tab_error = [&] {
    signal(ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", lnum_, 0, 0);
  };
  if (col > indents_.back()) {
    if (altcol <= altindents_.back()) tab_error();
    if (indents_.size() >= kMaxIndentLevels) {
      signal(ErrorKind::IndentationError, "too many levels of indentation", lnum_, 0, 0);
    }
    indents_.push_back(col);
    altindents_.push_back(altcol);
    emit(TokenType::INDENT, line_.substr(0, pos), pos_of(0), pos_of(pos));
    return;
  }
  while (col < indents_.back()) {
    if (std::find(indents_.begin(), indents_.end(), col) == indents_.end()) {
      // CPython places this error at the end of the line, past its newline.
      std::string_view content = line_.substr(0, line_.find_first_of("\r\n"));
      int length = count_code_points(content) + (content.size() < line_.size() ? 1 : 0);
      signal(ErrorKind::IndentationError, "unindent does not match any outer indentation level", lnum_, length - 1,
             -1);
    }
    indents_.pop_back();
    altindents_.pop_back();
    emit(TokenType::DEDENT, "", pos_of(pos), pos_of(pos));
  }
  if (altcol != altindents_.back()) tab_error();
}

// CPython's MAXLEVEL: how deeply brackets may nest.
constexpr size_t kMaxBracketDepth = 200;

void Tokenizer::bracket(char c, size_t pos) {
  if (c == '(' || c == '[' || c == '{') {
    if (brackets_.size() >= kMaxBracketDepth) fail_at("too many nested parentheses", pos);
    brackets_.push_back(OpenBracket{.ch = c, .line = lnum_, .col = col_of(pos)});
    return;
  }
  if (brackets_.empty()) fail_at(std::string("unmatched '") + c + "'", pos);
  OpenBracket open = brackets_.back();
  brackets_.pop_back();
  char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
  if (c != want) {
    std::string msg =
        std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + open.ch + "'";
    if (open.line != lnum_) msg += " on line " + std::to_string(open.line);
    fail_at(msg, pos);
  }
}

// Returns the length of a string prefix (possibly 0) if a quote follows it
// at `pos`, or npos if no string starts there.
size_t Tokenizer::string_prefix_length(size_t pos) const {
  size_t n = 0;
  bool r = false, b = false, u = false, f = false;
  while (pos + n < line_.size() && n < 3) {
    char c = line_[pos + n];
    if (c == '\'' || c == '"') break;
    if (n == 2) return std::string_view::npos;
    switch (c | 0x20) {
      case 'r':
        if (r || u) return std::string_view::npos;
        r = true;
        break;
      case 'b':
        if (b || u || f) return std::string_view::npos;
        b = true;
        break;
      case 'f':
        if (f || u || b) return std::string_view::npos;
        f = true;
        break;
      case 'u':
        if (n > 0) return std::string_view::npos;
        u = true;
        break;
      default:
        return std::string_view::npos;
    }
    n++;
  }
  if (pos + n >= line_.size()) return std::string_view::npos;
  char q = line_[pos + n];
  return q == '\'' || q == '"' ? n : std::string_view::npos;
}

// Matches a numeric literal at `pos` the way tokenize's Number pattern does
// (imaginary, then float, then integer), then applies the C tokenizer's
// checks on what may follow.  Returns the end offset.
size_t Tokenizer::scan_number(size_t pos) {
  const std::string_view s = line_;
  auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
  // [0-9](?:_?[0-9])*
  auto digitpart = [&](size_t i) -> size_t {
    if (!is_digit(at(i))) return std::string_view::npos;
    i++;
    for (;;) {
      if (is_digit(at(i))) {
        i++;
      } else if (at(i) == '_' && is_digit(at(i + 1))) {
        i += 2;
      } else {
        return i;
      }
    }
  };
  auto exponent = [&](size_t i) -> size_t {
    if ((at(i) | 0x20) != 'e') return std::string_view::npos;
    i++;
    if (at(i) == '+' || at(i) == '-') i++;
    return digitpart(i);
  };
  auto pointfloat = [&](size_t i) -> size_t {
    size_t e;
    size_t d = digitpart(i);
    if (d != std::string_view::npos && at(d) == '.') {
      e = d + 1;
      size_t frac = digitpart(e);
      if (frac != std::string_view::npos) e = frac;
    } else if (at(i) == '.' && digitpart(i + 1) != std::string_view::npos) {
      e = digitpart(i + 1);
    } else {
      return std::string_view::npos;
    }
    size_t x = exponent(e);
    return x != std::string_view::npos ? x : e;
  };
  auto floatnumber = [&](size_t i) -> size_t {
    size_t p = pointfloat(i);
    if (p != std::string_view::npos) return p;
    size_t d = digitpart(i);
    return d == std::string_view::npos ? d : exponent(d);
  };
  enum { kDecimal, kHex, kOctal, kBinary } kind = kDecimal;
  size_t end = std::string_view::npos;
  // Imaginary.
  size_t d = digitpart(pos);
  if (d != std::string_view::npos && (at(d) | 0x20) == 'j') {
    end = d + 1;
  } else if (size_t fl = floatnumber(pos); fl != std::string_view::npos) {
    end = (at(fl) | 0x20) == 'j' ? fl + 1 : fl;
  } else if (at(pos) == '0' &&
             ((at(pos + 1) | 0x20) == 'x' || (at(pos + 1) | 0x20) == 'o' || (at(pos + 1) | 0x20) == 'b')) {
    char base = static_cast<char>(at(pos + 1) | 0x20);
    kind = base == 'x' ? kHex : base == 'o' ? kOctal : kBinary;
    auto ok = [&](char c) {
      return kind == kHex ? is_hex_digit(c) : kind == kOctal ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
    };
    size_t i = pos + 2;
    for (;;) {
      if (ok(at(i))) {
        i++;
      } else if (at(i) == '_' && ok(at(i + 1))) {
        i += 2;
      } else {
        break;
      }
    }
    if (i == pos + 2) {
      if (kind != kHex && is_digit(at(i))) {
        fail_at(std::string("invalid digit '") + at(i) + "' in " + (kind == kOctal ? "octal" : "binary") + " literal",
                i);
      }
      fail_at(kind == kHex     ? "invalid hexadecimal literal"
              : kind == kOctal ? "invalid octal literal"
                               : "invalid binary literal",
              pos + 1);
    }
    end = i;
  } else if (at(pos) == '0') {
    size_t i = pos + 1;
    for (;;) {
      if (at(i) == '0') {
        i++;
      } else if (at(i) == '_' && at(i + 1) == '0') {
        i += 2;
      } else {
        break;
      }
    }
    if (is_digit(at(i)) || (at(i) == '_' && is_digit(at(i + 1)))) {
      // The one error CPython gives a range: the zeros and the first digit
      // after them.
      size_t digit = at(i) == '_' ? i + 1 : i;
      fail(ErrorKind::SyntaxError,
           "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", lnum_,
           col_of(pos), col_of(digit) + 1);
    }
    end = i;
  } else {
    end = digitpart(pos);
  }
  // What may follow a number: no name character (non-ASCII bytes included,
  // as CPython's is_potential_identifier_char has it), except for the
  // keywords 3.11 still accepts there.
  char next = at(end);
  // An exponent's sign without digits: CPython stops at the sign.
  if (kind == kDecimal && (s[end - 1] | 0x20) != 'j' && (next | 0x20) == 'e' &&
      (at(end + 1) == '+' || at(end + 1) == '-')) {
    fail_at("invalid decimal literal", end + 1);
  }
  // A digit of the wrong base after an underscore (`0b1_2`).
  if ((kind == kOctal || kind == kBinary) && next == '_' && is_digit(at(end + 1))) {
    fail_at(std::string("invalid digit '") + at(end + 1) + "' in " + (kind == kOctal ? "octal" : "binary") + " literal",
            end + 1);
  }
  if (is_ident_char(next)) {
    const char* what = kind == kHex                 ? "invalid hexadecimal literal"
                       : kind == kOctal             ? "invalid octal literal"
                       : kind == kBinary            ? "invalid binary literal"
                       : (s[end - 1] | 0x20) == 'j' ? "invalid imaginary literal"
                                                    : "invalid decimal literal";
    bool keyword = next == 'i' && (at(end + 1) == 'f' || at(end + 1) == 'n' || at(end + 1) == 's');
    for (std::string_view kw : kKeywordsAfterNumber) {
      keyword = keyword || (s.substr(end, kw.size()) == kw && !is_ident_char(at(end + kw.size())));
    }
    if (keyword) {
      warnings_->push_back(TokenizeWarning{.message = what, .line = lnum_, .col = col_of(end - 1)});
      return end;
    }
    if ((kind == kOctal || kind == kBinary) && is_digit(next)) {
      fail_at(std::string("invalid digit '") + next + "' in " + (kind == kOctal ? "octal" : "binary") + " literal",
              end);
    }
    // CPython points at the last character it accepted (past an underscore,
    // which it consumes expecting a digit).
    size_t where = next == '_' && is_hex_digit(s[end - 1]) ? end : end - 1;
    fail_at(what, where);
  }
  return end;
}

// A name with non-ASCII characters must be XID_Start XID_Continue*
// (PEP 3131); CPython reports the first character that is not, at its column.
// Before that it decodes the name: invalid UTF-8 is "(unicode error) 'utf-8'
// codec can't decode byte 0xff in position 1: invalid start byte", the
// position counted from the start of the name, and CPython's offset is the
// byte offset of the name's end on the line (col + 1 here).
void Tokenizer::check_identifier(size_t start, size_t end) {
  std::string decode_error = utf8_decode_error(line_.substr(start, end - start));
  if (!decode_error.empty()) {
    signal(ErrorKind::SyntaxError, "(unicode error) " + decode_error, lnum_, static_cast<int>(end) - 1, -1);
  }
  size_t bad = find_invalid_identifier_char(line_.substr(start, end - start));
  if (bad == std::string_view::npos) return;
  size_t at = start + bad;
  char32_t cp = decode_utf8(line_, at);
  char buf[64];
  if (is_printable(cp)) {
    std::snprintf(buf, sizeof buf, "invalid character '%.*s' (U+%04X)", static_cast<int>(at - start - bad),
                  line_.data() + start + bad, static_cast<unsigned>(cp));
  } else {
    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(cp));
  }
  fail_at(buf, start + bad);
}

void Tokenizer::tokens_in_line(size_t pos) {
  while (pos < line_.size()) {
    const size_t blanks = pos;
    while (pos < line_.size() && (line_[pos] == ' ' || line_[pos] == '\t' || line_[pos] == '\f')) pos++;
    if (pos == line_.size()) return;
    const size_t start = pos;
    const char c = line_[pos];
    auto next = [&](size_t k) { return start + k < line_.size() ? line_[start + k] : '\0'; };

    if (c == '#') {
      size_t end = line_.find_first_of("\r\n", pos);
      if (end == std::string_view::npos) end = line_.size();
      emit_here(TokenType::COMMENT, start, end);
      pos = end;
    } else if (c == '\n' || (c == '\r' && next(1) == '\n')) {
      size_t end = start + (c == '\r' ? 2 : 1);
      emit_here(brackets_.empty() ? TokenType::NEWLINE : TokenType::NL, start, end);
      pos = end;
    } else if (c == '\\') {
      // Backslash-newline continues the line; at the very end of the file
      // it leaves the statement open ("unexpected EOF while parsing").
      if (next(1) == '\n' || (next(1) == '\r' && next(2) == '\n') || start + 1 == line_.size()) {
        continued_ = true;
        return;
      }
      signal(ErrorKind::SyntaxError, "unexpected character after line continuation character", lnum_,
             col_of(start + 1), 0);
    } else if (is_digit(c) || (c == '.' && is_digit(next(1)))) {
      pos = scan_number(start);
      emit_here(TokenType::NUMBER, start, pos);
    } else if (size_t plen = string_prefix_length(start); plen != std::string_view::npos) {
      char q = line_[start + plen];
      bool triple = line_.substr(start + plen, 3) == std::string(3, q);
      pending_ = PendingString{.text = {}, .start = pos_of(start), .quote = q, .triple = triple};
      pos = start + plen + (triple ? 3 : 1);
      if (scan_string_body(pos)) {
        emit_here(TokenType::STRING, start, pos);
        pending_.reset();
      } else {
        pending_->text.assign(line_.substr(start));
        return;
      }
    } else if (is_ident_start(c)) {
      pos++;
      bool ascii = static_cast<unsigned char>(c) < 0x80;
      while (pos < line_.size() && is_ident_char(line_[pos])) {
        ascii = ascii && static_cast<unsigned char>(line_[pos]) < 0x80;
        pos++;
      }
      if (!ascii) check_identifier(start, pos);
      emit_here(TokenType::NAME, start, pos);
    } else {
      std::string_view rest = line_.substr(start);
      const OpSpelling* found = nullptr;  // the longest spelling that matches
      for (const OpSpelling& o : kOperators) {
        if (rest.starts_with(o.text) && (found == nullptr || o.text.size() > found->text.size())) found = &o;
      }
      if (found == nullptr) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", u);
          fail_at(buf, start);
        }
        // `$`, `?`, `!`, a backtick: CPython's tokenizer hands these on and
        // the parser reports "invalid syntax"; `tokenize` shows ERRORTOKEN,
        // and one for each blank before it too.
        for (size_t b = blanks; b < start; b++) emit_here(TokenType::ERRORTOKEN, b, b + 1);
        emit_here(TokenType::ERRORTOKEN, start, start + 1);
        pos = start + 1;
        continue;
      }
      pos = start + found->text.size();
      if (found->text.size() == 1 && std::strchr("()[]{}", c) != nullptr) bracket(c, start);
      emit_here(TokenType::OP, start, pos, found->op);
    }
  }
}

// Whether the last token before trailing comments and NLs belongs to an
// unfinished statement.
bool Tokenizer::statement_continues_at_end() const {
  for (size_t i = out_->size(); i > 0; i--) {
    TokenType type = (*out_)[i - 1].type;
    if (type == TokenType::COMMENT || type == TokenType::NL) continue;
    return type != TokenType::NEWLINE && type != TokenType::INDENT && type != TokenType::DEDENT &&
           type != TokenType::ENCODING;
  }
  return false;
}

// The errors of the end of the input (CPython's tokenizer reads the end
// there: TokenizeError::at_end): a string, a bracket or a backslash still
// open.
void Tokenizer::check_nothing_open() {
  if (pending_) {
    const char* what = pending_->triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
    fail(ErrorKind::SyntaxError,
         std::string(what) + " (detected at line " + std::to_string(static_cast<int>(lines_.size())) + ")",
         pending_->start.line, pending_->start.col);
  }
  if (!brackets_.empty()) {
    const OpenBracket& open = brackets_.back();
    signal(ErrorKind::SyntaxError, std::string("'") + open.ch + "' was never closed", open.line, open.col, 0);
  }
  if (continued_) {
    std::string_view last = lines_.back();
    while (!last.empty() && (last.back() == '\n' || last.back() == '\r')) last.remove_suffix(1);
    signal(ErrorKind::SyntaxError, "unexpected EOF while parsing", static_cast<int>(lines_.size()),
           count_code_points(last), -1);
  }
}

void Tokenizer::finish() {
  try {
    check_nothing_open();
  } catch (SyntaxErrorException& e) {
    e.at_end = true;
    throw;
  }
  std::string_view last = last_line_;
  if (!last.empty() && last.back() != '\n' && last.back() != '\r') {
    size_t first = last.find_first_not_of(" \t\f\v\r\n");
    // A final comment line ends no statement, unless a backslash carried a
    // statement onto it (`x \` then ` # c`): the C tokenizer ends that one
    // with a NEWLINE, where `tokenize` shows none.
    bool comment_only = first != std::string_view::npos && last[first] == '#';
    if (!comment_only || statement_continues_at_end()) {
      int len = count_code_points(last);
      int blen = static_cast<int>(last.size());
      emit(TokenType::NEWLINE, "", Position{.line = end_lnum_ - 1, .col = len, .byte_col = blen},
           Position{.line = end_lnum_ - 1, .col = len + 1, .byte_col = blen + 1});
    }
  }
  Position eof{.line = end_lnum_, .col = 0, .byte_col = 0};
  for (size_t k = 1; k < indents_.size(); k++) emit(TokenType::DEDENT, "", eof, eof);
  emit(TokenType::ENDMARKER, "", eof, eof);
}

}  // namespace

// ===========================================================================
// Public entry points
// ===========================================================================

TokenizeResult tokenize(std::string_view source, bool ignore_cookie) {
  TokenizeResult result;
  DecodedSource decoded;
  try {
    decoded = decode_source(source, ignore_cookie);
    if (decoded.error) {
      result.error = std::move(decoded.error);
      return result;
    }
    result.encoding = decoded.encoding;
    result.tokens.push_back(
        Token{.type = TokenType::ENCODING, .op = OpType::NONE, .text = decoded.encoding, .start = {}, .end = {}});
    Tokenizer tokenizer(decoded.text);
    tokenizer.run(result.tokens, result.warnings);
  } catch (SyntaxErrorException& e) {
    result.error = TokenizeError{.kind = e.kind,
                                 .message = std::move(e.message),
                                 .line = e.line,
                                 .col = e.col,
                                 .end_offset = e.end_offset,
                                 .raised_by_parser = e.raised_by_parser,
                                 .at_end = e.at_end};
  } catch (std::bad_alloc&) {
    result.error = TokenizeError{.kind = ErrorKind::SyntaxError, .message = "out of memory", .line = 0, .col = 0};
  }
  result.text = std::move(decoded.text);
  result.declared = decoded.declared;
  return result;
}

const char* token_type_name(TokenType type) {
  switch (type) {
#define TERN_TOKEN_NAME(name) \
  case TokenType::name:       \
    return #name;
    TERN_TOKEN_TYPES(TERN_TOKEN_NAME)
#undef TERN_TOKEN_NAME
  }
  return "?";
}

const char* op_type_name(OpType op) {
  switch (op) {
#define TERN_OP_NAME(name, spelling) \
  case OpType::name:                 \
    return #name;
    TERN_OPERATORS(TERN_OP_NAME)
#undef TERN_OP_NAME
    case OpType::NONE:
      return "OP";
  }
  return "OP";
}

const char* exact_type_name(const Token& token) {
  if (token.type == TokenType::OP) return op_type_name(token.op);
  return token_type_name(token.type);
}

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::SyntaxError:
      return "SyntaxError";
    case ErrorKind::IndentationError:
      return "IndentationError";
    case ErrorKind::TabError:
      return "TabError";
  }
  return "SyntaxError";
}

}  // namespace tern::compiler
