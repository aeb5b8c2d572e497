// String literals: implicit concatenation, bytes, f-strings (with CPython
// 3.11's placement of the nodes inside them), and numbers.
//
// As in CPython 3.11, an f-string is one STRING token that the parser takes
// apart: literal text, `{expression!conversion:format_spec}` fields, nested
// fields inside format specs (one level).  Each expression is parsed by a
// second parser over "(" + text + ")"; its nodes are placed by CPython's
// rule (fstring_find_expr_location): the first line of the expression moves
// right by the string token's column plus the distance from the start of the
// token (or of its line, past a newline) to the '{'.  Every other node of an
// f-string (the JoinedStr, its Constants and FormattedValues) spans the whole
// concatenation of string tokens.
#include <algorithm>
#include <cstring>

#include "runtime/compiler/literals.h"
#include "runtime/compiler/parser_internal.h"

namespace tern::compiler {

using namespace ast;

namespace {

constexpr const char* kFstringPrefix = "f-string: ";

// Builds the JoinedStr values of an f-string concatenation.
class FstringBuilder {
 public:
  FstringBuilder(Parser& p, Pos start, Pos end, bool u_kind) : p_(p), start_(start), end_(end), u_kind_(u_kind) {}

  // Parses the body of one STRING token (text of `tok`), appending parts.
  // recurse: 0 at the top, 1 inside a format spec.  Returns the index in
  // `body` where parsing stopped (a '}' closing a format spec, or the end).
  size_t parse(const Tok& tok, const StringToken& st, size_t at, int recurse, std::vector<expr*>& values,
               std::string& literal) {
    std::string_view body = st.body;
    while (at < body.size()) {
      // Literal text up to a '{' or '}'.
      size_t lit_start = at;
      size_t i = at;
      bool doubled = false;
      while (i < body.size()) {
        char ch = body[i++];
        if (!st.raw && ch == '\\' && i < body.size()) {
          ch = body[i++];
          if (ch == 'N') {
            if (i < body.size() && body[i++] == '{') {
              while (i < body.size() && body[i++] != '}') {
              }
            }
            continue;
          }
        }
        if (ch == '{' || ch == '}') {
          if (recurse == 0) {
            if (i < body.size() && body[i] == ch) {
              doubled = true;
              break;
            }
            if (ch == '}') error("single '}' is not allowed");
          }
          i--;
          break;
        }
      }
      // [lit_start, i) is literal; with `doubled`, body[i - 1] is the first
      // of a doubled brace, kept once.
      std::string_view chunk = body.substr(lit_start, i - lit_start);
      append_literal(tok, chunk, st, literal);
      at = i;
      if (doubled) {
        at = i + 1;
        continue;
      }
      if (at >= body.size()) break;
      if (body[at] == '}') return at;  // end of a format spec
      // body[at] == '{': a replacement field.
      if (recurse >= 2) error("expressions nested too deeply");
      at = field(tok, st, at, recurse, values, literal);
    }
    return at;
  }

  void flush(std::vector<expr*>& values, std::string& literal) { flush(values, literal, start_, end_); }

  void flush(std::vector<expr*>& values, std::string& literal, Pos start, Pos end) {
    if (literal.empty()) return;
    auto* c = p_.arena_.make<Constant>();
    c->value.type = ConstantValue::Type::Str;
    c->value.text = p_.arena_.copy(literal);
    if (u_kind_) c->kind_ = p_.arena_.copy("u");
    Parser::set_loc(c, start, end);
    values.push_back(c);
    literal.clear();
  }

 private:
  [[noreturn]] void error(const std::string& message) {
    const Tok& t = p_.peek();
    p_.raise(ErrorKind::SyntaxError, kFstringPrefix + message, {t.line, t.col}, {t.line, t.col});
  }

  void append_literal(const Tok& tok, std::string_view chunk, const StringToken& st, std::string& literal) {
    if (chunk.empty()) return;
    std::string err;
    long invalid = -1;
    if (!decode_string_body(chunk, st.raw, false, &literal, &err, &invalid, /*fstring_part=*/true)) {
      error_plain(err);
    }
    p_.warn_invalid_escape(tok, chunk, invalid);
  }

  [[noreturn]] void error_plain(const std::string& message) {
    const Tok& t = p_.peek();
    p_.raise(ErrorKind::SyntaxError, message, {t.line, t.col}, {t.line, t.col});
  }

