// parse_module(), the token stream and the errors; the grammar rules are in
// the parse_*.cc files beside this one (see parser_internal.h).
#include "runtime/compiler/parser.h"

#include <algorithm>
#include <cstring>

#include "runtime/compiler/identifier.h"
#include "runtime/compiler/parser_internal.h"

namespace tern::compiler {

// ===========================================================================
// Keywords
// ===========================================================================

namespace {

struct KeywordName {
  std::string_view text;
  Keyword kw;
};

constexpr KeywordName kKeywords[] = {
    {"False", Keyword::False},
    {"None", Keyword::None},
    {"True", Keyword::True},
    {"and", Keyword::And},
    {"as", Keyword::As},
    {"assert", Keyword::Assert},
    {"async", Keyword::Async},
    {"await", Keyword::Await},
    {"break", Keyword::Break},
    {"class", Keyword::Class},
    {"continue", Keyword::Continue},
    {"def", Keyword::Def},
    {"del", Keyword::Del},
    {"elif", Keyword::Elif},
    {"else", Keyword::Else},
    {"except", Keyword::Except},
    {"finally", Keyword::Finally},
    {"for", Keyword::For},
    {"from", Keyword::From},
    {"global", Keyword::Global},
    {"if", Keyword::If},
    {"import", Keyword::Import},
    {"in", Keyword::In},
    {"is", Keyword::Is},
    {"lambda", Keyword::Lambda},
    {"nonlocal", Keyword::Nonlocal},
    {"not", Keyword::Not},
    {"or", Keyword::Or},
    {"pass", Keyword::Pass},
    {"raise", Keyword::Raise},
    {"return", Keyword::Return},
    {"try", Keyword::Try},
    {"while", Keyword::While},
    {"with", Keyword::With},
    {"yield", Keyword::Yield},
    {"match", Keyword::Match},
    {"case", Keyword::Case},
    {"_", Keyword::Underscore},
};

Keyword keyword_of(std::string_view text) {
  if (text.size() > 8) return Keyword::None_;
  for (const KeywordName& k : kKeywords) {
    if (k.text[0] == text[0] && text == k.text) return k.kw;
  }
  return Keyword::None_;
}

// Code points in the first `bytes` bytes of `line`.
int code_points(std::string_view line, int bytes) {
  int n = 0;
  for (int i = 0; i < bytes && i < static_cast<int>(line.size()); i++) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) n++;
  }
  return n;
}

}  // namespace

bool is_hard_keyword(Keyword kw) { return kw != Keyword::None_ && kw < Keyword::Match; }

// ===========================================================================
// Token stream
// ===========================================================================

