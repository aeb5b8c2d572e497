// tern-tokdump FILE: prints FILE's tokens exactly as `python3.11 -m tokenize -e FILE`
// does, so tools/compare-tokens can diff the two.  On a tokenize error prints
// `FILE:LINE:COL: error: MESSAGE` to stderr and exits 1.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "runtime/compiler/tokenizer.h"

namespace {

using tern::compiler::Token;

// Decodes one code point from UTF-8 (the tokenizer's output is valid UTF-8).
uint32_t next_code_point(const std::string& s, size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i++]);
  if (b0 < 0x80) return b0;
  int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
  uint32_t cp = b0 & (0x3F >> extra);
  for (int k = 0; k < extra && i < s.size(); k++) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

// An approximation of str.isprintable() for non-ASCII code points: the
// separators, format characters, surrogates and private-use areas that occur
// in practice.  Unassigned code points are treated as printable.
bool is_printable_non_ascii(uint32_t cp) {
  if (cp <= 0xA0 || cp == 0xAD) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F)) return false;
  if (cp == 0x1680 || cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)) return false;
  if (cp == 0x061C || cp == 0x180E || (cp >= 0x0600 && cp <= 0x0605) || cp == 0x06DD || cp == 0x070F) return false;
  if ((cp >= 0xD800 && cp <= 0xF8FF) || cp >= 0xF0000 || (cp >= 0xE0000 && cp <= 0xE0FFF)) return false;
  return true;
}

// Python's repr() of a str.
std::string py_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  size_t i = 0;
  char buf[16];
  while (i < s.size()) {
    size_t begin = i;
    uint32_t cp = next_code_point(s, i);
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(cp));
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      out += buf;
    } else if (cp < 0x7F || is_printable_non_ascii(cp)) {
      out.append(s, begin, i - begin);
    } else {
      if (cp <= 0xFF) {
        std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      } else if (cp <= 0xFFFF) {
        std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      } else {
        std::snprintf(buf, sizeof buf, "\\U%08x", cp);
      }
      out += buf;
    }
  }
  out.push_back(quote);
  return out;
}

// Python's "%-Ns": pads to N code points.
void pad(std::string& line, const std::string& field, int width) {
  line += field;
  int n = 0;
  for (char c : field) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  for (; n < width; n++) line.push_back(' ');
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: tern-tokdump FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tern-tokdump: cannot open %s\n", argv[1]);
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string source = buffer.str();

  tern::compiler::TokenizeResult result = tern::compiler::tokenize(source);
  if (!result.ok()) {
    const tern::compiler::TokenizeError& e = *result.error;
    std::fprintf(stderr, "%s:%d:%d: error: %s: %s\n", argv[1], e.line, e.col, tern::compiler::error_kind_name(e.kind),
                 e.message.c_str());
    return 1;
  }
  std::string out;
  for (const Token& t : result.tokens) {
    std::string line;
    pad(line,
        std::to_string(t.start.line) + "," + std::to_string(t.start.col) + "-" + std::to_string(t.end.line) + "," +
            std::to_string(t.end.col) + ":",
        20);
    pad(line, tern::compiler::exact_type_name(t), 15);
    pad(line, py_repr(t.text), 15);
    out += line;
    out.push_back('\n');
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