  // One `{...}` field starting at body[at] == '{'; returns the index after '}'.
  size_t field(const Tok& tok, const StringToken& st, size_t at, int recurse, std::vector<expr*>& values,
               std::string& literal) {
    std::string_view body = st.body;
    size_t expr_start = at + 1;
    size_t i = expr_start;
    char quote = 0;
    int quote_len = 0;
    std::vector<char> brackets;
    for (; i < body.size(); i++) {
      char ch = body[i];
      if (ch == '\\') error_plain("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (quote_len == 3) {
            if (i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch) {
              i += 2;
              quote = 0;
            }
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch) {
          quote_len = 3;
          i += 2;
        } else {
          quote_len = 1;
        }
        quote = ch;
        continue;
      }
      if (ch == '[' || ch == '(' || ch == '{') {
        if (brackets.size() >= 200) error("too many nested parenthesis");
        brackets.push_back(ch);
        continue;
      }
      if (ch == '#') error_plain("f-string expression part cannot include '#'");
      if (brackets.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (i + 1 < body.size()) {
          char next = body[i + 1];
          if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
            i++;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      }
      if (ch == ']' || ch == ')' || ch == '}') {
        if (brackets.empty()) error(std::string("unmatched '") + ch + "'");
        char open = brackets.back();
        brackets.pop_back();
        if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
          error(std::string("closing parenthesis '") + ch + "' does not match opening parenthesis '" + open + "'");
        }
      }
    }
    if (quote) error("unterminated string");
    if (!brackets.empty()) error(std::string("unmatched '") + brackets.back() + "'");
    if (i >= body.size()) error("expecting '}'");
    size_t expr_end = i;
    expr* value = compile_expression(tok, st, expr_start, expr_end);