Parser::Parser(ast::Arena& arena, std::string_view filename, const TokenizeResult& tokens, std::string_view source_utf8,
               const ParseOptions& options)
    : arena_(arena), filename_(filename), tokenized_(tokens), source_(source_utf8), options_(options) {
  int level = 0;
  const Token* comment = nullptr;  // a COMMENT just before, on the same line
  for (const Token& t : tokens.tokens) {
    if (t.type == TokenType::NEWLINE && comment && comment->start.line == t.start.line) {
      // CPython's NEWLINE after a comment spans the comment.
      Tok tok{t.type,
              t.op,
              Keyword::None_,
              t.text,
              comment->start.line,
              comment->start.byte_col,
              t.end.line,
              comment->end.byte_col,
              comment->start.col,
              level};
      toks_.push_back(tok);
      comment = nullptr;
      continue;
    }
    comment = t.type == TokenType::COMMENT ? &t : nullptr;
    if (t.type == TokenType::COMMENT || t.type == TokenType::NL || t.type == TokenType::ENCODING) continue;
    // `tokenize` shows the blanks before a stray character as ERRORTOKENs;
    // CPython's own tokenizer skips them.
    if (t.type == TokenType::ERRORTOKEN && t.text.find_first_not_of(" \t\f") == std::string::npos) continue;
    if (t.type == TokenType::OP) {
      if (t.op == OpType::LPAR || t.op == OpType::LSQB || t.op == OpType::LBRACE) level++;
      if ((t.op == OpType::RPAR || t.op == OpType::RSQB || t.op == OpType::RBRACE) && level > 0) level--;
    }
    Tok tok{t.type,           t.op,       Keyword::None_, t.text,      t.start.line,
            t.start.byte_col, t.end.line, t.end.byte_col, t.start.col, level};
    if (t.type == TokenType::NAME) tok.kw = keyword_of(t.text);
    // CPython's NEWLINE token ends where it starts, at the '\n' it leaves
    // out of its string (`tokenize` shows it one character long).
    if (t.type == TokenType::NEWLINE) {
      tok.end_line = tok.line;
      tok.end_col = tok.col;
    }
    toks_.push_back(tok);
  }
  place_eof_tokens();
  if (options_.mode == ParseMode::kSingle && options_.string_input) end_single_input();
  // CPython's tokens without a column (see Tok).
  for (size_t i = toks_.size(); i > 0; i--) {
    Tok& t = toks_[i - 1];
    bool implied_newline = t.type == TokenType::NEWLINE && t.text.empty() && options_.string_input &&
                           options_.mode != ParseMode::kExec;
    if (t.type == TokenType::ENDMARKER || implied_newline) {
      t.col = t.end_col = -1;
    } else if (t.type != TokenType::DEDENT) {
      break;
    }
  }
  tokens_complete_ = tokens.ok();
  declared_ = tokens.declared;
  if (!tokens_complete_) {
    // A stand-in for the token the tokenizer failed on: reaching it raises
    // the tokenizer's error, as CPython raises it when fetching that token.
    Tok end{TokenType::ENDMARKER, OpType::NONE, Keyword::None_, {}, 0, 0, 0, 0, 0, 0};
    if (!toks_.empty()) {
      end.line = end.end_line = toks_.back().end_line;
      end.col = end.end_col = toks_.back().end_col;
    }
    toks_.push_back(end);
  }
}

// CPython's tokenizer reports the DEDENTs and ENDMARKER at the end of the
// file on the last line, after its last character (`tokenize` puts them on
// the line after); errors found there are placed accordingly.
void Parser::place_eof_tokens() {
  std::string_view text = source_;
  if (text.empty()) {
    // It has read no line: line 0.
    for (Tok& t : toks_) {
      if (t.type == TokenType::ENDMARKER) t.line = t.end_line = 0;
    }
    return;
  }
  if (text.back() == '\n') text.remove_suffix(1);
  int last_line = 1;
  for (char c : text) last_line += c == '\n';
  last_line_ = last_line;
  std::string_view last = text.substr(text.rfind('\n') == std::string_view::npos ? 0 : text.rfind('\n') + 1);
  if (!last.empty() && last.back() == '\r') last.remove_suffix(1);
  for (size_t i = toks_.size(); i > 0; i--) {
    Tok& t = toks_[i - 1];
    if ((t.type != TokenType::DEDENT && t.type != TokenType::ENDMARKER) || t.line <= last_line) break;
    t.line = t.end_line = last_line;
    t.col = t.end_col = static_cast<int>(last.size());
    t.cp_col = code_points(last, t.col);
  }
}

// PyCF_DONT_IMPLY_DEDENT: CPython's parser ends 'single' input without a
// final newline with a NEWLINE of its own, and the DEDENTs closing the open
// blocks only without this flag.  (Its tokenizer makes DEDENTs only before
// a line with tokens, so all those at the end are the parser's.)
void Parser::drop_implied_dedents() {
  size_t first = toks_.size() - 1;
  while (first > 0 && toks_[first - 1].type == TokenType::DEDENT) first--;
  toks_.erase(toks_.begin() + static_cast<std::ptrdiff_t>(first), toks_.end() - 1);
}

