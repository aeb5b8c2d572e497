// The parser's machinery, shared by its files: parse_statements.cc,
// parse_expressions.cc, parse_targets.cc, parse_patterns.cc, parse_strings.cc.
//
// A hand-written recursive-descent parser following the PEG grammar of
// CPython 3.11 (Grammar/python.gram) rule by rule; the comment above each
// parse_* function gives the rule it implements.  Alternatives that cannot be
// told apart by a token or two of lookahead are tried in order with
// mark()/reset(), as PEG does.
//
// Failure has two forms, both C++ exceptions that never leave parse_module():
//   - NoMatch: this alternative does not apply; the caller may try another.
//     If it reaches the top, the error is CPython's generic one: "invalid
//     syntax" at the furthest token any alternative looked at.
//   - SyntaxErrorInfo: a definite error with its own message (CPython's
//     "invalid_*" rules).  These are raised only where no alternative could
//     succeed, so raising early never rejects valid code.
//
// Positions: a node spans from the first token its rule consumed to the last
// one (start_of(token) ... prev_end()), with byte columns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/parser.h"
#include "runtime/compiler/tokenizer.h"

namespace tern::compiler {

// The keywords, hard and soft, recognised once per NAME token.
enum class Keyword : uint8_t {
  None_,  // not a keyword
  False,
  None,
  True,
  And,
  As,
  Assert,
  Async,
  Await,
  Break,
  Class,
  Continue,
  Def,
  Del,
  Elif,
  Else,
  Except,
  Finally,
  For,
  From,
  Global,
  If,
  Import,
  In,
  Is,
  Lambda,
  Nonlocal,
  Not,
  Or,
  Pass,
  Raise,
  Return,
  Try,
  While,
  With,
  Yield,
  // soft keywords: names everywhere but where the grammar gives them a role
  Match,
  Case,
  Underscore,
};

bool is_hard_keyword(Keyword kw);

struct Tok {
  TokenType type;
  OpType op;
  Keyword kw;
  std::string_view text;
  // Columns in UTF-8 bytes.  col and end_col are -1 for CPython's tokens
  // without a column: ENDMARKER, and the NEWLINE its parser reads for the
  // end of a string's 'eval' or 'single' input that has no final newline.
  int line, col, end_line, end_col;
  int cp_col;                        // start column in code points (SyntaxError.offset)
  int level;                         // brackets open after this token
};

struct NoMatch {};

// Thrown when the parser reaches the token the tokenizer failed on; turned
// into the tokenizer's error where it is caught.
struct TokenizerErrorReached {};

// How deeply the parser may recurse, and how deep a tree it may build
// (CPython 3.11's MAXSTACK).  Beyond it CPython raises MemoryError; Tern
// raises SyntaxError "too many nested expressions" (docs/differences.md).
constexpr int kMaxParseDepth = 6000;

struct Pos {
  int line = 0, col = 0;
};

class Parser {
 public:
  Parser(ast::Arena& arena, std::string_view filename, const TokenizeResult& tokens, std::string_view source_utf8,
         const ParseOptions& options = {});

  ast::Module* parse_file();
  ast::Module* parse_eval();         // see ParseMode::kEval
  ast::Module* parse_interactive();  // see ParseMode::kSingle

  // For f-string expressions: parse `( expr )` source and shift positions.
  ast::expr* parse_fstring_expression();

  // ---------------------------------------------------------- token stream
  const Tok& peek(size_t ahead = 0);
  const Tok& next();  // consume
  // A look at a token for an error message only: the generic error's
  // location (furthest_) stays where the grammar itself got to.
  const Tok& peek_quietly(size_t ahead) {
    size_t saved = furthest_;
    const Tok& t = peek(ahead);
    furthest_ = saved;
    return t;
  }
  bool at_op(OpType op, size_t ahead = 0) { return peek(ahead).op == op && peek(ahead).type == TokenType::OP; }
  bool at_kw(Keyword kw, size_t ahead = 0) { return peek(ahead).kw == kw; }
  bool at(TokenType type, size_t ahead = 0) { return peek(ahead).type == type; }
  bool accept_op(OpType op);
  bool accept_kw(Keyword kw);
  const Tok& expect_op(OpType op);  // NoMatch if absent
  const Tok& expect_kw(Keyword kw);
  const Tok& expect(TokenType type);
  const Tok& expect_name();  // a NAME that is not a hard keyword
  bool at_name(size_t ahead = 0);
  size_t mark() const { return pos_; }
  void reset(size_t mark) { pos_ = mark; }
  Pos start_pos() {
    const Tok& t = peek();
    return {t.line, t.col};
  }
  void shift_tokens(int line, int cols);
  void place_eof_tokens();
  void end_single_input();
  void drop_implied_dedents();
  Pos prev_end() const;
  template <class T>
  T* make(Pos start) {
    T* node = arena_.make<T>();
    set_loc(node, start, prev_end());
    return node;
  }
  static void set_loc(ast::LocatedNode* node, Pos start, Pos end) {
    node->lineno = start.line;
    node->col_offset = start.col;
    node->end_lineno = end.line;
    node->end_col_offset = end.col;
  }
  static Pos start_of(const ast::LocatedNode* node) { return {node->lineno, node->col_offset}; }
  static Pos end_of(const ast::LocatedNode* node) { return {node->end_lineno, node->end_col_offset}; }
  template <class T>
  ast::Seq<T> seq(const std::vector<T>& items) {
    return ast::make_seq(arena_, items);
  }
  std::string_view identifier(const Tok& name);  // NFKC-normalised, in the arena