    std::string_view debug_text;
    if (body[i] == '=') {
      i++;
      while (i < body.size() && std::strchr(" \t\n\r\f\v", body[i])) i++;
      if (i >= body.size()) error("expecting '}'");
      debug_text = body.substr(expr_start, i - expr_start);
    }
    int conversion = -1;
    if (body[i] == '!') {
      i++;
      if (i >= body.size()) error("expecting '}'");
      conversion = static_cast<unsigned char>(body[i]);
      i++;
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        error("invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    expr* format_spec = nullptr;
    if (i < body.size() && body[i] == ':') {
      i++;
      if (i >= body.size()) error("expecting '}'");
      std::vector<expr*> spec_values;
      std::string spec_literal;
      i = parse(tok, st, i, recurse + 1, spec_values, spec_literal);
      // A format spec and its text span just this token (CPython 3.11).
      Pos tok_start{tok.line, tok.col}, tok_end{tok.end_line, tok.end_col};
      flush(spec_values, spec_literal, tok_start, tok_end);
      auto* spec = p_.arena_.make<JoinedStr>();
      spec->values = p_.seq(spec_values);
      Parser::set_loc(spec, tok_start, tok_end);
      format_spec = spec;
    }
    if (i >= body.size() || body[i] != '}') error("expecting '}'");
    i++;
    if (!debug_text.empty()) {
      literal += debug_text;  // the text of `expr=` goes before the value
      if (!format_spec && conversion == -1) conversion = 'r';
    }
    flush(values, literal);
    auto* fv = p_.arena_.make<FormattedValue>();
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = format_spec;
    Parser::set_loc(fv, start_, end_);
    values.push_back(fv);
    return i;
  }

  // fstring_compile_expr: parses body[from, to) as "(" + text + ")".
  expr* compile_expression(const Tok& tok, const StringToken& st, size_t from, size_t to) {
    std::string_view text = st.body.substr(from, to - from);
    if (text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) {
      // Python 3.11 names what came too early: a conversion, a spec or '='.
      char next = to < st.body.size() ? st.body[to] : '}';
      if (next == '!' || next == ':' || next == '=') error(std::string("expression required before '") + next + "'");
      error("empty expression not allowed");
    }
    // Where the sub-parser's first line sits (fstring_find_expr_location).
    size_t brace = st.body_offset + from - 1;  // offset of '{' in the token text
    std::string_view token_text = tok.text;
    int lines = 0, cols = 0;
    bool newline_after_brace = true;
    for (size_t k = brace + 1; k < token_text.size() && token_text[k] != '}' && token_text[k] != '\n'; k++) {
      if (token_text[k] != ' ' && token_text[k] != '\t' && token_text[k] != '\f') {
        newline_after_brace = false;
        break;
      }
    }
    if (!newline_after_brace) {
      size_t k = brace;
      while (k > 0 && token_text[k] != '\n') k--;
      cols = static_cast<int>(brace - k);
      if (token_text[k] == '\n') cols -= 1;
    }
    for (size_t k = 0; k < brace; k++) {
      if (token_text[k] == '\n') lines++;
    }
    std::string source = "(" + std::string(text) + ")";
    TokenizeResult tokens = tokenize(source);
    Parser sub(p_.arena_, p_.filename_, tokens, source);
    sub.shift_tokens(tok.line + lines, lines ? cols : tok.col + cols);
    try {
      return sub.parse_fstring_expression();
    } catch (SyntaxErrorInfo& e) {
      if (!e.message.starts_with(kFstringPrefix)) e.message = kFstringPrefix + e.message;  // once, when nested
      throw;
    } catch (TokenizerErrorReached&) {
      // The tokenizer's errors keep their own wording, on the file's line.
      SyntaxErrorInfo e = sub.tokenizer_error();
      e.lineno += tok.line + lines - 1;
      e.text = quoted_line(p_.source_line(e.lineno));
      throw e;
    }
  }

  Parser& p_;
  Pos start_, end_;
  bool u_kind_;
};

}  // namespace

// fstring: star_expressions, over "(" + text + ")".
expr* Parser::parse_fstring_expression() {
  try {
    expr* e = star_expressions();
    expect(TokenType::NEWLINE);
    expect(TokenType::ENDMARKER);
    return e;
  } catch (NoMatch&) {
    throw generic_error();
  }
}

// strings: STRING+
expr* Parser::strings() {
  Pos start = start_pos();
  std::vector<const Tok*> parts;
  std::vector<StringToken> split;
  bool any_bytes = false, any_str = false, any_f = false;
  while (at(TokenType::STRING)) {
    const Tok& t = next();
    parts.push_back(&t);
    split.push_back(split_string_token(t.text));
    (split.back().bytes ? any_bytes : any_str) = true;
    any_f |= split.back().fstring;
  }
  Pos end = prev_end();
  if (any_bytes && any_str) raise_at(peek(), "cannot mix bytes and nonbytes literals");
  bool u_kind = parts[0]->text[0] == 'u';  // kind='u' for a lower-case u prefix only
  if (!any_f) {
    std::string value;
    for (size_t k = 0; k < parts.size(); k++) {
      std::string err;
      long invalid = -1;
      if (!decode_string_body(split[k].body, split[k].raw, split[k].bytes, &value, &err, &invalid)) {
        raise_at(peek(), err);
      }
      warn_invalid_escape(*parts[k], split[k].body, invalid);
    }
    auto* c = arena_.make<Constant>();
    c->value.type = any_bytes ? ConstantValue::Type::Bytes : ConstantValue::Type::Str;
    c->value.text = arena_.copy(value);
    if (u_kind) c->kind_ = arena_.copy("u");
    set_loc(c, start, end);
    return c;
  }
  FstringBuilder builder(*this, start, end, u_kind);
  std::vector<expr*> values;
  std::string literal;
  for (size_t k = 0; k < parts.size(); k++) {
    if (!split[k].fstring) {
      std::string err;
      long invalid = -1;
      if (!decode_string_body(split[k].body, split[k].raw, false, &literal, &err, &invalid)) raise_at(peek(), err);
      warn_invalid_escape(*parts[k], split[k].body, invalid);
      continue;
    }
    builder.parse(*parts[k], split[k], 0, 0, values, literal);
  }
  builder.flush(values, literal);
  auto* j = arena_.make<JoinedStr>();
  j->values = seq(values);
  set_loc(j, start, end);
  return j;
}

// A decimal integer literal longer than sys.get_int_max_str_digits():
// CPython's message for int(), with advice, on the literal's lines and
// without columns.
void Parser::check_int_digit_limit(const Tok& tok) {
  size_t limit = options_.int_max_str_digits;
  std::string_view text = tok.text;
  if (limit == 0 || text.size() <= limit) return;
  // A literal starting with 0 is prefixed or all zeros, which CPython reads
  // as 0 without a limit.
  if (text[0] == '0' || text.find_first_not_of("0123456789_") != std::string_view::npos) return;
  size_t digits = text.size() - static_cast<size_t>(std::count(text.begin(), text.end(), '_'));
  if (digits <= limit) return;
  raise(ErrorKind::SyntaxError,
        "Exceeds the limit (" + std::to_string(limit) + " digits) for integer string conversion: value has " +
            std::to_string(digits) +
            " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge "
            "integer literals to avoid decimal conversion limits.",
        {tok.line, -1}, {tok.end_line, -1});
}

// NUMBER
expr* Parser::number(const Tok& tok) {
  check_int_digit_limit(tok);
  NumberLiteral n = parse_number(tok.text);
  auto* c = arena_.make<Constant>();
  switch (n.kind) {
    case NumberLiteral::Kind::Int:
      c->value.type = ConstantValue::Type::Int;
      c->value.text = arena_.copy(n.int_decimal);
      break;
    case NumberLiteral::Kind::Float:
      c->value.type = ConstantValue::Type::Float;
      c->value.number = n.value;
      break;
    case NumberLiteral::Kind::Complex:
      c->value.type = ConstantValue::Type::Complex;
      c->value.number = n.value;
      break;
  }
  set_loc(c, {tok.line, tok.col}, {tok.end_line, tok.end_col});
  return c;
}

}  // namespace tern::compiler