// CPython's parser reads the end of 'single' input without a final newline
// as a NEWLINE (then the DEDENTs, then ENDMARKER), also when the last line
// holds only blanks or a comment, where `tokenize` ends the line with NL.
// There it stands where a statement may be expected: `if x:\n  pass\n  `
// is invalid, or incomplete input.
void Parser::end_single_input() {
  if (source_.empty() || source_.back() == '\n' || source_.back() == '\r') return;
  if (toks_.empty() || toks_.back().type != TokenType::ENDMARKER) return;
  size_t end = toks_.size() - 1;
  while (end > 0 && toks_[end - 1].type == TokenType::DEDENT) end--;
  if (end == 0) return;  // no token before: CPython's ENDMARKER stays one
  const Tok& before = toks_[end - 1];
  if (before.type != TokenType::NEWLINE || !before.text.empty()) {
    Tok newline{TokenType::NEWLINE, OpType::NONE, Keyword::None_, {}, last_line_, 0, last_line_, 0, 0, 0};
    toks_.insert(toks_.begin() + static_cast<std::ptrdiff_t>(end), newline);
  }
  if (options_.dont_imply_dedent) drop_implied_dedents();
}

const Tok& Parser::peek(size_t ahead) {
  size_t at = std::min(pos_ + ahead, toks_.size() - 1);
  if (at > furthest_) furthest_ = at;
  if (at > furthest_any_) furthest_any_ = at;
  if (!tokens_complete_ && at == toks_.size() - 1) throw TokenizerErrorReached{};
  return toks_[at];
}

const Tok& Parser::next() {
  const Tok& t = peek();
  if (pos_ < toks_.size() - 1) pos_++;
  return t;
}

// The end of the last token consumed, not counting NEWLINE, INDENT and
// DEDENT: a block ends where its last statement does.
Pos Parser::prev_end() const {
  for (size_t i = pos_; i > 0; i--) {
    const Tok& t = toks_[i - 1];
    if (t.type == TokenType::NEWLINE || t.type == TokenType::INDENT || t.type == TokenType::DEDENT ||
        t.type == TokenType::ENDMARKER) {
      continue;
    }
    return {t.end_line, t.end_col};
  }
  return {1, 0};
}

// CPython's placement of an f-string expression's nodes: the sub-parser's
// lines start at `line`; on the first one, columns move right by `cols`.
void Parser::shift_tokens(int line, int cols) {
  for (Tok& t : toks_) {
    if (t.end_line == 1) {
      t.col += cols;
      t.end_col += cols;
    }
    t.line += line - 1;
    t.end_line += line - 1;
  }
}

bool Parser::accept_op(OpType op) {
  if (!at_op(op)) return false;
  next();
  return true;
}

bool Parser::accept_kw(Keyword kw) {
  if (!at_kw(kw)) return false;
  next();
  return true;
}

const Tok& Parser::expect_op(OpType op) {
  if (!at_op(op)) fail();
  return next();
}

const Tok& Parser::expect_kw(Keyword kw) {
  if (!at_kw(kw)) fail();
  return next();
}

const Tok& Parser::expect(TokenType type) {
  if (!at(type)) fail();
  return next();
}

bool Parser::at_name(size_t ahead) {
  const Tok& t = peek(ahead);
  return t.type == TokenType::NAME && !is_hard_keyword(t.kw);
}

const Tok& Parser::expect_name() {
  if (!at_name()) fail();
  return next();
}

std::string_view Parser::identifier(const Tok& name) {
  for (char c : name.text) {
    if (static_cast<unsigned char>(c) >= 0x80) return arena_.copy(normalize_identifier(name.text));
  }
  return arena_.copy(name.text);
}

// ===========================================================================
// Errors
// ===========================================================================

std::string_view source_line(std::string_view source, int line) {
  size_t at = 0;
  for (int l = 1; l < line; l++) {
    size_t nl = source.find('\n', at);
    if (nl == std::string_view::npos) return {};
    at = nl + 1;
  }
  size_t nl = source.find('\n', at);
  return source.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl + 1 - at);
}

std::string quoted_line(std::string_view line) {
  std::string out(line);
  if (out.size() >= 2 && out[out.size() - 2] == '\r' && out.back() == '\n') out.erase(out.size() - 2, 1);
  return out;
}

std::string_view Parser::source_line(int line) const { return compiler::source_line(source_, line); }