  // ---------------------------------------------------------- errors
  [[noreturn]] void fail() { throw NoMatch{}; }
  // Runs `parse` as a look-ahead for one of CPython's error messages: what it
  // returns (nullptr if it did not match), with the position and furthest_
  // put back (furthest_any_ keeps what it saw).  Look-aheads do not nest, as CPython's
  // expression_without_invalid does not look for errors either.
  template <class F>
  ast::expr* speculate(F&& parse) {
    if (speculating_) return nullptr;
    size_t m = mark();
    size_t furthest = furthest_;
    speculating_ = true;
    ast::expr* result = nullptr;
    try {
      result = parse();
    } catch (NoMatch&) {
    } catch (...) {  // reaching the tokenizer's error raises it, as in CPython
      speculating_ = false;
      throw;
    }
    speculating_ = false;
    reset(m);
    furthest_ = furthest;
    return result;
  }
  [[noreturn]] void raise(ErrorKind kind, std::string message, Pos start, Pos end);
  [[noreturn]] void raise_at(const Tok& tok, std::string message, ErrorKind kind = ErrorKind::SyntaxError);
  [[noreturn]] void raise_node(const ast::LocatedNode* node, std::string message);
  [[noreturn]] void raise_starting_from(Pos start, std::string message);
  Pos prev_end_before_comma() const;
  [[noreturn]] void raise_range(const ast::LocatedNode* a, const ast::LocatedNode* b, std::string message);
  SyntaxErrorInfo generic_error();
  SyntaxErrorInfo error_at(ErrorKind kind, std::string message, Pos start, Pos end) const;
  SyntaxErrorInfo tokenizer_error() const;
  // The tokenizer's warnings merged, by line, into the parser's.
  std::vector<CompileWarning> all_warnings() const;
  // A string token whose body (or literal part of an f-string) has an escape
  // CPython warns about at byte `offset` of `body` (decode_string_body's
  // invalid_escape_offset): one CompileWarning for each, however often the
  // parser reads the token.
  void warn_invalid_escape(const Tok& token, std::string_view body, long offset);
  bool tokenizer_error_wins() const;
  // ParseOptions::allow_incomplete: whether CPython's tokenizer would have
  // reached the end of the input by the time the parse failed (its E_EOF,
  // E_EOFS, E_EOLS), `at_tokenizer_error` when the parser reached the
  // tokenizer's error; and the "incomplete input" error then raised, at the
  // last token read.
  bool reached_end_of_source(bool at_tokenizer_error) const;
  // Where the grammar knows the input is invalid before reading on for an
  // error message, as CPython's second pass does: CPython's first pass
  // stopped at the furthest token read so far.
  void note_invalid() {
    if (!first_pass_end_) first_pass_end_ = furthest_;
  }
  SyntaxErrorInfo incomplete_input(bool at_tokenizer_error) const;
  std::string_view source_line(int line) const;
  // The line a SyntaxError at `line` quotes (ParseOptions::string_input)
  // when the tokenizer has read up to `tokenizer_line`.
  std::string error_text(int line, int tokenizer_line) const;
  // The line CPython's tokenizer stands on: that of the furthest token read.
  int tokenizer_line() const;
  // Where CPython's tokenizer stands at the end of the input: the length in
  // bytes of the last line, newline included.
  int eof_column() const { return static_cast<int>(source_line(last_line_).size()); }

  // ---------------------------------------------------------- statements
  std::vector<ast::stmt*> statements_until(TokenType end);
  void statement(std::vector<ast::stmt*>& out);
  void simple_stmts(std::vector<ast::stmt*>& out);
  ast::stmt* simple_stmt();
  ast::stmt* compound_stmt();
  ast::stmt* expression_stmt();
  ast::Seq<ast::stmt*> block(const Tok& header, const char* what);
  ast::stmt* function_def(std::vector<ast::expr*> decorators, Pos start);
  ast::stmt* class_def(std::vector<ast::expr*> decorators, Pos start);
  ast::stmt* decorated();
  ast::stmt* if_stmt(bool elif);
  ast::stmt* while_stmt();
  ast::stmt* for_stmt(Pos start, bool is_async);
  ast::stmt* with_stmt(Pos start, bool is_async);
  ast::stmt* try_stmt();
  ast::stmt* import_name();
  ast::stmt* import_from();
  ast::stmt* match_stmt();
  ast::Seq<ast::stmt*> else_block();
  void expect_colon(bool forced);

  // ---------------------------------------------------------- parameters
  ast::arguments* parameters(bool lambda, OpType closer);
  ast::arg* param(bool lambda, bool star_annotation);
  [[noreturn]] void parenthesized_parameters(bool lambda);