SyntaxErrorInfo Parser::error_at(ErrorKind kind, std::string message, Pos start, Pos end) const {
  SyntaxErrorInfo e;
  e.kind = kind;
  e.message = std::move(message);
  e.filename = filename_;
  e.lineno = start.line;
  std::string_view text = source_line(start.line);
  // CPython converts a parser error's byte column to characters only when
  // the source declared its encoding (compile() of bytes, as ast.parse and
  // import do it); the tokenizer's own errors always count characters.
  // A token without a column gives 0 (CPython's -1, made 1-based).
  auto offset = [&](std::string_view line, int col) {
    return col < 0 ? 0 : (declared_ ? code_points(line, col) : col) + 1;
  };
  e.offset = offset(text, start.col);
  e.end_lineno = end.line;
  e.end_offset = offset(end.line == start.line ? text : source_line(end.line), end.col);
  e.text = error_text(start.line, tokenizer_line());
  e.quoted = QuotedLine::kFromParser;
  return e;
}

std::string Parser::error_text(int line, int tokenizer_line) const {
  std::string text = quoted_line(source_line(line));
  if (options_.string_input && tokenizer_line > line && !text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

namespace {

// Errors found at the end of the input leave CPython's tokenizer there.
bool at_eof_error(const TokenizeError& e) {
  return e.message == "unexpected EOF while parsing" || e.message.ends_with("' was never closed");
}

}  // namespace

int Parser::tokenizer_line() const {
  size_t at = std::min(furthest_any_, toks_.size() - 1);
  if (!tokens_complete_ && at == toks_.size() - 1) {
    const TokenizeError& e = *tokenized_.error;
    return at_eof_error(e) ? last_line_ : e.line;
  }
  return toks_[at].end_line;
}

void Parser::raise(ErrorKind kind, std::string message, Pos start, Pos end) {
  throw error_at(kind, std::move(message), start, end);
}

void Parser::raise_at(const Tok& tok, std::string message, ErrorKind kind) {
  if (tok.col < 0) {
    // CPython's errors at the last token read take a token without a column
    // as where its tokenizer stands, with no end.
    SyntaxErrorInfo e = error_at(kind, std::move(message), {tok.line, -1}, {tok.line, -1});
    e.offset = eof_column();
    e.end_offset = -1;
    throw e;
  }
  raise(kind, std::move(message), {tok.line, tok.col}, {tok.end_line, tok.end_col});
}

// CPython's RAISE_SYNTAX_ERROR_STARTING_FROM: from `start` to where its
// tokenizer stands, the end of the furthest token read (an end offset CPython
// does not make 1-based).
void Parser::raise_starting_from(Pos start, std::string message) {
  const Tok& t = toks_[furthest_any_];
  // After a NEWLINE the tokenizer stands past the '\n'.
  int end = t.type == TokenType::NEWLINE ? t.end_col + 1 : t.end_col;
  raise(ErrorKind::SyntaxError, std::move(message), start, {t.end_line, end - 1});
}

// The end of the token before the ',' just consumed.
Pos Parser::prev_end_before_comma() const {
  const Tok& t = toks_[pos_ >= 2 ? pos_ - 2 : 0];
  return {t.end_line, t.end_col};
}

void Parser::raise_node(const ast::LocatedNode* node, std::string message) {
  raise(ErrorKind::SyntaxError, std::move(message), start_of(node), end_of(node));
}

void Parser::raise_range(const ast::LocatedNode* a, const ast::LocatedNode* b, std::string message) {
  raise(ErrorKind::SyntaxError, std::move(message), start_of(a), end_of(b));
}

SyntaxErrorInfo Parser::tokenizer_error() const {
  const TokenizeError& t = *tokenized_.error;
  SyntaxErrorInfo e;
  e.kind = t.kind;
  e.message = t.message;
  e.filename = filename_;
  e.lineno = t.line;
  if (t.line == 0) {  // no position: CPython's lineno 0, offset -1, no end and no text
    e.offset = -1;
    return e;
  }
  e.offset = t.col + 1;
  e.end_lineno = t.line;
  e.end_offset = t.end_offset;
  e.quoted = t.raised_by_parser ? QuotedLine::kFromParser : QuotedLine::kFromTokenizer;
  if (t.raised_by_parser) {
    e.text = error_text(t.line, at_eof_error(t) ? last_line_ : t.line);
  } else {
    // CPython's tokenizer quotes the line up to its newline.
    e.text = quoted_line(source_line(t.line));
    if (!e.text.empty() && e.text.back() == '\n') e.text.pop_back();
  }
  return e;
}

std::vector<CompileWarning> Parser::all_warnings() const {
  std::vector<CompileWarning> all;
  for (const TokenizeWarning& w : tokenized_.warnings) {
    // As the tokenizer raises its own errors: the line without its newline.
    SyntaxErrorInfo e;
    e.message = w.message;
    e.filename = filename_;
    e.lineno = e.end_lineno = w.line;
    e.offset = e.end_offset = w.col + 1;
    e.quoted = QuotedLine::kFromTokenizer;
    e.text = quoted_line(source_line(w.line));
    if (!e.text.empty() && e.text.back() == '\n') e.text.pop_back();
    all.push_back(CompileWarning{
        .category = WarningCategory::SyntaxWarning, .message = w.message, .lineno = w.line, .as_error = std::move(e)});
  }
  all.insert(all.end(), warnings_.begin(), warnings_.end());
  std::stable_sort(all.begin(), all.end(),
                   [](const CompileWarning& a, const CompileWarning& b) { return a.lineno < b.lineno; });
  return all;
}

// Tokenizer errors CPython reports only when the parser fetches the token
// (indentation, tabs, EOF inside a statement) lose against an earlier parser
// error; the rest are found by CPython's scan of the whole source after a
// parser error and win, and an unclosed bracket wins when it was opened on
// an earlier line than the parser's error.
bool Parser::tokenizer_error_wins() const {
  if (tokens_complete_) return false;
  const TokenizeError& t = *tokenized_.error;
  // Errors CPython's tokenizer signals without raising (indentation, tabs,
  // EOF, a stray backslash) stop its scan and do not count.
  if (t.kind != ErrorKind::SyntaxError) return false;
  if (t.message == "unexpected EOF while parsing") return false;
  if (t.message == "unexpected character after line continuation character") return false;
  // An unclosed bracket counts if opened on a line before the furthest token
  // the parser had looked at.
  if (t.message.find("' was never closed") != std::string::npos) return t.line < toks_[furthest_any_].line;
  return true;
}

bool Parser::reached_end_of_source(bool at_tokenizer_error) const {
  if (at_tokenizer_error && !first_pass_end_) return tokenized_.error->at_end;
  size_t at = std::min(first_pass_end_.value_or(furthest_), toks_.size() - 1);
  const Tok& t = toks_[at];
  // Tokens CPython's tokenizer gives after reading the end: its ENDMARKER,
  // the NEWLINE CPython's parser adds before it, the DEDENTs at the end.
  if (t.type == TokenType::ENDMARKER || (t.type == TokenType::NEWLINE && t.text.empty())) return true;
  if (t.type == TokenType::DEDENT) {
    if (!tokens_complete_) return false;  // DEDENTs before the line the tokenizer failed on
    for (size_t i = at + 1; i < toks_.size(); i++) {
      if (toks_[i].type != TokenType::DEDENT && toks_[i].type != TokenType::ENDMARKER) return false;
    }
    return true;
  }
  // A name, number or operator the input ends in: reading it, the tokenizer
  // looks at the character after it, the end.  (A string ends at its quote.)
  if (t.type == TokenType::NEWLINE || t.type == TokenType::INDENT || t.type == TokenType::STRING) return false;
  if (source_.empty() || source_.back() == '\n' || source_.back() == '\r') return false;
  return t.end_line == last_line_ && t.end_col == eof_column();
}

SyntaxErrorInfo Parser::incomplete_input(bool at_tokenizer_error) const {
  const char* message = "incomplete input";
  if (at_tokenizer_error && !first_pass_end_) {
    const TokenizeError& e = *tokenized_.error;
    // A string's error leaves the tokenizer after its opening quote; the
    // others at the end.
    if (!at_eof_error(e)) return error_at(ErrorKind::SyntaxError, message, {e.line, e.col}, {e.line, e.col + 1});
  } else {
    const Tok& t = toks_[std::min(first_pass_end_.value_or(furthest_), toks_.size() - 1)];
    if (t.col >= 0 && t.type != TokenType::DEDENT && t.type != TokenType::ENDMARKER) {
      return error_at(ErrorKind::SyntaxError, message, {t.line, t.col}, {t.end_line, t.end_col});
    }
  }
  SyntaxErrorInfo e = error_at(ErrorKind::SyntaxError, message, {last_line_, -1}, {last_line_, -1});
  e.offset = eof_column();
  e.end_offset = -1;
  return e;
}

void Parser::warn_invalid_escape(const Tok& token, std::string_view body, long offset) {
  if (offset < 0 || !warned_bodies_.insert(body.data()).second) return;
  std::string_view escape = body.substr(static_cast<size_t>(offset) + 1);
  std::string message = !escape.empty() && escape[0] >= '4' && escape[0] <= '7'
                            ? "invalid octal escape sequence '\\" + std::string(escape.substr(0, 3)) + "'"
                            : "invalid escape sequence '\\" + std::string(escape.substr(0, 1)) + "'";
  SyntaxErrorInfo as_error =
      error_at(ErrorKind::SyntaxError, message, {token.line, token.col}, {token.end_line, token.end_col});
  warnings_.push_back(CompileWarning{.message = message, .lineno = token.line, .as_error = std::move(as_error)});
}

SyntaxErrorInfo Parser::generic_error() {
  const Tok& t = toks_[std::min(furthest_, toks_.size() - 1)];
  if (t.type == TokenType::INDENT) {
    // CPython places it at the last character of the indentation.
    // Its INDENT token has no end: end_offset -1.
    SyntaxErrorInfo e =
        error_at(ErrorKind::IndentationError, "unexpected indent", {t.line, t.end_col - 1}, {t.end_line, -1});
    e.end_offset = -1;
    return e;
  }
  if (t.type == TokenType::DEDENT) {
    // CPython's offset here is the indentation width, not a 1-based column.
    SyntaxErrorInfo e = error_at(ErrorKind::IndentationError, "unexpected unindent", {t.line, t.col}, {t.end_line, -1});
    e.offset = t.cp_col;
    e.end_offset = -1;
    return e;
  }
  return error_at(ErrorKind::SyntaxError, "invalid syntax", {t.line, t.col}, {t.end_line, t.end_col});
}

// ===========================================================================
// Entry points
// ===========================================================================

ast::Module* Parser::parse_file() {
  std::vector<ast::stmt*> body = statements_until(TokenType::ENDMARKER);
  expect(TokenType::ENDMARKER);
  auto* module = arena_.make<ast::Module>();
  module->body = seq(body);
  return module;
}

// eval: expressions NEWLINE* ENDMARKER
ast::Module* Parser::parse_eval() {
  Pos start = start_pos();
  ast::expr* e = expressions();
  // `print x`: CPython's invalid_legacy_expression.
  if (ast::as<ast::Name>(e) && !at(TokenType::NEWLINE) && !at(TokenType::ENDMARKER)) legacy_print_statement(e);
  while (at(TokenType::NEWLINE)) next();
  expect(TokenType::ENDMARKER);
  auto* statement = arena_.make<ast::Expr>();
  statement->value = e;
  set_loc(statement, start, end_of(e));
  auto* module = arena_.make<ast::Module>();
  module->body = seq(std::vector<ast::stmt*>{statement});
  return module;
}

// interactive: statement_newline
// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
// (a string's blank lines give no NEWLINE, and ENDMARKER is an error), then
// CPython's bad_single_statement: nothing may follow but blanks and comments.
ast::Module* Parser::parse_interactive() {
  std::vector<ast::stmt*> body;
  // CPython's ENDMARKER has no column: "invalid syntax" at offset 0 of the
  // last line read.
  auto at_endmarker = [&] {
    return SyntaxErrorInfo{.kind = ErrorKind::SyntaxError,
                           .message = "invalid syntax",
                           .filename = filename_,
                           .lineno = last_line_,
                           .offset = 0,
                           .end_lineno = last_line_,
                           .end_offset = 0,
                           .text = quoted_line(source_line(last_line_)),
                           .quoted = QuotedLine::kFromParser};
  };
  if (at(TokenType::ENDMARKER)) throw at_endmarker();
  if (ast::stmt* s = compound_stmt()) {
    body.push_back(s);
    // A compound statement ends with a blank line.  At the end of the input
    // CPython's parser reads a NEWLINE for ENDMARKER, but not when the body
    // on the statement's own line ended only at the end of the input (`if
    // x: pass` without a final newline: the NEWLINE without a column).
    if (at(TokenType::ENDMARKER)) {
      const Tok& last = toks_[pos_ - 1];
      if (last.type == TokenType::NEWLINE && last.col < 0) throw at_endmarker();
    } else {
      expect(TokenType::NEWLINE);
    }
  } else {
    simple_stmts(body);
    const Tok& newline = toks_[pos_ - 1];
    size_t rest = 0;  // where the tokenizer stands: past the NEWLINE's line
    for (int line = 1; line <= newline.line && rest < source_.size(); line++) {
      size_t nl = source_.find('\n', rest);
      rest = nl == std::string_view::npos ? source_.size() : nl + 1;
    }
    for (size_t i = rest; i < source_.size(); i++) {
      char c = source_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
      if (c != '#') {
        bad_single_statement_ = error_at(ErrorKind::SyntaxError,
                                         "multiple statements found while compiling a single statement",
                                         {newline.line, newline.col}, {newline.end_line, newline.end_col});
        break;
      }
      while (i < source_.size() && source_[i] != '\n') i++;
    }
  }
  auto* module = arena_.make<ast::Module>();
  module->body = seq(body);
  return module;
}

ParseResult parse_module(std::string_view source, std::string_view filename) { return parse(source, filename, {}); }

ParseResult parse(std::string_view source, std::string_view filename, const ParseOptions& options) {
  ParseResult result;
  result.arena = std::make_unique<ast::Arena>();
  // CPython's string tokenizer ends an 'exec' source with a newline.
  std::string terminated;
  if (options.string_input && options.mode == ParseMode::kExec && !source.empty() && source.back() != '\n' &&
      source.back() != '\r') {
    terminated.reserve(source.size() + 1);
    terminated.append(source);
    terminated.push_back('\n');
    source = terminated;
  }
  TokenizeResult tokens = tokenize(source, options.ignore_cookie);
  Parser parser(*result.arena, filename, tokens, tokens.text, options);
  // After a parser error CPython tokenizes the rest of the source, and some
  // tokenizer errors found there replace it (tokenizer_error_wins); not after
  // "unexpected indent" / "unindent", nor after reaching the error itself.
  bool replaceable = true;
  bool replaceable_by_deferred = true;  // not a tokenizer error the first pass met
  bool at_tokenizer_error = false;
  try {
    switch (options.mode) {
      case ParseMode::kExec:
        result.module = parser.parse_file();
        break;
      case ParseMode::kEval:
        result.module = parser.parse_eval();
        break;
      case ParseMode::kSingle:
        result.module = parser.parse_interactive();
        break;
    }
  } catch (NoMatch&) {
    result.error = parser.generic_error();
    replaceable = result.error->kind == ErrorKind::SyntaxError;
  } catch (SyntaxErrorInfo& error) {
    result.error = std::move(error);
  } catch (TokenizerErrorReached&) {
    result.error = parser.tokenizer_error();
    replaceable = false;
    replaceable_by_deferred = false;
    at_tokenizer_error = true;
  }
  // CPython checks for incomplete input after its first pass fails, before
  // the second pass that finds the specific errors.
  if (result.error && options.allow_incomplete && parser.reached_end_of_source(at_tokenizer_error)) {
    result.error = parser.incomplete_input(at_tokenizer_error);
    result.warnings = parser.all_warnings();
    result.module = nullptr;
    return result;
  }
  if (result.error && parser.deferred_error_ && replaceable_by_deferred) result.error = parser.deferred_error_;
  result.warnings = parser.all_warnings();
  if (!result.error && parser.bad_single_statement_) {
    result.error = parser.bad_single_statement_;
    replaceable = false;
  }
  if (result.error) {
    result.module = nullptr;
    if (replaceable && parser.tokenizer_error_wins()) result.error = parser.tokenizer_error();
  }
  return result;
}

}  // namespace tern::compiler