  // ---------------------------------------------------------- expressions
  ast::expr* expressions();  // expressions: a, b -> Tuple
  ast::expr* expression();   // expression (conditional, lambda)
  ast::expr* star_expressions();
  ast::expr* star_expression();
  ast::expr* star_named_expression();
  ast::expr* named_expression(bool check_eq = true);
  void mistaken_assignment(ast::expr* e, size_t first_index);
  ast::expr* yield_expr();
  ast::expr* disjunction();
  ast::expr* conjunction();
  ast::expr* inversion();
  ast::expr* comparison();
  ast::expr* bitwise_or();
  ast::expr* bitwise_xor();
  ast::expr* bitwise_and();
  ast::expr* shift_expr();
  ast::expr* sum();
  ast::expr* term();
  ast::expr* factor();
  ast::expr* power();
  ast::expr* await_primary();
  ast::expr* primary();
  ast::expr* primary_trailers(ast::expr* value, Pos start);
  ast::expr* trailer(ast::expr* value, Pos start);
  ast::expr* atom();
  ast::expr* slices();
  ast::expr* slice();
  ast::expr* lambdef();
  ast::expr* paren_atom();
  ast::expr* bracket_atom();
  ast::expr* brace_atom();
  ast::expr* call(ast::expr* func, Pos start);
  std::vector<ast::comprehension*> for_if_clauses();
  void unparenthesized_comprehension_target(const std::vector<ast::expr*>& elts);
  ast::expr* annotated_rhs();

  // ---------------------------------------------------------- targets
  // Sets ctx to Store/Del throughout a target; raises CPython's message
  // ("cannot assign to function call", ...) when it is not one.
  void set_context(ast::expr* target, ast::expr_context ctx, const char* verb);
  ast::expr* star_targets();
  ast::expr* star_target();
  ast::expr* for_target();  // for and comprehension targets, with CPython's errors
  ast::expr* for_target_uncached();
  ast::expr* with_target();  // with ... as target
  std::vector<ast::expr*> del_targets();
  enum class TargetKind { Star, For, Del };
  // CPython's _PyPegen_get_invalid_target: the part of `e` that cannot be
  // assigned to (or deleted), or nullptr.
  ast::expr* invalid_target(ast::expr* e, TargetKind kind);
  static const char* expr_name(const ast::expr* e);
  bool is_parenthesized(const ast::expr* e);
  static bool is_bitwise_or_level(const ast::expr* e);
  void check_assignment_target(ast::expr* target, bool first);
  void legacy_print_statement(ast::expr* name);

  // ---------------------------------------------------------- patterns
  ast::pattern* patterns();
  ast::pattern* pattern();
  ast::pattern* or_pattern();
  ast::pattern* closed_pattern();
  ast::pattern* maybe_star_pattern();
  ast::pattern* mapping_pattern();
  ast::pattern* class_pattern(ast::expr* cls, Pos start);
  ast::expr* literal_expr();
  ast::expr* signed_number();
  ast::expr* name_or_attr();

  // ---------------------------------------------------------- literals
  ast::expr* strings();
  ast::expr* number(const Tok& tok);
  void check_int_digit_limit(const Tok& tok);

  // Counts one nesting level for as long as it lives (recursion, or one
  // more link of a left-nested chain such as a.b.c or 1+2+3).
  class Depth {
   public:
    explicit Depth(Parser& p) : p_(p), saved_(p.depth_) { step(); }
    ~Depth() { p_.depth_ = saved_; }
    void step() {
      if (++p_.depth_ > kMaxParseDepth) p_.raise_at(p_.peek(), "too many nested expressions");
    }

   private:
    Parser& p_;
    int saved_;
  };

  ast::Arena& arena_;
  std::string filename_;
  const TokenizeResult& tokenized_;
  std::string_view source_;
  std::vector<Tok> toks_;
  size_t pos_ = 0;
  size_t furthest_ = 0;      // the furthest token peeked, look-aheads for errors aside
  size_t furthest_any_ = 0;  // the furthest token peeked at all (CPython: p->fill)
  std::optional<size_t> first_pass_end_;  // see note_invalid
  int depth_ = 0;            // see Depth
  // An error CPython's second pass would find before anything that follows;
  // reported only if the parse fails (see parse_module).
  std::optional<SyntaxErrorInfo> deferred_error_;
  // 'single' input that parsed but has more after its statement: CPython's
  // error once parsing succeeded, which no tokenizer error replaces.
  std::optional<SyntaxErrorInfo> bad_single_statement_;
  std::vector<CompileWarning> warnings_;
  std::unordered_set<const char*> warned_bodies_;  // where warn_invalid_escape was called
  // for_target() results by token index: the target and where it ended, or
  // nullptr for no match.
  std::unordered_map<size_t, std::pair<ast::expr*, size_t>> for_target_memo_;
  ParseOptions options_;
  int last_line_ = 0;             // the number of the source's last line (0 when empty)
  bool declared_ = false;         // error offsets in characters (else bytes)
  bool speculating_ = false;      // inside a look-ahead for an error message: no nested ones
  bool tokens_complete_ = false;  // false when tokenizing stopped at an error
};

}  // namespace tern::compiler
